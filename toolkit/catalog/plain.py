"""The reader's fast path: a catalogue written plainly, read without polib's machinery.

A catalogue written plainly, as msgcat and every tool write one: each line a comment (`# `,
`#.`, `#:`, `#,`), a keyword with its string or a continuation string (either after `#~ ` in an
obsolete entry), entries between blank lines. Such a text is read here doing what polib and the
reader's ``_Parser`` do for each line without their machinery (a state machine of bound
methods, a regular expression per string); anything else (previous strings, odd spacing, any
error) is theirs to read. Both give the same catalogue: a test holds them equal on every
catalogue at hand.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import polib

from toolkit.catalog.plain_strings import (
    PLAIN_INSIDE,
    POLIB_ESCAPE,
    NotPlain,
    Refused,
    escaped,
    plain_string,
    string_value,
    unescape,
    unescaped,
)
from toolkit.catalog.reader import Catalogue, _comment_text, _Parser, _Problem

_PLAIN_PLURAL = re.compile(r"msgstr\[([0-9])\] ")
_PLAIN_KEYWORDS = {"msgctxt ": "ct", "msgid ": "mi", "msgid_plural ": "mp", "msgstr ": "ms"}
_PLAIN_COMMENTS = {"# ": "tc", "#.": "gc", "#:": "oc", "#,": "fl"}
_ENTRY_START = frozenset(("st", "he", "tc", "gc", "oc", "fl"))  # where comments may stand
_ENTRY_END = frozenset(("ms", "mx"))  # after a translation: what follows starts an entry

# The pieces of a text, in order: a whole entry or a line (with the blank lines after it). Most
# lines are continuation strings, and most entries are a `#:` line of one reference, a msgid
# and a msgstr: one match for all of an entry's lines is what makes this path fast. Groups:
# 1-2 the entry's one reference (`#: file:line`, a file name of printable ASCII), 3 its other
# `#:` and `#,` lines (none ending in a backslash: GNU joins the next line to it), 4-5 its
# msgid's and msgstr's lines, 6 the line ends after them; 7-10 the obsolete mark, a keyword,
# its msgstr index and its string's lines; 11 another comment line; 12 blank lines; 13
# anything else. Every character starts a piece, so that the pieces follow each other. A
# string here is the lines from a quote to a quote (a cheap match), checked whole afterwards
# (see string_value). Repeats that nothing after them could make give back are possessive (`*+`):
# the engine then keeps no way back at each line (a tenth of the matching).
_LOOSE = r'"[^\n]*"(?:\n"[^\n]*")*+'
_LOOSE_INSIDE = r'"((?:[^\n]*"\n")*+[^\n]*)"'  # the same, its first and last quotes out
# polib reads `#~ ` before a keyword or a string as a mark of the line (the entry is obsolete
# when its msgid line has it), and reads the rest of the line as any other.
_LOOSE_OBSOLETE = r'"[^\n]*"(?:\n(?:#~ )?"[^\n]*")*+'
_PIECES = re.compile(
    r"(?:#: ([!-~]*):([0-9]+)\n)?((?:#[:,] [^\n]*(?<!\\)\n)*+)"
    rf"msgid {_LOOSE_INSIDE}\nmsgstr {_LOOSE_INSIDE}(\n*+)"
    rf"|(#~ )?(msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9])\])?) ({_LOOSE_OBSOLETE})(?:\n|\Z)"
    r"|(#[^\n]*)\n?"
    r"|(\n++)|([^\n]+)"
)
_SYMBOLS = {"msgctxt": "ct", "msgid": "mi", "msgid_plural": "mp", "msgstr": "ms"}
_Reading = Callable[[_Parser, str], None]


def read_plain(text: str, path: Path) -> Catalogue | None:
    """The catalogue of a plainly written text, or None for the full reader to read.

    Reads as polib's parser with _Parser's checks would, and gives the same catalogue (a test
    holds the two equal on every catalogue at hand); the checks hold by construction. Strings
    are matched whole; a text they do not fit is read again a line at a time. Both refuse
    every comment line the full reader rewrites for polib (no other test needed first), and
    a comment line ending in a backslash (GNU joins the next line to it).
    """
    try:
        return _reading(text, path, _read_strings)
    except Refused:
        return None  # previous strings, odd obsolete lines: neither reading reads them
    except NotPlain:
        return _read(text, path, _read_lines)


def read_plain_by_lines(text: str, path: Path) -> Catalogue | None:
    """``read_plain`` a line at a time only (what whole strings must read alike)."""
    return _read(text, path, _read_lines)


def _read(text: str, path: Path, how: _Reading) -> Catalogue | None:
    try:
        return _reading(text, path, how)
    except NotPlain:
        return None


def _reading(text: str, path: Path, how: _Reading) -> Catalogue:
    """The catalogue ``how`` reads from ``text``; not plain, NotPlain (Refused: not for the
    line reader either)."""
    parser = _Parser(path, parses=False)
    # The entries made here all live on: the cycle collector, run every few hundred of them,
    # would walk them all again and again for nothing (a tenth of the reading).
    collecting = gc.isenabled()
    gc.disable()
    try:
        how(parser, text)
        # Strings hold only polib's escapes here: no U+0004 in the text, none in a string.
        parser.finish(may_hold_eot="\x04" in text)
    except _Problem:
        raise NotPlain from None
    finally:
        parser.release()
        if collecting:
            gc.enable()
    return parser.instance


def _lines(text: str, block: int = 1 << 20) -> Iterator[str]:
    """The lines of ``text``, split a block at a time: a list of all of them would double a
    large file's memory, and one ``find`` a line would cost more than the reading."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start + block)
        end = len(text) if end < 0 else end
        yield from text[start:end].split("\n")
        start = end + 1


