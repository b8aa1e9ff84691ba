from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .permissions import authenticated, public

app_name = "accounts"
urlpatterns = [
    path(
        "connexion/", public(auth_views.LoginView.as_view(template_name="accounts/login.html")), name="login"
    ),
    path("deconnexion/", public(auth_views.LogoutView.as_view()), name="logout"),
    path("", authenticated(views.home), name="home"),
]
