import datetime as dt
from decimal import Decimal as D

import pytest

from registre.core.grants import euros, format_euros, format_percent
from registre.core.grants.dates import add_months, format_date


def test_amounts_as_written():
    assert euros("45 000") == D("45000.00")
    assert euros("45\u202f000,50 €") == D("45000.50")
    assert euros(846442) == D("846442.00")
    assert euros(D("0.005")) == D("0.01")


@pytest.mark.parametrize("bad", ["quarante", "1,2,3", "NaN", "Infinity"])
def test_unreadable_amounts_are_french_errors(bad):
    with pytest.raises(ValueError, match="montant illisible"):
        euros(bad)


def test_french_spelling():
    assert format_euros(D("846442")) == "846\u202f442\u00a0€"
    assert format_euros(D("1234.5")) == "1\u202f234,50\u00a0€"
    assert format_euros(D("-5")) == "-5\u00a0€"
    assert format_percent(D(425012) / D(846442)) == "50,2\u00a0%"


def test_dates():
    assert add_months(dt.date(2022, 1, 31), 1) == dt.date(2022, 2, 28)
    assert add_months(dt.date(2021, 10, 15), 3) == dt.date(2022, 1, 15)
    assert format_date(dt.date(2022, 11, 1)) == "1er novembre 2022"
    assert format_date(None) == "—"
