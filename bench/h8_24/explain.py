"""Why each book heading got its verdict on this tree: each rule's own figures (calls.json from run_book.py book).

    PYTHONPATH=. python bench/h8_24/explain.py [good|bad] [verdict] [calls file]
"""

import json
import sys
from pathlib import Path

from drafter.numcheck import check
from drafter.pipeline import heading_meaning
from drafter.pipeline.backing import reported
from drafter.pipeline.model_titles import unwritten
from drafter.pipeline.prompting import render
from drafter.pipeline.themes import load_book

HERE = Path(__file__).resolve().parent


def explain(call: dict) -> str:
    facts, title = call["facts"], call["reply"]
    parts = [f"words={heading_meaning.content_words(title)}"]
    if call["verdict"] == "unrelated":
        found = heading_meaning.content_words(title)
        holding = sum(1 for f in facts if heading_meaning._holds(f, found))
        parts.append(f"unsaid={heading_meaning.unsaid(title, facts)} facts holding={holding}/{len(facts)}")
    if call["verdict"] in ("claim", "themes"):
        said = [reported(f) for f in facts]
        opening = render("template/opening.j2", org="工会", period="今年", kind="年度总结", topic="", titles=[title])
        claims = [str(getattr(c, "text", c))[:60] for t in (f"一、{title}", opening) for c in check(list(facts), t).claims]
        parts.append(f"unbacked={load_book().unbacked(title, said)} unwritten={unwritten(title, facts)} claims={claims[:3]}")
    return " | ".join(parts)


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "good"
    verdict = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
    calls = sys.argv[3] if len(sys.argv) > 3 else "calls.json"
    seen = set()
    for call in json.loads((HERE / calls).read_text()):
        if call["label"] != label or verdict and call["verdict"] != verdict or (call["n"], call["verdict"]) in seen:
            continue
        seen.add((call["n"], call["verdict"]))
        print(f"{call['n']:3} {call['verdict']:9} {call['reply']}\n    {explain(call)}")


if __name__ == "__main__":
    main()
