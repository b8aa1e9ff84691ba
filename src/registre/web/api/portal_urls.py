from django.urls import path

from . import portal

app_name = "opendata"
urlpatterns = [
    path("", portal.index, name="index"),
    path("scdl-deliberations.csv", portal.deliberations_csv, name="scdl-deliberations"),
    path("scdl-subventions.csv", portal.grants_csv, name="scdl-subventions"),
]
