"""Finding 6: `registre serve` silently created the demo accounts (a superuser with a published
password) and signed sessions with a hard-coded key; `check --deploy` gave 5 warnings. Now:
outside demo mode, no key or a demo account still on its published password refuses the start;
the demo exists only in demo mode; the production settings documented in the README pass
`registre manage check --deploy` with no warning."""

import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .loopback import Browser, clean_env, free_port

REGISTRE = str(Path(sys.executable).with_name("registre"))
# the production environment of the README (« Mise en production »)
PRODUCTION = {
    "REGISTRE_SECRET_KEY": secrets.token_urlsafe(50),
    "REGISTRE_HTTPS": "1",
    "REGISTRE_ALLOWED_HOSTS": "registre.grandbesancon.example",
}


def _run(tmp_path, *arguments, timeout=300, **env):
    return subprocess.run(
        [REGISTRE, *arguments],
        cwd=tmp_path,
        env=clean_env(REGISTRE_VAR_DIR=str(tmp_path / "var"), **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_documented_production_settings_pass_check_deploy(tmp_path):
    result = _run(tmp_path, "manage", "check", "--deploy", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_without_them_check_deploy_names_what_is_missing(tmp_path):
    result = _run(tmp_path, "manage", "check", "--deploy")
    for warning in ("security.W004", "security.W008", "security.W009", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def test_serve_refuses_to_start_without_a_secret_key(tmp_path):
    result = _run(tmp_path, "serve", "--port", str(free_port()), timeout=60)
    assert result.returncode == 2
    assert "Démarrage refusé. REGISTRE_SECRET_KEY n'est pas défini" in result.stderr
    assert not (tmp_path / "var" / "registre.sqlite3").exists()  # refused before touching the database


def test_serve_refuses_demo_accounts_outside_demo_mode(tmp_path):
    loaded = _run(tmp_path, "demo")
    assert loaded.returncode == 0
    assert "mode démonstration uniquement" in loaded.stdout and "admin" in loaded.stdout
    result = _run(tmp_path, "serve", "--port", str(free_port()), timeout=120, **PRODUCTION)
    assert result.returncode == 2
    assert "Démarrage refusé. Comptes de démonstration au mot de passe connu" in result.stderr
    assert "admin" in result.stderr


def test_serve_outside_demo_mode_creates_no_account(tmp_path):
    port = free_port()
    env = clean_env(
        REGISTRE_VAR_DIR=str(tmp_path / "var"), REGISTRE_SECRET_KEY=PRODUCTION["REGISTRE_SECRET_KEY"]
    )
    log = tmp_path / "server.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [REGISTRE, "serve", "--port", str(port), "--workers", "1"],
            cwd=tmp_path,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(port, process, log)
        assert "Créez le premier administrateur : registre manage createsuperuser" in log.read_text()
        assert "registre-demo" not in log.read_text()
    finally:
        process.terminate()
        process.wait(timeout=30)
    with sqlite3.connect(tmp_path / "var" / "registre.sqlite3") as database:
        assert database.execute("select count(*) from accounts_user").fetchone() == (0,)


def test_the_wsgi_application_refuses_the_development_key(tmp_path):
    env = clean_env(REGISTRE_VAR_DIR=str(tmp_path / "var"))
    result = subprocess.run(
        [sys.executable, "-c", "import registre.web.wsgi"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: REGISTRE_SECRET_KEY n'est pas défini" in result.stderr


def test_demo_mode_keeps_one_random_key(tmp_path):
    from registre.web.security.deployment import demo_secret_key

    first = demo_secret_key(tmp_path)
    assert first == demo_secret_key(tmp_path) and len(first) >= 50
    assert (tmp_path / "demo-secret-key").stat().st_mode & 0o077 == 0


@pytest.mark.django_db
def test_session_cookies_are_short_lived_and_secure_behind_https(client, settings, demo):
    from django.test import Client

    assert settings.SESSION_COOKIE_AGE == 4 * 3600 and settings.SESSION_SAVE_EVERY_REQUEST
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True  # what REGISTRE_HTTPS=1 sets
    settings.SECURE_HSTS_SECONDS = 31536000
    secure = Client()
    response = secure.get("/comptes/connexion/", secure=True)
    assert "Secure" in str(response.cookies["csrftoken"]) or response.cookies["csrftoken"]["secure"]
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def _wait_for(port, process, log, timeout=120):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(log.read_text())
        try:
            if Browser(port, "127.0.0.1").get("/").status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"pas de réponse : {log.read_text()}")
