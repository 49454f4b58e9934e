"""Writes catalogues byte for byte as GNU msgcat 0.21 lays them out (libunistring 1.0 wrapping)."""

from __future__ import annotations

import base64
import re
import unicodedata
import zlib
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, pairwise
from pathlib import Path

import polib

from toolkit.catalog.reader import BLANK_COMMENT, BLANK_EXTRACTED, Catalogue
from toolkit.fsutil import write_if_changed

# Line-break class of every code point, from libunistring 1.0's own table (Unicode 14.0), which
# is what msgcat 0.21 breaks lines with: runs of <letter><count> over U+0000..U+10FFFF, letter =
# class number (A = 0), zlib-compressed, base85. Classes libunistring resolves at run time for
# UTF-8 are resolved here already (AI, SA and XX to AL; CB to ID). Made by reading the exported
# `libunistring_unilbrkprop` (a 3-level table) and `libunistring_unilbrk_table` of
# libunistring.so.2 with ctypes; libunistring 1.0 itself (u8_width_linebreaks_v2) agreed with
# this module on 60,000 random strings of every class.
_CLASS_RUNS = (
    "c-rk)%XTC;2>m62&}*5Va-7rCo%YyKqMF^rN#{|?|8H|ID$mQ4$2RA9AypMZfB;dz))x6)e%"
    "0S(llrF|<sw}k<R0@y&hm|a-O1M&-^m*ZciQ7ox|TEGSk-oxMQ(w%<zHpfe88@Id5Arc(gF;"
    "8VZM=`0f}enNdvwjhE%@jR@wpl^-wm6UF;6{Ic%kCN_V7T4`g6z0Ty1A<H+~=sHNMZb=CU_*"
    ">n@(!ZCJ>n^NL?c>|e&+uD(vL3PU*B!Ydw=*s07HqdI=46H<Oj9cpv2HSw}0P2bz0-$UVb4%"
    "nAJ0z{$K#*$@2RC1p>dXXW7v~}c@RYYFAt-I^jo*PEF3G+2bni;%SsY{E0&e>jN~__G@8Y}2"
    "2duiw7J>0Zl*B5|EMMYJp+4}JisjV6EIJvR@)_3}$YiXfw3Cn>rBIjhM54f?ZKHMn1yM3Uz|"
    "l`|KGjEqE+}CM0Gpp-o-(_(fL0QHgP#kDJ3O`<*y2VH7>gX_m=3^kGwR$4>`BST84k>WRRe#"
    "+8eI*haA(*e_<}lB*GQ3PJAhk|$u`$XQ{T4yuIP`o_6S1J{a;eWoMYo%$Yj$?U0_8XU+We@K"
    "&crzU~hTR)4VtsIGU?o?Fc90g*j4Nk+)^C^o{0D0MkK!PW3nytS(ok@3b~|OufPI!lS~caOI"
    "%<{UEX!mEU?>oDXHfjdW@T($=kR3I#9eJ+TOhdkt<rrIExHMc<MJw}XvCgXp@HgDmk6i2gG$"
    "X_rM`!6p|y%LQ=((ZOEF1;J>8z3$=37YK2JdhgsiClFNE3xr(aS3>jPl+kr6HXr4oFyI&_4v"
    "#(@iC0r9{K@Z^@`5G5)Y4w#-JYBPlm__5Z~eWMfdi;vmJGNK07twE-_t;tF+h~yEQ1D^2%QL"
    "V-=O%e#2ATiY$mL7{fb*rE}4cM9vyGx??x}pAMwkp7XESfGyMD>9T9laPrUTy2<7s&P}Ni6v"
    "}wy*)C=xLrDL8wvco=l(a$L_#yIQVgd6lqNo@hv-09GGe7*}}K=IJTs0gq+6yB!URf-=BzE4"
    "mcjq>?;4n1*(KEno$Z!*$}765pBJ~Uy9A49Sa#zsBCme~29_YC8Xo`%u<&3F_{5Ih4PUl!m7"
    "CE!Pqaa4qlNCE=%I1&RZLqSHMn9BF-m7D)_c+nW{DuaY933$9^aho>|f3VbN7@&tEN+D2GMz"
    "FviQJsIF>^~*`e04?xgr7>D(f_;pRvRdq2L;Fo!|mb1@4o|uf2H~qo+E7=5l3iK0uj{e@;<`"
    "n@8t(AFVoBPGQCVM)64WS{a+{i`QIth-5;&>YDq^zW~S{CsmUX=@JD74kBKiBx)0_J&6wdK_"
    "h#~qOatlst==I)VXF4ps|BQKU&`#BXL+Mwcw&B1X3U>pAh#Kw?K1_p@|D+oLme`A>)ef;iy0"
    "vo%eNDvZGZ99kz?j|VVGx+kbGn$?N0+K8>@;DQ9+>cip=O!Lpr3)xR5e=o$VzS3M3?HECMwY"
    "FKW%xyXF<4rdc_mm_g#jGRo7q%xu{RZ%d|<@=`#=fK+GI)i%$~6I&jv<(Qj!y8tToM6$6%Ah"
    "XjENZhO0xRAch`fc+vlxZF7KXW<E`QLaI9$D|P>ho+~JQJOzCD(D<g5A2O`d&;29+o2DK$FE"
    "sHU9IS2Y}36r72TWTXspjk<+WN)|A;8k>~_aNiNK7Q76uZNCjpg_vq|y;D%Y5&OX)TzMF=LN"
    "MOM#yIduBGl7h3Zvzmi`6g-3tIT6khm{Gq1@BXspWXJQ=IW;pGZ(&LH6Kwc)!B<dqAp?P&^O"
    "+IfC^kw(^`4<Z{D{+WJ(RCryZJhb1Mz3G29z!a<9zbR`9Kq(mCGJjJF?^kHBQDNY@O9GRwmh"
    "=2DB<B{DDDop@!tqo=wRo?(*bLRIerP{kA_^};4jIoUyG9|xs!h9InJa_xu+1HqvsUMF&7#S"
    "UyNLnSD&bE40Bff3-5-i2eoOugTvyFbuZ1u9@CP|BMWNSNGh!+YKKf>h}&*%d{z#yqVfyXAK"
    "6X{Kh~tkHX4`1Y2Hw~ee;Z_&}-?iO~2Qp^~rFsh;Yw-rTQ2rCXJY4u6w6wB)U2Lyx0i4A}?<"
    ")2Ws#uZ@S+SW33rJ`0zpcK7#z`g*EuHFzx*XT_F#nbXHY2<uWLI9GhG;cQ;76qfQd%(f+Qud"
    "LE&}UnrlwO8p+J>zg8>XOU*GUX72w*tcU==zFdB-c%UoR2nvJpv3GQf>5&I+djXoUcAjcl^5"
    "Y%-zF#o0uupOq%STTgjqiMeLn7QDp(jp<qdn<qq+zSfcP1o_}cPW;LOx#j@F;)kVX;XLN5Hx"
    "Nn?fupPq9!7a6S-e8qVUX#lYrSF>$9B(#puu&WQv#`{C+EEPeBqda>x~VFLRm!r0ycT<z5"
)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm"

