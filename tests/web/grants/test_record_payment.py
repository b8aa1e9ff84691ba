"""The grants officer records a payment; one that would exceed the cap is refused, at its field, with nothing written."""

from decimal import Decimal

from registre.web.grants.models import Payment


def _post(client, agreement, **data):
    return client.post(
        f"/subventions/conventions/{agreement.pk}/versement/",
        {f"payment-{name}": value for name, value in data.items()},
    )


def test_a_payment_within_the_cap_is_recorded(officer, other_agreement):
    response = _post(officer, other_agreement, paid_on="2021-11-10", amount="20000", reference="M-2021-118")
    assert response.status_code == 302
    payment = Payment.objects.get(agreement=other_agreement)
    assert (payment.amount, payment.reference) == (Decimal("20000.00"), "M-2021-118")
    html = officer.get(f"/subventions/conventions/{other_agreement.pk}/").content.decode()
    assert 'data-figure="balance">10\u202f000\u00a0€' in html


def test_a_payment_over_the_cap_is_refused_at_the_amount_field(officer, agreement):
    response = _post(officer, agreement, paid_on="2021-12-01", amount="0.01")
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        'id="id_payment-amount_errors"><span>Erreur : Versement refusé : 0,01\u00a0€ dépasserait le plafond de 45\u202f000\u00a0€'
        in html
    )
    assert agreement.payments.count() == 1


def test_the_cap_holds_across_several_payments(officer, other_agreement):
    assert _post(officer, other_agreement, paid_on="2021-11-10", amount="29999.99").status_code == 302
    assert _post(officer, other_agreement, paid_on="2021-11-11", amount="0.02").status_code == 400
    assert _post(officer, other_agreement, paid_on="2021-11-11", amount="0.01").status_code == 302
    assert sum(p.amount for p in Payment.objects.filter(agreement=other_agreement)) == Decimal("30000.00")


def test_a_payment_before_signature_is_refused(officer, other_agreement):
    response = _post(officer, other_agreement, paid_on="2021-10-01", amount="100")
    assert response.status_code == 400
    assert "il précède la signature de la convention" in response.content.decode()
    assert not Payment.objects.filter(agreement=other_agreement).exists()


def test_bad_input_is_a_french_error_not_a_traceback(officer, other_agreement):
    response = _post(officer, other_agreement, paid_on="demain", amount="beaucoup")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Saisissez une date valide, par exemple 07/10/2021." in html
    assert "Saisissez un nombre, par exemple 45000 ou 45000,50." in html
    assert not Payment.objects.filter(agreement=other_agreement).exists()


def test_only_a_post_records(officer, other_agreement):
    assert officer.get(f"/subventions/conventions/{other_agreement.pk}/versement/").status_code == 405
