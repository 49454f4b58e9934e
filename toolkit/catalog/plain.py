"""The reader's fast path: a catalogue written plainly, read without polib's machinery.

A catalogue written plainly, as msgcat and every tool write one: each line a comment (`# `,
`#.`, `#:`, `#,`), a keyword with its string or a continuation string, entries between blank
lines. Such a text is read here doing what polib and the reader's ``_Parser`` do for each line
without their machinery (a state machine of bound methods, a regular expression per string);
anything else (obsolete entries, previous strings, odd spacing, any error) is theirs to read.
Both give the same catalogue: a test holds them equal on every catalogue at hand.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import polib

from toolkit.catalog.reader import Catalogue, _comment_text, _Parser, _Problem

# A string whose escapes are all polib's (GNU's octal and hex escapes are the full reader's).
_PLAIN_INSIDE = re.compile(r'(?:[^"\\]|\\[ntbrfv\\"])*')
_PLAIN_PLURAL = re.compile(r"msgstr\[([0-9])\] ")
_POLIB_ESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')
_POLIB_UNESCAPED = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f"}
_POLIB_UNESCAPED |= {"\\": "\\", '"': '"'}
_ESCAPES = [("\\" + letter, _POLIB_UNESCAPED[letter]) for letter in 'n"tfrbv']
_PLAIN_KEYWORDS = {"msgctxt ": "ct", "msgid ": "mi", "msgid_plural ": "mp", "msgstr ": "ms"}
_PLAIN_COMMENTS = {"# ": "tc", "#.": "gc", "#:": "oc", "#,": "fl"}
_ENTRY_START = frozenset(("st", "he", "tc", "gc", "oc", "fl"))  # where comments may stand
_ENTRY_END = frozenset(("ms", "mx"))  # after a translation: what follows starts an entry

# Whole entries and strings at once. Most lines are continuation strings, and most entries
# are `#:` or `#,` comments, a msgid and a msgstr: one match for all of an entry's lines,
# from where the reading stands, is what makes this path fast. A string here is the lines
# from a quote to a quote (a cheap match), checked whole afterwards (see _value).
_LOOSE = r'"[^\n]*"(?:\n"[^\n]*")*'
_ENTRY = re.compile(rf"((?:#[:,] [^\n]*\n)*)msgid ({_LOOSE})\nmsgstr ({_LOOSE})(?:\n+|\Z)")
_KEYWORD_STRING = re.compile(
    rf"(msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9])\])?) ({_LOOSE})(?:\n|\Z)"
)
# The strict form of a string's lines: polib's escapes only, no quote inside left unescaped.
# Its loop is unrolled (runs of ordinary characters between escapes) so that the engine does
# not branch at every character.
_QUOTED = r'"[^"\\\n]*(?:\\[ntbrfv\\"][^"\\\n]*)*"'
_STRINGS = re.compile(rf"{_QUOTED}(?:\n{_QUOTED})*")
_SYMBOLS = {"msgctxt": "ct", "msgid": "mi", "msgid_plural": "mp", "msgstr": "ms"}
_Reading = Callable[[_Parser, str], None]


class _NotPlain(Exception):
    """The text is not written plainly (as far as this reading knows): another reads it."""


def read_plain(text: str, path: Path) -> Catalogue | None:
    """The catalogue of a plainly written text, or None for the full reader to read.

    Reads as polib's parser with _Parser's checks would, and gives the same catalogue (a test
    holds the two equal on every catalogue at hand); the checks hold by construction. Strings
    are matched whole; a text they do not fit is read again a line at a time. Both refuse
    every comment line the full reader rewrites for polib (no other test needed first).
    """
    if text.startswith(("#~", "#|")) or "\n#~" in text or "\n#|" in text:
        return None  # obsolete entries or previous strings (update writes both): neither reads them
    catalogue = _read(text, path, _read_strings)
    return catalogue if catalogue is not None else _read(text, path, _read_lines)


def read_plain_by_lines(text: str, path: Path) -> Catalogue | None:
    """``read_plain`` a line at a time only (what whole strings must read alike)."""
    return _read(text, path, _read_lines)


def _read(text: str, path: Path, how: _Reading) -> Catalogue | None:
    parser = _Parser(path, parses=False)
    # The entries made here all live on: the cycle collector, run every few hundred of them,
    # would walk them all again and again for nothing (a tenth of the reading).
    collecting = gc.isenabled()
    gc.disable()
    try:
        how(parser, text)
        # Strings hold only polib's escapes here: no U+0004 in the text, none in a string.
        parser.finish(may_hold_eot="\x04" in text)
    except (_NotPlain, _Problem):
        return None
    finally:
        parser.release()
        if collecting:
            gc.enable()
    return parser.instance


def _plain_string(token: str) -> bool:
    """A quoted string with polib's escapes only: quotes inside escaped, none left open."""
    return len(token) >= 2 and token[0] == token[-1] == '"' and _plain_inside(token[1:-1])


def _plain_inside(inside: str) -> bool:
    if "\\" not in inside:
        return '"' not in inside  # most strings: no escape, so no regular expression
    return _PLAIN_INSIDE.fullmatch(inside) is not None


