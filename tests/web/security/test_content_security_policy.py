"""Finding 6 (CSP): pages had no Content-Security-Policy. Every page now forbids any script,
style, image or font from elsewhere and any inline script or style; the pages pass it: no inline
script, style or event handler is left (checked on every page of the permission matrix), and
chromium reports no violation on the pages each role uses, the clerk's live tally included."""

import re

import pytest
from django.test import Client

from ..test_permissions import (
    IDENTITIES,
    OK,
    ROUTES,
    _patterns,
    _permission,
    expected,
)

INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "style element": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"<[^>]+\sstyle=", re.IGNORECASE),
    "event handler": re.compile(r"<[^>]+\son[a-z]+=", re.IGNORECASE),
    "javascript: URL": re.compile(r"(href|src|action)=[\"']?\s*javascript:", re.IGNORECASE),
}
OWN_POLICY = {"api/docs/"}  # the API documentation (Redoc) sends its own policy


def test_every_page_sends_the_policy(client, demo):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def _html_pages():
    from django.urls import get_resolver

    callbacks = dict(_patterns(get_resolver()))
    for route, (method, template, _scope) in ROUTES.items():
        if method != "GET" or route in OWN_POLICY:
            continue
        permission = _permission(callbacks[route])
        for identity in IDENTITIES:
            if expected(route, permission, identity) == OK:
                yield route, template, identity
                break


@pytest.mark.parametrize(("route", "template", "identity"), list(_html_pages()))
def test_no_page_carries_inline_script_or_style(route, template, identity, objects, demo):
    client = Client()
    if IDENTITIES[identity]:
        client.force_login(demo["users"][IDENTITIES[identity]])
    response = client.get(template.format(**objects))
    if not response.get("Content-Type", "").startswith("text/html"):
        return  # files, JSON and calendars run nothing
    html = response.content.decode()
    found = {name: pattern.findall(html)[:3] for name, pattern in INLINE.items() if pattern.search(html)}
    assert found == {}, f"{identity} {route}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chromium_reports_no_violation_on_each_roles_pages(live_server, live_demo, page, screenshot):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.log("
        "'Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    base = live_server.url
    page.goto(f"{base}/")
    page.goto(f"{base}/deliberations/grand-besancon-metropole/2021/5795/")
    for username, pages in {
        "greffe": ["/greffe/", f"/greffe/seances/{live_demo['deliberation'].item.meeting_id}/"],
        "subventions": ["/subventions/", f"/subventions/conventions/{live_demo['agreement'].pk}/"],
        "pole-microtechniques": ["/subventions/portail/"],
        "admin": ["/admin/", "/admin/accounts/user/", "/admin/axes/accessattempt/"],
    }.items():
        page.context.clear_cookies()
        page.goto(f"{base}/comptes/connexion/")
        page.fill("#id_username", username)
        page.fill("#id_password", "registre-demo")
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_load_state()
        for path in pages:
            page.goto(f"{base}{path}")
            page.wait_for_load_state("networkidle")
    screenshot("csp-admin-utilisateurs")
    assert violations == [], "\n".join(violations)
