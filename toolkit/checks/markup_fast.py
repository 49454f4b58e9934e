"""The markup parse of most texts without tokens: code spans in text, marker pairs, HTML tags."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks.codespans import code_ticks, split_code
from toolkit.checks.delimiters import flanking_chars
from toolkit.checks.inline import Split, code_content, unescaped
from toolkit.checks.inline_scanner import autolink_at, html_at
from toolkit.checks.markup_inline import (
    REFERENCE_MARK,
    Inline,
    bare_references,
    close_span,
    make_inline,
    record_code,
    role_code,
    underscore_runs,
)

# An escape before half a surrogate pair: markdown-it reads it otherwise (the scan too leaves
# those to it).
_ODD_ESCAPE = re.compile("\\\\[\ud800-\udfff]")


def simple(text: str, split: Split | None = None) -> Inline | None:
    """The parse of a text that is code spans in plain text (most texts with markup), or None.

    Outside its code spans such a text has no entity or link, emphasis markers of one kind
    (``snake_case``'s "_" cannot open: it is no marker), and an escape only in a text without
    markers, lines and "<" (``emphatic`` reads marker pairs and lines, ``_angled`` autolinks
    and tags). Its tokens are then the code spans and the text between them, read here
    without a scan.
    String methods only: a regular expression costs ten times more on each character.
    ``split`` is ``split_code(text)`` when the caller has it already.
    """
    if "\r" in text or "\0" in text or ("]" in text and "](" in text):
        return None
    if split is not None:
        pieces = split
    elif "``" not in text and text.count("`") % 2 == 0:
        pieces = text.split("`")  # ``split_code``'s most common case, without its call
    else:
        pieces = split_code(text)
    # A character that is markup outside code, found in the text (code and all): most texts
    # have none, and need no text without their code to look at.
    if "_" in text or "*" in text or "\n" in text or "\\" in text or "<" in text or "&" in text:
        outside = "`".join(pieces[::2])  # "`" where a code span was
        if (
            "_" in outside
            or "*" in outside
            or "\n" in outside
            or "\\" in outside
            or "<" in outside
            or "&" in outside
            or "`_" in text  # a reference mark, or code its escapes would change (`_`)
        ):
            return _marked(text, pieces, outside)
    # Code spans in plain text: no reference mark after a span, no line before one.
    gaps = pieces[::2]
    if ":`" in text:  # a role before a span, maybe
        code: list[str] = []
        for before, content in zip(gaps, pieces[1::2], strict=False):
            # ``record_code`` without its call: no reference mark, no line break here.
            if (
                before[-1:] == ":"
                and (found := role_code(before.rsplit(None, 1)[-1], content)) is not None
            ):
                if found:
                    code.append(found)
            else:
                code.append(f"`{' '.join(content.split())}`")
    else:
        code = [f"`{' '.join(content.split())}`" for content in pieces[1::2]]
    return make_inline(((), tuple(code), (), (), (), gaps))


def same_plain_code(source: str, translation: str) -> bool:
    """Whether both texts are code spans in plain text (no other markup character anywhere)
    with the same code, each span after the same last word: their parses then record the
    same code (``simple``'s last case), and need not be made.

    Most pairs with code are such: the translation copies the source's code and its roles.
    False says nothing: the parses decide.
    """
    if (
        "_" in source  # the likeliest first: a pair with any of these is not such
        or "*" in source
        or "<" in source
        or "\\" in source
        or "\n" in source
        or "&" in source
        or _marks(translation)
        or _marks(source)
    ):
        return False
    if "``" in source or "``" in translation:
        left, right = split_code(source), split_code(translation)
    else:  # single backticks: each closes the one before, the last one alone is text
        left, right = source.split("`"), translation.split("`")
        if not (len(left) % 2 and len(right) % 2):
            left, right = split_code(source), split_code(translation)
    if left[1::2] != right[1::2]:
        return False
    if ":`" in source or ":`" in translation:  # a role before a span, maybe: the same word?
        for before, after in zip(left[:-1:2], right[:-1:2], strict=True):
            ends = before[-1:] == ":"
            if ends != (after[-1:] == ":"):
                return False
            if ends:
                # The words after the last space, the same and without other white space, are
                # the last words (cut at any white space, which copies the text before).
                word = before[before.rfind(" ") + 1 :]
                if (word != after[after.rfind(" ") + 1 :] or not word.isprintable()) and (
                    before.rsplit(None, 1)[-1] != after.rsplit(None, 1)[-1]
                ):
                    return False
    return True


def _marks(text: str) -> bool:
    """Whether ``text`` has a markup character besides "`" (or one markdown-it normalises)."""
    return (
        "_" in text
        or "*" in text
        or "\n" in text
        or "\\" in text
        or "<" in text
        or "&" in text
        or "\r" in text
        or "\0" in text
        or ("]" in text and "](" in text)
    )


def _marked(text: str, pieces: list[str], outside: str) -> Inline | None:
    """``simple``'s parse of a text with "_", "*", a line break, an escape, "<" or "&" outside
    its code spans (``outside``: its text with "`" for each code span), or None."""
    if "&" in outside:
        return None
    gaps = pieces[::2]
    angle = "<" in outside
    underscore = "_" in outside
    reference = "`_" in text  # a reST reference's mark, or a "_" opening after a code span
    marker = "_" if underscore and _may_open(outside) else "*"  # which marker pairs
    if marker == "_" and (reference or "*" in outside or "\\" in outside or angle):
        return None  # two markers (and reference marks among "_") pair by other rules
    if reference and any(REFERENCE_MARK.search(f"`{code}") for code in pieces[1::2]):
        return None  # code that the reference marks' escapes would change (`_`)
    if "\\" in outside:
        if angle or "*" in outside or "\n" in outside or "\\`" in outside:
            return None  # an escape: of a star, a line break, a backtick or a "<"
        if _ODD_ESCAPE.search(outside):
            return None  # an escape of half a character
        pieces = pieces.copy()
        pieces[::2] = gaps = [unescaped(gap) for gap in gaps]  # text as it reads
    elif marker == "_" or "*" in outside or "\n" in outside:
        return None if angle else emphatic(outside, pieces, marker)
    if angle:
        return _angled(text, pieces, underscore)
    code: list[str] = []
    links: list[str] = []
    if not reference and ":`" not in text:
        # No role before a span, no reference after it (most texts): each span is plain code.
        code = [f"`{' '.join(content.split())}`" for content in pieces[1::2]]
    else:
        # Two code spans are never adjacent (their backticks would be one run): the text on
        # each side of a span is the token before it and the token after it, or nothing.
        for index in range(1, len(pieces), 2):
            record_code(pieces[index - 1], pieces[index], pieces[index + 1], code, links)
    if underscore:
        bare_references(gaps, links)
    return make_inline(((), tuple(code), tuple(links), (), (), gaps))


def _angled(text: str, pieces: list[str], underscore: bool) -> Inline | None:
    """``simple``'s parse of a text with "<" outside its code spans (``[<options>]``, ``a < b``,
    ``<b>``), or None when an autolink or a tag there would run into a code span.

    Each "<" opens an autolink, else a tag, else is itself (markdown-it's order); both are
    read on the whole text, as markdown-it reads them. The code spans are recorded with the
    text around them whole: a role word or a reference mark next to a span is text, never
    part of a tag, so it reads the same.
    """
    code: list[str] = []
    links: list[str] = []
    html: list[str] = []
    prose: list[str] = []
    start, last = 0, len(pieces) - 1  # where the text between code spans starts in ``text``
    ticks = code_ticks(text, pieces)
    for index in range(0, len(pieces), 2):
        gap = pieces[index]
        end = start + len(gap)
        if "<" not in gap:
            prose.append(gap)
        elif not _angles(text, start, end, links, html, prose):
            return None
        if index < last:
            record_code(gap, pieces[index + 1], pieces[index + 2], code, links)
            start = end + 2 * ticks[index // 2] + len(pieces[index + 1])
    if underscore:
        bare_references(prose, links)
    return make_inline(((), tuple(code), tuple(links), (), tuple(html), prose))


def _angles(
    text: str, start: int, end: int, links: list[str], html: list[str], prose: list[str]
) -> bool:
    """Read the autolinks and tags of ``text[start:end]`` (text between code spans) into
    ``links`` and ``html``, the text around them into ``prose``; False when one runs on past
    ``end`` or holds a backtick (the code spans would be other ones)."""
    floor, at = start, text.find("<", start, end)
    while at >= 0:
        autolink = autolink_at(text, at)
        tag = None if autolink is not None else html_at(text, at)
        if autolink is None and tag is None:
            at = text.find("<", at + 1, end)  # the character itself
            continue
        stop = autolink[0] if autolink is not None else at + len(tag or "")
        if stop > end or "`" in text[at:stop]:
            return False
        prose.append(text[floor:at])
        if autolink is not None:
            links.append(autolink[1][0].target)
        else:
            html.append(text[at:stop])
        floor, at = stop, text.find("<", stop, end)
    prose.append(text[floor:end])
    return True


def emphatic(outside: str, pieces: list[str], marker: str = "*") -> Inline | None:
    """The parse of a text of code spans, plain text, line breaks and runs of ``marker`` that
    pair one after another (``*arg*``, ``**note**``, ``__init__``), or None: ``outside`` is
    its text with "`" for each code span.

    ``simple``'s text with stars, "_" that may open or lines: markdown-it's tokens are then
    the code spans, the marker pairs, the line breaks and the text between them, read here
    without a token. The runs of the other marker cannot open (of "_") or there are none (of
    "*"), and CommonMark pairs each marker on its own: they stay text.
    """
    if outside.count("`") * 2 + 1 != len(pieces):
        return None  # a backtick of the text is no code span: it would read as one here
    pairs = _pairs(outside, marker)
    if pairs is None:
        return None
    if "\n" not in outside and marker == "*":
        return _one_line(outside, pieces, pairs)
    emphasis: list[str] = []
    code: list[str] = []
    links: list[str] = []
    prose: list[str] = []
    codes = iter(pieces[1::2])
    last = 0  # where the text goes on
    for open_start, open_end, close_start, close_end in pairs:
        _text(outside[last:open_start], codes, code, links, prose)
        words = _text(outside[open_end:close_start], codes, code, links, prose)
        close_span([outside[open_start:open_end], words], emphasis)
        last = close_end
    _text(outside[last:], codes, code, links, prose)
    if "_" in outside:
        bare_references(prose, links)
    return make_inline((tuple(emphasis), tuple(code), tuple(links), (), (), prose))


def _one_line(outside: str, pieces: list[str], pairs: list[tuple[int, int, int, int]]) -> Inline:
    """``emphatic``'s parse of a text without line breaks, from its "*" ``pairs``.

    Its code spans are recorded with the text around them whole, as ``simple`` records them:
    a marker next to a span ends no role word and starts no reference mark ("*" is neither).
    """
    code: list[str] = []
    links: list[str] = []
    for before, content, after in zip(pieces[::2], pieces[1::2], pieces[2::2], strict=False):
        if before[-1:] == ":" or after[:1] == "_":  # a role or a reference, maybe
            record_code(before, content, after, code, links)
        else:  # plain code (most spans), without the call
            code.append(f"`{' '.join(content.split())}`")
    emphasis: list[str] = []
    prose: list[str] = []
    last = 0  # where the text goes on
    for open_start, open_end, close_start, close_end in pairs:
        prose += outside[last:open_start].split("`")
        words = outside[open_end:close_start]
        if "`" in words:  # the code spans of the words, as their tokens have them
            parts = words.split("`")
            prose += parts
            first = 2 * outside.count("`", 0, open_end) + 1  # the first one's piece
            contents = map(code_content, pieces[first : first + 2 * len(parts) - 2 : 2])
            words = parts[0] + "".join(map(str.__add__, contents, parts[1:]))
        else:
            prose.append(words)
        star = outside[open_start:open_end]  # close_span's, for "*" (``__init__`` is "_")
        emphasis.append(f"{star}{' '.join(words.split())}{star}")
        last = close_end
    prose += outside[last:].split("`")
    if "_" in outside:
        bare_references(prose, links)
    return make_inline((tuple(emphasis), tuple(code), tuple(links), (), (), prose))


def _pairs(outside: str, marker: str) -> list[tuple[int, int, int, int]] | None:
    """Each pair of ``marker`` runs (opener's start and end, closer's start and end) when the
    runs that can open or close pair one after another (``toolkit.checks.inline``'s test), or
    None.

    A closer with no opener before it, and a last opener that nothing closes, are text
    (``%.*s``, ``a* b``): CommonMark pairs a closer with an opener before it, and there is
    none that another closer could take.
    """
    end, start = len(outside), outside.find(marker)
    found = []
    opener: tuple[int, int] | None = None  # the run that opened, not closed yet
    while start >= 0:
        after = start + 1
        while after < end and outside[after] == marker:
            after += 1
        # The text's ends count as spaces.
        last_char, next_char = outside[start - 1] if start else " ", outside[after : after + 1]
        can_open, can_close = flanking_chars(last_char, marker, next_char or " ")
        if opener is not None and (can_open or can_close):
            if not can_close or after - start != opener[1] - opener[0]:
                return None
            found.append((*opener, start, after))
            opener = None
        elif can_open:
            if after - start > 2:
                return None
            opener = (start, after)
        start = outside.find(marker, after)
    return found


def _text(
    piece: str, codes: Iterator[str], code: list[str], links: list[str], prose: list[str]
) -> str:
    """Read a piece of text between markers: its code spans (from ``codes``, one per "`") and
    its text; what the piece reads as inside emphasis.
    """
    if "`" not in piece and "\n" not in piece:  # text only (most pieces)
        prose.append(piece)
        return piece
    parts = piece.split("`")
    if "\n" in piece:
        return _lines(parts, codes, code, links, prose)
    prose += parts
    words = parts[0]
    for index in range(1, len(parts)):
        content = next(codes)
        record_code(parts[index - 1], content, parts[index], code, links)
        words += code_content(content) + parts[index]
    return words


def _lines(
    parts: list[str], codes: Iterator[str], code: list[str], links: list[str], prose: list[str]
) -> str:
    """``_text`` of a piece with line breaks, cut at "`" into ``parts``: a break ends a text
    token, and is no word of emphasis (markdown-it's soft and hard break tokens)."""
    texts = [_between_breaks(part) for part in parts]
    words = "".join(texts[0])
    for index in range(1, len(texts)):
        content = next(codes)
        record_code(texts[index - 1][-1], content, texts[index][0], code, links)
        words += code_content(content) + "".join(texts[index])
    prose.extend(line for part in texts for line in part)
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
    (`name`_, `name`__: ``REFERENCE_MARK`` escapes those), nor before a space or the end
    (a footnote's [#]_): only a left-flanking run opens.
    """
    before_runs = outside.split("_")[:-1]  # the text before each "_": inside a run, empty
    if before_runs[0] and all(part[-1].isalnum() for part in before_runs if part):
        return False  # a word before each run (snake_case): no run to look at one by one
    end = len(outside)
    for start, after in underscore_runs(outside):
        before = outside[start - 1] if start else " "
        next_char = outside[after] if after < end else " "
        if (
            not before.isalnum()
            and (before != "`" or after - start > 2 or next_char.isalnum())
            and flanking_chars(before, "_", next_char)[0]
        ):
            return True
    return False
