"""Completing an imported row kept with findings: a grants officer or a clerk of its authority gives the
missing values; they are checked as an export checks them; the completion is traced, what the file
stated is kept, and the row is then published."""

import pytest

from registre.web.opendata.scdl_import import import_scdl_file
from tests.opendata.conftest import METROPOLE, metropole_deliberations

pytestmark = pytest.mark.django_db

HEADER = (
    "nomAttribuant;idAttribuant;dateConvention;referenceDecision;nomBeneficiaire;idBeneficiaire;objet;"
    "montant;nature;conditionsVersement;datesPeriodeVersement;idRAE;notificationUE;pourcentageSubvention"
)
# the demo authority's grant, its SIRET damaged upstream and its payment dates not published
ROW = (
    "Grand Besançon Métropole;24250036100000.0;17/07/2023;DEL-2023-07;Club de l'exemple;99990010300014;"
    "Fonctionnement 2023;2 500,00;aide en numéraire;unique;;;non;1"
)
GOOD = {
    "nomAttribuant": "Grand Besançon Métropole",
    "idAttribuant": "24250036100017",
    "dateConvention": "2023-07-17",
    "referenceDecision": "DEL-2023-07",
    "nomBeneficiaire": "Club de l'exemple",
    "idBeneficiaire": "99990010300014",
    "objet": "Fonctionnement 2023",
    "montant": "2500",
    "nature": "aide en numéraire",
    "conditionsVersement": "unique",
    "datesPeriodeVersement": "2023-09-01",
    "notificationUE": "non",
    "pourcentageSubvention": "1",
}


@pytest.fixture
def imported(demo, tmp_path):
    from registre.web.opendata.models import ImportedGrant

    path = tmp_path / "subventions-2023.csv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    report = import_scdl_file(path, authority=demo["authority"])
    assert (report.stored, report.with_findings) == (1, 1)
    return ImportedGrant.objects.get()


