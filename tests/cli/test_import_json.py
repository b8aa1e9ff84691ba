"""`registre import --json`: JSON Lines, one object per document, in the contract's shape."""

import pytest

from .helpers import json_lines, run_cli

CONTRACT_KEYS = {"authority", "meeting", "members", "attendance", "proxies", "deliberations"}


def test_one_json_line_per_document(capsys, example_path):
    code, out, _ = run_cli(capsys, "import", "--json", example_path, example_path)
    assert code == 0
    documents = json_lines(out)
    assert len(documents) == 2
    assert CONTRACT_KEYS <= set(documents[0])
    deliberation = documents[0]["deliberations"][0]
    assert set(deliberation["computed"]) >= {
        "present",
        "represented",
        "not_participating",
        "voters",
        "for",
        "against",
        "abstain",
        "quorum_required",
        "quorum_reached",
        "adopted",
        "unanimous",
    }
    assert set(deliberation["stated"]) >= {
        "members_in_office",
        "present",
        "represented",
        "voters",
        "for",
        "against",
        "abstain",
        "not_participating",
    }


def test_windows_1252_text_is_decoded(capsys, tmp_path, example_text):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(example_text.replace("✓", "-").encode("cp1252", errors="strict"))
    code, out, _ = run_cli(capsys, "import", "--json", path)
    assert code == 0
    document = json_lines(out)[0]
    assert document["authority"] == "Grand Besançon Métropole"
    assert document["deliberations"][0]["computed"]["voters"] == 104


def test_pdf_text_layer(capsys, tmp_path, example_text):
    typst = pytest.importorskip("typst")
    (tmp_path / "extrait.txt").write_text(example_text, encoding="utf-8")
    source = tmp_path / "extrait.typ"
    source.write_text(
        "#set text(hyphenate: false, size: 9pt)\n#set par(justify: false)\n"
        '#for line in read("extrait.txt").split("\\n") [#line \\ ]\n',
        encoding="utf-8",
    )
    path = tmp_path / "extrait.pdf"
    path.write_bytes(typst.compile(str(source)))
    code, out, _ = run_cli(capsys, "import", "--json", path)
    assert code == 0
    deliberation = json_lines(out)[0]["deliberations"][0]
    assert deliberation["computed"]["present"] == 91
    assert deliberation["computed"]["voters"] == 104
    assert deliberation["consistent"] is True


def test_several_processes_read_the_same_as_one(capsys, tmp_path, example_text):
    for index in range(3):
        (tmp_path / f"extrait-{index}.md").write_text(
            example_text.replace("2021/005795", f"2021/00579{index}"), encoding="utf-8"
        )
    (tmp_path / "vide.txt").write_text("", encoding="utf-8")
    code, one, one_err = run_cli(capsys, "import", "--json", "--jobs", "1", tmp_path)
    code_two, two, two_err = run_cli(capsys, "import", "--json", "--jobs", "2", tmp_path)
    assert (code, code_two) == (2, 2)  # the empty file is refused, by both
    assert one == two and one_err == two_err and "vide.txt : le fichier est vide" in one_err
    assert [d["deliberations"][0]["number"] for d in json_lines(one)] == [
        "2021/005790",
        "2021/005791",
        "2021/005792",
    ]


def test_a_number_of_processes_is_a_positive_number(capsys, example_path):
    with pytest.raises(SystemExit):
        run_cli(capsys, "import", "--json", "--jobs", "0", example_path)
    assert "il faut au moins un processus" in capsys.readouterr().err
