"""Open data: the official SCDL formats (Délibérations, Subventions) out and in, and votes as Popolo.

Framework-free: plain records in, validated SCDL rows and files out; published SCDL files in,
every row out with what it states and its findings (field + rule), only what is not a row
refused. The web layer and the CLI wire these to the database.
"""

from .findings import Finding, PublicationBlocked  # noqa: F401
from .records import DeliberationRecord, GrantRecord  # noqa: F401
from .schemas import DELIBERATIONS, GRANTS, KINDS, official_schema  # noqa: F401
