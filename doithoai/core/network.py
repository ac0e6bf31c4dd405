"""The client's address, as the one place that reads it (rate limits, login lockout, logs).

Behind a reverse proxy `REMOTE_ADDR` is the proxy: counting it would make the whole city share one
quota. `X-Forwarded-For` names the client, but anyone can send that header, so it is read only
when the request comes from a proxy named in `DOITHOAI_TRUSTED_PROXIES` (addresses or networks),
and then from the right: each proxy appends the address it received the request from, so the
right-most address that is not a trusted proxy is the first one no trusted hop could forge."""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

UNKNOWN = "unknown"


def parse_address(text: str) -> IPAddress | None:
    """An address as a proxy writes it ("203.0.113.7", "2001:db8::1", "[2001:db8::1]:443",
    "203.0.113.7:51000"), IPv4-mapped IPv6 as IPv4; None when it is none of these."""
    text = (text or "").strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # IPv4 with a port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@lru_cache(maxsize=8)
def _networks(configured: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in configured)


def trusted_proxies() -> tuple[IPNetwork, ...]:
    """The networks of `DOITHOAI_TRUSTED_PROXIES` (a list or a comma-separated string)."""
    configured = getattr(settings, "DOITHOAI_TRUSTED_PROXIES", ())
    if isinstance(configured, str):
        configured = configured.split(",")
    return _networks(tuple(e.strip() for e in configured if e and e.strip()))


def _trusted(address: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_address(request: HttpRequest) -> str:
    """The address of the client that sent `request`: `REMOTE_ADDR`, unless that is a trusted
    proxy; then the right-most address of `X-Forwarded-For` that is not a trusted proxy (every
    entry trusted: the left-most; an entry that is no address stops the walk at the last trusted
    hop). "unknown" when there is no address at all."""
    remote_text = str(request.META.get("REMOTE_ADDR") or "")
    remote = parse_address(remote_text)
    if remote is None:
        return remote_text[:64] or UNKNOWN
    networks = trusted_proxies()
    if not networks or not _trusted(remote, networks):
        return str(remote)
    client = remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    for entry in reversed(forwarded.split(",")):
        hop = parse_address(entry)
        if hop is None:
            break
        client = hop
        if not _trusted(hop, networks):
            break
    return str(client)


def client_key(request: HttpRequest) -> str:
    """What a per-client counter is keyed on: the IPv4 address, or the /64 network of an IPv6
    one (a single subscriber commonly holds a whole /64 and could rotate addresses in it)."""
    text = client_address(request)
    address = parse_address(text)
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return text
