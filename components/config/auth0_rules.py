"""Combinations Auth0 rejects or silently ignores, refused before anything is registered.

Each check takes the validated `Blueprint` and yields (dotted key path, one-line message naming the rule).
Where each rule comes from is in the workstream docs (links there, not in the messages).
"""


import ipaddress
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from components.config.custom_domain import all_custom_domains
from components.config.prompt_texts import PROMPT_SCREENS

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

Problems = Iterable[tuple[str, str]]

# With identifier-first, Auth0 splits these prompts into an identifier screen and a password screen.
_SPLIT_BY_IDENTIFIER_FIRST = {"login": ("login-id", "login-password"), "signup": ("signup-id", "signup-password")}


def custom_domain_in_emails_needs_a_ready_domain(blueprint: "Blueprint") -> Problems:
    verified = [domain for _, domain in all_custom_domains(blueprint) if domain.verify]
    if blueprint.tenant.flags.enable_custom_domain_in_emails and not verified:
        yield "tenant.flags.enable_custom_domain_in_emails", (
            "Auth0 accepts this flag only once a custom domain is ready: set custom_domain.verify: true "
            "(the tenant then waits for the verification), or prefer custom_domain.default: true")


def default_domain_needs_verification(blueprint: "Blueprint") -> Problems:
    for path, domain in all_custom_domains(blueprint):
        if domain.default and not domain.verify:
            yield f"{path}.default", f"Auth0 makes only a ready domain the default: set {path}.verify: true"


def acl_signal_types_are_anded(blueprint: "Blueprint") -> Problems:
    for key, acl in blueprint.network_acls.items():
        kinds = sorted(acl.match.model_dump(exclude_none=True)) if acl.match else []
        if len(kinds) > 1 and not acl.all_signals:
            yield f"network_acls.{key}.match", (
                f"signals of different types ({', '.join(kinds)}) are ANDed: only requests matching all of them "
                "are caught; split the rule per signal type, or set all_signals: true if that is meant")


def _blocked_networks(blueprint: "Blueprint") -> Iterable[tuple[str, ipaddress.IPv4Network | ipaddress.IPv6Network]]:
    for key, acl in blueprint.network_acls.items():
        if acl.active and acl.action == "block" and acl.match:
            for cidr in [*(acl.match.ipv4_cidrs or []), *(acl.match.ipv6_cidrs or [])]:
                yield key, ipaddress.ip_network(cidr, strict=False)


def allowlisted_ranges_are_not_blocked(blueprint: "Blueprint") -> Problems:
    protection = blueprint.attack_protection
    if protection is None:
        return
    blocked = list(_blocked_networks(blueprint))
    for section in ("brute_force_protection", "suspicious_ip_throttling"):
        for index, entry in enumerate(getattr(protection, section).allowlist):
            network = ipaddress.ip_network(entry, strict=False)
            for key, cidr in blocked:
                if network.version == cidr.version and network.overlaps(cidr):
                    yield f"attack_protection.{section}.allowlist.{index}", (
                        f"{entry} is exempted here but network_acls.{key} blocks {cidr}; "
                        "an allowlisted range must not be blocked by the firewall")


def captcha_is_shown_sometimes(blueprint: "Blueprint") -> Problems:
    protection = blueprint.attack_protection
    bot = protection.bot_detection if protection else None
    policies = ("challenge_password_policy", "challenge_passwordless_policy", "challenge_password_reset_policy")
    if protection and protection.captcha and bot and all(getattr(bot, p) == "never" for p in policies):
        yield "attack_protection.captcha", (
            "bot detection challenges no flow (every challenge_*_policy is never), so Auth0 never shows this "
            "CAPTCHA; set a policy to when_risky or always, or remove captcha")


def prompt_texts_fit_the_login_flow(blueprint: "Blueprint") -> Problems:
    prompts = blueprint.prompts
    for prompt, split in _SPLIT_BY_IDENTIFIER_FIRST.items():
        if prompts and prompts.identifier_first and prompt in blueprint.prompt_texts:
            yield f"prompt_texts.{prompt}", (
                f"with prompts.identifier_first: true Auth0 shows the {' and '.join(split)} prompts, "
                f"never {prompt}; move these texts there")


def prompt_text_screens_are_known(blueprint: "Blueprint") -> Problems:
    for prompt, languages in blueprint.prompt_texts.items():
        screens = PROMPT_SCREENS.get(prompt)
        for language, file in languages.items() if screens else ():
            for screen in json.loads(file.text):
                if screen not in screens:
                    yield f"prompt_texts.{prompt}.{language}", (
                        f"{file.path}: prompt {prompt} has no screen '{screen}' (screens: {', '.join(screens)})")


def classic_pages_need_classic_login(blueprint: "Blueprint") -> Problems:
    experience = blueprint.prompts.universal_login_experience if blueprint.prompts else "new"
    for page in ("change_password", "login", "guardian_mfa"):
        if experience == "new" and blueprint.pages and getattr(blueprint.pages, page):
            yield f"pages.{page}", (
                "a Classic Login page, never shown with prompts.universal_login_experience: new; "
                "customize the Universal Login prompts (prompt_texts, prompt_partials) instead")


def webauthn_relying_party_fits_the_login_domain(blueprint: "Blueprint") -> Problems:
    domains = [domain.domain for _, domain in all_custom_domains(blueprint)]
    for factor in ("webauthn_roaming", "webauthn_platform"):
        settings = getattr(blueprint.mfa, factor, None) if blueprint.mfa else None
        identifier = settings.relying_party_identifier if settings else None
        if domains and identifier and not any(domain == identifier or domain.endswith(f".{identifier}")
                                              for domain in domains):
            yield f"mfa.{factor}.relying_party_identifier", (
                f"{identifier} is not {' or '.join(domains)} or a suffix of one: WebAuthn keys work only for a "
                "login domain or a registrable suffix of it")


AUTH0_RULES = [
    custom_domain_in_emails_needs_a_ready_domain,
    default_domain_needs_verification,
    acl_signal_types_are_anded,
    allowlisted_ranges_are_not_blocked,
    captcha_is_shown_sometimes,
    prompt_texts_fit_the_login_flow,
    prompt_text_screens_are_known,
    classic_pages_need_classic_login,
    webauthn_relying_party_fits_the_login_domain,
]
