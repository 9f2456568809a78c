"""Token caps of the model calls. A section call writes a lead sentence and one or two sentences per fact; a
rewrite of one sentence writes about its fact's length. Caps leave a margin for rewording, and stop a small model
that pads with content-free sub-sections. The opening and closing get a stated length in characters."""

from __future__ import annotations

import math


CHARS_PER_TOKEN = 1.7  # Qwen2.5's tokenizer on formal Chinese (samples/: 35,963 characters in 21,114 tokens)
REWORD = 1.6  # a fact's sentence may be this much longer than the fact
LEAD_TOKENS = 40  # the "0." lead sentence and line numbers
FRAME = {"short": 80, "normal": 120, "long": 200}  # opening and closing, characters


def frame_chars(length: str) -> int:
    return FRAME[length]


def sentence_tokens(line: str) -> int:
    """The cap for one fact's sentence (with its line number)."""
    return math.ceil(len(line) * REWORD / CHARS_PER_TOKEN) + 12


def section_tokens(lines: list[str]) -> int:
    """The cap for a section call: the lead plus every line's sentence."""
    return LEAD_TOKENS + sum(sentence_tokens(line) for line in lines)


def frame_tokens(chars: int) -> int:
    return math.ceil(chars / CHARS_PER_TOKEN * 1.3) + 16