# libunistring's class numbers: the pair table below covers 0..32; 33..38 get special rules.
_BA, _HY, _AL, _HL, _RI, _ZWJ = 3, 5, 20, 28, 29, 30
_BK, _CR, _LF, _CM, _ZW, _SP = 33, 34, 35, 36, 37, 38
# Classes with rules beyond the pair table: text holding any goes through the exact loop.
_RARE = re.compile(b"[%s]" % re.escape(bytes((_HL, _RI, _ZWJ, _BK, _CR, _LF, _CM, _ZW))))

# libunistring 1.0's unilbrk_table, row = class before, column = class after (same order as the
# rows): D = break allowed, I = allowed only across spaces, P = prohibited.
_PAIRS = (
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # WJ
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # GL
    "PIPIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # B2
    "PDDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # BA
    "PIIIIIPPPPIIIIIPIIIPIIIIIIIIIIIII",  # BB
    "PDDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  # HY
    "PIDIDIPPPPIPDDIPDIIPDDDDDDDDDDDDD",  # CL
    "PIDIDIPPPPIIDDIPIIIPIDDDDDDDIDIDD",  # CP
    "PIDIDIPPPPIIDDIPDIIPDDDDDDDDDDDDD",  # CP2
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # EX
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # IN
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OP
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP",  # OPW
    "PIIIIIPPPPIIPPIPIIIPIIIIIIIIIIIII",  # QU
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDDDDDD",  # IS
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # NU
    "PIDIDIPPPPIIIIIPIDDPIDDDDDDDIDIDD",  # PO
    "PIDIDIPPPPIIIIIPIDDPIIIIIIIIIDIII",  # PR
    "PIDIDIPPPPIIDDIPIDDPDDDDDDDDIDDDD",  # SY
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # AL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  # H2
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  # H3
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  # ID
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  # ID2
    "PIDIDIPPPPIIDDIPDIDPDIIDDIIDDDDDD",  # JL
    "PIDIDIPPPPIIDDIPDIDPDDDDDDIIDDDDD",  # JV
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDIDDDDD",  # JT
    "PIDIDIPPPPIIIDIPIIIPIDDDDDDDIDIDD",  # HL
    "PIDIDIPPPPIIDDIPDDDPDDDDDDDDDDDDD",  # RI
    "PIDIDIPPPPIIIDIPIIIPIDDIIDDDIDIII",  # ZWJ
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDI",  # EB
    "PIDIDIPPPPIIDDIPDIDPDDDDDDDDDDDDD",  # EM
)
_PROHIBITED, _POSSIBLE, _MANDATORY = 0, 1, 2

