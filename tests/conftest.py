from pathlib import Path

import pytest

from registre.demo import EXAMPLE_EXTRACT

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE_EXTRACT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE_EXTRACT
