"""Cell values read only when unambiguous: French and slashed dates, periods, French amounts; the rest flagged."""

import datetime as dt
from decimal import Decimal

import pytest

from registre.opendata import values as v

D = dt.date


@pytest.mark.parametrize(
    ("text", "date", "form"),
    [
        ("2017-04-13", D(2017, 4, 13), None),
        ("17/07/2023", D(2023, 7, 17), "dates lues au format JJ/MM/AAAA"),
        ("2018/03/15", D(2018, 3, 15), "dates lues au format AAAA/MM/JJ"),
        ("13.04.2017", D(2017, 4, 13), "dates lues au format JJ.MM.AAAA"),
        ("2017-04-13 00:00:00", D(2017, 4, 13), "dates lues au format AAAA-MM-JJ (heure 00:00 non reprise)"),
    ],
)
def test_unambiguous_dates_are_read_and_their_form_said(text, date, form):
    reading = v.read_date(text)
    assert (reading.value, reading.rule) == (date, None)
    assert reading.forms == ((form,) if form else ())


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("03/04/05", v.AMBIGUOUS),  # 3 April 2005? 4 March 2005? 5 April 2003?
        ("17/07/23", v.AMBIGUOUS),
        ("31/02/2020", v.TYPE_ERROR),
        ("2017-04-13 14:30", v.TYPE_ERROR),
        ("42838", v.TYPE_ERROR),  # a spreadsheet's day number is not a date
    ],
)
def test_other_dates_are_flagged_not_guessed(text, rule):
    reading = v.read_date(text)
    assert (reading.value, reading.rule) == (None, rule)
    assert text in reading.message


def test_periods_with_underscore_or_slash_and_any_unambiguous_date_form():
    assert v.read_period("2017-01-01/2017-12-31").value == (D(2017, 1, 1), D(2017, 12, 31))
    assert v.read_period("2017-01-01/2017-12-31").forms == ()
    reading = v.read_period("2018/03/15_2020/03/13")
    assert reading.value == (D(2018, 3, 15), D(2020, 3, 13))
    assert reading.forms == (
        "périodes lues avec le séparateur « _ » au lieu de « / »",
        "dates lues au format AAAA/MM/JJ",
    )
    assert v.read_period("15/03/2018/14/03/2020").value == (D(2018, 3, 15), D(2020, 3, 14))
    assert v.read_period("2017-08-16").value == (D(2017, 8, 16), None)
    assert v.read_period("03/04/05_03/04/06").rule == v.AMBIGUOUS
    assert v.read_period("toute l'année").rule == v.TYPE_ERROR


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2400.0", Decimal("2400.0")),
        ("40 000,00", Decimal("40000.00")),
        ("17 833", Decimal("17833")),
        ("9\u00a0644\u00a0223", Decimal("9644223")),
        ("1,5", Decimal("1.5")),
        ("1.234,56", Decimal("1234.56")),
        ("12 000,50 €", Decimal("12000.50")),
        ("-250,00", Decimal("-250.00")),
    ],
)
def test_amounts_in_french_forms_are_read(text, number):
    assert v.read_amount(text).value == number


@pytest.mark.parametrize(
    ("text", "rule"), [("1.500", v.AMBIGUOUS), ("1,500", v.AMBIGUOUS), ("NC", v.TYPE_ERROR)]
)
def test_ambiguous_or_unreadable_amounts_are_flagged(text, rule):
    reading = v.read_amount(text)
    assert (reading.value, reading.rule) == (None, rule)


def test_shares_read_percent_signs_but_never_rescale_a_bare_number():
    assert v.read_share("100 %").value == Decimal(1)
    assert v.read_share("0,5").value == Decimal("0.5")
    assert v.read_share("1.000").value == Decimal("1.000")  # no thousands in a share
    assert v.read_share("80").value == Decimal(80)  # 80 % or out of range? the schema says out of range


def test_identifiers_are_kept_as_written_only_group_spaces_go():
    assert v.read_identifier("21860194600000.0").value == "21860194600000.0"
    assert v.read_identifier("218 601 946 00013").value == "21860194600013"
    assert v.read_identifier("225800010").value == "225800010"


def test_choices_and_yes_no_read_case_and_accents_aside():
    assert v.read_choice("Aide en numéraire", ("aide en numéraire",)).value == "aide en numéraire"
    assert v.read_choice("aide en numéraire,aide en nature", ("aide en numéraire;aide en nature",)).value
    assert v.read_choice("prêt", ("aide en numéraire",)).rule == v.ENUM
    assert v.read_yes_no("NON").value is False and v.read_yes_no("peut-être").rule == v.TYPE_ERROR
    assert v.read_conditions("Echelonné", ("unique", "échelonné")).value == "échelonné"
    assert v.read_conditions("en trois fois", ("unique",)).value == "en trois fois"


def test_integers_and_limits():
    assert v.read_integer("33").value == 33 and v.read_integer("33.0").value == 33
    assert v.read_integer("trente").rule == v.TYPE_ERROR
    assert v.read_integer("12345678901").rule == v.TOO_LARGE
    assert v.read_amount("123456789012345,00").rule == v.TOO_LARGE