def _read_strings(parser: _Parser, text: str) -> None:
    """Read ``text`` a piece at a time (see _PIECES): a whole common entry at once, anything
    else a line or a keyword's string at a time, as _read_lines reads it."""
    if "\0" in text:
        raise NotPlain  # not from decode_catalog, which refuses NUL: escaped needs none
    entry, state, number = parser.current_entry, "st", 1
    entries: list[polib.POEntry] = parser.entries
    blanks: list[polib.POEntry] = []  # the entries with an empty msgid: header candidates
    for found in _PIECES.finditer(text):
        (where, at, comments, msgid, msgstr, ends, mark, keyword, index, strings, comment, blank,
         _) = found.groups()
        if msgid is None:
            if blank is not None:
                number += len(blank)
                continue
            parser.current_entry = entry  # the entry a comment line's text goes to
            parser.entry_obsolete = 0 if mark is None else 1  # as polib reads each line
            entry, state = _read_piece(
                parser, entry, state, number, comment, keyword, index, strings
            )
            number += 1 if comment is not None else strings.count("\n") + 1
            if state == "mi" and not entry.msgid and not entry.obsolete:
                blanks.append(entry)
            continue
        number += (where is not None) + (comments.count("\n") if comments else 0)
        line = number  # the msgid's
        # string_value, written out: each line of a string ends between quotes, so that a string
        # with no quote inside is one line, and each `"\n"` taken out is a line end.
        ident = msgid
        if '"' in ident:
            ident = ident.replace('"\n"', "")
            number += (len(msgid) - len(ident)) // 3
            if '"' in ident or "\\" in ident:
                ident = escaped(msgid, ident)
        elif "\\" in ident:
            ident = escaped(msgid, ident)
        translation = msgstr
        if '"' in translation:
            translation = translation.replace('"\n"', "")
            number += (len(msgstr) - len(translation)) // 3
            if '"' in translation or "\\" in translation:
                translation = escaped(msgstr, translation)
        elif "\\" in translation:
            translation = escaped(msgstr, translation)
        number += 1 + len(ends)
        if state in _ENTRY_END:  # the entry before is whole: most entries
            entry = _new_entry(line, ident, translation, [] if where is None else [(where, at)])
        else:  # the first entry, or one that comment lines or a msgctxt began
            if state not in _ENTRY_START and (state != "ct" or where is not None or comments):
                raise NotPlain
            if where is not None:
                entry.occurrences.append((where, at))
            entry.obsolete = 0  # type: ignore[assignment]  # polib's entry_obsolete
            entry.msgid, entry.msgstr, entry.linenum = ident, translation, line
            parser.context = None
        if comments:
            _places_and_flags(entry, comments)
        entries.append(entry)
        if not ident:
            blanks.append(entry)
        state = "ms"
    _finish(parser, state, blanks)


def _read_piece(
    parser: _Parser,
    entry: polib.POEntry,
    state: str,
    number: int,
    comment: str | None,
    keyword: str | None,
    index: str | None,
    strings: str | None,
) -> tuple[polib.POEntry, str]:
    """Read a piece of _PIECES that is not a whole entry: a comment line or a keyword's string
    at line ``number``; the entry it belongs to and the state after it."""
    if comment is not None:
        return _comment_line(parser, entry, state, comment, number)
    if keyword is None or strings is None:
        raise NotPlain  # neither a comment, nor a keyword with a string, nor a blank line
    if "\n#~ " in strings:  # polib reads `#~ "..."` as `"..."`
        strings = strings.replace('\n#~ "', '\n"')
    symbol = "mx" if index is not None else _SYMBOLS[keyword]
    return _keyword(parser, entry, state, symbol, string_value(strings), number, int(index or 0))


