"""Secrets that travel in URLs (calendar subscription tokens) are cut out of every log line:
Django's request log (a 404 names its path) and gunicorn's access log."""

from __future__ import annotations

import logging
import re

# /subventions/agenda/<token>.ics — a calendar application cannot send a header, so the token is
# in the path; it is as good as a password until it expires or is revoked.
SECRET_IN_PATH = re.compile(r"(/agenda/)[^/\s?\"']+?(\.ics)")


def redact(text: str) -> str:
    return SECRET_IN_PATH.sub(r"\1[jeton masqué]\2", text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
