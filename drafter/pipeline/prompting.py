"""Jinja2 prompt files from `prompts/`, rendered with StrictUndefined. No prompt text lives in Python."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"


@lru_cache(maxsize=4)
def _environment(directory: str) -> Environment:
    return Environment(
        loader=FileSystemLoader(directory),
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def render(name: str, directory: Path = PROMPTS_DIR, **context) -> str:
    """Render `prompts/<name>` (e.g. "section.j2") with the given variables; a missing variable raises."""
    return _environment(str(directory)).get_template(name).render(**context).strip()
