"""Every clerk URL of Grand Besançon's records: 404 for another authority's clerk, login for
anonymous visitors, 403 for a beneficiary."""

import pytest
from django.urls import reverse

from registre.web.clerk.urls import urlpatterns


@pytest.fixture
def urls(meeting, demo):
    from registre.web.register.models import Proxy

    council = meeting.council
    members = list(council.members.order_by("pk"))
    proxy = Proxy.objects.create(meeting=meeting, principal=members[6], holder=members[1])
    ids = {"pk": None, "number": 2, "proxy_pk": proxy.pk}
    found = []
    for pattern in urlpatterns:
        route = str(pattern.pattern)
        if "<" not in route:
            continue
        if route.startswith("assemblees"):
            kwargs = {"pk": council.pk}
        elif route.startswith("conseillers"):
            kwargs = {"pk": members[0].pk}
        elif route.startswith("deliberations"):
            kwargs = {"pk": demo["deliberation"].pk}
        else:
            kwargs = {
                "pk": meeting.pk,
                **{k: ids[k] for k in ("number", "proxy_pk") if f"<int:{k}>" in route},
            }
        found.append(reverse(f"clerk:{pattern.name}", kwargs=kwargs))
    assert len(found) >= 20
    return found


def test_another_authoritys_clerk_gets_404_everywhere(voisine, urls):
    for url in urls:
        assert voisine.get(url).status_code == 404, url
        assert voisine.post(url, {}).status_code == 404, url


def test_anonymous_is_sent_to_login_and_beneficiary_gets_403(client, client_for, urls):
    from registre.web.accounts.models import User

    User.objects.create_user("beneficiaire-clerk", password="x", role=User.BENEFICIARY)
    beneficiary = client_for("beneficiaire-clerk")
    for url in urls + ["/greffe/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/connexion/" in response["Location"], url
        assert beneficiary.get(url).status_code == 403, url
        assert beneficiary.post(url, {}).status_code == 403, url
