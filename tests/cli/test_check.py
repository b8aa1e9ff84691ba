"""`registre check`: one changed figure, window or proxy in a copy of the example
is reported as exactly that discrepancy."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import json_lines, run_cli


def _mutated(tmp_path, example_text, old, new, count=1):
    assert example_text.count(old) >= count, old
    path = tmp_path / "mutation.md"
    path.write_text(example_text.replace(old, new, count), encoding="utf-8")
    return path


def _mismatches(capsys, path):
    code, out, _ = run_cli(capsys, "import", "--json", path)
    assert code == 0
    deliberation = json_lines(out)[0]["deliberations"][0]
    fields = sorted(v["field"] for v in deliberation["violations"] if v["code"] == "stated_figure_mismatch")
    return deliberation, fields


def test_example_is_consistent(capsys, example_path):
    code, out, err = run_cli(capsys, "check", example_path)
    assert code == 0, out + err
    assert "Verdict : cohérent" in out
    assert "Présents                               91" in out


def test_changed_stated_figure(capsys, tmp_path, example_text):
    path = _mutated(tmp_path, example_text, "Pour : 104", "Pour : 103")
    deliberation, fields = _mismatches(capsys, path)
    assert fields == ["for"]
    assert deliberation["consistent"] is False
    code, out, _ = run_cli(capsys, "check", path)
    assert code == 1
    assert "le document indique 103 pour, le calcul donne 104" in out


def test_changed_interested_count(capsys, tmp_path, example_text):
    path = _mutated(tmp_path, example_text, "Conseillers intéressés : 5", "Conseillers intéressés : 4")
    assert _mismatches(capsys, path)[1] == ["not_participating"]


def test_changed_window_makes_a_member_absent_at_item_19(capsys, tmp_path, example_text):
    # BERTAGNOLI arrives at item 20 instead of 9: at item 19 he is neither present nor represented
    path = _mutated(
        tmp_path,
        example_text,
        "M. Kévin BERTAGNOLI (à compter de la question n°9)",
        "M. Kévin BERTAGNOLI (à compter de la question n°20)",
    )
    deliberation, fields = _mismatches(capsys, path)
    assert deliberation["computed"]["present"] == 90
    assert deliberation["computed"]["voters"] == 103
    assert fields == ["for"]
    assert any(
        v["code"] == "attendance_gap"
        for v in json_lines(run_cli(capsys, "import", "--json", path)[1])[0]["warnings"]
    )


def test_removed_proxy(capsys, tmp_path, example_text):
    path = _mutated(tmp_path, example_text, "Mme Sylvie WANLIN à Mme Carine MICHEL, ", "")
    deliberation, fields = _mismatches(capsys, path)
    assert deliberation["computed"]["represented"] == 17
    assert fields == ["for"]


def test_proxy_to_an_interested_member_changes_non_participants(capsys, tmp_path, example_text):
    path = _mutated(
        tmp_path,
        example_text,
        "Mme Sylvie WANLIN à Mme Carine MICHEL",
        "Mme Sylvie WANLIN à M. Sébastien COUDRY",
    )
    deliberation, fields = _mismatches(capsys, path)
    assert deliberation["computed"]["not_participating"] == 6
    assert fields == ["for", "not_participating"]


def test_proxy_to_a_holder_who_already_holds_one(capsys, tmp_path, example_text):
    path = _mutated(
        tmp_path,
        example_text,
        "Mme Sylvie WANLIN à Mme Carine MICHEL",
        "Mme Sylvie WANLIN à Mme Agnès MARTIN",
    )
    deliberation, fields = _mismatches(capsys, path)
    codes = {v["code"] for v in deliberation["violations"]}
    assert "proxy_holder_overloaded" in codes
    assert fields == ["for"]


def test_a_proxy_invalid_for_the_whole_meeting_is_one_finding(capsys, tmp_path, example_text):
    path = _mutated(
        tmp_path,
        example_text,
        "Mme Sylvie WANLIN à Mme Carine MICHEL",
        "Mme Sylvie WANLIN à Mme Agnès MARTIN",
    )
    deliberation, _ = _mismatches(capsys, path)
    (finding,) = [v for v in deliberation["violations"] if v["code"] == "proxy_holder_overloaded"]
    assert (finding["from_item"], finding["until_item"]) == (1, 59)
    assert finding["items"] == list(range(1, 60)) and deliberation["item"] in finding["items"]
    assert "aux questions n°1 à n°59" in finding["message"]
    code, out, _ = run_cli(capsys, "check", path)
    assert code == 1
    assert out.count("proxy_holder_overloaded") == 1


SMALL_COMMUNE = Path(__file__).resolve().parents[1] / "importer" / "small_commune_extract.txt"


def test_a_finding_on_a_run_of_items_is_printed_once_per_file(capsys, tmp_path):
    # two deliberations of one meeting where a proxy's holder is absent throughout
    text = SMALL_COMMUNE.read_text(encoding="utf-8")
    path = _mutated(tmp_path, text, "M. CARON (pouvoir à M. DUVAL)", "M. CARON (pouvoir à M. LAMBERT)")
    code, out, _ = run_cli(capsys, "check", path)
    lines = [line for line in out.splitlines() if "proxy_holder_absent" in line]
    assert code == 1 and len(lines) == 2
    assert "son mandataire M. LAMBERT est absent aux questions n°8 et n°9" in lines[0]
    assert "voir la question n°8 ci-dessus (constat des questions n°8 à n°9)" in lines[1]


def test_proxy_whose_principal_is_present(capsys, tmp_path, example_text):
    path = _mutated(
        tmp_path,
        example_text,
        "Mme Sylvie WANLIN à Mme Carine MICHEL",
        "Mme Anne BENEDETTO à Mme Carine MICHEL",
    )
    deliberation, _ = _mismatches(capsys, path)
    assert "proxy_principal_present" in {v["code"] for v in deliberation["violations"]}


def test_window_naming_an_item_not_on_the_agenda(capsys, tmp_path, example_text):
    path = _mutated(
        tmp_path, example_text, "(à compter de la question n°16)", "(à compter de la question n°75)"
    )
    deliberation, _ = _mismatches(capsys, path)
    assert "window_item_not_on_agenda" in {v["code"] for v in deliberation["violations"]}


def test_installed_entry_point_runs():
    registre = Path(sys.executable).with_name("registre")
    from registre.demo import EXAMPLE_EXTRACT

    result = subprocess.run([registre, "check", EXAMPLE_EXTRACT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "cohérent" in result.stdout


@pytest.mark.parametrize("order", ["1, 2, 3", "19, 20"])
def test_shorter_order_of_passage_is_reported(capsys, tmp_path, example_text, order):
    text = re.sub(
        r"Ordre de passage des rapports : [\d, ]+", f"Ordre de passage des rapports : {order}", example_text
    )
    path = tmp_path / "order.md"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", path)
    assert code == 1
    assert "window_item_not_on_agenda" in out


def test_document_without_deliberation_says_so(capsys, tmp_path, example_text):
    path = tmp_path / "presences.md"
    path.write_text(example_text[: example_text.index("Délibération n°2021/005795")], encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", path)
    assert code == 0
    assert "aucune délibération lue" in out and "no_deliberation" in out
