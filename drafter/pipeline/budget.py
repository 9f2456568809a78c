"""How long a section should be: the character target its prompt states, and the token cap of the model call.

A section's length follows what it has to say: one fact makes a short paragraph, four make a long one. Small
models write past any stated length and pad with content-free sub-sections, so the cap is the target plus a
margin; the cleanup then drops a sentence cut off at the cap.
"""

from __future__ import annotations

import math

from drafter.pipeline.plan import PlannedSection

CHARS_PER_TOKEN = 1.7  # Qwen2.5's tokenizer on formal Chinese (samples/: 35,963 characters in 21,114 tokens)
MARGIN = 1.3  # the cap leaves room for a last sentence past the target
# per length: (characters for the section, more for each fact or item, at most)
BODY = {"short": (50, 40, 180), "normal": (70, 60, 360), "long": (140, 120, 700)}
ITEMS = {"short": (40, 30, 150), "normal": (60, 40, 240), "long": (100, 60, 400)}
FRAME = {"short": 80, "normal": 120, "long": 200}  # opening and closing


def target_chars(section: PlannedSection, length: str) -> int:
    """The length the prompt asks for, in characters."""
    if section.role == "body":
        base, each, cap = BODY[length]
        return min(cap, base + each * max(1, len(section.fact_lines)))
    if section.role in ("problems", "plans"):
        base, each, cap = ITEMS[length]
        return min(cap, base + each * max(1, len(section.items)))
    return FRAME[length]


def max_tokens(chars: int) -> int:
    """The token cap for a reply asked to be about `chars` characters long."""
    return math.ceil(chars / CHARS_PER_TOKEN * MARGIN) + 16
