"""Property-based fuzzing of the whole API against its own OpenAPI document (schemathesis):
no server error, documented statuses and content types, valid requests accepted, invalid
ones refused."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from sun.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def _sans_limite(settings):
    settings.SUN_API_LIMITE_ANONYME = ""  # fuzzing sends many requests from one client


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforme_a_son_document_openapi(case):
    case.call_and_validate(headers={"Host": "127.0.0.1", "Accept-Encoding": "identity"})
