"""How a deliberation was decided, as its text words it.

"à l'unanimité", "à l'unanimité des suffrages exprimés" (abstentions allowed), "à la majorité
avec 32 voix pour et 7 abstentions de M. …", "Délibération adoptée par : 46 voix Pour, 1
abstention et 5 ne prenant pas part au vote", "DECISION (par 34 voix POUR, 0 voix CONTRE, 0
ABSTENTION(S), sur 34 VOTANTS)", "ONT VOTE POUR : 14 ONT VOTE CONTRE : /", check-box forms
("Adopté à l'unanimité : □ Adopté à la majorité : Voix contre : 0 Abstentions : 4"), a council
that only takes note ("prend acte"), several votes in one deliberation, roll calls that name
the voters instead of counting them.

A committee's opinion printed beside the vote ("Vu l'avis … des commissions (pour : 21 ; contre :
0 ; abstentions : 2)") is not the council's vote: its figures are set aside and reported. Two
different figures for the same ballot of one vote are no figure: the field stays null and both
readings are reported.

Every step takes a span and looks up what it needs by bisection: the cost is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .counts import VOTE_KINDS, Count, Figures
from .layout import FlatText
from .persons import NamedPerson, find_people
from .vocabulary import (
    COMMITTEE,
    FORM_MAJORITY,
    FORM_UNANIMOUS,
    OPINION,
    OPINION_AFTER,
    PROXY_USE,
    VOTE_PHRASE,
)

# capitals and words that end the names after a ballot ("M. SY DECIDE", "Mme X. Le présent acte")
_NAMES_STOP = re.compile(
    r"\b(?:DECIDE|DÉCIDE|APPROUVE|AUTORISE|ADOPTE|DESIGNE|DÉSIGNE|FIXE|COMPLETE|COMPLÈTE|PREND|DIT|CHARGE|VALIDE|"
    r"ACCEPTE|SOLLICITE|CONFIRME|DONNE|ATTRIBUE|ARR[ÊE]TE)\b|Point\s+n|Date\s|Pour\s+copie|Pour\s+extrait|(?<!\bM)\.\s|;\s|"
    r"\bconseil\b|\bprend\b|\bAdopt|\bVoix\b|\bd[ée]cide\b|\buse\s+du\s+pouvoir"
)
_SPACES = re.compile(r"\s+")
# between a ballot's label and the names after it: its figure, "voix", "de :", punctuation
_LEAD = re.compile(r"(?:\s|[,:;()]|\d+|\bvoix\b|\bde\b|\bd'|\bdont\b)*", re.I)
_BEFORE_NAMES = re.compile(r"^\s*(?:,|de\s*:?|d\s*'|:)?\s*")
_FIELD = {
    "for": "votes_for",
    "against": "votes_against",
    "abstain": "abstentions",
    "not_participating": "not_participating",
    "voters": "voters",
}


@dataclass
class StatedVote:
    unanimous: bool = False
    majority: bool = False
    no_vote: bool = False
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    not_participating: int | None = None
    voters: int | None = None
    present: int | None = None
    represented: int | None = None
    unanimous_of_votes_cast: bool = False
    result: str | None = None  # unanimous, unanimous_of_votes_cast, majority, adopted, rejected, noted
    phrase: str | None = None  # the words of the text, as printed
    named: dict[str, list[NamedPerson]] = field(default_factory=dict)  # ballot -> people named
    checkbox_form: bool = False
    noted: bool = False  # "prend acte" beside a vote
    start: int = 0
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> where it was read
    conflicts: dict[str, list[Count]] = field(default_factory=dict)  # field -> the readings that disagree

    @property
    def has_figures(self) -> bool:
        return any(v is not None for v in (self.votes_for, self.votes_against, self.abstentions))

    def as_dict(self) -> dict[str, object]:
        return {
            "result": self.result,
            "phrase": self.phrase,
            "for": self.votes_for,
            "against": self.votes_against,
            "abstain": self.abstentions,
            "not_participating": self.not_participating,
            "named": {ballot: [p.name for p in people] for ballot, people in self.named.items() if people},
        }


@dataclass
class VoteReading:
    votes: list[StatedVote]
    committee_figures: list[Count]  # figures of a committee's opinion, set aside
    checkbox_form: bool = False
    proxy_uses: list[tuple[str, str]] = field(default_factory=list)  # (holder text, principal text)

    @property
    def main(self) -> StatedVote:
        """The vote the deliberation's figures are compared with: the first that states figures."""
        with_figures = [v for v in self.votes if v.has_figures]
        return with_figures[0] if with_figures else (self.votes[0] if self.votes else StatedVote())


