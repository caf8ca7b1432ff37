"""`prompts` (Management API /prompts) -> blueprint `prompts`; custom texts and partials go to the report."""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields
from cli.adopt.translate import Translation
from components.config.prompts import PromptSettings

SOURCE = "prompts"
TARGET = "prompts"


def translate(ctx: Translation) -> None:
    items = ctx.export.get(SOURCE, [])
    data = items[0].data if items and isinstance(items[0].data, dict) else {}
    if not data:
        return
    prompts: dict = {}
    copy_fields(ctx, TARGET, TARGET, data, prompts, PromptSettings)
    ctx.blueprint[TARGET] = prompts
