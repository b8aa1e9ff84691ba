"""Every figure the report states carries its evidence: offsets into the decoded text and the
source's own words there, for the meeting and each deliberation, on every corpus text."""

from __future__ import annotations

import pytest

from registre.importer import import_text

from .corpus import documents, imported, text_of

TEXTS = [("extracts", name) for name in documents("extracts")] + [
    ("added", name) for name in documents("added")
]


def _check(data: dict, text: str) -> int:
    checked = 0
    scopes = [data["meeting"]] + data["deliberations"]
    for scope in scopes:
        stated, evidence = scope["stated"], scope["evidence"]
        assert set(evidence) == {key for key, value in stated.items() if value is not None}
        for key, found in evidence.items():
            assert text[found["start"] : found["end"]] == found["text"], key
            checked += 1
    return checked


@pytest.mark.parametrize("folder,name", TEXTS, ids=[n[:32] for _f, n in TEXTS])
def test_every_stated_figure_has_its_evidence(folder, name):
    _check(imported(folder, name), text_of(folder, name))


def test_the_example_states_its_figures_with_evidence(example_text):
    data = import_text("exemple.md", example_text).data
    assert _check(data, example_text) >= 5
    evidence = data["deliberations"][0]["evidence"]
    assert evidence["for"]["text"] == "Pour : 104"
    assert evidence["members_in_office"]["text"].endswith("123")


def test_evidence_survives_markup_and_line_breaks():
    text = "**Conseillers en exercice :**\n27\n\nPrésents : 20 \n**Votants** : 23\n\nDélibération n° 2024-01 : à l'unanimité"
    data = import_text("x.md", text).data
    meeting = data["meeting"]["evidence"]
    assert {k: v["text"] for k, v in meeting.items()} == {
        "members_in_office": "en exercice :**\n27",
        "present": "Présents : 20",
        "voters": "Votants** : 23",
    }
