"""Reads .po/.pot catalogues with polib, keeping what GNU keeps; bad input fails as path:line."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import polib

from toolkit.errors import InputError

_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([A-Za-z0-9_.:-]+)', re.MULTILINE)
# Comment lines polib skips, rejects or misreads but GNU keeps: `#~|` (the previous msgid of an
# obsolete entry), `#text` with no space (a translator comment) and an empty `#.` line.
_ODD_COMMENT = re.compile(r"^#(?:~\||[^\s.:,|~#]|\.[ \t]*$)", re.MULTILINE)
# Escapes GNU reads and polib does not: \a, octal and hex bytes (polib keeps them as text).
_GNU_ESCAPE = re.compile(r"\\[^ntbrfv\\\"]")
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))", re.DOTALL)
_POLIB_ESCAPES = {ord(char): b"\\" + letter.encode()
                  for char, letter in zip('\n\t\r\b\f\v\\"', 'ntrbfv\\"', strict=True)}
_STRINGS = {"ct": "msgctxt", "mi": "msgid", "mp": "msgid_plural", "ms": "msgstr",
            "mx": "msgstr[n]", "mc": "string", "pc": "#| msgctxt", "pm": "#| msgid",
            "pp": "#| msgid_plural"}


# Attributes set (True) on an entry whose translator comment is a single empty `#` line, or whose
# extracted comment is a single empty `#.` line: polib's "" cannot tell these from no comment.
BLANK_COMMENT = "blank_translator_comment"
BLANK_EXTRACTED = "blank_extracted_comment"


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
    return parse_catalog(_decode(data, path), path)


def parse_catalog(text: str, path: Path) -> polib.POFile:
    """Parse catalogue ``text``; entries keep in ``linenum`` the line of their msgid keyword."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    raw = text.split("\n")
    lines = [_comment_for_polib(line) for line in raw] if _ODD_COMMENT.search(text) else raw
    parser = _Parser(path, lines, raw)
    try:
        parser.parse()
        parser.finish()
    except _Problem as problem:
        raise InputError(path, problem.line, problem.message) from None
    except OSError as error:  # polib's "Syntax error in po file" for what our checks let through
        raise InputError(path, parser.current_line, parser.explain(str(error))) from None
    return parser.instance


def _decode(data: bytes, path: Path) -> str:
    """Decode as the header's charset when it names one Python knows, else as UTF-8."""
    data = data.removeprefix(codecs.BOM_UTF8)
    found = _CHARSET.search(data)
    charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:  # e.g. the template placeholder "CHARSET"
        charset = "utf-8"
    try:
        return data.decode(charset)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start]
        raise InputError(path, line, f"byte 0x{bad:02x} is not valid {charset}; the file must be "
                         "UTF-8 or declare its charset in the header") from None


def _comment_for_polib(line: str) -> str:
    if line.startswith("#~|"):
        return "#|" + line[3:]
    if line.startswith("#."):
        return "#. -" if _ODD_COMMENT.match(line) else line  # any text: GNU's is taken from raw
    if _ODD_COMMENT.match(line):
        return "# " + line[1:]
    return line


