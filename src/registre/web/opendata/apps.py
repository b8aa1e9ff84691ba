from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "registre.web.opendata"
    label = "opendata"
    verbose_name = "Données ouvertes"
