"""CommonMark inline tokens of one text: markdown-it's, or the same from a fast scan without links.

markdown-it-py's ``parseInline`` is exact but slow (a state object, a core chain and every
inline rule tried at each punctuation mark). Catalogue texts use a few inline constructs:
code spans, emphasis, escapes, autolinks, HTML tags and entities. ``scan`` follows
markdown-it's own rules for those (``toolkit.checks.inline_scanner``), and gives up on the one
construct it does not follow, a link or an image (``[...](``): the caller then asks
markdown-it. Both give the same tokens (a property test holds them equal).
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from toolkit.checks.codespans import split_code
from toolkit.checks.inline_scanner import MARKDOWN, GiveUp, Scanner, Tok

_MARKER_OR_ESCAPE = re.compile(r"[*_\\]")


def tokens(text: str) -> list[Tok]:
    """The inline tokens of ``text`` as markdown-it's CommonMark ``parseInline`` gives them."""
    found = scan(text)
    return found if found is not None else full_parse(text)


def full_parse(text: str) -> list[Tok]:
    """markdown-it's own inline parse, as ``Tok``."""
    parsed = MARKDOWN.parseInline(text)
    children: list[Token] = (parsed[0].children or []) if parsed else []
    return [_slim(token) for token in children]


def _slim(token: Token) -> Tok:
    if token.type == "text":
        return Tok("text", token.content)  # an escape joined into text keeps its markup there
    target = ""
    if token.type == "link_open":
        target = str(token.attrs.get("href", ""))
    elif token.type == "image":
        target = str(token.attrs.get("src", ""))
    return Tok(token.type, token.content, token.markup, target)


def scan(text: str) -> list[Tok] | None:
    """The tokens of ``text`` without markdown-it, or None when it has a link or an image."""
    if "\r" in text or "\0" in text:
        return None  # markdown-it normalises these first
    quick = _quick(text)
    if quick is not None:
        return quick
    try:
        return Scanner(text).run()
    except GiveUp:
        return None


def _quick(text: str) -> list[Tok] | None:
    """The tokens of a text that is code spans, emphasis markers and plain text (most texts
    with markup), or None when it has anything else outside its code spans.

    The scanner's steps without its searches: the code spans come from ``split_code`` (string
    methods), and only the text between them is read for markers and escaped underscores (the
    markup checks escape a reST reference's: `name`\\_).
    """
    pieces, ticks = split_code(text)
    outside = "`".join(pieces[::2])  # "`" where a code span was: the character markdown sees
    if "\n" in outside or "<" in outside or "&" in outside or ("[" in outside and "](" in text):
        return None
    if "\\" in outside and outside.count("\\") != outside.count("\\_"):
        return None  # an escape of another character than "_"
    state = Scanner(outside)
    offset = 0  # where the text between code spans starts in ``outside``
    for index in range(0, len(pieces), 2):
        if index:
            state.push(_code_token(pieces[index - 1], ticks[index // 2 - 1]))
        gap = pieces[index]
        if "*" in gap or "_" in gap:
            _markers(state, gap, offset)
        elif gap:
            state.pending += gap
        offset += len(gap) + 1
    return state.finish()


def _code_token(content: str, ticks: int) -> Tok:
    """A code span's token: line breaks as spaces, one space of padding each side dropped."""
    content = content.replace("\n", " ")
    if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
        content = content[1:-1]
    return Tok("code_inline", content, "`" * ticks)


def _markers(state: Scanner, gap: str, offset: int) -> None:
    """The text between two code spans, starting at ``offset`` of the scanner's source: its
    runs of emphasis markers as the scanner's ``emphasis`` reads them, an escaped "_" as text."""
    end = len(gap)
    pos = 0
    while (found := _MARKER_OR_ESCAPE.search(gap, pos)) is not None:
        start = found.start()
        if start > pos:
            state.pending += gap[pos:start]
        if gap[start] == "\\":  # always before "_" here
            state.push(Tok("text_special", "_", "\\_"))
            pos = start + 2
            continue
        pos = state.emphasis(offset + start) - offset
    if pos < end:
        state.pending += gap[pos:]
