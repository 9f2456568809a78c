"""Draft summaries of the structure set (bench/plan_set.py) held out of the library, as plan_bench holds them out,
and write each draft beside its facts and the summary's own headings (markdown) for reading.

    PYTHONPATH=. .venv/bin/python bench/drafts_read22/draft_held.py --provider template --tag before
    DRAFTER_LOCAL_MODEL=… flock /tmp/drafter-model.lock nice -n 10 .venv/bin/python \
        bench/drafts_read22/draft_held.py --provider local --only s000_03.md --only s003_05.md --speed --tag before
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.models import DraftRequest  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

# the four read in session 22: annual, half-year, single-topic 送温暖, many facts (28)
PICKS = {"s002_12.md": ("2025年", None), "s003_05.md": ("2025年上半年", None),
         "s000_03.md": ("2025年", "送温暖"), "s002_09.md": ("2025年", None)}


def draft_one(service: DrafterService, item, provider: str, picks: dict = PICKS) -> tuple[str, dict]:
    period, topic = picks[item.example_id]
    hidden = HeldOutLibrary(service.library, {item.example_id, *item.copies})
    service.scoped_library = lambda author=None: hidden  # every retrieval of this draft skips the held-out summary
    request = DraftRequest(org="某公司工会", period=period, kind=item.kind, topic=topic, facts=list(item.facts))
    started = time.perf_counter()
    result = service.draft(request, provider)
    figures = {"seconds": round(time.perf_counter() - started, 1), "check_ok": result.check.ok,
               "claims": [f"{c.kind}: {c.text}" for c in result.check.claims],
               "numbers_not_supported": [n.model_dump(exclude_none=True) for n in result.check.numbers
                                         if getattr(n, "status", "supported") != "supported"],
               "missing": [m.model_dump(exclude_none=True) for m in result.check.missing],
               "calls": result.usage.calls, "tokens_read": result.usage.prompt_tokens,
               "tokens_written": result.usage.completion_tokens,
               "sections_model": sum(1 for s in result.sections if s.provider != "template"),
               "repairs": sum(len(s.repairs) for s in result.sections), "warnings": result.warnings}
    return result.text, figures


def page(item, text: str, figures: dict, provider: str) -> str:
    facts = [f"{i}. [{item.headings[s]}] {f}" for i, (f, s) in enumerate(zip(item.facts, item.sections), 1)]
    return "\n".join([f"# {item.example_id} ({item.kind}, {len(item.facts)} facts) — {provider}", "",
                      f"Own headings: {' | '.join(item.headings)}", "", "Facts ([own section]):", "", *facts, "",
                      "Draft:", "", *[f"> {line}" if line else ">" for line in text.splitlines()], "",
                      "Figures:", "", "```", json.dumps(figures, ensure_ascii=False, indent=1), "```", ""])


def main(picks: dict = PICKS, out_dir: Path = Path(__file__).parent) -> None:
    """Draft `picks` (summary file -> (period, topic)) and write each page into `out_dir` (session 23's reading
    calls this with its own picks: bench/drafts_read23/draft_held.py)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--provider", default="template")
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--tag", default="before")
    parser.add_argument("--speed", action="store_true", help="measure the local model first")
    args = parser.parse_args()
    settings = Settings()
    service = DrafterService(settings)
    if args.speed:
        from providers_local_speed import measure

        print("model speed:", json.dumps(measure(settings, rounds=2), ensure_ascii=False), flush=True)
    wanted = args.only or list(picks)
    for item in [h for h in build(ROOT / "samples") if h.example_id in wanted]:
        text, figures = draft_one(service, item, args.provider, picks)
        out = out_dir / f"{item.example_id[:-3]}_{args.provider}_{args.tag}.md"
        out.write_text(page(item, text, figures, args.provider), encoding="utf-8")
        print(item.example_id, json.dumps({k: v for k, v in figures.items() if k != "warnings"}, ensure_ascii=False),
              flush=True)


if __name__ == "__main__":
    main()
