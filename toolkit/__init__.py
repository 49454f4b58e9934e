"""advocacy-toolkit: keeps advocacy texts correct in every language they are published in."""

__version__ = "0.1.0"
