"""The grants officer records a new agreement linked to its deliberation; the SIRET is checked by python-stdnum."""

from registre.web.grants.models import Agreement


def _data(demo, **overrides):
    data = {
        "deliberation": demo["deliberation"].pk,
        "reference": "2021/CV-7",
        "beneficiary_name": "Fab Lab Comtois",
        "beneficiary_siret": "732 829 320 00074",
        "object": "Animation 2021",
        "amount": "24000",
        "cap": "24000",
        "financial_year": "2021",
        "signed_on": "2021-10-20",
        "valid_until": "2022-10-31",
        "share_at_signature": "100",
    }
    data.update(overrides)
    return data


def test_a_new_agreement_is_recorded(officer, demo):
    response = officer.post("/subventions/nouvelle/", _data(demo))
    assert response.status_code == 302
    agreement = Agreement.objects.get(reference="2021/CV-7")
    assert agreement.beneficiary.siret == "73282932000074"
    assert agreement.deliberation == demo["deliberation"]
    assert agreement.tranches.get().share == 1
    html = officer.get(response["Location"]).content.decode()
    assert "Le budget prévisionnel de l&#x27;action n&#x27;est pas saisi." in html


def test_an_invalid_siret_is_refused_at_its_field(officer, demo):
    response = officer.post("/subventions/nouvelle/", _data(demo, beneficiary_siret="73282932000075"))
    assert response.status_code == 400
    assert (
        'id="id_beneficiary_siret_errors"><span>Erreur : SIRET invalide : la clé de contrôle ne correspond pas.'
        in response.content.decode()
    )
    assert not Agreement.objects.filter(reference="2021/CV-7").exists()


def test_an_amount_over_the_cap_is_refused(officer, demo):
    response = officer.post("/subventions/nouvelle/", _data(demo, amount="25000"))
    assert response.status_code == 400
    assert (
        'id="id_cap_errors"><span>Erreur : Le montant (25\u202f000\u00a0€) dépasse le plafond (24\u202f000\u00a0€).'
        in response.content.decode()
    )


def test_a_duplicate_reference_is_refused(officer, demo, agreement):
    response = officer.post("/subventions/nouvelle/", _data(demo, reference=agreement.reference))
    assert response.status_code == 400
    assert "Une convention porte déjà cette référence." in response.content.decode()
