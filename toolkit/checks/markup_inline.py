"""What one text's inline markup holds, and how each piece of it is recorded for comparison."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, partial
from typing import NamedTuple, cast

NAMED = "a named reST reference"  # in ``Inline.links``, each reST link to a target by name

# reST roles whose content is prose the translator translates (a definition, a menu label);
# every other role names code, a file, a reference or a number and must come through unchanged.
_PROSE_ROLES = frozenset(
    {"dfn", "guilabel", "menuselection", "emphasis", "strong", "title-reference", "sub", "sup"}
)
_ROLE_BEFORE = re.compile(r":([A-Za-z][\w.+-]*(?::[\w.+-]+)*):$")
# The underscores after a reST reference (`text`_, `text`__) are no Markdown emphasis.
REFERENCE_MARK = re.compile(r"(?<=`)(__?)(?!\w)")
# reST's bare references: nginx_, 桥牌_ (a name of any script).
_BARE_REFERENCE = re.compile(r"(?<![\w`])[^\W\d_](?:[^\W_]|[.-]|_(?!_))*(?<!_)__?(?![\w`])")


class Inline(NamedTuple):
    """What the Markdown (and reST) inline markup of one text holds."""

    emphasis: tuple[str, ...]  # each span as written: "*word*" or "**words**"
    # Each code span or role target as written for a message, in order; only which code there
    # is counts, but most texts name each once: the check, not each parse, drops repeats.
    code: tuple[str, ...]
    links: tuple[str, ...]  # link targets in order; reST named references as NAMED
    images: tuple[str, ...]
    html: tuple[str, ...]  # inline HTML as written
    # The text outside code, link targets and autolinks in pieces, some of them empty: the
    # pieces the parse cut anyway (few texts have a URL or an address to look for in them).
    texts: Sequence[str]

    @property
    def prose(self) -> str:
        """The text outside code, link targets and autolinks, a line per piece."""
        return "\n".join(filter(None, self.texts))


_Spans = tuple[str, ...]
_Fields = tuple[_Spans, _Spans, _Spans, _Spans, _Spans, Sequence[str]]
# An ``Inline`` from its fields at C speed: a NamedTuple's own ``__new__`` is a Python function,
# a call that costs more than the rest of a plain text's parse.
make_inline = cast(Callable[[_Fields], Inline], partial(tuple.__new__, Inline))


def bare_references(prose: Iterable[str], links: list[str]) -> None:
    """Add a NAMED link to ``links`` for each bare reST reference (``nginx_``) in ``prose``."""
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
    after_runs = text.split("_")[1:]  # the text after each "_": a run's next one is empty
    if after_runs[-1] and all(part[0].isalnum() or part[0] == "`" for part in after_runs if part):
        return False  # a word after each run (snake_case): no run to look at one by one
    for start, after in underscore_runs(text):
        follower = text[after] if after < len(text) else " "
        if after - start <= 2 and not (follower.isalnum() or follower == "`"):
            return True
    return False


def underscore_runs(text: str) -> Iterator[tuple[int, int]]:
    """Each run of "_" in ``text``: where it starts and where it ends (string methods only)."""
    end, start = len(text), text.find("_")
    while start >= 0:
        after = start + 1
        while after < end and text[after] == "_":
            after += 1
        yield start, after
        start = text.find("_", after)


def close_span(words: list[str], emphasis: list[str]) -> None:
    """Record an emphasis span: its marker, then the text of its words."""
    marker, content = words[0], " ".join("".join(words[1:]).split())
    if marker == "__" and re.fullmatch(r"\w+", content):
        return  # __init__ is a Python name that Markdown reads as strong "init"
    star = "*" * len(marker)
    emphasis.append(f"{star}{content}{star}")


def record_code(before: str, content: str, after: str, code: list[str], links: list[str]) -> None:
    """Record a code span: a reST role's target, a reST hyperlink or plain code.

    ``before`` and ``after`` are the contents of the tokens around it ("" for none or no text).
    """
    # A role ends with ":" (before a possible final line break) and has no space: only the
    # last word before the span can be one.
    if before.endswith((":", ":\n")):
        found = role_code(before.rsplit(None, 1)[-1], content)
        if found is not None:
            if found:
                code.append(found)
            return
    if not after.startswith("_"):
        code.append(f"`{' '.join(content.split())}`")
        return
    # A reST hyperlink reference. `text <url>`_ links to its URL. `name`_ and `text <name_>`_
    # refer to a target by name and `text`__ to the next anonymous target: Sphinx gives a
    # translated name the target of the source's name it replaces, so only their number
    # matters.
    target = _explicit_target(" ".join(content.split()))
    url = "".join(target.split()) if target else ""  # reST drops the spaces
    links.append(url if url and not url.endswith("_") else NAMED)


@lru_cache(maxsize=8192)
def role_code(word: str, content: str) -> str | None:
    """What a code span after ``word`` (the last word before it, ending with ":") records:
    its role's code (``:func:`len```), "" for a prose role, or None when ``word`` ends with
    no role (the span is plain code).

    Cached: the source and its translation name the same code after the same role word, in
    one look-up where two (the role, then its code) would cost twice.
    """
    role = _role(word)
    if role is None:
        return None
    return "" if role in _PROSE_ROLES else _role_code(role, content)


@lru_cache(maxsize=4096)
def _role(word: str) -> str | None:
    """The name of the reST role that ``word`` (before a code span) ends with, or None.

    Cached: a few roles (``:func:``, ``:class:``) name most code, in words of their own or
    after the Chinese text before them.
    """
    role = _ROLE_BEFORE.search(word)
    return role.group(1) if role is not None else None


def _role_code(name: str, content: str) -> str:
    """The code of a role that names code as compared (``:func:`len```)."""
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