def _unescape(value: str) -> str:
    """polib's ``unescape`` (its escapes, its characters), compiled once; most strings have no
    escape at all."""
    return _POLIB_ESCAPE.sub(_unescaped, value) if "\\" in value else value


def _unescaped(match: re.Match[str]) -> str:
    return _POLIB_UNESCAPED[match.group(1)]


def _value(strings: str) -> str:
    """The text of a string's lines (each from a quote to a quote): quotes and line ends out,
    then polib's escapes; not a string as polib's are written, _NotPlain."""
    value = strings[1:-1].replace('"\n"', "")  # one a line end: each line has its own quotes
    return _escaped(strings, value) if "\\" in value or '"' in value else value


def _escaped(strings: str, value: str) -> str:
    """``_value`` of strings with a backslash or a quote inside."""
    if "\\" not in value or not _STRINGS.fullmatch(strings):
        raise _NotPlain
    if "\\\\" in value:  # a join cannot make an escape
        return _POLIB_ESCAPE.sub(_unescaped, value)
    # Without an escaped backslash, each backslash starts an escape of its own and what
    # replaces one is no backslash: the escapes can be replaced one kind at a time.
    left = value.count("\\")
    for escape, char in _ESCAPES:  # the commonest first: most strings hold only `\n`
        found = value.count(escape)
        if found:
            value = value.replace(escape, char)
            left -= found
            if not left:
                break
    return value


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
    """Read ``text`` a whole entry or a whole string at a time, other comments a line at a
    time. Whatever else stands at the start of a line is for the line reader."""
    entry, state, number, pos, size = parser.current_entry, "st", 1, 0, len(text)
    blanks: list[polib.POEntry] = []  # the entries with an empty msgid: header candidates
    while pos < size:
        found = _ENTRY.match(text, pos)
        if found is not None:
            comments, msgid, msgstr = found.groups()
            start = pos + len(comments)  # where the msgid stands
            if state in _ENTRY_END:
                _append(parser.instance, entry)
                entry = parser.current_entry = _new_entry(number)
            elif (state not in _ENTRY_START and state != "ct") or (comments and state == "ct"):
                raise _NotPlain
            if comments:
                state = _places_and_flags(entry, comments)
                number += comments.count("\n")
            # _keyword's msgid then msgstr, written out for the commonest entry (no pending
            # msgid before it, none after it).
            entry.obsolete = parser.entry_obsolete  # type: ignore[assignment]  # polib: 0
            value = msgid[1:-1].replace('"\n"', "")  # _value, written out too
            entry.msgid = _escaped(msgid, value) if "\\" in value or '"' in value else value
            entry.linenum = number
            parser.context = None
            parser.entries.append(entry)
            if not entry.msgid:
                blanks.append(entry)
            value = msgstr[1:-1].replace('"\n"', "")
            entry.msgstr = _escaped(msgstr, value) if "\\" in value or '"' in value else value
            state = "ms"
        elif text[pos] == "\n":
            pos += 1
            number += 1
            continue
        elif text[pos] == "#":
            end = text.find("\n", pos)
            end = size if end < 0 else end
            entry, state = _comment_line(parser, entry, state, text[pos:end], number)
            pos = end + 1
            number += 1
            continue
        else:
            found = _KEYWORD_STRING.match(text, pos)
            if found is None:
                raise _NotPlain
            keyword, index, strings = found.groups()
            start = pos
            symbol = "mx" if index is not None else _SYMBOLS[keyword]
            entry, state = _keyword(
                parser, entry, state, symbol, _value(strings), number, int(index or 0)
            )
            if symbol == "mi" and not entry.msgid:
                blanks.append(entry)
        end = found.end()
        number += text.count("\n", start, end)
        pos = end
    _finish(parser, entry, state, blanks)


def _read_lines(parser: _Parser, text: str) -> None:
    """Read ``text`` a line at a time."""
    entry = parser.current_entry
    state = "st"
    for number, line in enumerate(_lines(text), 1):
        if not line:
            continue
        first = line[0]
        if first == '"':  # a continuation string: the commonest line, so written out here
            value = line[1:-1]
            if line[-1] != '"' or len(line) < 2:
                raise _NotPlain
            if "\\" in value:
                if not _PLAIN_INSIDE.fullmatch(value):
                    raise _NotPlain
                value = _POLIB_ESCAPE.sub(_unescaped, value)
            elif '"' in value:
                raise _NotPlain
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
                raise _NotPlain
            continue
        if first == "#":
            entry, state = _comment_line(parser, entry, state, line, number)
            continue
        if line.startswith("msgstr["):
            plural = _PLAIN_PLURAL.match(line)
            token = line[plural.end() :] if plural else ""
            if not (plural and _plain_string(token)):
                raise _NotPlain
            index, symbol = int(plural.group(1)), "mx"
        else:
            space = line.find(" ")
            found = _PLAIN_KEYWORDS.get(line[: space + 1]) if space > 0 else None
            token = line[space + 1 :]
            if found is None or not _plain_string(token):
                raise _NotPlain
            index, symbol = 0, found
        entry, state = _keyword(parser, entry, state, symbol, _unescape(token[1:-1]), number, index)
    blanks = [item for item in parser.entries if item.msgid == ""]
    _finish(parser, entry, state, blanks)


