"""markdown-it's inline rules for the constructs catalogue texts use, followed on one text.

Code spans, emphasis, escapes, autolinks, HTML tags and entities, step by step as markdown-it's
``StateInline`` reads them (the same pending text, the same delimiter runs, the same pairing);
a link or an image (``[...](``) stops the scan with ``GiveUp``. ``toolkit.checks.inline`` runs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.common.entities import entities
from markdown_it.common.html_re import HTML_TAG_RE
from markdown_it.common.utils import fromCodePoint, isValidEntityCode
from markdown_it.rules_inline.autolink import AUTOLINK_RE, EMAIL_RE
from markdown_it.rules_inline.entity import DIGITAL_RE, NAMED_RE
from markdown_it.rules_inline.escape import _ESCAPED
from markdown_it.rules_inline.html_inline import isLetter

from toolkit.checks.delimiters import Delimiter, balance, flanking, pairs

MARKDOWN = MarkdownIt("commonmark")

# markdown-it's text rule stops at any of \n!#$%&*+-:<=>@[\]^_`{}~ to let the other rules try.
# Only these start a construct of CommonMark's inline rules; at the others no rule matches
# and the character joins the pending text, as the text before it did (so it is text too).
_ACTIVE = re.compile(r"[\n\\`*_\[<&]")
_BACKTICKS = re.compile("`+")


@dataclass(slots=True)
class Tok:
    """An inline token as the markup checks read it (markdown-it's ``Token``, slimmed).

    ``target`` is a link's ``href`` or an image's ``src``; ``""`` for other tokens.
    """

    type: str
    content: str = ""
    markup: str = ""
    target: str = ""


class GiveUp(Exception):
    """The text has a construct the scan does not follow (a link or an image)."""


class Scanner:
    """markdown-it's ``StateInline`` reduced to what the followed rules use."""

    __slots__ = ("backticks", "delimiters", "pending", "src", "tokens")

    def __init__(self, src: str) -> None:
        self.src = src
        self.tokens: list[Tok] = []
        self.pending = ""
        self.delimiters: list[Delimiter] = []
        self.backticks: dict[int, int] | None = None

    def push(self, token: Tok) -> None:
        """Add a token, first flushing pending text as a text token (``StateInline.push``)."""
        if self.pending:
            self.tokens.append(Tok("text", self.pending))
            self.pending = ""
        self.tokens.append(token)

    def run(self) -> list[Tok]:
        src, end = self.src, len(self.src)
        pos = 0
        while pos < end:
            found = _ACTIVE.search(src, pos)
            if found is None:
                self.pending += src[pos:]
                break
            start = found.start()
            if start > pos:
                self.pending += src[pos:start]
            char = src[start]
            if char == "`":
                pos = self.backtick(start)
            elif char == "\n":
                pos = self.newline(start)
            elif char == "\\":
                pos = self.escape(start)
            elif char == "*" or char == "_":
                pos = self.emphasis(start)
            elif char == "<":
                pos = self.angle(start)
            elif char == "&":
                pos = self.entity(start)
            elif src.find("](", start) < 0:
                # "[" (or "![") opens a link (an image) only with "](" after it: in a text
                # parsed alone there are no reference definitions for "[text]" to name.
                self.pending += "["
                pos = start + 1
            else:  # maybe a link or an image: markdown-it decides
                raise GiveUp
        return self.finish()

    def finish(self) -> list[Tok]:
        """The tokens once the text is read: emphasis paired, adjacent text joined."""
        if self.pending:
            self.tokens.append(Tok("text", self.pending))
            self.pending = ""
        balance(self.delimiters)
        _emphasis(self.tokens, self.delimiters)
        return _join_text(self.tokens)

    def newline(self, pos: int) -> int:
        """``'\\n'``: a soft break, or a hard break after two spaces; spaces around dropped."""
        pending = self.pending
        last = len(pending) - 1
        if last >= 0 and pending[last] == " ":
            if last >= 1 and pending[last - 1] == " ":
                spaces = last - 1
                while spaces >= 1 and pending[spaces - 1] == " ":
                    spaces -= 1
                self.pending = pending[:spaces]
                self.push(Tok("hardbreak"))
            else:
                self.pending = pending[:-1]
                self.push(Tok("softbreak"))
        else:
            self.push(Tok("softbreak"))
        return skip_spaces(self.src, pos + 1)

    def escape(self, pos: int) -> int:
        """A backslash: an escaped character, a hard break before a line break, or itself."""
        src = self.src
        if pos + 1 >= len(src):
            self.pending += "\\"
            return pos + 1
        escaped = src[pos + 1]
        if escaped == "\n":
            self.push(Tok("hardbreak"))
            return skip_spaces(src, pos + 2)
        if 0xD800 <= ord(escaped) <= 0xDFFF:
            raise GiveUp  # a lone surrogate: markdown-it pairs it, this scan does not
        content = escaped if escaped in _ESCAPED else "\\" + escaped
        self.push(Tok("text_special", content, "\\" + escaped))
        return pos + 2

    def backtick(self, pos: int) -> int:
        """A code span, or a run of backticks with no closing run of its length (text)."""
        src, end = self.src, len(self.src)
        after = pos + 1
        while after < end and src[after] == "`":
            after += 1
        marker = src[pos:after]
        length = after - pos
        if self.backticks is None:
            self.backticks = _last_runs(src)
        if self.backticks.get(length, -1) >= after:
            match_end = after
            while (match_start := src.find("`", match_end)) != -1:
                match_end = match_start + 1
                while match_end < end and src[match_end] == "`":
                    match_end += 1
                if match_end - match_start == length:
                    content = src[after:match_start].replace("\n", " ")
                    if (
                        content.startswith(" ")
                        and content.endswith(" ")
                        and any(c != " " for c in content)
                    ):
                        content = content[1:-1]
                    self.push(Tok("code_inline", content, marker))
                    return match_end
        self.pending += marker
        return after

    def emphasis(self, pos: int) -> int:
        """A run of ``*`` or ``_``: one text token per marker, each a delimiter (``scanDelims``)."""
        src, end = self.src, len(self.src)
        marker = src[pos]
        after = pos
        while after < end and src[after] == marker:
            after += 1
        count = after - pos
        can_open, can_close = flanking(src, pos, after)
        for _ in range(count):
            self.push(Tok("text", marker))
            self.delimiters.append(
                Delimiter(marker, count, len(self.tokens) - 1, -1, can_open, can_close)
            )
        return after

    def angle(self, pos: int) -> int:
        """``<``: an autolink, else an HTML tag, else the character itself."""
        return self.autolink(pos) or self.html(pos) or self.literal(pos)

    def autolink(self, pos: int) -> int:
        found = autolink_at(self.src, pos)
        if found is None:
            return 0
        for token in found[1]:
            self.push(token)
        return found[0]

    def html(self, pos: int) -> int:
        tag = html_at(self.src, pos)
        if tag is None:
            return 0
        self.push(Tok("html_inline", tag))
        return pos + len(tag)

    def entity(self, pos: int) -> int:
        """``&``: a character reference (``&amp;``, ``&#123;``), else the character itself."""
        found = entity_at(self.src, pos)
        if found is None:
            return self.literal(pos)
        content, markup = found
        self.push(Tok("text_special", content, markup))
        return pos + len(markup)

    def literal(self, pos: int) -> int:
        self.pending += self.src[pos]
        return pos + 1


def autolink_at(src: str, pos: int) -> tuple[int, list[Tok]] | None:
    """The autolink that starts at ``pos`` (``<https://a.org>``): where it ends, its tokens."""
    end = len(src)
    close = pos
    while True:
        close += 1
        if close >= end or src[close] == "<":
            return None
        if src[close] == ">":
            break
    url = src[pos + 1 : close]
    if AUTOLINK_RE.search(url) is not None:
        full = MARKDOWN.normalizeLink(url)
    elif EMAIL_RE.search(url) is not None:
        full = MARKDOWN.normalizeLink("mailto:" + url)
    else:
        return None
    if not MARKDOWN.validateLink(full):
        return None
    return close + 1, [
        Tok("link_open", "", "autolink", full),
        Tok("text", MARKDOWN.normalizeLinkText(url)),
        Tok("link_close", "", "autolink"),
    ]


def html_at(src: str, pos: int) -> str | None:
    """The HTML tag (or comment, declaration...) that starts at ``pos``, as written."""
    if pos + 2 >= len(src):
        return None
    second = src[pos + 1]
    if second not in ("!", "?", "/") and not isLetter(ord(second)):
        return None
    if not _may_close(src, pos, second):
        return None
    match = HTML_TAG_RE.match(src, pos)
    return match.group(0) if match else None


def entity_at(src: str, pos: int) -> tuple[str, str] | None:
    """The character reference that starts at ``pos``: the character, and the reference."""
    if pos + 1 >= len(src):
        return None
    if src[pos + 1] == "#":
        match = DIGITAL_RE.match(src, pos)
        if match:
            digits = match.group(1)
            code = int(digits[1:], 16) if digits[0].lower() == "x" else int(digits, 10)
            return fromCodePoint(code if isValidEntityCode(code) else 0xFFFD), match.group(0)
    else:
        match = NAMED_RE.match(src, pos)
        if match and match.group(1) in entities:
            return entities[match.group(1)], match.group(0)
    return None


def _may_close(src: str, pos: int, second: str) -> bool:
    """Whether the terminator an HTML construct at ``pos`` needs occurs after it at all
    (markdown-it's guards before its tag expression, kept so that both decide alike)."""
    if src.startswith("<!--", pos):
        if src.rfind(">") < pos + 4:
            return False
        return (
            src.startswith("<!-->", pos)
            or src.startswith("<!--->", pos)
            or src.rfind("-->") >= pos + 4
        )
    if src.startswith("<![CDATA[", pos):
        return src.rfind("]]>") >= pos + 9
    if second == "?":
        return src.rfind("?>") >= pos + 2
    if second == "!":
        return src.rfind(">") >= pos + 3
    return src.rfind(">") >= pos + 2


def skip_spaces(src: str, pos: int) -> int:
    while pos < len(src) and src[pos] in " \t":
        pos += 1
    return pos


def _last_runs(src: str) -> dict[int, int]:
    """Each backtick run length and where its last run starts."""
    return {match.end() - match.start(): match.start() for match in _BACKTICKS.finditer(src)}


def _emphasis(tokens: list[Tok], delimiters: list[Delimiter]) -> None:
    """Turn matched delimiters into em/strong tokens (markdown-it's emphasis ``postProcess``)."""
    for opener, closer, strong in pairs(delimiters):
        marker = delimiters[opener].marker
        kind, markup = ("strong", marker * 2) if strong else ("em", marker)
        tokens[delimiters[opener].token] = Tok(f"{kind}_open", "", markup)
        tokens[delimiters[closer].token] = Tok(f"{kind}_close", "", markup)
        if strong:
            tokens[delimiters[opener - 1].token].content = ""
            tokens[delimiters[closer + 1].token].content = ""


def _join_text(tokens: list[Tok]) -> list[Tok]:
    """Adjacent text as one token, escapes and entities included.

    markdown-it joins text in two steps (``fragments_join`` after emphasis, ``text_join`` for
    escapes and entities): the result is each run of text and escapes as one text token.
    """
    joined: list[Tok] = []
    for token in tokens:
        if token.type == "text_special":
            token = Tok("text", token.content)
        if token.type == "text" and joined and joined[-1].type == "text":
            joined[-1] = Tok("text", joined[-1].content + token.content)
        else:
            joined.append(token)
    return joined
