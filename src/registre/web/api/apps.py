from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "registre.web.api"
    label = "api"
    verbose_name = "API"
