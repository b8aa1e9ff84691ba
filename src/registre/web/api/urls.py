"""/api/: the REST API (v1) and its root (/api/v1/), its OpenAPI document (/api/schema/), its
documentation (/api/docs/); any other address under /api/ answers a French JSON 404."""

from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from . import views
from .root import not_found
from .schema import DocsView, SchemaView

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False  # ours (root.ApiRootView) declares its schema and permission
router.register("authorities", views.AuthorityViewSet, basename="authority")
router.register("deliberations", views.DeliberationViewSet, basename="deliberation")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("clerk/deliberations", views.ClerkDeliberationViewSet, basename="clerk-deliberation")

app_name = "api"
urlpatterns = [
    path("v1/", include(("registre.web.api.urls_v1", "v1"))),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"^(?P<rest>.*)$", not_found, name="not-found"),
]
