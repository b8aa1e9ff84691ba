import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registre.web.settings")
application = get_wsgi_application()

from registre.web.security.deployment import key_problem  # noqa: E402 (needs the settings)

if problem := key_problem():
    raise ImproperlyConfigured(problem)
