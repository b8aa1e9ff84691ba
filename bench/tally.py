"""Vote engine cost: every item of a generated assembly, and how it grows with size.

    .venv/bin/python bench/tally.py

A 577-member, 5,000-item assembly (the Assemblée nationale's size), with windows,
proxies and interested members, then smaller and larger ones to show growth.
The baseline is the same loop doing only the presence pass (no proxies, no votes).
"""

from __future__ import annotations

import datetime as dt
import random
import time

from registre.core import Attendance, Authority, Item, Meeting, Member, Proxy, Vote, Window, tally_meeting
from registre.core.attendance import Passage, resolve_presence


def assembly(members: int, items: int, seed: int = 1) -> Meeting:
    rng = random.Random(seed)
    roster = tuple(Member("Prénom", f"NOM{i:04d}", "M.") for i in range(members))
    keys = [m.key for m in roster]
    order = tuple(range(1, items + 1))
    attendance, proxies = [], []
    for _index, key in enumerate(keys):
        roll = rng.random()
        if roll < 0.75:
            attendance.append(Attendance(key, True))
        elif roll < 0.85:
            start = rng.randint(1, items)
            attendance.append(Attendance(key, True, Window(from_item=start)))
            if start > 1:
                attendance.append(Attendance(key, False, Window(until_item=start - 1)))
        else:
            attendance.append(Attendance(key, False))
            proxies.append(Proxy(key, keys[rng.randrange(0, int(members * 0.75))]))
    item_list = tuple(
        Item(
            n,
            interested_members=frozenset(rng.sample(keys, 2)) if n % 10 == 0 else frozenset(),
            vote=Vote(unanimous=True),
        )
        for n in order
    )
    return Meeting(
        Authority("Assemblée"),
        dt.date(2023, 1, 1),
        roster,
        order,
        item_list,
        tuple(attendance),
        tuple(proxies),
        members_in_office=members,
    )


def measure(members: int, items: int) -> tuple[float, float]:
    meeting = assembly(members, items)
    start = time.perf_counter()
    resolve_presence(meeting, Passage(meeting.order_of_passage))
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    tally_meeting(meeting)
    return time.perf_counter() - start, baseline


def main() -> None:
    print(
        f"{'membres':>8} {'questions':>10} {'calcul (s)':>11} {'présence seule (s)':>19} {'rapport':>8} {'µs/question':>12}"
    )
    for members, items in ((577, 500), (577, 1000), (577, 2500), (577, 5000), (150, 5000), (1154, 5000)):
        total, baseline = measure(members, items)
        print(
            f"{members:>8} {items:>10} {total:>11.3f} {baseline:>19.3f} {total / baseline:>8.1f} "
            f"{total / items * 1e6:>12.0f}"
        )


if __name__ == "__main__":
    main()
