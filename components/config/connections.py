"""`connections`: where users come from, keyed by a stable key; the Auth0 connection `name` defaults to it.

One model per kind, chosen by `strategy`: database (`auth0`, optionally a custom database for lazy
migration), social, passwordless (`email`, `sms`) and enterprise (components/config/enterprise_connections.py).
"""


from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from components.config.enterprise_connections import EnterpriseConnection
from components.config.social_scopes import STRATEGY_ONLY_OPTIONS, scope_problem
from components.config.types import PATTERN_MEANINGS, AssetFile, Key, Secret, Strict

_CONNECTION_NAME = r"^[a-zA-Z0-9](-?[a-zA-Z0-9])*$"
PATTERN_MEANINGS[_CONNECTION_NAME] = "a connection name of letters, digits and single '-' (no '_')"
ConnectionName = Annotated[str, Field(pattern=_CONNECTION_NAME, max_length=128)]
SOCIAL_STRATEGIES = ("google-oauth2", "apple", "facebook", "github", "windowslive", "linkedin")


class _Common(Strict):
    name: ConnectionName | None = Field(None, description="Auth0 connection name; changing it replaces the "
                                        "connection (for a database: its users are lost); defaults to the key")
    display_name: str | None = None
    enabled_applications: list[Key] = Field(default_factory=list, description="application keys")


class PasswordComplexity(Strict):
    min_length: Annotated[int, Field(ge=1, le=128)] = 12


class PasswordHistory(Strict):
    enable: bool = True
    size: Annotated[int, Field(ge=1, le=24)] = 5


class PasswordDictionary(Strict):
    enable: bool = True
    dictionaries: list[str] = Field(default_factory=list, description="extra words, on top of Auth0's list")


class PasswordNoPersonalInfo(Strict):
    enable: bool = True


class CustomDatabase(Strict):
    """Lazy migration: Auth0 calls these scripts until every user has logged in once."""

    import_mode: bool = Field(True, description="copy each user into Auth0 on first successful login")
    login: AssetFile
    get_user: AssetFile
    configuration: dict[Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")], Secret] = Field(
        default_factory=dict, description="values the scripts read from the `configuration` global"
    )


class DatabaseConnection(_Common):
    strategy: Literal["auth0"]
    password_policy: Literal["none", "low", "fair", "good", "excellent"] = "good"
    password_complexity_options: PasswordComplexity = Field(default_factory=PasswordComplexity)
    password_history: PasswordHistory = Field(default_factory=PasswordHistory)
    password_dictionary: PasswordDictionary = Field(default_factory=PasswordDictionary)
    password_no_personal_info: PasswordNoPersonalInfo = Field(default_factory=PasswordNoPersonalInfo)
    requires_username: bool = False
    disable_signup: bool = False
    brute_force_protection: bool = True
    email_verification: Literal["link", "otp"] | None = Field(
        None, description="verify the email at sign-up (Auth0 flexible identifiers); not with requires_username"
    )
    custom_database: CustomDatabase | None = None

    # Checks across fields are field validators on the last field they read: a model validator on a member of
    # the `strategy` union would be reported under the union's tag instead of the user's key path.
    @field_validator("email_verification")
    @classmethod
    def _identifiers(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value and info.data.get("requires_username"):
            raise ValueError("email_verification uses Auth0's flexible identifiers, which Auth0 does not allow "
                             "together with requires_username")
        return value


class SocialConnection(_Common):
    strategy: Literal["google-oauth2", "apple", "facebook", "github", "windowslive", "linkedin"]
    client_id: str = Field(min_length=1, description="the provider's app id (Apple: the Services ID)")
    client_secret: Secret = Field(description="Apple: the .p8 private key")
    scopes: list[str] = Field(default_factory=list, description="the permissions asked for, as Auth0 names them "
                              "(google-oauth2: email, profile, gmail, ...; github: email, read_user, read_org, ...)")
    set_user_root_attributes: Literal["on_each_login", "on_first_login", "never_on_login"] | None = Field(
        None, description="when the provider's profile overwrites the Auth0 user's root attributes")
    non_persistent_attrs: list[str] = Field(default_factory=list, description="profile attributes Auth0 must not "
                                            "store (e.g. gender, birthday)")
    allowed_audiences: list[str] = Field(default_factory=list, description="google-oauth2 only: other Google client "
                                         "ids (Android, iOS) whose ID tokens native sign-in accepts")
    strategy_version: Annotated[int, Field(ge=1, le=3)] | None = Field(None, description="linkedin and "
                                                                       "windowslive only")
    team_id: str | None = Field(None, description="Apple only")
    key_id: str | None = Field(None, description="Apple only", validate_default=True)

    @field_validator("scopes")
    @classmethod
    def _known_scopes(cls, scopes: list[str], info: ValidationInfo) -> list[str]:
        problem = scope_problem(info.data.get("strategy", ""), scopes)
        if problem:
            raise ValueError(problem)
        return scopes

    @field_validator("allowed_audiences", "strategy_version")
    @classmethod
    def _for_its_strategies(cls, value, info: ValidationInfo):
        strategies = STRATEGY_ONLY_OPTIONS[info.field_name]
        if value and info.data.get("strategy") not in strategies:
            raise ValueError(f"{info.field_name} applies only to {' and '.join(strategies)}")
        return value

    @field_validator("key_id")
    @classmethod
    def _apple_keys(cls, value: str | None, info: ValidationInfo) -> str | None:
        apple, team_id = info.data.get("strategy") == "apple", info.data.get("team_id")
        if apple and not (team_id and value):
            raise ValueError("apple needs team_id and key_id")
        if not apple and (team_id or value):
            raise ValueError("team_id and key_id apply only to apple")
        return value


class Totp(Strict):
    length: Annotated[int, Field(ge=4, le=10)] = 6
    time_step: Annotated[int, Field(ge=60, le=3600)] = 300


class EmailPasswordless(_Common):
    strategy: Literal["email"]
    from_: str = Field(alias="from", description="sender, e.g. '{{ application.name }} <login@acme.example>'")
    subject: str
    template: AssetFile = Field(description="Liquid HTML file with {{ code }} or {{ link }}")
    totp: Totp = Field(default_factory=Totp)
    disable_signup: bool = False
    brute_force_protection: bool = True


class SmsPasswordless(_Common):
    strategy: Literal["sms"]
    twilio_sid: str
    twilio_token: Secret
    from_: str | None = Field(None, alias="from", description="sender number; or messaging_service_sid")
    messaging_service_sid: str | None = Field(None, validate_default=True)
    template: str = "Your verification code is: @@password@@"
    totp: Totp = Field(default_factory=Totp)
    disable_signup: bool = False
    brute_force_protection: bool = True

    @field_validator("messaging_service_sid")
    @classmethod
    def _one_sender(cls, value: str | None, info: ValidationInfo) -> str | None:
        if (info.data.get("from_") is None) == (value is None):
            raise ValueError("set exactly one of from or messaging_service_sid")
        return value


Connection = Annotated[
    DatabaseConnection | SocialConnection | EmailPasswordless | SmsPasswordless | EnterpriseConnection,
    Field(discriminator="strategy")
]
