"""How a deliberation was decided, as its text words it.

"à l'unanimité", "à l'unanimité des suffrages exprimés" (abstentions allowed), "à la majorité
avec 32 voix pour et 7 abstentions de M. …", "Délibération adoptée par : 46 voix Pour, 1
abstention et 5 ne prenant pas part au vote", "DECISION (par 34 voix POUR, 0 voix CONTRE, 0
ABSTENTION(S), sur 34 VOTANTS)", "ONT VOTE POUR : 14 ONT VOTE CONTRE : /", check-box forms
("Adopté à l'unanimité : □ Adopté à la majorité : Voix contre : 0 Abstentions : 4"), a council
that only takes note ("prend acte"), several votes in one deliberation.

A committee's opinion printed beside the vote ("Vu l'avis … des commissions (pour : 21 ; contre :
0 ; abstentions : 2)") is not the council's vote: its figures are set aside and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .counts import VOTE_KINDS, Count, label_matches, read_counts
from .persons import NamedPerson, find_people

_PHRASES = (
    ("unanimous_of_votes_cast", r"\ba\s+l\s*'?\s*unanimite\s+des\s+suffrages\s+exprimes"),
    (
        "unanimous",
        r"\ba\s+l\s*'?\s*unanimite(?:\s+des\s+(?:voix|membres\s+presents(?:\s+et\s+representes)?|presents(?:\s+et\s+representes)?|votants))?",
    ),
    (
        "majority",
        r"\ba\s+la\s+majorite(?:\s+absolue|\s+des\s+suffrages\s+exprimes|\s+des\s+voix|\s+des\s+membres\s+presents)?",
    ),
    ("adopted", r"\badopte(?:e|s|es)?\s+par\b|\b(?:est|sont)\s+adopte(?:e|s|es)?\b"),
    ("rejected", r"\bn\s*'?\s*est\s+pas\s+adopte|\brejete(?:e|s|es)?\s+(?:par|a)\b"),
    (
        "noted",
        r"\b(?:prend|prennent)\s+acte\b(?!\s+(?:que|qu\s*'))|\bprise\s+d\s*'?\s*acte\b|\bdonne\s+acte\b",
    ),
)
_PHRASE = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _PHRASES))
_FORM_UNANIMOUS = re.compile(r"adopte(?:e)?\s+a\s+l\s*'?\s*unanimite\s*:")
_FORM_MAJORITY = re.compile(r"adopte(?:e)?\s+a\s+la\s+majorite\s*:")
_COMMITTEE_WORD = re.compile(r"\b(?:commissions?|comites?|conseil\s+d'exploitation|conseil\s+portuaire)\b")
_OPINION = re.compile(r"\b(?:avis|examen|examine)\b")
_NAMES_STOP = re.compile(
    r"\b(?:DECIDE|DÉCIDE|APPROUVE|AUTORISE|ADOPTE|DESIGNE|DÉSIGNE|FIXE|COMPLETE|COMPLÈTE|PREND|DIT|CHARGE|VALIDE|"
    r"ACCEPTE|SOLLICITE|CONFIRME|DONNE|ATTRIBUE|ARR[ÊE]TE)\b|Point\s+n|Date\s|Pour\s+copie|Pour\s+extrait|(?<!\bM)\.\s|;\s|"
    r"\bconseil\b|\bprend\b|\bAdopt|\bVoix\b|\bd[ée]cide\b|\buse\s+du\s+pouvoir"
)
_PROXY_USE = re.compile(r"\s+use\s+du\s+pouvoir\s+de\s+", re.I)


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

    @property
    def has_figures(self) -> bool:
        return any(v is not None for v in (self.votes_for, self.votes_against, self.abstentions))

    def as_dict(self) -> dict:
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


def committee_spans(low: str) -> list[tuple[int, int]]:
    """ "Vu l'avis … des commissions (pour : 21 ; …)": from the opinion to the end of its sentence."""
    spans = []
    for word in _COMMITTEE_WORD.finditer(low):
        before = low[max(0, word.start() - 200) : word.start()]
        opinion = None
        for opinion in _OPINION.finditer(before):
            pass
        if opinion is not None and not re.search(r"[.()]", before[opinion.end() :]):
            begin = word.start() - len(before) + opinion.start()
        else:
            # "La commission des finances, réunie le 3 mars, a émis un avis favorable (pour : 5 …)"
            after = low[word.end() : word.end() + 150]
            later = re.search(r"\b(?:avis|a\s+emis|s'est\s+prononcee|a\s+vote|a\s+examine)\b", after)
            if not later or re.search(r"\.\s", after[: later.start()]):
                continue
            begin = word.start()
        if spans and begin < spans[-1][1]:
            continue
        tail = low[word.end() : word.end() + 300]
        close = re.search(r"\)\s*[.;]|\)\s|\.\s", tail)
        end = word.end() + (close.end() if close else len(tail))
        spans.append((begin, end))
    return spans


def _inside(position: int, spans) -> bool:
    return any(start <= position < end for start, end in spans)


def read_votes(text: str, low: str, start: int, end: int, counts: list[Count] | None = None) -> VoteReading:
    """The votes of the deliberation spanning text[start:end] (text and its plain copy); ``counts``:
    the document's figures, when already read."""
    body_low = low[start:end]
    committees = [(s + start, e + start) for s, e in committee_spans(body_low)]
    if counts is None:
        counts = read_counts(text[start:end], body_low, start)
    else:
        counts = [c for c in counts if start <= c.start < end]
    committee_figures = [c for c in counts if c.kind in VOTE_KINDS and _inside(c.start, committees)]
    counts = [c for c in counts if not _inside(c.start, committees)]

    phrases: list[tuple[int, int, str]] = []
    for match in _PHRASE.finditer(body_low):
        position = match.start() + start
        if not _inside(position, committees):
            phrases.append((position, match.end() + start, match.lastgroup))
    form = _checkbox_form(body_low, start)
    if form:
        form_start, form_end, majority_at = form
        phrases = [p for p in phrases if not (form_start <= p[0] < form_end)]
        kind = None
        after = [c for c in counts if c.kind in VOTE_KINDS and majority_at <= c.start < majority_at + 120]
        if after:
            kind = "majority"
        phrases.append((majority_at if after else form_start, form_end, kind or "form"))
        phrases.sort()

    noted = [p for p in phrases if p[2] == "noted"]
    deciding = [p for p in phrases if p[2] != "noted"]
    vote_counts = [c for c in counts if c.kind in VOTE_KINDS or c.kind == "voters"]
    votes: list[StatedVote] = []
    for position, stop, kind in deciding:
        vote = StatedVote(
            result=None if kind == "form" else kind, phrase=_words(text, position, stop), start=position
        )
        vote.checkbox_form = bool(form) and kind in ("majority", "form")
        votes.append(vote)
    if not votes and vote_counts:
        votes.append(StatedVote(start=vote_counts[0].start))
    # each figure belongs to the nearest vote before it; figures before the first vote go to it when they
    # are a table ("Votes pour : 41") or close to it, not when they are prose far away
    if deliberating := [v for v in votes if v.result is not None]:
        first = deliberating[0].start
        vote_counts = [
            c for c in vote_counts if c.start >= first or not c.raw[:1].isdigit() or first - c.start < 300
        ]
    for count in vote_counts:
        owner = votes[0]
        for vote in votes:
            if vote.start <= count.start:
                owner = vote
        _assign(owner, count)
    votes = _merge(votes)
    for vote in votes:
        _flags(vote)
        if noted:
            vote.noted = True
    if not votes and noted:
        vote = StatedVote(
            no_vote=True, result="noted", phrase=_words(text, noted[0][0], noted[0][1]), start=noted[0][0]
        )
        votes.append(vote)
    if votes:
        _named(text, low, start, end, votes, counts)
    else:
        # a roll call may name the voters without any other word of the result
        provisional = StatedVote(start=start)
        _named(text, low, start, end, [provisional], counts)
        if provisional.named:
            votes.append(provisional)
    # "Mme Girardet use du pouvoir de Mme Youssouf"
    uses = []
    for match in _PROXY_USE.finditer(text, start, end):
        holders = find_people(text[max(start, match.start() - 60) : match.start()])
        principals = find_people(text[match.end() : match.end() + 60])
        if holders and principals:
            uses.append((holders[-1].name, principals[0].name))
    return VoteReading(votes, committee_figures, bool(form), uses)


