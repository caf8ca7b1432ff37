"""Auth0's own Liquid tags for python-liquid, so page templates render outside Auth0.

`{%- auth0:head -%}` and `{%- auth0:widget -%}` lex as the tag `auth0` with the expression `:head` /
`:widget`. Here they render visible placeholders; in Auth0 they become its scripts and its login widget.
"""

from __future__ import annotations

from typing import TextIO

from liquid.ast import Node
from liquid.context import RenderContext
from liquid.exceptions import LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

PLACEHOLDERS = {
    ":head": (
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Preview</title><!-- auth0:head placeholder: Auth0's scripts and styles go here -->"
    ),
    ":widget": (
        '<div data-auth0-placeholder="widget" style="width:400px;max-width:100%;min-height:480px;'
        "margin:0 auto;background:#fff;border:2px dashed #8891a5;border-radius:12px;display:flex;"
        'align-items:center;justify-content:center;color:#5b6477;font:16px system-ui,sans-serif;">'
        "auth0:widget placeholder: the Auth0 login box</div>"
    ),
}


class Auth0Node(Node):
    __slots__ = ("part",)

    def __init__(self, token: Token, part: str):
        super().__init__(token)
        self.part = part
        self.blank = False

    def __str__(self) -> str:
        return f"{{% auth0{self.part} %}}"

    def render_to_output(self, _context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(PLACEHOLDERS[self.part])


class Auth0Tag(Tag):
    name = "auth0"
    block = False

    def parse(self, stream: TokenStream) -> Auth0Node:
        token = stream.eat(TOKEN_TAG)
        expression = stream.current
        if expression.kind != TOKEN_EXPRESSION or expression.value not in PLACEHOLDERS:
            known = " or ".join(f"auth0{part}" for part in PLACEHOLDERS)
            raise LiquidSyntaxError(f"unknown Auth0 tag; expected {known}", token=token)
        # The parser steps past the tag's last token (the expression) itself.
        return Auth0Node(token, expression.value)
