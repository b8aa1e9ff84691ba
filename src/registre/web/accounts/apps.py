from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "registre.web.accounts"
    label = "accounts"
    verbose_name = "Comptes"
