"""Property-based fuzzing of the whole API against its own OpenAPI document (schemathesis):
no server error, documented statuses and content types, valid requests accepted, invalid
ones refused."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from sun.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def _sans_limite(settings):
    settings.SUN_API_LIMITE_ANONYME = ""  # fuzzing sends many requests from one client


@pytest.fixture(autouse=True)
def _connexion_gardee():
    """Called directly, the WSGI application closes the database connection after each
    request, which would end the test's transaction (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforme_a_son_document_openapi(case):
    case.call_and_validate(headers={"Host": "127.0.0.1", "Accept-Encoding": "identity"})
