import datetime as dt

from registre.core import Window, tally_meeting

from .builders import absent, codes, item, key, meeting, members, present, proxy

ROSTER = members("A", "B", "C", "D", "E", "F")


def _tally(attendance, proxies, **kwargs):
    return tally_meeting(meeting(ROSTER, attendance, proxies, **kwargs))


def test_valid_proxy_adds_a_voter():
    tally = _tally([present("A"), present("B"), absent("C")], [proxy("C", "A")]).items[0]
    assert tally.represented_count == 1
    assert tally.voters == 3


def test_proxy_whose_principal_is_present_does_not_count():
    tally = _tally([present("A"), present("B")], [proxy("B", "A")]).items[0]
    assert tally.represented_count == 0
    assert "proxy_principal_present" in codes(tally.violations)


def test_proxy_whose_holder_is_absent_does_not_count():
    tally = _tally([present("A"), absent("B"), absent("C")], [proxy("C", "B")]).items[0]
    assert tally.represented_count == 0 and tally.voters == 1
    assert "proxy_holder_absent" in codes(tally.violations)


def test_one_proxy_per_holder_under_ordinary_rules():
    tally = _tally([present("A"), absent("B"), absent("C")], [proxy("B", "A"), proxy("C", "A")]).items[0]
    assert tally.represented_count == 1
    finding = next(f for f in tally.violations if f.code == "proxy_holder_overloaded")
    assert finding.members[0].startswith("A|")


def test_two_proxies_per_holder_under_emergency_rules():
    tally = _tally(
        [present("A"), absent("B"), absent("C")], [proxy("B", "A"), proxy("C", "A")], day=dt.date(2021, 2, 1)
    ).items[0]
    assert tally.represented_count == 2
    assert "proxy_holder_overloaded" not in codes(tally.violations)


def test_proxy_counts_only_inside_its_window():
    result = _tally(
        [present("A"), absent("B")],
        [proxy("B", "A", Window(from_item=2))],
        items=[item(1), item(2), item(3)],
    )
    assert [t.represented_count for t in result.items] == [0, 1, 1]


def test_proxy_follows_its_holders_departure():
    result = _tally(
        [present("A", Window(until_item=2)), absent("B")],
        [proxy("B", "A")],
        items=[item(1), item(2), item(3)],
    )
    assert [t.represented_count for t in result.items] == [1, 1, 0]
    assert "proxy_holder_absent" in codes(result.items[2].violations)


def test_a_principal_gives_one_proxy_at_a_time():
    tally = _tally([present("A"), present("B"), absent("C")], [proxy("C", "A"), proxy("C", "B")]).items[0]
    assert tally.represented_count == 1
    assert "proxy_given_twice" in codes(tally.violations)


def test_titular_replaced_by_substitute_must_not_give_a_proxy():
    roster = (
        members("A", commune="Ville")
        + members("S", commune="Village", substitute=True)
        + members("T", commune="Village")
    )
    result = meeting(roster, [present("A"), present("S"), absent("T")], [proxy("T", "A")])
    assert "substitute_and_proxy" in codes(tally_meeting(result).items[0].violations)


def test_a_proxy_invalid_on_consecutive_items_is_one_finding_for_the_run():
    # C's holder B leaves after item 2 and comes back at item 5: invalid on items 3 and 4 only
    result = _tally(
        [present("A"), present("B", Window(until_item=2)), present("B", Window(from_item=5)), absent("C")],
        [proxy("C", "B")],
        items=[item(n) for n in range(1, 7)],
    )
    by_item = {t.item: [f for f in t.violations if f.code == "proxy_holder_absent"] for t in result.items}
    assert [len(by_item[n]) for n in range(1, 7)] == [0, 0, 1, 1, 0, 0]
    assert by_item[3][0] is by_item[4][0]
    finding = by_item[3][0]
    assert (finding.items, finding.from_item, finding.until_item) == ((3, 4), 3, 4)
    assert "son mandataire M. Prénom B est absent aux questions n°3 et n°4." in finding.message
    assert finding.as_dict()["from_item"] == 3 and finding.as_dict()["until_item"] == 4


def test_a_finding_on_one_item_keeps_its_wording():
    tally = _tally([present("A"), present("B")], [proxy("B", "A")]).items[0]
    (finding,) = [f for f in tally.violations if f.code == "proxy_principal_present"]
    assert finding.message.endswith("M. Prénom B est présent à la question n°1.")
    assert finding.from_item is None and "from_item" not in finding.as_dict()


def test_a_run_out_of_numbering_names_its_order_of_passage():
    result = _tally(
        [present("A"), absent("C")],
        [proxy("C", "B")],
        items=[item(n) for n in range(1, 9)],
        order=[1, 3, 2, 4, 5, 6, 7, 8],
    )
    finding = result.items[0].violations[0]
    assert "aux questions n°1 à n°8 dans l'ordre de passage" in finding.message
    assert finding.items == (1, 3, 2, 4, 5, 6, 7, 8)
    short = _tally(
        [present("A"), absent("C")], [proxy("C", "B")], items=[item(1), item(2), item(3)], order=[2, 1, 3]
    )
    assert "aux questions n°2, n°1 et n°3." in short.items[0].violations[0].message


def test_name_lists_are_shared_by_the_items_between_two_changes():
    result = _tally(
        [present("A"), present("B", Window(from_item=3)), absent("C")],
        [proxy("C", "A")],
        items=[item(n) for n in range(1, 5)],
    )
    first, second, third, fourth = result.items
    assert first.present is second.present and third.present is fourth.present
    assert first.absent == (key("B"),) and third.absent == ()
    assert third.is_present(key("B")) and not first.is_present(key("B"))
