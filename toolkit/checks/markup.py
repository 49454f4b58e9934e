# ruff: noqa: RUF002, RUF003  (docs and comments quote full-width Chinese punctuation on purpose)
"""Markup checks: emphasis, code, links, images, URLs, e-mail addresses and HTML preserved."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from operator import eq

from toolkit.checks.markup_fast import same_plain_code
from toolkit.checks.markup_parse import NAMED, parse
from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Pair, Severity
from toolkit.textutil import is_cjk, is_cjk_punctuation

# Sphinx serves translated pages under a language folder: /zh-cn/3/ is the same page as /3/.
_LOCALE_SEGMENT = re.compile(r"/(?:zh|zh[-_](?:cn|tw|hk|hans|hant))(?=/|$)", re.IGNORECASE)
_LANGUAGE_HOST = re.compile(
    r"^(\w+://)([a-z]{2}(?:-[a-z]{2,4})?)\.((?:[\w-]+\.)+[\w-]+)(?:/|$)", re.I
)
# Chinese puts no space before a URL or an address (访问https://a.org): \b would not match there.
URL = re.compile(r"(?<![A-Za-z0-9])(?:(?:https?|ftp)://|www\.)[A-Za-z0-9][!-~]*")
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
) -> list[str]:
    """One message per piece of the source missing from the translation, or added to it.

    A list, empty for most pairs: the engine sets up no loop for an empty result.
    """
    lost, added = _missing(source, translation, same)
    has = "links to" if kind == "link target" else "has"
    messages = []
    for item in lost:
        instead = f"; the translation {has} {_quoted(added)}" if added else " from the translation"
        messages.append(f"{kind} '{item}' of the source is missing{instead}: copy it unchanged")
    if added and not lost:
        messages.append(
            f"the translation adds {kind} {_quoted(added)}, which the source lacks: remove it"
        )
    return messages


# Each check returns () when it finds nothing (most pairs), its generator of messages only when
# there is something to report: a generator made for every pair would cost more than the test.
# A translation that is its source (a code sample, a name) has the same markup: no check that
# compares the two parses needs them (a code block costs the parse most).


@check("M101", "emphasis-count", Category.MARKUP, Severity.WARNING, Scope.PAIR)
def emphasis_count(pair: Pair) -> Iterable[str]:
    """The translation has another number of emphasised or strong spans than the source.

    ``*x*`` and ``_x_`` are both emphasis, ``**x**`` and ``__x__`` both strong. A span may be
    repeated (``*arg*`` named twice in the translation), but a name kept in Latin letters must
    stay the same name (``*buf*`` is not ``*bug*``). ``__init__`` is a Python name, not strong.
    """
    msgid, msgstr = pair.msgid, pair.msgstr
    if not ("*" in msgid or "_" in msgid or "*" in msgstr or "_" in msgstr) or msgid == msgstr:
        return ()
    source, translation = parse(msgid).emphasis, parse(msgstr).emphasis
    if source == translation or _program_message(pair):
        return ()  # the same spans; or a star there is a wildcard or a footnote, not markup
    return _emphasis_messages(pair, source, translation)


def _emphasis_messages(
    pair: Pair, source: tuple[str, ...], translation: tuple[str, ...]
) -> Iterator[str]:
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
def code_changed(pair: Pair) -> Iterable[str]:
    """A code span or a reST role target of the source is changed or missing in the translation.

    Code is copied, never translated: ``` ``None`` ```, `` :func:`len` ``. Only the target of
    `` :ref:`text <target>` `` is fixed, and prose roles (``:dfn:``, ``:guilabel:``) are free.
    """
    msgid, msgstr = pair.msgid, pair.msgstr
    if not ("`" in msgid or "`" in msgstr) or msgid == msgstr or same_plain_code(msgid, msgstr):
        return ()  # no code; or the same code, seen without the parses (most pairs with code)
    source, translation = parse(msgid).code, parse(msgstr).code
    if source != translation:  # only which code there is counts: each once
        source, translation = tuple(dict.fromkeys(source)), tuple(dict.fromkeys(translation))
    if source == translation or _program_message(pair):
        return ()  # the same code; or its backticks are quotation marks (`{name}'), not markup
    lost, added = _missing(source, translation, _same_code)
    instead = f"; the translation has {_quoted(added)}" if added else ""
    return [
        f"code {item} of the source is missing or changed{instead}: copy it unchanged"
        for item in lost
    ]


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
def link_target(pair: Pair) -> Iterable[str]:
    """A link target of the source is changed or missing in the translation.

    Compares Markdown links, autolinks and reST hyperlinks (`` `text <url>`_ ``): the link
    text is translated, the target is not. A localised copy of the page (``/zh-cn/``,
    ``zh.wikipedia.org``) counts as the same; reST named references count by number.
    """
    msgid, msgstr = pair.msgid, pair.msgstr
    # A link comes from "](" or an autolink's "<"; a reST reference ends with "_" (escaped,
    # "\\_", or written as an entity, "&#95;"): a text without these has none.
    if (
        not ("_" in msgid or "<" in msgid or "&" in msgid or ("]" in msgid and "](" in msgid))
        and not (
            "_" in msgstr or "<" in msgstr or "&" in msgstr or ("]" in msgstr and "](" in msgstr)
        )
    ) or msgid == msgstr:
        return ()
    source, translation = parse(msgid).links, parse(msgstr).links
    if source == translation:
        return ()
    messages = []
    named, renamed = source.count(NAMED), translation.count(NAMED)
    if named != renamed:
        messages.append(
            f"{named} reST reference(s) (`name`_, `text`__) in the source, {renamed} in the "
            "translation: keep every link"
        )
    source = tuple(link for link in source if link != NAMED)
    translation = tuple(link for link in translation if link != NAMED)
    return messages + compare("link target", source, translation, _same_page)


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
def image_source(pair: Pair) -> Iterable[str]:
    """An image of the source (``![alt](src)``) is changed or missing in the translation."""
    msgid, msgstr = pair.msgid, pair.msgstr
    # "!" first: one character is found at memchr's speed, a pair of them by a slower search.
    if (("!" in msgid and "![" in msgid) or ("!" in msgstr and "![" in msgstr)) and msgid != msgstr:
        return compare("image", parse(msgid).images, parse(msgstr).images)
    return ()


@check("M105", "url-changed", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def url_changed(pair: Pair) -> Iterable[str]:
    """A URL written in the text of the source is changed or missing in the translation."""
    msgid, msgstr = pair.msgid, pair.msgstr
    # "/" (and "w" of a translation) first: one character is found at memchr's speed, a string
    # by a slower search.
    if (
        not (
            ("/" in msgid and "://" in msgid)
            or "www." in msgid  # (an English text has a "w": no test first)
            or ("/" in msgstr and "://" in msgstr)
            or ("w" in msgstr and "www." in msgstr)
        )
        or msgid == msgstr
    ):
        return ()
    source, translation = _urls(parse(msgid).prose), _urls(parse(msgstr).prose)
    return compare("URL", source, translation, _same_page)


def _urls(text: str) -> list[str]:
    found = []
    for match in URL.finditer(text):
        url = match.group()
        while url and url[-1] in _URL_TAIL and not (url[-1] == ")" and "(" in url):
            url = url[:-1]
        found.append(url)
    return found


def _unlocalised(url: str) -> str:
    return _LOCALE_SEGMENT.sub("", url.rstrip("/"))


@check("M106", "email-changed", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def email_changed(pair: Pair) -> Iterable[str]:
    """An e-mail address of the source is changed or missing in the translation."""
    msgid, msgstr = pair.msgid, pair.msgstr
    if not ("@" in msgid or "@" in msgstr) or msgid == msgstr:
        return ()
    source = _EMAIL.findall(parse(msgid).prose)
    translation = _EMAIL.findall(parse(msgstr).prose)
    return compare("e-mail address", source, translation)


@check("M107", "html-tags", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def html_tags(pair: Pair) -> Iterable[str]:
    """The translation has another set of HTML tags than the source (``<b>``, ``<a href>``)."""
    msgid, msgstr = pair.msgid, pair.msgstr
    if not ("<" in msgid or "<" in msgstr) or msgid == msgstr:
        return ()
    source, translation = parse(msgid).html, parse(msgstr).html
    if source == translation:
        return ()  # the same tags
    return compare("HTML tag", _tags(source), _tags(translation))
