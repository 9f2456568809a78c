"""The drafts store: drafts, versions, reviews, users, API keys and working copies in SQLite (WAL) or PostgreSQL."""

from drafter.store.drafts import DraftStore
from drafter.store.titles import draft_title

__all__ = ["DraftStore", "draft_title"]
