"""The review page as one self-contained HTML file: Jinja2, autoescaped; CSS and script inline."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape

from toolkit.locales import bcp47
from toolkit.model import Category, Finding, Severity
from toolkit.review.model import Cell, Review, Span, Status
from toolkit.templating import environment

EDITORS = ("file", "vscode")

# What a cell says in place of a text it does not have.
_EMPTY = {
    Status.UNTRANSLATED: "untranslated",
    Status.MISSING: "not in the catalogue (run advocacy update)",
    Status.NO_CATALOGUE: "no catalogue",
}


@dataclass(frozen=True)
class Links:
    """``path:line`` links from the page: relative file links, or ``vscode://file/...``."""

    root: Path
    page: Path
    editor: str = "file"

    def href(self, path: str, line: int | None) -> str:
        target = Path(path) if Path(path).is_absolute() else self.root / path
        absolute = Path(os.path.abspath(target))
        if self.editor == "vscode":
            where = f":{line}" if line else ""
            return "vscode://file" + quote(absolute.as_posix(), safe="/:") + where
        folder = Path(os.path.abspath(self.page)).parent
        return quote(Path(os.path.relpath(absolute, folder)).as_posix(), safe="/")


def render_review(review: Review, page: Path, editor: str = "file") -> str:
    """The page for ``review``, to be written at ``page`` (file links are relative to it)."""
    if editor not in EDITORS:
        raise ValueError(f"editor must be one of {', '.join(EDITORS)}")
    links = Links(review.root, page, editor)
    findings = review.findings

    def marked(cell: Cell) -> Markup:
        return _marked(cell.text or "", cell.spans, findings)

    def where(path: str | None, line: int | None) -> dict[str, str] | None:
        if path is None:
            return None
        return {"text": f"{path}:{line}" if line else path, "href": links.href(path, line)}

    def finding(index: int) -> dict[str, object]:
        item = findings[index]
        return {
            "id": f"f{index}",
            "item": item,
            "locale": item.locale or "",
            "where": where(item.location.path, item.location.line),
        }

    categories = [c for c in Category if any(f.category is c for f in findings)]
    template = environment("toolkit.review").get_template("review.html.j2")
    return template.render(
        review=review,
        locales=[summary.locale for summary in review.summaries],
        categories=[(c.value, sum(f.category is c for f in findings)) for c in categories],
        severities=[(s.value, sum(f.severity is s for f in findings)) for s in reversed(Severity)],
        most=max(
            (n for summary in review.summaries for n in summary.by_category.values()), default=0
        ),
        lang=bcp47,
        marked=marked,
        where=where,
        finding=finding,
        empty=_EMPTY,
        css=_static("review.css"),
        script=_static("review.js"),
    )


def _static(name: str) -> Markup:
    """Our own stylesheet or script, inlined as it is: rendered through the autoescaping
    environment, its quotes would become entities that CSS and JavaScript do not read."""
    return Markup((files("toolkit.review") / "templates" / name).read_text(encoding="utf-8"))


def _marked(text: str, spans: Sequence[Span], findings: Sequence[Finding]) -> Markup:
    """``text`` escaped, each span a ``<mark>`` naming the findings it belongs to."""
    parts: list[str] = []
    position = 0
    for span in spans:
        if span.start < position or span.end > len(text):
            continue
        title = "; ".join(f"{findings[r].code} {findings[r].name}" for r in span.refs)
        refs = " ".join(f"f{r}" for r in span.refs)
        parts.append(str(escape(text[position : span.start])))
        parts.append(
            str(
                Markup('<mark class="hl hl-{}" data-refs="{}" title="{}">{}</mark>').format(
                    span.kind, refs, title, text[span.start : span.end]
                )
            )
        )
        position = span.end
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))
