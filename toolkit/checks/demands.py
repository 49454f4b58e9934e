"""Demand checks: every demand translated, in its approved wording, and not standing for another."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.campaign import Campaign, demand_id, normalise
from toolkit.checks.registry import Scope, check
from toolkit.model import CatalogueView, Category, Hit, Pair, Severity


def demand_of(pair: Pair) -> str | None:
    """The demand id an entry carries (``#. type: demand <id>``), ``?`` if unidentified."""
    return demand_id(pair.comment)


@check("A101", "demand-untranslated", Category.DEMANDS, Severity.ERROR, Scope.ENTRY)
def demand_untranslated(pair: Pair) -> Iterator[str]:
    """A demand is untranslated or fuzzy: a letter must never go out without it."""
    demand = demand_of(pair)
    if demand is None:
        return
    if pair.fuzzy:
        yield f"demand {demand!r} is fuzzy: review its translation and remove the fuzzy flag"
    elif not pair.msgstr:
        yield f"demand {demand!r} is not translated"


@check(
    "A102", "demand-wording", Category.DEMANDS, Severity.WARNING, Scope.PAIR, needs_campaign=True
)
def demand_wording(pair: Pair, campaign: Campaign) -> Iterator[str]:
    """A demand's translation differs from the approved wording of the campaign record."""
    demand = demand_of(pair)
    wordings = campaign.wording(demand, pair.locale) if demand else ()
    if demand and wordings and not campaign.approved(demand, pair.msgstr, pair.locale):
        yield f"demand {demand!r} differs from its approved wording: {wordings[0]}"


@check("A103", "demand-replaced", Category.DEMANDS, Severity.ERROR, Scope.PAIR, needs_campaign=True)
def demand_replaced(pair: Pair, campaign: Campaign) -> Iterator[str]:
    """A demand's translation states another demand of the record."""
    demand = demand_of(pair)
    if not demand or demand == "?" or campaign.approved(demand, pair.msgstr, pair.locale):
        return
    stated, _ = campaign.identify(pair.msgstr, pair.locale)
    if stated is not None and stated != demand:
        yield f"translation of demand {demand!r} states demand {stated!r} instead"


@check("A104", "demand-repeated", Category.DEMANDS, Severity.ERROR, Scope.CATALOGUE)
def demand_repeated(catalogue: CatalogueView) -> Iterator[Hit]:
    """Two demands of one document have the same translation: one replaced the other."""
    seen: dict[str, tuple[str, Pair]] = {}
    for pair in catalogue.pairs:
        demand = demand_of(pair)
        if demand is None or not pair.msgstr or pair.fuzzy:
            continue
        key = normalise(pair.msgstr)
        if key in seen and seen[key][0] != demand:
            first, other = seen[key]
            yield Hit(
                f"demand {demand!r} has the same translation as demand {first!r}"
                f" (line {other.line}): one demand replaced another",
                pair=pair,
            )
        seen.setdefault(key, (demand, pair))


@check(
    "A105",
    "demand-unidentified",
    Category.DEMANDS,
    Severity.ERROR,
    Scope.CATALOGUE,
    needs_campaign=True,
)
def demand_unidentified(catalogue: CatalogueView, campaign: Campaign) -> Iterator[Hit]:
    """A marked demand names no demand of the record, or its wording matches none or two."""
    for pair in catalogue.pairs:
        demand = demand_of(pair)
        if demand == "?":
            _, why = campaign.identify(pair.msgid, pair.source_locale)
            yield Hit(f"demand item {why}: write its id in the demands marker", pair=pair)
        elif demand is not None and demand not in campaign.demands:
            yield Hit(
                f"demand {demand!r} is not in the campaign record {campaign.path.name}", pair=pair
            )
