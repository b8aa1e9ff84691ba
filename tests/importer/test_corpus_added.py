"""The thirty texts of ../shared/corpus/extracts/added, from authorities nobody tuned for: every
labelled figure is read, none is read wrong, every explicit null stays null, and each figure is
read where the text states it (the labels' ``evidence``)."""

from __future__ import annotations

import re

import pytest

from registre.importer.layout import fold

from .corpus import documents, expected_figures, imported, outcome, read_figures, target_act, text_of

DOCUMENTS = documents("added")  # fails loudly when ../shared/corpus is absent
EVIDENCE_KEYS = {"pour": "for", "contre": "against", "abstention": "abstain", "npp": "not_participating"}


def _labelled():
    for name, document in DOCUMENTS.items():
        for key, value in expected_figures(document).items():
            if value is not None:
                yield pytest.param(name, key, value, id=f"{name[:28]}-{key}")


@pytest.mark.parametrize("name,key,value", list(_labelled()))
def test_labelled_figure_is_read(name, key, value):
    read = read_figures(imported("added", name), DOCUMENTS[name])
    assert outcome(value, read[key]) == "right", f"{key}: lu {read[key]}, attendu {value}"


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_figure_the_text_does_not_state_stays_null(name):
    read = read_figures(imported("added", name), DOCUMENTS[name])
    invented = {
        key: read[key]
        for key, value in expected_figures(DOCUMENTS[name]).items()
        if value is None and read[key] is not None
    }
    assert invented == {}


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_no_figure_is_read_wrong_anywhere_in_the_document(name):
    """The meeting's figures too: a number the labels give must not be contradicted by the meeting's."""
    data = imported("added", name)
    meeting = data["meeting"]["stated"]
    for key, value in expected_figures(DOCUMENTS[name]).items():
        if value is not None and key in meeting and meeting[key] is not None:
            assert meeting[key] == value, key


def _where(text: str, words: str) -> list[tuple[int, int]]:
    """Every place of the text that says these words (whatever the spacing, accents or apostrophes)."""
    pattern = r"\s*".join(re.escape(w) for w in fold(words).split())
    return [m.span() for m in re.finditer(pattern, fold(text))]


def _evidenced():
    for name, document in DOCUMENTS.items():
        figures = expected_figures(document)
        for key, words in document.get("evidence", {}).items():
            field = EVIDENCE_KEYS.get(key, key)
            if figures.get(field) is not None:
                yield pytest.param(name, field, words, id=f"{name[:28]}-{field}")


@pytest.mark.parametrize("name,field,words", list(_evidenced()))
def test_figure_is_read_where_the_text_states_it(name, field, words):
    data = imported("added", name)
    act = target_act(data, DOCUMENTS[name])
    evidence = (act or data["meeting"])["evidence"][field]
    places = _where(text_of("added", name), words)
    assert places, f"« {words} » introuvable dans le texte"
    assert any(start < evidence["end"] and evidence["start"] < end for start, end in places), evidence
