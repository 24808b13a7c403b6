"""Parley: sourced, checkable research from news articles about a negotiation."""

__version__ = "0.1.0"
