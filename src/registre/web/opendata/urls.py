from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("scdl-deliberations.csv", views.deliberations_csv, name="scdl-deliberations"),
    path("scdl-subventions.csv", views.grants_csv, name="scdl-subventions"),
    path("scdl-deliberations.rapport.json", views.deliberations_report, name="report-deliberations"),
    path("scdl-subventions.rapport.json", views.grants_report, name="report-subventions"),
    path("chaine-des-actes.csv", views.chain_csv, name="chain"),
    path("historique/", views.history_list, name="history"),
    path("historique/subventions/<int:pk>/", views.complete_grant, name="complete-grant"),
    path("historique/deliberations/<int:pk>/", views.complete_deliberation, name="complete-deliberation"),
]
