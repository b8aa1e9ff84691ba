"""The list of deliberations, the minutes, the editable documents, the authority's templates, the CLI."""

from __future__ import annotations

import base64
import io
import zipfile

import docx
from pypdf import PdfReader

from registre.cli.main import main
from registre.documents.render import file_name, render

from .conftest import normalize, pdftotext


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return normalize("\n".join(parts))


def test_list_of_deliberations(example_record, tmp_path):
    path = tmp_path / "liste.pdf"
    path.write_bytes(render("list", example_record, "pdf"))
    text = normalize(pdftotext(path))
    assert "Liste des délibérations examinées par le Conseil communautaire" in text
    assert "2021/005795" in text and "Adopté à l'unanimité" in text
    # L2121-25: posted and put online within a week of the meeting
    assert "au plus tard le 14 octobre 2021" in text
    assert "Page 1 sur 1" in text


def test_minutes_with_every_item_its_vote_and_the_attendance_changes(example_record, tmp_path):
    path = tmp_path / "pv.pdf"
    path.write_bytes(render("minutes", example_record, "pdf"))
    text = normalize(pdftotext(path))
    assert text.startswith("Grand Besançon Métropole Procès-verbal de la séance du Conseil communautaire")
    for number in example_record.meeting.order_of_passage:
        assert f"Question n° {number}" in text
    assert "Départ de M. Jean-Hugues ROUX avant l'examen de la question n° 2." in text
    assert (
        "Mme Juliette SORLIN porte la voix de M. Jean-Hugues ROUX (procuration) à compter de la question n° 2."
        in text
    )
    assert (
        "Arrivée de M. Kévin BERTAGNOLI et de Mme Pascale BILLEREY avant l'examen de la question n° 9."
        in text
        or "Arrivée de M. Kévin BERTAGNOLI et Mme Pascale BILLEREY avant l'examen de la question n° 9."
        in text
    )
    assert (
        "Mme Elise AEBISCHER ne porte plus la voix de M. Kévin BERTAGNOLI à compter de la question n° 9."
        in text
    )
    assert "Adopté à l'unanimité (à main levée)." in text
    assert (
        "Présents : 91 - Représentés : 18 - Ne prenant pas part au vote : 5 - Votants : 104 - Pour : 104"
        in text
    )
    assert "La séance est levée à 21h53." in text
    # signed by the chair and the secretary (L2121-15)
    assert "La Présidente, La secrétaire de séance, Anne VIGNOT Françoise PRESSE" in text
    reader = PdfReader(path)
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_editable_extract_docx(example_record):
    data = render("extract", example_record, "docx")
    assert zipfile.is_zipfile(io.BytesIO(data))
    text = _docx_text(data)
    meeting = example_record.meeting
    for member in meeting.members:
        assert f"{member.first_name} {member.last_name}" in text, member
    assert "M. Kévin BERTAGNOLI (à compter de la question n° 9)" in text
    assert "M. Nicolas BODIN (2)" in text
    assert "À l'unanimité, le Conseil communautaire :" in text
    assert "Votants : 104" in text and "Pour : 104" in text
    assert "{{" not in text and "{%" not in text
    assert "45 000 €" in text


def test_editable_list_and_minutes_docx(example_record):
    text = _docx_text(render("list", example_record, "docx"))
    assert "2021/005795" in text and "Adopté à l'unanimité" in text and "{{" not in text
    text = _docx_text(render("minutes", example_record, "docx"))
    assert "Question n° 59" in text and "{{" not in text and "{%" not in text


def test_text_rendering_is_the_importers_input(example_record, capsys, tmp_path):
    path = tmp_path / "extrait.md"
    path.write_bytes(render("extract", example_record, "txt"))
    assert main(["check", str(path)]) == 0
    assert "Verdict : cohérent" in capsys.readouterr().out


def test_an_authority_replaces_templates_without_code(example_record, tmp_path, monkeypatch):
    from registre.documents.templates import DEFAULTS

    folder = tmp_path / "modeles"
    folder.mkdir()
    extract = (DEFAULTS / "extract.typ").read_text(encoding="utf-8")
    (folder / "extract.typ").write_text(
        extract.replace(
            "#masthead(data)", "#masthead(data)\n#par[VILLE DE TESTVILLE — SERVICE DES ASSEMBLÉES]"
        ),
        encoding="utf-8",
    )
    (folder / "logo.png").write_bytes(
        base64.b64decode(  # 1 x 1 pixel
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        )
    )
    path = tmp_path / "extrait.pdf"
    path.write_bytes(render("extract", example_record, "pdf", templates_dir=folder))
    text = normalize(pdftotext(path))
    assert "VILLE DE TESTVILLE — SERVICE DES ASSEMBLÉES" in text
    assert "Page 1 sur" in text  # common.typ still the default
    reader = PdfReader(path)
    assert "/XObject" in reader.pages[0]["/Resources"]  # the logo
    # the same through the environment, and the defaults once it is gone
    monkeypatch.setenv("REGISTRE_TEMPLATES_DIR", str(folder))
    assert b"%PDF" == render("list", example_record, "pdf")[:4]
    monkeypatch.delenv("REGISTRE_TEMPLATES_DIR")
    path.write_bytes(render("extract", example_record, "pdf"))
    assert "TESTVILLE" not in pdftotext(path)


def test_cli_render_from_an_extract_file(example_path, tmp_path, capsys):
    out = tmp_path / "extrait.pdf"
    assert main(["render", "extract", str(example_path), "--format", "pdf", "--out", str(out)]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    assert "Mme Anne VIGNOT" in pdftotext(out)
    out = tmp_path / "pv.docx"
    assert main(["render", "minutes", str(example_path), "--format", "docx", "--out", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    # the generated PDF is itself a source
    again = tmp_path / "liste.pdf"
    assert main(["render", "list", str(tmp_path / "extrait.pdf"), "--out", str(again)]) == 0
    assert "2021/005795" in pdftotext(again)
    capsys.readouterr()
    assert main(["render", "extract", str(tmp_path / "absent.md"), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "introuvable" in capsys.readouterr().err
    assert (
        main(["render", "extract", str(example_path), "--number", "1999/1", "--out", str(tmp_path / "y.pdf")])
        == 2
    )


def test_file_names_for_download_buttons(example_record):
    from registre.documents import document

    doc = document("extract", example_record, "docx", deliberation="2021/005795")
    assert doc.file_name == "extrait_2021-005795.docx" and doc.content[:2] == b"PK"
    assert doc.media_type.endswith("wordprocessingml.document")
    deliberation = example_record.deliberations[0]
    assert file_name("extract", example_record, "pdf", deliberation) == "extrait_2021-005795.pdf"
    assert file_name("minutes", example_record, "docx") == "proces-verbal_2021-10-07.docx"


def test_minutes_read_back_into_the_same_meeting(example_record, tmp_path):
    """The minutes carry the whole meeting: the importer reads the lists, proxies and windows back."""
    from collections import Counter

    from registre.documents.imported import record_from_path

    for format in ("txt", "pdf"):
        path = tmp_path / f"pv.{format}"
        path.write_bytes(render("minutes", example_record, format))
        again = record_from_path(path)
        a, b = example_record.meeting, again.meeting
        assert Counter(a.attendance) == Counter(b.attendance)
        assert a.proxies == b.proxies
        assert (a.chair, a.secretary, a.members_in_office, a.order_of_passage) == (
            b.chair,
            b.secretary,
            b.members_in_office,
            b.order_of_passage,
        )
        assert again.tally.for_item(19).voters == 104
