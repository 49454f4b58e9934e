"""The checks: importing this package registers every check family."""

from toolkit.checks import (
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

FAMILIES = (
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
