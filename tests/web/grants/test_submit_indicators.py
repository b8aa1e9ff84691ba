"""The beneficiary submits the year's territorial indicators (annex 3)."""

from decimal import Decimal

from registre.web.grants.models import IndicatorReport

URL = "/subventions/portail/conventions/{}/indicateurs/"

FULL = {
    "year": "2021",
    "i_members__headcount": "11000",
    "i_members__turnover": "1360000000",
    "i_projects__programme_amount": "2500000",
    "i_projects__public_aid": "900000",
    "i_projects__jobs": "Microtech SA ; 4\nHorlogerie Comtoise ; 2",
    "i_labs__programme_amount": "1200000",
    "i_labs__public_aid": "600000",
    "i_labs__researchers": "450",
    "i_labs__publications": "85",
    "i_labs__patents": "6",
}


def test_the_2021_indicators_are_stored_and_the_obligation_received(beneficiary, officer, agreement):
    assert beneficiary.get(URL.format(agreement.pk)).status_code == 200
    response = beneficiary.post(URL.format(agreement.pk), FULL)
    assert response.status_code == 302
    report = IndicatorReport.objects.get(agreement=agreement)
    values = {(v.key, v.company): v.value for v in report.values.all()}
    assert values[("members.headcount", "")] == Decimal(11000)
    assert values[("projects.jobs", "Microtech SA")] == Decimal(4)
    assert len(values) == 11
    html = officer.get(f"/subventions/conventions/{agreement.pk}/").content.decode()
    assert 'data-obligation="indicators" data-state="received"' in html
    assert "Brevets déposés dans le cadre de ces programmes" in html and "Horlogerie Comtoise" in html


def test_a_partial_report_is_accepted_with_a_warning(beneficiary, agreement):
    response = beneficiary.post(
        URL.format(agreement.pk), {"year": "2021", "i_members__headcount": "11000"}, follow=True
    )
    assert "Indicateurs non renseignés (9)" in response.content.decode()


def test_bad_values_are_field_errors_and_nothing_is_written(beneficiary, agreement):
    response = beneficiary.post(
        URL.format(agreement.pk),
        dict(FULL, i_members__headcount="-3", i_projects__jobs="Microtech SA quatre"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Saisissez un nombre supérieur ou égal à 0." in html
    assert "Ligne 1 : attendu « Nom de l&#x27;entreprise ; nombre »." in html
    assert not IndicatorReport.objects.exists()


def test_an_empty_report_is_refused(beneficiary, agreement):
    response = beneficiary.post(URL.format(agreement.pk), {"year": "2021"})
    assert response.status_code == 400
    assert "Renseignez au moins un indicateur." in response.content.decode()


def test_accepted_indicators_cannot_be_replaced(beneficiary, officer, agreement):
    beneficiary.post(URL.format(agreement.pk), FULL)
    report = IndicatorReport.objects.get()
    officer.post(f"/subventions/examen/indicateurs/{report.pk}/", {"decision": "accept"})
    response = beneficiary.post(URL.format(agreement.pk), dict(FULL, i_labs__patents="60"))
    assert response.status_code == 400
    assert "Les indicateurs 2021 ont déjà été acceptés par le service." in response.content.decode()
    assert report.values.get(key="labs.patents").value == 6


def test_a_headcount_with_decimals_is_refused_in_our_words(beneficiary, agreement):
    response = beneficiary.post(URL.format(agreement.pk), dict(FULL, i_members__headcount="11000.5"))
    html = response.content.decode()
    assert response.status_code == 400 and "Saisissez un nombre entier, sans décimales." in html
    assert "Assurez-vous" not in html and "0 chiffre" not in html
    assert "Indicateurs non transmis : 1 erreur" in html
