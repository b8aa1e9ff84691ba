"""The chain of published acts: canonical JSON, SHA-256 fingerprints, and their verification.

Standard library only, so that anyone can check downloaded acts without this program:

- an act's content is a JSON object; its canonical form is ``json.dumps(content,
  ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` encoded in UTF-8 (the content
  holds only strings, integers, booleans, null, lists and objects: no decimal numbers, so this
  is also its RFC 8785 form);
- its fingerprint is the SHA-256 of those bytes, in lower-case hexadecimal;
- ``content["chain"]`` holds the authority, the act's position (1, 2, …) and ``previous``: the
  fingerprint of the authority's previous act (null for the first). Changing any word of an act
  changes its fingerprint and breaks the link the next act holds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

FORMAT = "registre/acte-publie/1"


def canonical(content: dict[str, object]) -> str:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Link:
    """One stored act as the verification reads it: its stored text and what the row says of it."""

    authority: str
    position: int
    number: str
    fingerprint: str  # as stored beside the content
    previous: str  # as stored beside the content ("" for the first)
    content: str  # the stored canonical JSON


def verify(links: Iterable[Link]) -> list[tuple[Link, str]]:
    """Every act of one authority, in position order → (act, problem in French) for each break."""
    problems: list[tuple[Link, str]] = []
    expected_previous = ""
    for expected_position, link in enumerate(links, start=1):
        problems += [(link, problem) for problem in _check(link, expected_position, expected_previous)]
        expected_previous = link.fingerprint
    return problems


def _check(link: Link, position: int, previous: str) -> list[str]:
    problems = []
    if fingerprint(link.content) != link.fingerprint:
        problems.append("son contenu ne correspond plus à son empreinte")
    try:
        content = json.loads(link.content)
        chain = content["chain"]
    except (ValueError, KeyError, TypeError):
        return problems + ["son contenu n'est pas un acte lisible (JSON, champ « chain »)"]
    if canonical(content) != link.content:
        problems.append("son contenu n'est pas sous forme canonique")
    if link.position != position or chain.get("position") != position:
        problems.append(f"rang {link.position} dans la chaîne, {position} attendu")
    if (chain.get("previous") or "") != previous or link.previous != previous:
        problems.append("son lien vers l'acte précédent ne correspond plus à l'empreinte de celui-ci")
    if chain.get("authority") != link.authority:
        problems.append("il n'est pas rattaché à cette collectivité")
    if content.get("act", {}).get("number") != link.number:
        problems.append("son numéro ne correspond pas à son contenu")
    return problems
