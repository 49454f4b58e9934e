"""Running the per-file checks on one catalogue or one source text."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import chain
from pathlib import Path
from typing import Any

import polib

from toolkit.catalog.reader import read_catalog
from toolkit.checks.registry import RULES, Rule, Scope
from toolkit.checks.suppress import Suppression, suppressions
from toolkit.errors import InputError
from toolkit.extract import DOCUMENT_DATE_HEADER, SOURCE_LANGUAGE_HEADER
from toolkit.locales import parse_locale
from toolkit.model import CatalogueView, Finding, Hit, Location, Pair
from toolkit.source import load_document

UNREADABLE = "F101"


@dataclass(frozen=True)
class Target:
    """A file to check, with what the workspace knows of it."""

    path: Path
    shown: str  # the path as reports write it
    locale: str | None = None  # the catalogue's locale from its place in the workspace
    document: str | None = None
    strict: bool = True  # a workspace's source: its id must be valid
    glossary: Path | None = None  # the workspace's glossary, for the checks that need one
    campaign: Path | None = None  # the workspace's campaign record (demands, facts)


@dataclass
class FileResult:
    """Findings of one file before selection and suppression, with its suppressions."""

    shown: str
    entries: int = 0
    findings: list[Finding] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    unreadable: bool = False
    keys: str | None = None  # digest of the (msgctxt, msgid) keys, for staleness checks


def analyse(target: Target, codes: frozenset[str]) -> FileResult:
    """Run the per-file rules among ``codes`` on one file; bad input becomes a finding."""
    result = FileResult(target.shown)
    try:
        rules, extra = _with_resources(_rules(codes), target)
        if target.path.suffix in (".po", ".pot"):
            _analyse_catalogue(target, rules, result, extra)
        else:
            _analyse_source(target, rules, result, extra)
    except InputError as error:
        result.unreadable = True
        result.findings.append(unreadable(error.message, target.shown, error.line))
    return result


def keys_digest(keys: Iterable[tuple[str | None, str]]) -> str:
    """One short digest of a set of message keys: equal digests, same messages."""
    ordered = sorted((context or "", msgid) for context, msgid in set(keys))
    # One update with the whole text: the digest of its parts fed one by one, in a tenth of
    # the calls.
    text = "".join(f"{context}\x04{msgid}\x00" for context, msgid in ordered)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def runs_on(rule: Rule, target: Target) -> bool:
    """Whether ``target`` has the workspace resources ``rule`` needs (a glossary, a campaign
    record): a rule needing one the workspace lacks, or that could not be read, is skipped."""
    return all(_resource_path(target, name) is not None for name in rule.needs)


def _resource_path(target: Target, name: str) -> Path | None:
    return target.glossary if name == "glossary" else target.campaign


def _with_resources(rules: list[Rule], target: Target) -> tuple[list[Rule], dict[str, Any]]:
    """The rules that can run on ``target`` and the workspace resources they need, loaded."""
    loaded: dict[str, Any] = {}
    kept: list[Rule] = []
    for rule in rules:
        if not runs_on(rule, target):
            continue  # no such file in this workspace (or no workspace): skipped
        for name in rule.needs:
            path = _resource_path(target, name)  # not None: the rule runs on the target
            if name not in loaded and path is not None:
                loaded[name] = load_resource(name, path)
        kept.append(rule)
    return kept, loaded


def load_resource(name: str, path: Path) -> Any:
    """A glossary (``name`` "glossary") or campaign record ("campaign"), read once per process
    and file version; an ``InputError`` when it cannot be read."""
    stat = path.stat()
    return _cached_resource(name, path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _cached_resource(name: str, path: Path, mtime: int, size: int) -> Any:
    # Imported here: both modules build on the check registry that imports this one.
    if name == "glossary":
        from toolkit.glossary import load_glossary

        return load_glossary(path)
    from toolkit.campaign import load_campaign

    return load_campaign(path)


def _given(rule: Rule, extra: dict[str, Any]) -> dict[str, Any]:
    return {name: extra[name] for name in rule.needs}


def _rules(codes: frozenset[str]) -> list[Rule]:
    return [rule for code, rule in RULES.items() if code in codes]


def catalogue_view(target: Target, catalogue: polib.POFile) -> CatalogueView:
    """A parsed catalogue as checks see it."""
    metadata = dict(catalogue.metadata)
    path_locale = target.locale or locale_from_path(target.path)
    locale = path_locale or metadata.get("Language", "").strip()
    source_locale = metadata.get(SOURCE_LANGUAGE_HEADER) or "en"
    date = metadata.get(DOCUMENT_DATE_HEADER) or None
    pairs = tuple(
        _pair(entry, locale, source_locale, date) for entry in catalogue if not entry.obsolete
    )
    header = getattr(catalogue, "source_header", None)  # the reader keeps the header entry
    header_line = header.linenum if header is not None and header.linenum else 1
    return CatalogueView(
        path=target.shown,
        locale=locale,
        source_locale=source_locale,
        document=target.document or target.path.stem,
        metadata=metadata,
        header_line=header_line,
        pairs=pairs,
        obsolete=sum(1 for entry in catalogue if entry.obsolete),
        path_locale=path_locale,
    )


def locale_from_path(path: Path) -> str | None:
    """The locale a catalogue's path names: ``zh_TW/LC_MESSAGES/x.po``, ``zh_CN.po``, or None."""
    folders = [part for part in reversed(path.parent.parts[-3:]) if part != "LC_MESSAGES"]
    # A file stem names a locale in gettext's po/ folders (po/zh_CN.po); elsewhere a stem like
    # "os" or "tk" is a document's name, not Ossetic or Turkmen.
    named = path.parent.name == "po" or "_" in path.stem
    for candidate in [path.stem, *folders] if named else folders:
        if _is_locale(candidate):
            return candidate
    return None


