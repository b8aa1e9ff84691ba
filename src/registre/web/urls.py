"""URL map. Each app owns its prefix; every view declares its permission
(registre.web.accounts.permissions), which tests/web/test_permissions.py checks."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("registre.web.front.urls")),
    path("comptes/", include("registre.web.accounts.urls")),
    path("greffe/", include("registre.web.clerk.urls")),
    path("subventions/", include("registre.web.grants.urls")),
    path("api/", include("registre.web.api.urls")),
    path("donnees/", include("registre.web.opendata.urls")),
    path("documents/", include("registre.web.downloads.urls")),
    path("admin/", admin.site.urls),
]
