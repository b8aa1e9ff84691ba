import datetime as dt

from registre.core import Vote, Window, rules_on, tally_meeting

from .builders import absent, codes, item, key, meeting, members, names, present, proxy


def _assembly(in_office: int, present_count: int, **kwargs):
    roster = names(in_office)
    attendance = [present(n) for n in roster[:present_count]] + [absent(n) for n in roster[present_count:]]
    return meeting(members(*roster), attendance, in_office=in_office, **kwargs), roster


def test_ordinary_quorum_is_more_than_half_of_members_in_office():
    assert rules_on(dt.date(2021, 10, 7)).quorum_required(123) == 62
    assert rules_on(dt.date(2023, 1, 1)).quorum_required(124) == 63
    assert rules_on(dt.date(2023, 1, 1)).quorum_required(27) == 14


def test_quorum_reached_with_exactly_the_majority_present():
    result, _ = _assembly(27, 14)
    assert tally_meeting(result).items[0].quorum_reached


def test_quorum_not_reached_is_a_named_violation():
    result, _ = _assembly(27, 13)
    tally = tally_meeting(result).items[0]
    assert not tally.quorum_reached
    assert tally.quorum_required == 14
    assert "quorum_not_reached" in codes(tally.violations)


def test_proxies_do_not_count_toward_ordinary_quorum():
    roster = names(10)
    attendance = [present(n) for n in roster[:5]] + [absent(n) for n in roster[5:]]
    proxies = [proxy(roster[5 + i], roster[i]) for i in range(5)]
    tally = tally_meeting(meeting(members(*roster), attendance, proxies, in_office=10)).items[0]
    assert tally.represented_count == 5
    assert tally.quorum_count == 5 and tally.quorum_required == 6
    assert not tally.quorum_reached


def test_interested_members_are_not_counted_present_for_quorum():
    roster = names(10)
    attendance = [present(n) for n in roster[:6]] + [absent(n) for n in roster[6:]]
    result = meeting(members(*roster), attendance, items=[item(1, interested=[roster[0]])], in_office=10)
    tally = tally_meeting(result).items[0]
    assert tally.present_count == 6
    assert tally.quorum_count == 5
    assert not tally.quorum_reached


def test_quorum_is_checked_at_each_item_in_the_order_of_passage():
    roster = names(10)
    attendance = [present(n) for n in roster[:5]] + [absent(n) for n in roster[6:]]
    attendance.append(present(roster[5], Window(until_item=2)))
    result = meeting(
        members(*roster), attendance, items=[item(1), item(2), item(3)], order=[3, 1, 2], in_office=10
    )
    reached = {t.item: t.quorum_reached for t in tally_meeting(result).items}
    # order 3, 1, 2: present "until item 2" covers 3 and 1 and 2: the whole meeting
    assert reached == {3: True, 1: True, 2: True}
    result = meeting(
        members(*roster), attendance, items=[item(1), item(2), item(3)], order=[1, 2, 3], in_office=10
    )
    reached = {t.item: t.quorum_reached for t in tally_meeting(result).items}
    assert reached == {1: True, 2: True, 3: False}


def test_health_emergency_third_applies_on_its_dates():
    assert rules_on(dt.date(2021, 3, 1)).quorum_required(123) == 41
    assert rules_on(dt.date(2022, 2, 1)).quorum_required(123) == 41
    assert rules_on(dt.date(2021, 10, 7)).quorum_required(123) == 62
    assert rules_on(dt.date(2022, 8, 1)).quorum_required(123) == 62
    assert rules_on(dt.date(2020, 9, 15)).uncertain


def test_third_is_rounded_up():
    assert rules_on(dt.date(2021, 3, 1)).quorum_required(30) == 10
    assert rules_on(dt.date(2021, 3, 1)).quorum_required(31) == 11


def test_spring_2020_counts_represented_members_toward_quorum():
    roster = names(30)
    attendance = [present(n) for n in roster[:8]] + [absent(n) for n in roster[8:]]
    proxies = [proxy(roster[8 + i], roster[i]) for i in range(2)]
    tally = tally_meeting(
        meeting(members(*roster), attendance, proxies, day=dt.date(2020, 5, 1), in_office=30)
    ).items[0]
    assert tally.quorum_required == 10 and tally.quorum_count == 10 and tally.quorum_reached


def test_a_present_member_who_abstains_still_counts_for_quorum():
    result, roster = _assembly(10, 6, items=[item(1, vote=Vote(votes_for=5, votes_against=0, abstentions=1))])
    tally = tally_meeting(result).items[0]
    assert tally.quorum_reached and tally.abstentions == 1
    assert key(roster[0]) in tally.present


def test_quorum_not_reached_is_one_finding_per_run_with_the_same_count():
    roster = names(10)
    attendance = [present(n) for n in roster[:5]] + [absent(n) for n in roster[5:]]
    items = [item(1), item(2), item(3, interested=[roster[0]]), item(4), item(5)]
    result = tally_meeting(meeting(members(*roster), attendance, items=items, in_office=10))
    findings = [next(f for f in t.violations if f.code == "quorum_not_reached") for t in result.items]
    assert [f.items for f in dict.fromkeys(findings)] == [(1, 2), (3,), (4, 5)]
    assert findings[0].message == "Quorum non atteint aux questions n°1 et n°2 : 5 pour 6 requis."
    assert findings[2].message == "Quorum non atteint à la question n°3 : 4 pour 6 requis."
