"""The inline markup of one text as the markup checks compare it: emphasis, code, links, HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from toolkit.checks.codespans import split_code
from toolkit.checks.inline import tokens

NAMED = "a named reST reference"  # in ``Inline.links``, each reST link to a target by name

# reST roles whose content is prose the translator translates (a definition, a menu label);
# every other role names code, a file, a reference or a number and must come through unchanged.
_PROSE_ROLES = frozenset(
    {"dfn", "guilabel", "menuselection", "emphasis", "strong", "title-reference", "sub", "sup"}
)
_ROLE_BEFORE = re.compile(r":([A-Za-z][\w.+-]*(?::[\w.+-]+)*):$")
# The underscores after a reST reference (`text`_, `text`__) are no Markdown emphasis.
_REFERENCE_MARK = re.compile(r"(?<=`)(__?)(?!\w)")
# reST's bare references: nginx_, 桥牌_ (a name of any script).
_BARE_REFERENCE = re.compile(r"(?<![\w`])[^\W\d_](?:[^\W_]|[.-]|_(?!_))*(?<!_)__?(?![\w`])")


class Inline(NamedTuple):
    """What the Markdown (and reST) inline markup of one text holds."""

    emphasis: tuple[str, ...]  # each span as written: "*word*" or "**words**"
    code: tuple[str, ...]  # each code span or role target once, as written for a message
    links: tuple[str, ...]  # link targets in order; reST named references as NAMED
    images: tuple[str, ...]
    html: tuple[str, ...]  # inline HTML as written
    prose: str  # text outside code, link targets and autolinks (for URLs and e-mail)


# Characters that can start inline Markdown (or an HTML tag or entity); most catalogue
# entries have none, and for those the parse is known without running the parser.
_MARKUP_START = re.compile(r"[*_`\[\]<>!&\\]")


@lru_cache(maxsize=4096)
def parse(text: str) -> Inline:
    """What the inline markup of ``text`` holds (cached: each check of a pair asks again)."""
    if not _MARKUP_START.search(text):
        return Inline((), (), (), (), (), text)
    split = split_code(text)
    fast = simple(text, split[0])
    if fast is not None:
        return fast
    if "`_" in text:  # only there can a reST reference's underscores be
        text = _unmark_references(text)
        split = split_code(text)
    children = tokens(text, split)
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
            _code(
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
                _close_span(open_spans.pop(), emphasis)
        elif kind == "link_open":
            links.append(token.target)
            in_autolink = token.markup == "autolink"
        elif kind == "link_close":
            in_autolink = False
        elif kind == "image":
            images.append(token.target)
        elif kind == "html_inline":
            html.append(token.content)
    _bare_references(prose, links)
    return Inline(
        tuple(emphasis),
        tuple(dict.fromkeys(code)),  # only which code there is counts
        tuple(links),
        tuple(images),
        tuple(html),
        "\n".join(prose),
    )


def _unmark_references(text: str) -> str:
    """The underscores after a reST reference escaped: they are no emphasis marker."""
    return _REFERENCE_MARK.sub(lambda m: "\\_" * len(m.group()), text)


def _bare_references(prose: list[str], links: list[str]) -> None:
    # A bare reference ends with "_" or "__" and then no word: a text without such an end has
    # none (the expression tries every position, ten times slower than this look-up).
    links.extend(
        NAMED
        for text in prose
        if "_" in text and _reference_end(text)
        for _ in _BARE_REFERENCE.finditer(text)
    )


def _reference_end(text: str) -> bool:
    """Whether ``text`` has a run of one or two "_" after which no word or "`" follows."""
    for start, after in _underscore_runs(text):
        follower = text[after] if after < len(text) else " "
        if after - start <= 2 and not (follower.isalnum() or follower == "`"):
            return True
    return False


def _underscore_runs(text: str) -> Iterator[tuple[int, int]]:
    """Each run of "_" in ``text``: where it starts and where it ends (string methods only)."""
    end, start = len(text), text.find("_")
    while start >= 0:
        after = start + 1
        while after < end and text[after] == "_":
            after += 1
        yield start, after
        start = text.find("_", after)


def simple(text: str, pieces: list[str] | None = None) -> Inline | None:
    """The parse of a text that is code spans in plain text (most texts with markup), or None.

    Outside its code spans such a text has no character that starts a construct: no emphasis
    marker that can open (``snake_case`` cannot), no HTML, entity, escape, link or line break.
    Its tokens are then the code spans and the text between them, read here without a scan.
    String methods only: a regular expression costs ten times more on each character.
    ``pieces`` is ``split_code(text)[0]`` when the caller has it already.
    """
    if "\\" in text or "\r" in text or "\0" in text or "](" in text:
        return None
    if pieces is None:
        pieces = split_code(text)[0]  # [text, code, text, code, ..., text]
    gaps = pieces[::2]
    outside = "`".join(gaps)  # "`" where a code span was
    if "*" in outside or "<" in outside or "&" in outside or "\n" in outside:
        return None
    underscore = "_" in outside
    if underscore and _may_open(outside):
        return None
    if "`_" in text and any(_REFERENCE_MARK.search(f"`{code}") for code in pieces[1::2]):
        return None  # code that the reference marks' escapes would change (`_`)
    code: list[str] = []
    links: list[str] = []
    # Two code spans are never adjacent (their backticks would be one run): the text on each
    # side of a span is the token before it and the token after it, or nothing.
    for index in range(1, len(pieces), 2):
        _code(pieces[index - 1], pieces[index], pieces[index + 1], code, links)
    prose = list(filter(None, gaps))
    if underscore:
        _bare_references(prose, links)
    return Inline((), tuple(dict.fromkeys(code)), tuple(links), (), (), "\n".join(prose))


def _may_open(outside: str) -> bool:
    """Whether a run of "_" in ``outside`` may open emphasis.

    Not after a letter or a digit (snake_case), nor the one or two a reST reference ends with
    (`name`_, `name`__: ``_REFERENCE_MARK`` escapes those).
    """
    end = len(outside)
    for start, after in _underscore_runs(outside):
        before = outside[start - 1] if start else " "
        if not before.isalnum() and (
            before != "`" or after - start > 2 or (after < end and outside[after].isalnum())
        ):
            return True
    return False


def _close_span(words: list[str], emphasis: list[str]) -> None:
    marker, content = words[0], " ".join("".join(words[1:]).split())
    if marker == "__" and re.fullmatch(r"\w+", content):
        return  # __init__ is a Python name that Markdown reads as strong "init"
    star = "*" * len(marker)
    emphasis.append(f"{star}{content}{star}")


def _code(before: str, content: str, after: str, code: list[str], links: list[str]) -> None:
    """Record a code span: a reST role's target, a reST hyperlink or plain code.

    ``before`` and ``after`` are the contents of the tokens around it ("" for none or no text).
    """
    content = " ".join(content.split())
    # A role ends with ":" (before a possible final line break) and has no space: only the
    # last word before the span can be one.
    name = _role(before.rsplit(None, 1)[-1]) if before.endswith((":", ":\n")) else None
    if name is None:
        if after.startswith("_"):
            # A reST hyperlink reference. `text <url>`_ links to its URL. `name`_ and
            # `text <name_>`_ refer to a target by name and `text`__ to the next anonymous
            # target: Sphinx gives a translated name the target of the source's name it
            # replaces, so only their number matters.
            target = _explicit_target(content)
            url = "".join(target.split()) if target else ""  # reST drops the spaces
            links.append(url if url and not url.endswith("_") else NAMED)
        else:
            code.append(f"`{content}`")
        return
    if name in _PROSE_ROLES:
        return
    target = _explicit_target(content)
    if target:
        content = target
    elif name == "abbr":
        content = content.split(" (", 1)[0]  # "LIFO (last-in, first-out)": the gloss is prose
    code.append(f":{name}:`{content}`")


@lru_cache(maxsize=1024)
def _role(word: str) -> str | None:
    """The name of the reST role that ``word`` ends with (``:func:``), or None."""
    role = _ROLE_BEFORE.search(word)
    return role.group(1) if role else None


def _explicit_target(content: str) -> str | None:
    """The target of reST's "text <target>" (in a role or a hyperlink reference), or None."""
    if not content.endswith(">"):
        return None
    start = content.rfind("<")
    target = content[start + 1 : -1]
    return target if start >= 0 and target and ">" not in target else None
