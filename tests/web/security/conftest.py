"""The attacker's tools: the clerks' client and the grants fixtures (council, meeting: tests/web)."""

import pytest

from ..clerk.conftest import greffe  # noqa: F401 (council and meeting: tests/web/conftest.py)
from ..grants.conftest import media_root, other_agreement  # noqa: F401
from ..test_permissions import objects  # noqa: F401 (the permission matrix's records)


@pytest.fixture
def agreement(demo):
    return demo["agreement"]