def _comment_line(
    parser: _Parser, entry: polib.POEntry, state: str, line: str, number: int
) -> tuple[polib.POEntry, str]:
    """Read a comment line at ``number``: the entry it belongs to and the state after it."""
    instance = parser.instance
    stripped = line.strip() if line[-1].isspace() else line  # what polib reads
    symbol = _PLAIN_COMMENTS.get(line[:2]) if line != "#" else "tc"
    if symbol is None or (symbol != "tc" and stripped[2:3] != " " and stripped != "#."):
        raise _NotPlain  # an empty `#.` is an empty extracted comment, as GNU reads it
    if state in ("st", "he") and symbol == "tc":
        # A comment before anything else: the header's (polib's handle_he).
        if instance.header != "":
            instance.header += "\n"
        instance.header += stripped[2:]
        parser.header_lines.append(_comment_text(line, "#"))
        return entry, "he"
    if state in _ENTRY_END:
        _append(instance, entry)
        entry = parser.current_entry = _new_entry(number)
    elif state not in _ENTRY_START:
        raise _NotPlain  # a comment inside an entry
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
    for occurrence in references.split():
        where, at = occurrence.rsplit(":", 1) if ":" in occurrence else ("", "")
        if not at.isdigit():
            where, at = occurrence, ""
        entry.occurrences.append((where, at))


def _add_flags(entry: polib.POEntry, flags: str) -> None:
    entry.flags += [flag.strip() for flag in flags.split(",")]


def _places_and_flags(entry: polib.POEntry, comments: str) -> str:
    """Read `#:` and `#,` lines (each ending in a line end) at the start of ``entry``, as
    _comment_line does; the state after them."""
    symbol = "st"
    for line in comments[:-1].split("\n"):
        stripped = line.rstrip() if line[-1].isspace() else line  # what polib reads
        if stripped[2:3] != " ":
            raise _NotPlain
        if line[1] == ":":
            _add_places(entry, stripped[3:])
            symbol = "oc"
        else:
            _add_flags(entry, stripped[3:])
            symbol = "fl"
    return symbol


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
            raise _NotPlain
        entry.msgstr_plural[index] = value
        parser.msgstr_index = index
        parser.pending = None
        return entry, symbol
    if symbol in ("ct", "mi") and state in _ENTRY_END:
        _append(parser.instance, entry)
        entry = parser.current_entry = _new_entry(number)
    elif symbol == "ct" and state not in _ENTRY_START:
        raise _NotPlain
    if symbol == "ct":
        entry.msgctxt = value
        parser.context = number
    elif symbol == "mi":
        if state not in _ENTRY_START and state not in _ENTRY_END and state != "ct":
            raise _NotPlain
        _take_msgid(parser, entry, value, number)
    elif symbol == "mp":
        if state != "mi":
            raise _NotPlain
        entry.msgid_plural = value
        parser.plural = True
    else:  # msgstr
        if state != "mi":
            raise _NotPlain
        entry.msgstr = value
        parser.pending = None
    return entry, symbol


def _take_msgid(parser: _Parser, entry: polib.POEntry, value: str, number: int) -> None:
    entry.obsolete = parser.entry_obsolete  # type: ignore[assignment]  # polib: 0
    entry.msgid = value
    entry.linenum = parser.pending = number
    parser.context = None
    parser.plural = False
    parser.entries.append(entry)


def _finish(parser: _Parser, entry: polib.POEntry, state: str, blanks: list[polib.POEntry]) -> None:
    if not parser.entries or state not in _ENTRY_END:
        raise _NotPlain  # no entry, an entry without its translation, or comments after it
    parser.instance.append(entry)
    _take_metadata(parser.instance, blanks)


_BLANK_ENTRY = vars(polib.POEntry())
# polib's append, without its duplicate check: a parser's catalogue does not check duplicates
# (finish() reports them as GNU does).
_append = list.append


def _new_entry(line: int) -> polib.POEntry:
    """``polib.POEntry(linenum=line)``, made without its keyword arguments (half the time)."""
    entry = polib.POEntry.__new__(polib.POEntry)
    fields = _BLANK_ENTRY.copy()  # the attributes __init__ sets, in its order
    fields["msgstr_plural"], fields["occurrences"], fields["flags"] = {}, [], []
    fields["linenum"] = line
    entry.__dict__ = fields
    return entry


def _take_metadata(instance: Catalogue, blanks: list[polib.POEntry]) -> None:
    """The header entry out of the entries, as polib's parser does (``blanks``: the entries with
    an empty msgid, where polib's ``find("")`` looks); ``_Parser.finish`` reads its fields into
    ``metadata``, as for the full reader."""
    if len(blanks) > 1:
        raise _NotPlain  # polib picks one of them: its choice is its own to make
    header = blanks[0] if blanks else None
    if header:
        instance.remove(header)
        instance.metadata_is_fuzzy = header.flags  # type: ignore[assignment]  # as polib does
