from django.urls import include, path

from . import views
from .root import ApiRootView
from .urls import router

urlpatterns = [
    path("", ApiRootView.as_view(), name="root"),
    path("", include(router.urls)),
    path("councils/<str:pk>/roster/", views.CouncilRosterView.as_view(), name="council-roster"),
    path("opendata/scdl-deliberations.csv", views.ScdlDeliberationsView.as_view(), name="scdl-deliberations"),
    path("opendata/scdl-subventions.csv", views.ScdlGrantsView.as_view(), name="scdl-subventions"),
    path("clerk/imports/scdl/", views.ClerkScdlImportView.as_view(), name="clerk-scdl-import"),
]