def _words(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[start:end]).strip()


def _checkbox_form(body_low: str, offset: int):
    unanimous = _FORM_UNANIMOUS.search(body_low)
    majority = _FORM_MAJORITY.search(body_low)
    if not unanimous or not majority or abs(unanimous.start() - majority.start()) > 400:
        return None
    start = min(unanimous.start(), majority.start())
    end = max(unanimous.end(), majority.end())
    return start + offset, end + offset, majority.start() + offset


_FIELD = {
    "for": "votes_for",
    "against": "votes_against",
    "abstain": "abstentions",
    "not_participating": "not_participating",
    "voters": "voters",
}


def _assign(vote: StatedVote, count: Count) -> None:
    name = _FIELD.get(count.kind)
    if name and getattr(vote, name) is None:
        setattr(vote, name, count.value)


def _merge(votes: list[StatedVote]) -> list[StatedVote]:
    """ "A l'unanimité, le Conseil … Rapport adopté à l'unanimité : Pour : 104": one vote, said twice."""
    merged: list[StatedVote] = []
    for vote in votes:
        previous = merged[-1] if merged else None
        if (
            previous
            and not previous.has_figures
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


def _named(text: str, low: str, start: int, end: int, votes: list[StatedVote], counts: list[Count]) -> None:
    """People named beside a ballot: "7 abstentions de M. X, Mme Y", "2 votes contre, M. MAILLER, M. SY",
    "Abstention(s) de : Mme Azoug, Mme Youssouf"."""
    if not votes:
        return
    labels = []
    for match in label_matches(low):
        if not start <= match.start() < end:
            continue
        kind = match.lastgroup.removesuffix("_colon").removesuffix("_after").split("__")[0]
        if kind in ("for", "against", "abstain"):
            labels.append((kind, match.start(), match.end()))
    stops = sorted({c.start for c in counts if c.kind in VOTE_KINDS} | {s for _, s, _ in labels})
    for kind, label_start, label_end in labels:
        following = [s for s in stops if s > label_end]
        limit = min(following[0] if following else end, label_end + 600, end)
        span = text[label_end:limit]
        stop = _NAMES_STOP.search(span)
        span = span[: stop.start()] if stop else span
        span = re.sub(r"^\s*(?:,|de\s*:?|d\s*'|:)?\s*", lambda m: " " * len(m.group()), span)
        # a figure's own value and "dont 3 procurations (...)" may come first
        people = find_people(span, label_end)
        if not people:
            continue
        owner = votes[0]
        for vote in votes:
            if vote.start <= label_start:
                owner = vote
        owner.named.setdefault(kind, [])
        known = {p.key for p in owner.named[kind]}
        for person in people:
            if person.key not in known:
                known.add(person.key)
                owner.named[kind].append(person)
    # a roll call names the voters instead of counting them: the names are the count
    for vote in votes:
        for ballot, field_name in (
            ("for", "votes_for"),
            ("against", "votes_against"),
            ("abstain", "abstentions"),
        ):
            named = vote.named.get(ballot)
            if named and getattr(vote, field_name) is None and not (ballot == "for" and vote.unanimous):
                setattr(vote, field_name, len(named))
