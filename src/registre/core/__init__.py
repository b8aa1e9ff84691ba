"""Rules core: the meeting, the CGCT rules and the vote engine. Pure Python.

Nothing here imports a framework, a database or a file format: adapters convert
their records into these objects and back.
"""

from . import reference  # noqa: F401  (the item-by-item engine, kept as the tests' oracle)
from .certification import PublicationFinding, publication_findings  # noqa: F401
from .model import (  # noqa: F401
    WHOLE_MEETING,
    Attendance,
    Authority,
    Ballot,
    Item,
    Meeting,
    Member,
    Proxy,
    Vote,
    VoteKind,
    Window,
)
from .names import fold, member_key  # noqa: F401
from .rules import RULE_SETS, RuleSet, rules_on  # noqa: F401
from .tally import ItemTally, MeetingTally, tally_meeting  # noqa: F401
from .violations import Severity, Violation  # noqa: F401
