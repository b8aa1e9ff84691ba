"""gunicorn's access log without the secrets that travel in URLs (``--logger-class``)."""

from __future__ import annotations

from gunicorn.glogging import Logger

from .logs import redact


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        # every text atom: the request line, the path, the referer, any header logged
        return {
            key: redact(value) if isinstance(value, str) else value
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
