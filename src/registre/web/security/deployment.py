"""What `registre serve` (and the WSGI application) refuse to start with outside demo mode:
no secret key of one's own, and accounts whose password anyone can read in the README."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

DEMO_KEY_FILE = "demo-secret-key"


def demo_secret_key(var_dir: Path) -> str:
    """Demo mode without REGISTRE_SECRET_KEY: a random key kept in the var directory, so that
    every gunicorn worker and every restart signs sessions with the same one."""
    path = var_dir / DEMO_KEY_FILE
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def key_problem() -> str | None:
    from django.conf import settings

    if settings.DEMO_MODE or settings.SECRET_KEY != settings.INSECURE_SECRET_KEY:
        return None
    return (
        "REGISTRE_SECRET_KEY n'est pas défini : sans clé secrète propre à l'installation, les sessions et "
        "les liens d'abonnement au calendrier seraient falsifiables. Définissez-la (au moins 50 caractères "
        'aléatoires, par exemple : python3 -c "import secrets; print(secrets.token_urlsafe(50))"), '
        "ou lancez la démonstration : registre serve --demo (make run)."
    )


def accounts_with_known_password() -> list[str]:
    """Active accounts that still have the demo password (the README prints it)."""
    from registre.web.accounts.models import User
    from registre.web.register.demo import DEMO_PASSWORD, demo_usernames

    candidates = User.objects.filter(username__in=demo_usernames(), is_active=True)
    return sorted(user.username for user in candidates if user.check_password(DEMO_PASSWORD))


def known_password_problem() -> str | None:
    from django.conf import settings

    if settings.DEMO_MODE:
        return None
    found = accounts_with_known_password()
    if not found:
        return None
    return (
        f"Comptes de démonstration au mot de passe connu dans cette base : {', '.join(found)}. "
        "Hors démonstration, changez leur mot de passe (registre manage changepassword NOM) ou "
        "désactivez-les dans l'administration ; ou lancez la démonstration : registre serve --demo."
    )
