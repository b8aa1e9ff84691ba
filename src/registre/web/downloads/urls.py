from django.urls import path

from . import views

app_name = "downloads"

urlpatterns = [
    path("deliberations/<int:pk>/extrait.<str:format>", views.public_extract, name="public_extract"),
    path("seances/<int:pk>/liste.<str:format>", views.public_list, name="public_list"),
    path("greffe/deliberations/<int:pk>/extrait.<str:format>", views.clerk_extract, name="clerk_extract"),
    path(
        "greffe/seances/<int:pk>/<str:kind>.<str:format>", views.clerk_meeting_document, name="clerk_meeting"
    ),
    path("conventions/<int:pk>/convention.<str:format>", views.agreement, name="agreement"),
]
