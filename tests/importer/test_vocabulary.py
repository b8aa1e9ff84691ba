"""The vocabulary, fragment by fragment: each example of each alternative is matched, each refused
example is not; the scans that skip to a fragment's words find what a full scan finds."""

from __future__ import annotations

import re

import pytest

from registre.importer.attendance import _SECTION
from registre.importer.counts import _label_term
from registre.importer.layout import INDEXED, FlatText, fold
from registre.importer.vocabulary import LABEL_STARTS, LABELS, TERMS

from .corpus import documents, text_of

EXAMPLES = [(t.name, e) for t in TERMS.values() for e in t.examples]
REFUSED = [(t.name, e) for t in TERMS.values() for e in t.refuses]


def test_every_fragment_has_an_example():
    assert [t.name for t in TERMS.values() if not t.examples] == []


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[f"{n}-{e[:30]}" for n, e in EXAMPLES])
def test_each_example_is_matched(name, example):
    assert TERMS[name].regex.search(fold(example)), f"{name} : « {example} »"


@pytest.mark.parametrize("name,example", REFUSED, ids=[f"{n}-{e[:30]}" for n, e in REFUSED])
def test_each_refused_example_is_not(name, example):
    assert not TERMS[name].regex.search(fold(example)), f"{name} : « {example} »"


def test_no_pattern_spells_an_accent():
    """Fragments match the folded text: an accented letter in one would never match."""
    accented = re.compile(r"[éèêëàâäçùûüîïôöœ]")
    assert [t.name for t in TERMS.values() if accented.search(re.sub(r"#[^\n]*", "", t.pattern))] == []


def test_no_repetition_was_lost_in_an_f_string():
    """ "{3,60}" in an f-string is the tuple (3, 60): the pattern would match the text "(3, 60)"."""
    assert [t.name for t in TERMS.values() if re.search(r"\(\d+, ?\d*\)", t.pattern)] == []


def test_every_anchor_is_indexed():
    words = {w for t in TERMS.values() for w in t.anchors | t.starts} | LABEL_STARTS
    assert words <= INDEXED


PAGES = [("extracts", n) for n in documents("extracts")] + [("added", n) for n in documents("added")]
# the count labels are read as one pattern (``_label_term``), tried at LABEL_STARTS
SKIPPING = [
    t
    for t in TERMS.values()
    if (t.anchors or t.starts or t.at_numbers or t.marks) and t not in LABELS.values()
]


@pytest.mark.parametrize("folder,name", PAGES, ids=[n[:32] for _f, n in PAGES])
def test_a_scan_that_skips_ahead_finds_what_a_full_scan_finds(folder, name, example_text):
    for text in (text_of(folder, name), example_text):
        page = FlatText.of(text)
        for term in [*SKIPPING, _label_term(), _SECTION]:
            skipping = [m.span() for m in page.finditer(term)]
            full = [m.span() for m in term.regex.finditer(page.low)]
            assert skipping == full, term.name
        labels = [m.span() for m in page.match_at_words(_label_term().regex, LABEL_STARTS)]
        assert labels == [m.span() for m in _label_term().regex.finditer(page.low)]


def test_an_undeclared_word_is_an_error_not_an_empty_answer():
    with pytest.raises(KeyError):
        FlatText.of("Présents : 12").positions_of("zygomatique")
