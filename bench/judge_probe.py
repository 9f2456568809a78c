"""The model judge's scores on the held-out strong-style sets (issue 19): which undecided claims a margin clears.

    flock /tmp/drafter-model.lock .venv/bin/python bench/judge_probe.py [5 6 7 8]   (1 = strong_heldout.json)

For every paragraph of the named held-out sets (tests/data/strong_heldout<N>.json) whose undecided claims
(drafter.numcheck.undecided) include a faithful paragraph's claim or an invented detail's, the local model
(DRAFTER_LOCAL_MODEL or the installed GGUF) is asked about each, and its score (logit 是 − 否) is printed; then, per
margin, how many faithful paragraphs would have all their claims cleared and how many invented details would be.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.numcheck import check, load_lexicon  # noqa: E402
from drafter.numcheck.factset import fact_set  # noqa: E402
from drafter.numcheck.undecided import undecided  # noqa: E402
from drafter.pipeline.judging import Judge, MemoryCache  # noqa: E402
from drafter.providers.local import LocalModel  # noqa: E402
from drafter.settings import Settings  # noqa: E402
from tests.strong_set import DATA, load  # noqa: E402

MARGINS = (1.5, 1.8, 2.0, 2.1, 2.2, 2.5)


def main(names: list[str]) -> None:
    lex = load_lexicon()
    model = LocalModel(Path(os.environ.get("DRAFTER_LOCAL_MODEL") or Settings().local_model_path), n_ctx=4096)
    model.load()
    print(f"{model.model_path.name}, {model.n_threads} threads, load average {os.getloadavg()[0]:.1f}")
    rows, calls, start = [], [], time.perf_counter()
    for name in names:
        for p in load(DATA.with_name(f"strong_heldout{'' if name == '1' else name}.json")):
            result = check(p.facts, p.text, lexicon=lex)
            asks = undecided(p.text, result, fact_set(p.facts, (), lex).support, lex.faith)
            if not asks:
                continue
            judge = Judge(model, MemoryCache(), margin=-1e9)  # clears all: the scores are read below
            judged = judge.review(p.facts, [], p.text, result, lex)
            calls += judge.calls
            if p.kind == "faithful":
                if judged.claims or any(h.status != "supported" for h in result.numbers):
                    continue  # a claim the judge is not asked about stands whatever it says
                scores = [c.judge.score for c in judged.cleared]
                rows.append((p.id, "faithful", min(scores)))
            else:
                s, e = p.span
                over = [c for c in result.claims if c.start < e and s < c.end]
                numbers = [h for h in result.numbers if h.status != "supported" and h.start < e and s < h.end]
                if any(c.start < e and s < c.end for c in judged.claims) or numbers or not over:
                    continue  # caught by a flag the judge never clears (or not caught at all)
                rows.append((p.id, p.kind, min(c.judge.score for c in judged.cleared if c.start < e and s < c.end)))
            print(f"  {rows[-1][0]:16s} {rows[-1][1]:9s} {rows[-1][2]:+.2f}")
    seconds = time.perf_counter() - start
    print(f"{len(calls)} clauses asked, {sum(c.tokens_read or 0 for c in calls)} tokens read, {seconds:.1f} s")
    for margin in MARGINS:
        faithful = sum(1 for r in rows if r[1] == "faithful" and r[2] >= margin)
        invented = sum(1 for r in rows if r[1] != "faithful" and r[2] >= margin)
        print(f"margin {margin:.1f}: faithful paragraphs cleared {faithful}, invented details cleared {invented}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["5", "6", "7", "8"])