# GNU writes these as escapes; every other character, control characters included, goes raw.
_NEEDS_ESCAPE = re.compile(r'[\a\b\t\n\v\f\r"\\]')
_ESCAPES = {
    ord(char): "\\" + letter for char, letter in zip('\a\b\f\n\r\t\v\\"', 'abfnrtv\\"', strict=True)
}
# Format flags msgcat 0.21 knows, in the order it writes them; it drops any other flag.
_FORMAT_ORDER = (
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp librep ruby "
    "sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl perl perl-brace php "
    "gcc-internal gfc-internal ycp"
)
_FORMATS = tuple(_FORMAT_ORDER.split())
_DEFAULT_WIDTH = 79  # GNU's page width, still used for `#:` lines under --no-wrap
_MIN_WIDTH = 20  # msgcat raises any smaller -w to this


def format_catalog(po: polib.POFile, *, width: int = 79) -> str:
    """Return the text `msgcat --force-po -w <width>` writes for ``po`` (0: `--no-wrap`).

    --force-po only matters for a catalogue holding nothing but its header: plain msgcat would
    write an empty file, we write the header.
    """
    page = max(width, _MIN_WIDTH) if width > 0 else 0
    header = _header_entry(po)
    entries = ([header] if header is not None else []) + [e for e in po if not e.obsolete]
    # GNU writes obsolete entries last, and drops those whose (first) msgstr is empty.
    entries += [e for e in po if e.obsolete and _first_msgstr(e)]
    blocks = ["\n".join(_entry_lines(entry, page)) for entry in entries]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def write_catalog(path: Path, po: polib.POFile, *, width: int = 79) -> bool:
    """Write ``po`` to ``path`` as `format_catalog` lays it out; False if the file was unchanged."""
    return write_if_changed(path, format_catalog(po, width=width))


def _header_entry(po: polib.POFile) -> polib.POEntry | None:
    """The header entry: as read when the metadata is unchanged, else rebuilt in dict order."""
    source = po.source_header if isinstance(po, Catalogue) else None
    fuzzy = po.metadata_is_fuzzy
    flags = list(fuzzy) if isinstance(fuzzy, list) else (["fuzzy"] if fuzzy else [])
    if source is None and not (po.metadata or po.header or flags):
        return None
    entry = polib.POEntry(msgid="", flags=flags, tcomment=po.header)
    if source is not None:
        entry.tcomment = "\n".join(t for t in (po.header, source.tcomment) if t)
        entry.comment, entry.occurrences = source.comment, source.occurrences
        for blank in (BLANK_COMMENT, BLANK_EXTRACTED):
            setattr(entry, blank, getattr(source, blank, False))
        if isinstance(po, Catalogue) and po.metadata == po.source_metadata:
            entry.msgstr = source.msgstr
            return entry
    entry.msgstr = "".join(f"{key}: {value}\n" for key, value in po.metadata.items())
    return entry


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgstr_plural:
        return entry.msgstr_plural[min(entry.msgstr_plural)]
    return entry.msgstr


