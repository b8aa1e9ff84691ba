"""Count blocks in their many layouts (importer.counts)."""

import pytest

from registre.importer.counts import read_counts
from registre.importer.layout import fold as plain


def counts(text):
    return [(c.kind, c.value) for c in read_counts(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Nombre de conseillers en exercice : 27 / présents : 20 / votants : 23",
            [("members_in_office", 27), ("present", 20), ("voters", 23)],
        ),
        (
            "Votants : 27 dont 22 Présents et 05 Procurations",
            [("voters", 27), ("present", 22), ("proxies", 5)],
        ),
        # labels first, values after, and the same table printed the other way round
        (
            "Nombre de Conseillers en exercice Présents Procurations Votants 27 20 3 23 N° 2022",
            [("members_in_office", 27), ("present", 20), ("proxies", 3), ("voters", 23)],
        ),
        (
            "27 20 3 23 Nombre de Conseillers en exercice Présents Procurations Votants N° 2022",
            [("members_in_office", 27), ("present", 20), ("proxies", 3), ("voters", 23)],
        ),
        (
            "- présents : - représentés : 30 11 - a bse nts : 2",
            [("present", 30), ("represented", 11), ("absent", 2)],
        ),
        (
            "- en exercice : 82 - présents titulaires : 45 - présents suppléants : 4 - procurations : 19",
            [
                ("members_in_office", 82),
                ("present_titulaires", 45),
                ("present_suppleants", 4),
                ("proxies", 19),
            ],
        ),
        (
            "Nombre légal de membres au Conseil municipal 49 Nombre de présents 45 Nombre de procurations 4",
            [("legal_members", 49), ("present", 45), ("proxies", 4)],
        ),
        # the seats the law gives the council, filled or not: not the members in office
        ("Nombre de membres afférents au Conseil : 29", [("legal_members", 29)]),
        ("Nombre de délégués titulaires ou suppléants présents : 64", [("present", 64)]),
    ],
)
def test_count_blocks(text, expected):
    assert counts(text) == expected


def test_letter_spaced_ocr_label_and_value():
    text = "N om br e to tal de m em br es com p osa nt l e C o nsei l m uni ci p al : 4 3 N om br e d e"
    assert counts(text) == [("members_in_office", 43)]


def test_vote_table_with_letter_spaced_not_participating():
    assert counts("Votes pour : Votes contre : Abstentions : 41 0 0 N PP V 0 :") == [
        ("for", 41),
        ("against", 0),
        ("abstain", 0),
        ("not_participating", 0),
    ]


def test_slash_and_blank_mean_none():
    assert counts("ONT VOTE POUR : 14 ONT VOTE CONTRE : / SE SONT ABSTENUS : /") == [
        ("for", 14),
        ("against", 0),
        ("abstain", 0),
    ]
    assert counts("ONT VOTE POUR : 14 ONT VOTE CONTRE : SE SONT ABSTENUS : ACTE EXECUTOIRE") == [
        ("for", 14),
        ("against", 0),
        ("abstain", 0),
    ]


def test_numbers_written_in_words_only_for_votes():
    assert counts("avec 35 voix pour et quatre abstentions") == [("for", 35), ("abstain", 4)]
    assert counts("une abstention de M. José CARAMEZ") == [("abstain", 1)]
    assert counts("les deux présents") == []


def test_a_value_before_its_label_belongs_to_it():
    # "suffrages exprimés 38 votes pour": 38 are the votes for, not the votes cast
    assert counts("à l'unanimité des suffrages exprimés 38 votes pour, dont 3 procurations") == [
        ("for", 38),
        ("proxies", 3),
    ]


def test_ambiguous_tables_stay_unread():
    assert counts("Présents : Procurations : Votants : 20 3") == []
    assert counts("Présents : Marie DUPONT, Jean MARTIN") == []


def test_prose_is_not_a_count():
    assert counts("rappelle aux membres présents que la dépense est de 250 000 euros pour 4 ans") == []
    assert counts("Délibération n°2023-175 du 10 mars 2023") == []


def test_plain_keeps_offsets():
    text = "Étaient présents : Œuvre – « x »"
    assert len(plain(text)) == len(text) and plain(text).startswith("etaient presents")


def test_bare_for_and_against_after_a_number():
    assert counts("adoptée par 20 voix pour, 5 contre et 2 abstentions") == [
        ("for", 20),
        ("against", 5),
        ("abstain", 2),
    ]
    assert counts("Votes : 20 pour - 3 contre - 1 abstention") == [
        ("for", 20),
        ("against", 3),
        ("abstain", 1),
    ]
    assert counts("une hausse de 2 pour cent") == []


# -- one table per layout: rows it reads, and rows it must leave unread -----------------------

