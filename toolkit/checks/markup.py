# ruff: noqa: RUF002, RUF003  (docs and comments quote full-width Chinese punctuation on purpose)
"""Markup checks: emphasis, code, links, images, URLs, e-mail addresses and HTML preserved."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from operator import eq
from typing import NamedTuple

from toolkit.checks.inline import split_code, tokens
from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Pair, Severity
from toolkit.textutil import is_cjk, is_cjk_punctuation

NAMED = "a named reST reference"

# reST roles whose content is prose the translator translates (a definition, a menu label);
# every other role names code, a file, a reference or a number and must come through unchanged.
_PROSE_ROLES = frozenset(
    {"dfn", "guilabel", "menuselection", "emphasis", "strong", "title-reference", "sub", "sup"}
)
_ROLE_BEFORE = re.compile(r":([A-Za-z][\w.+-]*(?::[\w.+-]+)*):$")
# Sphinx serves translated pages under a language folder: /zh-cn/3/ is the same page as /3/.
_LOCALE_SEGMENT = re.compile(r"/(?:zh|zh[-_](?:cn|tw|hk|hans|hant))(?=/|$)", re.IGNORECASE)
_LANGUAGE_HOST = re.compile(
    r"^(\w+://)([a-z]{2}(?:-[a-z]{2,4})?)\.((?:[\w-]+\.)+[\w-]+)(?:/|$)", re.I
)
# Chinese puts no space before a URL or an address (访问https://a.org): \b would not match there.
_URL = re.compile(r"(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\.)[A-Za-z0-9][!-~]*")
_URL_TAIL = ".,;:!?'\")]>*_\\`"
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])"
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b([^<>]*?)(/?)>")
_TAG_TARGET = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
# HTML elements that mark up text. Names that double as command-line placeholders in usage
# strings (<object>, <path>, <option>, <base>, <time>, <source>, <data>...) are left out:
# git translates ``<path>`` to ``<路径>``, which is correct and no HTML at all.
_HTML_ELEMENTS = frozenset(
    name
    for group in (
        "a abbr b bdi bdo big blockquote br center cite code dd del details dfn div dl dt em",
        "figcaption figure font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark ol p pre q",
        "samp small span strike strong sub summary sup table tbody td tfoot th thead tr tt u ul",
        "var wbr",
    )
    for name in group.split()
)
# Where xgettext takes program messages from; document catalogues point to .rst, .txt or .md.
_PROGRAM_SOURCES = frozenset({"c", "h", "cc", "cpp", "py", "js", "ts", "sh", "pl", "rs", "go"})
_NAME = re.compile(r"[A-Za-z_][\w.]*")  # a parameter or code name, left untranslated
# A marker between a Chinese character and full-width punctuation (**黄雪琴（Huang Xueqin）**和)
# neither opens nor closes in CommonMark, which counts （ and “ as punctuation.
_MARKER = re.compile(r"\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")  # not snake_case
_VOID = frozenset({"br", "hr", "img", "wbr"})
# The underscores after a reST reference (`text`_, `text`__) are no Markdown emphasis.
_REFERENCE_MARK = re.compile(r"(?<=`)(__?)(?!\w)")
# reST's bare references: nginx_, 桥牌_ (a name of any script).
_BARE_REFERENCE = re.compile(r"(?<![\w`])[^\W\d_](?:[^\W_]|[.-]|_(?!_))*(?<!_)__?(?![\w`])")


class _Inline(NamedTuple):
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
def _parse(text: str) -> _Inline:
    if not _MARKUP_START.search(text):
        return _Inline((), (), (), (), (), text)
    simple = _simple(text)
    if simple is not None:
        return simple
    if "`_" in text:  # only there can a reST reference's underscores be
        text = _unmark_references(text)
    children = tokens(text)
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
    return _Inline(
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
    end = len(text)
    start = text.find("_")
    while start >= 0:
        after = start + 1
        while after < end and text[after] == "_":
            after += 1
        follower = text[after] if after < end else " "
        if after - start <= 2 and not (follower.isalnum() or follower == "`"):
            return True
        start = text.find("_", after)
    return False


def _simple(text: str) -> _Inline | None:
    """The parse of a text that is code spans in plain text (most texts with markup), or None.

    Outside its code spans such a text has no character that starts a construct: no emphasis
    marker that can open (``snake_case`` cannot), no HTML, entity, escape, link or line break.
    Its tokens are then the code spans and the text between them, read here without a scan.
    String methods only: a regular expression costs ten times more on each character.
    """
    if "\\" in text or "\r" in text or "\0" in text or "](" in text:
        return None
    pieces = split_code(text)[0]  # [text, code, text, code, ..., text]
    outside = "`".join(pieces[::2])  # "`" where a code span was
    if "*" in outside or "<" in outside or "&" in outside or "\n" in outside:
        return None
    if "_" in outside and _may_open(outside):
        return None
    if "`_" in text and any(_REFERENCE_MARK.search(f"`{code}") for code in pieces[1::2]):
        return None  # code that the reference marks' escapes would change (`_`)
    code: list[str] = []
    links: list[str] = []
    # Two code spans are never adjacent (their backticks would be one run): the text on each
    # side of a span is the token before it and the token after it, or nothing.
    for index in range(1, len(pieces), 2):
        _code(pieces[index - 1], pieces[index], pieces[index + 1], code, links)
    prose = [piece for piece in pieces[::2] if piece]
    if "_" in outside:
        _bare_references(prose, links)
    return _Inline((), tuple(dict.fromkeys(code)), tuple(links), (), (), "\n".join(prose))


def _may_open(outside: str) -> bool:
    """Whether a run of "_" in ``outside`` may open emphasis.

    Not after a letter or a digit (snake_case), nor the one or two a reST reference ends with
    (`name`_, `name`__: ``_REFERENCE_MARK`` escapes those).
    """
    end = len(outside)
    start = outside.find("_")
    while start >= 0:
        after = start + 1
        while after < end and outside[after] == "_":
            after += 1
        before = outside[start - 1] if start else " "
        if not before.isalnum() and (
            before != "`" or after - start > 2 or (after < end and outside[after].isalnum())
        ):
            return True
        start = outside.find("_", after)
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


def _tags(html: Iterable[str]) -> list[str]:
    """The text-markup HTML tags among inline HTML, as compared (name and link targets).

    A tag counts when it has attributes, is a void element (``<br>``) or is closed in the same
    text: ``append <mark> on dirty tree`` is a placeholder that happens to be an element name.
    """
    found = [match for match in map(_TAG.fullmatch, (part.strip() for part in html)) if match]
    found = [match for match in found if match.group(2).lower() in _HTML_ELEMENTS]
    opened = {m.group(2).lower() for m in found if not m.group(1)}
    closed = {m.group(2).lower() for m in found if m.group(1)}
    tags = []
    for match in found:
        closing, name, attributes, void = match.groups()
        name = name.lower()
        if not (attributes.strip() or void or name in _VOID or (name in opened & closed)):
            continue
        targets = "".join(
            f' {m.group(1).lower()}="{m.group(2) or m.group(3) or m.group(4)}"'
            for m in _TAG_TARGET.finditer(attributes)
        )
        tags.append(f"<{closing}{name}{targets}{' /' if void else ''}>")
    return tags


def _missing(
    source: Iterable[str], translation: Iterable[str], same: Callable[[str, str], bool] = eq
) -> tuple[list[str], list[str]]:
    """What the source has that the translation lacks, and the reverse (as multisets)."""
    lost, added = list(source), list(translation)
    if lost == added:
        return [], []  # each item matches itself, the first left of the other side (most texts)
    for item in list(lost):
        match = next((other for other in added if same(item, other)), None)
        if match is not None:
            lost.remove(item)
            added.remove(match)
    return lost, added


def _quoted(items: list[str]) -> str:
    """Items for a message: at most three, each cut to 60 characters."""
    shown = [f"'{item if len(item) <= 60 else item[:57] + '...'}'" for item in items[:3]]
    more = f" and {len(items) - 3} more" if len(items) > 3 else ""
    return ", ".join(shown) + more


def compare(
    kind: str,
    source: Iterable[str],
    translation: Iterable[str],
    same: Callable[[str, str], bool] = eq,
) -> Iterator[str]:
    """One message per piece of the source missing from the translation, or added to it."""
    lost, added = _missing(source, translation, same)
    has = "links to" if kind == "link target" else "has"
    for item in lost:
        instead = f"; the translation {has} {_quoted(added)}" if added else " from the translation"
        yield f"{kind} '{item}' of the source is missing{instead}: copy it unchanged"
    if added and not lost:
        yield f"the translation adds {kind} {_quoted(added)}, which the source lacks: remove it"


@check("M101", "emphasis-count", Category.MARKUP, Severity.WARNING, Scope.PAIR)
def emphasis_count(pair: Pair) -> Iterator[str]:
    """The translation has another number of emphasised or strong spans than the source.

    ``*x*`` and ``_x_`` are both emphasis, ``**x**`` and ``__x__`` both strong. A span may be
    repeated (``*arg*`` named twice in the translation), but a name kept in Latin letters must
    stay the same name (``*buf*`` is not ``*bug*``). ``__init__`` is a Python name, not strong.
    """
    msgid, msgstr = pair.msgid, pair.msgstr
    if not ("*" in msgid or "_" in msgid or "*" in msgstr or "_" in msgstr):
        return
    source, translation = _parse(msgid).emphasis, _parse(msgstr).emphasis
    if source == translation or _program_message(pair):
        return  # the same spans; or a star there is a wildcard or a footnote, not markup
    lost = [span for span in source if span not in translation]
    added = [span for span in translation if span not in source]
    for stars in (1, 2):
        left = [span for span in source if _stars(span) == stars]
        right = [span for span in translation if _stars(span) == stars]
        if len(left) != len(right) and len(set(left)) != len(set(right)):
            break
    else:
        renamed = [span for span in added if _NAME.fullmatch(span.strip("*"))]
        if not (renamed and any(_NAME.fullmatch(span.strip("*")) for span in lost)):
            return
        added = renamed
    if not lost:
        yield f"the translation emphasises {_shown(added)}, which the source does not"
    else:
        instead = f"the translation has {_shown(added)}" if added else "the translation does not"
        yield f"the source emphasises {_shown(lost)}; {instead}: mark the same words{_hint(pair)}"


def _hint(pair: Pair) -> str:
    """Why a marker of the translation does not work, if CommonMark's flanking rules are why.

    Markers alternate: an opener between a Chinese character and punctuation (对**“) and a
    closer between punctuation and a Chinese character (）**和) stay literal stars.
    """
    seen: Counter[str] = Counter()
    text = f" {pair.msgstr} "
    for match in _MARKER.finditer(text):
        before, marker, after = text[match.start() - 1], match.group(), text[match.end()]
        opening = seen[marker] % 2 == 0
        seen[marker] += 1
        if (
            (_han(before) and _wide_mark(after))
            if opening
            else (_wide_mark(before) and _han(after))
        ):
            return (
                f" (Markdown does not take '{marker}' between '{before}' and '{after}' as a "
                "marker: put a space outside it)"
            )
    return ""


def _han(char: str) -> bool:
    return is_cjk(char) and not is_cjk_punctuation(char)


def _wide_mark(char: str) -> bool:
    return not char.isascii() and unicodedata.category(char).startswith("P")


def _stars(span: str) -> int:
    return 2 if span.startswith("**") else 1


def _shown(spans: list[str]) -> str:
    return ", ".join(span if len(span) <= 40 else span[:36] + "...*" for span in spans) or "none"


@check("M102", "code-changed", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def code_changed(pair: Pair) -> Iterator[str]:
    """A code span or a reST role target of the source is changed or missing in the translation.

    Code is copied, never translated: ``` ``None`` ```, `` :func:`len` ``. Only the target of
    `` :ref:`text <target>` `` is fixed, and prose roles (``:dfn:``, ``:guilabel:``) are free.
    """
    if not ("`" in pair.msgid or "`" in pair.msgstr):
        return
    source, translation = _parse(pair.msgid).code, _parse(pair.msgstr).code
    if source == translation or _program_message(pair):
        return  # the same code; or its backticks are quotation marks (`{name}'), not markup
    lost, added = _missing(source, translation, _same_code)
    for item in lost:
        instead = f"; the translation has {_quoted(added)}" if added else ""
        yield f"code {item} of the source is missing or changed{instead}: copy it unchanged"


def _program_message(pair: Pair) -> bool:
    """A message of a program (a format string, or taken from code), not of a document."""
    formats = (flag for flag in pair.flags if not flag.startswith("no-"))
    return any(flag.endswith("-format") for flag in formats) or any(
        path.rsplit(".", 1)[-1] in _PROGRAM_SOURCES for path, _ in pair.occurrences
    )


def _same_code(source: str, translation: str) -> bool:
    """Equal, or the same reST target written more fully (:meth:`clear`, :meth:`~Event.clear`)."""
    if source == translation:
        return True
    role = source.split("`", 1)[0]
    if not role or not translation.startswith(role + "`"):
        return False
    short = source[len(role) + 1 : -1].lstrip("~!")
    full = translation[len(role) + 1 : -1].lstrip("~!")
    return full.endswith("." + short)


@check("M103", "link-target", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def link_target(pair: Pair) -> Iterator[str]:
    """A link target of the source is changed or missing in the translation.

    Compares Markdown links, autolinks and reST hyperlinks (`` `text <url>`_ ``): the link
    text is translated, the target is not. A localised copy of the page (``/zh-cn/``,
    ``zh.wikipedia.org``) counts as the same; reST named references count by number.
    """
    msgid, msgstr = pair.msgid, pair.msgstr
    if not ("`" in msgid or "_" in msgid or "[" in msgid or "<" in msgid) and not (
        "`" in msgstr or "_" in msgstr or "[" in msgstr or "<" in msgstr
    ):
        return
    source, translation = _parse(msgid).links, _parse(msgstr).links
    if source == translation:
        return
    named, renamed = source.count(NAMED), translation.count(NAMED)
    if named != renamed:
        yield (
            f"{named} reST reference(s) (`name`_, `text`__) in the source, {renamed} in the "
            "translation: keep every link"
        )
    source = tuple(link for link in source if link != NAMED)
    translation = tuple(link for link in translation if link != NAMED)
    yield from compare("link target", source, translation, _same_page)


def _same_page(source: str, translation: str) -> bool:
    if _unlocalised(source) == _unlocalised(translation):
        return True
    left, right = _LANGUAGE_HOST.match(source), _LANGUAGE_HOST.match(translation)
    # en.wikipedia.org/wiki/Fibonacci_number -> zh.wikipedia.org/wiki/斐波那契数列: the same
    # article in the reader's language, under a translated title.
    return bool(
        left and right and left.group(2) != right.group(2) and left.group(3) == right.group(3)
    )


@check("M104", "image-source", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def image_source(pair: Pair) -> Iterator[str]:
    """An image of the source (``![alt](src)``) is changed or missing in the translation."""
    if "![" in pair.msgid or "![" in pair.msgstr:
        yield from compare("image", _parse(pair.msgid).images, _parse(pair.msgstr).images)


@check("M105", "url-changed", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def url_changed(pair: Pair) -> Iterator[str]:
    """A URL written in the text of the source is changed or missing in the translation."""
    msgid, msgstr = pair.msgid, pair.msgstr
    if not ("://" in msgid or "www." in msgid or "://" in msgstr or "www." in msgstr):
        return
    source, translation = _urls(_parse(pair.msgid).prose), _urls(_parse(pair.msgstr).prose)
    yield from compare("URL", source, translation, _same_page)


def _urls(text: str) -> list[str]:
    found = []
    for match in _URL.finditer(text):
        url = match.group()
        while url and url[-1] in _URL_TAIL and not (url[-1] == ")" and "(" in url):
            url = url[:-1]
        found.append(url)
    return found


def _unlocalised(url: str) -> str:
    return _LOCALE_SEGMENT.sub("", url.rstrip("/"))


@check("M106", "email-changed", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def email_changed(pair: Pair) -> Iterator[str]:
    """An e-mail address of the source is changed or missing in the translation."""
    if not ("@" in pair.msgid or "@" in pair.msgstr):
        return
    source = _EMAIL.findall(_parse(pair.msgid).prose)
    translation = _EMAIL.findall(_parse(pair.msgstr).prose)
    yield from compare("e-mail address", source, translation)


@check("M107", "html-tags", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def html_tags(pair: Pair) -> Iterator[str]:
    """The translation has another set of HTML tags than the source (``<b>``, ``<a href>``)."""
    if not ("<" in pair.msgid or "<" in pair.msgstr):
        return
    source, translation = _parse(pair.msgid).html, _parse(pair.msgstr).html
    if source != translation:  # else the same tags
        yield from compare("HTML tag", _tags(source), _tags(translation))
