"""The inline markup of one text as the markup checks compare it: emphasis, code, links, HTML."""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit.checks.codespans import split_code
from toolkit.checks.inline import tokens
from toolkit.checks.markup_fast import simple
from toolkit.checks.markup_inline import (
    NAMED,
    REFERENCE_MARK,
    Inline,
    bare_references,
    close_span,
    record_code,
)

__all__ = ["NAMED", "Inline", "parse", "simple", "token_parse"]

# Characters that can start inline Markdown (or an HTML tag or entity); most catalogue
# entries have none, and for those the parse is known without running the parser.
_MARKUP_START = re.compile(r"[*_`\[\]<>!&\\]")


def _markup_start(text: str) -> bool:
    """``_MARKUP_START.search(text)`` of a text without "`", one character at a time: each is
    found at memchr's speed, the expression tries every character (the likeliest first)."""
    return (
        "_" in text
        or "*" in text
        or "<" in text
        or "[" in text
        or "]" in text
        or ">" in text
        or "!" in text
        or "&" in text
        or "\\" in text
    )


@lru_cache(maxsize=4096)
def parse(text: str) -> Inline:
    """What the inline markup of ``text`` holds (cached: each check of a pair asks again)."""
    if "`" not in text and not _markup_start(text):  # code (most texts) is markup
        return Inline((), (), (), (), (), (text,))
    fast = simple(text)
    return fast if fast is not None else token_parse(text)


def token_parse(text: str) -> Inline:
    """``parse`` from the inline tokens of ``text``: any text (the fast parse reads most)."""
    if "`_" in text:  # only there can a reST reference's underscores be
        text = _unmark_references(text)
    children = tokens(text, split_code(text))
    emphasis: list[str] = []
    open_spans: list[list[str]] = []  # the words of each emphasis span not yet closed
    code: list[str] = []
    links: list[str] = []
    images: list[str] = []
    html: list[str] = []
    prose: list[str] = []
    in_autolink = False
    last = len(children) - 1
    for index, token in enumerate(children):
        kind = token.type  # most common first: text and code
        if kind == "text":
            for words in open_spans:
                words.append(token.content)
            if not in_autolink:
                prose.append(token.content)
        elif kind == "code_inline":
            before = children[index - 1] if index else None
            record_code(
                before.content if before is not None and before.type == "text" else "",
                token.content,
                children[index + 1].content if index < last else "",
                code,
                links,
            )
            for words in open_spans:
                words.append(token.content)
        elif kind in ("em_open", "strong_open"):
            open_spans.append([token.markup])
        elif kind in ("em_close", "strong_close"):
            if open_spans:
                close_span(open_spans.pop(), emphasis)
        elif kind == "link_open":
            links.append(token.target)
            in_autolink = token.markup == "autolink"
        elif kind == "link_close":
            in_autolink = False
        elif kind == "image":
            images.append(token.target)
        elif kind == "html_inline":
            html.append(token.content)
    bare_references(prose, links)
    return Inline(
        tuple(emphasis),
        tuple(code),
        tuple(links),
        tuple(images),
        tuple(html),
        prose,
    )


def _unmark_references(text: str) -> str:
    """The underscores after a reST reference escaped: they are no emphasis marker."""
    return REFERENCE_MARK.sub(lambda m: "\\_" * len(m.group()), text)
