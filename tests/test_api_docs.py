"""/docs works offline: the page loads Swagger UI from the app itself, never from a CDN, and needs no key."""

from __future__ import annotations

from fastapi.testclient import TestClient

from drafter.api import create_app
from drafter.service import DrafterService


def test_docs_page_and_its_assets_are_served_locally(settings):
    settings.auth = "on"
    client = TestClient(create_app(DrafterService(settings)))
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text and "/openapi.json" in page.text
    assert "cdn" not in page.text.lower()
    script = client.get("/docs-assets/swagger-ui-bundle.js")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.text
    assert client.get("/docs-assets/swagger-ui.css").status_code == 200
    assert "/docs" not in client.get("/openapi.json").json()["paths"]
