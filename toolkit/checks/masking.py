"""Masking: the spans of a text no punctuation rule looks into (code, URLs, roles, placeholders),
blanked out."""

from __future__ import annotations

import re
from functools import lru_cache

# Spans no punctuation rule looks into: code, reST roles, URLs, e-mail addresses, link
# destinations, HTML tags, placeholders and interactive-session lines. Most expressions open
# with a character, so that their alternation does too and a search skips to those characters
# in C (the backquote's run is "`" and then more); the others would be tried at every position
# and are left out of texts that cannot hold them: each comes with a string a text needs for it.
_MASKED_SPANS: tuple[tuple[str, str | None], ...] = (
    # `code`, ``code``: closed by the first run of as many backquotes after its first character
    # (``.+?(?<!`)`\1(?!`)`` tried at each character, read here a run at a time).
    (r"`(?<!``)(`*)(?!`).[^`]*+(?:(?!`\1(?!`))`++[^`]*+)*+`\1(?!`)", None),
    (r":[A-Za-z][\w.+-]*(?::[\w.+-]+)*:(?=`)", None),  # the :ref: of :ref:`x`
    (r"https?://[!-~]*|ftp://[!-~]*", None),
    (r"www\.[!-~]+", None),
    (r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+", "@"),
    (r"\]\([^()\s]*\)", None),  # ](destination)
    (r"<[^<>\n]{1,60}>", None),  # HTML tags and <placeholders>, <路径> included
    (r"%(?:\(\w+\))?(?:\d+\$)?[-#0 +]*\d*(?:\.\d+)?[sdifrxXcu]", None),
    (r"\{\w*(?:[!:][^{}]*)?\}", None),
    (r"^[ \t]*>>>[ \t][^\n]*", ">>>"),  # lines of an interactive session or a shell
    (r"^[ \t]*\.\.\.[ \t][^\n]*", "..."),
    (r"^[ \t]*\$[ \t][^\n]*", "$"),
    (r"::$", None),  # reST's literal-block marker: markup, which reST tools judge
)
# The spans with a string they need, by place in _MASKED_SPANS, and whether each opens a line.
_NEEDING = tuple(
    (index, need, pattern.startswith("^"))
    for index, (pattern, need) in enumerate(_MASKED_SPANS)
    if need
)
# The spans that can be in any text: those opened by a character.
_ALWAYS_PRESENT = tuple(need is None for _, need in _MASKED_SPANS)


def _spans_present(text: str) -> tuple[bool, ...]:
    """Which spans of _MASKED_SPANS can be in ``text``: a span opened by a character always (it
    costs little), another only if the text has its string, and one at a line's start, in a
    text of one line, only if the text starts with it."""
    present = _ALWAYS_PRESENT  # most texts: none of the strings (a tuple made once)
    for index, need, opens_line in _NEEDING:
        if need in text and (
            not opens_line
            or "\n" in text
            or text.lstrip(" \t").startswith((need + " ", need + "\t"))
        ):
            present = (*present[:index], True, *present[index + 1 :])
    return present


@lru_cache(maxsize=64)
def _masked_pattern(present: tuple[bool, ...]) -> re.Pattern[str]:
    """The spans to mask that can be in a text, as one expression (tried in the order above).

    Leaving out a span that cannot be in the text changes no match (that alternative fails
    everywhere) and saves trying it at every position.
    """
    spans = [pattern for (pattern, _), there in zip(_MASKED_SPANS, present, strict=True) if there]
    return re.compile("|".join(spans), re.DOTALL | re.MULTILINE)


# A literal block: an indented line, a session, a definition or an assignment at a line start.
CODE_BLOCK = re.compile(
    r"^(?: {4}|\t)\S|^>>> |^(?:def|class|import|from|async def) \w"
    r"|^[A-Za-z_][\w.]*(?:\[[^\]\n]*\])?(?:: [^=\n]+)? = \S",
    re.MULTILINE,
)
def code_block(text: str) -> bool:
    """Whether a line of ``text`` is code (``CODE_BLOCK``): of one line, only its start."""
    return bool(CODE_BLOCK.search(text) if "\n" in text else CODE_BLOCK.match(text))


@lru_cache(maxsize=64)  # the checks of one text ask in turn: each text is masked once
def masked(text: str) -> str:
    """The text with every masked span blanked out (same length, so columns stay right).

    A literal block (a line indented as code, or an interactive session) is code throughout:
    its string literals and comments keep the punctuation of the programming language.
    """
    if code_block(text):
        return "\0" * len(text)
    return _masked_pattern(_spans_present(text)).sub(lambda match: "\0" * len(match.group()), text)


