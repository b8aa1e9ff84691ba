from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("scdl-deliberations.csv", views.deliberations_csv, name="scdl-deliberations"),
    path("scdl-deliberations-rapport.json", views.deliberations_report, name="scdl-deliberations-report"),
    path("scdl-subventions.csv", views.grants_csv, name="scdl-subventions"),
    path("scdl-subventions-rapport.json", views.grants_report, name="scdl-grants-report"),
    path("chaine-des-actes.csv", views.chain_csv, name="chain"),
]
