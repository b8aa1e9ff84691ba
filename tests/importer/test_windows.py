"""Attendance and proxy windows (importer.windows)."""

import pytest

from registre.core import Window
from registre.importer.windows import parse_window, read_window


@pytest.mark.parametrize(
    "note,window",
    [
        ("à compter de la question n°9", Window(from_item=9)),
        ("à partir de la délibération n°3", Window(from_item=3)),
        ("jusqu'à la question n°8 incluse", Window(until_item=8)),
        ("jusqu'à la question n°7", Window(until_item=7, loose_end=True)),
        ("jusqu à D87/13", Window(until_item=87, loose_end=True)),
        ("à partir de D 87/13", Window(from_item=87)),
        ("parti après le point 5", Window(until_item=5)),
        ("départ à D107/13", Window(until_item=107, loose_end=True)),
        (
            "sauf D90/13 à D96/13 et D106/13 à D111/13",
            Window(except_items=frozenset(set(range(90, 97)) | set(range(106, 112)))),
        ),
        (
            "sauf D103/13 et départ à D107/13",
            Window(until_item=107, except_items=frozenset({103}), loose_end=True),
        ),
        ("points 1, 2 et 5", Window(from_item=1, until_item=5, except_items=frozenset({3, 4}))),
        ("jusqu'à 22h40, point n°2", Window(until_item=2, loose_end=True)),
        ("à partir de 22h40, point n°3", Window(from_item=3)),
    ],
)
def test_windows(note, window):
    assert parse_window(note) == window


def test_a_clock_time_alone_is_kept_aside_not_guessed():
    reading = read_window("arrivée à 19h07")
    assert reading.window is None and reading.clock_only and reading.clock == "19h07"


def test_notes_that_are_not_windows():
    assert parse_window("suppléant de Jean Claude JACOMET") is None
    assert parse_window("pouvoir à Christian MAZUC") is None
    assert read_window("2").window is None
