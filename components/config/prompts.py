"""`prompts`: the Universal Login experience (Management API `/prompts` settings; texts live elsewhere)."""


from typing import Literal

from components.config.types import Strict


class PromptSettings(Strict):
    universal_login_experience: Literal["new", "classic"] = "new"
    identifier_first: bool = False
    webauthn_platform_first_factor: bool = False
