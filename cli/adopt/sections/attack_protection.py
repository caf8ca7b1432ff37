"""`attackProtection` (Management API /attack-protection/*) -> blueprint `attack_protection`.

a0deploy names the parts camelCase (`bruteForceProtection`); their fields are the Management API's. CAPTCHA
secrets (a provider's `secret`, reCAPTCHA Enterprise's `api_key`) become secret references.
"""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields
from cli.adopt.translate import Translation
from components.config import attack_protection as model

SOURCE = "attackProtection"
TARGET = "attack_protection"
PARTS = {"bruteForceProtection": ("brute_force_protection", model.BruteForce),
         "breachedPasswordDetection": ("breached_password_detection", model.BreachedPassword),
         "suspiciousIpThrottling": ("suspicious_ip_throttling", model.SuspiciousIpThrottling),
         "botDetection": ("bot_detection", model.BotDetection)}


def _stage(target: str, name: str, values) -> dict:
    if target == "suspicious_ip_throttling":
        return {name.replace("-", "_"): values}
    return {f"{name.replace('-', '_')}_shields": (values or {}).get("shields")}


CAPTCHA_SECRETS = ("secret", "api_key")


def _captcha(ctx: Translation, data: dict) -> dict | None:
    """The API keeps each provider's settings under its id and names the one in use `active_provider_id`."""
    provider = data.get("active_provider_id")
    if not provider:
        return None
    where = f"{TARGET}.captcha.{provider}"
    settings = data.get(provider) or {}
    captcha: dict = {"provider": provider}
    plain = {k: v for k, v in settings.items() if k not in CAPTCHA_SECRETS}
    copy_fields(ctx, TARGET, where, plain, captcha, model.Captcha, used={"provider"})
    # The Management API never returns the secret; a provider that needs one gets a reference either way.
    needed = {"auth_challenge": (), "simple_captcha": (), "recaptcha_enterprise": ("api_key",)}.get(provider,
                                                                                                 ("secret",))
    for field in CAPTCHA_SECRETS:
        if field in settings or field in needed:
            captcha[field] = ctx.secret(TARGET, settings.get(field), f"{where}.{field}", f"captcha_{provider}_{field}")
    for other in sorted(set(data) - {"active_provider_id", provider}):
        if data[other]:
            ctx.report.unexpressed(TARGET, f"{TARGET}.captcha.{other}", "settings of a CAPTCHA provider not in use")
    return captcha


def translate(ctx: Translation) -> None:
    items = ctx.export.get(SOURCE, [])
    data = items[0].data if items and isinstance(items[0].data, dict) else {}
    section: dict = {}
    for source, (target, part_model) in PARTS.items():
        part = data.get(source) or data.get(target)
        if isinstance(part, dict):
            section[target] = out = {}
            flat = {k: v for k, v in part.items() if k not in ("stage", "admin_notification_frequency")}
            if part.get("admin_notification_frequency") is not None:
                flat["admin_notification_frequencies"] = part["admin_notification_frequency"]
            # The Management API nests per-stage settings under `stage`; the blueprint names them flat.
            for name, values in (part.get("stage") or {}).items():
                flat.update(_stage(target, name, values))
            copy_fields(ctx, TARGET, f"{TARGET}.{target}", flat, out, part_model)
    captcha = _captcha(ctx, data["captcha"]) if isinstance(data.get("captcha"), dict) else None
    if captcha:
        section["captcha"] = captcha
    for name in sorted(set(data) - set(PARTS) - {t for t, _ in PARTS.values()} - {"captcha"}):
        ctx.report.unexpressed(TARGET, f"{TARGET}.{name}")
    if section:
        ctx.blueprint[TARGET] = section
