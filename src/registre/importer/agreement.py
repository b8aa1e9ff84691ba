"""Read the grant agreement a deliberation approves (its articles and annexes 1–3)
into the pure records of ``registre.core.grants``.

The reader follows the shape such agreements share: a "CONVENTION" title, the
parties after "Entre" and "Et", articles numbered in Roman numerals (object,
amount and payment terms, duration, obligations, control, amendment and
repayment, termination, disputes), then "Annexe 1" (action programme by mission
category), "Annexe 2" (forecast budget) and "Annexe 3" (territorial indicators).
A figure the agreement must carry and that cannot be found is a DocumentError
naming the line where it was expected; nothing is half read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from registre.core.grants.agreement import Clauses, GrantAgreement, Party
from registre.core.grants.budget import ExpenseLine, ForecastBudget, Funder, RevenueLine, StatedTotals
from registre.core.grants.indicators import ANNEX_3_INDICATORS, Indicator, IndicatorScope, Unit
from registre.core.grants.money import euros
from registre.core.grants.programme import (
    BUDGET_PRIVATE_SHARE,
    ActionProgramme,
    MissionCategory,
    Objective,
    Target,
    TargetKind,
)
from registre.core.grants.schedule import Tranche, Trigger
from registre.core.names import fold

from .errors import DocumentError
from .french import parse_french_date

_I = re.I
AMOUNT = r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d{1,2}))?"
_SMALL_NUMBERS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
}
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}


@dataclass
class AgreementReading:
    agreement: GrantAgreement
    warnings: list[str] = field(default_factory=list)
    line: int = 0  # line of the "CONVENTION" title


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based, in the original text
    text: str  # cleaned: no markup, single spaces, tabs kept as " | "


def _clean(raw: str) -> str:
    text = re.sub(r"<sup>(.*?)</sup>", r"\1", raw, flags=_I)
    text = re.sub(r"</?[A-Za-z][^<>]{0,30}>", "", text)
    text = text.replace("\\*", "*").replace("**", "").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"^\s*#{1,6}\s*", "", text)
    text = text.replace("’", "'").replace("–", "-")
    text = re.sub(r"\s*\t\s*", " | ", text)
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r"(?<=\s)\*(?=\S)|(?<=\S)\*(?=\s|$)|^\*|\*$", "", text)  # italics
    return text.strip()


def _amount(text: str) -> Decimal:
    match = re.search(AMOUNT, text)
    if match is None:
        raise ValueError(f"montant illisible : « {text} »")
    whole = re.sub(r"[ \u00a0\u202f.]", "", match.group(1))
    return euros(Decimal(whole) + (Decimal(match.group(2)) / 100 if match.group(2) else 0))


def _small_number(token: str) -> int | None:
    token = token.strip().lower()
    return int(token) if token.isdigit() else _SMALL_NUMBERS.get(token)


class _Reader:
    def __init__(self, source: str, original: str):
        self.source = source
        self.lines = [_Line(i, _clean(raw)) for i, raw in enumerate(original.splitlines(), start=1)]
        self.warnings: list[str] = []

    def error(self, message: str, line: int | None, hint: str | None = None) -> DocumentError:
        return DocumentError(self.source, message, line=line, hint=hint)

    # -- layout --------------------------------------------------------------------------

    def start(self) -> int:
        for index, line in enumerate(self.lines):
            if re.fullmatch(r"CONVENTION\b.*", line.text) and len(line.text) < 80:
                return index
        last = next((line.number for line in reversed(self.lines) if line.text), len(self.lines))
        raise self.error(
            "aucune convention de subvention reconnue",
            last,
            "attendu : un titre « CONVENTION » suivi des articles I, II, III…",
        )

    def span(
        self, start: int, pattern: str, *, after: int | None = None, stop: str | None = None
    ) -> tuple[int, int] | None:
        """Index range of the lines from a heading matching ``pattern`` to the next ``stop`` heading."""
        begin = None
        for index in range(after if after is not None else start, len(self.lines)):
            if re.match(pattern, self.lines[index].text, _I):
                begin = index
                break
        if begin is None:
            return None
        end = len(self.lines)
        if stop:
            for index in range(begin + 1, len(self.lines)):
                if re.match(stop, self.lines[index].text, _I):
                    end = index
                    break
        return begin, end

    def articles(self, start: int, end: int) -> dict[int, tuple[int, int]]:
        heads = []
        for index in range(start, end):
            match = re.match(r"([IVX]{1,4})\s*[.-]\s+\S", self.lines[index].text)
            if match and match.group(1) in _ROMAN:
                heads.append((_ROMAN[match.group(1)], index))
        found: dict[int, tuple[int, int]] = {}
        for position, (number, index) in enumerate(heads):
            following = heads[position + 1][1] if position + 1 < len(heads) else end
            found.setdefault(number, (index, following))
        return found

    def text_of(self, begin: int, end: int) -> str:
        return " ".join(line.text for line in self.lines[begin:end] if line.text)

    def find(self, begin: int, end: int, pattern: str) -> tuple[re.Match[str], _Line] | None:
        for line in self.lines[begin:end]:
            match = re.search(pattern, line.text, _I)
            if match:
                return match, line
        return None

    def line_at(self, index: int) -> int:
        return self.lines[min(index, len(self.lines) - 1)].number


def read_agreement(source: str, original: str) -> AgreementReading:
    reader = _Reader(source, original)
    start = reader.start()
    annex1 = reader.span(start, r"Annexe\s*1\b", stop=r"Annexe\s*2\b")
    annex2 = reader.span(start, r"Annexe\s*2\b", stop=r"Annexe\s*3\b")
    annex3 = reader.span(start, r"Annexe\s*3\b", stop=r"Annexe\s*4\b")
    body_end = annex1[0] if annex1 else (annex2[0] if annex2 else len(reader.lines))
    articles = reader.articles(start, body_end)
    title_line = reader.lines[start].number

    def article(number: int, what: str) -> tuple[int, int]:
        if number not in articles:
            raise reader.error(
                f"article {_roman(number)} ({what}) introuvable dans la convention",
                title_line,
                f"attendu : un titre « {_roman(number)}. {what} »",
            )
        return articles[number]

    grantor, beneficiary = _parties(reader, start, articles.get(1, (body_end, body_end))[0])
    deliberation, deliberation_date, budget_line, budget_line_amount = _deliberation(reader, start)

    # I. Object
    begin, end = article(1, "Objet")
    object_text = reader.text_of(begin + 1, end)
    if not object_text:
        raise reader.error("l'objet de la convention est vide", reader.line_at(begin))

    # III. Amount, cap, payment terms, reports
    begin, end = article(3, "Montant et modalités de versement")
    found = reader.find(begin, end, r"subvention\s+de\s+" + AMOUNT + r"\s*€") or reader.find(
        articles[1][0], articles[1][1], r"subvention\s+de\s+" + AMOUNT + r"\s*€"
    )
    if not found:
        raise reader.error(
            "montant de la subvention introuvable",
            reader.line_at(begin),
            "attendu : « une subvention de 45 000 € »",
        )
    amount = _amount(found[0].group(0).split("de", 1)[1])
    programme = reader.find(begin, end, r"budget\s+pr[ée]visionnel\s+(?:global\s+)?de\s+" + AMOUNT + r"\s*€")
    programme_budget = _amount(programme[0].group(0).split(" de ", 1)[1]) if programme else None
    cap_clause = reader.find(begin, end, r"plafond")
    if not cap_clause:
        raise reader.error(
            "plafond de la subvention introuvable",
            reader.line_at(begin),
            "attendu : « Ce montant est un plafond non révisable à la hausse »",
        )
    cap_amount = re.search(r"plafond[^.]*?" + AMOUNT + r"\s*€", cap_clause[1].text, _I)
    cap = _amount(cap_amount.group(0).split("plafond", 1)[1]) if cap_amount else amount
    if not re.search(r"non\s+r[ée]visable\s+[àa]\s+la\s+hausse", cap_clause[1].text, _I):
        reader.warnings.append(
            f"ligne {cap_clause[1].number} : plafond sans la mention « non révisable à la hausse »"
        )
    tranches = _tranches(reader, begin, end, amount)
    copies_match = reader.find(begin, end, r"en\s+(\w+)\s+exemplaires")
    report_copies = (_small_number(copies_match[0].group(1)) or 1) if copies_match else 1
    if not reader.find(begin, end, r"compte[\s-]rendu\s+financier"):
        reader.warnings.append(
            f"ligne {reader.line_at(begin)} : compte-rendu financier non mentionné à l'article III"
        )
    programme_end = None
    if reader.find(begin, end, r"en\s+fin\s+de\s+programme") is None:
        reader.warnings.append(f"ligne {reader.line_at(begin)} : échéance des comptes rendus non précisée")

    # IV. Duration
    begin, end = article(4, "Durée et délai de validité")
    year = reader.find(begin, end, r"exercice\s+(\d{4})")
    financial_year = int(year[0].group(1)) if year else None
    if financial_year is None:
        raise reader.error(
            "exercice de la convention introuvable",
            reader.line_at(begin),
            "attendu : « conclue au titre de l'exercice 2021 »",
        )
    validity = reader.find(
        begin,
        end,
        r"(?:cessera|prend\s+fin|expire)[^.]*?\b(?:le\s+)?(\d{1,2}\s*(?:er)?\s+\w+\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})",
    )
    valid_until = parse_french_date(validity[0].group(1)) if validity else None
    if valid_until is None:
        raise reader.error(
            "date de fin de validité introuvable",
            reader.line_at(begin),
            "attendu : « cessera au plus tard le 1er novembre 2022 »",
        )
    if not reader.find(
        begin, end, r"transmission\s+au\s+repr[ée]sentant\s+de\s+l'[ÉE]tat|transmission\s+en\s+pr[ée]fecture"
    ):
        reader.warnings.append(
            f"ligne {reader.line_at(begin)} : prise d'effet autre que la transmission en préfecture"
        )
    retention = reader.find(begin, end, r"pendant\s+une\s+dur[ée]e\s+de\s+(\w+)\s+ans")
    retention_years = _small_number(retention[0].group(1)) if retention else None
    if not retention_years:
        raise reader.error(
            "durée de conservation des pièces justificatives introuvable",
            reader.line_at(begin),
            "attendu : « pendant une durée de 10 ans »",
        )

    # V. Obligations, VI. Control, VII. Repayment, VIII. Termination, IX. Court
    begin, end = article(5, "Obligations du bénéficiaire")
    obligations = tuple(line.text for line in reader.lines[begin + 1 : end] if line.text)
    obligations_text = " ".join(obligations)
    redistribution_allowed = not re.search(r"ne\s+peut\s+(?:pas\s+)?redistribuer", obligations_text, _I)
    profit_allowed = not re.search(
        r"(?:ne\s+puisse|ne\s+peut)[^.]*donner\s+lieu\s+[àa]\s+profit", obligations_text, _I
    )
    control = reader.text_of(*_body(article(6, "Modalités de contrôle")))
    begin, end = article(7, "Modification et reversement")
    grounds = _repayment_grounds(reader, begin, end)
    begin, end = article(8, "Résiliation de la convention")
    notice = reader.find(begin, end, r"pr[ée]avis\s+d'?\s*(?:de\s+)?(\w+)\s+mois")
    notice_months = _small_number(notice[0].group(1)) if notice else None
    if not notice_months:
        raise reader.error(
            "préavis de résiliation introuvable",
            reader.line_at(begin),
            "attendu : « avec un préavis d'un mois »",
        )
    without = reader.find(
        begin, end, r"sans\s+pr[ée]avis[^.]*?(d[ée]clarations?\s+fausses?\s+ou\s+incompl[èe]tes?)"
    )
    begin, end = article(9, "Litiges")
    court = reader.find(
        begin, end, r"(Tribunal\s+administratif\s+de\s+[A-ZÉÈ][\w'-]*(?:[\s-][A-ZÉÈ][\w'-]*)*)"
    )
    if not court:
        raise reader.error(
            "juridiction compétente introuvable",
            reader.line_at(begin),
            "attendu : « Tribunal Administratif de Besançon »",
        )
    signed_on = _signature(reader, start, body_end)

    budget = _budget(reader, annex2, grantor.name, financial_year, title_line)
    programme_record = _programme(reader, annex1, financial_year, title_line)
    indicators = _indicators(reader, annex3, title_line)

    agreement = GrantAgreement(
        reference=deliberation or f"convention-{financial_year}",
        grantor=grantor,
        beneficiary=beneficiary,
        object=object_text,
        amount=amount,
        cap=cap,
        deliberation=deliberation,
        deliberation_date=deliberation_date,
        budget_line=budget_line or "",
        budget_line_amount=budget_line_amount,
        programme_budget=programme_budget,
        financial_year=financial_year,
        signed_on=signed_on,
        transmitted_on=None,
        valid_until=valid_until,
        programme_end=programme_end,
        retention_years=retention_years,
        report_copies=report_copies,
        tranches=tranches,
        budget=budget,
        programme=programme_record,
        indicators=indicators,
        clauses=Clauses(
            obligations=obligations,
            control=control,
            repayment_grounds=grounds,
            termination_notice_months=notice_months,
            termination_without_notice=without[0].group(1) if without else "",
            court=_squash(court[0].group(1)),
            redistribution_allowed=redistribution_allowed,
            profit_allowed=profit_allowed,
        ),
    )
    return AgreementReading(agreement, reader.warnings, title_line)


def _roman(number: int) -> str:
    return next(k for k, v in _ROMAN.items() if v == number)


def _body(span: tuple[int, int]) -> tuple[int, int]:
    return span[0] + 1, span[1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:.-")


def _parties(reader: _Reader, start: int, end: int) -> tuple[Party, Party]:
    texts = [line for line in reader.lines[start:end] if line.text]
    grantor = beneficiary = None
    for position, line in enumerate(texts[:-1]):
        if re.fullmatch(r"Entre", line.text, _I) and grantor is None:
            grantor = texts[position + 1]
        elif re.fullmatch(r"Et", line.text, _I) and beneficiary is None:
            beneficiary = texts[position + 1]
    if grantor is None or beneficiary is None:
        raise reader.error(
            "parties de la convention introuvables",
            reader.line_at(start),
            "attendu : « Entre » l'attribuant « Et » le bénéficiaire",
        )
    return _party(grantor.text), _party(beneficiary.text)


def _party(text: str) -> Party:
    name, _, rest = text.partition(", représent")
    name = re.sub(r"^(?:La|Le|Les|L')\s*", "", name.strip())
    represented = ""
    match = re.search(r"e?s?\s+par\s+(.*?)(?:,\s*d'une\s+part|,\s*d'autre\s+part|$)", rest)
    if match:
        represented = _squash(re.sub(r",?\s*d[ûu]ment\s+habilit[ée]e?[^,]*(?:,|$)", ",", match.group(1)))
    siret = re.search(r"SIRET\s*(?:n\s*°)?\s*:?\s*([\d ]{14,20})", text, _I)
    return Party(_squash(name), re.sub(r"\s", "", siret.group(1)) if siret else None, represented)


def _deliberation(
    reader: _Reader, start: int
) -> tuple[str | None, dt.date | None, str | None, Decimal | None]:
    """Number, date and budget line of the deliberation the agreement is appended to, if present."""
    number = date = line = line_amount = None
    for item in reader.lines[:start]:
        match = re.search(r"D[ée]lib[ée]ration\s+n\s*°\s*([\w/.-]*\d[\w/.-]*)", item.text, _I)
        if match and number is None:
            number = match.group(1).rstrip("./-")
        match = re.search(r"S[ée]ance\s+(?:publique\s+)?du\s+(.{6,40}?\d{4})", item.text, _I)
        if match and date is None:
            date = parse_french_date(match.group(1))
    found = reader.find(0, start, r"Inscription\s+budg[ée]taire")
    if found:
        index = next(i for i, item in enumerate(reader.lines) if item is found[1])
        rest = found[1].text[found[0].end() :].strip(" |:")
        following = rest or next((item.text for item in reader.lines[index + 1 : start] if item.text), "")
        label = re.split(r"\s*\|\s*|\s+Montant\s+du\s+budget", following, maxsplit=1)[0]
        line = _squash(label) or None
        match = re.search(r"Montant\s+du\s+budget[^:]*:\s*" + AMOUNT, following, _I)
        line_amount = _amount(match.group(0).split(":", 1)[1]) if match else None
    return number, date, line, line_amount


def _tranches(reader: _Reader, begin: int, end: int, amount: Decimal) -> tuple[Tranche, ...]:
    tranches = []
    for line in reader.lines[begin:end]:
        share = re.match(
            r"-?\s*(\d{1,3}(?:[,.]\d+)?)\s*%\s*,?\s*(?:soit\s+" + AMOUNT + r"\s*€)?\s*,?\s*(.*)", line.text
        )
        fixed = re.match(r"-\s*" + AMOUNT + r"\s*€\s*,?\s*(.*)", line.text)
        if not share and not fixed:
            continue
        if share:
            value = Decimal(share.group(1).replace(",", ".")) / 100
            trigger_text = share.group(4)
            stated = (
                _amount(share.group(2) + (("," + share.group(3)) if share.group(3) else ""))
                if share.group(2)
                else None
            )
            if stated is not None and stated != euros(amount * value):
                reader.warnings.append(
                    f"ligne {line.number} : {share.group(1)} % de {amount} € ne font pas {stated} €"
                )
            tranche_share, tranche_amount = value, None
        elif fixed:
            trigger_text = fixed.group(3)
            tranche_share, tranche_amount = None, _amount(fixed.group(0))
        trigger, on, report = _trigger(trigger_text)
        if trigger is None:
            raise reader.error(
                f"déclencheur du versement non reconnu : « {_squash(trigger_text)} »",
                line.number,
                "attendu : « à la signature », « à réception du rapport… » ou « le 1er mars 2022 »",
            )
        tranches.append(
            Tranche(trigger, tranche_share, tranche_amount, on, report, _squash(line.text.lstrip("- ")))
        )
    if not tranches:
        raise reader.error(
            "modalités de versement introuvables",
            reader.line_at(begin),
            "attendu : « - 100%, soit 45 000 € à la signature de la présente convention »",
        )
    return tuple(tranches)


def _trigger(text: str) -> tuple[Trigger | None, dt.date | None, str | None]:
    if re.search(r"signature", text, _I):
        return Trigger.SIGNATURE, None, None
    if re.search(r"transmission|prise\s+d'effet", text, _I):
        return Trigger.TRANSMISSION, None, None
    if re.search(r"compte[\s-]rendu\s+financier", text, _I):
        return Trigger.REPORT, None, "financial_report"
    if re.search(r"rapport\s+d'activit[ée]", text, _I):
        return Trigger.REPORT, None, "activity_report"
    date = parse_french_date(text)
    if date:
        return Trigger.DATE, date, None
    return None, None, None


def _repayment_grounds(reader: _Reader, begin: int, end: int) -> tuple[str, ...]:
    intro = reader.find(begin, end, r"reversement\s+total\s+ou\s+partiel|reversement")
    if not intro:
        raise reader.error(
            "clause de reversement introuvable",
            reader.line_at(begin),
            "attendu : « pourra exiger le reversement total ou partiel … »",
        )
    index = next(i for i in range(begin, end) if reader.lines[i] is intro[1])
    grounds = []
    for line in reader.lines[index + 1 : end]:
        if line.text.startswith("-"):
            grounds.append(_squash(line.text.lstrip("- ")))
        elif line.text and grounds:
            break
    if not grounds:
        raise reader.error(
            "motifs de reversement introuvables",
            intro[1].number,
            "attendu : la liste « - en cas de … » après la clause de reversement",
        )
    return tuple(grounds)


def _signature(reader: _Reader, start: int, end: int) -> dt.date | None:
    found = reader.find(start, end, r"Fait\s+en\s+\w+\s+exemplaires?.*?,\s*le\s+(.*)$")
    if not found:
        return None
    return parse_french_date(found[0].group(1))  # "le ....." : not signed yet


# -- annex 2: forecast budget ----------------------------------------------------------

_BUDGET_LINE = re.compile(
    r"^(?P<label>[^|]*?[A-Za-zÀ-ÿ][^|]*?)\s*(?:\|\s*)+(?P<amount>" + AMOUNT + r")\s*(?:€)?\s*(?:\|)?\s*$"
)
# a PDF text layer loses the table's cells: "Personnel 433 942"
_BUDGET_LINE_SPACED = re.compile(
    r"^(?P<label>[^|\d][^|]*?[A-Za-zÀ-ÿ.)])\s+(?P<amount>" + AMOUNT + r")\s*(?:€)?\s*$"
)


def _budget(
    reader: _Reader, span: tuple[int, int] | None, grantor: str, year: int | None, title_line: int
) -> ForecastBudget:
    if span is None:
        raise reader.error(
            "annexe 2 (budget prévisionnel) introuvable",
            title_line,
            "attendu : « Annexe 2 : budget prévisionnel »",
        )
    begin, end = span
    revenues_at = next(
        (i for i in range(begin, end) if re.match(r"Recettes", reader.lines[i].text, _I)), None
    )
    if revenues_at is None:
        raise reader.error(
            "recettes prévisionnelles introuvables dans l'annexe 2",
            reader.line_at(begin),
            "attendu : un tableau « Recettes prévisionnelles »",
        )
    expenses_at = next(
        (i for i in range(begin + 1, revenues_at) if re.match(r"D[ée]penses", reader.lines[i].text, _I)),
        begin + 1,
    )
    expenses, revenues = [], []
    stated: dict[str, Decimal | None] = {"expenses": None, "public": None, "private": None, "revenues": None}
    public_side = True
    for index in range(expenses_at, end):
        line = reader.lines[index]
        match = _BUDGET_LINE.match(line.text)
        if not match:
            match = _BUDGET_LINE_SPACED.match(line.text)
            if match and re.fullmatch(r"(?:19|20)\d\d", match.group("amount")):
                match = None  # "… du programme 2021": a year, not an amount
        if not match:
            continue
        label = _squash(match.group("label"))
        value = _amount(match.group("amount"))
        folded = fold(label)
        if index < revenues_at:
            if folded.startswith("TOTAL"):
                stated["expenses"] = value
            else:
                expenses.append(ExpenseLine(label, value))
            continue
        if "TOTAL" in folded and "PUBLIC" in folded:
            stated["public"] = value
            public_side = False
        elif "TOTAL" in folded and "PRIVE" in folded:
            stated["private"] = value
        elif folded.startswith("TOTAL"):
            stated["revenues"] = value
        else:
            revenues.append(RevenueLine(label, value, _funder(folded, fold(grantor), public_side)))
    if not expenses or stated["expenses"] is None:
        raise reader.error(
            "lignes ou total des dépenses introuvables dans l'annexe 2",
            reader.line_at(begin),
            "attendu : « Personnel | 433 942 » … « TOTAL | 846 442 »",
        )
    if not revenues or stated["revenues"] is None:
        raise reader.error(
            "lignes ou total des recettes introuvables dans l'annexe 2",
            reader.lines[revenues_at].number,
            "attendu : « Etat | 83 000 » … « Total recettes | 846 442 »",
        )
    return ForecastBudget(tuple(expenses), tuple(revenues), StatedTotals(**stated), year)


def _funder(label: str, grantor: str, public_side: bool) -> Funder:
    if public_side:
        if re.search(r"\bETAT\b", label):
            return Funder.STATE
        if re.search(r"\bREGION\b", label):
            return Funder.REGION
        if label and (label in grantor or grantor in label):
            return Funder.AUTHORITY
        return Funder.OTHER_PUBLIC
    if "VALORISATION" in label or "TEMPS" in label:
        return Funder.VALUED_INDUSTRIAL_TIME
    if "PRESTATION" in label or "SERVICE" in label:
        return Funder.SERVICES
    return Funder.OTHER_PRIVATE


# -- annex 1: action programme ---------------------------------------------------------

_TARGETS = (
    (r"objectif\s+(\d+)\s+projets?\s+collaboratifs?\s+dont\s+(\d+)\s+financ", "projects"),
    (r"(\d+)\s+intentions?\s+de\s+projets?", "project_intentions"),
    (r"compris\s+entre\s+(\d+)\s*(?:et|-|à|a)?\s*(\d+)\s+adh[ée]rents", "members"),
    (r"part\s+priv[ée]e?\s+sup[ée]rieure?\s+[àa]\s+(\d+(?:[,.]\d+)?)\s*%", "private_share"),
    (r"visiter\s+(\d+)\s+entreprises", "companies_visited"),
    (r"(\d+)\s+r[ée]unions\s+de\s+travail", "working_meetings"),
    (r"accompagnement\s+de\s+(\d+)\s+projets", "supported_projects"),
    (r"obj\s*:\s*(\d+)\s+projets", "corac_projects"),
)


def _objectives_of(text: str, category: MissionCategory, section: str, serial: int) -> list[Objective]:
    for pattern, key in _TARGETS:
        match = re.search(pattern, text, _I)
        if not match:
            continue
        if key == "projects":
            return [
                Objective(
                    "labelled_projects",
                    category,
                    text,
                    Target(TargetKind.AT_LEAST, Decimal(match.group(1)), unit="projets labellisés"),
                    section=section,
                ),
                Objective(
                    "funded_projects",
                    category,
                    text,
                    Target(TargetKind.AT_LEAST, Decimal(match.group(2)), unit="projets financés"),
                    section=section,
                ),
            ]
        if key == "members":
            return [
                Objective(
                    key,
                    category,
                    text,
                    Target(TargetKind.RANGE, Decimal(match.group(1)), Decimal(match.group(2)), "adhérents"),
                    section=section,
                )
            ]
        if key == "private_share":
            share = Decimal(match.group(1).replace(",", ".")) / 100
            return [
                Objective(
                    key,
                    category,
                    text,
                    Target(TargetKind.SHARE_ABOVE, share),
                    BUDGET_PRIVATE_SHARE,
                    section=section,
                )
            ]
        units = {
            "project_intentions": "intentions de projet",
            "companies_visited": "entreprises visitées",
            "working_meetings": "réunions",
            "supported_projects": "projets accompagnés",
            "corac_projects": "projets",
        }
        return [
            Objective(
                key,
                category,
                text,
                Target(TargetKind.AT_LEAST, Decimal(match.group(1)), unit=units[key]),
                section=section,
            )
        ]
    return [Objective(f"{category.value}.{serial}", category, text, section=section)]


@dataclass
class _Bullet:
    """An objective as the programme lists it, under its category and section."""

    category: MissionCategory
    section: str
    text: str


def _programme(
    reader: _Reader, span: tuple[int, int] | None, year: int | None, title_line: int
) -> ActionProgramme:
    if span is None:
        raise reader.error(
            "annexe 1 (programme d'actions) introuvable",
            title_line,
            "attendu : « Annexe 1 : programme d'actions »",
        )
    begin, end = span
    description = next(
        (i for i in range(begin, end) if re.match(r"II\s*[.-]\s", reader.lines[i].text)), begin
    )
    objectives: list[Objective] = []
    category: MissionCategory | None = None
    section = ""
    items: list[_Bullet] = []
    intro: dict[MissionCategory, str] = {}
    for line in reader.lines[description:end]:
        text = line.text
        if not text:
            continue
        heading = re.match(r"([A-E])\s*/\s*Cat[ée]gorie\s+([A-E])\b\s*:?\s*(.*)", text, _I)
        if heading:
            category = MissionCategory(heading.group(2).upper())
            section = ""
            continue
        if category is None:
            continue
        numbered = re.match(r"(\d+)\s*[.)]\s+(.*)", text)
        if numbered:
            section = _squash(numbered.group(2))
            continue
        if re.match(r"Objectifs\s+attendus", text, _I):
            continue
        bullet = re.match(r"[-✓•]\s*[✓•]?\s*(.*)", text)
        if bullet:
            items.append(_Bullet(category, section, _squash(bullet.group(1))))
        elif items and items[-1].category is category and text[:1].islower():
            items[-1].text = _squash(items[-1].text + " " + text)  # a bullet cut by a page break
        elif category not in intro:
            intro[category] = _squash(text)
    serial = {c: 0 for c in MissionCategory}
    for item in items:
        serial[item.category] += 1
        objectives += _objectives_of(item.text, item.category, item.section, serial[item.category])
    for category_ in MissionCategory:
        if not any(o.category is category_ for o in objectives) and category_ in intro:
            objectives.append(Objective(f"{category_.value}.1", category_, intro[category_]))
    if not objectives:
        raise reader.error(
            "aucun objectif dans l'annexe 1",
            reader.line_at(begin),
            "attendu : des catégories « A / Catégorie A » avec leurs objectifs attendus",
        )
    keys: dict[str, int] = {}
    unique = []
    for objective in objectives:  # a target repeated in two categories keeps distinct keys
        keys[objective.key] = keys.get(objective.key, 0) + 1
        if keys[objective.key] > 1:
            objective = Objective(
                f"{objective.key}.{keys[objective.key]}",
                objective.category,
                objective.text,
                objective.target,
                objective.measure,
                objective.section,
            )
        unique.append(objective)
    order = list(MissionCategory)
    unique.sort(key=lambda o: order.index(o.category))
    return ActionProgramme(year, tuple(unique))


# -- annex 3: territorial indicators ---------------------------------------------------


def _indicators(reader: _Reader, span: tuple[int, int] | None, title_line: int) -> tuple[Indicator, ...]:
    if span is None:
        raise reader.error(
            "annexe 3 (indicateurs territoriaux) introuvable",
            title_line,
            "attendu : « Annexe 3 : indicateurs territoriaux »",
        )
    begin, end = span
    known = {i.key: i for i in ANNEX_3_INDICATORS}
    scope = None
    found: list[Indicator] = []
    for line in reader.lines[begin + 1 : end]:
        folded = fold(line.text)
        if not folded:
            continue
        if folded.startswith("POUR LES LABORATOIRES"):
            scope = IndicatorScope.LABORATORIES
            continue
        if folded.startswith("POUR LES ENTREPRISES"):
            scope = (
                IndicatorScope.COLLABORATIVE_PROJECTS
                if "PROJETS COLLABORATIFS" in folded
                else IndicatorScope.MEMBER_COMPANIES
            )
            continue
        if scope is None or not line.text.startswith("-"):
            continue
        key = _indicator_key(scope, folded)
        if key in known:
            found.append(known[key])
        else:
            label = _squash(line.text.lstrip("- "))
            found.append(
                Indicator(f"{scope.value}.{len(found) + 1}", scope, label[:1].upper() + label[1:], Unit.COUNT)
            )
    if not found:
        raise reader.error(
            "aucun indicateur dans l'annexe 3",
            reader.line_at(begin),
            "attendu : « pour les entreprises du territoire … - effectifs, - chiffre d'affaires »",
        )
    return tuple(found)


def _indicator_key(scope: IndicatorScope, folded: str) -> str:
    prefix = {
        IndicatorScope.MEMBER_COMPANIES: "members",
        IndicatorScope.COLLABORATIVE_PROJECTS: "projects",
        IndicatorScope.LABORATORIES: "labs",
    }[scope]
    for word, name in (
        ("EFFECTIF", "headcount"),
        ("CHIFFRE D AFFAIRES", "turnover"),
        ("AIDES PUBLIQUES", "public_aid"),
        ("MONTANT DES PROGRAMMES", "programme_amount"),
        ("EMPLOIS", "jobs"),
        ("CHERCHEURS", "researchers"),
        ("PUBLICATIONS", "publications"),
        ("BREVETS", "patents"),
    ):
        if word in folded:
            return f"{prefix}.{name}"
    return ""
