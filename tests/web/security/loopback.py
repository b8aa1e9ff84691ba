"""A real `registre serve --demo` (gunicorn) on loopback, and a small HTTP client that can speak
from any loopback address (127.0.0.0/8), so that one test can be several attackers."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

REGISTRE = Path(sys.executable).with_name("registre")


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without the test run's database and settings: the server under
    test gets only what the README documents."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "REGISTRE_")) and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    port: int
    log: Path
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def start_demo_server(directory: Path, timeout: float = 180) -> Server:
    """Fresh SQLite database and var directory: the demo is loaded, gunicorn serves it."""
    port = free_port()
    env = clean_env(REGISTRE_VAR_DIR=str(directory / "var"))
    log = directory / "server.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(REGISTRE), "serve", "--demo", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
            cwd=directory,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = Server(port, log, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté : {log.read_text()}")
        try:
            if Browser(port, "127.0.0.1").get("/").status == 200:
                return server
        except OSError:
            time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"le serveur n'a pas répondu en {timeout} s : {log.read_text()}")


@dataclass
class Response:
    status: int
    headers: dict
    body: str


@dataclass
class Browser:
    """One visitor: a loopback source address and its cookies."""

    port: int
    address: str
    cookies: dict = field(default_factory=dict)

    def request(self, method: str, path: str, form: dict | None = None) -> Response:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            for name, value in answer.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return Response(
                answer.status, dict(answer.getheaders()), answer.read().decode("utf-8", "replace")
            )
        finally:
            connection.close()

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def login(self, username: str, password: str) -> Response:
        page = self.get("/comptes/connexion/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1)
        return self.request(
            "POST",
            "/comptes/connexion/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": ""},
        )
