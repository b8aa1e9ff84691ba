"""The grant agreement ("convention de subvention") and its annexes, from the grants core.

Articles: object, action programme, amount and payment schedule (the cap), duration,
obligations, control, amendment and repayment, termination, disputes; annexes: the action
programme by mission category with its targets, the forecast budget tables (expenses,
revenues by public and private funders, totals and shares computed by the core) and the
territorial indicators. Wording in French; amounts through the core's ``format_euros``.
"""

from __future__ import annotations

from decimal import Decimal

from registre.core.grants import GrantAgreement, Tranche, Trigger, format_euros, format_percent
from registre.core.grants.budget import Funder

from .model import Composition
from .wording import NBSP, french_date, typeset

_ORDINALS = (
    "premier",
    "deuxième",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
    "dixième",
)


def _article(number: int, title: str, paragraphs: list[str], items: list[str] | None = None) -> Composition:
    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[number - 1]
    return {
        "heading": f"{roman}. {title}",
        "paragraphs": [typeset(p) for p in paragraphs if p],
        "points": [typeset(i) for i in (items or [])],
    }


def _count_word(number: int) -> str:
    words = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}
    return words.get(number, str(number))


def _months(number: int) -> str:
    return "d'un mois" if number == 1 else f"de {_count_word(number)} mois"


def _tranche(agreement: GrantAgreement, tranche: Tranche) -> str:
    amount = format_euros(tranche.amount_of(agreement.amount))
    share = f"{format_percent(tranche.share, 0)}, soit " if tranche.share is not None else ""
    when = {
        Trigger.SIGNATURE: "à la signature de la présente convention",
        Trigger.TRANSMISSION: "à sa transmission au représentant de l'État",
        Trigger.REPORT: f"à réception du {tranche.report or 'rapport'}",
        Trigger.DATE: f"le {french_date(tranche.on)}" if tranche.on else "à date fixe",
    }[tranche.trigger]
    return f"{share}{amount} {when}"


