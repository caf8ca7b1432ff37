"""Is a URL's host this machine? Hosts are parsed the way browsers parse them (WHATWG URL), then `ipaddress`.

Patterns miss spellings a browser still sends to loopback: `2130706433`, `0x7f000001`, `0177.0.0.1`,
`127.1`, `0`, `[0:0:0:0:0:0:0:1]`, `[::ffff:127.0.0.1]`, full-width digits. The WHATWG steps used here:
strip leading/trailing C0 controls and spaces, drop tabs and newlines, treat `\\` like `/` and skip any
number of slashes after a special scheme, drop userinfo and port, percent-decode, map the host to lower
case (NFKC plus the IDNA dot separators), then the IPv6 parser for `[...]` and the IPv4 parser
(decimal, 0x hex, leading-0 octal, 1 to 4 parts) when the host ends in a number.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import unquote

SPECIAL_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def url_host(url: str) -> tuple[str, str] | None:
    """(scheme, raw host) of a URL, or None when it has no authority."""
    url = re.sub(r"[\t\n\r]", "", url.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11"
                                            "\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
    match = _SCHEME.match(url)
    if not match:
        return None
    scheme, rest = match.group(1).lower(), url[match.end():]
    if scheme == "file":
        return scheme, ""
    if scheme in SPECIAL_SCHEMES:
        rest = rest.lstrip("/\\")
        authority = re.split(r"[/\\?#]", rest, maxsplit=1)[0]
    elif rest.startswith("//"):
        authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
    else:
        return None
    host = authority.rsplit("@", 1)[-1]
    if host.startswith("["):
        return scheme, host[: host.find("]") + 1] if "]" in host else host
    return scheme, host.split(":", 1)[0]


def _ipv4_number(part: str) -> int | None:
    if part[:2] in ("0x", "0X"):
        digits, base = part[2:], 16
        if digits == "":
            return 0
    elif len(part) > 1 and part.startswith("0"):
        digits, base = part[1:], 8
    else:
        digits, base = part, 10
    try:
        return int(digits, base) if digits and digits.isascii() and digits.isalnum() else None
    except ValueError:
        return None


def _ends_in_number(host: str) -> bool:
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts = parts[:-1]
    last = parts[-1]
    return bool(last) and (last.isascii() and last.isdigit() or _ipv4_number(last) is not None and
                           last[:2] in ("0x", "0X"))


def parse_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The WHATWG IPv4 parser: None when the host is not a valid IPv4 spelling."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts = parts[:-1]
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_ipv4_number(p) for p in parts]
    if any(n is None for n in numbers) or any(n > 255 for n in numbers[:-1]):
        return None
    if numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return ipaddress.IPv4Address(value)


def _local_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return _local_address(address.ipv4_mapped)
        if int(address) >> 32 == 0 and int(address) > 1:  # IPv4-compatible ::a.b.c.d
            return _local_address(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        return address.is_loopback or address.is_unspecified
    return address.is_loopback or address in ipaddress.IPv4Network("0.0.0.0/8")


def is_local_host(raw_host: str) -> bool:
    """True when a browser would send a request for this host to the machine itself."""
    host = unquote(raw_host)
    if host.startswith("["):
        try:
            return _local_address(ipaddress.IPv6Address(host.strip("[]").split("%", 1)[0]))
        except ValueError:
            return False
    host = unicodedata.normalize("NFKC", host).translate(_DOTS).lower()
    if _ends_in_number(host):
        address = parse_ipv4(host)
        return address is not None and _local_address(address)
    name = host.rstrip(".")
    return name in LOCAL_NAMES or name.endswith(".localhost")


def is_local_url(url: object) -> bool:
    """True for file:// URLs and for URLs whose host is loopback, unspecified or a localhost name."""
    if not isinstance(url, str):
        return False
    parsed = url_host(url)
    if parsed is None:
        return False
    scheme, host = parsed
    return scheme == "file" or is_local_host(host)
