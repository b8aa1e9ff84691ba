"""The OpenAPI document (/api/schema/) and its documentation page (/api/docs/).

Every error the API can answer is declared: a postprocessing hook adds, to every operation, the
answers DRF gives on its own (406 when the Accept header cannot be met, 415 for a request body
of another media type, 404 where the path names a record), so that what the document says and
what the API does stay the same. The documentation is Redoc from drf-spectacular-sidecar,
served with the project's static files: the page loads nothing from another host.
"""

from __future__ import annotations

from django.templatetags.static import static
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

ERROR_REF = {"$ref": "#/components/schemas/Error"}
COMMON_ERRORS = {
    "406": "format de réponse demandé (en-tête Accept) non disponible",
}
BODY_ERRORS = {
    "400": "requête invalide (corps illisible ou champ refusé)",
    "415": "type de média du corps non accepté (en-tête Content-Type)",
}
PATH_ERRORS = {"404": "introuvable"}

SCHEMA_SETTINGS = {
    "TITLE": "API Registre",
    "DESCRIPTION": (
        "Délibérations publiées, votes (Popolo) et données ouvertes au format SCDL, en lecture pour tous ; "
        "écriture pour le secrétariat des assemblées avec le jeton de sa collectivité "
        "(en-tête « Authorization: Token <clé> », voir `registre manage api_token`). "
        'Toute erreur répond {"detail": "…"} en français (et, pour une requête invalide, '
        '"errors" : les messages par champ).'
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["registre.web.api.schema.only_this_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "registre.web.api.schema.declare_errors",
    ],
}


def only_this_api(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def _answer(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def declare_errors(result, generator, request, public):
    """The errors DRF answers by itself, declared on each operation that can receive them."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            errors = dict(COMMON_ERRORS)
            if "requestBody" in operation:
                errors.update(BODY_ERRORS)
            if "{" in path:
                errors.update(PATH_ERRORS)
            for status, description in errors.items():
                responses.setdefault(status, _answer(description))
    return result


class SchemaView(SpectacularAPIView):
    permission = "public"
    authentication_classes: list = []
    custom_settings = SCHEMA_SETTINGS


class DocsView(SpectacularRedocView):
    """Redoc from the sidecar's static files, in a page of our own: French, no web fonts."""

    permission = "public"
    authentication_classes: list = []
    template_name = "api/redoc.html"
    title = "API Registre — documentation"

    # what the page may load: only this host (Redoc's footer would fetch its logo from its CDN)
    CONTENT_SECURITY_POLICY = (
        "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "style-src 'self' 'unsafe-inline'; font-src 'self'; worker-src 'self' blob:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response["Content-Security-Policy"] = self.CONTENT_SECURITY_POLICY
        return response

    @staticmethod
    def _redoc_standalone() -> str:
        return static("drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js")
