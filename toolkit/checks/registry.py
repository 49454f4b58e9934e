"""The check registry: each check is one decorated function that declares its metadata."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from toolkit.model import Category, Severity

CODE = re.compile(r"[A-Z][0-9]{3}")
NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class Scope(StrEnum):
    """What a check looks at, and so what its function receives.

    - ``text``: one text in one language, ``(text: str, locale: str)``; run on every reviewed
      translation (in its catalogue's locale) and on every source segment (in its language).
    - ``pair``: a reviewed translation with its source, ``(pair: Pair)``.
    - ``entry``: any active entry, translated or not, ``(pair: Pair)``.
    - ``catalogue``: a whole catalogue, ``(catalogue: CatalogueView)``, yielding ``Hit``.
    - ``workspace``: every document and catalogue, ``(view: WorkspaceView)``, yielding ``Hit``.
    - ``document``: one document across its locales, ``(document: str, catalogues: dict[locale,
      CatalogueView])``, yielding ``Hit`` (with ``path``); workspace runs only.
    - ``locale``: all documents of one locale, ``(locale: str, catalogues: dict[document,
      CatalogueView])``, yielding ``Hit`` (with ``path``); workspace runs only.
    - ``engine``: reported by the engine itself (a file it cannot read, suppressions that
      suppress nothing); the function is never called and documents the rule.
    """

    ENGINE = "engine"

    TEXT = "text"
    PAIR = "pair"
    ENTRY = "entry"
    CATALOGUE = "catalogue"
    WORKSPACE = "workspace"
    DOCUMENT = "document"
    LOCALE = "locale"


@dataclass(frozen=True)
class Rule:
    """A check's metadata and its function; ``summary`` is the docstring's first line."""

    code: str
    name: str
    category: Category
    severity: Severity
    scope: Scope
    summary: str
    function: Callable[..., Iterable[Any]]
    needs: frozenset[str] = frozenset()  # workspace resources: "glossary", "campaign"
    # Whether the check can find anything in a text of a locale at all; None: in any locale.
    applies: Callable[[str], bool] | None = None

    def applies_to(self, locale: str) -> bool:
        """Whether the check can find anything in a text in ``locale``: else it is not run."""
        return self.applies is None or self.applies(locale)


RULES: dict[str, Rule] = {}


def check(
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    scope: Scope,
    *,
    needs_glossary: bool = False,
    needs_campaign: bool = False,
    applies: Callable[[str], bool] | None = None,
) -> Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]:
    """Register the decorated function as the check ``code``/``name``.

    A check that ``needs_glossary`` is called with the workspace's glossary as a keyword
    argument ``glossary`` (a ``toolkit.glossary.Glossary``), one that ``needs_campaign`` with
    ``campaign`` (a ``toolkit.campaign.Campaign``); each is skipped where its file is missing.
    A text, pair or entry check that can only find something in some locales (full-width
    punctuation in Chinese) says so with ``applies``, a predicate on the locale of the texts
    (a catalogue's or a document's): elsewhere it is not called at all, which saves a call per
    entry. The check must still return nothing when called on such a locale.
    """
    needs = frozenset(
        name
        for name, wanted in (("glossary", needs_glossary), ("campaign", needs_campaign))
        if wanted
    )
    if not CODE.fullmatch(code):
        raise ValueError(f"check code {code!r} must be a letter and three digits")
    if not NAME.fullmatch(name):
        raise ValueError(f"check name {name!r} must be kebab-case")

    def register(function: Callable[..., Iterable[Any]]) -> Callable[..., Iterable[Any]]:
        doc = (function.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"check {code} needs a docstring: its first line is the summary")
        if code in RULES or any(rule.name == name for rule in RULES.values()):
            raise ValueError(f"check {code} {name} is registered twice")
        summary = doc.splitlines()[0].strip()
        RULES[code] = Rule(
            code, name, category, severity, scope, summary, function, needs, applies
        )
        return function

    return register


def rules_matching(selector: str) -> list[Rule]:
    """Rules chosen by a selector: a code prefix (``M``, ``M1``, ``M101``), a name or ``ALL``."""
    if selector == "ALL":
        return list(RULES.values())
    if re.fullmatch(r"[A-Z][0-9]{0,3}", selector):
        return [rule for rule in RULES.values() if rule.code.startswith(selector)]
    return [rule for rule in RULES.values() if rule.name == selector]


def by_name_or_code(token: str) -> Rule | None:
    """The rule a suppression names (a full code or a name), or None."""
    if token in RULES:
        return RULES[token]
    return next((rule for rule in RULES.values() if rule.name == token), None)
