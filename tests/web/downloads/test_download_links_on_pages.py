"""The pages people use carry the download links, each to a file they may fetch."""

import re

from django.urls import reverse

from registre.web.grants.models import Agreement


def _links(response):
    assert response.status_code == 200
    return re.findall(r'href="(/documents/[^"]+)"', response.content.decode())


def _fetch_all(client, links):
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
        assert response["Content-Disposition"].startswith("attachment")


def test_public_deliberation_page_offers_the_extract(client, demo):
    links = _links(client.get("/deliberations/grand-besancon-metropole/2021/5795/"))
    assert any(link.endswith("extrait.pdf") for link in links)
    _fetch_all(client, links)


def test_clerk_pages_offer_extract_list_and_minutes(client_for, demo):
    clerk = client_for("greffe")
    deliberation = demo["deliberation"]
    links = _links(clerk.get(reverse("clerk:deliberation", args=[deliberation.pk])))
    links += _links(clerk.get(reverse("clerk:meeting", args=[deliberation.item.meeting.pk])))
    assert any("minutes" in link for link in links) and any("extrait" in link for link in links)
    _fetch_all(clerk, links)


def test_agreement_pages_offer_the_agreement(client_for, demo):
    agreement = Agreement.objects.get()
    officer = client_for("subventions")
    links = _links(officer.get(reverse("grants:agreement", args=[agreement.pk])))
    assert links
    _fetch_all(officer, links[:1])
    beneficiary = client_for("pole-microtechniques")
    assert _links(beneficiary.get(reverse("grants:portal_agreement", args=[agreement.pk])))
