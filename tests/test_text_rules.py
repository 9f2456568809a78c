"""One home per text rule: sentence and clause ends, heading marks and byte decoding are defined in textkit only.

An AST scan of every module outside textkit/ (drafter/, retrieval/, bench/, app.py) fails on
- a sentence-end character class: a string literal holding a regex class, or a run of marks, with two or more of
  。！？；，： (compose it from textkit.sentences' constants and `char_class` instead);
- a heading-mark pattern: Chinese numerals in a class next to 、 or ）, 第…部分, or Markdown's `#{1,6}` (use
  textkit.headings);
- a mark set of textkit's composed with a literal mark on the spot (COMMAS + "。": use textkit's constants only);
- byte decoding: `.decode(...)` or `codecs.decode` (use textkit.decoding).
Docstrings are prose and are not scanned. ALLOWED lists the few exceptions, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [*sorted((ROOT / "drafter").rglob("*.py")), *sorted((ROOT / "retrieval").rglob("*.py")),
           *sorted((ROOT / "bench").rglob("*.py")), ROOT / "app.py"]
MARKS = "。！？；，："
KIND = str.maketrans("!?;,:", "！？；，：")  # an ASCII mark is the same kind as its full-width twin
NUMERALS = re.compile("[一二三四五六七八九十]{3,}")
MARK_SETS = {"FULL_STOPS", "SEMICOLONS", "SENTENCE_ENDS", "COMMAS", "COLONS", "CLAUSE_ENDS", "BREAKS", "LINE_ENDS"}
# (path relative to the repository, rule: sentence | heading | decode) -> why it is not a text rule. Empty today.
ALLOWED: dict[tuple[str, str], str] = {}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def sentence_rule(text: str) -> bool:
    """Two or more kinds of sentence/clause marks in one regex class, or side by side in a run of marks
    ("[，,]" or "：:" alone is one kind: a comma or a colon, not a rule)."""
    for body in re.findall(r"\[\^?((?:\\.|[^\]\\])*)\]", text):
        if set(body) & set(MARKS) and len(set(body.translate(KIND)) & set(MARKS)) >= 2:
            return True
    for run in re.findall(f"[{MARKS}!?;,:]{{2,}}", text):
        if any(c in MARKS for c in run) and len(set(run.translate(KIND))) >= 2:
            return True
    return False


def heading_rule(text: str) -> bool:
    numbered = bool(NUMERALS.search(text)) and any(mark in text for mark in ("、", "）", "#"))
    return numbered or "#{1," in text or re.search(r"第\[[^\]]*\][+*]?\(?\??:?(?:段|部分)", text) is not None


def violations(path: Path) -> list[tuple[str, int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    found, composed = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if sentence_rule(node.value):
                found.append(("sentence", node.lineno, node.value))
            if heading_rule(node.value):
                found.append(("heading", node.lineno, node.value))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "decode":
            found.append(("decode", node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.BinOp) and composed_mark_set(node) and node.lineno not in composed:
            composed.add(node.lineno)  # the outer sum of a line only
            found.append(("sentence", node.lineno, ast.unparse(node)))
    return found


def composed_mark_set(node: ast.BinOp) -> bool:
    """A mark set of textkit's built on the spot with a literal mark (COMMAS + "。" + SEMICOLONS): the scan of
    string literals sees only "。", one kind of mark, so the operands of the sum are checked here: a name of
    textkit's mark sets beside a literal of full-width marks only."""
    operands = _summands(node)
    names = {o.id for o in operands if isinstance(o, ast.Name)}
    literals = [o.value for o in operands if isinstance(o, ast.Constant) and isinstance(o.value, str)]
    return bool(names & MARK_SETS) and any(t.strip() and set(t.strip()) <= set(MARKS) for t in literals)


def _summands(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _summands(node.left) + _summands(node.right)
    return [node]


def test_the_scan_finds_each_kind_of_rule():
    assert sentence_rule(r"[^。！？!?；;\n]+") and sentence_rule("。！？") and sentence_rule("；;。")
    assert heading_rule(r"^[一二三四五六七八九十]{1,3}、") and heading_rule(r"^#{1,6}\s")
    assert heading_rule(r"第[一二三四五六七八九十]+(?:部分|章)")
    assert not sentence_rule("文件为空，请重新上传。") and not sentence_rule("(?!\\d)")
    assert not sentence_rule("[：:]") and not sentence_rule("，,")
    assert not heading_rule(r"[〇零一二三四五六七八九]{4}年") and not heading_rule("一、")
    sums = 'a = COMMAS + "。" + SEMICOLONS; b = text + "。"; c = COMMAS + "\\n"; d = char_class(BREAKS) + "{0,8}"'
    composed = [n for n in ast.walk(ast.parse(sums)) if isinstance(n, ast.BinOp) and composed_mark_set(n)]
    assert [ast.unparse(n) for n in composed][:1] == ["COMMAS + '。' + SEMICOLONS"]
    assert all("SEMICOLONS" in ast.unparse(n) or ast.unparse(n) == "COMMAS + '。'" for n in composed)


def test_text_rules_have_one_home():
    """No sentence-end class, heading-mark pattern or byte decoder outside textkit (ALLOWED aside)."""
    bad = []
    used = set()
    for path in SCANNED:
        rel = path.relative_to(ROOT).as_posix()
        for rule, line, what in violations(path):
            if (rel, rule) in ALLOWED:
                used.add((rel, rule))
                continue
            bad.append(f"{rel}:{line} {rule}: {what[:80]!r}")
    assert not bad, "text rules outside textkit (use textkit.sentences/headings/decoding):\n" + "\n".join(bad)
    assert used == set(ALLOWED), f"stale ALLOWED entries: {set(ALLOWED) - used}"
    assert all(reason.strip() for reason in ALLOWED.values())
