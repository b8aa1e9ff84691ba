"""A clerk reads the audit trail of their authority: who changed which record, when, old and new
values; another authority's clerk does not see it; the administrator sees every authority's."""

from html import unescape

from auditlog.models import LogEntry

from registre.web.register.models import Member


def test_a_change_is_recorded_with_who_when_and_the_values(greffe, demo, council):
    bodin = council.members.get(last_name="BODIN")
    response = greffe.post(
        f"/greffe/conseillers/{bodin.pk}/",
        {"civility": "M.", "first_name": "Nicolas", "last_name": "BODIN-MARTIN", "commune": "Besançon"},
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(Member.objects.get(pk=bodin.pk)).order_by("-pk").first()
    assert entry.action == LogEntry.Action.UPDATE and entry.actor == demo["users"]["greffe"]
    assert entry.changes_dict["last_name"] == ["BODIN", "BODIN-MARTIN"]
    assert entry.additional_data == {"authority": demo["authority"].pk, "actor": "greffe"}
    page = unescape(greffe.get("/greffe/journal/").content.decode())
    assert "<code>last_name</code> : BODIN → BODIN-MARTIN" in page and "greffe" in page


def test_the_publication_is_in_the_trail_under_the_token_s_clerk(client, demo, meeting):
    from registre.web.api.models import ApiToken

    from ..publication_cases import WARNINGS, prepare

    _token, key = ApiToken.issue(demo["users"]["greffe"])
    deliberation = prepare(next(c for c in WARNINGS if c.name == "roster_count"), meeting)
    url = f"/api/v1/clerk/deliberations/{deliberation.pk}/publish/"
    auth = {"content_type": "application/json", "HTTP_AUTHORIZATION": f"Token {key}"}
    keys = [w["key"] for w in client.post(url, {}, **auth).json()["warnings"]]
    assert client.post(url, {"acknowledged": keys}, **auth).status_code == 200
    entry = LogEntry.objects.get_for_object(deliberation).filter(action=LogEntry.Action.UPDATE).latest("pk")
    assert entry.actor == demo["users"]["greffe"] and entry.changes_dict["status"] == ["draft", "published"]


def test_each_clerk_reads_only_their_authority_s_trail(greffe, voisine, demo, council):
    assert "Bureau communautaire" in unescape(greffe.get("/greffe/journal/").content.decode())
    page = unescape(voisine.get("/greffe/journal/").content.decode())
    assert "Bureau communautaire" not in page and "Grand Besançon" not in page


def test_the_administrator_reads_every_authority_s_trail(client, client_for, greffe, voisine, demo, council):
    assert (
        voisine.post("/greffe/assemblees/nouvelle/", {"name": "Conseil municipal de Voisine"}).status_code
        == 302
    )
    assert greffe.get("/greffe/journal/tout/").status_code == 403
    assert client.get("/greffe/journal/").status_code == 302  # to the login page
    page = unescape(client_for("admin").get("/greffe/journal/tout/").content.decode())
    assert "Bureau communautaire" in page and "Conseil municipal de Voisine" in page