def compose_agreement(agreement: GrantAgreement, *, council: str = "Conseil") -> Composition:
    grantor, beneficiary = agreement.grantor, agreement.beneficiary
    deliberation = ""
    if agreement.deliberation:
        deliberation = f"la délibération n°{NBSP}{agreement.deliberation}"
        if agreement.deliberation_date:
            deliberation += f" du {council} en date du {french_date(agreement.deliberation_date)}"
    visas = [
        "Vu le code général des collectivités territoriales, et notamment son article L1611-4 ;",
        "Vu la loi n° 2000-321 du 12 avril 2000, notamment son article 10, et le décret n° 2001-495 du 6 juin 2001 ;",
    ]
    if deliberation:
        visas.append(f"Vu {deliberation} ;")
    year = agreement.financial_year
    articles = [
        _article(1, "Objet", [agreement.object]),
        _article(
            2,
            "Programme d'actions",
            [
                f"{beneficiary.name} s'engage à conduire les actions conformes au programme décrit en annexe 1."
            ],
        ),
        _article(
            3,
            "Montant et modalités de versement de la subvention",
            [
                f"{grantor.name} attribue au bénéficiaire une subvention de {format_euros(agreement.amount)}"
                + (
                    f" pour un budget prévisionnel global de {format_euros(agreement.programme_budget)}"
                    if agreement.programme_budget
                    else ""
                )
                + (f" pour son programme {year}" if year else "")
                + ", conforme à l'annexe 2.",
                f"Ce montant de {format_euros(agreement.cap)} est un plafond non révisable à la hausse.",
                "La subvention sera versée de la façon suivante :" if agreement.tranches else "",
                f"Le bénéficiaire s'engage à fournir en fin de programme, en {_count_word(agreement.report_copies)} "
                "exemplaires, un compte-rendu financier et un rapport d'activité.",
            ],
            [_tranche(agreement, t) for t in agreement.tranches],
        ),
        _article(
            4,
            "Durée et délai de validité",
            [
                (f"La présente convention est conclue au titre de l'exercice {year}. " if year else "")
                + "Elle prend effet à compter de sa date de transmission au représentant de l'État"
                + (f" ({french_date(agreement.transmitted_on)})" if agreement.transmitted_on else "")
                + (
                    f" et cessera au plus tard le {french_date(agreement.valid_until)}."
                    if agreement.valid_until
                    else "."
                ),
                f"Le bénéficiaire conserve les pièces justificatives des dépenses pendant une durée de "
                f"{agreement.retention_years} ans"
                + (
                    f", soit jusqu'au {french_date(agreement.retention_until)}."
                    if agreement.retention_until
                    else "."
                ),
            ],
        ),
        _article(
            5,
            "Obligations du bénéficiaire",
            list(agreement.clauses.obligations)
            or [
                "Le bénéficiaire utilise la subvention exclusivement à la réalisation de l'objet défini à l'article 1."
            ]
            + (
                []
                if agreement.clauses.redistribution_allowed or agreement.clauses.obligations
                else ["Il ne peut redistribuer tout ou partie de l'aide au profit d'un autre organisme."]
            ),
        ),
        _article(
            6,
            "Modalités de contrôle",
            [agreement.clauses.control or "L'attribuant peut procéder à tout contrôle, notamment sur place."],
        ),
        _article(
            7,
            "Modification et reversement",
            [
                "Toute modification significative du programme ou de son financement est notifiée par écrit à "
                f"{grantor.name} et peut donner lieu à un avenant.",
                f"{grantor.name} pourra exiger le reversement total ou partiel de l'aide :"
                if agreement.clauses.repayment_grounds
                else "",
            ],
            list(agreement.clauses.repayment_grounds),
        ),
        _article(
            8,
            "Résiliation de la convention",
            [
                "En cas de non-respect des engagements inscrits dans la présente convention, celle-ci pourra être résiliée "
                f"par l'une ou l'autre des parties, avec un préavis {_months(agreement.clauses.termination_notice_months)} "
                "suivant l'envoi d'une lettre recommandée avec avis de réception valant mise en demeure.",
                (
                    f"{grantor.name} pourra également résilier la convention, sans préavis ni indemnités, en cas de "
                    f"{agreement.clauses.termination_without_notice}."
                )
                if agreement.clauses.termination_without_notice
                else "",
            ],
        ),
        _article(
            9,
            "Litiges",
            [
                "Tout litige relatif à l'interprétation et à l'exécution de la présente convention sera de la compétence "
                f"du {agreement.clauses.court}."
                if agreement.clauses.court
                else "Tout litige relève de la juridiction administrative compétente."
            ],
        ),
    ]
    return {
        "kind": "agreement",
        "authority": grantor.name,
        "pdf_title": f"Convention de subvention — {beneficiary.name}",
        "running_title": f"Convention — {beneficiary.name}",
        "meeting_heading": f"Convention {agreement.reference}",
        "title": "Convention de subvention",
        "subtitle": typeset(f"{beneficiary.name} — programme d'actions {year}" if year else beneficiary.name),
        "grantor": typeset(
            f"{grantor.name}, représentée par {grantor.represented_by}"
            + (f", dûment habilitée à signer par {deliberation}" if deliberation else "")
            + ", d'une part,"
        ),
        "beneficiary": typeset(
            f"{beneficiary.name}, représenté par {beneficiary.represented_by}, d'autre part,"
        ),
        "visas": [typeset(v) for v in visas],
        "articles": articles,
        "done": typeset(
            f"Fait en deux exemplaires, le {french_date(agreement.signed_on) if agreement.signed_on else '…'}."
        ),
        "signatures": [
            {"capacity": f"Pour {beneficiary.name},", "name": typeset(beneficiary.represented_by)},
            {"capacity": f"Pour {grantor.name},", "name": typeset(grantor.represented_by)},
        ],
        "programme": _programme(agreement),
        "budget": _budget(agreement),
        "indicators": _indicators(agreement),
    }


def _programme(agreement: GrantAgreement) -> list[Composition]:
    """Categories "A / Catégorie A : …", numbered sections, objectives as written, targets beside them."""
    if agreement.programme is None:
        return []
    groups = []
    for category, objectives in agreement.programme.by_category().items():
        if not objectives:
            continue
        sections: dict[str, list[Composition]] = {}
        for objective in objectives:
            items = sections.setdefault(objective.section, [])
            target = typeset(objective.target.describe()) if objective.target else ""
            if (
                items and items[-1]["source"] == objective.text
            ):  # one sentence, two targets ("10 projets dont 3 financés")
                items[-1]["target"] = ", ".join(t for t in (items[-1]["target"], target) if t)
                continue
            items.append({"source": objective.text, "text": typeset(objective.text), "target": target})
        groups.append(
            {
                "heading": f"{category.value} / Catégorie {category.value} : {category.label}",
                "sections": [
                    {"title": typeset(f"{index}. {title}") if title else "", "objectives": items}
                    for index, (title, items) in enumerate(sections.items(), start=1)
                ],
            }
        )
    return groups


