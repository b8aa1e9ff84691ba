"""Finding 5: beneficiaries were shared across authorities by exact name. A neighbour authority's
officer who recorded an agreement for « Pôle des Microtechniques » saw the SIRET Grand Besançon
had entered, and the agreement appeared on that beneficiary's portal. Now each authority has its
own record; a SIRET only suggests, within one authority, the name already used."""

import datetime as dt

import pytest

from registre.web.grants.models import Agreement, Beneficiary

GBM_SIRET = "73282932000074"
VOISINE_SIRET = "21250500200007"  # a valid SIRET for the demo's neighbour commune


@pytest.fixture
def neighbour_deliberation(demo):
    """The neighbour's published grant deliberation n° 2021/000004 (through the publication
    service: only a published deliberation approves an agreement)."""
    from registre.web.register.models import Authority, Deliberation

    from ..conftest import publish_accepting_warnings, small_meeting

    voisine = Authority.objects.get(name="Commune de Voisine-sur-Doubs")
    voisine.siret = VOISINE_SIRET  # SCDL needs the authority's SIRET to publish
    voisine.save()
    item = small_meeting(voisine, dt.date(2021, 11, 4), 1, council_name="Conseil municipal")[0]
    deliberation = Deliberation.objects.create(
        authority=voisine,
        item=item,
        number="2021/000004",
        year=2021,
        sequence=4,
        title="Subvention au pôle",
        actes_code="7.5",
    )
    publish_accepting_warnings(deliberation)
    return deliberation


def _form(deliberation, **changes):
    data = {
        "deliberation": deliberation.pk,
        "reference": "2021/V-1",
        "beneficiary_name": "Pôle des Microtechniques",
        "beneficiary_siret": "",
        "object": "Salon des microtechniques",
        "amount": "5000",
        "cap": "5000",
        "financial_year": "2021",
        "signed_on": "2021-11-10",
        "valid_until": "2022-11-09",
        "share_at_signature": "100",
    }
    data.update(changes)
    return data


def test_the_neighbours_agreement_gets_its_own_beneficiary(client_for, demo, neighbour_deliberation):
    ours = demo["agreement"].beneficiary
    Beneficiary.objects.filter(pk=ours.pk).update(siret=GBM_SIRET)
    neighbour = client_for("subventions-voisine")
    response = neighbour.post("/subventions/nouvelle/", _form(neighbour_deliberation))
    assert response.status_code == 302
    theirs = Agreement.objects.get(reference="2021/V-1").beneficiary
    assert theirs.pk != ours.pk and theirs.authority.name == "Commune de Voisine-sur-Doubs"
    assert theirs.siret == "" and not theirs.accounts.exists()
    page = neighbour.get(response["Location"]).content.decode()
    assert GBM_SIRET not in page and "732 829 320 00074" not in page
    portal = client_for("pole-microtechniques").get("/subventions/portail/").content.decode()
    assert "2021/V-1" not in portal and "Voisine" not in portal
    ours.refresh_from_db()
    assert (ours.siret, ours.authority_id) == (GBM_SIRET, demo["authority"].pk)


def test_a_known_siret_suggests_the_name_within_the_authority_only(client_for, demo, neighbour_deliberation):
    Beneficiary.objects.filter(pk=demo["agreement"].beneficiary_id).update(siret=GBM_SIRET)
    officer = client_for("subventions")
    response = officer.post(
        "/subventions/nouvelle/",
        _form(
            demo["deliberation"], reference="2021/CV-9", beneficiary_name="PMT", beneficiary_siret=GBM_SIRET
        ),
    )
    assert response.status_code == 400
    assert "Ce SIRET est celui de « Pôle des Microtechniques »" in response.content.decode()
    neighbour = client_for("subventions-voisine")
    response = neighbour.post(
        "/subventions/nouvelle/",
        _form(neighbour_deliberation, beneficiary_name="PMT", beneficiary_siret=GBM_SIRET),
    )
    assert response.status_code == 302  # no suggestion: the other authority's record is not searched
    assert "Pôle des Microtechniques" not in neighbour.get(response["Location"]).content.decode()


def test_an_agreement_never_takes_another_authoritys_beneficiary(demo, neighbour_deliberation):
    from registre.core import grants as core
    from registre.web.grants.conversion import store_agreement

    record = core.GrantAgreement(
        reference="X",
        grantor=core.Party("Commune de Voisine-sur-Doubs"),
        beneficiary=core.Party("Pôle des Microtechniques"),
        object="x",
        amount=1,
        cap=1,
        deliberation="2021/000004",
        deliberation_date=dt.date(2021, 11, 4),
        budget_line="",
        financial_year=2021,
        signed_on=None,
        transmitted_on=None,
        valid_until=None,
        tranches=(),
        indicators=(),
    )
    with pytest.raises(ValueError):
        store_agreement(
            record,
            authority=neighbour_deliberation.authority,
            beneficiary=demo["agreement"].beneficiary,
            deliberation=neighbour_deliberation,
        )


def test_the_admin_shows_the_same_siret_elsewhere_as_a_hint(client_for, demo, neighbour_deliberation):
    ours = demo["agreement"].beneficiary
    Beneficiary.objects.filter(pk=ours.pk).update(siret=GBM_SIRET)
    Beneficiary.objects.create(authority=neighbour_deliberation.authority, name="PMT", siret=GBM_SIRET)
    page = client_for("admin").get(f"/admin/grants/beneficiary/{ours.pk}/change/").content.decode()
    assert "PMT (Commune de Voisine-sur-Doubs)" in page
