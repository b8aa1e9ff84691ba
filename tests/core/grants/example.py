"""The example's agreement (Grand Besançon Métropole → Pôle des Microtechniques, 2021), built by hand."""

import datetime as dt
from decimal import Decimal

from registre.core.grants import (
    ActionProgramme,
    Clauses,
    ExpenseLine,
    ForecastBudget,
    Funder,
    GrantAgreement,
    MissionCategory,
    Objective,
    Party,
    RevenueLine,
    StatedTotals,
    Target,
    TargetKind,
    Tranche,
    Trigger,
)
from registre.core.grants.programme import BUDGET_PRIVATE_SHARE

D = Decimal

BUDGET = ForecastBudget(
    expenses=(
        ExpenseLine("Personnel", D("433942")),
        ExpenseLine("Frais de structure", D("150000")),
        ExpenseLine("Charges externes", D("210000")),
        ExpenseLine("Valorisation industrielle", D("35000")),
        ExpenseLine("Frais de déplacement", D("17500")),
    ),
    revenues=(
        RevenueLine("Etat", D("83000"), Funder.STATE),
        RevenueLine("Région Bourgogne Franche-Comté", D("285430"), Funder.REGION),
        RevenueLine("Grand Besançon Métropole", D("45000"), Funder.AUTHORITY),
        RevenueLine("PMA", D("3000"), Funder.OTHER_PUBLIC),
        RevenueLine("PETR Morteau", D("5000"), Funder.OTHER_PUBLIC),
        RevenueLine("Valorisation temps industriel", D("35000"), Funder.VALUED_INDUSTRIAL_TIME),
        RevenueLine("prestations", D("390012"), Funder.SERVICES),
    ),
    stated=StatedTotals(D("846442"), D("421430"), D("425012"), D("846442")),
    year=2021,
)

PROGRAMME = ActionProgramme(
    2021,
    (
        Objective(
            "labelled_projects",
            MissionCategory.A,
            "objectif 10 projets collaboratifs dont 3 financés",
            Target(TargetKind.AT_LEAST, D(10), unit="projets labellisés"),
        ),
        Objective(
            "funded_projects",
            MissionCategory.A,
            "objectif 10 projets collaboratifs dont 3 financés",
            Target(TargetKind.AT_LEAST, D(3), unit="projets financés"),
        ),
        Objective(
            "members",
            MissionCategory.B,
            "Nombre compris entre 220 250 adhérents",
            Target(TargetKind.RANGE, D(220), D(250), "adhérents"),
        ),
        Objective(
            "private_share",
            MissionCategory.B,
            "une part privée supérieur à 55%",
            Target(TargetKind.SHARE_ABOVE, D("0.55")),
            BUDGET_PRIVATE_SHARE,
        ),
        Objective(
            "companies_visited",
            MissionCategory.B,
            "Visiter 150 entreprises",
            Target(TargetKind.AT_LEAST, D(150), unit="entreprises visitées"),
        ),
        Objective("C.1", MissionCategory.C, "le conseil individuel"),
    ),
)

GROUNDS = (
    "en cas d'utilisation différente, apparue au moment du contrôle, de celle qui avait motivé l'aide",
    "en cas d'inexécution partielle ou totale des conditions liées à l'octroi de l'aide",
)

EXAMPLE = GrantAgreement(
    reference="2021/005795",
    grantor=Party("Grand Besançon Métropole"),
    beneficiary=Party("Pôle des Microtechniques", "73282932000074"),
    object="Soutien au programme d'actions 2021 du Pôle de compétitivité des Microtechniques",
    amount=D("45000"),
    cap=D("45000"),
    deliberation="2021/005795",
    deliberation_date=dt.date(2021, 10, 7),
    budget_line="BP 2021 et PPIF 2021-2025 « actions recherche et innovation » fonctionnement",
    budget_line_amount=D("140000"),
    programme_budget=D("846442"),
    financial_year=2021,
    signed_on=dt.date(2021, 10, 20),
    transmitted_on=dt.date(2021, 10, 22),
    valid_until=dt.date(2022, 11, 1),
    retention_years=10,
    report_copies=2,
    tranches=(Tranche(Trigger.SIGNATURE, share=D(1)),),
    budget=BUDGET,
    programme=PROGRAMME,
    clauses=Clauses(
        repayment_grounds=GROUNDS,
        termination_notice_months=1,
        termination_without_notice="déclarations fausses ou incomplètes",
        court="Tribunal Administratif de Besançon",
    ),
)
