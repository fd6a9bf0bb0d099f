"""The addresses students type to reach a host: its network interfaces' addresses and the port."""

from __future__ import annotations

import ipaddress

import ifaddr

ALL_IPV4 = "0.0.0.0"
ALL_IPV6 = "::"


def interface_addresses() -> list[str]:
    """This computer's IPv4 addresses on its networks (loopback and link-local left out)."""
    found = []
    try:
        adapters = ifaddr.get_adapters()
    except OSError:
        return []
    for adapter in adapters:
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6: students type IPv4 addresses
            address = ipaddress.ip_address(ip.ip)
            if not (address.is_loopback or address.is_link_local):
                found.append(str(address))
    return sorted(set(found), key=lambda a: ipaddress.ip_address(a).packed)


def join_addresses(bind: str, port: int) -> list[str]:
    """What students type in "Join a class", e.g. ['192.168.1.20:8470']: every network
    address when the host listens on all of them, otherwise the one it listens on."""
    if bind in (ALL_IPV4, ALL_IPV6, ""):
        hosts = interface_addresses() or ["127.0.0.1"]
    else:
        hosts = [bind]
    return [f"[{h}]:{port}" if ":" in h else f"{h}:{port}" for h in hosts]
