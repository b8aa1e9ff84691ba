"""schemathesis against the OpenAPI document the app serves: no server error, responses as documented.

Each operation gets a few generated requests, valid and invalid (anonymous, then with a clerk's
token), on the demo data; the write operations on a clerk's draft get more, aimed at a real draft
(generated bodies edit it, then publish it: afterwards the API answers 409, as declared); every default check of schemathesis runs (not_a_server_error, status
code, content type, response schema and headers conformance, positive data accepted…) except
negative_data_rejection: the API treats an empty filter (``?date_to=``) as no filter and reads
``strict=0`` as false, which that check counts as accepting invalid input.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

pytestmark = pytest.mark.django_db

MAX_EXAMPLES = 8
EXCLUDED = [schemathesis.checks.negative_data_rejection]


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: the WSGI handler must not close the test's transaction."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _application():
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


# the OpenAPI document is generated from the code: loading it needs no database
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", _application())


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_anonymous(case, demo):
    case.call_and_validate(excluded_checks=EXCLUDED)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_as_clerk(case, clerk_header):
    case.call_and_validate(headers={"Authorization": clerk_header}, excluded_checks=EXCLUDED)


writes = schema.include(path_regex=r"^/api/v1/clerk/deliberations/\{id\}/", method=["PATCH", "POST"])


@writes.parametrize()
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_writes_on_a_clerks_draft(case, clerk_header, publishable_draft):
    case.path_parameters = {**(case.path_parameters or {}), "id": publishable_draft.pk}
    case.call_and_validate(headers={"Authorization": clerk_header}, excluded_checks=EXCLUDED)


@pytest.fixture
def publishable_draft(draft):
    """A draft with its ACTES subject: a generated request may publish it."""
    draft.actes_code = "7.4"
    draft.save(update_fields=["actes_code"])
    return draft


@pytest.fixture
def clerk_header(token_for):
    return token_for("greffe")
