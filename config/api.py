"""The one JSON API, /api/v1/: a router per app, one error shape, session or API-key auth.

Errors from tiepdan.lib.errors and Django map to HTTP here and nowhere else.
"""

from __future__ import annotations

from ninja import NinjaAPI

from tiepdan.integrations import handlers
from tiepdan.integrations.auth import API_AUTH, docs_access
from tiepdan.integrations.errors import Utf8JSONRenderer
from tiepdan.integrations.throttling import ApiRateThrottle

api = NinjaAPI(
    title="tiepdan API",
    version="1",
    description=(
        "Cases, reception, directives, mediation, targets and reports of a ward or province. "
        "Authenticate with `Authorization: Bearer <key>` (or `X-API-Key`), or the site's "
        "session with the `X-CSRFToken` header. Every error is "
        '`{"error": {"code", "message", "fields"}}`; `?lang=en` for English messages.'
    ),
    urls_namespace="api",
    auth=API_AUTH,
    throttle=[ApiRateThrottle()],
    docs_decorator=docs_access,
    renderer=Utf8JSONRenderer(),
)
handlers.install(api)

api.add_router("/", "tiepdan.integrations.api.router")
api.add_router("/", "tiepdan.cases.api.router")
api.add_router("/", "tiepdan.cases.api_public.router")
api.add_router("/", "tiepdan.reception.api.router")
api.add_router("/", "tiepdan.directives.api.router")
api.add_router("/", "tiepdan.dialogues.api.router")
api.add_router("/", "tiepdan.mediation.api.router")
api.add_router("/", "tiepdan.privacy.api.router")
api.add_router("/", "tiepdan.targets.api.router")
api.add_router("/", "tiepdan.reports.api.router")
