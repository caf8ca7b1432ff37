"""The `options` block of an auth0.Connection, built from its blueprint model (pure: no registration).

Secrets come in through `secret`, so the caller decides how a reference becomes a value (a secret Output
in the program, a marker in tests).
"""

from __future__ import annotations

from collections.abc import Callable

import pulumi
import pulumi_auth0 as auth0

from components.config.connections import (
    Connection,
    DatabaseConnection,
    EmailPasswordless,
    SmsPasswordless,
    SocialConnection,
)
from components.config.enterprise_connections import ENTERPRISE_STRATEGIES
from components.config.types import SecretRef
from components.provisioning.enterprise_options import enterprise_options

SecretResolver = Callable[[SecretRef], pulumi.Input[str]]


def _database(connection: DatabaseConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    custom = connection.custom_database
    return auth0.ConnectionOptionsArgs(
        password_policy=connection.password_policy,
        password_complexity_options=auth0.ConnectionOptionsPasswordComplexityOptionsArgs(
            **connection.password_complexity_options.model_dump()),
        password_histories=[auth0.ConnectionOptionsPasswordHistoryArgs(**connection.password_history.model_dump())],
        password_dictionary=auth0.ConnectionOptionsPasswordDictionaryArgs(
            **connection.password_dictionary.model_dump()),
        password_no_personal_info=auth0.ConnectionOptionsPasswordNoPersonalInfoArgs(
            **connection.password_no_personal_info.model_dump()),
        requires_username=connection.requires_username,
        disable_signup=connection.disable_signup,
        brute_force_protection=connection.brute_force_protection,
        attributes=[_verified_email(connection.email_verification)] if connection.email_verification else None,
        # Set explicitly off for a plain database, so a hand-made change in the dashboard shows as drift.
        enabled_database_customization=custom is not None,
        import_mode=custom.import_mode if custom else False,
        custom_scripts={"login": custom.login.text, "get_user": custom.get_user.text} if custom else None,
        configuration={name: secret(ref) for name, ref in custom.configuration.items()} if custom else None,
    )


def _verified_email(method: str) -> auth0.ConnectionOptionsAttributeArgs:
    return auth0.ConnectionOptionsAttributeArgs(emails=[auth0.ConnectionOptionsAttributeEmailArgs(
        identifiers=[auth0.ConnectionOptionsAttributeEmailIdentifierArgs(active=True)],
        signups=[auth0.ConnectionOptionsAttributeEmailSignupArgs(
            status="required", verifications=[auth0.ConnectionOptionsAttributeEmailSignupVerificationArgs(active=True)]
        )],
        unique=True,
        profile_required=True,
        verification_method=method,
    )])


def _social(connection: SocialConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(
        client_id=connection.client_id,
        client_secret=secret(connection.client_secret),
        scopes=list(connection.scopes) or None,
        set_user_root_attributes=connection.set_user_root_attributes,
        non_persistent_attrs=list(connection.non_persistent_attrs) or None,
        allowed_audiences=list(connection.allowed_audiences) or None,
        strategy_version=connection.strategy_version,
        team_id=connection.team_id,
        key_id=connection.key_id,
    )


def _email(connection: EmailPasswordless) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(
        name="email",
        from_=connection.from_,
        subject=connection.subject,
        syntax="liquid",
        template=connection.template.text,
        totp=auth0.ConnectionOptionsTotpArgs(**connection.totp.model_dump()),
        disable_signup=connection.disable_signup,
        brute_force_protection=connection.brute_force_protection,
    )


def _sms(connection: SmsPasswordless, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(
        name="sms",
        provider="twilio",
        twilio_sid=connection.twilio_sid,
        twilio_token=secret(connection.twilio_token),
        from_=connection.from_,
        messaging_service_sid=connection.messaging_service_sid,
        syntax="md_with_macros",
        template=connection.template,
        totp=auth0.ConnectionOptionsTotpArgs(**connection.totp.model_dump()),
        disable_signup=connection.disable_signup,
        brute_force_protection=connection.brute_force_protection,
    )


def connection_options(connection: Connection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    if isinstance(connection, DatabaseConnection):
        return _database(connection, secret)
    if isinstance(connection, SocialConnection):
        return _social(connection, secret)
    if isinstance(connection, EmailPasswordless):
        return _email(connection)
    if connection.strategy in ENTERPRISE_STRATEGIES:
        return enterprise_options(connection, secret)
    return _sms(connection, secret)


def holds_users(connection: Connection) -> bool:
    """Deleting a database connection deletes its users; social, passwordless and enterprise users sign in again."""
    return isinstance(connection, DatabaseConnection)