def _read_lines(parser: _Parser, text: str) -> None:
    """Read ``text`` a line at a time."""
    entry = parser.current_entry
    state = "st"
    for number, line in enumerate(_lines(text), 1):
        if not line:
            continue
        first = line[0]
        if first == "#" and line.startswith(("#~ m", '#~ "')):
            line, first = line[3:], line[3]  # polib reads the rest as any line (see _PIECES)
            parser.entry_obsolete = 1
        else:
            parser.entry_obsolete = 0
        if first == '"':  # a continuation string: the commonest line, so written out here
            value = line[1:-1]
            if line[-1] != '"' or len(line) < 2:
                raise NotPlain
            if "\\" in value:
                if not PLAIN_INSIDE.fullmatch(value):
                    raise NotPlain
                value = POLIB_ESCAPE.sub(unescaped, value)
            elif '"' in value:
                raise NotPlain
            if state == "ms":
                entry.msgstr += value
            elif state == "mi":
                entry.msgid += value
            elif state == "mx":
                entry.msgstr_plural[parser.msgstr_index] += value
            elif state == "mp":
                entry.msgid_plural += value
            elif state == "ct":
                entry.msgctxt += value
            else:
                raise NotPlain
            continue
        if first == "#":
            entry, state = _comment_line(parser, entry, state, line, number)
            continue
        if line.startswith("msgstr["):
            plural = _PLAIN_PLURAL.match(line)
            token = line[plural.end() :] if plural else ""
            if not (plural and plain_string(token)):
                raise NotPlain
            index, symbol = int(plural.group(1)), "mx"
        else:
            space = line.find(" ")
            found = _PLAIN_KEYWORDS.get(line[: space + 1]) if space > 0 else None
            token = line[space + 1 :]
            if found is None or not plain_string(token):
                raise NotPlain
            index, symbol = 0, found
        entry, state = _keyword(parser, entry, state, symbol, unescape(token[1:-1]), number, index)
    blanks = [item for item in parser.entries if item.msgid == "" and not item.obsolete]
    _finish(parser, state, blanks)


def _comment_line(
    parser: _Parser, entry: polib.POEntry, state: str, line: str, number: int
) -> tuple[polib.POEntry, str]:
    """Read a comment line at ``number``: the entry it belongs to and the state after it."""
    instance = parser.instance
    stripped = line.strip() if line[-1].isspace() else line  # what polib reads
    symbol = _PLAIN_COMMENTS.get(line[:2]) if line != "#" else "tc"
    if symbol is None and line.startswith(("#~", "#|")):
        raise Refused  # a previous string (update writes them), or an odd obsolete line
    if symbol is None or (symbol != "tc" and stripped[2:3] != " " and stripped != "#."):
        raise NotPlain  # an empty `#.` is an empty extracted comment, as GNU reads it
    if line[-1] == "\\":
        raise NotPlain  # GNU joins the next line to this one (parse_catalog does it first)
    if state in ("st", "he") and symbol == "tc":
        # A comment before anything else: the header's (polib's handle_he).
        if instance.header != "":
            instance.header += "\n"
        instance.header += stripped[2:]
        parser.header_lines.append(_comment_text(line, "#"))
        return entry, "he"
    if state in _ENTRY_END:
        entry = parser.current_entry = _new_entry(number)
    elif state not in _ENTRY_START:
        raise NotPlain  # a comment inside an entry
    if symbol == "tc":
        parser._comment("tcomment", _comment_text(line, "#"))
    elif symbol == "gc":
        parser._comment("comment", _comment_text(line, "#."))
    elif symbol == "oc":
        _add_places(entry, stripped[3:])
    else:
        _add_flags(entry, stripped[3:])
    return entry, symbol


def _add_places(entry: polib.POEntry, references: str) -> None:
    """The references of a `#:` line (``file:line``, or a name alone), as polib reads them."""
    add = entry.occurrences.append
    for occurrence in references.split():
        where, colon, at = occurrence.rpartition(":")
        add((where, at) if colon and at.isdigit() else (occurrence, ""))


def _add_flags(entry: polib.POEntry, flags: str) -> None:
    entry.flags += [flag.strip() for flag in flags.split(",")]


