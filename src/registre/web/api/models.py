"""API tokens: a clerk's token is bound to one authority; only its SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    PREFIX = "reg_"
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    authority = models.ForeignKey(
        "register.Authority", on_delete=models.CASCADE, related_name="api_tokens", verbose_name="collectivité"
    )
    label = models.CharField("libellé", max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked = models.BooleanField("révoqué", default=False)

    class Meta:
        verbose_name = "jeton d'API"
        verbose_name_plural = "jetons d'API"

    def __str__(self) -> str:
        return f"{self.label or 'jeton'} — {self.user} ({self.authority})"

    @classmethod
    def issue(cls, user, authority=None, label: str = "") -> tuple[ApiToken, str]:
        """A new token for a clerk of ``authority`` (default: the user's). The key is shown once."""
        authority = authority or user.authority
        if authority is None or not (user.is_clerk and user.authority_id == authority.pk):
            raise ValueError("seul le secrétariat d'une collectivité reçoit un jeton, pour sa collectivité")
        key = cls.PREFIX + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, authority=authority, label=label, key_hash=hash_key(key)), key
