"""Whole documents in shapes the corpus does not hold: proxy phrasings, a meeting without any
deliberation, text that is no deliberation at all."""

import pytest

from registre.importer import DocumentError, import_text

HEADER = (
    "COMMUNE DE TESTVILLE EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS Séance du 12 mars 2024 "
    "Nombre de conseillers en exercice : 7 "
)


def _data(text):
    return import_text("essai.txt", text).data


@pytest.mark.parametrize(
    "proxy",
    [
        "Absents : Claire DURAND donne pouvoir à Anne MARTIN, Paul ROUX",
        "Absents : Claire DURAND a donné procuration à Anne MARTIN, Paul ROUX",
        "Absents : Claire DURAND représentée par Anne MARTIN, Paul ROUX",
        "Absents : Claire DURAND (pouvoir à Anne MARTIN), Paul ROUX",
        "Absents : Paul ROUX Procurations : Claire DURAND à Anne MARTIN",
    ],
)
def test_proxy_phrasings(proxy):
    text = (
        HEADER
        + "Présents : Anne MARTIN, Jean BERNARD, Luc PETIT, Marc DUBOIS, Eva LEROY "
        + proxy
        + " Secrétaire de séance : Jean BERNARD Délibération n°2024-01 Objet : budget. Le conseil, à l'unanimité, "
        "approuve. Pour extrait conforme."
    )
    data = _data(text)
    assert [(p["principal"], p["holder"]) for p in data["proxies"]] == [("Claire DURAND", "Anne MARTIN")]
    computed = data["deliberations"][0]["computed"]
    assert (computed["present"], computed["represented"], computed["voters"]) == (5, 1, 6)
    assert "Anne MARTIN" not in [a["member"] for a in data["attendance"] if not a["present"]]


def test_attendance_without_deliberation_is_a_meeting_with_a_warning():
    data = _data(HEADER + "Présents : Anne MARTIN, Jean BERNARD, Luc PETIT Absents : Paul ROUX")
    assert data["deliberations"] == [] and len(data["attendance"]) == 4
    assert data["meeting"]["stated"]["members_in_office"] == 7
    assert "no_deliberation" in [w["code"] for w in data["warnings"]]


def test_text_that_is_no_deliberation_is_refused():
    with pytest.raises(DocumentError, match="aucun extrait de registre reconnu"):
        import_text("recette.txt", "Recette de la tarte aux pommes.\nÉplucher les pommes.\n")


def test_counts_that_do_not_add_up():
    data = _data(
        HEADER + "Présents : 5 Absents : 1 Votants : 6 Présents : Anne MARTIN, Jean BERNARD, Luc PETIT, "
        "Marc DUBOIS, Eva LEROY Absents : Paul ROUX Délibération n°2024-01 à l'unanimité."
    )
    assert "counts_do_not_add_up" in [v["code"] for v in data["violations"]]


def test_convocation_after_the_meeting_is_contradictory():
    data = _data(
        HEADER + "convoqué le 20 mars 2024. Présents : Anne MARTIN, Jean BERNARD Délibération n°2024-01 "
        "à l'unanimité."
    )
    assert "contradictory_dates" in [v["code"] for v in data["violations"]]


def test_common_variants_of_labels_and_votes():
    text = (
        "VILLE DE TESTVILLE Séance du 5 avril 2024 Présidence : M. Jean DUPONT. Présent(e)s : M. Jean DUPONT, "
        "Mme Anne MARTIN, M. Luc PETIT, Mme Eva LEROY Absent(e)s excusé(e)s : M. Paul ROUX, Mme Léa BLANC "
        "Procuration(s) : M. Paul ROUX à Mme Anne MARTIN Secrétaire : Mme Eva LEROY "
        "Délibération n°2024-12 Objet : tarifs. Après en avoir délibéré, le conseil municipal, à l'unanimité "
        "(1 abstention), adopte. Pour extrait conforme."
    )
    data = _data(text)
    meeting = data["meeting"]
    assert (meeting["chair"], meeting["secretary"]) == ("Jean DUPONT", "Eva LEROY")
    assert [(p["principal"], p["holder"]) for p in data["proxies"]] == [("Paul ROUX", "Anne MARTIN")]
    deliberation = data["deliberations"][0]
    assert deliberation["stated"]["abstain"] == 1
    computed = deliberation["computed"]
    assert (computed["voters"], computed["for"], computed["abstain"]) == (5, 4, 1)
    assert deliberation["consistent"] is True


@pytest.mark.parametrize(
    "figures",
    [
        "Présents : 5 (points 1 à 2) / 4 (à partir du point 3) Votants : 6 (points 1 à 2) / 5 (à partir du point 3)",
        "Points 1 à 2 : présents : 5, votants : 6. Points 3 à 3 : présents : 4, votants : 5.",
    ],
)
def test_counts_per_range_of_items(figures):
    text = (
        HEADER + figures + " Présents : Anne MARTIN, Jean BERNARD, Luc PETIT, Marc DUBOIS, Eva LEROY "
        "(jusqu'à la question n°2 incluse) Absents : Claire DURAND (pouvoir à Anne MARTIN), Paul ROUX "
        "Point n°1 budget. A l'unanimité. Point n°2 tarifs. A l'unanimité. Point n°3 voirie. A l'unanimité. "
        "Pour extrait conforme."
    )
    data = _data(text)
    assert data["meeting"]["stated"]["present"] is None  # no single figure for the meeting
    stated = [(d["item"], d["stated"]["present"], d["stated"]["voters"]) for d in data["deliberations"]]
    assert stated == [(1, 5, 6), (2, 5, 6), (3, 4, 5)]
    assert all(d["consistent"] is True for d in data["deliberations"]), [
        d["violations"] for d in data["deliberations"]
    ]


