from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("scdl-deliberations.csv", views.deliberations_csv, name="scdl-deliberations"),
    path("scdl-subventions.csv", views.grants_csv, name="scdl-subventions"),
]