LAYOUT_ROWS = {
    "label_value": [
        ("Présents : 27", [("present", 27)]),
        ("Nombre de présents à 20h30 : 28", [("present", 28)]),
        ("Présents en séance : 51", [("present", 51)]),
        ("Ont donné procuration : 09 Mme X", [("proxies", 9)]),
        ("Absents non représentés : 02 M. X", [("absent", 2)]),
        (
            "Pour : 93 voix – Contre : 0 voix – Abstention : 1 voix",
            [("for", 93), ("against", 0), ("abstain", 1)],
        ),
        ("POUR 28 CONTRE 0", [("for", 28), ("against", 0)]),
        ("Exprimés : 20", [("votes_cast", 20)]),
        ("Absents : néant", [("absent", 0)]),
        ("Présents : 27 puis 28", [("present", 27)]),
        # not read: a date, a clock, an amount, a code, a part of a sum, a number in words
        ("Présents le 12 mars 2023", []),
        ("Votants : 1/34", []),
        ("Pour : 12 000 euros", []),
        ("présents : 25 + 2 suppléants", []),
        ("pour une durée de trois ans", []),
        ("pour 4 ans", []),
        ("Présents : article 12", []),
        ("Absents : //", []),
    ],
    "table": [
        (
            "Nombre de Conseillers en exercice Présents Procurations Votants 27 20 3 23",
            [("members_in_office", 27), ("present", 20), ("proxies", 3), ("voters", 23)],
        ),
        (
            "Convocation envoyée le Nombre de Conseillers Communautaires Nombre de présents Nombre de votants 7 FEVRIER 2020 40 26 29",
            [("members_in_office", 40), ("present", 26), ("voters", 29)],
        ),
        ("- présents : - représentés : 30 11", [("present", 30), ("represented", 11)]),
        ("Votes pour : Votes contre : Abstentions : 41 0 0", [("for", 41), ("against", 0), ("abstain", 0)]),
        # not read: fewer values than labels, a date where a count should be
        ("Présents : Procurations : Votants : 20 3", []),
        ("Présents Votants 7 FEVRIER 2020 26", []),
    ],
    "value_label": [
        (
            "Votants : 27 dont 22 Présents et 05 Procurations",
            [("voters", 27), ("present", 22), ("proxies", 5)],
        ),
        ("à 15 voix pour, 10 voix contre et 6 abstentions", [("for", 15), ("against", 10), ("abstain", 6)]),
        (
            "27 20 3 23 Nombre de Conseillers en exercice Présents Procurations Votants",
            [("members_in_office", 27), ("present", 20), ("proxies", 3), ("voters", 23)],
        ),
        ("avec 35 voix pour et quatre abstentions", [("for", 35), ("abstain", 4)]),
        ("Par 39 voix pour", [("for", 39)]),
        # not read: a number in words that is no tally, a year before a label
        ("est considéré comme une abstention", []),
        ("séance du 25 septembre 2023 ne prenant pas part au vote", []),
        ("les deux présents", []),
    ],
    "sentence": [
        ("27 puis 28 conseillers communautaires étaient présents", [("present", 27)]),
        ("5 conseillers communautaires étaient absents/excusés", [("absent", 5)]),
        ("5 puis 4 conseillers communautaires avaient donné pouvoir", [("proxies", 5)]),
        ("18 membres du Bureau étaient présents", [("present", 18)]),
        ("Le conseil compte 33 membres en exercice", [("members_in_office", 33)]),
        # not read: a year is no count
        ("2023 conseillers étaient présents", []),
    ],
    "spaced": [
        ("N om br e to tal de m em br es : 4 3", [("members_in_office", 43)]),
        ("- a bse nts : 1 2", [("absent", 12)]),
        # not read: prose of short words is no OCR spacing
        ("vu la loi et a l art 3", []),
    ],
    "blank": [
        (
            "ONT VOTE POUR : 14 ONT VOTE CONTRE : SE SONT ABSTENUS : FIN",
            [("for", 14), ("against", 0), ("abstain", 0)],
        ),
        # not read: a blank alone is no zero
        ("ONT VOTE CONTRE : SE SONT ABSTENUS : FIN", []),
    ],
}
LAYOUT_CASES = [
    pytest.param(layout, text, expected, id=f"{layout}-{text[:40]}")
    for layout, rows in LAYOUT_ROWS.items()
    for text, expected in rows
]


@pytest.mark.parametrize("layout,text,expected", LAYOUT_CASES)
def test_each_layout_reads_its_rows_and_only_them(layout, text, expected):
    found = read_counts(text)
    assert [(c.kind, c.value) for c in found if c.kind not in ("quorum", "convened")] == expected
    if expected:
        assert layout in {c.layout for c in found}
