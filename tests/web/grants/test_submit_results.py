"""The beneficiary reports its results against the programme's objectives."""

from registre.web.grants.models import Objective, ObjectiveResult


def test_results_are_assessed_against_their_targets(beneficiary, officer, agreement):
    objectives = {o.key: o for o in Objective.objects.filter(agreement=agreement)}
    response = beneficiary.post(
        f"/subventions/portail/conventions/{agreement.pk}/resultats/",
        {
            "year": "2021",
            f"o_{objectives['labelled_projects'].pk}": "12",
            f"o_{objectives['funded_projects'].pk}": "2",
            f"o_{objectives['members'].pk}": "236",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Objectif non atteint (A)" in response.content.decode()
    assert ObjectiveResult.objects.count() == 3
    html = officer.get(f"/subventions/conventions/{agreement.pk}/").content.decode()
    assert 'data-objective="labelled_projects" data-state="met"' in html
    assert 'data-objective="funded_projects" data-state="not_met"' in html
    assert 'data-objective="members" data-state="met"' in html
    assert 'data-objective="companies_visited" data-state="not_reported"' in html


def test_no_result_is_a_form_error(beneficiary, agreement):
    response = beneficiary.post(
        f"/subventions/portail/conventions/{agreement.pk}/resultats/", {"year": "2021"}
    )
    assert response.status_code == 400
    assert "Renseignez au moins un résultat." in response.content.decode()
