"""Malformed, truncated, empty, binary and huge inputs: a clear error, exit 2, no traceback."""

import pytest

from registre.importer import sources

from .helpers import json_lines, run_cli


def _check(capsys, path):
    code, out, err = run_cli(capsys, "check", path)
    assert code == 2
    assert "Traceback" not in err
    assert str(path) in err
    return err


def test_empty_file(capsys, tmp_path):
    path = tmp_path / "vide.txt"
    path.write_text("")
    assert "le fichier est vide" in _check(capsys, path)


def test_missing_file(capsys, tmp_path):
    assert "fichier introuvable" in _check(capsys, tmp_path / "absent.txt")


def test_directory(capsys, tmp_path):
    assert "dossier" in _check(capsys, tmp_path)


def test_binary_file(capsys, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(bytes(range(256)) * 64)
    assert "fichier binaire" in _check(capsys, path)


def test_text_that_is_not_an_extract(capsys, tmp_path):
    path = tmp_path / "recette.txt"
    path.write_text("Recette de la tarte aux pommes.\nÉplucher les pommes.\n", encoding="utf-8")
    err = _check(capsys, path)
    assert "aucun extrait de registre reconnu" in err and "ligne 2" in err


def test_truncated_extract_names_the_last_line_read(capsys, tmp_path, example_text):
    # attendance without any deliberation is still a meeting: read, with a warning naming the last line read
    cut = example_text[: example_text.index("M. Jean-Marc JOUFFROY")]
    path = tmp_path / "tronque.md"
    path.write_text(cut, encoding="utf-8")
    code, out, err = run_cli(capsys, "import", "--json", path)
    assert code == 0 and "Traceback" not in err
    document = json_lines(out)[0]
    assert document["deliberations"] == [] and document["attendance"]
    messages = {w["code"]: w["message"] for w in document["warnings"]}
    assert (
        "aucune délibération" in messages["no_deliberation"].lower()
        and "tronqué" in messages["no_deliberation"]
    )
    assert "ligne 17" in messages["no_deliberation"]
    assert "document_truncated" in messages


def test_huge_file(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    path = tmp_path / "enorme.txt"
    path.write_text("x" * 2000)
    assert "trop volumineux" in _check(capsys, path)


def test_truly_huge_file_is_refused_without_reading_it(capsys, tmp_path):
    path = tmp_path / "enorme.txt"
    with open(path, "wb") as handle:
        handle.truncate(sources.MAX_BYTES + 1)
    assert "trop volumineux" in _check(capsys, path)


def test_pdf_without_text_layer(capsys, tmp_path):
    typst = pytest.importorskip("typst")
    source = tmp_path / "scan.typ"
    source.write_text("#rect(width: 5cm, height: 3cm, fill: gray)", encoding="utf-8")
    path = tmp_path / "scan.pdf"
    path.write_bytes(typst.compile(str(source)))
    err = _check(capsys, path)
    assert "pas de couche texte" in err and "OCR" in err


def test_damaged_pdf(capsys, tmp_path):
    path = tmp_path / "casse.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    assert "PDF" in _check(capsys, path)


def test_other_files_are_still_read(capsys, tmp_path, example_path):
    path = tmp_path / "vide.txt"
    path.write_text("")
    code, out, err = run_cli(capsys, "check", path, example_path)
    assert code == 2 and "cohérent" in out
