"""The client's real address: X-Forwarded-For is believed only when it comes from a proxy we were told to trust."""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(spec: str) -> tuple:
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip())


def _trusted(address: str, networks: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request) -> str:
    """REMOTE_ADDR, or, when that peer is a trusted proxy, the right-most X-Forwarded-For hop that is not one."""
    peer = request.META.get("REMOTE_ADDR", "")
    networks = _networks(settings.ZHAOSHANG_TRUSTED_PROXIES)
    if not networks or not _trusted(peer, networks):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer  # a garbled hop: the proxy's own address is all we know
    return peer
