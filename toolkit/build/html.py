"""HTML letters and documents: Markdown rendered with raw HTML off, in a Jinja2 template."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from babel.dates import format_date
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from toolkit.build.texts import CLOSE, OPEN, clean
from toolkit.locales import bcp47, canonical, script_of
from toolkit.templating import environment

# Raw HTML off: a translation's <script> is text. markdown-it's own link validation refuses
# javascript:, vbscript:, file: and non-image data: targets.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")

# The campaign's English is British: its sources write "9 September 2024", not CLDR's en
# (United States) "September 9, 2024".
_DATE_LOCALES = {"en": "en_GB"}


@dataclass(frozen=True)
class Page:
    """What the template needs for one page."""

    locale: str
    source_locale: str
    title: str
    body: str
    incomplete: tuple[str, ...] = ()
    letter: dict[str, Any] | None = None


def marked(text: str, source_locale: str) -> Markup:
    """``text`` escaped, with the build's markers turned into highlighted spans."""
    return Markup(_highlight(str(escape(text)), source_locale))


def render_markdown(body: str, source_locale: str) -> Markup:
    """A Markdown body as HTML (escaped by markdown-it, then markers highlighted)."""
    html = _MARKDOWN.render(body)
    return Markup(_highlight(html, source_locale))


def _highlight(html: str, source_locale: str) -> str:
    opening = (
        f'<mark class="untranslated" lang="{bcp47(source_locale)}"'
        ' title="not translated: shown in the source language">'
    )
    return html.replace(OPEN, opening).replace(CLOSE, "</mark>")


def long_date(value: datetime.date, locale: str) -> str:
    """A date as the letter's language writes it: 9 September 2024, 2024年9月9日."""
    name = canonical(locale)
    return format_date(value, format="long", locale=_DATE_LOCALES.get(name, name))


@functools.cache
def stylesheet() -> Markup:
    """The page's CSS, inlined as it is written (it is ours, not a catalogue's: no escaping)."""
    text = resources.files("toolkit.build").joinpath("templates", "style.css").read_text("utf-8")
    return Markup(text)


def render_page(page: Page) -> str:
    """The finished HTML page."""
    template = environment("toolkit.build").get_template("page.html.j2")
    script = script_of(page.locale) or ""
    return template.render(
        lang=bcp47(page.locale),
        script=script,
        title=clean(page.title),
        body=render_markdown(page.body, page.source_locale),
        incomplete=page.incomplete,
        letter=page.letter,
        marked=lambda text: marked(text, page.source_locale),
        css=stylesheet(),
    )
