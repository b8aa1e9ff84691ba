"""/api/: the REST API (v1), its OpenAPI document (/api/schema/) and its documentation (/api/docs/)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("authorities", views.AuthorityViewSet, basename="authority")
router.register("deliberations", views.DeliberationViewSet, basename="deliberation")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("clerk/deliberations", views.ClerkDeliberationViewSet, basename="clerk-deliberation")

SCHEMA_SETTINGS = {
    "TITLE": "API Registre",
    "DESCRIPTION": (
        "Délibérations publiées, votes (Popolo) et données ouvertes au format SCDL, en lecture pour tous ; "
        "écriture pour le secrétariat des assemblées avec le jeton de sa collectivité "
        "(en-tête « Authorization: Token <clé> », voir `registre manage api_token`)."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["registre.web.api.urls.only_this_api"],
}


def only_this_api(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class SchemaView(SpectacularAPIView):
    permission = "public"
    authentication_classes: list = []
    custom_settings = SCHEMA_SETTINGS


class DocsView(SpectacularRedocView):
    permission = "public"
    authentication_classes: list = []


app_name = "api"
urlpatterns = [
    path("v1/", include(("registre.web.api.urls_v1", "v1"))),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
]
