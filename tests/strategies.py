"""Hypothesis strategies for the inputs volunteers send: catalogues and Markdown sources.

Everything generated here is *valid* (a catalogue GNU reads, a document CommonMark and YAML
read), but awkward: CJK next to Latin, control characters, every escape, empty and long
strings, plural entries, obsolete entries, previous msgids, comments of every kind, front
matter with block scalars and recipients, nested lists and quotes, tables, code, links.
Properties over them live in tests/test_fuzz_properties.py; the atheris harnesses in
tests/fuzz/ feed the same code arbitrary bytes.
"""

from __future__ import annotations

import json
import string

import polib
from hypothesis import strategies as st

# --- text ---------------------------------------------------------------------------------

WORDS = (
    "release", "Huang", "Xueqin", "Wang", "Jianbing", "detained", "lawyer", "the", "of", "and",
    "trial", "court", "appeal", "September", "2021", "19", "five", "years", "%s", "%d",
    "{name}", "e-mail", "U.N.", "A&B", "<b>", "C:\\path", "naïve", "Ærø", "Straße", "İstanbul",
)  # fmt: skip
CJK_WORDS = (
    "黄雪琴", "王建兵", "广州", "被拘留", "律师", "释放", "年", "月", "日", "二〇二一", "三年六个月",
    "黃雪琴", "廣州", "釋放", "人権", "ひらがな", "한국어",
)  # fmt: skip
PUNCTUATION = tuple(",.;:!?()[]{}'\"-—…“”‘’，。；：！？（）《》「」、·～")
# What makes writers and readers trip: escapes, control characters, odd spaces, marks, RTL.
AWKWARD = (
    "\n", "\t", "\\", '"', "\a", "\b", "\f", "\v", "\r", "\x1b", "\x01", "\x1c", "\x7f", "\x85",
    "\u00a0", "\u2028", "\u3000", "\u200b", "\u200d", "\ufeff", "e\u0301", "\U0001f600",
    "\u05e9\u05dc\u05d5\u05dd", "\\n", "\\t", "%", "#", "#~", "msgid", '""', "  ",
)  # fmt: skip

# Any character a catalogue can hold: not NUL (GNU cuts a string there), not EOT (the context
# separator, refused by GNU), not a surrogate.
any_character = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x04")


def _joined(pieces: list[str]) -> str:
    return "".join(pieces)


piece = st.one_of(
    st.sampled_from(WORDS).map(lambda word: word + " "),
    st.sampled_from(CJK_WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(AWKWARD),
    st.text(any_character, max_size=3),
)
# A message text: anything, often empty or long.
message_text = st.lists(piece, max_size=25).map(_joined)
nonempty_text = message_text.filter(bool)
# A comment's one line: anything but line ends (a comment cannot hold one), and not ending in a
# backslash (GNU reads backslash + line end as nothing: the next line would join the comment).
comment_line = st.text(
    st.characters(blacklist_categories=("Cs", "Zl", "Zp"), blacklist_characters="\x00\x04\n\r"),
    max_size=40,
).map(lambda line: line + "." if line.endswith("\\") else line)
stripped_line = comment_line.map(str.strip).map(lambda line: line + "." if line[-1:] == "\\" else line)
# Plain words for places where a reader wants a name: file names, ids, header values.
name_text = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=12)

# --- catalogues ---------------------------------------------------------------------------

# Flags GNU keeps: fuzzy, no-wrap, and for each language at most one of its format flag and
# its negation (GNU keeps one of two contradicting flags).
FLAGS = ("fuzzy", "no-wrap", "c-format", "python-format", "python-brace-format")
PLURALS = {
    "zh_Hans": (1, "nplurals=1; plural=0;"),
    "en": (2, "nplurals=2; plural=(n != 1);"),
    "ru": (3, "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);"),
}  # fmt: skip


