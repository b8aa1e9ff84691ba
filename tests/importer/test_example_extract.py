"""The example extract (Grand Besançon Métropole, 7 October 2021, item 19): every figure."""

import pytest

from registre.importer import import_text


@pytest.fixture(scope="module")
def document(example_text):
    return import_text("exemple.md", example_text).data


@pytest.fixture(scope="module")
def deliberation(document):
    assert len(document["deliberations"]) == 1
    return document["deliberations"][0]


def test_meeting_header(document):
    meeting = document["meeting"]
    assert document["authority"] == "Grand Besançon Métropole"
    assert meeting["date"] == "2021-10-07"
    assert meeting["chair"] == "Anne VIGNOT"
    assert meeting["secretary"] == "Françoise PRESSE"
    assert (meeting["opened_at"], meeting["closed_at"]) == ("18:38", "21:53")
    assert meeting["members_in_office"] == 123
    assert meeting["order_of_passage"] == list(range(1, 60))
    assert meeting["place"].startswith("la Chambre de commerce et d'industrie du Doubs")


def test_roster_by_commune_with_substitutes(document):
    members = {m["name"]: m for m in document["members"]}
    assert len(members) == 123
    assert members["Michel GABRIEL"] == {
        "name": "Michel GABRIEL",
        "civility": "M.",
        "commune": "Champagney",
        "substitute": True,
    }
    assert members["Annette GIRARDCLOS"]["substitute"] is True
    assert members["Françoise GALLIOU"]["commune"] == "Audeux"
    assert members["Thomas JAVAUX"]["commune"] == "Amagney"
    assert sum(m["substitute"] for m in members.values()) == 2
    assert len({m["commune"] for m in members.values()}) == 68


def test_kevin_and_kevin_are_one_member(document):
    lines = [a for a in document["attendance"] if "BERTAGNOLI" in a["member"]]
    assert {a["member"] for a in lines} == {"Kévin BERTAGNOLI"}
    assert {(a["present"], a["from_item"], a["until_item"]) for a in lines} == {
        (True, 9, None),
        (False, None, 8),
    }


def test_proxies_and_their_windows(document):
    proxies = {p["principal"]: p for p in document["proxies"]}
    assert len(proxies) == 22
    assert proxies["Jean-Hugues ROUX"] == {
        "principal": "Jean-Hugues ROUX",
        "holder": "Juliette SORLIN",
        "from_item": 2,
        "until_item": None,
    }
    assert proxies["Benoît VUILLEMIN"]["from_item"] == 7
    assert proxies["Claudine CAULET"]["until_item"] == 7


def test_item_19_figures(deliberation):
    computed = deliberation["computed"]
    assert deliberation["number"] == "2021/005795"
    assert deliberation["item"] == 19
    assert computed["present"] == 91
    assert computed["represented"] == 18
    assert computed["not_participating"] == 5
    assert computed["voters"] == 104
    assert (computed["for"], computed["against"], computed["abstain"]) == (104, 0, 0)
    assert computed["quorum_required"] == 62
    assert computed["quorum_reached"] is True
    assert computed["adopted"] is True
    assert computed["unanimous"] is True


def test_item_19_stated_figures_agree(deliberation):
    stated = deliberation["stated"]
    assert {
        key: stated[key]
        for key in (
            "members_in_office",
            "present",
            "represented",
            "voters",
            "for",
            "against",
            "abstain",
            "not_participating",
        )
    } == {
        "members_in_office": 123,
        "present": None,
        "represented": None,
        "voters": None,
        "for": 104,
        "against": 0,
        "abstain": 0,
        "not_participating": 5,
    }
    # the keys other layouts print stay null: the example does not state them
    assert all(
        stated[key] is None
        for key in (
            "legal_members",
            "present_titular",
            "present_substitutes",
            "absent",
            "proxies",
            "votes_cast",
        )
    )
    assert deliberation["result"] == "unanimous"
    assert deliberation["consistent"] is True
    assert [v for v in deliberation["violations"] if v["severity"] == "violation"] == []


def test_interested_members_including_the_absent_one(deliberation):
    assert deliberation["interested_members"] == [
        "Frédérique BAEHR",
        "Benoît VUILLEMIN",
        "Sébastien COUDRY",
        "Nicolas BODIN",
    ]
    assert deliberation["rapporteur"] == "Mme Anne VIGNOT, Présidente"
    assert deliberation["committee"].startswith("Innovation, attractivité")


def test_vuillemin_overlap_is_resolved_with_a_warning(document):
    warnings = [w for w in document["warnings"] if w["code"] == "attendance_overlap_resolved"]
    assert len(warnings) == 1 and warnings[0]["items"] == [7] and "VUILLEMIN" in warnings[0]["message"]


def test_example_carries_no_other_warning_or_violation(document):
    # the example is complete: its annexes after "Pour extrait conforme" are no sign of truncation
    assert [w["code"] for w in document["warnings"]] == ["attendance_overlap_resolved"]
    assert document.get("violations", []) == []


def test_attendance_and_proxies_over_the_59_items_with_names_whole(document):
    """A surname that is also an office stays the surname: "M. Claude MAIRE" of Noironte."""
    assert document["meeting"]["order_of_passage"] == list(range(1, 60))
    assert (len(document["attendance"]), len(document["proxies"])) == (130, 22)
    members = {m["name"]: m for m in document["members"]}
    assert members["Claude MAIRE"]["commune"] == "Noironte"
    assert "Claude" not in members
    assert any(a["member"] == "Claude MAIRE" and a["present"] for a in document["attendance"])
