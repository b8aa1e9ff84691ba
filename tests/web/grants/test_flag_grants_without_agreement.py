"""The dashboard lists the published grant deliberations without an agreement, with the amount
read from the budget line, the decision or the text, or says why it could not be read."""

import pytest

from registre.web.grants.amounts import grant_amount
from registre.web.register.models import Item

from ..conftest import publish_accepting_warnings

KAYAK = "Le Conseil décide d'attribuer une subvention de fonctionnement de 12 500 € au club."


@pytest.fixture
def grant_deliberation(second_deliberation):
    """grant_deliberation(decision): a second grant deliberation (ACTES 7.5) of the example
    meeting, no agreement, published (through the service: a published act never changes, so
    each test publishes the decision it needs) unless ``publish=False``."""

    def create(decision: str = KAYAK, publish: bool = True):
        deliberation = second_deliberation(
            title="Subvention au club de kayak", decision=decision, actes_code="7.5"
        )
        Item.objects.filter(pk=deliberation.item_id).update(unanimous=True)  # adopted, as the extract says
        if publish:
            publish_accepting_warnings(deliberation)
        return deliberation

    return create


def _row(html: str, number: str) -> str:
    start = html.index(f"n°{number}")
    return html[start : html.index("</tr>", start)]


def test_the_amount_in_the_decision_is_read(officer, grant_deliberation):
    grant_deliberation()
    row = _row(officer.get("/subventions/").content.decode(), "2021/005796")
    assert "12\u202f500\u00a0€" in row and "lu dans la décision" in row
    assert "Convention facultative" in row and "Montant non lu" not in row


def test_an_amount_above_the_threshold_requires_an_agreement(officer, grant_deliberation):
    grant_deliberation("attribue une subvention d'un montant de 30 000,00 euros")
    row = _row(officer.get("/subventions/").content.decode(), "2021/005796")
    assert "30\u202f000\u00a0€" in row and 'data-finding="grant.agreement_required"' in row


def test_without_any_amount_the_dashboard_says_why(officer, grant_deliberation):
    grant_deliberation("Le Conseil approuve.")
    row = _row(officer.get("/subventions/").content.decode(), "2021/005796")
    assert "Montant non lu : ni l&#x27;inscription budgétaire, ni la décision, ni le texte" in row


def test_drafts_are_not_listed(officer, grant_deliberation):
    grant_deliberation(publish=False)
    assert "n°2021/005796" not in officer.get("/subventions/").content.decode()


def test_where_the_amount_is_read():
    assert grant_amount("Montant de l'opération : 45 000 €", "", "").source == "inscription budgétaire"
    assert str(grant_amount("", "une subvention de 3 000,50 € ", "").amount) == "3000.50"
    two = grant_amount("", "une subvention de 3 000 € à A et une subvention de 5 000 € à B", "")
    assert two.amount is None and "plusieurs montants de subvention (3 000,00 €, 5 000,00 €)" in two.reason
    assert grant_amount("", "", "attribue une subvention de 900 euros").amount == 900
