"""The attacker's tools: the clerks' small council and meeting, the grants fixtures."""

import pytest

from ..clerk.conftest import council, greffe, meeting  # noqa: F401
from ..grants.conftest import media_root, other_agreement  # noqa: F401
from ..test_permissions import objects  # noqa: F401 (the permission matrix's records)


@pytest.fixture
def agreement(demo):
    return demo["agreement"]
