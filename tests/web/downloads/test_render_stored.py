"""`registre render` with a stored SOURCE (the demo in the test database)."""

import io

from pypdf import PdfReader

from registre.cli.main import main


def test_render_stored_deliberation(tmp_path, capsys, demo):
    out = tmp_path / "extrait.pdf"
    assert (
        main(["render", "extract", "2021/005795", "--authority", demo["authority"].slug, "--out", str(out)])
        == 0
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "2021/005795" in text and "104" in text


def test_render_stored_meeting_minutes(tmp_path, capsys, demo):
    out = tmp_path / "pv.docx"
    meeting = demo["deliberation"].item.meeting
    assert main(["render", "minutes", f"seance:{meeting.pk}", "--format", "docx", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_unknown_stored_source(capsys, demo):
    assert main(["render", "list", "seance:999999"]) == 2
    assert main(["render", "extract", "1999/000001"]) == 2
    assert "introuvable" in capsys.readouterr().err
