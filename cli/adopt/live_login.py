"""Reading what users see at sign-in from the live tenant: prompt texts and partials, branding and its page
template, the theme, MFA (Guardian, with its session and OTP settings), the phone provider and its templates,
in the shapes a0deploy writes them."""

from __future__ import annotations

from cli.adopt.live_session import ABSENT, Session
from cli.adopt.translate import Item
from components.config.prompt_partials import PartialPrompt
from components.config.prompt_texts import PromptName


def _prompts(session: Session, export: dict[str, list[Item]]) -> None:
    api, options = session.api, session.options
    tenant = export["tenant"][0].data if export.get("tenant") else {}
    languages = tenant.get("enabled_locales") or ["en"]
    session.say(f"reading prompt texts ({len(PromptName.__args__)} prompts x {len(languages)} languages) and partials")
    texts: dict = {}
    for language in languages:
        for prompt in PromptName.__args__:
            text = session.optional(lambda p=prompt, lang=language: api.prompts.custom_text.get(p, lang, **options))
            if text:
                texts.setdefault(language, {})[prompt] = text
    partials: dict = {}
    for prompt in PartialPrompt.__args__:
        # Without a custom domain and page template Auth0 refuses partials (403): the tenant has none.
        found = session.optional(lambda p=prompt: api.prompts.partials.get(p, **options), ABSENT + (400,))
        if found:
            partials[prompt] = found
    if not texts and not partials:
        return
    if not export.get("prompts"):
        export["prompts"] = [session.item({}, "prompts")]
    settings = export["prompts"][0].data
    if texts:
        settings["customText"] = texts
    if partials:
        settings["partials"] = partials


def _branding(session: Session, export: dict[str, list[Item]]) -> None:
    api, options = session.api, session.options
    session.say("reading branding, its page template and theme")
    branding = session.optional(lambda: api.branding.get(**options), ABSENT) or {}
    template = session.optional(lambda: api.branding.templates.get_universal_login(**options), ABSENT)
    body = template.get("body") if isinstance(template, dict) else template
    if body:
        branding["templates"] = [{"template": "universal_login", "body": {"inline": body}}]
    if branding:
        export["branding"] = [session.item(branding, "branding")]
    theme = session.optional(lambda: api.branding.themes.get_default(**options), ABSENT)
    if theme:
        export["themes"] = [session.item(theme, f"branding/themes/{theme.get('themeId')}")]


def _guardian(session: Session, export: dict[str, list[Item]]) -> None:
    api, options = session.api, session.options
    session.say("reading MFA factors and policies, and the phone provider")
    factors = session.optional(lambda: api.guardian.factors.list(**options)) or []
    export["guardianFactors"] = [session.item(f, f"guardian/factors/{f.get('name')}") for f in factors]
    policies = session.optional(lambda: api.guardian.policies.list(**options))
    if policies is not None:
        export["guardianPolicies"] = [session.item({"policies": policies}, "guardian/policies")]
    phone = api.guardian.factors.phone
    types = session.optional(lambda: phone.get_message_types(**options), ABSENT)
    if types:
        export["guardianPhoneFactorMessageTypes"] = [session.item(types, "guardian/factors/phone/message-types")]
    selected = session.optional(lambda: phone.get_selected_provider(**options), ABSENT)
    if selected and selected.get("provider") not in (None, "auth0"):
        export["guardianPhoneFactorSelectedProvider"] = [
            session.item(selected, "guardian/factors/phone/selected-provider")]
    for section, read, path in (("guardianSettings", api.guardian.get, "guardian/settings"),
                                ("guardianEmailFactorSettings", api.guardian.factors.email.get,
                                 "guardian/factors/email/settings"),
                                ("guardianPhoneFactorSettings", phone.get, "guardian/factors/phone/settings")):
        settings = session.optional(lambda read=read: read(**options), ABSENT)
        if settings:
            export[section] = [session.item(settings, path)]
    providers = session.optional(lambda: api.branding.phone.providers.list(**options), ABSENT) or {}
    export["phoneProviders"] = [session.item(p, f"branding/phone/providers/{p.get('id')}")
                                for p in providers.get("providers") or []]
    templates = session.optional(lambda: api.branding.phone.templates.list(**options), ABSENT) or {}
    export["phoneTemplates"] = [session.item(t, f"branding/phone/templates/{t.get('id')}")
                                for t in templates.get("templates") or []]


def read(session: Session, export: dict[str, list[Item]]) -> None:
    _prompts(session, export)
    _branding(session, export)
    _guardian(session, export)