def _entry_lines(entry: polib.POEntry, page: int) -> list[str]:
    lines = _comment_lines("#", entry.tcomment, getattr(entry, BLANK_COMMENT, False))
    lines += _comment_lines("#.", entry.comment, getattr(entry, BLANK_EXTRACTED, False))
    lines += _reference_lines(entry.occurrences, page or _DEFAULT_WIDTH)
    flags, wrap = _flags(tuple(entry.flags), bool(_first_msgstr(entry)))
    lines += [flags] if flags else []
    width = page if wrap else 0
    keep = "#~ " if entry.obsolete else ""
    before = "#~| " if entry.obsolete else "#| "
    for name, value in (
        ("msgctxt", entry.previous_msgctxt),
        ("msgid", entry.previous_msgid),
        ("msgid_plural", entry.previous_msgid_plural),
    ):
        if value is not None:
            lines += _string_lines(before, name, value, width)
    fields: list[tuple[str, str | None]] = [("msgctxt", entry.msgctxt), ("msgid", entry.msgid)]
    if entry.msgid_plural:
        fields.append(("msgid_plural", entry.msgid_plural))
    plural = entry.msgstr_plural or ({0: entry.msgstr} if entry.msgid_plural else {})
    fields += [(f"msgstr[{i}]", plural[i]) for i in sorted(plural)] or [("msgstr", entry.msgstr)]
    for name, field in fields:
        if field is not None:
            lines += _string_lines(keep, name, field, width)
    return lines


def _comment_lines(mark: str, text: str, blank: object) -> list[str]:
    """Comment lines; ``blank`` (True) stands for one empty line where ``text`` is empty."""
    if not text:
        return [mark] if blank is True else []
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def _reference_lines(occurrences: Sequence[tuple[str, str]], page: int) -> list[str]:
    """`#:` lines: duplicates dropped, leading ./ removed, filled up to the page width in bytes."""
    seen: set[tuple[str, str]] = set()
    lines: list[str] = []
    column = 0
    for name, line in occurrences:
        number = str(int(line)) if str(line).isdigit() else str(line)
        if (name, number) in seen:
            continue
        seen.add((name, number))
        while name.startswith("./"):
            name = name[2:]
        text = f"{name}:{number}" if number else name
        size = len(text.encode()) + 1
        if not lines or column + size > page:
            lines.append("#:")
            column = 2
        lines[-1] += " " + text
        column += size
    return lines


@cache
def _flags(flags: tuple[str, ...], translated: bool) -> tuple[str | None, bool]:
    """The `#,` line as GNU normalises it, and whether the entry's strings may be wrapped."""
    fuzzy, wrap, span = False, True, ""
    formats: dict[str, str] = {}
    tokens = [token for token in re.split(r"[\s,]+", ",".join(flags)) if token]
    # Flags GNU does not know (Weblate's ignore-<check>, our suppressions) are dropped by
    # msgcat; we keep them after GNU's own, or a translator's suppression would vanish.
    extra: list[str] = []
    for index, token in enumerate(tokens):
        if token == "fuzzy":
            fuzzy = True
        elif token in ("wrap", "no-wrap"):
            wrap = token == "wrap"
        elif token == "range:" and index + 1 < len(tokens):
            low, _, high = tokens[index + 1].partition("..")
            if low.isdigit() and high.isdigit() and int(low) <= int(high):
                span = f"range: {int(low)}..{int(high)}"
        elif token.endswith("-format"):
            kind, language = _format_kind(token[: -len("-format")])
            if language in _FORMATS:
                formats[language] = kind
        elif token != "range:" and not (index and tokens[index - 1] == "range:"):
            extra.append(token)
    names = ["fuzzy"] if fuzzy and translated else []  # GNU drops fuzzy from untranslated entries
    for language in _FORMATS:
        given = formats.get(language)
        if given in ("", "possible-"):
            names.append(f"{language}-format")
        elif given == "no-":
            names.append(f"no-{language}-format")
    names += [span] if span else []
    names += [] if wrap else ["no-wrap"]
    names += [token for token in dict.fromkeys(extra) if token not in names]
    return ("#, " + ", ".join(names) if names else None), wrap


def _format_kind(word: str) -> tuple[str, str]:
    """Split `no-c` into ("no-", "c"); GNU's prefixes are no-, possible- and impossible-."""
    for kind in ("no-", "possible-", "impossible-"):
        if word.startswith(kind):
            return kind, word[len(kind) :]
    return "", word


