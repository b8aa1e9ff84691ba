"""The example's agreement (articles I–X and annexes 1–3) read into the grants core."""

import datetime as dt
from decimal import Decimal as D

import pytest

from registre.core.grants import (
    Funder,
    IndicatorScope,
    MissionCategory,
    ObligationKind,
    TargetKind,
    Trigger,
    check_agreement,
    obligations_of,
)
from registre.importer import DocumentError
from registre.importer.agreement import read_agreement


@pytest.fixture(scope="module")
def reading(example_text):
    return read_agreement("exemple.md", example_text)


@pytest.fixture(scope="module")
def agreement(reading):
    return reading.agreement


def _line_of(text, needle):
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_parties_deliberation_and_budget_line(reading, agreement, example_text):
    assert reading.warnings == []
    assert reading.line == _line_of(example_text, "**CONVENTION**")
    assert agreement.grantor.name == "Communauté Urbaine Grand Besançon Métropole"
    assert agreement.grantor.represented_by == "sa Présidente, Madame Anne VIGNOT"
    assert agreement.beneficiary.name == "Pôle des Microtechniques"
    assert agreement.beneficiary.represented_by == "son Président, Monsieur Laurent DESCHAMPS"
    assert (agreement.deliberation, agreement.deliberation_date) == ("2021/005795", dt.date(2021, 10, 7))
    assert (
        agreement.budget_line
        == "BP 2021 et PPIF 2021-2025 « actions recherche et innovation » fonctionnement"
    )
    assert agreement.budget_line_amount == D(140000)
    assert agreement.object.startswith("La présente convention a pour objet")


def test_amount_cap_and_schedule(agreement):
    assert agreement.amount == D(45000)
    assert agreement.cap == D(45000)
    assert agreement.programme_budget == D(846442)
    (tranche,) = agreement.tranches
    assert (tranche.trigger, tranche.share, tranche.amount_of(agreement.amount)) == (
        Trigger.SIGNATURE,
        D(1),
        D(45000),
    )
    assert agreement.report_copies == 2


def test_dates(agreement):
    assert agreement.financial_year == 2021
    assert agreement.signed_on is None  # "Fait … le ....."
    assert agreement.valid_until == dt.date(2022, 11, 1)
    assert agreement.retention_years == 10
    assert agreement.retention_until == dt.date(2032, 11, 1)
    assert agreement.programme_ends_on == dt.date(2021, 12, 31)
    due = {o.kind: o.due_on for o in obligations_of(agreement)}
    assert (
        due[ObligationKind.FINANCIAL_REPORT] == due[ObligationKind.ACTIVITY_REPORT] == dt.date(2021, 12, 31)
    )


def test_clauses(agreement):
    clauses = agreement.clauses
    assert len(clauses.repayment_grounds) == 4
    assert clauses.repayment_grounds[0].startswith("en cas d'utilisation différente")
    assert clauses.repayment_grounds[3].endswith("notifiées à Grand Besançon Métropole")
    assert clauses.termination_notice_months == 1
    assert clauses.termination_without_notice == "déclarations fausses ou incomplètes"
    assert clauses.court == "Tribunal Administratif de Besançon"
    assert not clauses.redistribution_allowed and not clauses.profit_allowed
    assert len(clauses.obligations) == 6
    assert clauses.control.startswith("Le contrôle de l'utilisation des aides")


def test_budget_lines_and_totals(agreement):
    budget = agreement.budget
    assert [(line.label, line.amount) for line in budget.expenses] == [
        ("Personnel", D(433942)),
        ("Frais de structure", D(150000)),
        ("Charges externes", D(210000)),
        ("Valorisation industrielle", D(35000)),
        ("Frais de déplacement", D(17500)),
    ]
    assert [(line.label, line.funder) for line in budget.revenues] == [
        ("Etat", Funder.STATE),
        ("Région Bourgogne Franche-Comté", Funder.REGION),
        ("Grand Besançon Métropole", Funder.AUTHORITY),
        ("PMA", Funder.OTHER_PUBLIC),
        ("PETR Morteau", Funder.OTHER_PUBLIC),
        ("Valorisation temps industriel", Funder.VALUED_INDUSTRIAL_TIME),
        ("prestations", Funder.SERVICES),
    ]
    stated = budget.stated
    assert (stated.expenses, stated.public, stated.private, stated.revenues) == (
        D(846442),
        D(421430),
        D(425012),
        D(846442),
    )
    assert (budget.total_expenses, budget.total_public, budget.total_private) == (
        D(846442),
        D(421430),
        D(425012),
    )
    assert budget.balance == 0


def test_objectives_with_targets(agreement):
    programme = agreement.programme
    assert programme.year == 2021
    targets = {
        o.key: (o.category, o.target.kind, o.target.low, o.target.high) for o in programme.with_targets
    }
    assert targets["labelled_projects"] == (MissionCategory.A, TargetKind.AT_LEAST, D(10), None)
    assert targets["funded_projects"] == (MissionCategory.A, TargetKind.AT_LEAST, D(3), None)
    assert targets["project_intentions"][2] == D(5)
    assert targets["members"] == (MissionCategory.B, TargetKind.RANGE, D(220), D(250))
    assert targets["private_share"] == (MissionCategory.B, TargetKind.SHARE_ABOVE, D("0.55"), None)
    assert targets["companies_visited"] == (MissionCategory.B, TargetKind.AT_LEAST, D(150), None)
    assert {c for c, objectives in programme.by_category().items() if objectives} == set(MissionCategory)
    texts = [o.text for o in programme.objectives]
    assert (
        "Ateliers et formations dédiés aux startups organisés avec la Caisse d'Epargne et le Village By CA - "
        "Animation du dispositif Propulseur" in texts
    )


