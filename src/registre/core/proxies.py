"""Which proxies count at one position of the order of passage, and why the others do not.

L2121-20: a proxy counts while its principal is absent and its holder present; a member gives
one proxy at a time and holds at most the number the rules of the day allow (one; two under
the health-emergency laws). Proxies are judged in the meeting's order: the first ones win.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from .attendance import Passage
from .findings import proxy_members
from .model import Meeting, Proxy
from .rules import RuleSet

Cause = tuple[str, Proxy]  # a finding's code, and the proxy it is worded from


def judge_proxies(
    meeting: Meeting, rules: RuleSet, passage: Passage, present: frozenset[str], position: int
) -> tuple[tuple[Proxy, ...], dict[Hashable, Cause]]:
    """The proxies that count at a position, in the meeting's order, and why the others do not,
    by (code, members named): the first proxy with that cause words it."""
    item = passage.order[position]
    valid: list[Proxy] = []
    causes: dict[Hashable, Cause] = {}
    held: Counter[str] = Counter()
    given: set[str] = set()
    for proxy in meeting.proxies:
        if not passage.covers_position(proxy.window, position, item):
            continue
        if proxy.principal in present:
            code = "proxy_principal_present"
        elif proxy.holder not in present:
            code = "proxy_holder_absent"
        elif proxy.principal in given:
            code = "proxy_given_twice"
        elif held[proxy.holder] >= rules.max_proxies_per_holder:
            code = "proxy_holder_overloaded"
        else:
            held[proxy.holder] += 1
            given.add(proxy.principal)
            valid.append(proxy)
            continue
        causes.setdefault((code, proxy_members(code, proxy)), (code, proxy))
    return tuple(valid), causes
