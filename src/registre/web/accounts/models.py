"""Who may do what. Every user has a role; the staff of an authority may be given a second one.

The assemblies' clerk (secrétariat des assemblées) and the grants officer (service des
subventions) are different roles: one does not imply the other. A person who does both
jobs holds both only by being given both (``role`` and ``second_role``). Clerks and grants
officers are bound to their authority; beneficiaries to their organisation (grants app).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models


class RegistreUserManager(UserManager):
    def with_role(self, role: str):
        """Users who hold ``role``, as their role or as their second one."""
        return self.filter(models.Q(role=role) | models.Q(second_role=role))


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
    STAFF_ROLES = (CLERK, GRANTS_OFFICER)  # the only roles that combine, for one authority
    role = models.CharField("rôle", max_length=20, choices=ROLES, default=CLERK)
    second_role = models.CharField(
        "second rôle",
        max_length=20,
        choices=[(CLERK, "Secrétariat des assemblées"), (GRANTS_OFFICER, "Service des subventions")],
        blank=True,
        default="",
        help_text="Pour une personne qui tient aussi l'autre fonction de la même collectivité.",
    )
    authority = models.ForeignKey(
        "register.Authority",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name="collectivité",
        help_text="Pour le secrétariat et le service des subventions : la seule collectivité visible.",
    )

    objects = RegistreUserManager()

    class Meta:
        verbose_name = "utilisateur"
        constraints = [
            models.CheckConstraint(
                name="second_role_is_the_other_staff_role",
                condition=models.Q(second_role="")
                | (
                    models.Q(role__in=("clerk", "grants_officer"))
                    & models.Q(second_role__in=("clerk", "grants_officer"))
                    & ~models.Q(second_role=models.F("role"))
                ),
            )
        ]

    def clean(self) -> None:
        super().clean()
        if self.second_role and (self.role not in self.STAFF_ROLES or self.second_role == self.role):
            raise ValidationError(
                {
                    "second_role": "Seuls le secrétariat des assemblées et le service des subventions "
                    "se cumulent : le second rôle est l'autre de ces deux fonctions."
                }
            )

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(r for r in (self.role, self.second_role) if r)

    def holds(self, role: str) -> bool:
        return role in self.roles

    @property
    def is_clerk(self) -> bool:
        return self.holds(self.CLERK) and self.authority_id is not None

    @property
    def is_grants_officer(self) -> bool:
        return self.holds(self.GRANTS_OFFICER) and self.authority_id is not None

    @property
    def is_administrator(self) -> bool:
        return self.role == self.ADMINISTRATOR or self.is_superuser

    @property
    def is_beneficiary(self) -> bool:
        return self.role == self.BENEFICIARY
