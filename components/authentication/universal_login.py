"""User authentication: the Universal Login experience.

Creates: auth0.Prompt (new or classic experience, identifier-first, passkeys as first factor).
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.prompts import PromptSettings


@dataclass(frozen=True)
class UniversalLoginArgs:
    settings: PromptSettings


class UniversalLogin(pulumi.ComponentResource):
    experience: pulumi.Output[str]

    def __init__(self, name: str, args: UniversalLoginArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:UniversalLogin", name, None, opts)
        prompt = auth0.Prompt(f"{name}-prompt", **args.settings.model_dump(), opts=pulumi.ResourceOptions(parent=self))
        self.experience = prompt.universal_login_experience
        self.register_outputs({"experience": self.experience})
