"""`prompts` (Management API /prompts, /prompts/{prompt}/custom-text/{language}, /prompts/{prompt}/partials)
-> blueprint `prompts`, `prompt_texts` and `prompt_partials`.

a0deploy keeps texts as `customText: {language: {prompt: {screen: {key: text}}}}`; each prompt and language
becomes one JSON file under assets/prompts/<prompt>/<language>.json. Partials are `{prompt: {screen:
{insertion-point: html}}}` (the directory format lists `{name, template}` files per screen instead); each
becomes an HTML file under assets/partials/<prompt>/<screen>/.
"""

from __future__ import annotations

import json

from cli.adopt.sections._fields import copy_fields, singleton
from cli.adopt.translate import Item, Translation
from components.config.prompt_partials import InsertionPoints
from components.config.prompt_texts import PromptName
from components.config.prompts import PromptSettings

SOURCE = "prompts"
TARGET = "prompts"
PARTS = ("customText", "partials", "screenRenderers")


def _texts(ctx: Translation, custom_text: dict) -> None:
    texts: dict = {}
    for language, prompts in sorted(custom_text.items()):
        for prompt, screens in sorted((prompts or {}).items()):
            where = f"prompts.customText.{language}.{prompt}"
            if prompt not in PromptName.__args__ or not isinstance(screens, dict) or not screens:
                ctx.report.unexpressed("prompt_texts", where, "not a prompt this project expresses (or empty)")
                continue
            text = json.dumps(screens, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            texts.setdefault(prompt, {})[language] = ctx.text_asset(
                "prompt_texts", f"assets/prompts/{prompt}/{language}.json", text, where)
    if texts:
        ctx.blueprint["prompt_texts"] = texts


def _screen_points(item: Item, ctx: Translation, entries, where: str) -> dict:
    """{insertion point: html}: a0deploy's YAML and the API give it so; its directory format lists files."""
    if isinstance(entries, dict):
        return entries
    points = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and entry.get("name") and entry.get("template"):
            # a0deploy trims the file's text when it reads it
            points[entry["name"]] = ctx.side_file(item, entry["template"], f"{where}.{index}.template").strip()
    return points


def _partials(ctx: Translation, item: Item, partials: dict) -> None:
    out: dict = {}
    points_known = set(InsertionPoints.model_fields)
    for prompt, screens in sorted(partials.items()):
        if isinstance(screens, list):  # directory format: [{screen: [{name, template}]}]
            screens = {k: v for entry in screens if isinstance(entry, dict) for k, v in entry.items()}
        for screen, entries in sorted((screens or {}).items()):
            where = f"prompts.partials.{prompt}.{screen}"
            for point, html in sorted(_screen_points(item, ctx, entries, where).items()):
                name = point.replace("-", "_")
                if name not in points_known or not isinstance(html, str) or not html.strip():
                    ctx.report.unexpressed("prompt_partials", f"{where}.{point}", "not an insertion point (or empty)")
                    continue
                path = f"assets/partials/{prompt}/{screen}/{point}.html"
                out.setdefault(prompt, {}).setdefault(screen, {})[name] = ctx.text_asset(
                    "prompt_partials", path, html, f"{where}.{point}")
    if out:
        ctx.blueprint["prompt_partials"] = out


def translate(ctx: Translation) -> None:
    item, data = singleton(ctx, SOURCE)
    if item is None:
        return
    prompts: dict = {}
    copy_fields(ctx, TARGET, TARGET, data, prompts, PromptSettings, used=set(PARTS))
    if prompts:
        ctx.blueprint[TARGET] = prompts
    if isinstance(data.get("customText"), dict):
        _texts(ctx, data["customText"])
    if isinstance(data.get("partials"), dict):
        _partials(ctx, item, data["partials"])
    if data.get("screenRenderers"):
        ctx.report.unexpressed(TARGET, "prompts.screenRenderers", "Advanced Customizations (ACUL) screen renderers "
                               "are not expressible yet")
