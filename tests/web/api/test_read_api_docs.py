"""/api/docs/ works offline: Redoc comes from the project's static files, and the page, once
rendered in a real browser, has loaded nothing from another host."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_docs_page_names_only_this_host(client, demo):
    response = client.get("/api/docs/")
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="fr">' in html
    addresses = re.findall(r'(?:src|href|spec-url)="([^"]*)"', html)
    assert addresses and all(a.startswith("/") and not a.startswith("//") for a in addresses), addresses
    assert "/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js" in addresses
    assert "fonts.googleapis" not in html and "cdn." not in html
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "img-src 'self' data:" in policy


@pytest.mark.browser
def test_the_docs_render_in_a_browser_without_any_other_host(live_server, live_demo, page, screenshot):
    requested = []

    def only_here(route):
        requested.append(route.request.url)
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.abort()  # never leave the machine, whatever the page asks

    page.route("**/*", only_here)
    page.goto(f"{live_server.url}/api/docs/")
    page.locator("h1", has_text="API Registre").wait_for()
    assert page.get_by_text("Délibérations publiées", exact=True).count() >= 1
    screenshot("api-docs")
    elsewhere = [url for url in requested if not url.startswith(live_server.url)]
    assert elsewhere == [] and len(requested) >= 3  # the page, the bundle, the OpenAPI document
