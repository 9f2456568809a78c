"""Can the local model tell a reworded number item from a changed one? (issue 19 item 5, session 19, helper h3)

    .venv/bin/python bench/item_judge_probe.py collect          (rewrites the collected part of the pair set)
    flock /tmp/drafter-model.lock .venv/bin/python bench/item_judge_probe.py score [a b c]

The pair set, tests/data/item_pairs19.json: a fact line and a draft clause that write the same number, labelled
`faithful` (the draft says the same thing in other words) or `changed` (the draft's number counts something else:
another object, level, activity, thing, or another fact's number). `collect` takes every item mismatch of
drafter.numcheck.check on the labelled strong sets one may read (not held-out 13 and later): on a faithful
paragraph it is `faithful`; on a paragraph with one invented detail it is `changed` when the invented words lie in
the number's clause, the first faithful paragraph has no such mismatch and the invention is an object, an
activity or an honour (not an actor, place or time, which the rules read); the hand-written pairs are kept.
`score` asks the local model (DRAFTER_LOCAL_MODEL or the installed GGUF) each pair with each prompt variant
(prompts/item_judge_<v>.j2 after a system prompt) and prints, per variant, the AUC of logit(是) − logit(否) on the
choosing half and the held half (pairs alternate between them in file order, within each label), the margin that
clears at most 5 % of the choosing half's changed pairs, and the faithful and changed shares it clears on each
half; then tokens read and seconds per pair.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.numcheck import check, load_lexicon  # noqa: E402
from drafter.pipeline.prompting import render  # noqa: E402
from textkit.sentences import BREAKS, char_class  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "item_pairs19.json"
READABLE = ["strong_paragraphs.json", "strong_heldout.json", *(f"strong_heldout{n}.json" for n in range(2, 13)),
            "strong_fresh_h4.json", "strong_fresh_h5.json", "strong_fresh_h18.json", "strong_fresh_h18b.json"]
SYSTEMS = {"a": "item_judge_plain.j2", "b": "item_judge_system.j2", "c": "item_judge_system.j2"}
_CLAUSE = re.compile(f"{char_class(BREAKS + chr(10), negate=True)}+{char_class(BREAKS)}?")


def _clause(text: str, at: int) -> str:
    for m in _CLAUSE.finditer(text):
        if m.start() <= at < m.end():
            return m.group().strip(BREAKS + " ")
    return text


def _item_mismatches(facts, text, lex):
    for h in check(facts, text, lexicon=lex).numbers:
        if h.status == "mismatch" and h.fact_line and h.item is not None and "初稿写成" not in (h.note or ""):
            yield h


def collect() -> list[dict]:
    from tests.strong_set import DATA, load

    lex, out, seen = load_lexicon(), [], set()
    for name in READABLE:
        paragraphs = load(DATA.with_name(name))
        firsts = {p.id.rsplit("-", 1)[0]: p for p in paragraphs if p.id.endswith("-f0")}
        for p in paragraphs:
            for h in _item_mismatches(p.facts, p.text, lex):
                fact, draft = p.facts[h.fact_line - 1], _clause(p.text, h.start)
                label = "faithful"
                if p.kind in ("actor", "place", "time"):
                    continue  # who, where, when: roles the rules read, not what the number counts
                if p.kind != "faithful":
                    base = firsts[p.id.rsplit("-", 1)[0]]
                    if any(g.text == h.text and g.item == h.item for g in _item_mismatches(p.facts, base.text, lex)):
                        continue  # the faithful paragraph's own mismatch, kept there
                    s, e = p.span
                    if p.text[s:e] not in draft:
                        continue  # the invention is elsewhere: this number's label is unknown
                    label = "changed"
                if (fact, draft) not in seen:
                    seen.add((fact, draft))
                    out.append({"id": f"{p.id}:{h.text}", "source": name, "label": label, "fact": fact,
                                "draft": draft, "number": h.text, "kind": p.kind})
    return out


def number_of(pair: dict) -> str:
    if pair.get("number"):
        return pair["number"]
    hits = check([pair["fact"]], pair["draft"], lexicon=load_lexicon()).numbers
    return hits[0].text if hits else ""


def messages(variant: str, pair: dict) -> list[dict]:
    user = render(f"item_judge_{variant}.j2", fact=pair["fact"], draft=pair["draft"], number=number_of(pair))
    return [{"role": "system", "content": render(SYSTEMS[variant])}, {"role": "user", "content": user}]


def halves(pairs: list[dict]) -> tuple[list[dict], list[dict]]:
    """(choosing half, held half): alternate pairs of each label, in file order."""
    count: dict[str, int] = {}
    first, second = [], []
    for p in pairs:
        n = count[p["label"]] = count.get(p["label"], 0) + 1
        (first if n % 2 else second).append(p)
    return first, second


def auc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    return sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))


def margin_for(neg: list[float], share: float = 0.05) -> float:
    """The lowest margin that clears at most `share` of `neg` (a score clears at >= margin)."""
    ranked = sorted(neg, reverse=True)
    allowed = int(share * len(ranked))
    return ranked[allowed] + 1e-3 if allowed < len(ranked) else min(ranked)


def report(variant: str, pairs: list[dict], scores: dict[str, float]) -> None:
    choose, held = halves(pairs)
    split = lambda ps, lab: [scores[p["id"]] for p in ps if p["label"] == lab]  # noqa: E731
    m = margin_for(split(choose, "changed"))
    line = [f"variant {variant}: margin {m:+.2f}"]
    for name, part in (("choosing", choose), ("held", held)):
        pos, neg = split(part, "faithful"), split(part, "changed")
        cleared = sum(s >= m for s in pos), sum(s >= m for s in neg)
        line.append(f"{name} AUC {auc(pos, neg):.3f} faithful cleared {cleared[0]}/{len(pos)} "
                    f"changed cleared {cleared[1]}/{len(neg)}")
    print(" | ".join(line))


def score(variants: list[str]) -> None:
    from drafter.providers.local import LocalModel
    from drafter.settings import Settings

    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    model = LocalModel(Path(os.environ.get("DRAFTER_LOCAL_MODEL") or Settings().local_model_path), n_ctx=2048)
    model.load()
    print(f"{model.model_path.name}, {model.n_threads} threads, load average {os.getloadavg()[0]:.1f}, "
          f"{len(pairs)} pairs ({sum(p['label'] == 'faithful' for p in pairs)} faithful)")
    rows = {}
    for v in variants:
        scores, read, seconds = {}, 0, 0.0
        for p in pairs:
            answer = model.yes_no(messages(v, p))
            scores[p["id"]], read, seconds = answer.score, read + (answer.tokens_read or 0), seconds + answer.elapsed_s
        rows[v] = scores
        report(v, pairs, scores)
        print(f"  {read / len(pairs):.0f} tokens read a pair, {seconds / len(pairs):.2f} s a pair, "
              f"{read / seconds:.0f} tokens/s")
    out = Path(os.environ.get("ITEM_PROBE_OUT", "/tmp/item_judge_scores.json"))
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: list[str]) -> None:
    if argv[:1] == ["collect"]:
        data = json.loads(PAIRS.read_text(encoding="utf-8"))
        data["pairs"] = collect() + [p for p in data["pairs"] if p["source"] == "hand"]
        PAIRS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(data['pairs'])} pairs")
    else:
        score(argv[1:] or ["a", "b", "c"])


if __name__ == "__main__":
    main(sys.argv[1:])
