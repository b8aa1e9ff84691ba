"""/api/v1/: what the API offers, for someone who starts there; and a French 404 for any other
address under /api/ (a JSON answer, as every answer of the API)."""

from __future__ import annotations

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from registre.web.accounts.permissions import public

from .views import PublicMixin

# (name, path under /api/v1/, what it gives, who may use it): the paths of urls_v1
RESOURCES = [
    ("authorities", "authorities/", "Collectivités", "public"),
    ("authority", "authorities/{slug}/", "Une collectivité, par son identifiant", "public"),
    ("deliberations", "deliberations/", "Délibérations publiées (filtres, pagination)", "public"),
    ("deliberation", "deliberations/{id}/", "Une délibération publiée, avec son texte", "public"),
    ("meeting", "meetings/{id}/", "Une séance et ses délibérations publiées", "public"),
    ("meeting-popolo", "meetings/{id}/popolo/", "Votes d'une séance au format Popolo", "public"),
    ("council-roster", "councils/{id}/roster/", "Composition d'une assemblée au format Popolo", "public"),
    ("scdl-deliberations", "opendata/scdl-deliberations.csv", "SCDL Délibérations (CSV)", "public"),
    ("scdl-subventions", "opendata/scdl-subventions.csv", "SCDL Subventions (CSV)", "public"),
    ("clerk-deliberations", "clerk/deliberations/", "Délibérations de ma collectivité", "jeton"),
    ("clerk-deliberation", "clerk/deliberations/{id}/", "Lire ou modifier un brouillon", "jeton"),
    ("clerk-publish", "clerk/deliberations/{id}/publish/", "Publier un brouillon", "jeton"),
    ("clerk-scdl-import", "clerk/imports/scdl/", "Importer un fichier SCDL", "jeton"),
]


class ResourceSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.CharField(
        help_text="adresse ; {id} : un identifiant numérique, {slug} : un identifiant texte"
    )
    description = serializers.CharField()
    access = serializers.ChoiceField(
        choices=["public", "jeton"], help_text="jeton : en-tête « Authorization: Token <clé> »"
    )


class ApiRootSerializer(serializers.Serializer):
    title = serializers.CharField()
    version = serializers.CharField()
    documentation = serializers.CharField()
    schema = serializers.CharField()
    resources = ResourceSerializer(many=True)


class ApiRootView(PublicMixin, APIView):
    @extend_schema(summary="Ce que l'API propose", responses={200: ApiRootSerializer})
    def get(self, request):
        base = request.build_absolute_uri(reverse("api:v1:root"))
        return Response(
            {
                "title": "API Registre",
                "version": "1.0.0",
                "documentation": request.build_absolute_uri(reverse("api:docs")),
                "schema": request.build_absolute_uri(reverse("api:schema")),
                "resources": [
                    {"name": name, "url": base + path, "description": description, "access": access}
                    for name, path, description, access in RESOURCES
                ],
            }
        )


@public
def not_found(request, rest=""):
    """Any other address under /api/: JSON, in French; a missing final slash is added."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    return JsonResponse(
        {"detail": f"Adresse inconnue de l'API : {request.path} (ce que l'API propose : /api/v1/)."},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
