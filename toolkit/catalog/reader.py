"""Reads .po/.pot catalogues with polib, keeping what GNU keeps; bad input fails as path:line."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

import polib

from toolkit.errors import InputError

# Attributes set (True) on an entry whose translator comment is a single empty `#` line, or whose
# extracted comment is a single empty `#.` line: polib's "" cannot tell these from no comment.
BLANK_COMMENT = "blank_translator_comment"
BLANK_EXTRACTED = "blank_extracted_comment"

_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([A-Za-z0-9_.:-]+)', re.MULTILINE)
_KEYWORD = r"(?:msgctxt|msgid_plural|msgid|msgstr(?:\[[0-9]+\])?)"
_STRING_SYMBOLS = frozenset(("ct", "mi", "mp", "ms", "mx", "mc", "pc", "pm", "pp"))
# Lines polib skips, rejects or misreads but GNU reads: `#~|` (the previous msgid of an obsolete
# entry), comments without a space after the mark (`#text`, `#.text`, `#:file`) and an empty `#.`
# (searched in "\n" + text, fast thanks to the literal start), and strings holding escapes only
# GNU knows (\a, octal and hex bytes, which polib keeps as text; `\\x` is a false alarm here).
_ODD_COMMENT = re.compile(r"\n#(?:~\||[^\s.:,|~#]|[.:,](?=\S)|\.[ \t]*(?=\n|\Z))")
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
    return parse_catalog(_decode(data, path), path)


def parse_catalog(text: str, path: Path) -> polib.POFile:
    """Parse catalogue ``text``; entries keep in ``linenum`` the line of their msgid keyword."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    raw = text.split("\n")
    parser = _Parser(path, raw)
    try:
        odd = [m.start() for m in _ODD_COMMENT.finditer("\n" + text)]
        odd += [m.start() for m in _ODD_ESCAPE.finditer(text)]
        if odd:
            parser.fhandle = cast(IO[str], _for_polib(text, raw, sorted(odd)))
        parser.parse()
        parser.finish()
    except _Problem as problem:
        raise InputError(path, problem.line, problem.message) from None
    except OSError as error:  # polib's "Syntax error", also wrapping the _Problem of a handler
        found = parser.problem or _Problem(*parser.diagnose(str(error)))
        raise InputError(path, found.line, found.message) from None
    return parser.instance


def _decode(data: bytes, path: Path) -> str:
    """Decode as the header's charset when it names one Python knows, else as UTF-8."""
    data = data.removeprefix(codecs.BOM_UTF8)
    end = data.find(b"\n\n")  # the header is the first entry: look no further
    found = _CHARSET.search(data, 0, end if end >= 0 else len(data))
    charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:  # e.g. the template placeholder "CHARSET"
        charset = "utf-8"
    try:
        return data.decode(charset)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            path,
            line,
            f"byte 0x{data[error.start]:02x} is not valid {charset}; the file must be UTF-8 "
            "or declare its charset in the header",
        ) from None


def _string_problem(token: str) -> str | None:
    """What is wrong with a string token (polib would silently cut a character), if anything."""
    if not token.startswith('"'):
        return "must be followed by a quoted string"
    backslashes = len(token) - 1 - len(token[:-1].rstrip("\\"))
    if len(token) < 2 or not token.endswith('"') or backslashes % 2:
        return "unterminated string (missing closing quote)"
    return None


def _for_polib(text: str, raw: list[str], offsets: list[int]) -> list[str]:
    """The lines at ``offsets`` that polib would misread, rewritten as it reads them."""
    lines, number, position = raw.copy(), 0, 0
    for offset in offsets:
        number += text.count("\n", position, offset)
        position = offset
        lines[number] = _line_for_polib(raw[number], number + 1)
    return lines


def _line_for_polib(line: str, number: int) -> str:
    if line.startswith("#~|"):
        return "#|" + line[3:]
    if line.startswith("#") and not line.startswith(("#~", "#|")):
        if not _ODD_COMMENT.match("\n" + line):
            return line
        if line[1:2] not in (".", ":", ","):
            return "# " + line[1:]
        # An empty `#.` becomes a placeholder polib does not skip: comment texts come from raw.
        return line[:2] + (" " + line[2:] if line[2:].strip() else " -")
    if line.removeprefix("#~").lstrip().startswith("#"):  # a comment of an obsolete entry
        return line
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

    def __init__(self, path: Path, raw: list[str]) -> None:
        super().__init__("", encoding="utf-8", klass=Catalogue)
        self.fhandle = cast(IO[str], raw)  # polib iterates it, and closes only file handles
        self.instance.fpath = str(path)
        self.raw = raw
        self.entries: list[polib.POEntry] = []  # every entry in file order, header included
        self.pending: int | None = None  # line of a msgid still waiting for its msgstr
        self.plural = False  # the current entry has a msgid_plural
        self.owner: polib.POEntry | None = None  # the entry self.texts belongs to
        self.texts: dict[str, list[str]] = {}
        self.header_lines: list[str] = []
        self.problem: _Problem | None = None  # what a handler found (polib turns it into OSError)

    def _fail(self, line: int | None, message: str) -> None:
        self.problem = _Problem(line, message)
        raise self.problem

    def process(self, symbol: str) -> None:
        if symbol in _STRING_SYMBOLS:
            token = self.current_token or ""
            if token[-1:] != '"' or token[-2:-1] == "\\" or token[:1] != '"':
                self._check_string(symbol, token)
        super().process(symbol)

    def _check_string(self, symbol: str, token: str) -> None:
        value = token[token.find('"') :] if symbol == "mx" and '"' in token else token
        problem = _string_problem(value)
        if problem and problem.startswith("must"):
            keyword = re.match(_KEYWORD, self.raw[self.current_line - 1].lstrip("#~ \t"))
            problem = f"{keyword.group() if keyword else 'keyword'} {problem}"
        if problem:
            raise _Problem(self.current_line, problem)

    def handle_mi(self) -> bool:
        if self.pending is not None:
            self._fail(self.pending, "msgstr missing after msgid")
        super().handle_mi()
        self.current_entry.linenum = self.pending = self.current_line
        self.plural = False
        self.entries.append(self.current_entry)
        return True

    def handle_mp(self) -> bool:
        self.plural = True
        return super().handle_mp()

    def handle_ms(self) -> bool:
        self._check_msgstr(plural=False)
        return super().handle_ms()

    def handle_mx(self) -> bool:
        self._check_msgstr(plural=True)
        return super().handle_mx()

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
        self.header_lines.append(_comment_text(self.raw[self.current_line - 1], "#"))
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
                where = f"first defined at line {first[key]}"
                raise _Problem(entry.linenum, f"duplicate message definition ({where})")
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

    def diagnose(self, error: str) -> tuple[int | None, str]:
        """Line and human message for a syntax error polib reports itself."""
        line = self.current_line
        if "unescaped double quote" in error:
            return line, 'unescaped double quote inside a string (write \\")'
        if "unknown keyword" in error or "invalid continuation" in error:
            return line, "#| line must hold msgctxt, msgid or msgid_plural and a quoted string"
        words = self.raw[line - 1].removeprefix("#~").split()
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
