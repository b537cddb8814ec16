"""Property-based run of the whole /api/v1/ schema: whatever schemathesis sends, no 5xx.

Bounded and derandomized (fixed examples per operation) so `make test` stays fast and stable.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.api import api
from tiepdan.cases.services import ensure_fields
from tiepdan.cases.tests.factories import receive
from tiepdan.integrations.services import grantable_capabilities
from tiepdan.integrations.tests.factories import make_key

EXAMPLES = 8


schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def key_headers(db, settings, ward_a, officer_a):
    """A key holding every grantable capability, and a few cases to find."""
    settings.TIEPDAN_API_RATE = "100000/m"
    cache.clear()
    ensure_fields(ward_a)
    receive(ward_a, officer_a)
    _key, plain = make_key(ward_a, *grantable_capabilities(), name="Kiểm thử lược đồ")
    # Calls go straight to the WSGI app: keep it from closing the test's database connection
    # at the end of each request, as Django's own test client does.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {plain}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_input_makes_the_api_fail(case, key_headers):
    checks = [not_a_server_error, response_schema_conformance]
    case.call_and_validate(headers=key_headers, checks=checks)
