"""Cell values as authorities write them, read only when the reading is unambiguous.

Each reader takes a cell's text and returns what it understood (a date, a number…), or a
problem (rule + French message), never a guess: "17/07/2023" and "2018/03/15" are dates,
"03/04/05" is ambiguous and flagged; "40 000,00" is 40000.00, "1.500" (1,5 or 1 500?) is
flagged. When a value was written in another form than the schema's, the reading says which
form ("dates lues au format JJ/MM/AAAA"), so that the file's report can say it once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import actes

AMBIGUOUS = "registre:valeur-ambigue"
TYPE_ERROR = "table-schema:type-error"
ENUM = "table-schema:enum"
TOO_LARGE = "registre:nombre-hors-limites"  # more than 14 digits before the point or 6 after


@dataclass(frozen=True)
class Reading:
    value: object = None  # None: non renseigné, or not read (see problem)
    rule: str | None = None  # set when the cell could not be read
    message: str | None = None
    forms: tuple[str, ...] = ()  # how it was written, when not in the schema's form


NOTHING = Reading()


def clean(text: str | None) -> str:
    """The cell's text, line ends unified, outer spaces removed."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _problem(rule: str, message: str) -> Reading:
    return Reading(None, rule, message)


# ----- dates and periods -----

_TIME = r"(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?"
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})" + _TIME)
_YMD = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
_DMY = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})" + _TIME)
_SHORT = re.compile(r"\d{1,2}([-/.])\d{1,2}\1\d{2}")
_WITH_TIME = re.compile(r"[^ T]+[ T]\d{1,2}:\d{2}.*")


