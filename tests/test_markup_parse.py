"""The markup checks' fast parse of code-span texts gives what the token path gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.checks import markup_fast, markup_inline, markup_parse
from toolkit.checks.delimiters import flanking_chars

# Texts the fast parse reads (or must step aside from): each must parse as the token path does.
TEXTS = [
    "<b title='`x`'> `y`",  # a tag that runs into a code span: markdown-it reads the tag
    "<https://a.org/`x`> and `y`",
    "*a* _b_ and `c`",  # both markers
    "`x`_ and _y_",
    "Use :func:`len` and ``None``.",
    "See :ref:`the tutorial <tut-intro>` and `docs <https://a.org>`_ and `name`__.",
    "snake_case and `x`_ and nginx_ and 桥牌_.",
    "`x`_y and `y`___ and `_` and ``__init__``",
    "(:func:`f`) and :abbr:`LIFO (last-in, first-out)` and :dfn:`term`",
    "a `b` c\nd `e`",
    "_open_ `x`",
    "*em* `x` and `y`",
    "a < b `c`",
    "&amp; `x`",
    "\\_ `x`",
    "`unclosed and ``double` and ```",
]


# Texts of code spans, line breaks and "*" pairs one after another, or escapes: the fast
# parse reads them (``emphatic``, ``simple``).
EMPHATIC = [
    "\\- so that `x` in C:\\\\Users \\q and \\::func:`f` \\[a]",
    "line one  \n\t`code` and :func:`f`\n*em*\n",
    "**x**\nfoo `y`:\n`z` and `a <b>`_ \n \n c",
    "*em* `x` and **strong** ``y``",
    "**`x`** and *a `` b `` c* and :func:`f`",
    "**x**`y` and `z`**w**",
    "a * b and *a* then *b*",
    "snake_case *x* and `name`_ and nginx_",
    "*a ` b\nc ` d* and :ref:`t <target>`",
    "**黄雪琴**和 *https://a.org* a@b.cd",
    "**",
    # "_" runs that may open, and no "*": they pair as "*" runs do.
    "module __all__ attribute and ``x``",
    "__init__ and __matmul__ `y`",
    "_a_ `x` and _b `c` d_ and :func:`f`",
    "_x_\n`y`:\n`z` and a_b",
    ":x:_y_:func:`c` and _a_",  # the role word ends after the closing "_": ":func:"
    "[#]_ and `x` and [1]_",  # before a space "_" does not open: no pair needed
    # A closer before any opener, an opener that nothing closes: text.
    "'%.*s' and `x`",
    "a* b *c* and `d` then *e",
    "a_ b _c_ `x` and _d",
]

# Texts with "<" outside code and no other construct: autolinks, tags or the character itself
# (``_angled``), each read on the whole text as markdown-it reads it.
ANGLED = [
    "git add [<options>] [--] <pathspec>... and `x`",
    "a < b and <路径> and `c` > d",
    "see <https://a.org> and <a@b.cd> then :func:`f` <b>bold</b>",
    "`x`<br/>`y` and <!-- note --> `z`_ and nginx_ <i>",
    '`x` <a href="u_v">`y`</a>',
    "<b",
]


_Seen = tuple[tuple[tuple[str, ...], ...], str]  # what the checks read of a parse


def _seen(inline: markup_parse.Inline) -> _Seen:
    """The fields the checks compare, and the prose they search (its pieces may differ: the
    token path has a piece for each text token, the fast parse one for each cut)."""
    return inline[:5], inline.prose


def _fast(text: str) -> _Seen | None:
    """The fast parse of ``text``, if ``parse`` would ask for it (a text without markup
    characters is its own prose: lines and all)."""
    fast = markup_parse.simple(text) if markup_parse._MARKUP_START.search(text) else None
    return _seen(fast) if fast is not None else None


def _token_path(text: str) -> _Seen:
    return _seen(markup_parse.token_parse(text))


@pytest.mark.parametrize("text", TEXTS)
def test_fast_parse_agrees_with_the_tokens(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _token_path(text)


# Pieces of any text: characters, code, roles, tags, autolinks, underscore pairs.
_ANY = [*"`_*:ab <>&\\\n", "``", "__", ":func:", " <t>", "](", "中", "（", "<b>", "</b>"]
_ANY += ["<https://a.b/>", "<a@b.cd>", "<!-- c -->", "[#]_", "_x_", "__y__", '="`']


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(_ANY),
        max_size=25,
    ).map("".join)
)
def test_fast_parse_agrees_on_any_text(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _token_path(text)


@pytest.mark.parametrize("text", EMPHATIC + ANGLED)
def test_fast_parse_reads_emphasis_pairs_and_tags(text: str) -> None:
    fast = _fast(text)
    assert fast is not None
    assert fast == _token_path(text)


_PLAIN = st.sampled_from(
    [
        *(
            " ",
            "  ",
            "word",
            "中文",
            "，",
            "（",
            "）",
            "_",
            "`x`",
            "`` y ``",
            "` z\n`",
            ":func:`f`",
        ),
        *(
            "`x`_",
            "`a <b>`_",
            "https://a.org/",
            "nginx_",
            ":",
            "!",
            "*",
            "__",
            "`",
            ":abbr:`A (b)`",
        ),
    ]
)
_PAIR = st.tuples(st.sampled_from(["*", "**"]), st.lists(_PLAIN, max_size=4).map("".join))


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.one_of(_PLAIN, _PAIR.map(lambda p: p[0] + p[1] + p[0])), max_size=12).map("".join)
)
def test_fast_parse_agrees_on_emphasis(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _token_path(text)


# Prose without "*", in which "_" runs pair: the role word next to a marker, "__name__".
_UNDERSCORED = st.sampled_from(
    [" ", "word", "中文", "，", "（", "`x`", "` z\n`", ":func:`f`", ":", "a:", "\n", "__", "_"]
)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.one_of(
            _UNDERSCORED,
            st.tuples(st.sampled_from(["_", "__"]), st.lists(_UNDERSCORED, max_size=4)).map(
                lambda p: p[0] + "".join(p[1]) + p[0]
            ),
        ),
        max_size=12,
    ).map("".join)
)
def test_fast_parse_agrees_on_underscores(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _token_path(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="*_[]<>!&\\ab中 ", max_size=8))
def test_markup_start_is_the_expression(text: str) -> None:
    """``parse`` asks the character tests of a text without a backtick."""
    assert markup_parse._markup_start(text) == bool(markup_parse._MARKUP_START.search(text))


def _runs_reference_end(text: str) -> bool:
    """``_reference_end`` run by run, without its look at the words around the runs."""
    for start, after in markup_inline.underscore_runs(text):
        follower = text[after] if after < len(text) else " "
        if after - start <= 2 and not (follower.isalnum() or follower == "`"):
            return True
    return False


def _runs_may_open(outside: str) -> bool:
    """``_may_open`` run by run, without its look at the words around the runs."""
    end = len(outside)
    for start, after in markup_inline.underscore_runs(outside):
        before = outside[start - 1] if start else " "
        next_char = outside[after] if after < end else " "
        if (
            not before.isalnum()
            and (before != "`" or after - start > 2 or next_char.isalnum())
            and flanking_chars(before, "_", next_char)[0]
        ):
            return True
    return False


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["_", "__", "___", "a", "中", " ", "`", "(", "1", "-"]),
        min_size=1,
        max_size=12,
    ).map("".join)
)
def test_underscore_word_tests_skip_only_what_runs_skip(text: str) -> None:
    """The look at the words around "_" answers as the runs one by one would (snake_case)."""
    if "_" in text:
        assert markup_inline._reference_end(text) == _runs_reference_end(text)
        assert markup_fast._may_open(text) == _runs_may_open(text)


# Pairs of texts of code spans, roles and words: the pair test must never call two parses
# that differ the same.
_SPANNED = st.lists(
    st.sampled_from(
        [
            "`x`",
            "``y``",
            "`a b`",
            ":func:`f`",
            ":dfn:`t`",
            ":py:func:`g`",
            "中:",
            " ",
            "a",
            "`",
            "x:",
        ]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_SPANNED, _SPANNED)
def test_same_plain_code_only_for_the_same_parse(source: str, translation: str) -> None:
    if markup_fast.same_plain_code(source, translation):
        left, right = markup_parse.token_parse(source), markup_parse.token_parse(translation)
        assert left[:5] == right[:5]
        assert left[:1] + left[2:5] == ((), (), (), ())


def test_same_plain_code_reads_roles_and_steps_aside() -> None:
    same = markup_fast.same_plain_code
    assert same("Use :func:`len` and ``None``.", "使用 :func:`len` 和 ``None``。")
    assert not same("Use :func:`len`.", "使用 :meth:`len`。")  # another role: the parses decide
    assert not same("Use `len`_ here.", "使用 `len`_。")  # a reference mark: not plain code
    assert not same("`a` and `b`", "`b` and `a`")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_ANY), max_size=20).map("".join))
def test_links_need_their_characters(text: str) -> None:
    """``link_target`` parses no text without "_", "<", "&" or "](": it has no link."""
    if not ("_" in text or "<" in text or "&" in text or "](" in text):
        assert markup_parse.token_parse(text).links == ()
