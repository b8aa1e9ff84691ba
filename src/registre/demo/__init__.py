"""Demo data: the example extract of Grand Besançon Métropole (7 October 2021)."""

from pathlib import Path

EXAMPLE_EXTRACT = Path(__file__).with_name("grand-besancon_2021-10-07_2021-005795.md")
