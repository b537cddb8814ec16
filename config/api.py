"""The one JSON API, /api/v1/: a router per app, one error shape, session or API-key auth.

Errors from tiepdan.lib.errors and Django map to HTTP here and nowhere else.
"""

from __future__ import annotations

from ninja import NinjaAPI

from tiepdan.accounts.access import owes_second_factor
from tiepdan.api import handlers
from tiepdan.api.auth import api_auth, docs_access
from tiepdan.api.errors import Utf8JSONRenderer
from tiepdan.api.throttling import ApiRateThrottle
from tiepdan.integrations.services import authenticate_key

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
    auth=api_auth(check_key=authenticate_key, owes_second_factor=owes_second_factor),
    throttle=[ApiRateThrottle()],
    docs_decorator=docs_access(check_key=authenticate_key, owes_second_factor=owes_second_factor),
    renderer=Utf8JSONRenderer(),
)
handlers.install(api)

api.add_router("/", "tiepdan.integrations.api.router")
api.add_router("/", "tiepdan.cases.api.staff.router")
api.add_router("/", "tiepdan.cases.api.public.router")
api.add_router("/", "tiepdan.reception.api.router")
api.add_router("/", "tiepdan.directives.api.router")
api.add_router("/", "tiepdan.dialogues.api.router")
api.add_router("/", "tiepdan.mediation.api.router")
api.add_router("/", "tiepdan.privacy.api.router")
api.add_router("/", "tiepdan.targets.api.router")
api.add_router("/", "tiepdan.reports.api.router")
