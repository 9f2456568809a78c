"""Work done once per lexicon: a function of the themes tuple, kept by the tuple's identity. Hashing a tuple of
themes (frozen dataclasses, their keywords and headings) costs more than the work itself when every clause of a plan
asks (one_home: session 26's settling took a second a plan with functools.lru_cache keyed by the tuple)."""

from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")


def per_book(build: Callable[[tuple], T]) -> Callable[[tuple], T]:
    made: dict[int, tuple] = {}

    def cached(themes: tuple) -> T:
        if (hit := made.get(id(themes))) is None or hit[0] is not themes:  # the tuple is held: its id is not reused
            hit = made[id(themes)] = (themes, build(themes))
        return hit[1]
    return cached
