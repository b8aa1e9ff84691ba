"""Clerks' API tokens: "Authorization: Token reg_…", one authority per token."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from .models import ApiToken, hash_key


class AuthorityTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "En-tête Authorization mal formé : « Token <clé> » attendu."
            )
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("Jeton illisible.") from None
        token = (
            ApiToken.objects.select_related("user", "authority")
            .filter(key_hash=hash_key(key), revoked=False)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("Jeton inconnu ou révoqué.")
        if not (token.user.is_clerk and token.user.authority_id == token.authority_id):
            raise exceptions.AuthenticationFailed(
                "Ce jeton n'est plus celui d'un secrétariat de cette collectivité."
            )
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class ClerkToken(permissions.BasePermission):
    message = "Réservé au secrétariat des assemblées, avec le jeton de sa collectivité."

    def has_permission(self, request, view):
        return isinstance(request.auth, ApiToken)


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "registre.web.api.auth.AuthorityTokenAuthentication"
    name = "jetonCollectivite"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "« Token <clé> » : jeton d'un secrétariat, limité à sa collectivité.",
        }
