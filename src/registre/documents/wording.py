"""French wording of the register's documents, as clerks write it. Pure Python.

Dates ("7 octobre 2021", "1er octobre 2021"), clock times ("18h38"), amounts
("45 000 €" with a narrow no-break space between thousands and a no-break space
before the sign), item references ("n° 19", no-break space), attendance and proxy
windows ("(à compter de la question n° 9)", "(jusqu'à la question n° 8 incluse)"),
vote results. No framework, no file format: the renderers call these.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from registre.core import ItemTally, Meeting, Member, VoteKind, Window

NBSP = "\u00a0"  # espace insécable
NNBSP = "\u202f"  # espace fine insécable

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# Where a council met, as a phrase: "s'est réuni en la salle du conseil", "à l'hôtel de ville",
# "à Besançon". A place that starts with one of these common nouns takes this preposition and
# article (the noun lower-cased); one that starts with a preposition is kept; a name takes "à".
PLACE_NOUNS = {
    "salle": "en la",
    "hôtel": "à l'",
    "hotel": "à l'",
    "mairie": "à la",
    "maison": "à la",
    "chambre": "à la",
    "préfecture": "à la",
    "médiathèque": "à la",
    "bibliothèque": "à la",
    "halle": "à la",
    "cité": "à la",
    "siège": "au",
    "centre": "au",
    "palais": "au",
    "château": "au",
    "gymnase": "au",
    "théâtre": "au",
    "foyer": "au",
    "pôle": "au",
    "complexe": "au",
    "espace": "à l'",
    "auditorium": "à l'",
    "amphithéâtre": "à l'",
    "école": "à l'",
}
PLACE_PREPOSITIONS = ("à ", "au ", "aux ", "en ", "dans ", "sur ", "chez ", "par ")
PLACE_ARTICLES = {"la ": "à la ", "l'": "à l'", "l’": "à l’", "le ": "au ", "les ": "aux "}


def french_date(day: dt.date | None, *, weekday: bool = False) -> str:
    """ "7 octobre 2021", "1er octobre 2021"; with ``weekday``: "vendredi 1er octobre 2021"."""
    if day is None:
        return ""
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number}{NBSP}{MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def place_phrase(place: str) -> str:
    """Where a council met, after "s'est réuni": "en la salle du conseil", "à la Chambre de
    commerce", "au siège de la communauté", "à Besançon". Empty for no place."""
    place = " ".join(place.split())
    if not place:
        return ""
    lowered = place[0].lower() + place[1:]
    if lowered.startswith(PLACE_PREPOSITIONS):
        return lowered
    for article, phrase in PLACE_ARTICLES.items():
        if lowered.startswith(article):
            return phrase + place[len(article) :]
    noun = place.split(" ", 1)[0].split("-", 1)[0].lower()
    if noun in PLACE_NOUNS:
        # "Salle du conseil": a common noun, lower-cased; "Hôtel de Ville", "SALLE DES FÊTES": as written
        common = place[1:] == place[1:].lower()
        written = lowered if common else place
        article = PLACE_NOUNS[noun]
        return f"{article}{written}" if article.endswith("'") else f"{article} {written}"
    return f"à {place}"


def french_time(moment: dt.time | None) -> str:
    """ "18h38", "9h05", "18h00"."""
    if moment is None:
        return ""
    return f"{moment.hour}h{moment.minute:02d}"


def group_digits(value: int) -> str:
    """ "846442" -> "846 442" with narrow no-break spaces."""
    return f"{value:,}".replace(",", NNBSP)


def amount(value: int | Decimal | float | str) -> str:
    """ "45 000 €", "1 250,50 €"."""
    number = Decimal(str(value))
    sign = "-" if number < 0 else ""
    number = abs(number)
    units = int(number)
    cents = (number - units).quantize(Decimal("0.01"))
    text = group_digits(units)
    if cents:
        text += "," + f"{cents:.2f}"[2:]
    return f"{sign}{text}{NBSP}€"


def item_ref(number: int | str) -> str:
    """ "n° 19" (no-break space)."""
    return f"n°{NBSP}{number}"


_AMOUNT = re.compile(r"(?<![\d,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(,\d{1,2})?\s*€")
_NUMERO = re.compile(r"\bn°[ \u00a0\u202f]*(?=[\dA-Z])")
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:(?=\s|$)")
_BEFORE_TALL = re.compile(r"[ \u00a0\u202f]+([;!?])")
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")


