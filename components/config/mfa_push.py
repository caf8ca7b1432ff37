"""`mfa.push` and `mfa.duo`: the factors that send to an app (Guardian push) or to Duo.

Push goes to the Auth0 Guardian app (`provider: guardian`, Auth0's own push service) or to your own app built
with the Guardian SDK (`custom_app`), which Auth0 reaches through Amazon SNS (`sns`) or directly through APNs
and FCM (`direct`). Every credential is a secret reference.
"""


from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.config.types import PATTERN_MEANINGS, HttpsUrl, Secret, Strict

_ARN = r"^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:app/[A-Z_]+/[A-Za-z0-9_.-]+$"
_REGION = r"^[a-z]{2}(-[a-z]+)+-\d$"
PATTERN_MEANINGS.update({_ARN: "an SNS platform application ARN (arn:aws:sns:<region>:<account>:app/<APNS|GCM>/<name>)",
                         _REGION: "an AWS region such as us-east-1"})
Arn = Annotated[str, Field(pattern=_ARN, description="arn:aws:sns:<region>:<account>:app/<APNS|GCM>/<name>")]


class AmazonSns(Strict):
    aws_access_key_id: Annotated[str, Field(min_length=16, max_length=128)]
    aws_secret_access_key: Secret
    aws_region: Annotated[str, Field(pattern=_REGION, description="e.g. us-east-1")]
    sns_apns_platform_application_arn: Arn = Field(description="the SNS platform application for iOS (APNs)")
    sns_gcm_platform_application_arn: Arn = Field(description="the SNS platform application for Android (FCM)")


class DirectApns(Strict):
    enabled: bool = True
    bundle_id: Annotated[str, Field(min_length=1, description="the iOS app's bundle ID, e.g. com.acme.app")]
    p12: Secret = Field(description="the APNs certificate, base64-encoded P12")
    sandbox: bool = Field(False, description="true: the sandbox (development) APNs environment")


class DirectFcm(Strict):
    server_key: Secret = Field(description="the Firebase Cloud Messaging server key")


class CustomApp(Strict):
    app_name: Annotated[str, Field(min_length=1)] | None = None
    apple_app_link: HttpsUrl | None = Field(None, description="App Store URL of your app")
    google_app_link: HttpsUrl | None = Field(None, description="Google Play URL of your app")


class Push(Strict):
    """Push notifications (Guardian). `guardian` is the dashboard's default: the Auth0 Guardian app."""

    enabled: bool = True
    provider: Literal["guardian", "sns", "direct"] = "guardian"
    custom_app: CustomApp | None = Field(None, description="your own app built with the Guardian SDK")
    amazon_sns: AmazonSns | None = None
    direct_apns: DirectApns | None = None
    direct_fcm: DirectFcm | None = None

    @model_validator(mode="after")
    def _settings_of_the_provider(self) -> "Push":
        sns, direct = self.amazon_sns is not None, bool(self.direct_apns or self.direct_fcm)
        if self.provider == "sns" and not sns:
            raise ValueError("provider sns needs amazon_sns (access key, region and both platform ARNs)")
        if self.provider == "direct" and not direct:
            raise ValueError("provider direct needs direct_apns or direct_fcm (or both)")
        if sns and self.provider != "sns":
            raise ValueError(f"amazon_sns is used only with provider: sns (provider is {self.provider})")
        if direct and self.provider != "direct":
            raise ValueError(f"direct_apns/direct_fcm are used only with provider: direct "
                             f"(provider is {self.provider})")
        if self.custom_app and self.provider == "guardian":
            raise ValueError("custom_app needs provider sns or direct: the Auth0 Guardian app uses Auth0's own "
                             "push service")
        return self


class Duo(Strict):
    enabled: bool = True
    hostname: Annotated[str, Field(min_length=1, description="the Duo API hostname, e.g. api-1234.duosecurity.com")]
    integration_key: Annotated[str, Field(min_length=1, description="the Duo client ID")]
    secret_key: Secret = Field(description="the Duo client secret")
