"""The inline markup of one text as the markup checks compare it: emphasis, code, links, HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from toolkit.checks.codespans import split_code
from toolkit.checks.delimiters import flanking
from toolkit.checks.inline import code_content, tokens, unescaped

NAMED = "a named reST reference"  # in ``Inline.links``, each reST link to a target by name

# reST roles whose content is prose the translator translates (a definition, a menu label);
# every other role names code, a file, a reference or a number and must come through unchanged.
_PROSE_ROLES = frozenset(
    {"dfn", "guilabel", "menuselection", "emphasis", "strong", "title-reference", "sub", "sup"}
)
_ROLE_BEFORE = re.compile(r":([A-Za-z][\w.+-]*(?::[\w.+-]+)*):$")
# The underscores after a reST reference (`text`_, `text`__) are no Markdown emphasis.
_REFERENCE_MARK = re.compile(r"(?<=`)(__?)(?!\w)")
# An escape before half a surrogate pair: markdown-it reads it otherwise (the scan too leaves
# those to it).
_ODD_ESCAPE = re.compile("\\\\[\ud800-\udfff]")
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
    marker that can open (``snake_case`` cannot), no HTML, entity or link; an escape only in
    a text without stars and lines (``emphatic`` reads those). Its tokens are then the code
    spans and the text between them, read here without a scan.
    String methods only: a regular expression costs ten times more on each character.
    ``pieces`` is ``split_code(text)[0]`` when the caller has it already.
    """
    if "\r" in text or "\0" in text or "](" in text:
        return None
    if pieces is None:
        pieces = split_code(text)[0]  # [text, code, text, code, ..., text]
    gaps = pieces[::2]
    outside = "`".join(gaps)  # "`" where a code span was
    if "<" in outside or "&" in outside:
        return None
    underscore = "_" in outside
    if underscore and _may_open(outside):
        return None
    if "`_" in text and any(_REFERENCE_MARK.search(f"`{code}") for code in pieces[1::2]):
        return None  # code that the reference marks' escapes would change (`_`)
    if "\\" in outside:
        if "*" in outside or "\n" in outside or "\\`" in outside or _ODD_ESCAPE.search(outside):
            return None  # an escape: of a star, a line break, a backtick or half a character
        pieces = pieces.copy()
        pieces[::2] = gaps = [unescaped(gap) for gap in gaps]  # text as it reads
    elif "*" in outside or "\n" in outside:
        return emphatic(outside, pieces)
    code: list[str] = []
    links: list[str] = []
    if ":`" not in text and "`_" not in text:
        # No role before a span, no reference after it (most texts): each span is plain code.
        code = [f"`{' '.join(content.split())}`" for content in pieces[1::2]]
    else:
        # Two code spans are never adjacent (their backticks would be one run): the text on
        # each side of a span is the token before it and the token after it, or nothing.
        for index in range(1, len(pieces), 2):
            _code(pieces[index - 1], pieces[index], pieces[index + 1], code, links)
    prose = list(filter(None, gaps))
    if underscore:
        _bare_references(prose, links)
    return Inline((), tuple(dict.fromkeys(code)), tuple(links), (), (), "\n".join(prose))


def emphatic(outside: str, pieces: list[str]) -> Inline | None:
    """The parse of a text of code spans, plain text, line breaks and "*" runs that pair one
    after another (``*arg*``, ``**note**``), or None: ``outside`` is its text with "`" for
    each code span.

    ``simple``'s text with stars or lines: markdown-it's tokens are then the code spans, the
    marker pairs, the line breaks and the text between them, read here without a token. The
    "_" runs of such a text cannot open, and CommonMark pairs each marker on its own: they
    stay text.
    """
    if outside.count("`") * 2 + 1 != len(pieces):
        return None  # a backtick of the text is no code span: it would read as one here
    pairs = _star_pairs(outside)
    if pairs is None:
        return None
    emphasis: list[str] = []
    code: list[str] = []
    links: list[str] = []
    prose: list[str] = []
    codes = iter(pieces[1::2])
    last, strong_before = 0, False  # where the text goes on; whether after "**" closing it
    for open_start, open_end, close_start, close_end in pairs:
        strong = open_end - open_start == 2
        # A strong pair's outer markers are empty text (markdown-it's): before it and after it.
        _text(outside[last:open_start], codes, strong_before, strong, code, links, prose)
        words = _text(outside[open_end:close_start], codes, False, False, code, links, prose)
        _close_span(["*" * (open_end - open_start), words], emphasis)
        last, strong_before = close_end, strong
    _text(outside[last:], codes, strong_before, False, code, links, prose)
    _bare_references(prose, links)
    return Inline(
        tuple(emphasis), tuple(dict.fromkeys(code)), tuple(links), (), (), "\n".join(prose)
    )


