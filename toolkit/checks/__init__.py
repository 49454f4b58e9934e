"""The checks: importing this package registers every check family."""

from toolkit.checks import (
    completeness,
    consistency,
    dates,
    demands,
    format,
    markup,
    names,
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
    format,
    markup,
    names,
    placeholders,
    punctuation,
    script,
    typography,
)
