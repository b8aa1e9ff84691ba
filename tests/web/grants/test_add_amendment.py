"""An amendment changes the programme or the dates, never the cap upward."""

import datetime as dt

from registre.core import grants as core
from registre.web.grants.conversion import amended, obligation_lines
from registre.web.grants.models import Amendment


def _post(client, agreement, **data):
    return client.post(
        f"/subventions/conventions/{agreement.pk}/avenant/",
        {f"amendment-{name}": value for name, value in data.items()},
    )


def test_an_amendment_raising_the_cap_is_refused(officer, agreement, demo):
    response = _post(
        officer,
        agreement,
        description="Rallonge",
        cap="50000",
        amount="50000",
        deliberation=demo["deliberation"].pk,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        'id="id_amendment-cap_errors"><span>Erreur : Avenant refusé : le plafond (45\u202f000\u00a0€) n&#x27;est pas révisable à la hausse'
        in html
    )
    assert not Amendment.objects.exists()
    assert amended(agreement).cap == 45000


def test_an_amendment_extending_the_dates_is_recorded_and_moves_the_calendar(officer, agreement, demo):
    response = _post(
        officer,
        agreement,
        description="Prolongation du programme",
        signed_on="2022-05-02",
        deliberation=demo["deliberation"].pk,
        valid_until="2023-03-01",
        programme_end="2022-06-30",
    )
    assert response.status_code == 302
    amendment = Amendment.objects.get()
    assert amendment.number == 1 and amendment.deliberation == demo["deliberation"]
    record = amended(agreement)
    assert record.valid_until == dt.date(2023, 3, 1)
    due = {
        line.obligation.kind: line.obligation.due_on
        for line in obligation_lines(agreement, dt.date(2022, 5, 3))
    }
    assert due[core.ObligationKind.ACTIVITY_REPORT] == dt.date(2022, 6, 30)
    assert due[core.ObligationKind.END_OF_VALIDITY] == dt.date(2023, 3, 1)
    assert (
        "Avenant n°1 (délibération n°2021/005795) : Prolongation du programme"
        in officer.get(f"/subventions/conventions/{agreement.pk}/").content.decode()
    )


def test_an_amendment_signed_after_expiry_is_refused(officer, agreement):
    response = _post(
        officer, agreement, description="Trop tard", signed_on="2022-12-01", valid_until="2023-06-01"
    )
    assert response.status_code == 400
    assert "elle ne peut plus être modifiée par avenant" in response.content.decode()
    assert not Amendment.objects.exists()


def test_lowering_the_cap_below_what_was_paid_is_refused(officer, agreement):
    response = _post(officer, agreement, description="Réduction", cap="40000", amount="40000")
    assert response.status_code == 400
    assert "prévoir un reversement" in response.content.decode()