def test_grants_officer_sees_the_rows_to_complete_with_their_findings(client_for, imported):
    page = client_for("subventions").get("/donnees/historique/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "subventions-2023.csv, ligne 2" in html and "Club de l&#x27;exemple — 2500 €" in html
    assert 'data-finding="french-siret-value"' in html and 'data-finding="table-schema:required"' in html
    form = client_for("subventions").get(f"/donnees/historique/subventions/{imported.pk}/").content.decode()
    assert 'value="24250036100000.0"' in form  # shown as read, never repaired
    assert "17/07/2023" in form  # what the file stated, beside what the register read


def test_completion_with_a_finding_left_writes_nothing(client_for, imported):
    values = {**GOOD, "idAttribuant": "24250036100000.0"}
    page = client_for("subventions").post(f"/donnees/historique/subventions/{imported.pk}/", values)
    assert page.status_code == 200
    assert "abîmé" in page.content.decode() and "french-siret-value" in page.content.decode()
    imported.refresh_from_db()
    assert imported.status == "pending" and imported.completions.count() == 0
    assert imported.grantor_siret == "24250036100000.0"


def test_completion_is_traced_keeps_the_stated_row_and_publishes_it(client_for, imported, tmp_path):
    from registre.cli.main import main

    stated = imported.stated
    page = client_for("subventions").post(f"/donnees/historique/subventions/{imported.pk}/", GOOD)
    assert page.status_code == 302 and page["Location"] == "/donnees/historique/?type=subventions"
    imported.refresh_from_db()
    assert imported.status == "completed" and imported.stated == stated
    assert (imported.grantor_siret, str(imported.payment_start)) == ("24250036100017", "2023-09-01")
    completion = imported.completions.get()
    assert completion.completed_by.username == "subventions"
    assert {
        "field": "idAttribuant",
        "before": "24250036100000.0",
        "after": "24250036100017",
    } in completion.changes
    assert {"field": "datesPeriodeVersement", "before": "", "after": "2023-09-01"} in completion.changes
    assert {f["rule"] for f in completion.lifted} == {"french-siret-value", "table-schema:required"}
    out = tmp_path / "s.csv"
    assert main(["export", "scdl-subventions", "--out", str(out)]) == 0
    assert "Club de l'exemple,99990010300014" in out.read_text(encoding="utf-8")
    trace = client_for("subventions").get(f"/donnees/historique/subventions/{imported.pk}/").content.decode()
    assert "Compléments enregistrés" in trace and "24250036100017" in trace


def test_a_siret_other_than_the_authoritys_is_refused(client_for, imported):
    values = {**GOOD, "idAttribuant": "21310458100011"}  # Roques': valid, but not this authority's
    page = client_for("greffe").post(f"/donnees/historique/subventions/{imported.pk}/", values)
    assert page.status_code == 200 and "registre:autre-collectivite" in page.content.decode()


def test_each_role_gets_what_its_permission_says(client, client_for, imported):
    url = f"/donnees/historique/subventions/{imported.pk}/"
    assert client.get("/donnees/historique/").status_code == 302  # to the login page
    assert client_for("greffe").get(url).status_code == 200  # a clerk of the authority
    assert client_for("greffe-voisine").get(url).status_code == 404  # another authority's row
    assert client_for("greffe-voisine").get("/donnees/historique/").content.decode().count("Compléter") == 0
    from registre.web.accounts.models import User

    User.objects.create_user("beneficiaire-test", password="x", role=User.BENEFICIARY)
    assert client_for("beneficiaire-test").get("/donnees/historique/").status_code == 403


def test_dashboards_point_to_the_history_to_complete(client_for, imported):
    for username, page in (("subventions", "/subventions/"), ("greffe", "/greffe/")):
        assert (
            "Historique importé à compléter : 1 ligne(s)" in client_for(username).get(page).content.decode()
        )


def test_clerk_completes_a_deliberation_whose_votes_did_not_add_up(client_for, demo, tmp_path):
    from registre.web.accounts.models import User
    from registre.web.opendata.models import ImportedDeliberation
    from registre.web.register.models import Deliberation

    import_scdl_file(metropole_deliberations(tmp_path / "metropole.csv"))
    row = ImportedDeliberation.objects.get(deliberation_id="DEL-2023-013")
    User.objects.create_user("greffe-metropole", password="x", role=User.CLERK, authority=row.authority)
    User.objects.create_user(
        "subventions-metropole", password="x", role=User.GRANTS_OFFICER, authority=row.authority
    )
    url = f"/donnees/historique/deliberations/{row.pk}/"
    assert client_for("subventions-metropole").get(url).status_code == 403  # deliberations are the clerk's
    form = client_for("greffe-metropole").get(url).content.decode()
    assert 'value="67"' in form and "sum-columns-value" in form
    values = {
        "COLL_NOM": METROPOLE,
        "COLL_SIRET": "24999999600013",
        "DELIB_ID": "DEL-2023-013",
        "DELIB_DATE": "2023-02-14",
        "DELIB_MATIERE_CODE": "1.1",
        "DELIB_MATIERE_NOM": "Commande publique/Marchés publics",
        "DELIB_OBJET": "Délibération n°13 du conseil de la métropole",
        "PREF_ID": "PREF025",
        "PREF_DATE": "2023-02-17",
        "VOTE_EFFECTIF": "70",
        "VOTE_REEL": "65",
        "VOTE_POUR": "64",
        "VOTE_CONTRE": "1",
        "VOTE_ABSTENTION": "0",
    }
    assert client_for("greffe-metropole").post(url, values).status_code == 302
    row.refresh_from_db()
    assert row.status == "completed" and row.act.status == Deliberation.PUBLISHED
    assert (row.act.open_data.voters, row.voters) == (65, 65)
    assert row.stated[12] == {"column": "VOTE_REEL", "field": "VOTE_REEL", "value": "67"}  # as published
