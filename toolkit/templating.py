"""The Jinja2 environment of the toolkit's HTML templates (letters, build index, review page)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape


@cache
def environment(package: str) -> Environment:
    """The templates of ``package`` (its ``templates`` folder), one environment per package:
    everything autoescaped, strings included (a translation is text, never markup), and the
    templates' own line ends kept as written."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
