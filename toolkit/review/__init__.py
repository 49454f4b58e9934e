"""The coordinator's review page: sources and translations side by side with the findings."""

from toolkit.review.collect import ReviewOptions, review
from toolkit.review.model import (
    Cell,
    Column,
    DocumentReview,
    LocaleSummary,
    Review,
    Row,
    Span,
    Status,
)
from toolkit.review.render import EDITORS, render_review

__all__ = [
    "EDITORS",
    "Cell",
    "Column",
    "DocumentReview",
    "LocaleSummary",
    "Review",
    "ReviewOptions",
    "Row",
    "Span",
    "Status",
    "render_review",
    "review",
]
