import datetime as dt

from registre.core import Window, tally_meeting

from .builders import absent, codes, item, meeting, members, present, proxy

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
