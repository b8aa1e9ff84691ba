from registre.core import Window, tally_meeting

from .builders import absent, codes, item, key, meeting, members, present

ROSTER = members("A", "B", "C")
ITEMS = [item(n) for n in range(1, 6)]


def _present_by_item(attendance, order=None):
    result = tally_meeting(meeting(ROSTER, attendance, items=ITEMS, order=order))
    return {t.item: t.present for t in result.items}, result


def test_present_from_an_item_is_absent_before_it():
    by_item, _ = _present_by_item([present("A"), present("B", Window(from_item=3))])
    assert [key("B") in by_item[n] for n in range(1, 6)] == [False, False, True, True, True]


def test_absent_until_an_item_inclusive_then_present():
    by_item, _ = _present_by_item([present("A"), absent("B", Window(until_item=2))])
    assert [key("B") in by_item[n] for n in range(1, 6)] == [False, False, True, True, True]


def test_complementary_windows_agree():
    by_item, result = _present_by_item(
        [
            present("A"),
            present("B", Window(from_item=3)),
            absent("B", Window(until_item=2)),
        ]
    )
    assert [key("B") in by_item[n] for n in range(1, 6)] == [False, False, True, True, True]
    assert not result.violations


def test_loose_until_is_resolved_from_its_counterpart_with_a_warning():
    # the example: "présent jusqu'à la question n°7" and "absent à compter de la question 7"
    by_item, result = _present_by_item(
        [
            present("A"),
            present("B", Window(until_item=3, loose_end=True)),
            absent("B", Window(from_item=3)),
        ]
    )
    assert [key("B") in by_item[n] for n in range(1, 6)] == [True, True, False, False, False]
    assert codes(result.violations) == ["attendance_overlap_resolved"]


def test_present_and_absent_at_once_is_a_violation():
    _, result = _present_by_item(
        [present("A"), present("B", Window(until_item=4)), absent("B", Window(from_item=2))]
    )
    finding = next(f for f in result.violations if f.code == "present_and_absent")
    assert finding.items == (2, 3, 4)


def test_listed_present_and_absent_for_the_whole_meeting_is_a_violation():
    _, result = _present_by_item([present("A"), present("B"), absent("B")])
    assert "present_and_absent" in codes(result.violations)


def test_window_naming_an_item_not_on_the_agenda():
    _, result = _present_by_item([present("A"), present("B", Window(from_item=9))])
    finding = next(f for f in result.violations if f.code == "window_item_not_on_agenda")
    assert finding.items == (9,)


def test_windows_follow_the_order_of_passage_not_the_numbering():
    by_item, _ = _present_by_item([present("A"), present("B", Window(from_item=4))], order=[4, 1, 5, 2, 3])
    assert all(key("B") in by_item[n] for n in range(1, 6))


def test_exclusions_cut_holes_in_a_window():
    by_item, _ = _present_by_item([present("A"), present("B", Window(except_items=frozenset({2, 3})))])
    assert [key("B") in by_item[n] for n in range(1, 6)] == [True, False, False, True, True]


def test_gap_between_windows_counts_absent_with_a_warning():
    by_item, result = _present_by_item(
        [
            present("A"),
            present("B", Window(from_item=4)),
            absent("B", Window(until_item=2)),
        ]
    )
    assert key("B") not in by_item[3]
    assert "attendance_gap" in codes(result.violations)