def _date_of(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _time_form(text: str) -> str:
    return " (heure 00:00 non reprise)" if re.search(r"[ T]00:00", text) else ""


def read_date(text: str) -> Reading:
    if not text:
        return NOTHING
    match = _ISO.fullmatch(text)
    if match:
        date = _date_of(match.group(1), match.group(2), match.group(3))
        forms = (f"dates lues au format AAAA-MM-JJ{_time_form(text)}",) if len(text) > 10 else ()
        return Reading(date, forms=forms) if date else _invalid_date(text)
    match = _YMD.fullmatch(text)
    if match:
        year, sep, month, day = match.groups()
        date = _date_of(year, month, day)
        form = f"dates lues au format AAAA{sep}MM{sep}JJ{_time_form(text)}"
        return Reading(date, forms=(form,)) if date else _invalid_date(text)
    match = _DMY.fullmatch(text)
    if match:
        day, sep, month, year = match.groups()
        date = _date_of(year, month, day)
        form = f"dates lues au format JJ{sep}MM{sep}AAAA{_time_form(text)}"
        return Reading(date, forms=(form,)) if date else _invalid_date(text)
    if _SHORT.fullmatch(text):
        return _problem(
            AMBIGUOUS,
            f"« {text} » : date ambiguë (année sur deux chiffres : le jour, le mois et l'année ne se "
            "distinguent pas), non interprétée",
        )
    if _WITH_TIME.fullmatch(text):
        return _problem(TYPE_ERROR, f"« {text} » : date avec une heure, non interprétée (AAAA-MM-JJ attendu)")
    return _problem(TYPE_ERROR, f"« {text} » n'est pas une date (AAAA-MM-JJ attendu)")


def _invalid_date(text: str) -> Reading:
    return _problem(TYPE_ERROR, f"« {text} » n'est pas une date du calendrier")


_DATE_TEXT = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"
_PERIOD = re.compile(rf"({_DATE_TEXT})\s*([_/]|\s+au\s+)\s*({_DATE_TEXT})")


def read_period(text: str) -> Reading:
    """datesPeriodeVersement: one date, or two joined by "/" (today) or "_" (SCDL 1.x)."""
    if not text:
        return NOTHING
    single = read_date(text)
    if single.value is not None:
        return Reading((single.value, None), forms=single.forms)
    match = _PERIOD.fullmatch(text)
    if not match:
        if single.rule == AMBIGUOUS:
            return single
        return _problem(TYPE_ERROR, f"« {text} » n'est ni une date ni une période AAAA-MM-JJ/AAAA-MM-JJ")
    start, end = read_date(match.group(1)), read_date(match.group(3))
    if start.value is None or end.value is None:
        bad = start if start.value is None else end
        return Reading(None, bad.rule, bad.message)
    separator = match.group(2).strip()
    forms = [*start.forms, *end.forms]
    if separator != "/":
        forms.insert(0, f"périodes lues avec le séparateur « {separator} » au lieu de « / »")
    return Reading((start.value, end.value), forms=tuple(dict.fromkeys(forms)))


# ----- numbers -----

_SPACES = re.compile(r"[\s\u00a0\u202f]")
_CURRENCY = re.compile(r"^(?:€|EUR)\s*|\s*(?:€|EUR)$", re.I)


def read_amount(text: str) -> Reading:
    """montant: a decimal point, or the French decimal comma and thousands spaces (or dots)."""
    return _number(text, thousands=True)


def read_share(text: str) -> Reading:
    """pourcentageSubvention: 0.01 … 1; "50 %" is 0.5. "80" stays 80 (the schema says it is out of range)."""
    if not text:
        return NOTHING
    if text.rstrip().endswith("%"):
        reading = _number(text.rstrip()[:-1].strip(), thousands=False)
        if not isinstance(reading.value, Decimal):
            return _problem(TYPE_ERROR, f"« {text} » n'est pas un pourcentage")
        return Reading(reading.value / 100, forms=("pourcentages écrits « 50 % » lus comme 0.5",))
    return _number(text, thousands=False)


def _number(text: str, *, thousands: bool) -> Reading:
    if not text:
        return NOTHING
    bare = _CURRENCY.sub("", text.strip())
    forms = ["symbole monétaire retiré"] if bare != text.strip() else []
    compact = _SPACES.sub(" ", bare).strip()
    sign = ""
    if compact.startswith("-"):
        sign, compact = "-", compact[1:].strip()
    digits = None
    if re.fullmatch(r"\d+(\.\d+)?", compact):
        if thousands and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", compact):
            return _ambiguous_number(text)
        digits = compact
    elif re.fullmatch(r"\d+,\d+", compact):
        if thousands and re.fullmatch(r"[1-9]\d{0,2},\d{3}", compact):
            return _ambiguous_number(text)
        digits = compact.replace(",", ".")
        forms.append("nombres lus avec la virgule décimale")
    elif thousands and re.fullmatch(r"\d{1,3}( \d{3})+(,\d+)?", compact):
        digits = compact.replace(" ", "").replace(",", ".")
        forms.append(
            "montants lus avec des espaces de milliers"
            + (" et la virgule décimale" if "," in compact else "")
        )
    elif thousands and re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", compact):
        digits = compact.replace(".", "").replace(",", ".")
        forms.append("montants lus avec des points de milliers et la virgule décimale")
    elif thousands and re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", compact):
        digits = compact.replace(",", "")
        forms.append("montants lus avec des virgules de milliers et le point décimal")
    if digits is None:
        return _problem(TYPE_ERROR, f"« {text} » n'est pas un nombre")
    try:
        number = Decimal(sign + digits)
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        return _problem(TYPE_ERROR, f"« {text} » n'est pas un nombre")
    if abs(number) >= 10**14 or -int(number.as_tuple().exponent) > 6:
        return _problem(
            TOO_LARGE, f"« {text} » : nombre trop grand ou trop précis pour être enregistré tel quel"
        )
    return Reading(number, forms=tuple(forms))


def _ambiguous_number(text: str) -> Reading:
    return _problem(
        AMBIGUOUS,
        f"« {text} » : nombre ambigu (séparateur décimal ou de milliers ?), non interprété",
    )


def read_integer(text: str) -> Reading:
    if not text:
        return NOTHING
    compact = _SPACES.sub("", text)
    whole = re.fullmatch(r"(\d+)([.,]0+)?", compact)
    if not whole:
        return _problem(TYPE_ERROR, f"« {text} » n'est pas un nombre entier")
    if len(whole.group(1)) > 9:
        return _problem(TOO_LARGE, f"« {text} » : nombre trop grand pour être enregistré tel quel")
    forms = ("nombres entiers écrits avec « ,0 » ou « .0 »",) if whole.group(2) else ()
    return Reading(int(whole.group(1)), forms=forms)


# ----- choices -----

_CASE = "valeurs de liste lues sans tenir compte de la casse ni des accents"
_BOOLEANS = {"oui": True, "non": False, "true": True, "false": False, "vrai": True, "faux": False}


def read_yes_no(text: str) -> Reading:
    if not text:
        return NOTHING
    value = _BOOLEANS.get(actes.fold(text))
    if value is None:
        return _problem(TYPE_ERROR, f"« {text} » : « oui » ou « non » attendu")
    other = text not in ("oui", "non")
    return Reading(
        value,
        forms=("oui/non écrits autrement (casse, vrai/faux) lus comme « oui »/« non »",) if other else (),
    )


def read_choice(text: str, allowed: tuple[str, ...]) -> Reading:
    """One of the schema's values, case and accents aside; a list may be separated by "," or ";"."""
    if not text:
        return NOTHING
    by_fold = {actes.fold(a): a for a in allowed}
    folded = re.sub(r"\s*[;,]\s*", ";", actes.fold(text))
    if folded in by_fold:
        value = by_fold[folded]
        return Reading(value, forms=() if value == text else (_CASE,))
    return _problem(ENUM, f"« {text} » hors de la liste autorisée ({', '.join(allowed)})")


def read_conditions(text: str, usual: tuple[str, ...]) -> Reading:
    """conditionsVersement is free text; its usual words are written as the schema spells them."""
    if not text:
        return NOTHING
    by_fold = {actes.fold(c): c for c in usual}
    value = by_fold.get(actes.fold(text), text)
    return Reading(value, forms=(_CASE,) if value != text else ())


def read_identifier(text: str) -> Reading:
    """A SIRET exactly as written (spaces between digit groups aside): the checks judge it, nothing repairs it."""
    if not text:
        return NOTHING
    if re.fullmatch(r"\d{3} \d{3} \d{3} \d{5}|\d{9} \d{5}", text):
        return Reading(
            text.replace(" ", ""), forms=("SIRET écrits par groupes de chiffres : espaces retirées",)
        )
    return Reading(text)


def read_text(text: str) -> Reading:
    return Reading(text or None)
