"""Termination: one month's notice after a formal notice, or none for false declarations; no payment afterwards."""

import datetime as dt


def _post(client, agreement, **data):
    return client.post(
        f"/subventions/conventions/{agreement.pk}/resiliation/",
        {f"termination-{name}": value for name, value in data.items()},
    )


def test_termination_before_the_notice_period_is_refused(officer, other_agreement):
    response = _post(
        officer,
        other_agreement,
        formal_notice_on="2022-02-15",
        terminated_on="2022-03-14",
        ground="Programme non réalisé",
    )
    assert response.status_code == 400
    assert (
        'id="id_termination-terminated_on_errors"><span>Erreur : Préavis non respecté : la résiliation ne peut prendre effet avant le '
        "15 mars 2022"
    ) in response.content.decode()
    other_agreement.refresh_from_db()
    assert other_agreement.terminated_on is None


def test_termination_needs_a_formal_notice_unless_without_notice(officer, other_agreement):
    response = _post(officer, other_agreement, terminated_on="2022-03-14", ground="Programme non réalisé")
    assert response.status_code == 400
    assert "mise en demeure par lettre recommandée" in response.content.decode()


def test_termination_is_recorded_and_stops_payments(officer, other_agreement):
    response = _post(
        officer,
        other_agreement,
        formal_notice_on="2022-02-15",
        terminated_on="2022-03-15",
        ground="Programme non réalisé",
    )
    assert response.status_code == 302
    other_agreement.refresh_from_db()
    assert other_agreement.terminated_on == dt.date(2022, 3, 15)
    html = officer.get(f"/subventions/conventions/{other_agreement.pk}/").content.decode()
    assert "Convention résiliée le 15 mars 2022 après mise en demeure du 15 février 2022" in html
    response = officer.post(
        f"/subventions/conventions/{other_agreement.pk}/versement/",
        {"payment-paid_on": "2022-04-01", "payment-amount": "100"},
    )
    assert response.status_code == 400
    assert "Versement refusé : la convention est résiliée." in response.content.decode()
    assert (
        _post(
            officer, other_agreement, terminated_on="2022-05-01", without_notice="on", ground="x"
        ).status_code
        == 400
    )
