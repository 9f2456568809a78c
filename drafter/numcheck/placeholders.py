"""Template placeholders: defined once in textkit.placeholders (retrieval uses them too); kept here for numcheck.

They are always reported by the number check, whatever the facts say.
"""

from textkit.placeholders import find_placeholders

__all__ = ["find_placeholders"]
