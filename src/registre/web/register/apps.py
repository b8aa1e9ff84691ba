from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "registre.web.register"
    label = "register"
    verbose_name = "Registre"
