"""The first check's work counted, not timed: Python opcodes executed per cold check (issue 19's throughput).

    .venv/bin/python bench/numcheck_opcodes.py [--set reworded|strong|self] [--top N]

On the shared 2 cores a timing moves by 10-20 % with the load, so a change of a few per cent cannot be seen in
`bench/numcheck_bench.py`; the opcodes a check executes do not depend on the load (sys.settrace with opcode
events, about 50 times slower than a plain run). The check is pure Python but for its regexes and dict and set
look-ups (work in C, not counted), so fewer opcodes is less time only roughly: compare the timings too.
Sets: the 20 labelled local drafts of the bench requests (as the bench's reworded-drafts line), the strong set's
paragraphs (tests/data/strong_paragraphs.json) or 10 corpus examples against their own sentences (the self-check);
each check with no fact set and no text kept from before (numcheck_bench.forget). --top N: the N functions with the
most opcodes of their own.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numcheck_bench as nb  # noqa: E402

from drafter.numcheck import check, load_lexicon  # noqa: E402


def cases(name: str) -> list[tuple[list[str], list[str], str]]:
    if name == "strong":
        from tests.strong_set import load

        return [(p.facts, [], p.text) for p in load()]
    if name == "self":
        return [(nb.sentences(t), [], t) for t in nb.corpus()[:10]]
    return nb.reworded_cases()


def count(checks: list[tuple[list[str], list[str], str]]) -> Counter:
    """Opcodes executed per function (file:name) over one cold check of each case."""
    own: Counter = Counter()

    def tracer(frame, event, arg):
        frame.f_trace_opcodes = True
        if event == "opcode":
            own[f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}"] += 1
        return tracer

    for facts, context, draft in checks:
        load_lexicon().fact_sets.clear()
        nb.forget()
        sys.settrace(tracer)
        try:
            check(facts, draft, context=context)
        finally:
            sys.settrace(None)
    return own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("reworded", "strong", "self"), default="reworded")
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args()
    checks = cases(args.set)
    for facts, context, draft in checks:  # dictionaries loaded first (jieba's, 词林), as in the bench
        check(facts, draft, context=context)
    own = count(checks)
    total = sum(own.values())
    size = sum(len(d.encode("utf-8")) for _, _, d in checks) / 1024
    print(f"{args.set}: {len(checks)} checks, {size:.0f} KB, {total:,} opcodes ({total / size / 1000:.0f} k per KB)")
    for name, n in own.most_common(args.top):
        print(f"  {n / total:6.1%} {name}")


if __name__ == "__main__":
    main()
