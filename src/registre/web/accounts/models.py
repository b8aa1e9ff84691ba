"""Who may do what: every user has one role; clerks and beneficiaries are bound
to what they may see (their authority; their organisation in the grants app)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    CLERK, ADMINISTRATOR, BENEFICIARY, GRANTS_OFFICER = (
        "clerk",
        "administrator",
        "beneficiary",
        "grants_officer",
    )
    ROLES = [
        (CLERK, "Secrétariat des assemblées"),
        (GRANTS_OFFICER, "Service des subventions"),
        (ADMINISTRATOR, "Administrateur"),
        (BENEFICIARY, "Bénéficiaire"),
    ]
    role = models.CharField("rôle", max_length=20, choices=ROLES, default=CLERK)
    authority = models.ForeignKey(
        "register.Authority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name="collectivité",
        help_text="Pour le secrétariat et le service des subventions : la seule collectivité visible.",
    )

    class Meta:
        verbose_name = "utilisateur"

    @property
    def is_clerk(self) -> bool:
        return self.role == self.CLERK and self.authority_id is not None

    @property
    def is_grants_officer(self) -> bool:
        return self.role == self.GRANTS_OFFICER and self.authority_id is not None

    @property
    def is_administrator(self) -> bool:
        return self.role == self.ADMINISTRATOR or self.is_superuser

    @property
    def is_beneficiary(self) -> bool:
        return self.role == self.BENEFICIARY
