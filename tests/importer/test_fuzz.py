"""No input crashes the importer: mutated real texts and random bytes give a report or a clear
DocumentError, never another exception."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registre.demo import EXAMPLE_EXTRACT
from registre.importer import DocumentError, DocumentReport, import_text
from registre.importer.sources import decode

from .corpus import documents, text_of

# the example and the 42 corpus texts (the corpus is required: without it this module fails)
TEXTS = [EXAMPLE_EXTRACT.read_text(encoding="utf-8")] + [
    text_of(folder, name) for folder in ("extracts", "added") for name in documents(folder)
]

# fragments that steer the readers into their less common paths
FRAGMENTS = [
    "Présents : ",
    "Absents : ",
    "Procurations : ",
    "Votants : ",
    "en exercice : ",
    " à ",
    "(",
    ")",
    ":",
    "/",
    "Délibération n° ",
    "Point n°",
    "à l'unanimité",
    "à la majorité",
    "prend acte",
    "Pour : ",
    "Contre : 0",
    "(jusqu'à la question n°",
    "(à compter de la délibération n°3)",
    "(sauf D90/13 à D96/13)",
    "19h07",
    "suppléé par ",
    "donnant pouvoir à Mme X",
    "N om br e : 4 3",
    "12",
    "0",
    "99999",
    "é",
    "\x00",
    "\ufffd",
    "ne prennent pas part au vote",
    "Adopté à l'unanimité : Adopté à la majorité : ",
    "M. ",
    "Mmes ",
    "JL Bo",
]


@st.composite
def mutated_texts(draw):
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 400)))
        action = draw(st.sampled_from(["cut", "delete", "insert", "duplicate", "swapcase"]))
        if action == "cut":
            text = text[:start]
        elif action == "delete":
            text = text[:start] + text[end:]
        elif action == "insert":
            piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)))
            text = text[:start] + piece + text[start:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + text[start:end].swapcase() + text[end:]
    return text


def _outcome(name: str, data: bytes):
    try:
        text = decode(name, data)
        return import_text(name, text)
    except DocumentError as error:
        assert error.reason
        return error


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(mutated_texts(), st.sampled_from(["utf-8", "cp1252"]))
def test_mutated_real_texts_give_a_report_or_a_clear_error(text, encoding):
    outcome = _outcome("mutation.txt", text.encode(encoding, errors="replace"))
    assert isinstance(outcome, (DocumentReport, DocumentError))
    if isinstance(outcome, DocumentReport):
        data = outcome.data
        assert isinstance(data["deliberations"], list) and isinstance(data["warnings"], list)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_give_a_report_or_a_clear_error(data):
    assert isinstance(_outcome("octets.bin", data), (DocumentReport, DocumentError))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_label_soup_gives_a_report_or_a_clear_error(text):
    assert isinstance(_outcome("soupe.txt", text.encode("utf-8")), (DocumentReport, DocumentError))


@pytest.mark.parametrize(
    "text",
    [
        "Présents : " + "Abc " * 3000,
        "Présents : " + "ABC " * 3000,
        "Présents : MM. " + "ABC, " * 3000,
        "Le " + "deux " * 3000 + "x",
        "Présents : M. X (" * 2000,
        "Pour : 12 Contre : 3 Abstentions : 1 à l'unanimité. " * 600,
        "2 abstentions de M. Jean DUPONT et Mme Anne MARTIN, " * 600,
        "Vu l'avis de la commission (pour : 3). " * 600,
    ],
    ids=lambda text: text[:24],
)
def test_long_runs_of_names_figures_or_capitals_give_a_report_or_a_clear_error(text):
    """Their cost is measured in bench/import.py (CPU time, linear in the size), not here."""
    assert isinstance(_outcome("long.txt", text.encode("utf-8")), (DocumentReport, DocumentError))
