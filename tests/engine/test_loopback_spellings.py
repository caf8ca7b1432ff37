"""The local-URL rule (`client-no-local-urls`) sees every spelling a browser sends to this machine."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policies.ciam_rules.hosts import is_local_url, parse_ipv4

LOCAL = [
    "http://localhost:3000/callback", "https://LOCALHOST./cb", "http://app.localhost/cb", "http://127.0.0.1/",
    "http://127.1/", "http://127.0.1/", "http://0/", "http://0.0.0.0:8080/", "http://2130706433/",
    "http://0x7f000001/", "http://0X7F.0.0.1/", "http://0177.0.0.1/", "http://0177.1/", "http://017700000001/",
    "http://127.0.0.1./", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/", "http://[::]/", "http://[0::0]:80/", "http://[::127.0.0.1]/",
    "https://user:pw@127.0.0.1/", "https://evil.example@localhost/", "http:\\\\127.0.0.1\\cb",
    "http:/127.0.0.1/", "http:127.0.0.1", "  http://127.0.0.1/  ", "ht\ttp://127.0.0.1/", "http://127.0.0.1\n/",
    "http://%31%32%37.0.0.1/", "http://１２７．０．０．１/", "http://ｌｏｃａｌｈｏｓｔ/", "http://127。0。0。1/",
    "http://0x7f.1/", "http://0x/", "wss://127.255.255.254/", "file:///etc/passwd", "file:/etc/passwd",
    "http://*.localhost/", "http://localhost.localdomain/", "http://[::ffff:0.0.0.0]/",
]
NOT_LOCAL = [
    "https://www.example.com/callback", "https://127.0.0.1.example.com/", "https://localhost.example.com/",
    "https://example.com/?next=http://localhost/", "https://example.com/#127.0.0.1", "https://128.0.0.1/",
    "https://8.8.8.8/", "https://[2001:db8::1]/", "https://1.2.3.4.5/", "https://0x100000000/",
    "https://256.0.0.1/", "com.example.app://callback", "https://mylocalhost/", "https://10.0.0.1/",
    "https://[fe80::1]/", "", "not a url",
]


@pytest.mark.parametrize("url", LOCAL)
def test_every_loopback_spelling_is_local(url):
    assert is_local_url(url), url


@pytest.mark.parametrize("url", NOT_LOCAL)
def test_public_hosts_are_not_local(url):
    assert not is_local_url(url), url


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_an_ipv4_number_in_any_base_means_that_address(value):
    address = ipaddress.IPv4Address(value)
    for spelling in (str(value), hex(value), "0" + oct(value)[2:] if value else "0", str(address)):
        assert parse_ipv4(spelling) == address, spelling
        assert is_local_url(f"https://{spelling}/") == (address.is_loopback or value < 2**24), spelling


@given(st.integers(min_value=0, max_value=2**24 - 1))
def test_every_address_in_127_slash_8_is_local_in_two_part_form(low):
    assert is_local_url(f"http://127.{low}/"), low
    assert is_local_url(f"http://[::ffff:{ipaddress.IPv4Address((127 << 24) + low)}]/"), low