def typeset(text: str) -> str:
    """French typography for free text: amounts, "n° 19", spaces before ":" and ";", guillemets."""
    if not text:
        return text

    def _amount(match: re.Match[str]) -> str:
        digits = re.sub(r"[ \u00a0\u202f]", "", match.group(1))
        return group_digits(int(digits)) + (match.group(2) or "") + NBSP + "€"

    text = _AMOUNT.sub(_amount, text)
    text = _NUMERO.sub("n°" + NBSP, text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_TALL.sub(NNBSP + r"\1", text)
    text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    text = _CLOSE_GUILLEMET.sub(NBSP + "»", text)
    return text


# -- people --------------------------------------------------------------------


def member_name(member: Member | None, key: str = "") -> str:
    """ "Mme Anne VIGNOT": civility, first name, last name in capitals."""
    if member is None:
        return key
    # a name the roster could not split (no first name) is written as recorded
    last = member.last_name.upper() if member.first_name else member.last_name
    return " ".join(p for p in (member.civility, member.first_name, last) if p)


def plain_name(member: Member | None, key: str = "") -> str:
    """ "Anne VIGNOT", for signatures."""
    if member is None:
        return key
    return f"{member.first_name} {member.last_name.upper()}".strip()


def is_feminine(member: Member | None) -> bool:
    return bool(member and member.civility.lower().startswith(("mme", "mlle", "madame")))


def substitute_note(member: Member) -> str:
    return "(suppléante)" if is_feminine(member) else "(suppléant)"


def window_phrase(window: Window, noun: str = "question") -> str:
    """ "(à compter de la question n° 9)", "(jusqu'à la question n° 8 incluse)", "" for the whole meeting.

    A loose end (a bare "jusqu'à la question n° 7" in the source) is written as the source wrote it.
    """
    if window.is_whole_meeting:
        return ""
    parts = []
    if window.from_item is not None:
        parts.append(f"à compter de la {noun} {item_ref(window.from_item)}")
    if window.until_item is not None:
        end = f"jusqu'à la {noun} {item_ref(window.until_item)}"
        parts.append(end if window.loose_end else end + " incluse")
    text = " et ".join(parts)
    if window.except_items:
        holes = sorted(window.except_items)
        if len(holes) == 1:
            excepted = f"sauf la {noun} {item_ref(holes[0])}"
        else:
            excepted = (
                f"sauf les {noun}s "
                + ", ".join(item_ref(i) for i in holes[:-1])
                + f" et {item_ref(holes[-1])}"
            )
        text = f"{text}, {excepted}" if text else excepted
    return f"({text})"


def members_title(council: str) -> str:
    """ "Conseillers communautaires", "Conseillers municipaux"... for "… en exercice"."""
    folded = council.lower()
    for word, title in (
        ("municipal", "Conseillers municipaux"),
        ("départemental", "Conseillers départementaux"),
        ("régional", "Conseillers régionaux"),
        ("métropolitain", "Conseillers métropolitains"),
    ):
        if word in folded:
            return title
    return "Conseillers communautaires"


def chair_title(meeting: Meeting) -> str:
    """Default title of the chair: "Présidente de Grand Besançon Métropole", "Maire de …"."""
    chair = meeting.member(meeting.chair) if meeting.chair else None
    if "municipal" in meeting.council.lower() or meeting.authority.kind.lower() == "commune":
        return "Maire"
    title = "Présidente" if is_feminine(chair) else "Président"
    return f"{title} de {meeting.authority.name}"


def convened(meeting_council: str) -> str:
    """ "régulièrement convoqué" agrees with the council's gender (le Conseil, la Commission…)."""
    feminine = meeting_council.lower().startswith(("commission", "assemblée"))
    return "régulièrement convoquée" if feminine else "régulièrement convoqué"


def with_article(council: str) -> str:
    """ "le Conseil communautaire", "la Commission permanente"."""
    if not council:
        return "le Conseil"
    if council.lower().startswith(("commission", "assemblée")):
        return f"la {council}"
    return f"le {council}"


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def join_french(parts: list[str]) -> str:
    """ "a, b et c"."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " et " + parts[-1]


# -- votes ---------------------------------------------------------------------


def result_phrase(tally: ItemTally, kind: VoteKind) -> str:
    """The decision's opening words, from the rules core's result.

    "À l'unanimité" only when nobody voted against nor abstained; "À l'unanimité des suffrages
    exprimés" is written with "à la majorité" beside it so that a reader (and the importer)
    takes the printed figures, abstentions included.
    """
    if kind is VoteKind.NO_VOTE:
        return ""
    if tally.adopted is None:
        return "Après partage des voix"
    if not tally.adopted:
        return "À la majorité"
    if tally.unanimous:
        return "À l'unanimité"
    if tally.unanimous_of_votes_cast:
        return "À la majorité, soit à l'unanimité des suffrages exprimés"
    return "À la majorité"


def decision_intro(tally: ItemTally, kind: VoteKind, council: str) -> str:
    """ "À l'unanimité, le Conseil communautaire :"."""
    subject = with_article(council)
    if kind is VoteKind.NO_VOTE:
        return f"{capitalize_first(subject)} prend acte{NBSP}:"
    phrase = result_phrase(tally, kind)
    if tally.adopted is False:
        return f"{phrase}, {subject} rejette le projet de délibération suivant{NBSP}:"
    return f"{phrase}, {subject}{NBSP}:"


def outcome(tally: ItemTally, kind: VoteKind) -> str:
    """ "adopté à l'unanimité", "rejeté", "pris acte": the list's and the minutes' short result."""
    if kind is VoteKind.NO_VOTE:
        return "pris acte"
    if tally.votes_for is None:
        return "vote non renseigné"
    if tally.adopted is None:
        return "partage des voix (voix du président non renseignée)"
    if not tally.adopted:
        return "rejeté"
    if tally.unanimous:
        return "adopté à l'unanimité"
    if tally.unanimous_of_votes_cast:
        return "adopté à l'unanimité des suffrages exprimés"
    return "adopté à la majorité"


def figures_heading(tally: ItemTally, kind: VoteKind) -> str:
    """ "Rapport adopté à l'unanimité :" above the figures."""
    if kind is VoteKind.NO_VOTE:
        return f"Le conseil a pris acte{NBSP}:"
    if tally.adopted is None:
        return f"Partage des voix{NBSP}:"
    if not tally.adopted:
        return f"Rapport rejeté{NBSP}:"
    if tally.unanimous:
        return f"Rapport adopté à l'unanimité{NBSP}:"
    return f"Rapport adopté à la majorité des suffrages exprimés{NBSP}:"


def vote_kind_label(kind: VoteKind) -> str:
    return {
        VoteKind.SHOW_OF_HANDS: "à main levée",
        VoteKind.ROLL_CALL: "au scrutin public",
        VoteKind.SECRET_BALLOT: "au scrutin secret",
        VoteKind.NO_VOTE: "sans vote",
    }[kind]


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 membre", "5 membres", "aucun membre"."""
    if number == 0:
        return f"aucun {singular}"
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"
