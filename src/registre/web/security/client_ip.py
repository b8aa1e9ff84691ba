"""The visitor's address for login throttling: REMOTE_ADDR, or behind REGISTRE_PROXY_COUNT
trusted reverse proxies the address the outermost of them saw (X-Forwarded-For, read from the
right: the left part is whatever the client claimed and is never trusted)."""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str | None:
    proxies = getattr(settings, "REGISTRE_PROXY_COUNT", 0)
    if proxies:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")
