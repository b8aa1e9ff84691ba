"""The sweep engine (``tally``) against the item-by-item engine it replaced (``reference``):
the same figures at every item, the same meeting findings, and the same (code, severity,
members, item) findings once each grouped finding is expanded over its items; grouped findings
are maximal runs, and a finding on a single item reads exactly as the reference words it.

Compared on random meetings, on the real texts of the corpus and on the example, all read
through the importer."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from registre.core import Meeting, reference, tally_meeting
from registre.importer import DocumentError, import_path
from tests.shared_data import SHARED, require

from .strategies import meetings

FIGURES = (
    "item",
    "position",
    "present",
    "represented",
    "absent",
    "not_participating",
    "interested_present",
    "voters",
    "quorum_required",
    "quorum_count",
    "quorum_reached",
    "votes_for",
    "votes_against",
    "abstentions",
    "adopted",
    "unanimous",
    "unanimous_of_votes_cast",
    "votes_cast",
    "present_count",
    "represented_count",
)
RUN_CODES = {
    "proxy_principal_present",
    "proxy_holder_absent",
    "proxy_given_twice",
    "proxy_holder_overloaded",
    "substitute_and_proxy",
    "quorum_not_reached",
}
CORPUS = SHARED / "corpus" / "extracts"
EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "registre" / "demo"


def _figures(tally):
    return {name: getattr(tally, name) for name in FIGURES}


def _expanded(findings):
    return {(f.code, f.severity, f.members, item) for f in findings for item in f.items or (None,)}


def _causes(findings):
    return {(f.code, f.severity, f.members) for f in findings}


def _runs_of_the_reference(expected) -> int:
    """Maximal runs of consecutive positions where the reference reports the same cause (its
    message without the item's number), for the codes the sweep groups."""
    positions = defaultdict(list)
    for tally in expected.items:
        for finding in dict.fromkeys(tally.violations):
            if finding.code in RUN_CODES:
                cause = (finding.code, finding.members, finding.message.replace(f"n°{tally.item}", "#"))
                positions[cause].append(tally.position)
    return sum(1 + sum(b != a + 1 for a, b in zip(p, p[1:], strict=False)) for p in positions.values())


def assert_engines_agree(meeting: Meeting) -> None:
    expected, actual = reference.tally_meeting(meeting), tally_meeting(meeting)
    assert actual.violations == expected.violations
    assert actual.rules == expected.rules
    assert len(actual.items) == len(expected.items)
    seen = {}  # by identity: an item twice in the order of passage has equal findings twice
    for old, new in zip(expected.items, actual.items, strict=True):
        assert _figures(new) == _figures(old)
        assert _causes(new.violations) == _causes(old.violations), new.item
        for finding in new.violations:
            seen.setdefault(id(finding), (finding, []))[1].append(new.item)
            if len(finding.items) == 1:
                assert finding in old.violations, finding.message
    old_findings = [f for tally in expected.items for f in tally.violations]
    assert _expanded(f for f, _ in seen.values()) == _expanded(old_findings)
    for finding, items in seen.values():
        assert finding.items == tuple(items), finding.message  # a finding names the items that list it
        assert (finding.from_item, finding.until_item) == (
            (items[0], items[-1]) if len(items) > 1 else (None, None)
        )
    grouped = [f for f, _ in seen.values() if f.code in RUN_CODES]
    assert len(grouped) == _runs_of_the_reference(expected)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_on_random_meetings(meeting):
    assert_engines_agree(meeting)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings(max_items=30, odd=True))
def test_on_random_long_and_odd_meetings(meeting):
    assert_engines_agree(meeting)


def _records() -> list[Path]:
    texts = sorted(require(CORPUS).glob("*.txt")) + sorted((CORPUS / "added").glob("*.txt"))
    return texts + sorted(EXAMPLES.glob("*.md"))


@pytest.mark.parametrize("path", _records(), ids=lambda path: path.name)
def test_on_the_corpus_and_the_example(path):
    try:
        meeting = import_path(path).document.meeting
    except DocumentError:
        pytest.skip("texte que l'importeur refuse : aucune séance à compter")
    assert_engines_agree(meeting)


def test_the_example_has_its_59_items():
    (example,) = EXAMPLES.glob("*.md")
    meeting = import_path(example).document.meeting
    assert len(tally_meeting(meeting).items) == 59
    assert_engines_agree(meeting)
