"""drafter: drafting Chinese trade-union work summaries whose every number is proven against the facts."""

__version__ = "0.1.0"