def _string_lines(prefix: str, name: str, value: str, page: int) -> list[str]:
    """One keyword and its string, split after each newline and wrapped as GNU's wrap() does."""
    if "\n" in value:
        parts = value.split("\n")
        portions = [_Portion(part + "\n") for part in parts[:-1]]
        portions += [_Portion(parts[-1])] if parts[-1] else []
    else:
        portions = [_Portion(value)]
    avail = page - 2 - len(prefix)  # room for text between the quotes of a continuation line
    first = len(name) + 1
    if len(portions) == 1 and (not page or portions[0].fits(first, avail)):
        return [f'{prefix}{name} "{portions[0].text}"']
    lines = [f'{prefix}{name} ""']
    for portion in portions:
        text = portion.text
        cuts = [0, *(portion.cuts(0, avail) if page else ()), len(text)]
        lines += [f'{prefix}"{text[a:b]}"' for a, b in pairwise(cuts)]
    return lines


class _Portion:
    """A piece of a string up to a newline, escaped, with what breaking it needs (made once)."""

    __slots__ = ("_classes", "_widths", "text")

    def __init__(self, raw: str) -> None:
        self.text = raw.translate(_ESCAPES) if _NEEDS_ESCAPE.search(raw) else raw
        self._widths: Sequence[int] = ()
        self._classes = b""

    def fits(self, start: int, avail: int) -> bool:
        """Whether GNU keeps the text on its keyword's line: it fits, or cannot break at all."""
        if start > avail:
            return False
        if start + self._width() <= avail:
            return True
        classes = self._classes or self._classify()
        if not _RARE.search(classes):
            return _find_break(classes, _protected(self.text), 1, len(classes), 1) == len(classes)
        return not _exact_cuts(classes, self._widths, _protected(self.text), start, avail)

    def cuts(self, start: int, avail: int) -> list[int]:
        """Offsets where GNU breaks the text when it starts at column ``start`` of ``avail``."""
        if start + self._width() <= avail:
            return []
        classes, protected = self._classes or self._classify(), _protected(self.text)
        widths = self._widths
        if not _RARE.search(classes):
            return _greedy_cuts(classes, widths, protected, start, avail)
        return _exact_cuts(classes, widths, protected, start, avail)

    def _width(self) -> int:
        if not self._widths:
            text = self.text
            if text.isascii() and text.isprintable():
                self._widths = range(len(text) + 1)
            else:
                codes = text.translate(_CODES).translate(_WIDTH_OF_CODE).encode("ascii")
                self._widths = list(accumulate(codes, initial=0))
        return self._widths[-1]

    def _classify(self) -> bytes:
        text = self.text
        if text.isascii() and text.isprintable():
            self._classes = text.translate(_ascii_classes()).encode("ascii")
        else:
            self._classes = text.translate(_CODES).translate(_CLASS_OF_CODE).encode("ascii")
        return self._classes


def _protected(text: str) -> frozenset[int]:
    """Offsets GNU forbids a break before: the second character of each escape sequence, and
    the backslash of a final \\n (a string never wraps just before its closing newline)."""
    if "\\" not in text:
        return frozenset()
    inside = {match.start() + 1 for match in re.finditer(r"\\.", text)}
    if text.endswith("\\n") and len(text) - 1 in inside:
        inside.add(len(text) - 2)
    return frozenset(inside)


def _greedy_cuts(
    classes: bytes, widths: Sequence[int], protected: frozenset[int], start: int, avail: int
) -> list[int]:
    """Each line takes the last break opportunity that fits, else the first one after it."""
    size, line, column = len(classes), 0, start
    cuts: list[int] = []
    while column + widths[size] - widths[line] > avail:
        end = max(line, min(bisect_right(widths, widths[line] + avail - column) - 1, size - 1))
        cut = _find_break(classes, protected, end, line, -1)
        if cut == line:
            cut = _find_break(classes, protected, end + 1, size, 1)
            if cut == size:
                break
        cuts.append(cut)
        line, column = cut, 0
    return cuts


def _find_break(classes: bytes, protected: frozenset[int], k: int, stop: int, step: int) -> int:
    """First offset from k towards stop (excluded) that UAX #14 lets a line start at, or stop.

    Only for text without the _RARE classes, where a break depends on the last non-space
    character before it, and on whether spaces come between."""
    while k != stop:
        after = classes[k]
        if after != _SP and k not in protected:
            j = k - 1
            while j >= 0 and classes[j] == _SP:
                j -= 1
            if j >= 0 and _PAIRS[classes[j]][after] in ("D" if j == k - 1 else "DI"):
                return k
        k += step
    return stop


