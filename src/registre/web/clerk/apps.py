from django.apps import AppConfig


class ClerkConfig(AppConfig):
    name = "registre.web.clerk"
    label = "clerk"
    verbose_name = "Secrétariat"