def test_indicators_list(agreement):
    assert [i.key for i in agreement.indicators] == [
        "members.headcount",
        "members.turnover",
        "projects.programme_amount",
        "projects.public_aid",
        "projects.jobs",
        "labs.programme_amount",
        "labs.public_aid",
        "labs.researchers",
        "labs.publications",
        "labs.patents",
    ]
    assert {i.scope for i in agreement.indicators} == set(IndicatorScope)


def test_the_read_agreement_is_checked_and_its_contradiction_flagged(agreement):
    findings = check_agreement(agreement)
    assert [(v.code, v.severity.value) for v in findings] == [
        ("grant.siret_missing", "warning"),
        ("programme.private_share_below_objective", "warning"),
    ]
    assert "50,2" in findings[1].message


@pytest.mark.parametrize(
    "needle, replacement, message, anchor",
    [
        (
            "cessera au plus tard le 1<sup>er</sup> novembre 2022",
            "cessera à une date à convenir",
            "date de fin de validité introuvable",
            "#### **IV. Durée",
        ),
        (
            "une subvention de 45 000 €",
            "une subvention",
            "montant de la subvention introuvable",
            "**III. Montant",
        ),
        (
            "Ce montant est un plafond non révisable à la hausse.",
            "",
            "plafond de la subvention introuvable",
            "**III. Montant",
        ),
        (
            "- 100%, soit 45 000 € à la signature de la présente convention,",
            "",
            "modalités de versement introuvables",
            "**III. Montant",
        ),
        (
            "pendant une durée de 10 ans",
            "pendant une durée raisonnable",
            "durée de conservation des pièces justificatives introuvable",
            "#### **IV. Durée",
        ),
        (
            "avec un préavis d'un mois",
            "avec un préavis",
            "préavis de résiliation introuvable",
            "### **VIII. Résiliation",
        ),
        (
            "du Tribunal Administratif de Besançon",
            "des juridictions",
            "juridiction compétente introuvable",
            "### **IX. Litiges",
        ),
        ("<b>TOTAL</b>\t<b>846 442</b>", "", "lignes ou total des dépenses introuvables", "## **Annexe 2"),
        ("Total recettes\t<b>846 442</b>", "", "lignes ou total des recettes introuvables", "### **Recettes"),
    ],
)
def test_a_missing_figure_is_an_error_naming_the_line(example_text, needle, replacement, message, anchor):
    assert needle in example_text
    broken = example_text.replace(needle, replacement)
    with pytest.raises(DocumentError) as error:
        read_agreement("exemple.md", broken)
    assert error.value.reason.startswith(message)
    assert error.value.line == _line_of(broken, anchor)
    assert f"exemple.md, ligne {error.value.line}" in str(error.value)


def test_unknown_payment_trigger_names_its_line(example_text):
    broken = example_text.replace("à la signature de la présente convention,", "quand bon lui semblera,")
    with pytest.raises(DocumentError) as error:
        read_agreement("exemple.md", broken)
    assert "déclencheur du versement non reconnu" in error.value.reason
    assert error.value.line == _line_of(broken, "quand bon lui semblera")


def test_no_agreement_at_all(example_text):
    head = example_text.split("**CONVENTION**")[0]
    with pytest.raises(DocumentError) as error:
        read_agreement("exemple.md", head)
    assert error.value.reason == "aucune convention de subvention reconnue"


def test_a_missing_article_is_named(example_text):
    broken = example_text.replace("### **IX. Litiges**", "### **Litiges**")
    with pytest.raises(DocumentError) as error:
        read_agreement("exemple.md", broken)
    assert error.value.reason == "article IX (Litiges) introuvable dans la convention"


def test_other_schedules_and_amounts(example_text):
    text = example_text.replace(
        "- 100%, soit 45 000 € à la signature de la présente convention,",
        "- 60%, soit 27 000 € à la signature de la présente convention,\n"
        "- 40%, soit 18 000 € à réception du compte-rendu financier,",
    )
    tranches = read_agreement("x.md", text).agreement.tranches
    assert [(t.trigger, t.share, t.report) for t in tranches] == [
        (Trigger.SIGNATURE, D("0.6"), None),
        (Trigger.REPORT, D("0.4"), "financial_report"),
    ]
    text = example_text.replace(
        "- 100%, soit 45 000 € à la signature de la présente convention,",
        "- 100%, soit 40 000 € à la signature de la présente convention,",
    )
    assert read_agreement("x.md", text).warnings == [
        f"ligne {_line_of(text, 'soit 40 000')} : 100 % de 45000.00 € ne font pas 40000.00 €"
    ]


def test_a_pdf_text_layer_without_table_cells_reads_the_same(example_text, agreement):
    flattened = example_text.replace("\t", " ").replace("<b>", "").replace("</b>", "").replace("**", "")
    budget = read_agreement("exemple.pdf", flattened).agreement.budget
    assert budget == agreement.budget
