"""Customization: HTML partials inside Universal Login screens.

Creates: auth0.PromptScreenPartials per prompt (one resource owns every screen's partials of that prompt),
the HTML from files under assets/partials/.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pulumi
import pulumi_auth0 as auth0

from components.config.prompt_partials import PromptPartialsSection
from components.config.template_vars import with_vars


@dataclass(frozen=True)
class PromptPartialsArgs:
    partials: PromptPartialsSection
    # Partials render inside the page template, which needs the custom domain: both come first.
    after: list[pulumi.Resource] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)  # {{ ciam.vars.* }} in the files (TenantConfig.file_vars)


class PromptPartials(pulumi.ComponentResource):
    prompts: pulumi.Output[list[str]]

    def __init__(self, name: str, args: PromptPartialsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:customization:PromptPartials", name, None, opts)
        for prompt, screens in sorted(args.partials.items()):
            auth0.PromptScreenPartials(
                f"{name}-{prompt}",
                prompt_type=prompt,
                screen_partials=[
                    auth0.PromptScreenPartialsScreenPartialArgs(
                        screen_name=screen,
                        insertion_points=auth0.PromptScreenPartialsScreenPartialInsertionPointsArgs(**{
                            point: with_vars(file, args.variables) for point, file in points if file is not None
                        }),
                    )
                    for screen, points in ((s, sorted(p)) for s, p in sorted(screens.items()))
                ],
                opts=pulumi.ResourceOptions(parent=self, depends_on=args.after),
            )
        self.prompts = pulumi.Output.from_input(sorted(args.partials))
        self.register_outputs({"prompts": self.prompts})