@lru_cache(maxsize=1024)
def _is_locale(name: str) -> bool:
    try:
        parse_locale(name)
    except ValueError:
        return False
    return True


def _pair(entry: polib.POEntry, locale: str, source_locale: str, date: str | None) -> Pair:
    """The entry as a ``Pair``, made the quick way: a frozen dataclass's ``__init__`` sets each
    of its 14 fields through ``object.__setattr__``, four times the cost of filling its
    ``__dict__`` at once (the object is the same: tests/test_engine_scopes.py compares them)."""
    forms = entry.msgstr_plural
    plural = tuple(forms[index] for index in sorted(forms)) if forms else ()
    pair = _new(Pair)
    pair.__dict__.update(
        msgid=entry.msgid,
        msgstr=plural[0] if plural else entry.msgstr,
        locale=locale,
        source_locale=source_locale,
        line=entry.linenum or 0,
        msgctxt=entry.msgctxt,
        msgid_plural=entry.msgid_plural or None,
        msgstr_plural=plural,
        flags=frozenset(entry.flags),
        fuzzy=entry.fuzzy,
        comment=entry.comment or "",
        tcomment=entry.tcomment or "",
        occurrences=tuple(entry.occurrences),
        document_date=date,
    )
    return pair


_new = object.__new__


def _analyse_catalogue(
    target: Target, rules: list[Rule], result: FileResult, extra: dict[str, Any]
) -> None:
    catalogue = read_catalog(target.path)
    view = catalogue_view(target, catalogue)
    result.entries = len(view.pairs)
    result.keys = keys_digest((pair.msgctxt, pair.msgid) for pair in view.pairs)
    is_template = target.path.suffix == ".pot"
    # The checks each entry gets, in registry order: every entry its entry checks, a reviewed
    # translation (not empty, not fuzzy) also its pair and text checks; a template none.
    any_entry: list[tuple[Rule, _PairCheck]] = []
    reviewed: list[tuple[Rule, _PairCheck]] = []
    # The same for a translation of one form (most), pair checks then text checks (called with
    # the text directly): two plain loops, no test of each check's kind at each entry.
    pair_checks: list[tuple[Rule, _PairCheck]] = []
    text_checks: list[tuple[Rule, Callable[[str, str], Iterable[str]]]] = []
    if not is_template:
        for rule in rules:
            if not rule.applies_to(view.locale):
                continue  # it can find nothing in this catalogue's locale
            if rule.scope is Scope.ENTRY:
                any_entry.append((rule, _pair_check(rule, extra)))
            if rule.scope in (Scope.ENTRY, Scope.PAIR, Scope.TEXT):
                reviewed.append((rule, _pair_check(rule, extra)))
                if rule.scope is Scope.TEXT:
                    text_checks.append((rule, _bound(rule, extra)))
                else:
                    pair_checks.append((rule, _bound(rule, extra)))
    findings = result.findings
    for pair in view.pairs:
        if "ignore" in pair.tcomment or pair.flags:  # else it can suppress nothing
            result.suppressions.extend(suppressions(pair))
        if not pair.msgstr or pair.fuzzy or pair.msgstr_plural:
            for rule, function in reviewed if pair.msgstr and not pair.fuzzy else any_entry:
                for message in function(pair):
                    findings.append(_pair_finding(rule, message, view, pair))
            continue
        for rule, pair_check in pair_checks:
            found = pair_check(pair)
            if found:  # () from a check that found nothing: no loop to set up
                for message in found:
                    findings.append(_pair_finding(rule, message, view, pair))
        text, locale = pair.msgstr, pair.locale
        for rule, text_check in text_checks:
            found = text_check(text, locale)
            if found:
                for message in found:
                    findings.append(_pair_finding(rule, message, view, pair))
    for rule in rules:
        if rule.scope is Scope.CATALOGUE and not is_template:
            for hit in rule.function(view, **_given(rule, extra)):
                findings.append(_hit_finding(rule, hit, view))


