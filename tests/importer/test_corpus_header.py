"""The meeting's date and authority on the 42 corpus texts: the date is the labelled one (null
where the text states none), and an authority read is never another authority."""

from __future__ import annotations

import re

import pytest

from registre.importer.layout import fold

from .corpus import documents, imported

TEXTS = [(folder, name) for folder in ("extracts", "added") for name in documents(folder)]
_PREFIX = re.compile(
    r"^(?:commune d'|commune de |ville d'|ville de |cc de |cc des |cc du |cc |ca du |communaute de communes (?:du |des |de )?"
    r"|communaute d'agglomeration (?:du |de )?|departement de (?:la |l')?|ccas de )"
)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


@pytest.mark.parametrize("folder,name", TEXTS, ids=[n[:32] for _f, n in TEXTS])
def test_meeting_date(folder, name):
    document = documents(folder)[name]
    read = imported(folder, name)["meeting"]["date"]
    if "date_source" in document:  # the text does not date the meeting: nothing is read
        assert read is None
    else:
        assert read == document["date"]


@pytest.mark.parametrize("folder,name", TEXTS, ids=[n[:32] for _f, n in TEXTS])
def test_an_authority_read_is_the_texts_own(folder, name):
    read = imported(folder, name)["authority"]
    if read is None:
        return
    expected = re.sub(r"\(.*?\)", "", documents(folder)[name]["authority"]).strip()
    core = _PREFIX.sub("", fold(expected))
    longest = max(re.findall(r"[a-z]+", core), key=len)
    assert longest in _letters(read), (read, expected)


def test_most_authorities_are_read():
    read = sum(imported(folder, name)["authority"] is not None for folder, name in TEXTS)
    assert read >= 26
