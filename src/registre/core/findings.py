"""The tally's findings about proxies, substitutes and quorum, worded for the items they hold on.

One finding covers a run of consecutive items of the order of passage with the same cause:
"à la question n°7" for one item, "aux questions n°3 à n°41" for a run, so that a proxy
invalid for a whole meeting is reported once, not once per item.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .model import Proxy
from .rules import RuleSet
from .violations import Severity, Violation

Names = Callable[[str], str]  # member key -> name as printed

_LISTED = 6  # up to this many items, a run that does not follow the numbering names each one


def _items_words(items: Sequence[int]) -> str:
    if len(items) == 1:
        return f"question n°{items[0]}"
    if list(items) == list(range(items[0], items[0] + len(items))):
        link = " et " if len(items) == 2 else " à "
        return f"questions n°{items[0]}{link}n°{items[-1]}"
    if len(items) <= _LISTED:
        named = [f"n°{i}" for i in items]
        return f"questions {', '.join(named[:-1])} et {named[-1]}"
    return f"questions n°{items[0]} à n°{items[-1]} dans l'ordre de passage"


def items_phrase(items: Sequence[int]) -> str:
    """ "la question n°7", "les questions n°3 et n°4", "les questions n°3 à n°41"."""
    return ("la " if len(items) == 1 else "les ") + _items_words(items)


def at_items(items: Sequence[int]) -> str:
    """ "à la question n°7", "aux questions n°3 à n°41"."""
    return ("à la " if len(items) == 1 else "aux ") + _items_words(items)


def _finding(code: str, message: str, members: tuple[str, ...], items: Sequence[int]) -> Violation:
    run = len(items) > 1
    return Violation(
        code,
        message,
        Severity.VIOLATION,
        members,
        tuple(items),
        from_item=items[0] if run else None,
        until_item=items[-1] if run else None,
    )


def proxy_finding(code: str, proxy: Proxy, items: Sequence[int], name: Names, rules: RuleSet) -> Violation:
    """Why a proxy does not count on these items (proxy_principal_present, proxy_holder_absent,
    proxy_given_twice or proxy_holder_overloaded)."""
    principal, holder = name(proxy.principal), name(proxy.holder)
    where = at_items(items)
    if code == "proxy_principal_present":
        message = f"La procuration de {principal} à {holder} ne compte pas : {principal} est présent {where}."
    elif code == "proxy_holder_absent":
        message = f"La procuration de {principal} ne compte pas : son mandataire {holder} est absent {where}."
    elif code == "proxy_given_twice":
        message = f"{principal} a donné plus d'une procuration pour {items_phrase(items)}."
    else:
        message = (
            f"{holder} détient plus de {rules.max_proxies_per_holder} procuration(s) {where} ({rules.source}) ; "
            f"celle de {principal} ne compte pas."
        )
    return _finding(code, message, proxy_members(code, proxy), items)


def proxy_members(code: str, proxy: Proxy) -> tuple[str, ...]:
    """The members a proxy finding names, in the order its ``members`` lists them."""
    if code == "proxy_given_twice":
        return (proxy.principal,)
    if code == "proxy_holder_overloaded":
        return (proxy.holder, proxy.principal)
    return (proxy.principal, proxy.holder)


def substitute_and_proxy(principal: str, items: Sequence[int], name: Names) -> Violation:
    """L5211-6: a titular member replaced by the substitute must not also give a proxy."""
    message = (
        f"{name(principal)} est remplacé par son suppléant et donne aussi procuration {at_items(items)}."
    )
    return _finding("substitute_and_proxy", message, (principal,), items)


def quorum_not_reached(items: Sequence[int], count: int, required: int) -> Violation:
    where = at_items(items)
    message = f"Quorum non atteint {where} : {count} pour {required} requis."
    return _finding("quorum_not_reached", message, (), items)
