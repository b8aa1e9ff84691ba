from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "registre.web.downloads"
    label = "downloads"
    verbose_name = "Téléchargement des documents"
