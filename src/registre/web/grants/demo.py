"""Demo: the example's agreement (annexes 1–3) read by the importer, linked to
deliberation 2021/005795, with the beneficiary's account and the payment at signature.

The example leaves its signature date blank ("Fait … le ....."): the demo signs it on
15 October 2021, transmits it on 19 October and pays the 45 000 € at signature.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from registre.demo import EXAMPLE_EXTRACT
from registre.importer.agreement import read_agreement
from registre.web.accounts.models import User
from registre.web.register.demo import DEMO_PASSWORD

from . import models, services
from .conversion import store_agreement

BENEFICIARY = "Pôle des Microtechniques"
BENEFICIARY_LOGIN = "pole-microtechniques"
DEMO_ACCOUNTS = [(BENEFICIARY_LOGIN, f"bénéficiaire : {BENEFICIARY}")]
DEMO_SIGNED_ON = dt.date(2021, 10, 15)
DEMO_TRANSMITTED_ON = dt.date(2021, 10, 19)


@transaction.atomic
def load_demo(context: dict) -> None:
    authority, deliberation = context["authority"], context["deliberation"]
    beneficiary, _ = models.Beneficiary.objects.get_or_create(
        authority=authority, name=BENEFICIARY, defaults={"email": "contact@pole-microtechniques.example"}
    )
    user = User.objects.filter(username=BENEFICIARY_LOGIN).first()
    if user is None:
        user = User.objects.create_user(
            BENEFICIARY_LOGIN,
            password=DEMO_PASSWORD,
            role=User.BENEFICIARY,
            first_name="Pôle des",
            last_name="Microtechniques",
            email="contact@pole-microtechniques.example",
        )
    beneficiary.accounts.add(user)
    context.setdefault("users", {})[BENEFICIARY_LOGIN] = user
    agreement = models.Agreement.objects.filter(authority=authority, reference=deliberation.number).first()
    if agreement is None:
        reading = read_agreement(str(EXAMPLE_EXTRACT.name), EXAMPLE_EXTRACT.read_text(encoding="utf-8"))
        agreement = store_agreement(
            reading.agreement, authority=authority, beneficiary=beneficiary, deliberation=deliberation
        )
        agreement.signed_on, agreement.transmitted_on = DEMO_SIGNED_ON, DEMO_TRANSMITTED_ON
        agreement.save(update_fields=["signed_on", "transmitted_on"])
        services.record_payment(
            agreement,
            paid_on=DEMO_SIGNED_ON,
            amount=agreement.amount,
            reference="démonstration",
            tranche=agreement.tranches.first(),
        )
    context["agreement"] = agreement
