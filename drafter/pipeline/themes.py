"""Section themes (drafter/pipeline/themes.toml): keywords that place a fact, heading variants, default order."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

THEMES_FILE = Path(__file__).with_name("themes.toml")


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    order: int
    keywords: tuple[str, ...]
    headings: tuple[str, ...]
    topics: tuple[str, ...] = field(default_factory=tuple)

    def keyword_score(self, text: str) -> float:
        """How strongly `text` speaks of this theme: matched keywords, longer ones weigh more."""
        return sum(1.0 + 0.25 * (len(word) - 1) for word in self.keywords if word in text)

    def heading(self, variant: int) -> str:
        return self.headings[variant % len(self.headings)]


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[Theme, ...]:
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    return tuple(Theme(key=t["key"], name=t["name"], order=int(t["order"]), keywords=tuple(t.get("keywords", ())),
                       headings=tuple(t["headings"]), topics=tuple(t.get("topics", ()))) for t in raw["theme"])


@dataclass(frozen=True)
class Family:
    keys: frozenset[str]
    headings: tuple[str, ...]


def families(path: Path = THEMES_FILE) -> list[Family]:
    """Themes that may share one section when facts are few, with that section's headings."""
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    return [Family(frozenset(f["keys"]), tuple(f["headings"])) for f in raw.get("family", [])]


def labels(path: Path = THEMES_FILE) -> dict[str, str]:
    """Fixed section titles (problems, plans) from the [labels] table."""
    with open(path, "rb") as handle:
        return dict(tomllib.load(handle)["labels"])


def themes_for(kind: str, topic: str | None, path: Path = THEMES_FILE) -> list[Theme]:
    """The themes of a request: a 专项总结 on a known topic gets that topic's themes, everything else the general
    ones. The last theme of the list is the catch-all."""
    themes = _load(str(path))
    if kind == "专项总结" and topic:
        special = [t for t in themes if any(word in topic or topic in word for word in t.topics)]
        if special:
            return special
    return [t for t in themes if not t.topics]


def best_theme(text: str, themes: list[Theme]) -> tuple[Theme | None, float]:
    """The theme whose keywords `text` matches best (None when nothing matches)."""
    best, best_score = None, 0.0
    for theme in themes:
        score = theme.keyword_score(text)
        if score > best_score:
            best, best_score = theme, score
    return best, best_score
