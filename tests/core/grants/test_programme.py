from decimal import Decimal as D

from registre.core.grants import (
    Assessment,
    ReportedResult,
    assess,
    check_programme_against_budget,
    check_results,
)
from registre.core.grants.programme import assess_all

from .example import BUDGET, PROGRAMME


def test_the_example_contradiction_is_flagged():
    findings = check_programme_against_budget(PROGRAMME, BUDGET)
    assert [(v.code, v.severity.value) for v in findings] == [
        ("programme.private_share_below_objective", "warning")
    ]
    assert "50,2\u00a0%" in findings[0].message and "plus de 55\u00a0%" in findings[0].message


def test_targets():
    members = PROGRAMME.objective("members")
    assert assess(members, ReportedResult("members", D(235))) is Assessment.MET
    assert assess(members, ReportedResult("members", D(251))) is Assessment.NOT_MET
    assert assess(members, None) is Assessment.NOT_REPORTED
    assert assess(PROGRAMME.objective("C.1"), None) is Assessment.NO_TARGET
    share = PROGRAMME.objective("private_share")
    assert not share.target.met_by(D("0.55")) and share.target.met_by(D("0.5501"))
    assert members.target.describe() == "entre 220 et 250 adhérents"


def test_results_against_objectives():
    results = [
        ReportedResult("labelled_projects", D(12), 2021),
        ReportedResult("funded_projects", D(2), 2021),
        ReportedResult("companies_visited", D(150), 2021),
    ]
    states = {o.key: s for o, _r, s in assess_all(PROGRAMME, results)}
    assert states["labelled_projects"] is Assessment.MET
    assert states["funded_projects"] is Assessment.NOT_MET
    assert states["companies_visited"] is Assessment.MET
    assert states["members"] is Assessment.NOT_REPORTED
    findings = check_results(PROGRAMME, results)
    assert [(v.code, v.field) for v in findings] == [("programme.objective_not_met", "funded_projects")]


def test_unknown_or_negative_results_are_violations():
    codes = [
        v.code
        for v in check_results(PROGRAMME, [ReportedResult("nope", D(1)), ReportedResult("members", D(-1))])
    ]
    assert codes[:2] == ["programme.unknown_objective", "programme.negative_result"]


def test_objectives_by_category():
    grouped = PROGRAMME.by_category()
    assert [o.key for o in grouped[PROGRAMME.objectives[0].category]] == [
        "labelled_projects",
        "funded_projects",
    ]
    assert len(PROGRAMME.with_targets) == 5
