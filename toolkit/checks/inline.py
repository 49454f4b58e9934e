"""CommonMark inline tokens of one text: markdown-it's, or the same from a fast scan without links.

markdown-it-py's ``parseInline`` is exact but slow (a state object, a core chain and every
inline rule tried at each punctuation mark). Catalogue texts use a few inline constructs:
code spans, emphasis, escapes, autolinks, HTML tags and entities. ``scan`` follows
markdown-it's own rules for those, in one pass over the text between the code spans for most
texts (``_quick``) and step by step for the others (``toolkit.checks.inline_scanner``), and
gives up on the one construct it does not follow, a link or an image (``[...](``): the caller
then asks markdown-it. All give the same tokens (property tests hold them equal).
"""

from __future__ import annotations

import re
from operator import itemgetter

from markdown_it.rules_inline.escape import _ESCAPED
from markdown_it.token import Token

from toolkit.checks.codespans import code_ticks, split_code
from toolkit.checks.delimiters import Delimiter, balance, flanking, pairs
from toolkit.checks.inline_scanner import (
    MARKDOWN,
    GiveUp,
    Scanner,
    Tok,
    autolink_at,
    entity_at,
    html_at,
    skip_spaces,
)

# What the quick path reads between code spans: a run of markers, an escape, a line break,
# a tag or an entity. Written to start with a set of characters: the engine then skips to
# them at C speed (an alternation of runs would be tried at every character).
_QUICK_TOKEN = re.compile(r"[*_\\\n<&](?:(?<=\*)\**|(?<=_)_*|(?<=\\).)?", re.DOTALL)
# An escape that stands for the character escaped; "\\" before any other is itself.
_ESCAPE = re.compile("\\\\([" + re.escape("".join(sorted(_ESCAPED))) + "])")
Split = list[str]  # what ``split_code`` gives
_Event = tuple[int, int, Tok]  # a token and the characters of the text it replaces
_Run = tuple[int, int, bool, bool]  # a run of markers: where, and whether it can open, close
_EMPTY = Tok("text_special")  # the outer marker of a strong pair: text without content


def tokens(text: str, split: Split | None = None) -> list[Tok]:
    """The inline tokens of ``text`` as markdown-it's CommonMark ``parseInline`` gives them.

    ``split`` is ``split_code(text)`` when the caller has it already.
    """
    found = scan(text, split)
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


def scan(text: str, split: Split | None = None) -> list[Tok] | None:
    """The tokens of ``text`` without markdown-it, or None when it has a link or an image."""
    if "\r" in text or "\0" in text:
        return None  # markdown-it normalises these first
    quick = _quick(text, split or split_code(text))
    if quick is not None:
        return quick
    try:
        return Scanner(text).run()
    except GiveUp:
        return None


def _quick(text: str, split: Split) -> list[Tok] | None:
    """The tokens of a text that is code spans, emphasis markers, escapes, line breaks, HTML,
    autolinks, entities and plain text (most texts with markup), or None when it has a link,
    an escaped backtick or line break, or a "<" before a code span outside its code spans.

    The scanner's steps without its searches and without a token per marker: the code spans
    come from ``split_code`` (string methods), the text between them is read once for runs of
    markers, escapes (the markup checks escape a reST reference's "_": `name`\\_), line
    breaks, tags and entities, and the tokens are cut from the text where the paired markers
    are.
    """
    pieces = split
    ticks = code_ticks(text, pieces) if len(pieces) > 1 else []
    outside = "`".join(pieces[::2])  # "`" where a code span was: the character markdown sees
    if "[" in outside and "](" in text:
        return None
    if "\\`" in outside or "\\\n" in outside:
        return None  # an escaped backtick (no code span there) or a hard break
    events: list[_Event] = []
    runs: list[_Run] = []
    floor = 0  # where the scanner's pending text starts: after its last token
    code, at = 0, (len(pieces[0]) if ticks else -1)  # the next code span, and where it is
    pos = 0
    while (found := _QUICK_TOKEN.search(outside, pos)) is not None:
        start, end = found.span()
        while 0 <= at < start:
            events.append((at, at + 1, _code_token(pieces[2 * code + 1], ticks[code])))
            floor = at + 1
            code += 1
            at = at + 1 + len(pieces[2 * code]) if code < len(ticks) else -1
        marker = outside[start]
        if marker == "\n":
            floor = pos = _line_break(outside, start, floor, events)
            continue
        if marker == "<" or marker == "&":
            if marker == "<" and at >= 0:
                return None  # a tag may run into a code span: the code span may be none
            end = (_angle if marker == "<" else _entity)(outside, start, events)
            if not end:  # the character itself
                pos = start + 1
                continue
        elif marker != "\\":
            runs.append((start, end, *flanking(outside, start, end)))
        elif end - start == 2 and 0xD800 <= ord(outside[start + 1]) <= 0xDFFF:
            return None  # an escaped lone surrogate: markdown-it pairs it first
        floor = pos = end  # after a token (an escape is text: the escaped character, or both)
    while at >= 0:
        events.append((at, at + 1, _code_token(pieces[2 * code + 1], ticks[code])))
        code += 1
        at = at + 1 + len(pieces[2 * code]) if code < len(ticks) else -1
    if runs and not _one_after_another(outside, runs, events):
        _paired(outside, runs, events)
    return _cut(outside, events)


