"""French dates and numbers as clerks write them (importer.french)."""

import datetime as dt

import pytest

from registre.importer.french import read_number, spelled_dates, stamp_date, words_to_number


@pytest.mark.parametrize(
    "words,number",
    [
        ("vingt-trois", 23),
        ("deux mille vingt deux", 2022),
        ("quatre-vingt-dix", 90),
        ("soixante et onze", 71),
        ("deux-mille-vingttrois", 2023),
        ("une", 1),
        ("quatre", 4),
    ],
)
def test_words_to_number(words, number):
    assert words_to_number(words) == number


def test_read_number():
    assert read_number("05") == 5 and read_number("4 3") == 43 and read_number("/") == 0
    assert read_number("quatre") == 4 and read_number("") is None


@pytest.mark.parametrize(
    "text,date",
    [
        ("Le premier décembre deux mille vingt-deux, les membres", dt.date(2022, 12, 1)),
        ("réunis le seize février deux mille vingt-trois à dix-neuf heures", dt.date(2023, 2, 16)),
        ("L'an deux mille vingt deux, le vingt huit juin, à 20h00", dt.date(2022, 6, 28)),
        ("L'an DEUX MILLE VINGT DEUX le 9 décembre à 18 H 00", dt.date(2022, 12, 9)),
        ("L'an deux mil vingt-trois, le jeudi 30 novembre 2023 à 19h30", dt.date(2023, 11, 30)),
        ("Le lundi treize février deux-mille-vingt-trois à dix-neuf heures", dt.date(2023, 2, 13)),
    ],
)
def test_spelled_dates(text, date):
    assert spelled_dates(text)[0][1] == date


def test_stamp_dates_damaged_by_ocr_are_read_as_printed():
    assert stamp_date("2 7 FEV. 2073") == (dt.date(2073, 2, 27), "2 7 FEV. 2073")
    assert stamp_date("29 FEV.273") == (None, "29 FEV.273")
    assert stamp_date("06/07/2022") == (dt.date(2022, 7, 6), None)
