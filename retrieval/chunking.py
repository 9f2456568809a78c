"""Structure-aware chunking of an example into sections with heading paths and roles.

1. Lines are classified (textkit.headings). The hierarchy follows the order in which numbering styles
   appear: a heading of a style already on the stack closes everything below it; a new style nests under
   the current heading. Unnumbered label headings ("下半年工作安排：") and 第X段/第X部分 are top-level
   dividers. Markdown/bold markup never decides the level by itself (scraped pages mix `##` and `###`).
2. Roles: opening = up to two paragraphs before the first heading; problems / plans = the deepest heading
   on the path that names them (不足/问题/差距; 下一步/计划/打算/思路/下半年 … in its last clause; below the
   top level only short headings count), or an unheaded paragraph that opens such a passage ("在肯定成绩的
   同时…不足", "今后我们将…", "指导思想：…"); a paragraph that concedes the past and turns to the coming work
   ("…但还存在一些不足，…在xx年的工作中，…") is followed by plans, numbered or not. A plans passage runs to
   the end; a problems passage ends at the next heading (one ending in "：" introduces a list and lasts through
   its items). closing = trailing
   paragraphs after the last section that are not a section ("总之…", "回顾…展望…", "以上是…", and weaker
   "20xx年，…"/"今后…" unless it is the only paragraph under the last heading), plus signature/date lines;
   a heading such as "第五段：结语" also makes its section closing. Everything else is body.
3. Consecutive blocks of one top-level section and one role are packed up to MAX_CHARS (the chunk's heading
   path is their common prefix); longer sections are split at paragraph, then sentence boundaries, keeping
   the path; fragments under MIN_CHARS merge into a neighbour of the same role (under the larger part's path).
Chunk texts keep every line as written, headings included (without Markdown `#`/`**` marks, which scraped
pages and Word headings add), so the chunks of an example add up to its text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from retrieval.headings import (
    closing_strength,
    heading_role,
    is_real_paragraph,
    is_signature,
    opener_role,
    turns_ahead,
)
from retrieval.models import Chunk, Example
from textkit.headings import classify, plain_line
from textkit.placeholders import find_placeholders
from textkit.sentences import split_sentences

MAX_CHARS = 700
MIN_CHARS = 80
OPENING_PARAGRAPHS = 2
_TOP_LEVEL = ("plain", "part")


@dataclass
class Block:
    path: tuple[str, ...]
    role: str
    lines: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(line) for line in self.lines)


# --- structure -------------------------------------------------------------------------------------------

def _closing_start(lines: list[str]) -> int:
    """Index where the closing passage starts (len(lines) when there is none)."""
    end = len(lines)
    while end > 1 and is_signature(lines[end - 1]):
        end -= 1
    start = end
    while start > 1 and classify(lines[start - 1]) is None and closing_strength(lines[start - 1]):
        start -= 1
    before = classify(lines[start - 1]) if 0 < start < end else None
    if before is not None and before.pure and closing_strength(lines[start]) == "weak":
        start += 1  # "八、…\nxx年，工会将继续…": the paragraph under the last heading is its content
    return start if start < end else len(lines)  # no closing: signature lines stay with the last section


@dataclass
class _Passage:
    """An unheaded problems/plans passage; a heading that leaves the stack at most `ends_at_depth` deep ends
    it (None: any heading does). Plans passages run on to the end."""

    role: str
    ends_at_depth: int | None


class _Structure:
    """Walks the lines once, tracking the heading stack, the active passage and the blocks."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, str, bool]] = []  # (category, text, pure)
        self.blocks: list[Block] = []
        self.passage: _Passage | None = None
        self.seen_heading = False
        self.paragraphs = 0  # real paragraphs so far (title-like short lines at the top do not count)

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(text for _, text, _ in self.stack)

    def add(self, path: tuple[str, ...], role: str, line: str, new_block: bool) -> None:
        last = self.blocks[-1] if self.blocks else None
        if new_block or last is None or last.path != path or last.role != role:
            self.blocks.append(Block(path, role))
        self.blocks[-1].lines.append(line)

    def heading(self, category: str, text: str, pure: bool, line: str) -> None:
        if category in _TOP_LEVEL:
            self.stack = []
        else:
            levels = [c for c, _, _ in self.stack]
            if category in levels:
                del self.stack[levels.index(category):]
        self.stack.append((category, text, pure))
        if self.passage and self._ends_passage(category, text, pure):
            self.passage = None
        self.seen_heading = True
        self.add(self.path, self._role(), line, new_block=True)

    def _ends_passage(self, category: str, text: str, pure: bool) -> bool:
        if pure and heading_role(text, top=len(self.stack) == 1):
            return True  # the heading names its own role
        if self.passage.role == "plans":
            return False  # plans run to the end of the summary
        if category in _TOP_LEVEL:
            return True
        depth = self.passage.ends_at_depth
        return depth is None or len(self.stack) <= depth

    def paragraph(self, line: str) -> None:
        real = is_real_paragraph(line)
        if not self.seen_heading and self.paragraphs < OPENING_PARAGRAPHS:
            self.paragraphs += real
            self.add((), "opening", line, new_block=False)
            return
        self.paragraphs += real
        ahead = turns_ahead(line)
        opened = opener_role(line) or ("plans" if ahead else None)
        if opened:
            # "…主要有：" introduces a list that lasts through the sibling items; otherwise the next heading ends it
            lists = line.endswith(("：", ":"))
            self.passage = _Passage(opened, len(self.stack) - 1 if lists else None)
        self.add(self.path, self._role(), line, new_block=bool(opened))
        if ahead:  # "…不足，…在xx年的工作中，…": the numbered items after it are the coming work's
            self.passage = _Passage("plans", None)

    def _role(self) -> str:
        if self.passage:
            return self.passage.role
        for depth in range(len(self.stack) - 1, -1, -1):  # the deepest heading that names a role wins
            _, text, pure = self.stack[depth]
            role = heading_role(text, top=depth == 0) if pure else None
            if role:
                return role
        return "body"


