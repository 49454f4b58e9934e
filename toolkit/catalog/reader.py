"""Reads .po/.pot catalogues with polib, keeping what GNU keeps; bad input fails as path:line
(the bytes decoded by toolkit.catalog.decode)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import polib

from toolkit.catalog.decode import decode_catalog
from toolkit.errors import InputError

# Attributes set (True) on an entry whose translator comment is a single empty `#` line, or whose
# extracted comment is a single empty `#.` line: polib's "" cannot tell these from no comment.
BLANK_COMMENT = "blank_translator_comment"
BLANK_EXTRACTED = "blank_extracted_comment"

_KEYWORD = r"(?:msgctxt|msgid_plural|msgid|msgstr(?:\[[0-9]+\])?)"
# Comments (#, #., #:, #,, #|): GNU takes them only before an entry, never inside one.
_COMMENT_SYMBOLS = frozenset(("tc", "gc", "oc", "fl", "pc", "pm", "pp", "he"))
# A keyword as GNU reads it: spaces or tabs, then the quoted string.
_KEYWORD_SYMBOLS = frozenset(("ct", "mi", "mp", "ms", "mx"))
_KEYWORD_START = re.compile(
    r'[ \t]*(?:#~[ \t]*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[[0-9]+\])?)[ \t\f\v]*"'
)
# A quote after an even number of backslashes: it ends the string, whatever follows.
_UNESCAPED_QUOTE = re.compile(r'(?:^|[^\\])(?:\\\\)*"')
_STRING_SYMBOLS = frozenset(("ct", "mi", "mp", "ms", "mx", "mc", "pc", "pm", "pp"))
# Lines polib skips, rejects or misreads but GNU reads: `#~|` (the previous msgid of an obsolete
# entry), comments without a space after the mark (`#text`, `#.text`, `#:file`, `#~#text`), an
# empty `#.`, `#~` or `#|` (searched in "\n" + text, fast thanks to the literal start), and
# strings holding escapes only GNU knows (\a, octal and hex bytes, which polib keeps as text;
# `\\x` is a false alarm here).
_ODD_COMMENT = re.compile(r"\n#(?:~[|#]|[^\s.:,|~#]|[.:,](?=\S)|[.~|][ \t]*(?=\n|\Z))")
_ODD_ESCAPE = re.compile(r'\\[^ntbrfv\\"]')
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
_POLIB_ESCAPES = {
    ord(char): b"\\" + letter.encode()
    for char, letter in zip('\n\t\r\b\f\v\\"', 'ntrbfv\\"', strict=True)
}


class Catalogue(polib.POFile):
    """A POFile that also keeps its header entry as read (polib keeps only a dict of it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.source_header: polib.POEntry | None = None
        self.source_metadata: dict[str, str] = {}


def read_catalog(path: Path) -> polib.POFile:
    """Read the catalogue at ``path``; an unreadable or malformed file is an `InputError`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, None, f"cannot read the file ({error.strerror})") from None
    text = decode_catalog(data, path)
    del data  # a large catalogue: its bytes need not live on beside its text
    return parse_catalog(text, path)


def read_existing(path: Path) -> tuple[polib.POFile, bytes] | None:
    """The catalogue at ``path`` and the bytes it was read from, or None when there is no such
    file: the ``expected`` of a later ``write_if_changed``, so that a save made after this
    reading is a conflict, never an old reading written over the new file."""
    try:
        data = path.read_bytes()  # another error (a folder, no permission) names the path
    except FileNotFoundError:
        return None
    return parse_catalog(decode_catalog(data, path), path), data


def parse_catalog(text: str, path: Path) -> polib.POFile:
    """Parse catalogue ``text``; entries keep in ``linenum`` the line of their msgid keyword."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        # CRLF (Windows) and lone CR (classic Mac OS) line ends; GNU reads both as line ends.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    from toolkit.catalog.plain import read_plain  # it reads with this module's parser

    # Most catalogues, read faster (the same catalogue). The plain reader refuses a comment
    # line ending in a backslash, the only line it could read that GNU joins to the next one
    # (each line of its strings ends in a quote): so no text it reads needs the joining.
    plain = read_plain(text, path)
    if plain is None and "\\\n" in text:
        text = _CONTINUED.sub(_joined, text)
        plain = read_plain(text, path)
    return plain if plain is not None else _read_full(text, path)


# A line ending in a backslash and the lines it continues: GNU's lexer reads a backslash before
# a line end as nothing, anywhere (in a comment too: "#. C:\" swallows the next line).
_CONTINUED = re.compile(r"(?:[^\n]*\\\n)+[^\n]*")


def _joined(match: re.Match[str]) -> str:
    """The lines joined as GNU reads them, then blank lines, so later lines keep their number."""
    return match.group().replace("\\\n", "") + "\n" * match.group().count("\\\n")


def _read_full(text: str, path: Path) -> polib.POFile:
    """Any catalogue text, read by polib's parser with GNU's checks (see ``_Parser``)."""
    parser = _Parser(path)
    try:
        odd = [m.start() for m in _ODD_COMMENT.finditer("\n" + text)]
        odd += [m.start() for m in _ODD_ESCAPE.finditer(text)]
        # Lines are made one at a time: a list of them would double a large file's memory.
        parser.fhandle = cast(IO[str], parser.lines(text, _line_numbers(text, sorted(odd))))
        parser.parse()
        parser.finish()
    except _Problem as problem:
        raise InputError(path, problem.line, problem.message) from None
    except OSError as error:  # polib's "Syntax error", also wrapping the _Problem of a handler
        found = parser.problem or _Problem(*parser.diagnose(str(error)))
        raise InputError(path, found.line, found.message) from None
    finally:
        parser.release()
    return parser.instance


def _string_problem(token: str) -> str | None:
    """What is wrong with a string token (polib would silently cut a character), if anything."""
    if not token.startswith('"'):
        return "must be followed by a quoted string"
    backslashes = len(token) - 1 - len(token[:-1].rstrip("\\"))
    if len(token) < 2 or not token.endswith('"') or backslashes % 2:
        return "unterminated string (missing closing quote)"
    return None


def _line_numbers(text: str, offsets: list[int]) -> frozenset[int]:
    """The numbers (from 1) of the lines holding the sorted ``offsets`` of ``text``."""
    numbers, number, position = set(), 1, 0
    for offset in offsets:
        number += text.count("\n", position, offset)
        position = offset
        numbers.add(number)
    return frozenset(numbers)


def _line_for_polib(line: str, number: int) -> str:
    if line.startswith("#~|"):
        line = "#|" + line[3:]  # and its string is read as any other below
    if line.startswith(("#~", "#|")) and not line[2:].strip():
        return ""  # nothing: GNU skips it
    if line.startswith("#~#"):
        line = "#~ " + line[2:]  # a comment of an obsolete entry, as `#~ #` is
    if line.startswith("#") and not line.startswith(("#~", "#|")):
        if not _ODD_COMMENT.match("\n" + line):
            return line
        if line[1:2] not in (".", ":", ","):
            return "# " + line[1:]
        # An empty `#.` becomes a placeholder polib does not skip: comment texts come from
        # the line as written.
        return line[:2] + (" " + line[2:] if line[2:].strip() else " -")
    if line.removeprefix("#~").lstrip().startswith("#") and not line.startswith("#|"):
        return line  # a comment of an obsolete entry
    quote = line.find('"')
    if quote < 0 or "\\" not in line:
        return line
    return line[:quote] + _gnu_unescape(line[quote:], number)


def _gnu_unescape(token: str, line: int) -> str:
    """Turn the escapes only GNU knows into characters polib passes through unchanged."""

    def byte(match: re.Match[bytes]) -> bytes:
        octal, hexa, other = match.groups()
        if other is not None:
            if other in b'ntbrfv\\"':
                return match.group(0)
            if other == b"a":
                return b"\a"
            shown = other.decode("utf-8", "replace")
            raise _Problem(line, f"invalid escape sequence \\{shown}")
        value = int(octal, 8) if octal is not None else int(hexa, 16)
        return _POLIB_ESCAPES.get(value & 0xFF, bytes([value & 0xFF]))

    try:
        return _ESCAPE.sub(byte, token.encode("utf-8")).decode("utf-8")
    except UnicodeDecodeError:
        raise _Problem(line, "escape sequences that do not form valid UTF-8") from None


def _comment_text(raw: str, mark: str) -> str:
    """A comment's text as GNU keeps it: after the mark, minus one space, trailing blanks kept."""
    text = raw.lstrip()
    if text.startswith("#~"):
        text = text[2:].lstrip()
    text = text[len(mark) :]
    return text[1:] if text.startswith(" ") else text


_KEY = attrgetter("msgctxt", "msgid")  # what makes an entry a duplicate of another
_MSGID = attrgetter("msgid")
_EOT = "character U+0004 (EOT) in a string: gettext separates msgctxt from msgid with it"


def _strings(entry: polib.POEntry) -> list[str]:
    """Every string of an entry, previous ones included."""
    texts = [entry.msgid, entry.msgstr, entry.msgctxt or "", entry.msgid_plural or ""]
    texts += [entry.previous_msgctxt or "", entry.previous_msgid or ""]
    return [*texts, entry.previous_msgid_plural or "", *entry.msgstr_plural.values()]


def _metadata(header: str) -> dict[str, str]:
    """The header's fields, read as polib reads them but with lines ending at "\n" only
    (polib's ``splitlines`` also breaks at U+001C..U+001E, U+0085, U+2028... inside a value)."""
    lines = header.split("\n")
    if lines[-1] == "":
        lines.pop()
    fields: dict[str, str] = {}
    key = None
    for line in lines:
        name, colon, value = line.partition(":")
        if colon:
            key = name
            fields[key] = value.strip()
        elif key is not None:  # a line without a colon continues the field before it
            fields[key] += "\n" + line.strip()
    return fields


class _Problem(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


if TYPE_CHECKING:  # polib's parser is generic only in its type stubs
    _PolibParser = polib._POFileParser[Catalogue]
else:
    _PolibParser = polib._POFileParser


class _Parser(_PolibParser):
    """polib's parser, plus GNU's checks, GNU's comment text and the msgid line of each entry."""

    def __init__(self, path: Path, parses: bool = True) -> None:
        # Not ``parses``: a reader that keeps only the state here (the plain one) needs no
        # table of transitions, a hundred bound methods made for each catalogue.
        self.parses = parses
        super().__init__("", encoding="utf-8", klass=Catalogue)
        self.fhandle = cast(IO[str], [])  # polib iterates it, and closes only file handles
        self.instance.fpath = str(path)
        self.raw = ""  # the line polib is reading, as written
        self.entries: list[polib.POEntry] = []  # every entry in file order, header included
        self.pending: int | None = None  # line of a msgid still waiting for its msgstr
        self.plural = False  # the current entry has a msgid_plural
        self.owner: polib.POEntry | None = None  # the entry self.texts belongs to
        self.texts: dict[str, list[str]] = {}
        self.header_lines: list[str] = []
        self.problem: _Problem | None = None  # what a handler found (polib turns it into OSError)
        self.context: int | None = None  # line of a msgctxt still waiting for its msgid
        # The entries read but not in the catalogue (the header entry polib took out), when
        # the reading knows them (the plain one does; else finish() looks for them).
        self.removed: list[polib.POEntry] | None = None

    def lines(self, text: str, odd: frozenset[int]) -> Iterator[str]:
        """Each line of ``text`` for polib (those it would misread rewritten as it reads them),
        keeping the line as written in ``self.raw``."""
        start, number = 0, 0
        while start <= len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            number += 1
            self.raw = text[start:end]
            if self.raw.isspace() and self.raw.strip(" \t\f\v"):  # polib would skip it
                shown = repr(self.raw.strip(" \t\f\v")[0])
                raise _Problem(number, f"stray character {shown} on a line of its own")
            yield _line_for_polib(self.raw, number) if number in odd else self.raw
            start = end + 1

    def add(self, symbol: str, states: list[str], next_state: str) -> None:
        if self.parses:
            super().add(symbol, states, next_state)

    def release(self) -> None:
        """Let go of the text: polib's table of bound handlers is a cycle only gc would free."""
        self.entries, self.texts = [], {}
        self.fhandle = cast(IO[str], [])
        self.transitions.clear()

    def _fail(self, line: int | None, message: str) -> None:
        self.problem = _Problem(line, message)
        raise self.problem

    def process(self, symbol: str) -> None:
        if symbol in _COMMENT_SYMBOLS:
            if self.pending is not None or self.context is not None:
                self._fail(
                    self.current_line,
                    "comment inside an entry: comments go before its msgctxt or msgid",
                )
            self.plural = False  # a comment starts the next entry: msgstr[n] needs its own msgid
        if symbol in _KEYWORD_SYMBOLS and not _KEYWORD_START.match(self.raw):
            # polib splits at any Unicode space and skips what stands before the quote
            keyword = re.match(_KEYWORD, self.raw.lstrip("#~ \t"))
            shown = keyword.group() if keyword else "keyword"
            self._fail(self.current_line, f"{shown} must be followed by a quoted string")
        if symbol in _STRING_SYMBOLS:
            token = self.current_token or ""
            if "\x04" in token:  # raw, or from an escape (\004) turned into the character
                self._fail(self.current_line, _EOT)
            if len(token) < 2 or token[-1:] != '"' or token[-2:-1] == "\\" or token[:1] != '"':
                self._check_string(symbol, token)
            inside = token[token.find('"') + 1 : -1]
            if '"' in inside and _UNESCAPED_QUOTE.search(inside):  # polib misses `\\"`, msgstr[n]
                self._fail(self.current_line, 'unescaped double quote inside a string (write \\")')
        super().process(symbol)

    def _check_string(self, symbol: str, token: str) -> None:
        value = token[token.find('"') :] if symbol == "mx" and '"' in token else token
        problem = _string_problem(value)
        if problem and problem.startswith("must"):
            keyword = re.match(_KEYWORD, self.raw.lstrip("#~ \t"))
            problem = f"{keyword.group() if keyword else 'keyword'} {problem}"
        if problem:
            raise _Problem(self.current_line, problem)

    def handle_ct(self) -> bool:
        if self.context is not None:
            self._fail(self.context, "msgid missing after msgctxt")
        self.context = self.current_line
        return super().handle_ct()

    def handle_mi(self) -> bool:
        if self.pending is not None:
            self._fail(self.pending, "msgstr missing after msgid")
        self.context = None
        super().handle_mi()
        self.current_entry.linenum = self.pending = self.current_line
        self.plural = False
        self.entries.append(self.current_entry)
        return True

    def handle_mp(self) -> bool:
        if self.pending is None:
            self._fail(self.current_line, "msgid_plural without msgid before it")
        if self.plural:
            self._fail(self.current_line, "msgid_plural given twice")
        self.plural = True
        return super().handle_mp()

    def handle_ms(self) -> bool:
        self._check_msgstr(plural=False)
        return super().handle_ms()

    def handle_mx(self) -> bool:
        """A ``msgstr[n]``: polib reads one digit of n; GNU wants 0, 1, 2... in order."""
        self._check_msgstr(plural=True)
        token = self.current_token or ""
        written = token[7 : token.find("]")] if "]" in token else token[7:]
        expected = len(self.current_entry.msgstr_plural)
        if not (written.isascii() and written.isdigit()):
            self._fail(self.current_line, f"msgstr[{written}]: the index must be a number")
        if int(written) != expected:
            self._fail(
                self.current_line,
                f"msgstr[{written}] where msgstr[{expected}] was expected: plural translations"
                " are numbered from 0, in order",
            )
        value = token[token.find('"') + 1 : -1]
        self.current_entry.msgstr_plural[expected] = polib.unescape(value)
        self.msgstr_index = expected
        return True

    def _check_msgstr(self, plural: bool) -> None:
        if self.pending is None and not (plural and self.plural):
            self._fail(self.current_line, "msgstr without msgid before it")
        if self.plural and not plural:
            self._fail(self.current_line, "msgid_plural needs msgstr[0], msgstr[1]... not msgstr")
        if plural and not self.plural:
            self._fail(self.current_line, "msgstr[n] needs a msgid_plural before it")
        self.pending = None

    def handle_he(self) -> bool:
        super().handle_he()
        self.header_lines.append(_comment_text(self.raw, "#"))
        return True

    def handle_tc(self) -> bool:
        super().handle_tc()
        self._comment("tcomment", _comment_text(self.raw, "#"))
        return True

    def handle_gc(self) -> bool:
        super().handle_gc()
        self._comment("comment", _comment_text(self.raw, "#."))
        return True

    def _comment(self, field: str, text: str) -> None:
        """Set a comment from GNU's text of each line (polib strips blanks and empty lines)."""
        if self.owner is not self.current_entry:
            self.owner, self.texts = self.current_entry, {"tcomment": [], "comment": []}
        self.texts[field].append(text)
        setattr(self.current_entry, field, "\n".join(self.texts[field]))
        blank = BLANK_COMMENT if field == "tcomment" else BLANK_EXTRACTED
        setattr(self.current_entry, blank, self.texts[field] == [""])

    def finish(self, may_hold_eot: bool = True) -> None:
        """Check what polib does not, and keep the header entry that polib turned into a dict.

        ``may_hold_eot`` False: a reading that knows no string holds U+0004 says so.
        """
        if self.pending is not None:
            raise _Problem(self.pending, "msgstr missing after msgid")
        if self.context is not None:
            raise _Problem(self.context, "msgid missing after msgctxt")
        entries = self.entries
        # Each entry's msgid or key taken in C (map, attrgetter): no Python step per entry.
        # Distinct msgids (most catalogues) make distinct keys, without a tuple for each.
        if not may_hold_eot and (
            len(set(map(_MSGID, entries))) == len(entries)
            or len(set(map(_KEY, entries))) == len(entries)
        ):
            self._keep_header()  # no duplicate, no U+0004: nothing to say where
            return
        first: dict[tuple[str | None, str], int | None] = {}
        for entry in self.entries:
            key = (entry.msgctxt, entry.msgid)
            if key in first:
                where = f"first defined at line {first[key]}"
                raise _Problem(entry.linenum, f"duplicate message definition ({where})")
            first[key] = entry.linenum
            if any("\x04" in text for text in _strings(entry)):  # the full reader says where
                raise _Problem(entry.linenum, _EOT)
        self._keep_header()

    def _keep_header(self) -> None:
        catalogue = self.instance
        if self.removed is None:
            kept = set(map(id, catalogue))
            self.removed = [entry for entry in self.entries if id(entry) not in kept]
        header = next((e for e in self.removed if e.msgid == ""), None)
        if header is not None:
            catalogue.metadata = _metadata(header.msgstr)
        catalogue.source_header, catalogue.source_metadata = header, dict(catalogue.metadata)
        owner = header or (self.entries[0] if self.entries else None)
        if owner is None or not self.header_lines:
            return
        blank = getattr(owner, BLANK_COMMENT, False) is True
        lines = self.header_lines + (owner.tcomment.split("\n") if owner.tcomment or blank else [])
        if header is None:  # without a header entry, the top comments are the first entry's
            owner.tcomment, catalogue.header = "\n".join(lines), ""
        else:
            owner.tcomment, catalogue.header = "", "\n".join(lines)
        setattr(owner, BLANK_COMMENT, lines == [""])

    def diagnose(self, error: str) -> tuple[int | None, str]:
        """Line and human message for a syntax error polib reports itself."""
        line = self.current_line
        if "unescaped double quote" in error:
            return line, 'unescaped double quote inside a string (write \\")'
        if "unknown keyword" in error or "invalid continuation" in error:
            return line, "#| line must hold msgctxt, msgid or msgid_plural and a quoted string"
        words = self.raw.removeprefix("#~").split()
        word = words[0] if words else ""
        if word in ("msgid", "msgctxt") and self.pending is not None:
            return self.pending, "msgstr missing after msgid"
        if word.startswith("msgstr") and self.pending is None:
            return line, "msgstr without msgid before it"
        if word.startswith('"'):
            return line, "continuation string without a keyword before it"
        if word.startswith("#"):
            return line, f"comment line {word!r} not expected here"
        if re.fullmatch(_KEYWORD, word):
            problem = (
                "must be followed by a quoted string" if len(words) == 1 else "not expected here"
            )
            return line, f"{word} {problem}"
        return line, f"unknown keyword {word!r}"
