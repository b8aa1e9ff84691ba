from decimal import Decimal as D

from registre.core.grants import (
    ANNEX_3_INDICATORS,
    IndicatorReport,
    IndicatorScope,
    IndicatorValue,
    check_indicator_report,
)


def test_annex_3_lists_the_three_scopes():
    scopes = {i.scope for i in ANNEX_3_INDICATORS}
    assert scopes == set(IndicatorScope)
    assert [i.key for i in ANNEX_3_INDICATORS if i.scope is IndicatorScope.LABORATORIES] == [
        "labs.programme_amount",
        "labs.public_aid",
        "labs.researchers",
        "labs.publications",
        "labs.patents",
    ]
    assert [i.key for i in ANNEX_3_INDICATORS if i.per_company] == ["projects.jobs"]


def _complete():
    values = [IndicatorValue(i.key, D(10), "ACME" if i.per_company else "") for i in ANNEX_3_INDICATORS]
    values.append(IndicatorValue("projects.jobs", D(3), "Microtech SA"))
    return IndicatorReport(2021, tuple(values))


def test_a_complete_report_passes_and_jobs_add_up_per_company():
    report = _complete()
    assert check_indicator_report(report, programme_year=2021) == []
    assert report.total("projects.jobs") == D(13)


def test_bad_values_are_violations():
    report = IndicatorReport(
        2021,
        (
            IndicatorValue("members.headcount", D("-1")),
            IndicatorValue("labs.patents", D("1.5")),
            IndicatorValue("projects.jobs", D(2)),
            IndicatorValue("unknown", D(1)),
            IndicatorValue("members.turnover", D(1)),
            IndicatorValue("members.turnover", D(2)),
        ),
    )
    codes = [v.code for v in check_indicator_report(report) if v.severity.value == "violation"]
    assert codes == [
        "indicators.negative",
        "indicators.not_a_count",
        "indicators.company_missing",
        "indicators.unknown",
        "indicators.duplicate",
    ]


def test_missing_indicators_and_other_year_are_warnings():
    findings = check_indicator_report(
        IndicatorReport(2020, (IndicatorValue("members.headcount", D(100)),)), programme_year=2021
    )
    assert [(v.code, v.severity.value) for v in findings] == [
        ("indicators.other_year", "warning"),
        ("indicators.incomplete", "warning"),
    ]
    assert "(9)" in findings[1].message
