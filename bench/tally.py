"""Vote engine cost: every item of a generated assembly, and how it grows with size.

    .venv/bin/python bench/tally.py

A 577-member, 5,000-item assembly (the Assemblée nationale's size), with windows,
proxies and interested members, then smaller and larger ones to show growth.
The baseline is the presence pass of the reference engine (``registre.core.reference``):
one set of present members per item, no proxies, no votes. Beside the engine
(``tally_meeting``, a sweep over the changes along the order of passage), the reference
engine it replaced, which restates every rule at every item, and the number of findings
each reports (the reference: one per item and cause). Times are the best of a few runs.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from collections.abc import Callable

from registre.core import (
    Attendance,
    Authority,
    Item,
    Meeting,
    MeetingTally,
    Member,
    Proxy,
    Vote,
    Window,
    reference,
    tally_meeting,
)
from registre.core.attendance import Passage
from registre.core.reference import resolve_presence

SIZES = ((577, 500), (577, 1000), (577, 2500), (577, 5000), (150, 5000), (1154, 5000))


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


def best(run: Callable[[], object], repeats: int) -> tuple[float, object]:
    """The shortest of ``repeats`` runs, and what the last one returned."""
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = run()
        times.append(time.perf_counter() - start)
    return min(times), value


def measure(members: int, items: int) -> dict[str, float]:
    meeting = assembly(members, items)
    presence, _ = best(lambda: resolve_presence(meeting, Passage(meeting.order_of_passage)), 3)
    swept, tally = best(lambda: tally_meeting(meeting), 5)
    restated, old = best(lambda: reference.tally_meeting(meeting), 1)
    assert isinstance(tally, MeetingTally) and isinstance(old, reference.MeetingTally)
    return {
        "presence": presence,
        "tally": swept,
        "reference": restated,
        "findings": len(tally.findings()),
        "reference_findings": len(old.violations) + sum(len(t.violations) for t in old.items),
    }


def growth(
    rows: dict[tuple[int, int], dict[str, float]], small: tuple[int, int], large: tuple[int, int]
) -> str:
    """Time ratio between two sizes, and the exponent it implies (1.0: linear)."""
    size = (large[0] * large[1]) / (small[0] * small[1])
    parts = []
    for key, label in (("tally", "calcul"), ("reference", "référence")):
        ratio = rows[large][key] / rows[small][key]
        parts.append(f"{label} ×{ratio:.1f} (exposant {math.log(ratio) / math.log(size):.2f})")
    return f"taille ×{size:.1f} : " + ", ".join(parts)


def main() -> None:
    print(
        f"{'membres':>8} {'questions':>10} {'calcul (s)':>11} {'présence seule (s)':>19} {'rapport':>8} "
        f"{'µs/question':>12} {'référence (s)':>14} {'gain':>6} {'constats':>9} {'constats réf.':>14}"
    )
    rows = {}
    for members, items in SIZES:
        row = rows[members, items] = measure(members, items)
        print(
            f"{members:>8} {items:>10} {row['tally']:>11.3f} {row['presence']:>19.3f} "
            f"{row['tally'] / row['presence']:>8.2f} {row['tally'] / items * 1e6:>12.0f} "
            f"{row['reference']:>14.3f} {row['reference'] / row['tally']:>5.0f}× "
            f"{row['findings']:>9.0f} {row['reference_findings']:>14.0f}"
        )
    print("croissance avec les questions (577 membres, 500 → 5 000) :", growth(rows, (577, 500), (577, 5000)))
    print(
        "croissance avec les membres (5 000 questions, 150 → 1 154) :",
        growth(rows, (150, 5000), (1154, 5000)),
    )


if __name__ == "__main__":
    main()