def _exact_cuts(
    classes: bytes, widths: Sequence[int], protected: frozenset[int], start: int, avail: int
) -> list[int]:
    """libunistring's u8_width_linebreaks, character by character."""
    marks = _opportunities(classes)
    last, column, piece = -1, start, 0
    cuts: list[int] = []
    for k, mark in enumerate(marks):
        mark = _PROHIBITED if k in protected else mark
        if mark != _PROHIBITED and last >= 0 and column + piece > avail:
            if not cuts or cuts[-1] != last:
                cuts.append(last)
            column = 0
        if mark == _MANDATORY:
            last, column, piece = -1, 0, 0
            continue
        if mark == _POSSIBLE:
            last, column, piece = k, column + piece, 0
        piece += widths[k + 1] - widths[k]
    if last >= 0 and column + piece > avail and (not cuts or cuts[-1] != last):
        cuts.append(last)
    return cuts


def _opportunities(classes: bytes) -> list[int]:
    """libunistring 1.0's u8_possible_linebreaks for UTF-8, one mark per character."""
    marks = [_PROHIBITED] * len(classes)
    prev = last = _BK
    spaced, run = False, 0  # run: regional indicators in a row just before
    for k, prop in enumerate(classes):
        if prop in (_BK, _LF, _CR):
            marks[k], prev, last, spaced = _MANDATORY, prop, _BK, False
        elif prop == _SP:
            spaced = True
        elif prop == _ZW:
            last, spaced = _ZW, False
        elif prop in (_CM, _ZWJ):
            if last in (_BK, _ZW) or spaced:
                marks[k] = _PROHIBITED if last == _BK else _POSSIBLE
                last, spaced = _AL, False
        else:
            marks[k] = _pair_mark(prev, last, prop, spaced, run)
            last, spaced = prop, False
        if prop not in (_BK, _LF, _CR):
            prev = -1 if prev == _HL and prop in (_HY, _BA) else prop  # -1: Hebrew + hyphen
        run = run + 1 if prop == _RI else 0
    return marks


def _pair_mark(prev: int, last: int, prop: int, spaced: bool, run: int) -> int:
    if last == _BK or prev == _ZWJ or prev == -1:
        return _PROHIBITED
    if last == _ZW:
        return _POSSIBLE
    if last == _RI and prop == _RI:
        return _POSSIBLE if spaced or run % 2 == 0 else _PROHIBITED
    rule = _PAIRS[last][prop]
    return _POSSIBLE if rule == "D" or (rule == "I" and spaced) else _PROHIBITED


# A character's code packs its line-break class and display width: chr(1 + 39 * width + class).
_WIDTH_OF_CODE = "".join(chr(max(0, (i - 1) // 39)) for i in range(128))
_CLASS_OF_CODE = "".join(chr((i - 1) % 39) for i in range(128))


class _CharCodes(dict[int, str]):
    """Code of each character seen so far (str.translate table), computed on first sight."""

    def __missing__(self, point: int) -> str:
        starts, classes = _class_runs()
        code = chr(1 + 39 * _width(point) + classes[bisect_right(starts, point) - 1])
        self[point] = code
        return code


_CODES = _CharCodes()


@cache
def _class_runs() -> tuple[list[int], bytes]:
    text = zlib.decompress(base64.b85decode("".join(_CLASS_RUNS))).decode("ascii")
    runs = re.findall(r"([A-Za-z])(\d+)", text)
    starts = list(accumulate((int(count) for _, count in runs), initial=0))
    return starts, bytes(_LETTERS.index(letter) for letter, _ in runs)


@cache
def _ascii_classes() -> str:
    starts, classes = _class_runs()
    return "".join(chr(classes[bisect_right(starts, c) - 1]) for c in range(128))


def _width(point: int) -> int:
    """Columns libunistring's uc_width gives in UTF-8 (East Asian ambiguous = 1, controls 0)."""
    char = chr(point)
    category = unicodedata.category(char)
    if category == "Cn":
        return 2 if 0x20000 <= point <= 0x3FFFD else 1
    if category == "Cc" or (category in ("Mn", "Me", "Cf") and point not in _SPACING_MARKS):
        return 0
    if 0x1160 <= point <= 0x11FF or 0xD7B0 <= point <= 0xD7FF:  # Hangul medial/final jamo
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


_SPACING_MARKS = frozenset({0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F})  # Mn, but uc_width 1
