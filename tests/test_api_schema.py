"""schemathesis against the app's own OpenAPI schema: no generated input gives a 500, and every error uses the
one error body. The service uses the template provider and its own small library (uploads may mutate it)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import schemathesis
from hypothesis import HealthCheck, settings as hypothesis_settings

from api_support import small_samples
from drafter.api import create_app
from drafter.service import DrafterService
from drafter.settings import Settings


class _Forward:
    """An ASGI app forwarding to the app a fixture builds; until then only the schema is served (the schema
    does not depend on the service, and collecting tests must not build a library)."""

    def __init__(self) -> None:
        self.schema_only = create_app(SimpleNamespace(settings=Settings(_env_file=None), store=None))
        self.target = None

    async def __call__(self, scope, receive, send) -> None:
        await (self.target or self.schema_only)(scope, receive, send)


FORWARD = _Forward()
schema = schemathesis.openapi.from_asgi("/openapi.json", FORWARD)


@pytest.fixture(scope="module", autouse=True)
def real_app(tmp_path_factory):
    root = tmp_path_factory.mktemp("api_schema")
    settings = Settings(data_dir=root / "data", samples_dir=small_samples(root / "samples", 2), provider="template",
                        auth="off", max_upload_bytes=50_000, _env_file=None)
    service = DrafterService(settings)
    service.library.count()  # ingest the two samples before generating requests
    FORWARD.target = create_app(service)
    yield
    FORWARD.target = None


@schema.parametrize()
@hypothesis_settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_for_any_generated_input(case):
    assert FORWARD.target is not None
    response = case.call()
    # 503 is the documented answer when a forced provider (provider=local|openai) is not available
    assert response.status_code < 500 or (response.status_code == 503 and
                                          response.json()["error"]["code"] == "provider_unavailable"), response.text
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["code"] and body["error"]["message"], body
