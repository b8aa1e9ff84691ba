"""The grant agreement and its annexes (action programme, forecast budget, indicators), from the grants core."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from pypdf import PdfReader

from registre.cli.main import main
from registre.documents.render import render_agreement
from registre.importer.agreement import read_agreement

from .conftest import normalize, pdftotext


@pytest.fixture(scope="module")
def agreement(example_text):
    return read_agreement("exemple.md", example_text).agreement


def test_agreement_pdf(agreement, tmp_path):
    path = tmp_path / "convention.pdf"
    path.write_bytes(render_agreement(agreement, council="Conseil communautaire"))
    text = normalize(pdftotext(path, "-layout"))  # tables read row by row
    for expected in (
        "CONVENTION DE SUBVENTION",
        "Pôle des Microtechniques — programme d'actions 2021",
        "représentée par sa Présidente, Madame Anne VIGNOT, dûment habilitée à signer par la délibération n° 2021/005795 "
        "du Conseil communautaire en date du 7 octobre 2021",
        "représenté par son Président, Monsieur Laurent DESCHAMPS",
        "I. Objet",
        "une subvention de 45 000 € pour un budget prévisionnel global de 846 442 €",
        "Ce montant de 45 000 € est un plafond non révisable à la hausse.",
        "100 %, soit 45 000 € à la signature de la présente convention",
        "cessera au plus tard le 1er novembre 2022",
        "pendant une durée de 10 ans",
        "avec un préavis d'un mois",
        "Tribunal Administratif de Besançon",
        "Annexe 1 : programme d'actions",
        "A / Catégorie A",
        "(cible : au moins 10 projets labellisés, au moins 3 projets financés)",
        "Annexe 2 : budget prévisionnel",
        "Personnel 433 942 €",
        "Total des dépenses 846 442 €",
        "Total financement public 421 430 €",
        "Total financement privé 425 012 €",
        "Total des recettes 846 442 €",
        "Financement public : 49,8 %",
        "Financement privé : 50,2 %",
        "Annexe 3 : indicateurs territoriaux",
        "Brevets déposés dans le cadre de ces programmes",
    ):
        assert expected in text, expected
    reader = PdfReader(path)
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    pages = len(reader.pages)
    assert f"Page {pages} sur {pages}" in text


def test_agreement_text_reads_back(agreement):
    """The agreement reader takes the text rendering back to the same agreement (the deliberation's
    number, date and budget line come from the extract around it, not from the agreement itself)."""
    again = read_agreement("convention.md", render_agreement(agreement, "txt").decode("utf-8")).agreement
    context = {
        "reference",
        "deliberation",
        "deliberation_date",
        "budget_line",
        "budget_line_amount",
        "tranches",
    }
    for field in dataclasses.fields(agreement):
        if field.name not in context:
            assert getattr(again, field.name) == getattr(agreement, field.name), field.name
    assert [dataclasses.replace(t, label="") for t in again.tranches] == [
        dataclasses.replace(t, label="") for t in agreement.tranches
    ]


def test_agreement_docx(agreement):
    document = docx.Document(io.BytesIO(render_agreement(agreement, "docx")))
    text = normalize("\n".join(p.text for p in document.paragraphs))
    assert "Total des recettes 846 442 €" in text.replace("\t", " ")
    assert "Tribunal Administratif de Besançon" in text
    assert "{{" not in text and "{%" not in text


def test_cli_render_agreement(example_path, tmp_path):
    out = tmp_path / "convention.pdf"
    assert main(["render", "agreement", str(example_path), "--out", str(out)]) == 0
    assert "CONVENTION DE SUBVENTION" in pdftotext(out)
