"""``build/index.html``: the run's documents by locale, with completeness and links."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.build.html import stylesheet
from toolkit.locales import bcp47
from toolkit.templating import environment

if TYPE_CHECKING:
    from toolkit.build.run import Built


def render_index(folder: Path, results: Sequence[Built]) -> str:
    """The index page: one row per document, one column per locale."""
    locales = sorted({built.job.locale for built in results})
    rows: dict[str, dict[str, Any]] = {}
    for built in results:
        job = built.job
        row = rows.setdefault(job.document.id, {"title": job.document.title, "cells": {}})
        row["cells"][job.locale] = {
            "status": "refused" if built.refused else "incomplete" if built.incomplete else "built",
            "translated": job.translated,
            "total": job.total,
            "percent": round(100 * job.translated / job.total) if job.total else 100,
            "source": job.is_source,
            "links": [
                {
                    "href": path.relative_to(folder).as_posix(),
                    "label": _label(path, job.document.id),
                }
                for path in built.files
            ],
            "reasons": job.reasons,
        }
    template = environment("toolkit.build").get_template("index.html.j2")
    return template.render(
        locales=[{"name": name, "lang": bcp47(name)} for name in locales],
        rows=[rows[name] | {"id": name} for name in sorted(rows)],
        css=stylesheet(),
    )


def _label(path: Path, document: str) -> str:
    """``html``, or ``zhang-rui.pdf`` for a recipient's letter."""
    return path.name[len(document) + 1 :]