class _Spans:
    """Sorted, disjoint spans, for "is this offset inside one" in log time."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [s for s, _e in spans]

    def __contains__(self, position: int) -> bool:
        at = bisect.bisect_right(self.starts, position) - 1
        return at >= 0 and position < self.spans[at][1]


def committee_spans(page: FlatText, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """ "Vu l'avis … des commissions (pour : 21 ; …)": from the opinion to the end of its sentence."""
    low = page.low
    end = len(low) if end is None else end
    spans: list[tuple[int, int]] = []
    for word in page.finditer(COMMITTEE, start, end):
        lookback = max(start, word.start() - 200)
        opinion = None
        for opinion in OPINION.regex.finditer(low, lookback, word.start()):  # noqa: B007 the last one
            pass
        if opinion is not None and not re.search(r"[.()]", low[opinion.end() : word.start()]):
            begin = opinion.start()
        else:
            # "La commission des finances, réunie le 3 mars, a émis un avis favorable (pour : 5 …)"
            later = OPINION_AFTER.regex.search(low, word.end(), min(end, word.end() + 150))
            if not later or re.search(r"\.\s", low[word.end() : later.start()]):
                continue
            begin = word.start()
        if spans and begin < spans[-1][1]:
            continue
        tail = low[word.end() : min(end, word.end() + 300)]
        close = re.search(r"\)\s*[.;]|\)\s|\.\s", tail)
        spans.append((begin, word.end() + (close.end() if close else len(tail))))
    return spans


def read_votes(page: FlatText, figures: Figures, start: int, end: int) -> VoteReading:
    """The votes of the deliberation spanning [start, end) of the text (read once per span)."""
    key = ("votes", start, end)
    if key not in page.memo:
        page.memo[key] = _read_votes(page, figures, start, end)
    return page.memo[key]  # type: ignore[return-value]


def _read_votes(page: FlatText, figures: Figures, start: int, end: int) -> VoteReading:
    text = page.text
    committees = _Spans(committee_spans(page, start, end))
    counts = figures.within(start, end)
    committee_figures = [c for c in counts if c.kind in VOTE_KINDS and c.start in committees]
    counts = [c for c in counts if c.start not in committees]

    phrases: list[tuple[int, int, str]] = [
        (m.start(), m.end(), m.lastgroup or "adopted")
        for m in page.finditer(VOTE_PHRASE, start, end)
        if m.start() not in committees
    ]
    form = _checkbox_form(page, start, end)
    if form:
        form_start, form_end, majority_at = form
        phrases = [p for p in phrases if not form_start <= p[0] < form_end]
        filled = any(c.kind in VOTE_KINDS and majority_at <= c.start < majority_at + 120 for c in counts)
        phrases.append((majority_at if filled else form_start, form_end, "majority" if filled else "form"))
        phrases.sort()

    noted = [p for p in phrases if p[2] == "noted"]
    votes = [
        StatedVote(
            result=None if kind == "form" else kind,
            phrase=_words(text, position, stop),
            start=position,
            checkbox_form=bool(form) and kind in ("majority", "form"),
        )
        for position, stop, kind in phrases
        if kind != "noted"
    ]
    vote_counts = [c for c in counts if c.kind in VOTE_KINDS or c.kind == "voters"]
    if not votes and vote_counts:
        votes.append(StatedVote(start=vote_counts[0].start))
    _assign_figures(votes, vote_counts)
    votes = _merge(votes)
    for vote in votes:
        _flags(vote)
        vote.noted = bool(noted)
    if not votes and noted:
        votes.append(
            StatedVote(
                no_vote=True, result="noted", phrase=_words(text, noted[0][0], noted[0][1]), start=noted[0][0]
            )
        )
    if votes:
        _named(text, figures, start, end, votes, counts)
    else:
        # a roll call may name the voters without any other word of the result
        provisional = StatedVote(start=start)
        _named(text, figures, start, end, [provisional], counts)
        if provisional.named:
            votes.append(provisional)
    return VoteReading(votes, committee_figures, bool(form), _proxy_uses(page, start, end))


def _assign_figures(votes: list[StatedVote], counts: list[Count]) -> None:
    """Each figure belongs to the nearest vote before it; figures before the first vote go to it when
    they are a table ("Votes pour : 41") or close to it, not when they are prose far away."""
    if not votes:
        return
    deciding = [v for v in votes if v.result is not None]
    first = deciding[0].start if deciding else None
    starts = [v.start for v in votes]
    for count in counts:
        if (
            first is not None
            and count.start < first
            and count.layout == "value_label"
            and first - count.start >= 300
        ):
            continue
        owner = votes[max(0, bisect.bisect_right(starts, count.start) - 1)]
        _assign(owner, count)


def _words(text: str, start: int, end: int) -> str:
    return _SPACES.sub(" ", text[start:end]).strip()


def _checkbox_form(page: FlatText, start: int, end: int) -> tuple[int, int, int] | None:
    unanimous = page.search(FORM_UNANIMOUS, start, end)
    majority = page.search(FORM_MAJORITY, start, end)
    if not unanimous or not majority or abs(unanimous.start() - majority.start()) > 400:
        return None
    return (
        min(unanimous.start(), majority.start()),
        max(unanimous.end(), majority.end()),
        majority.start(),
    )


def _assign(vote: StatedVote, count: Count) -> None:
    name = _FIELD.get(count.kind)
    if not name:
        return
    if name in vote.conflicts:
        vote.conflicts[name].append(count)
        return
    current = getattr(vote, name)
    if current is None:
        setattr(vote, name, count.value)
        vote.evidence[name] = (count.start, count.end)
        vote.conflicts.pop(name, None)
        return
    if current != count.value:
        # two readings of one ballot: no figure, both reported
        first_start, first_end = vote.evidence.pop(name)
        vote.conflicts[name] = [
            Count(count.kind, current, first_start, first_end, ""),
            count,
        ]
        setattr(vote, name, None)


def _merge(votes: list[StatedVote]) -> list[StatedVote]:
    """ "A l'unanimité, le Conseil … Rapport adopté à l'unanimité : Pour : 104": one vote, said twice."""
    merged: list[StatedVote] = []
    for vote in votes:
        previous = merged[-1] if merged else None
        if (
            previous
            and not previous.has_figures
            and not previous.conflicts
            and (
                previous.result == vote.result
                or vote.result in (None, "adopted")
                or previous.result in (None, "adopted")
            )
        ):
            vote.result = previous.result if vote.result in (None, "adopted") else vote.result
            vote.phrase = previous.phrase if vote.phrase is None else vote.phrase
            vote.start = previous.start
            vote.checkbox_form = vote.checkbox_form or previous.checkbox_form
            for name, span in previous.evidence.items():
                if getattr(vote, name) is None and getattr(previous, name) is not None:
                    setattr(vote, name, getattr(previous, name))
                    vote.evidence[name] = span
            merged[-1] = vote
            continue
        if (
            previous
            and not vote.has_figures
            and vote.result in (None, "adopted", previous.result)
            and previous.has_figures
        ):
            continue  # "adoptée" after the figures: the same vote
        merged.append(vote)
    return merged


def _flags(vote: StatedVote) -> None:
    vote.unanimous = vote.result in ("unanimous", "unanimous_of_votes_cast")
    vote.unanimous_of_votes_cast = vote.result == "unanimous_of_votes_cast"
    vote.majority = vote.result == "majority"


def _named(
    text: str, figures: Figures, start: int, end: int, votes: list[StatedVote], counts: list[Count]
) -> None:
    """People named beside a ballot: "7 abstentions de M. X, Mme Y", "2 votes contre, M. MAILLER, M. SY",
    "Abstention(s) de : Mme Azoug, Mme Youssouf"."""
    labels = figures.labels_within(start, end)
    stops = sorted({c.start for c in counts if c.kind in VOTE_KINDS} | {t.start for t in labels})
    vote_starts = [v.start for v in votes]
    for label in labels:
        lead = _LEAD.match(text, label.end)
        if not lead or not text[lead.end() : lead.end() + 1].isupper():
            continue  # no name right after the ballot's label and its figure
        following = bisect.bisect_right(stops, label.end)
        limit = min(stops[following] if following < len(stops) else end, label.end + 600, end)
        span = text[label.end : limit]
        stop = _NAMES_STOP.search(span)
        span = span[: stop.start()] if stop else span
        span = _BEFORE_NAMES.sub(lambda m: " " * len(m.group()), span)
        people = find_people(span, label.end)
        if not people:
            continue
        owner = votes[max(0, bisect.bisect_right(vote_starts, label.start) - 1)]
        named = owner.named.setdefault(label.kind, [])
        known = {p.key for p in named}
        for person in people:
            if person.key not in known:
                known.add(person.key)
                named.append(person)
    # a roll call names the voters instead of counting them: the names are the count
    for vote in votes:
        for ballot, name in (("for", "votes_for"), ("against", "votes_against"), ("abstain", "abstentions")):
            listed = vote.named.get(ballot)
            if listed and getattr(vote, name) is None and name not in vote.conflicts:
                if ballot == "for" and vote.unanimous:
                    continue
                setattr(vote, name, len(listed))
                vote.evidence[name] = (listed[0].start, listed[-1].end)


def _proxy_uses(page: FlatText, start: int, end: int) -> list[tuple[str, str]]:
    """ "Mme Girardet use du pouvoir de Mme Youssouf"."""
    text = page.text
    uses = []
    for match in page.finditer(PROXY_USE, start, end):
        holders = find_people(text[max(start, match.start() - 60) : match.start()])
        principals = find_people(text[match.end() : match.end() + 60])
        if holders and principals:
            uses.append((holders[-1].name, principals[0].name))
    return uses