def _budget(agreement: GrantAgreement) -> Composition | None:
    budget = agreement.budget
    if budget is None:
        return None
    public = [line for line in budget.revenues if line.funder.public]
    private = [line for line in budget.revenues if not line.funder.public]

    def pct(value: Decimal | None) -> str:
        return format_percent(value) if value is not None else "—"

    return {
        "expenses": [[typeset(line.label), format_euros(line.amount)] for line in budget.expenses],
        "total_expenses": format_euros(budget.total_expenses),
        "public": [[typeset(line.label), format_euros(line.amount)] for line in public],
        "total_public": format_euros(budget.total_public),
        "private": [[typeset(line.label), format_euros(line.amount)] for line in private],
        "total_private": format_euros(budget.total_private),
        "total_revenues": format_euros(budget.total_revenues),
        "shares": [
            ["Financement public", pct(budget.public_share)],
            ["Financement privé", pct(budget.private_share)],
            [
                f"Part de la subvention de {agreement.grantor.name} dans les dépenses",
                pct(budget.grant_share(agreement.amount)),
            ],
        ],
        "authority_line": format_euros(budget.total_of(Funder.AUTHORITY)),
    }


def _indicators(agreement: GrantAgreement) -> list[Composition]:
    groups: dict[str, list[str]] = {}
    for indicator in agreement.indicators:
        label = indicator.scope.label
        groups.setdefault(f"Pour les {label[:1].lower()}{label[1:]}", []).append(typeset(indicator.label))
    return [{"scope": scope, "labels": labels} for scope, labels in groups.items()]


def agreement_text(composed: Composition) -> str:
    out = [
        f"**{composed['authority']}**",
        f"## {composed['title'].upper()}",
        f"**{composed['subtitle']}**",
        "Entre",
        composed["grantor"],
        "Et",
        composed["beneficiary"],
        *composed["visas"],
        "**Il est convenu ce qui suit :**",
    ]
    for article in composed["articles"]:
        out.append(f"### {article['heading']}")
        out += article["paragraphs"]
        if article["points"]:
            out.append("\n".join(f"- {i}" for i in article["points"]))
    out.append(composed["done"])
    out += [f"{s['capacity']}  \n{s['name']}" for s in composed["signatures"]]
    if composed["programme"]:
        out.append("## Annexe 1 : programme d'actions")
        out.append("### II. Description et résultats attendus des missions")
        for group in composed["programme"]:
            out.append(f"### {group['heading']}")
            for section in group["sections"]:
                if section["title"]:
                    out.append(f"**{section['title']}**")
                out.append("\n".join(f"- {o['text']}" for o in section["objectives"]))
    budget = composed["budget"]
    if budget:
        out.append("## Annexe 2 : budget prévisionnel")
        out.append("### Dépenses prévisionnelles")
        out.append(
            "\n".join(f"{a}\t{b}" for a, b in budget["expenses"])
            + f"\nTotal des dépenses\t{budget['total_expenses']}"
        )
        out.append("### Recettes prévisionnelles")
        rows = [f"{a}\t{b}" for a, b in budget["public"]] + [
            f"Total financement public\t{budget['total_public']}"
        ]
        rows += [f"{a}\t{b}" for a, b in budget["private"]] + [
            f"Total financement privé\t{budget['total_private']}"
        ]
        rows.append(f"Total des recettes\t{budget['total_revenues']}")
        out.append("\n".join(rows))
        out.append("\n".join(f"{a}\t{b}" for a, b in budget["shares"]))
    if composed["indicators"]:
        out.append("## Annexe 3 : indicateurs territoriaux")
        for group in composed["indicators"]:
            out.append(f"**{group['scope']}**")
            out.append("\n".join(f"- {label}" for label in group["labels"]))
    return "\n\n".join(out) + "\n"
