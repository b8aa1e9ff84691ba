from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "registre.web.front"
    label = "front"
    verbose_name = "Portail public"