@pytest.mark.parametrize(
    "absent",
    [
        "Absents : Claire DURAND qui a donné pouvoir à Anne MARTIN, Paul ROUX",
        "Absents : Claire DURAND (a donné pouvoir à Anne MARTIN), Paul ROUX",
        "Absents : Claire DURAND donne procuration à Anne MARTIN, Paul ROUX",
        "Absents : Claire DURAND, qui est représentée par Anne MARTIN, Paul ROUX",
    ],
)
def test_more_proxy_phrasings(absent):
    text = (
        HEADER
        + "Présents : Anne MARTIN, Jean BERNARD, Luc PETIT, Marc DUBOIS, Eva LEROY "
        + absent
        + " Délibération n°2024-01 Objet : budget. Le conseil, par 5 voix pour, 1 contre, adopte. Pour extrait conforme."
    )
    data = _data(text)
    assert [(p["principal"], p["holder"]) for p in data["proxies"]] == [("Claire DURAND", "Anne MARTIN")]
    deliberation = data["deliberations"][0]
    assert (deliberation["stated"]["for"], deliberation["stated"]["against"]) == (5, 1)
    assert deliberation["computed"]["abstain"] == 0 and deliberation["consistent"] is True


def test_small_commune_extract_with_line_breaks_and_two_deliberations():
    """A typical layout absent from the corpus: surnames after plural civilities, proxies in notes,
    'N° 2024-08 – Objet :' headings, a vote with names in parentheses."""
    from pathlib import Path

    text = (Path(__file__).parent / "small_commune_extract.txt").read_text(encoding="utf-8")
    data = _data(text)
    meeting = data["meeting"]
    assert (meeting["date"], meeting["convened_on"], meeting["chair"]) == (
        "2024-03-14",
        "2024-03-07",
        "Pierre LEFÈVRE",
    )
    assert meeting["stated"]["members_in_office"] == 11 and meeting["stated"]["voters"] == 10
    first, second = data["deliberations"]
    assert (first["number"], first["title"], first["result"]) == (
        "2024-08",
        "Tarifs de la cantine scolaire",
        "unanimous",
    )
    assert first["stated"]["for"] is None and first["computed"]["for"] == 10
    assert (second["stated"]["for"], second["stated"]["against"], second["stated"]["abstain"]) == (8, 1, 1)
    assert second["votes"][0]["named"] == {"against": ["GARNIER"], "abstain": ["PERRIN"]}
    assert first["consistent"] is True and second["consistent"] is True


def test_pdf_of_a_real_text(tmp_path):
    """A corpus text set in a PDF and read back through its text layer gives the same figures."""
    typst = pytest.importorskip("typst")

    from registre.importer import import_path
    from tests.shared_data import CORPUS, require

    source_text = require(CORPUS / "extracts" / "tronget_2023-11-30_36-2023.txt")
    (tmp_path / "texte.txt").write_text(source_text.read_text(encoding="utf-8"), encoding="utf-8")
    source = tmp_path / "texte.typ"
    source.write_text(
        '#set text(hyphenate: false, size: 9pt)\n#set par(justify: false)\n#read("texte.txt")\n',
        encoding="utf-8",
    )
    pdf = tmp_path / "texte.pdf"
    pdf.write_bytes(typst.compile(str(source)))
    data = import_path(pdf).data
    deliberation = data["deliberations"][0]
    assert data["meeting"]["stated"]["members_in_office"] == 14
    assert (deliberation["stated"]["for"], deliberation["computed"]["voters"]) == (14, 14)
    assert deliberation["consistent"] is True


def test_minutes_with_several_numbered_deliberations_and_a_chair_named_in_the_list():
    text = (
        HEADER
        + "sous la présidence de Monsieur le Maire. Etaient présents : M. Jean DUPONT, Maire, Mme Anne MARTIN, "
        "M. Luc PETIT, Mme Eva LEROY. Absents : M. Paul ROUX. Délibération 2024-12 : voirie. Adopté à l'unanimité. "
        "Délibération 2024-13 : cantine. Après en avoir délibéré, par 3 voix pour et 1 contre (M. Luc PETIT), "
        "le conseil approuve. Pour extrait conforme."
    )
    data = _data(text)
    assert data["meeting"]["chair"] == "Jean DUPONT"
    assert [d["number"] for d in data["deliberations"]] == ["2024-12", "2024-13"]
    second = data["deliberations"][1]
    assert (second["computed"]["for"], second["computed"]["against"]) == (3, 1) and second[
        "consistent"
    ] is True


def test_an_absent_list_alone_computes_nothing():
    data = _data(
        HEADER + "sous la présidence de M. Jean DUPONT. Présents : 6 Absents : M. Paul ROUX. "
        "Délibération n°2024-01 : voirie. A l'unanimité. Pour extrait conforme."
    )
    deliberation = data["deliberations"][0]
    assert deliberation["computed"] is None and deliberation["consistent"] is None
    assert deliberation["stated"]["present"] == 6