@st.composite
def entries(draw: st.DrawFn, nplurals: int, *, obsolete: bool = False) -> polib.POEntry:
    """One entry: context, plural forms, flags, every kind of comment, previous msgid."""
    entry = polib.POEntry(
        msgctxt=draw(st.none() | message_text),
        msgid=draw(nonempty_text),
        obsolete=obsolete,
    )
    if draw(st.booleans()):
        entry.msgid_plural = draw(nonempty_text)
        forms = draw(st.lists(message_text, min_size=nplurals, max_size=nplurals))
        if obsolete and not forms[0]:
            forms[0] = "译"  # GNU drops an obsolete entry with no translation
        entry.msgstr_plural = dict(enumerate(forms))
    else:
        entry.msgstr = draw(nonempty_text if obsolete else message_text)
    entry.flags = [
        flag if flag in FLAGS[:2] or draw(st.booleans()) else "no-" + flag
        for flag in draw(st.lists(st.sampled_from(FLAGS), unique=True, max_size=3))
    ]
    entry.tcomment = "\n".join(draw(st.lists(comment_line, max_size=3)))
    if not obsolete:
        entry.comment = "\n".join(draw(st.lists(stripped_line, max_size=3)))
        entry.occurrences = draw(
            st.lists(
                st.tuples(name_text.map(lambda name: f"source_texts/{name}.md"),
                          st.integers(1, 99999).map(str)),
                max_size=3,
                unique=True,  # GNU writes a reference once
            )
        )  # fmt: skip
    if draw(st.booleans()):
        entry.previous_msgctxt = draw(st.none() | nonempty_text)
        entry.previous_msgid = draw(nonempty_text)
        if entry.msgid_plural and draw(st.booleans()):
            entry.previous_msgid_plural = draw(nonempty_text)
    return entry


@st.composite
def catalogues(draw: st.DrawFn) -> polib.POFile:
    """A whole catalogue: a header with comments and metadata, active and obsolete entries with
    unique keys, in any language with its plural forms."""
    language = draw(st.sampled_from(sorted(PLURALS)))
    nplurals, rule = PLURALS[language]
    catalogue = polib.POFile(wrapwidth=79)
    catalogue.header = "\n".join(draw(st.lists(comment_line, max_size=4)))
    catalogue.metadata = {
        "Project-Id-Version": draw(name_text),
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": rule,
    }
    for key in draw(st.lists(name_text.map(lambda name: "X-" + name), unique=True, max_size=2)):
        catalogue.metadata[key] = draw(stripped_line)
    catalogue.metadata_is_fuzzy = draw(st.booleans())
    active = draw(st.lists(entries(nplurals), max_size=8))
    gone = draw(st.lists(entries(nplurals, obsolete=True), max_size=3))
    seen: set[tuple[str | None, str]] = set()
    for entry in [*active, *gone]:
        if (entry.msgctxt, entry.msgid) not in seen:
            seen.add((entry.msgctxt, entry.msgid))
            catalogue.append(entry)
    return catalogue


def _flags(entry: polib.POEntry) -> list[str]:
    # GNU writes `fuzzy` only on a translated entry: on an empty one it means nothing.
    translated = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
    return sorted(flag for flag in entry.flags if flag != "fuzzy" or translated)


def catalogue_facts(catalogue: polib.POFile) -> tuple[object, ...]:
    """What a catalogue says, in a form two catalogues can be compared by."""
    return (
        catalogue.header,
        sorted(catalogue.metadata.items()),
        bool(catalogue.metadata_is_fuzzy),
        [
            (
                entry.msgctxt, entry.msgid, entry.msgid_plural or None, entry.msgstr,
                sorted(entry.msgstr_plural.items()), _flags(entry), entry.tcomment,
                entry.comment, list(entry.occurrences), bool(entry.obsolete),
                entry.previous_msgctxt or None, entry.previous_msgid or None,
                entry.previous_msgid_plural or None,
            )
            for entry in catalogue
        ],
    )


# --- Markdown documents -------------------------------------------------------------------

word = st.one_of(st.sampled_from(WORDS[:20]), st.sampled_from(CJK_WORDS))
inline_piece = st.one_of(
    word,
    word,
    word.map(lambda text: f"*{text}*"),
    word.map(lambda text: f"**{text}**"),
    word.map(lambda text: f"`{text}`"),
    word.map(lambda text: f"[{text}](https://example.org/{len(text)})"),
    st.just("<https://amnesty.org>"),
    st.just("name@example.org"),
    st.sampled_from(("，", "。", "、", "!", "?", ",", ";", ":", "\\*", "&amp;", "(RSDL)")),
)
# One line of running text: never empty, never starting with a block marker or spaces.
inline_line = st.lists(inline_piece, min_size=1, max_size=10).map(" ".join).map(
    lambda text: "Text " + text if text[:1] in "#>-+*=_|`~<0123456789[!" else text
)


