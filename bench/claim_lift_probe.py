"""Does reading the facts make a claim's words more likely? A judge by conditional likelihood (issue 19 item 5,
session 21, helper h1).

    flock /tmp/drafter-model.lock .venv/bin/python bench/claim_lift_probe.py score [claims|items] [plain chat]
    .venv/bin/python bench/claim_lift_probe.py report [claims|items]

A small model answers questions poorly (session 20: it says 是 to nearly everything) but predicts text well. So
instead of asking, read the draft sentence after three contexts and compare the log-probabilities of its tokens:
`facts` (the pair's fact lines), `none` (the same frame without facts) and `other` (another pair's facts, so both
contexts have the same length and form). A faithful rewording gains from its facts; an invented place, leader,
honour or object gains nothing. Templates: `plain` (prompts/claim_lift_plain.j2, the sentence follows as text)
and `chat` (the model's chat format: prompts/claim_lift_system.j2, claim_lift_user.j2, the sentence is the
assistant's answer). The facts come first, so llama.cpp reuses its cached prefix where it can.

`score` stores each pair's per-token log-probabilities of the marked words and of the whole clause under each
context (LIFT_PROBE_OUT, default /tmp/claim_lift_scores; LIFT_PROBE_LIMIT pairs a run, then it resumes;
LIFT_PROBE_EVERY=k: every k-th pair only).
`report` turns them into scores: lift = lp(facts) - lp(base) for base none or other, over the marked tokens or the
clause's, aggregated by sum, mean or min (per-token lift); it chooses the score with the best AUC on the choosing
half and reports the held half (bench/item_judge_probe.halves: alternate pairs of each label in file order), the
margin clearing at most 5 % of the choosing half's invented pairs, and the shares it clears.
Pairs: tests/data/claim_pairs20.json (the 309 the claim probe scores) or tests/data/item_pairs19.json (the fact,
the draft clause as sentence, clause and marked words).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.item_judge_probe import auc, halves, margin_for  # noqa: E402
from drafter.pipeline.prompting import render  # noqa: E402

OUT = Path(os.environ.get("LIFT_PROBE_OUT", "/tmp/claim_lift_scores"))
CONTEXTS = ("facts", "none", "other")
_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def load(which: str) -> list[dict]:
    if which == "items":
        from bench.item_judge_probe import PAIRS
        pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
        return [{**p, "label": "faithful" if p["label"] == "faithful" else "invented", "facts": [p["fact"]],
                 "sentence": p["draft"], "clause": p["draft"], "marked": p["draft"]} for p in pairs]
    from bench.claim_judge_probe import load_pairs
    return load_pairs()


def segments(pair: dict) -> tuple[str, str, str, str]:
    """(sentence before the clause, clause before the marked words, the marked words, the rest of the clause)."""
    sentence, clause, marked = pair["sentence"], pair["clause"], pair["marked"]
    cs = max(sentence.find(clause), 0)
    ms = clause.find(marked)
    if ms < 0:
        return sentence[:cs], clause, "", ""
    return sentence[:cs], clause[:ms], marked, clause[ms + len(marked):]


def others(pairs: list[dict]) -> dict[str, list[str]]:
    """Each pair's neutral facts: the first pair from half the list on whose facts share no bigram with its own."""
    out = {}
    for i, p in enumerate(pairs):
        own = set(_BIGRAM.findall("".join(p["facts"]) + p["clause"]))
        for k in range(len(pairs) // 2, len(pairs) + len(pairs) // 2):
            q = pairs[(i + k) % len(pairs)]
            if not own & set(_BIGRAM.findall("".join(q["facts"]))):
                out[p["id"]] = q["facts"]
                break
        else:
            out[p["id"]] = pairs[(i + len(pairs) // 2) % len(pairs)]["facts"]
    return out


def context_tokens(llama, template: str, facts: list[str]) -> list[int]:
    if template == "plain":
        return llama.tokenize(render("claim_lift_plain.j2", facts=facts).encode("utf-8"), add_bos=False,
                              special=False)
    from drafter.providers.local_yes_no import prompt_tokens
    return prompt_tokens(llama, [{"role": "system", "content": render("claim_lift_system.j2")},
                                 {"role": "user", "content": render("claim_lift_user.j2", facts=facts)}])


def logprobs(llama, tokens: list[int], start: int) -> tuple[np.ndarray, int]:
    """log P(tokens[i] | tokens[:i]) for i >= start, reading only what differs from the tokens llama.cpp holds
    (every row of Llama.scores is kept: logits_all). Returns them and the number of tokens read."""
    kept = 0
    for a, b in zip(llama.input_ids[:llama.n_tokens], tokens):
        if a != b:
            break
        kept += 1
    kept = min(kept, len(tokens) - 1)
    llama.n_tokens = kept
    llama.eval(tokens[kept:])
    rows = np.asarray(llama.scores[start - 1:len(tokens) - 1], dtype=np.float64)
    top = rows.max(axis=1, keepdims=True)
    norm = top[:, 0] + np.log(np.exp(rows - top).sum(axis=1))
    return rows[np.arange(len(rows)), tokens[start:]] - norm, len(tokens) - kept


def score_pair(llama, template: str, pair: dict, other: list[str]) -> tuple[dict, int]:
    """Per context, the log-probabilities of the marked tokens and of the clause's tokens."""
    parts = [llama.tokenize(s.encode("utf-8"), add_bos=False, special=False) if s else [] for s in segments(pair)]
    ends = np.cumsum([len(p) for p in parts])
    sentence = [t for p in parts for t in p]
    row, read = {}, 0
    for name, facts in (("facts", pair["facts"]), ("none", []), ("other", other)):
        ctx = context_tokens(llama, template, facts)
        lp, n = logprobs(llama, ctx + sentence[:ends[3]], len(ctx))
        read += n
        row[name] = {"marked": [round(x, 4) for x in lp[ends[1]:ends[2]]],
                     "clause": [round(x, 4) for x in lp[ends[0]:ends[3]]]}
    return row, read


def score(which: str, templates: list[str]) -> None:
    from llama_cpp import Llama

    from drafter.providers.local import available_threads
    from drafter.settings import Settings

    pairs, path = load(which), Path(os.environ.get("DRAFTER_LOCAL_MODEL") or Settings().local_model_path)
    threads = available_threads()
    llama = Llama(model_path=str(path), n_ctx=512, n_threads=threads, logits_all=True, verbose=False)
    print(f"{path.name}, {threads} threads, load average {os.getloadavg()[0]:.1f}, {len(pairs)} {which} pairs")
    neutral = others(pairs)
    OUT.mkdir(parents=True, exist_ok=True)
    for template in templates:
        file = OUT / f"{which}_{template}.json"
        rows = json.loads(file.read_text(encoding="utf-8")) if file.exists() else {}
        every = int(os.environ.get("LIFT_PROBE_EVERY", "1"))  # every k-th pair only: a sample in short model time
        todo = [p for p in pairs[::every] if p["id"] not in rows][:int(os.environ.get("LIFT_PROBE_LIMIT", "100000"))]
        read, started = 0, time.perf_counter()
        for n_done, p in enumerate(todo, 1):
            rows[p["id"]], n = score_pair(llama, template, p, neutral[p["id"]])
            read += n
            if n_done % 10 == 0 or n_done == len(todo):  # a run stopped early keeps what it scored
                file.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        seconds = time.perf_counter() - started
        if todo:
            print(f"{template}: {len(rows)}/{len(pairs)} scored; this run {read / len(todo):.0f} tokens read a pair, "
                  f"{seconds / len(todo):.2f} s a pair, {read / seconds:.0f} tokens/s, "
                  f"load average {os.getloadavg()[0]:.1f}")
        report(which, template, pairs, rows)


AGGREGATES = {"sum": np.sum, "mean": np.mean, "min": np.min}


def features(row: dict) -> dict[str, float]:
    """Every score of one pair: lift over base none/other, of the marked or clause tokens, by sum/mean/min;
    and `lp` (the facts context's own mean log-probability, no lift) for comparison."""
    out = {}
    for span in ("marked", "clause"):
        own = np.array(row["facts"][span])
        if not len(own):
            own = np.array(row["facts"]["clause"])
            span_rows = {b: np.array(row[b]["clause"]) for b in ("none", "other")}
        else:
            span_rows = {b: np.array(row[b][span]) for b in ("none", "other")}
        out[f"lp {span} mean"] = float(own.mean())
        for base, theirs in span_rows.items():
            for agg, f in AGGREGATES.items():
                out[f"lift/{base} {span} {agg}"] = float(f(own - theirs))
    return out


def report(which: str, template: str, pairs: list[dict], rows: dict) -> None:
    pairs = [p for p in pairs if p["id"] in rows]
    if not pairs:
        return
    feats = {p["id"]: features(rows[p["id"]]) for p in pairs}
    choose, held = halves(pairs)
    values = lambda ps, lab, k: [feats[p["id"]][k] for p in ps if p["label"] == lab]  # noqa: E731
    names = list(next(iter(feats.values())))
    ranked = sorted(names, key=lambda k: -auc(values(choose, "faithful", k), values(choose, "invented", k)))
    print(f"{which}, template {template}: {len(pairs)} pairs; AUC choosing / held per score")
    for k in ranked:
        print(f"  {k:24s} {auc(values(choose, 'faithful', k), values(choose, 'invented', k)):.3f} / "
              f"{auc(values(held, 'faithful', k), values(held, 'invented', k)):.3f}")
    best = ranked[0]
    m = margin_for(values(choose, "invented", best))
    line = [f"chosen {best}: margin {m:+.3f}"]
    for name, part in (("choosing", choose), ("held", held)):
        pos, neg = values(part, "faithful", best), values(part, "invented", best)
        line.append(f"{name} faithful cleared {sum(s >= m for s in pos)}/{len(pos)} "
                    f"invented cleared {sum(s >= m for s in neg)}/{len(neg)}")
    print("  " + " | ".join(line))
    kinds = sorted({p["kind"] for p in pairs if p["label"] == "invented"})
    pos = values(pairs, "faithful", best)
    print("  per kind (all pairs): " + ", ".join(
        f"{k} {auc(pos, [feats[p['id']][best] for p in pairs if p['kind'] == k]):.3f}" for k in kinds))


def main(argv: list[str]) -> None:
    which = argv[1] if len(argv) > 1 and argv[1] in ("claims", "items") else "claims"
    templates = [a for a in argv[1:] if a in ("plain", "chat")] or ["plain", "chat"]
    if argv[:1] == ["report"]:
        pairs = load(which)
        for t in templates:
            file = OUT / f"{which}_{t}.json"
            if file.exists():
                report(which, t, pairs, json.loads(file.read_text(encoding="utf-8")))
    else:
        score(which, templates)


if __name__ == "__main__":
    main(sys.argv[1:])
