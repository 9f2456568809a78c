"""The page's view of a draft streaming in (drafter.service.progress), and a finished draft's notes for writers."""

from __future__ import annotations

from drafter.models import DraftResult
from drafter.service.progress import StreamProgress
from drafter.service.progress import result_notes as _notes
from drafter.view.labels import for_writers

__all__ = ["StreamProgress", "result_notes"]


def result_notes(result: DraftResult) -> list[str]:
    """Fallbacks and warnings of a finished draft, in plain Chinese (no setting names)."""
    return [for_writers(note) for note in _notes(result)]
