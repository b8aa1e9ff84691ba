"""French wording and typography: dates, amounts, "n° 19", windows as clerks write them."""

import datetime as dt
from decimal import Decimal

from registre.core import Window
from registre.documents.wording import (
    NBSP,
    NNBSP,
    amount,
    french_date,
    french_time,
    item_ref,
    place_phrase,
    typeset,
    window_phrase,
)


def test_dates_as_written_in_french():
    assert french_date(dt.date(2021, 10, 7)) == f"7{NBSP}octobre 2021"
    assert french_date(dt.date(2021, 10, 1)) == f"1er{NBSP}octobre 2021"
    assert french_date(dt.date(2022, 8, 15)) == f"15{NBSP}août 2022"
    assert french_date(dt.date(2022, 2, 3)) == f"3{NBSP}février 2022"
    assert french_date(dt.date(2021, 12, 1), weekday=True) == f"mercredi 1er{NBSP}décembre 2021"


def test_where_the_council_met():
    assert place_phrase("Salle du conseil") == "en la salle du conseil"
    assert place_phrase("Hôtel de ville") == "à l'hôtel de ville"
    assert place_phrase("Hôtel de Ville de Besançon") == "à l'Hôtel de Ville de Besançon"  # a name
    assert place_phrase("Mairie") == "à la mairie"
    assert place_phrase("Siège de la communauté") == "au siège de la communauté"
    assert place_phrase("la Chambre de commerce") == "à la Chambre de commerce"  # as imported
    assert place_phrase("Les Salines") == "aux Salines"
    assert place_phrase("À la mairie annexe") == "à la mairie annexe"
    assert place_phrase("Besançon") == "à Besançon"
    assert place_phrase("  ") == ""


def test_times():
    assert french_time(dt.time(18, 38)) == "18h38"
    assert french_time(dt.time(9, 5)) == "9h05"


def test_amounts_with_narrow_no_break_spaces():
    assert amount(45000) == f"45{NNBSP}000{NBSP}€"
    assert amount(846442) == f"846{NNBSP}442{NBSP}€"
    assert amount(Decimal("1250.5")) == f"1{NNBSP}250,50{NBSP}€"
    assert amount(800) == f"800{NBSP}€"


def test_free_text_typography():
    assert typeset("45 000€") == f"45{NNBSP}000{NBSP}€"
    assert typeset("un montant de 140000 €.") == f"un montant de 140{NNBSP}000{NBSP}€."
    assert typeset("Rapport n°19") == f"Rapport n°{NBSP}19"
    assert typeset("Défi 1 : augmenter") == f"Défi 1{NBSP}: augmenter"
    assert typeset("« Microtechniques »") == f"«{NBSP}Microtechniques{NBSP}»"
    assert item_ref(19) == f"n°{NBSP}19"


def test_windows_as_clerks_write_them():
    n = f"n°{NBSP}"
    assert window_phrase(Window(from_item=9)) == f"(à compter de la question {n}9)"
    assert window_phrase(Window(until_item=8)) == f"(jusqu'à la question {n}8 incluse)"
    assert window_phrase(Window(until_item=7, loose_end=True)) == f"(jusqu'à la question {n}7)"
    assert (
        window_phrase(Window(from_item=3, until_item=8))
        == f"(à compter de la question {n}3 et jusqu'à la question {n}8 incluse)"
    )
    assert window_phrase(Window()) == ""
