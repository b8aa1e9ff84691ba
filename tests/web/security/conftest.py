"""The attacker's tools: the clerks' small council and meeting (from the clerk tests)."""

from ..clerk.conftest import council, greffe, meeting  # noqa: F401
from ..grants.conftest import media_root, other_agreement  # noqa: F401
