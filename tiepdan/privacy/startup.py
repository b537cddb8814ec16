"""The server does not start without the data key (Law 91/2025; DOMAIN rule 26).

`runserver`, `migrate`, `check` and the job consumer run Django's system checks, so a missing or
malformed TIEPDAN_DATA_KEY stops them with the message of `tiepdan.lib.crypto`; gunicorn loads
`config.wsgi`, which calls `require_data_key()` itself. Tests (settings_test) and demo sites
(TIEPDAN_DEMO=1) fall back to the public development key.
"""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from tiepdan.lib.crypto import require_data_key


def data_key_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        require_data_key()
    except ImproperlyConfigured as exc:
        return [checks.Critical(str(exc), id="tiepdan.E001")]
    return []
