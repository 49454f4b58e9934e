"""Meaning-level text analysis: dates, numbers and names found and compared across scripts."""
