from django.urls import path

from registre.web.accounts.permissions import public

from . import views

app_name = "front"
urlpatterns = [
    path("", public(views.home), name="home"),
    path(
        "deliberations/<slug:authority>/<int:year>/<int:sequence>/",
        public(views.deliberation_detail),
        name="deliberation",
    ),
    path(
        "deliberations/<slug:authority>/<int:year>/<int:sequence>/acte.json",
        public(views.act_json),
        name="act-json",
    ),
    path("seances/<int:pk>/", public(views.meeting_detail), name="meeting"),
]
