"""Models of the example library: examples, chunks, search hits, ingest reports."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Role = Literal["opening", "body", "problems", "plans", "closing"]
ROLES: tuple[str, ...] = ("opening", "body", "problems", "plans", "closing")


class Example(BaseModel):
    """One whole example summary (one file)."""

    id: str = Field(description="Stable id: the example's source name (file name relative to its ingest root).")
    title: str
    kind: str
    topic: str | None = None
    source: str
    text: str = Field(description="Body without front matter.")
    origin: str | None = Field(None, description="Where the text came from, from front matter `source:` (e.g. the scraped page).")
    org: str = Field("", description="The organisation that uploaded it ('' for the shipped corpus and ingested folders).")
    shared: bool = Field(True, description="Visible to every organisation (else to its own and its descendants only).")


class Chunk(BaseModel):
    """A structure-aware piece of an example."""

    id: str = Field(description="Content-hash id (sha1 of example id + heading path + text).")
    example_id: str
    title: str
    kind: str
    topic: str | None = None
    source: str
    heading: str = Field("", description="Heading path joined with ' > ' ('' for the opening).")
    heading_path: list[str] = Field(default_factory=list)
    role: Role
    order: int = Field(description="Position of the chunk within its example, from 0.")
    text: str
    placeholders: list[str] = Field(default_factory=list, description="Template placeholders found in the text (xx, 20__年 …).")
    org: str = Field("", description="The example's organisation ('' for the shipped corpus).")
    shared: bool = Field(True, description="The example is visible to every organisation.")


class Hit(BaseModel):
    """A search result. `drafter search --json` prints exactly the first seven fields."""

    text: str
    title: str
    kind: str
    source: str
    heading: str
    role: str
    score: float
    chunk_id: str = ""
    example_id: str = ""
    order: int = 0
    placeholders: list[str] = Field(default_factory=list)

    def public(self) -> dict:
        return self.model_dump(include={"text", "title", "kind", "source", "heading", "role", "score"})


class SkippedFile(BaseModel):
    path: str
    reason: str


class IngestReport(BaseModel):
    files: int = 0
    added_chunks: int = 0
    unchanged_chunks: int = 0
    removed_chunks: int = 0
    skipped: list[SkippedFile] = Field(default_factory=list)
    elapsed_s: float = 0.0
