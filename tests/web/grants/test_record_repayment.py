"""A repayment (total or partial) records its ground among those the agreement lists."""

from decimal import Decimal

from registre.web.grants.models import Repayment


def _post(client, agreement, **data):
    return client.post(
        f"/subventions/conventions/{agreement.pk}/reversement/",
        {f"repayment-{name}": value for name, value in data.items()},
    )


def test_a_partial_repayment_on_a_listed_ground(officer, agreement):
    ground = agreement.repayment_grounds[1]
    response = _post(officer, agreement, requested_on="2022-12-15", amount="5000", ground=ground)
    assert response.status_code == 302
    repayment = Repayment.objects.get()
    assert (repayment.amount, repayment.ground, repayment.total) == (Decimal("5000.00"), ground, False)
    assert (
        "Net versé après reversements : 40\u202f000\u00a0€"
        in officer.get(f"/subventions/conventions/{agreement.pk}/").content.decode()
    )


def test_a_ground_the_agreement_does_not_list_is_refused(officer, agreement):
    response = _post(officer, agreement, requested_on="2022-12-15", amount="5000", ground="Parce que")
    assert response.status_code == 400
    assert "Choisissez une valeur de la liste." in response.content.decode()
    assert not Repayment.objects.exists()


def test_more_than_was_paid_or_a_wrong_total_is_refused(officer, agreement):
    ground = agreement.repayment_grounds[0]
    response = _post(officer, agreement, requested_on="2022-12-15", amount="45000.01", ground=ground)
    assert response.status_code == 400
    assert "dépasse les sommes versées et non reversées" in response.content.decode()
    response = _post(officer, agreement, requested_on="2022-12-15", amount="100", ground=ground, total="on")
    assert response.status_code == 400
    assert "Un reversement total porte sur 45\u202f000\u00a0€" in response.content.decode()
    assert not Repayment.objects.exists()
    assert (
        _post(
            officer, agreement, requested_on="2022-12-15", amount="45000", ground=ground, total="on"
        ).status_code
        == 302
    )