@st.composite
def paragraphs(draw: st.DrawFn, prefix: str = "") -> str:
    lines = draw(st.lists(inline_line, min_size=1, max_size=3))
    breaks = [draw(st.sampled_from(("", "", "  ", "\\"))) for _ in lines[:-1]] + [""]
    return "\n".join(prefix + line + tail for line, tail in zip(lines, breaks, strict=True))


@st.composite
def lists(draw: st.DrawFn, depth: int = 0) -> str:
    ordered = draw(st.booleans())
    items = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        marker = f"{number}." if ordered else draw(st.sampled_from("-*+"))
        indent = " " * (len(marker) + 1)
        item = f"{marker} {draw(inline_line)}"
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            nested = draw(lists(depth + 1))
            item += "\n" + "\n".join(indent + line if line else "" for line in nested.split("\n"))
        items.append(item)
    return "\n".join(items)


@st.composite
def tables(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 3))
    rows = draw(st.lists(st.lists(word, min_size=columns, max_size=columns), min_size=2,
                         max_size=4))  # fmt: skip
    lines = ["| " + " | ".join(cells) + " |" for cells in rows]
    lines.insert(1, "|" + "---|" * columns)
    return "\n".join(lines)


block = st.one_of(
    paragraphs(),
    paragraphs(),
    st.tuples(st.integers(1, 6), inline_line).map(lambda pair: "#" * pair[0] + " " + pair[1]),
    inline_line.map(lambda text: text + "\n" + "=" * 3),
    lists(),
    paragraphs(prefix="> "),
    paragraphs(prefix="> > "),
    tables(),
    st.lists(inline_line, max_size=3).map(lambda lines: "```\n" + "\n".join(lines) + "\n```"),
    st.just("<!-- a comment, not a message -->"),
    lists().map(lambda items: "<!-- advocacy: demands release, stop-harassment -->\n" + items),
    st.just("* * *"),  # a rule (`---` first in a file would open front matter)
    st.just("![](image.png)"),
)


def _plain_ok(text: str) -> bool:
    """Whether ``text`` can be a plain YAML scalar as it is (no indicator, no comment)."""
    return text[:1].isalnum() and ": " not in text and " #" not in text and text[-1:] != ":"


def _yaml_value(text: str, style: str, indent: str) -> str:
    if style == "literal":
        return "|\n" + "\n".join(indent + "  " + line for line in text.split("\n"))
    return json.dumps(text, ensure_ascii=False)  # a double-quoted YAML scalar


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """``---`` ... ``---`` with id, title, lang, date, summary and recipients (or nothing)."""
    if not draw(st.booleans()):
        return ""
    lines = [f"id: doc-{draw(st.integers(0, 999))}"]
    lines.append(f"lang: {draw(st.sampled_from(('en', 'zh_Hans', 'zh_Hant')))}")
    year, month, day = draw(st.integers(2010, 2030)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    lines.append(f"date: {year}-{month:02}-{day:02}")
    for key in draw(st.lists(st.sampled_from(("title", "summary", "closing")), unique=True)):
        style = draw(st.sampled_from(("quoted", "literal", "plain")))
        text = draw(paragraphs() if style == "literal" else inline_line)
        if style == "plain" and not _plain_ok(text):
            style = "quoted"
        lines.append(f"{key}: {text if style == 'plain' else _yaml_value(text, style, '')}")
    if draw(st.booleans()):
        lines.append("recipients:")
        for number in range(draw(st.integers(1, 2))):
            lines.append(f"  - id: recipient-{number}")
            lines.append(f"    name: {_yaml_value(draw(inline_line), 'quoted', '')}")
            lines.append(f"    address: {_yaml_value(draw(paragraphs()), 'literal', '    ')}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A Markdown source text: optional front matter, then any blocks, LF or CRLF line ends."""
    text = draw(front_matter()) + "\n\n".join(draw(st.lists(block, max_size=8))) + "\n"
    return text.replace("\n", "\r\n") if draw(st.integers(0, 5)) == 0 else text
