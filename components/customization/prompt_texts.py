"""Customization: Universal Login texts per prompt and language.

Creates: auth0.PromptCustomText per prompt and language, its body from a JSON file under assets/prompts/.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pulumi
import pulumi_auth0 as auth0

from components.config.prompt_texts import PromptTextsSection
from components.config.template_vars import with_vars


@dataclass(frozen=True)
class PromptTextsArgs:
    texts: PromptTextsSection
    # Custom texts apply to New Universal Login, so they wait for the Prompt settings that turn it on.
    after: list[pulumi.Resource] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)  # {{ ciam.vars.* }} in the files (TenantConfig.file_vars)


def custom_text_body(text: str) -> str:
    """The file's JSON, normalised, so reformatting a file is no change in the plan or in Auth0."""
    return json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class PromptTexts(pulumi.ComponentResource):
    languages: pulumi.Output[dict[str, list[str]]]

    def __init__(self, name: str, args: PromptTextsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:customization:PromptTexts", name, None, opts)
        for prompt, languages in sorted(args.texts.items()):
            for language, file in sorted(languages.items()):
                auth0.PromptCustomText(
                    f"{name}-{prompt}-{language}",
                    prompt=prompt,
                    language=language,
                    body=custom_text_body(with_vars(file, args.variables)),
                    opts=pulumi.ResourceOptions(parent=self, depends_on=args.after),
                )
        self.languages = pulumi.Output.from_input(
            {prompt: sorted(languages) for prompt, languages in sorted(args.texts.items())}
        )
        self.register_outputs({"languages": self.languages})