def _star_pairs(outside: str) -> list[tuple[int, int, int, int]] | None:
    """Each pair of "*" runs (opener's start and end, closer's start and end) when the runs
    that can open or close pair one after another (``toolkit.checks.inline``'s test), or None.
    """
    end, start = len(outside), outside.find("*")
    active: list[tuple[int, int, bool, bool]] = []
    while start >= 0:
        after = start + 1
        while after < end and outside[after] == "*":
            after += 1
        can_open, can_close = flanking(outside, start, after)
        if can_open or can_close:
            active.append((start, after, can_open, can_close))
        start = outside.find("*", after)
    if len(active) % 2:
        return None
    found = []
    for index in range(0, len(active), 2):
        open_start, open_end, can_open, _ = active[index]
        close_start, close_end, _, can_close = active[index + 1]
        length = open_end - open_start
        if not (can_open and can_close and length <= 2 and close_end - close_start == length):
            return None
        found.append((open_start, open_end, close_start, close_end))
    return found


def _text(
    piece: str,
    codes: Iterator[str],
    first: bool,
    last: bool,
    code: list[str],
    links: list[str],
    prose: list[str],
) -> str:
    """Read a piece of text between markers: its code spans (from ``codes``, one per "`") and
    its text tokens; what the piece reads as inside emphasis. ``first`` and ``last`` say
    whether an empty text token starts or ends it (a strong pair's outer marker).
    """
    parts = piece.split("`")
    if "\n" in piece:
        return _lines(parts, codes, first, last, code, links, prose)
    words = parts[0]
    for index in range(1, len(parts)):
        content = next(codes)
        _code(parts[index - 1], content, parts[index], code, links)
        words += code_content(content) + parts[index]
    end = len(parts) - 1
    for index, part in enumerate(parts):
        if part or (first and index == 0) or (last and index == end):
            prose.append(part)
    return words


def _lines(
    parts: list[str],
    codes: Iterator[str],
    first: bool,
    last: bool,
    code: list[str],
    links: list[str],
    prose: list[str],
) -> str:
    """``_text`` of a piece with line breaks, cut at "`" into ``parts``: a break ends a text
    token, and is no word of emphasis (markdown-it's soft and hard break tokens)."""
    texts = [_between_breaks(part) for part in parts]
    words = "".join(texts[0])
    for index in range(1, len(texts)):
        content = next(codes)
        _code(texts[index - 1][-1], content, texts[index][0], code, links)
        words += code_content(content) + "".join(texts[index])
    lines = [line for part in texts for line in part]
    end = len(lines) - 1
    for index, line in enumerate(lines):
        if line or (first and index == 0) or (last and index == end):
            prose.append(line)
    return words


def _between_breaks(part: str) -> list[str]:
    """The text of ``part`` on each side of its line breaks: markdown-it drops the spaces
    before a break and the spaces and tabs after it."""
    lines = part.split("\n")
    if len(lines) == 1:
        return lines
    middle = [line.lstrip(" \t").rstrip(" ") for line in lines[1:-1]]
    return [lines[0].rstrip(" "), *middle, lines[-1].lstrip(" \t")]


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
    # A role ends with ":" (before a possible final line break) and has no space: only the
    # last word before the span can be one.
    if before.endswith((":", ":\n")):
        written = _role_code(before.rsplit(None, 1)[-1], content)
        if written is not None:
            if written:
                code.append(written)
            return
    content = " ".join(content.split())
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


@lru_cache(maxsize=4096)
def _role_code(word: str, content: str) -> str | None:
    """A role's code as compared (``:func:`len```), "" for a prose role, None for no role.

    ``word`` is the word before the code span. Cached: the source and its translation name
    the same code, and a text names it again.
    """
    role = _ROLE_BEFORE.search(word)
    if role is None:
        return None
    name = role.group(1)
    if name in _PROSE_ROLES:
        return ""
    content = " ".join(content.split())
    target = _explicit_target(content)
    if target:
        content = target
    elif name == "abbr":
        content = content.split(" (", 1)[0]  # "LIFO (last-in, first-out)": the gloss is prose
    return f":{name}:`{content}`"


def _explicit_target(content: str) -> str | None:
    """The target of reST's "text <target>" (in a role or a hyperlink reference), or None."""
    if not content.endswith(">"):
        return None
    start = content.rfind("<")
    target = content[start + 1 : -1]
    return target if start >= 0 and target and ">" not in target else None
