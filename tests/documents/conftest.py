"""Shared fixtures: the example imported, and its documents rendered once per test session."""

from __future__ import annotations

import re
import subprocess

import pytest

from registre.documents.imported import record_from_path
from registre.documents.render import render


def normalize(text: str) -> str:
    """One space between words, typographic apostrophes and no-break spaces made plain."""
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def pdftotext(path, *options) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="session")
def example_record(example_path):
    return record_from_path(example_path)


@pytest.fixture(scope="session")
def extract_pdf(example_record, tmp_path_factory):
    path = tmp_path_factory.mktemp("documents") / "extrait.pdf"
    path.write_bytes(render("extract", example_record, "pdf"))
    return path


@pytest.fixture(scope="session")
def extract_pdf_text(extract_pdf) -> str:
    return pdftotext(extract_pdf)