def _gnu_unescape(token: str, line: int) -> str:
    """Turn the escapes only GNU knows into characters polib passes through unchanged."""

    def byte(match: re.Match[bytes]) -> bytes:
        octal, hexa, other = match.groups()
        if other is not None:
            if other in b"ntbrfv\\\"":
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
    text = text[len(mark):]
    return text[1:] if text.startswith(" ") else text


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

    def __init__(self, path: Path, lines: list[str], raw: list[str]) -> None:
        super().__init__("", encoding="utf-8", klass=Catalogue)
        self.fhandle = cast(IO[str], lines)  # polib iterates it, and closes only file handles
        self.instance.fpath = str(path)
        self.raw = raw
        self.entries: list[polib.POEntry] = []  # every entry in file order, header included
        self.pending: int | None = None  # line of a msgid still waiting for its msgstr
        self.plural = False
        self.in_plural_msgstr = False
        self.symbol = ("", 0)
        self.owner: polib.POEntry | None = None
        self.texts: dict[str, list[str]] = {}
        self.header_lines: list[str] = []

    def process(self, symbol: str) -> None:
        self.symbol = (symbol, self.current_line)
        if symbol in _STRINGS:
            self._check_string(symbol)
        self._check_order(symbol)
        super().process(symbol)

    def _check_string(self, symbol: str) -> None:
        token = self.current_token or ""
        value = token[token.find('"'):] if symbol == "mx" and '"' in token else token
        line = self.current_line
        if not value.startswith('"'):
            raise _Problem(line, f"{_STRINGS[symbol]} must be followed by a quoted string")
        backslashes = len(value) - 1 - len(value[:-1].rstrip("\\"))
        if len(value) < 2 or not value.endswith('"') or backslashes % 2:
            raise _Problem(line, "unterminated string (missing closing quote)")
        if "\\" in token and _GNU_ESCAPE.search(token):
            self.current_token = _gnu_unescape(token, line)

    def _check_order(self, symbol: str) -> None:
        line = self.current_line
        if symbol in ("mi", "ct") and self.pending is not None:
            raise _Problem(self.pending, "msgstr missing after msgid")
        if symbol == "mi":
            self.pending, self.plural, self.in_plural_msgstr = line, False, False
        elif symbol == "mp" and self.pending is None:
            raise _Problem(line, "msgid_plural without msgid before it")
        elif symbol == "mp":
            self.plural = True
        elif symbol in ("ms", "mx"):
            if self.pending is None and not (symbol == "mx" and self.in_plural_msgstr):
                raise _Problem(line, "msgstr without msgid before it")
            if self.plural != (symbol == "mx"):
                raise _Problem(line, "msgid_plural needs msgstr[0], msgstr[1]..." if self.plural
                               else "msgstr[n] needs a msgid_plural before it")
            self.pending, self.in_plural_msgstr = None, symbol == "mx"

    def handle_mi(self) -> bool:
        super().handle_mi()
        self.current_entry.linenum = self.current_line
        self.entries.append(self.current_entry)
        return True

    def handle_he(self) -> bool:
        super().handle_he()
        self.header_lines.append(_comment_text(self.raw[self.current_line - 1], "#"))
        self.instance.header = "\n".join(self.header_lines)
        return True

    def handle_tc(self) -> bool:
        super().handle_tc()
        self._comment("tcomment", _comment_text(self.raw[self.current_line - 1], "#"))
        return True

    def handle_gc(self) -> bool:
        super().handle_gc()
        self._comment("comment", _comment_text(self.raw[self.current_line - 1], "#."))
        return True

    def _comment(self, field: str, text: str) -> None:
        """Set a comment from GNU's text of each line (polib strips blanks and empty lines)."""
        if self.owner is not self.current_entry:
            self.owner, self.texts = self.current_entry, {"tcomment": [], "comment": []}
        self.texts[field].append(text)
        setattr(self.current_entry, field, "\n".join(self.texts[field]))
        blank = BLANK_COMMENT if field == "tcomment" else BLANK_EXTRACTED
        setattr(self.current_entry, blank, self.texts[field] == [""])

    def finish(self) -> None:
        """Check what polib does not, and keep the header entry that polib turned into a dict."""
        if self.pending is not None:
            raise _Problem(self.pending, "msgstr missing after msgid")
        first: dict[tuple[str | None, str], int | None] = {}
        for entry in self.entries:
            key = (entry.msgctxt, entry.msgid)
            if key in first:
                raise _Problem(entry.linenum, "duplicate message definition "
                               f"(first defined at line {first[key]})")
            first[key] = entry.linenum
        self._keep_header()

    def _keep_header(self) -> None:
        catalogue = self.instance
        kept = {id(entry) for entry in catalogue}
        header = next((e for e in self.entries if id(e) not in kept and e.msgid == ""), None)
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

    def explain(self, error: str) -> str:
        """A human message for the syntax errors polib reports itself."""
        if "unescaped double quote" in error:
            return 'unescaped double quote inside a string (write \\")'
        if "unknown keyword" in error or "invalid continuation" in error:
            return "#| line must hold msgctxt, msgid or msgid_plural and a quoted string"
        symbol, line = self.symbol
        if line == self.current_line and symbol == "mc":
            return "continuation string without a keyword before it"
        if line == self.current_line and symbol in _STRINGS:
            return f"{_STRINGS[symbol]} is not expected here"
        words = self.raw[self.current_line - 1].split()
        word = words[0] if words else ""
        if word in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            return f"{word} must be followed by a quoted string"
        if word.startswith("#"):
            return f"unknown comment line starting with {word!r}"
        return f"unknown keyword {word!r}"
