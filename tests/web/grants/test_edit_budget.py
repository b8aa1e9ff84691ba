"""The forecast budget: an unbalanced budget, or one where the grant makes a profit, is refused whole."""

from decimal import Decimal

from registre.web.grants.models import BudgetLine


def _lines(lines, totals=None):
    data = {
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for index, (side, funder, label, amount) in enumerate(lines):
        data.update(
            {
                f"lines-{index}-side": side,
                f"lines-{index}-funder": funder,
                f"lines-{index}-label": label,
                f"lines-{index}-amount": amount,
            }
        )
    data.update(totals or {})
    return data


def _post(client, agreement, data):
    return client.post(f"/subventions/conventions/{agreement.pk}/budget/", data)


def _snapshot(agreement):
    return list(BudgetLine.objects.filter(agreement=agreement).values_list("label", "amount"))


def test_the_form_shows_the_example_lines(officer, agreement):
    html = officer.get(f"/subventions/conventions/{agreement.pk}/budget/").content.decode()
    assert 'value="Personnel"' in html and 'value="433942.00"' in html


def test_an_unbalanced_budget_is_refused_and_nothing_changes(officer, agreement):
    before = _snapshot(agreement)
    response = _post(
        officer,
        agreement,
        _lines(
            [
                ("expense", "", "Personnel", "100000"),
                ("revenue", "authority", "Grand Besançon Métropole", "45000"),
                ("revenue", "state", "Etat", "50000"),
            ]
        ),
    )
    assert response.status_code == 400
    assert (
        "Budget prévisionnel déficitaire : recettes 95\u202f000\u00a0€, dépenses 100\u202f000\u00a0€"
        in response.content.decode()
    )
    assert _snapshot(agreement) == before


def test_a_grant_that_would_make_a_profit_is_refused(officer, agreement):
    response = _post(
        officer,
        agreement,
        _lines(
            [
                ("expense", "", "Personnel", "40000"),
                ("revenue", "authority", "Grand Besançon Métropole", "45000"),
            ]
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "elle ne peut donner lieu à profit" in html and "excédentaire" in html


def test_printed_totals_that_do_not_add_up_are_refused(officer, agreement):
    response = _post(
        officer,
        agreement,
        _lines(
            [
                ("expense", "", "Personnel", "100000"),
                ("revenue", "authority", "Grand Besançon Métropole", "45000"),
                ("revenue", "services", "Prestations", "55000"),
            ],
            {"stated_expenses": "100001"},
        ),
    )
    assert response.status_code == 400
    assert "Le total des dépenses indiqué (100\u202f001\u00a0€)" in response.content.decode()


def test_a_balanced_budget_is_saved(officer, agreement):
    response = _post(
        officer,
        agreement,
        _lines(
            [
                ("expense", "", "Personnel", "100000"),
                ("revenue", "authority", "Grand Besançon Métropole", "45000"),
                ("revenue", "services", "Prestations", "55000"),
            ],
            {"stated_expenses": "100000", "stated_revenues": "100000"},
        ),
    )
    assert response.status_code == 302
    assert _snapshot(agreement) == [
        ("Personnel", Decimal("100000.00")),
        ("Grand Besançon Métropole", Decimal("45000.00")),
        ("Prestations", Decimal("55000.00")),
    ]


def test_a_revenue_needs_its_funder(officer, agreement):
    response = _post(officer, agreement, _lines([("revenue", "", "Mécène", "10")]))
    assert response.status_code == 400
    assert "Indiquez le financeur de cette recette." in response.content.decode()