_PairCheck = Callable[[Pair], Iterable[str]]


def _bound(rule: Rule, extra: dict[str, Any]) -> Callable[..., Iterable[str]]:
    """A check's function with the workspace resources it needs bound."""
    return partial(rule.function, **_given(rule, extra)) if rule.needs else rule.function


def _pair_check(rule: Rule, extra: dict[str, Any]) -> _PairCheck:
    """An entry, pair or text check as one function of a pair, its resources bound."""
    function = _bound(rule, extra)
    if rule.scope is not Scope.TEXT:
        return function

    def text_check(pair: Pair) -> Iterable[str]:
        if not pair.msgstr_plural:
            return function(pair.msgstr, pair.locale)
        return chain.from_iterable(
            function(text, pair.locale) for text in dict.fromkeys(pair.msgstr_plural)
        )

    return text_check


def _analyse_source(
    target: Target, rules: list[Rule], result: FileResult, extra: dict[str, Any]
) -> None:
    document = load_document(target.path, strict_id=target.strict)
    result.entries = len(document.segments)
    result.keys = keys_digest((segment.context, segment.text) for segment in document.segments)
    text_rules = [
        (rule, _bound(rule, extra))
        for rule in rules
        if rule.scope is Scope.TEXT and rule.applies_to(document.lang)
    ]
    for segment in document.segments:
        for rule, function in text_rules:
            for message in function(segment.text, document.lang):
                finding = _finding(rule, message, target.shown, segment.line)
                result.findings.append(
                    replace(
                        finding,
                        document=document.id,
                        locale=document.lang,
                        msgid=segment.text,
                        msgctxt=segment.context,
                    )
                )


def unreadable(message: str, path: str, line: int | None) -> Finding:
    """The F101 finding of a file that cannot be read, at the line where reading stopped."""
    return _finding(RULES[UNREADABLE], message, path, line)


def _finding(rule: Rule, message: str, path: str, line: int | None) -> Finding:
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=message,
        location=Location(path, line),
    )


def _pair_finding(rule: Rule, message: str, view: CatalogueView, pair: Pair) -> Finding:
    # Made whole at once: dataclasses.replace on a finding made first costs twice the time.
    source = None
    if pair.occurrences:
        where, line = pair.occurrences[0]
        source = Location(where, int(line) if line.isdigit() else None)
    return Finding(
        rule.code,
        rule.name,
        rule.category,
        rule.severity,
        message,
        Location(view.path, pair.line),
        view.document,
        view.locale,
        pair.msgctxt,
        pair.msgid,
        pair.msgstr,
        source,
    )


def _hit_finding(rule: Rule, hit: Hit, view: CatalogueView) -> Finding:
    if hit.pair is not None:
        return _pair_finding(rule, hit.message, view, hit.pair)
    line = hit.line if hit.line is not None else view.header_line
    return replace(
        _finding(rule, hit.message, hit.path or view.path, line),
        document=view.document,
        locale=view.locale,
    )
