"""Demo data for open data: what the example extract does not print but the SCDL formats require.

DEMO VALUES, not taken from the extract:
- the authority's SIRET: SIREN 242500361 is Grand Besançon Métropole's (public); the NIC 00017
  was chosen for a valid checksum and is NOT verified against the SIRENE register;
- the prefecture transmission (ACTES id and date): plausible, invented for the demo;
- the beneficiary's SIRET (the grants demo's "Pôle des Microtechniques" has none, and SCDL
  Subventions requires a SIRET or an RNA number): 99999999800019, fictitious (SIREN 999999998),
  checksum valid, so that the demo's Subventions export can be published.
The budget (year 2021, main budget) is read from the extract's budget line "BP 2021 …".
"""

from __future__ import annotations

import datetime as dt

DEMO_SIRET = "24250036100017"
DEMO_TRANSMISSION_ID = "025-242500361-20211012-2021_005795-DE"
DEMO_TRANSMITTED_ON = dt.date(2021, 10, 12)
DEMO_BENEFICIARY_SIRET = "99999999800019"


def load_demo(context: dict) -> None:
    authority = context["authority"]
    if not authority.siret:
        authority.siret = DEMO_SIRET
        authority.save(update_fields=["siret"])
    deliberation = context["deliberation"]
    changed = []
    if not deliberation.prefecture_transmission_id:
        deliberation.prefecture_transmission_id = DEMO_TRANSMISSION_ID
        changed.append("prefecture_transmission_id")
    if not deliberation.prefecture_transmitted_on:
        deliberation.prefecture_transmitted_on = DEMO_TRANSMITTED_ON
        changed.append("prefecture_transmitted_on")
    if changed:
        type(deliberation).objects.filter(pk=deliberation.pk).update(
            **{f: getattr(deliberation, f) for f in changed}
        )
    agreement = context.get("agreement")
    if agreement is not None and not agreement.beneficiary.siret:
        agreement.beneficiary.siret = DEMO_BENEFICIARY_SIRET
        agreement.beneficiary.save(update_fields=["siret"])
