"""Why each refused book heading was refused: the rule's own figures (calls.json from run_book.py book).

    PYTHONPATH=. python bench/h5_24/explain.py [good|bad] [verdict]
"""

import json
import sys
from pathlib import Path

from drafter.numcheck import check
from drafter.pipeline.backing import reported
from drafter.pipeline.heading_rules import bare, content_bigrams
from drafter.pipeline.model_titles import unwritten
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import fits
from drafter.pipeline import heading_meaning

HERE = Path(__file__).resolve().parent


def explain(call: dict) -> str:
    facts, title = call["facts"], call["reply"]
    said = [reported(f) for f in facts]
    words = sorted(content_bigrams(bare(title)))
    found = {w: sum(1 for f in said if w in f) for w in words}
    holding = sum(1 for f in said if any(w in f for w in words))
    parts = [f"bigrams {found} holding {holding}/{len(facts)}"]
    if call["verdict"] in ("claim", "themes"):
        claims = check(list(facts), f"一、{title}").claims
        parts.append(f"unbacked={load_book().unbacked(title, said)} unwritten={unwritten(title, facts)} "
                     f"claims={[getattr(c, 'text', c) for c in claims][:3]} fits={fits(facts, title)}")
    if call["verdict"] == "themes":
        clear = {t.key: sum(1 for f in facts if t.keyword_score(f) > 0) for t in load_book().themes}
        parts.append(f"clear={ {k: v for k, v in clear.items() if v} } heading_themes="
                     f"{[t.key for t in load_book().themes if t.keyword_score(title) > 0]}")
    parts.append(f"meaning_relevant={heading_meaning.relevant(title, facts)} words={heading_meaning.content_words(title)}")
    return " | ".join(parts)


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "good"
    verdict = sys.argv[2] if len(sys.argv) > 2 else None
    for call in json.loads((HERE / "calls.json").read_text()):
        if call["label"] != label or call["verdict"] == "taken" or verdict and call["verdict"] != verdict:
            continue
        print(f"{call['verdict']:9} {call['reply']}  <- {[f[:18] for f in call['facts'][:8]]}\n    {explain(call)}")


if __name__ == "__main__":
    main()