def _angle(outside: str, start: int, events: list[_Event]) -> int:
    """An autolink or HTML tag at ``start``: its tokens, and where it ends (0: neither)."""
    autolink = autolink_at(outside, start)
    if autolink is not None:
        end, (link_open, text, link_close) = autolink
        events += ((start, start, link_open), (start, start, text), (start, end, link_close))
        return end
    tag = html_at(outside, start)
    if tag is None:
        return 0
    events.append((start, start + len(tag), Tok("html_inline", tag)))
    return start + len(tag)


def _entity(outside: str, start: int, events: list[_Event]) -> int:
    """A character reference at ``start``: text, the character (0: none there)."""
    found = entity_at(outside, start)
    if found is None:
        return 0
    character, reference = found
    events.append((start, start + len(reference), Tok("text_special", character)))
    return start + len(reference)


def _line_break(outside: str, start: int, floor: int, events: list[_Event]) -> int:
    """A line break at ``start``: soft, or hard after two spaces; the spaces around it dropped
    (the scanner's ``newline``, on the text since its last token). Where the text goes on."""
    spaces = start
    while spaces > floor and outside[spaces - 1] == " ":
        spaces -= 1
    kind = "hardbreak" if start - spaces >= 2 else "softbreak"
    after = skip_spaces(outside, start + 1)
    events.append((spaces, after, Tok(kind)))
    return after


def _one_after_another(outside: str, runs: list[_Run], events: list[_Event]) -> bool:
    """The em and strong tokens of runs of markers that pair one after another, if they do.

    Leaving out the runs that can neither open nor close, each run that can open is followed
    by one of its marker and length (one or two) that can close: the closer finds that opener
    first, and its pair leaves no opener behind for the next (most texts: *arg*, **note**).
    """
    active = [run for run in runs if run[2] or run[3]]
    if len(active) % 2:
        return False
    found: list[_Event] = []
    for index in range(0, len(active), 2):
        start, end, can_open, _ = active[index]
        close, close_end, _, can_close = active[index + 1]
        length = end - start
        if not (can_open and can_close and length <= 2 and close_end - close == length):
            return False
        marker = outside[start]
        if outside[close] != marker:
            return False
        if length == 1:
            found.append((start, end, Tok("em_open", "", marker)))
            found.append((close, close_end, Tok("em_close", "", marker)))
        else:  # the inner markers are the tokens, the outer ones empty text
            found.append((start, start + 1, _EMPTY))
            found.append((start + 1, end, Tok("strong_open", "", marker * 2)))
            found.append((close, close + 1, Tok("strong_close", "", marker * 2)))
            found.append((close + 1, close_end, _EMPTY))
    events += found
    return True


def _paired(outside: str, runs: list[_Run], events: list[_Event]) -> None:
    """The em and strong tokens of the markers as CommonMark pairs them, at their places."""
    delimiters: list[Delimiter] = []
    places: list[int] = []  # where each delimiter's marker is in ``outside``
    token = 0
    for start, end, can_open, can_close in runs:
        token += 1  # numbers only tell whether two markers are adjacent: a gap between runs
        for place in range(start, end):
            delimiters.append(
                Delimiter(outside[start], end - start, token, -1, can_open, can_close)
            )
            places.append(place)
            token += 1
    balance(delimiters)
    for opener, closer, strong in pairs(delimiters):
        marker = delimiters[opener].marker
        kind, markup = ("strong", marker * 2) if strong else ("em", marker)
        start, end = places[opener], places[closer]
        events.append((start, start + 1, Tok(f"{kind}_open", "", markup)))
        events.append((end, end + 1, Tok(f"{kind}_close", "", markup)))
        if strong:
            events.append((start - 1, start, _EMPTY))
            events.append((end + 1, end + 2, _EMPTY))


def _cut(outside: str, events: list[_Event]) -> list[Tok]:
    """The tokens of ``outside``: each event's token, and the text between as one token.

    Text between two tokens is one token, escapes and entities included (markdown-it joins
    them); an escaped punctuation mark reads as itself. The empty text of a strong pair's
    outer marker is a token too.
    """
    events.sort(key=itemgetter(0))
    tokens: list[Tok] = []
    text: str | None = None  # the text since the last token, None if there is none
    last = 0
    for start, end, token in events:
        if start > last:
            piece = unescaped(outside[last:start])
            text = piece if text is None else text + piece
        if token.type == "text_special":  # text written another way: joins the text
            text = token.content if text is None else text + token.content
        else:
            if text is not None:
                tokens.append(Tok("text", text))
                text = None
            tokens.append(token)
        last = end
    if last < len(outside):
        piece = unescaped(outside[last:])
        text = piece if text is None else text + piece
    if text is not None:
        tokens.append(Tok("text", text))
    return tokens


def unescaped(piece: str) -> str:
    """Text read between two tokens, each escaped punctuation mark as itself."""
    return _ESCAPE.sub(r"\1", piece) if "\\" in piece else piece


def _code_token(content: str, ticks: int) -> Tok:
    """A code span's token."""
    return Tok("code_inline", code_content(content), "`" * ticks)


def code_content(content: str) -> str:
    """A code span's content as its token has it: line breaks as spaces, one space of padding
    each side dropped."""
    content = content.replace("\n", " ")
    if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
        return content[1:-1]
    return content
