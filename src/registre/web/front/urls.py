from django.urls import path

from . import views

app_name = "front"
urlpatterns = [
    path("", views.home, name="home"),
    path("deliberations/<slug:authority>/<int:year>/<int:sequence>/", views.deliberation_detail, name="deliberation"),
]
