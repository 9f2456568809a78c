"""Can the local model tell a claim that rewords its fact from one that adds to it? (issue 19 item 5, session 20, h2)

    .venv/bin/python bench/claim_judge_probe.py collect        (rewrites the collected part of the pair set)
    flock /tmp/drafter-model.lock .venv/bin/python bench/claim_judge_probe.py score a [b c now]
    CLAIM_PROBE_OUT=bench/claim_judge_scores20 .venv/bin/python bench/claim_judge_probe.py report   (session 20's)

The pair set, tests/data/claim_pairs20.json: the nearest fact line(s), a draft clause and the words in it the rules
flagged (`marked`), labelled `faithful` (the marked words only say a fact again: paraphrase, evaluation, effect)
or `invented` (they add who, where, when, what honour, another object or another activity). `collect` takes every
clause claim of drafter.numcheck.check on the readable labelled strong sets (not held-out 13 and later): on a
faithful paragraph `faithful`; on a paragraph with one invented detail `invented` when the claim overlaps the
invented span (other claims there are left out); `undecided` says whether today's judge would see it. Hand pairs
(source `hand`) are kept. `score` asks the local model each scored pair (`scored`: 309 of the 903) with each
variant (a: the marked clause, "【】里的内容，事实中写了吗？" after a one-line system prompt; b: the same pair after
a system prompt listing what adds and what only restates; c: session 19's item question "两处说的是同一件事吗？";
now: today's claim judge, prompts/judge*.j2) and prints, per variant, the AUC of logit(是) − logit(否) on
the choosing and the held half (alternate pairs of each label in file order), the margin clearing at most 5 % of
the choosing half's invented pairs, and the shares it clears; then tokens read and seconds a pair.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.item_judge_probe import auc, halves, margin_for  # noqa: E402,F401 - the item probe's halves and figures
from drafter.pipeline.prompting import render  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "claim_pairs20.json"
READABLE = ["strong_paragraphs.json", "strong_heldout.json", *(f"strong_heldout{n}.json" for n in range(2, 13)),
            "strong_fresh_h4.json", "strong_fresh_h5.json", "strong_fresh_h18.json", "strong_fresh_h18b.json",
            "strong_fresh_h19.json", "strong_fresh_h19b.json"]
_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def nearest(facts: list[str], clause: str, lines: list[int], n: int = 2) -> list[str]:
    """Up to `n` fact lines sharing the most character bigrams with `clause` (the sentence's trace lines first)."""
    grams = set(_BIGRAM.findall(clause))
    scored = sorted(((len(grams & set(_BIGRAM.findall(f))) + 0.5 * (i + 1 in lines), -i) for i, f in enumerate(facts)),
                    reverse=True)
    picked = [facts[-i] for s, i in scored[:n] if s > 0]
    return picked or facts[:1]


def collect() -> list[dict]:
    from drafter.numcheck import check, load_lexicon
    from drafter.numcheck.factset import fact_set
    from drafter.numcheck.undecided import _Around, undecided
    from tests.strong_set import DATA, load

    lex, out, seen, ids = load_lexicon(), [], set(), set()
    for name in READABLE:
        for p in load(DATA.with_name(name)):
            result = check(p.facts, p.text, lexicon=lex)
            support = fact_set(list(p.facts), [], lex).support
            asked = {a.index for a in undecided(p.text, result, support, lex.faith)}
            around = _Around(p.text)
            for i, c in enumerate(result.claims):
                if c.kind != "claim":
                    continue
                label = "faithful"
                if p.kind != "faithful":
                    s, e = p.span
                    if not (c.start < e and s < c.end):
                        continue  # not the invention: its label is unknown here
                    label = "invented"
                sent, clause = around(c.start)
                if sent is None:
                    continue
                trace = next((t.fact_lines for t in result.sentences if t.start <= c.start < t.end), [])
                clause_text = p.text[clause[0]:clause[1]].strip()
                if (clause_text, c.text) in seen:
                    continue
                seen.add((clause_text, c.text))
                key = f"{p.id}:{c.start}"
                key = key if key not in ids else f"{key}:{name.removesuffix('.json')}"  # a scenario id used twice
                ids.add(key)
                out.append({"id": key, "source": name, "label": label, "kind": p.kind,
                            "facts": nearest(p.facts, clause_text, trace), "sentence": p.text[sent[0]:sent[1]].strip(),
                            "clause": clause_text, "marked": c.text, "note": c.note, "undecided": i in asked})
    return out


VARIANTS = {"a": ("claim_judge_plain.j2", "claim_judge_a.j2"), "b": ("claim_judge_system.j2", "claim_judge_b.j2"),
            "c": ("item_judge_plain.j2", "item_judge_a.j2"), "now": ("judge_system.j2", "judge.j2")}
SCORES = Path(os.environ.get("CLAIM_PROBE_OUT", "/tmp/claim_judge_scores"))
PER_KIND = 10  # collected invented pairs the rules decide, scored per kind (all undecided ones are scored)


def scored(pairs: list[dict]) -> list[dict]:
    """The pairs scored: every hand pair, every collected faithful one and every collected invented one the judge
    is asked about today; of the other collected invented pairs `PER_KIND` of each kind, evenly spread."""
    out = [p for p in pairs if p["source"] == "hand" or p["label"] == "faithful" or p["undecided"]]
    for kind in sorted({p["kind"] for p in pairs}):
        rest = [p for p in pairs if p["source"] != "hand" and p["label"] == "invented" and p["kind"] == kind
                and not p["undecided"]]
        step = max(1, len(rest) // PER_KIND)
        out += rest[::step][:PER_KIND]
    order = {id(p): n for n, p in enumerate(pairs)}
    return sorted(out, key=lambda p: order[id(p)])


def marked_clause(pair: dict) -> str:
    clause, marked = pair["clause"], pair["marked"]
    return clause.replace(marked, f"【{marked}】", 1) if marked in clause else f"{clause}（【{marked}】）"


def messages(variant: str, pair: dict) -> list[dict]:
    system, user = VARIANTS[variant]
    if variant == "c":  # session 19's item question on the same pair
        text = render(user, fact="；".join(pair["facts"]), draft=pair["clause"], number="")
    elif variant == "now":  # today's claim judge
        text = render(user, facts=pair["facts"], context=[], sentence=pair["sentence"], clause=pair["clause"])
    else:
        text = render(user, facts=pair["facts"], marked_clause=marked_clause(pair))
    return [{"role": "system", "content": render(system)}, {"role": "user", "content": text}]


def report(variant: str, pairs: list[dict], scores: dict[str, float]) -> None:
    pairs = [p for p in pairs if p["id"] in scores]
    choose, held = halves(pairs)
    split = lambda ps, lab: [scores[p["id"]] for p in ps if p["label"] == lab]  # noqa: E731
    m = margin_for(split(choose, "invented"))
    line = [f"variant {variant}: margin {m:+.2f}"]
    for name, part in (("choosing", choose), ("held", held)):
        pos, neg = split(part, "faithful"), split(part, "invented")
        cleared = sum(s >= m for s in pos), sum(s >= m for s in neg)
        line.append(f"{name} AUC {auc(pos, neg):.3f} faithful cleared {cleared[0]}/{len(pos)} "
                    f"invented cleared {cleared[1]}/{len(neg)}")
    print(" | ".join(line))
    groups = {"hand": lambda p: p["source"] == "hand", "collected": lambda p: p["source"] != "hand",
              "undecided today": lambda p: bool(p["undecided"])}
    for name, keep in groups.items():
        part = [p for p in pairs if keep(p)]
        pos, neg = split(part, "faithful"), split(part, "invented")
        print(f"  {name}: AUC {auc(pos, neg):.3f} ({len(pos)} faithful, {len(neg)} invented)")
    for kind in ("actor", "place", "time", "honour", "object", "activity"):
        neg = [scores[p["id"]] for p in pairs if p["kind"] == kind]
        print(f"  {kind}: AUC {auc(split(pairs, 'faithful'), neg):.3f} ({len(neg)})", end="")
    print()


def load_pairs() -> list[dict]:
    return scored(json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"])


def score(variants: list[str]) -> None:
    from drafter.providers.local import LocalModel
    from drafter.settings import Settings

    pairs = load_pairs()
    model = LocalModel(Path(os.environ.get("DRAFTER_LOCAL_MODEL") or Settings().local_model_path), n_ctx=2048)
    model.load()
    print(f"{model.model_path.name}, {model.n_threads} threads, load average {os.getloadavg()[0]:.1f}, "
          f"{len(pairs)} pairs ({sum(p['label'] == 'faithful' for p in pairs)} faithful)")
    SCORES.mkdir(parents=True, exist_ok=True)
    for v in variants:  # a run may stop (CLAIM_PROBE_LIMIT pairs a run: short model jobs) and resume
        path = SCORES / f"{v}.json"
        scores = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        every = int(os.environ.get("CLAIM_PROBE_EVERY", "1"))  # every k-th pair only: a quick look at a variant
        todo = [p for p in pairs[::every] if p["id"] not in scores][:int(os.environ.get("CLAIM_PROBE_LIMIT", "100000"))]
        read, seconds = 0, 0.0
        for p in todo:
            answer = model.yes_no(messages(v, p))
            scores[p["id"]], read, seconds = answer.score, read + (answer.tokens_read or 0), seconds + answer.elapsed_s
        path.write_text(json.dumps(scores, ensure_ascii=False, indent=0), encoding="utf-8")
        report(v, pairs, scores)
        if todo:
            print(f"  {len(scores)}/{len(pairs)} scored; this run {read / len(todo):.0f} tokens read a pair, "
                  f"{seconds / len(todo):.2f} s a pair, {read / seconds:.0f} tokens/s, "
                  f"load average {os.getloadavg()[0]:.1f}")


def report_all(variants: list[str]) -> None:
    pairs = load_pairs()
    for v in variants:
        if (SCORES / f"{v}.json").exists():
            report(v, pairs, json.loads((SCORES / f"{v}.json").read_text(encoding="utf-8")))


def main(argv: list[str]) -> None:
    if argv[:1] == ["collect"]:
        data = json.loads(PAIRS.read_text(encoding="utf-8")) if PAIRS.exists() else {"about": "", "pairs": []}
        data["pairs"] = collect() + [p for p in data["pairs"] if p["source"] == "hand"]
        PAIRS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(data['pairs'])} pairs")
    elif argv[:1] == ["report"]:
        report_all(argv[1:] or list(VARIANTS))
    else:
        score(argv[1:] or ["a", "b"])


if __name__ == "__main__":
    main(sys.argv[1:])
