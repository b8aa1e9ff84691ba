from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "registre.web.grants"
    label = "grants"
    verbose_name = "Conventions de subvention"