def _places_and_flags(entry: polib.POEntry, comments: str) -> None:
    """Read `#:` and `#,` lines (each ending in a line end) at the start of ``entry``, as
    _comment_line does."""
    for line in comments[:-1].split("\n"):
        marked = line[3:]  # polib reads the line stripped: blanks at its end change nothing
        if not marked or marked.isspace():
            raise NotPlain  # the mark alone, which polib skips
        if line[1] == ":":
            _add_places(entry, marked)
        else:
            _add_flags(entry, marked)


def _keyword(
    parser: _Parser,
    entry: polib.POEntry,
    state: str,
    symbol: str,
    value: str,
    number: int,
    index: int,
) -> tuple[polib.POEntry, str]:
    """Read a keyword's whole string ``value`` (``index``: of msgstr[n]) at line ``number``."""
    if symbol == "mx":
        if not (state == "mp" and index == 0) and not (
            state == "mx" and index == len(entry.msgstr_plural)
        ):
            raise NotPlain
        entry.msgstr_plural[index] = value
        parser.msgstr_index = index
        parser.pending = None
        return entry, symbol
    if symbol in ("ct", "mi") and state in _ENTRY_END:
        entry = parser.current_entry = _new_entry(number)
    elif symbol == "ct" and state not in _ENTRY_START:
        raise NotPlain
    if symbol == "ct":
        entry.msgctxt = value
        parser.context = number
    elif symbol == "mi":
        if state not in _ENTRY_START and state not in _ENTRY_END and state != "ct":
            raise NotPlain
        _take_msgid(parser, entry, value, number)
    elif symbol == "mp":
        if state != "mi":
            raise NotPlain
        entry.msgid_plural = value
        parser.plural = True
    else:  # msgstr
        if state != "mi":
            raise NotPlain
        entry.msgstr = value
        parser.pending = None
    return entry, symbol


def _take_msgid(parser: _Parser, entry: polib.POEntry, value: str, number: int) -> None:
    entry.obsolete = parser.entry_obsolete  # type: ignore[assignment]  # polib: 0 or 1
    entry.msgid = value
    entry.linenum = parser.pending = number
    parser.context = None
    parser.plural = False
    parser.entries.append(entry)


def _finish(parser: _Parser, state: str, blanks: list[polib.POEntry]) -> None:
    """The catalogue's entries: those read, each with its msgid (an entry made way for the
    next one only once it had its msgstr), in the order read."""
    if not parser.entries or state not in _ENTRY_END:
        raise NotPlain  # no entry, an entry without its translation, or comments after it
    # list's extend: polib's append checks each entry for a duplicate (finish() reports
    # duplicates as GNU does).
    list.extend(parser.instance, parser.entries)
    _take_metadata(parser, blanks)


_new = polib.POEntry.__new__


def _new_entry(
    line: int,
    msgid: str = "",
    msgstr: str = "",
    occurrences: list[tuple[str, str]] | None = None,
) -> polib.POEntry:
    """``polib.POEntry(msgid=msgid, msgstr=msgstr, occurrences=occurrences, linenum=line)``
    as the plain reader makes it, in a third of the time: no keyword arguments, and its
    attributes set one by one in __init__'s order (Python keeps them in the object itself;
    a dict given as ``__dict__`` costs twice as much to make and to free)."""
    entry = _new(polib.POEntry)
    entry.msgid = msgid
    entry.msgstr = msgstr
    entry.msgid_plural = ""
    entry.msgstr_plural = {}
    entry.msgctxt = None  # type: ignore[assignment]  # polib's stubs say a str, __init__ sets None
    entry.obsolete = 0  # type: ignore[assignment]  # what polib's parser sets: its entry_obsolete
    entry.encoding = "utf-8"
    entry.comment = ""
    entry.tcomment = ""
    entry.occurrences = [] if occurrences is None else occurrences
    entry.flags = []
    entry.previous_msgctxt = None
    entry.previous_msgid = None
    entry.previous_msgid_plural = None
    entry.linenum = line
    return entry


def _take_metadata(parser: _Parser, blanks: list[polib.POEntry]) -> None:
    """The header entry out of the entries, as polib's parser does (``blanks``: the entries with
    an empty msgid but obsolete ones, where polib's ``find("")`` looks); ``_Parser.finish``
    reads its fields into ``metadata``, as for the full reader."""
    if len(blanks) > 1:
        raise NotPlain  # polib picks one of them: its choice is its own to make
    instance = parser.instance
    header = blanks[0] if blanks else None
    parser.removed = [header] if header else []  # what finish() would look for
    if header:
        instance.remove(header)
        instance.metadata_is_fuzzy = header.flags  # type: ignore[assignment]  # as polib does