def structure(text: str) -> list[Block]:
    """The example's text as blocks of (heading path, role, lines), in order."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    closing_from = _closing_start(lines)
    walk = _Structure()
    for line in lines[:closing_from]:
        heading = classify(line, allow_plain=walk.paragraphs > 0)
        if heading is None:
            walk.paragraph(line)
        else:
            walk.heading(heading.category, heading.text, heading.pure, plain_line(line))
    for line in lines[closing_from:]:
        walk.add((), "closing", line, new_block=False)
    return walk.blocks


# --- sizing ----------------------------------------------------------------------------------------------

def _common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    prefix = paths[0]
    for path in paths[1:]:
        n = 0
        while n < min(len(prefix), len(path)) and prefix[n] == path[n]:
            n += 1
        prefix = prefix[:n]
    return prefix


def _pieces(line: str) -> list[str]:
    """A line longer than MAX_CHARS, cut at sentence ends (hard cuts only inside a single huge sentence)."""
    pieces, current = [], ""
    for sentence in split_sentences(line):
        for start in range(0, len(sentence), MAX_CHARS):
            part = sentence[start:start + MAX_CHARS]
            if current and len(current) + len(part) > MAX_CHARS:
                pieces.append(current)
                current = ""
            current += part
    return pieces + [current] if current else pieces


def _split_long(block: Block) -> list[Block]:
    parts: list[Block] = [Block(block.path, block.role)]
    for line in block.lines:
        for piece in (_pieces(line) if len(line) > MAX_CHARS else [line]):
            if parts[-1].lines and parts[-1].size + len(piece) > MAX_CHARS:
                parts.append(Block(block.path, block.role))
            parts[-1].lines.append(piece)
    return parts


def _pack(blocks: list[Block]) -> list[Block]:
    """Pack neighbouring blocks of one top-level section and role up to MAX_CHARS."""
    packed: list[tuple[Block, list[tuple[str, ...]]]] = []
    for block in (part for b in blocks for part in _split_long(b)):
        if packed:
            last, paths = packed[-1]
            same_section = last.path[:1] == block.path[:1] and last.role == block.role
            if same_section and last.size + block.size <= MAX_CHARS:
                last.lines.extend(block.lines)
                paths.append(block.path)
                continue
        packed.append((Block(block.path, block.role, list(block.lines)), [block.path]))
    result = []
    for block, paths in packed:
        block.path = _common_prefix(paths)
        result.append(block)
    return result


def _merged(first: Block, second: Block) -> Block:
    """A fragment joins its neighbour under the larger part's heading path."""
    path = first.path if first.size >= second.size else second.path
    return Block(path, first.role, first.lines + second.lines)


def _merge_fragments(blocks: list[Block]) -> list[Block]:
    """Blocks under MIN_CHARS join the next (else the previous) block of the same role."""
    result = list(blocks)
    i = 0
    while i < len(result):
        block = result[i]
        if block.size >= MIN_CHARS:
            i += 1
        elif i + 1 < len(result) and result[i + 1].role == block.role:
            result[i:i + 2] = [_merged(block, result[i + 1])]
        elif i > 0 and result[i - 1].role == block.role:
            result[i - 1:i + 1] = [_merged(result[i - 1], block)]
        else:
            i += 1
    return result


# --- chunks ----------------------------------------------------------------------------------------------

def chunk_id(example_id: str, heading: str, text: str) -> str:
    return hashlib.sha1(f"{example_id}\n{heading}\n{text}".encode("utf-8")).hexdigest()


def _placeholders(text: str) -> list[str]:
    return list(dict.fromkeys(found for _, _, found in find_placeholders(text)))


def chunk_example(example: Example) -> list[Chunk]:
    """The example as ordered chunks with title, kind, topic, source, heading path, role and placeholders."""
    blocks = _merge_fragments(_pack(structure(example.text)))
    chunks = []
    for order, block in enumerate(blocks):
        text = "\n".join(block.lines)
        heading = " > ".join(block.path)
        chunks.append(Chunk(
            id=chunk_id(example.id, heading, text), example_id=example.id, title=example.title,
            kind=example.kind, topic=example.topic, source=example.source, heading=heading,
            heading_path=list(block.path), role=block.role, order=order, text=text,
            placeholders=_placeholders(text),
        ))
    return chunks
