"""The real client address (issue 24, D6): the connection's peer, or — when the peer is a listed trusted proxy
(DRAFTER_TRUSTED_PROXIES) — the last address in X-Forwarded-For that is not itself a trusted proxy. A header
from any other peer is ignored, so a client cannot choose its own address. (`drafter serve` turns uvicorn's own
proxy-header handling off: this is the one place that reads the header.)"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from fastapi import Request


@lru_cache(maxsize=16)
def _networks(proxies: tuple[str, ...]) -> tuple:
    out = []
    for item in proxies:
        try:
            out.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            continue  # an unusable entry trusts nobody
    return tuple(out)


def _trusted(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: Request) -> str:
    peer = request.client.host if request.client else "?"
    networks = _networks(tuple(request.app.state.service.settings.trusted_proxies))
    if not networks or not _trusted(peer, networks):
        return peer
    forwarded = [a.strip() for h in request.headers.getlist("x-forwarded-for") for a in h.split(",") if a.strip()]
    for address in reversed(forwarded):
        if not _trusted(address, networks):
            return address[:64]
    return forwarded[0][:64] if forwarded else peer
