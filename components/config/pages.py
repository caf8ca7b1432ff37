"""`pages`: Auth0's hosted classic pages as Liquid HTML files (Management API tenant settings pages).

The error page is not here: `tenant.error_page` owns it (html file or redirect URL), so one resource
writes it. Where users land after a password reset is `email_templates.reset_email.result_url`.
"""


from typing import Any

from pydantic import Field, model_validator

from components.config.types import AssetFile, Strict


class HostedPage(Strict):
    html: AssetFile
    enabled: bool = Field(True, description="false shows Auth0's default page and keeps the html")


class PagesSection(Strict):
    change_password: HostedPage | None = Field(None, description="the password reset page (classic)")
    login: HostedPage | None = Field(None, description="the classic login page; New Universal Login ignores it")
    guardian_mfa: HostedPage | None = Field(None, description="the classic MFA page")

    @model_validator(mode="before")
    @classmethod
    def _error_page_lives_in_tenant(cls, data: Any) -> Any:
        if isinstance(data, dict) and "error" in data:
            raise ValueError("the error page is configured as tenant.error_page (html or url), not pages.error")
        return data
