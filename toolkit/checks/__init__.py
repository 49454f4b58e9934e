"""The checks: importing this package registers every check family."""

from toolkit.checks import (  # noqa: F401  (imported for their registrations)
    completeness,
    consistency,
    dates,
    demands,
    facts,
    format,
    markup,
    names,
    numbers,
    placeholders,
    punctuation,
    script,
    typography,
)

