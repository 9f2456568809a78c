"""The strong-model path: every bench request drafted with `--provider openai` against the scripted
OpenAI-compatible server (tests/strong_server.py), which answers drafter's real prompts with prose written in
advance in a strong hosted model's style (bench/strong/<request>.json).

    .venv/bin/python bench/strong_bench.py [--only annual_2025] [--variant faithful|embellished|both] [--json]
                                           [--show]

Per request: sentences offered, kept verbatim, rewritten (written again alone and kept) and replaced (by the
fact's template sentence, or with their whole section); leads offered and kept; openings and closings kept; the
final `faithful` verdict; the reason for every rejection (the writer's note, and what the check found in the
sentence). With the embellished variant (planted: a leader who took part, a place, an honour, an extra activity,
a near-miss object): whether each planted embellishment was flagged (its sentence not kept, its words not in the
draft). Targets: >= 90 % of faithful sentences and >= 90 % of leads kept verbatim; 10/10 faithful drafts end
faithful; every planted embellishment flagged. Exit status 1 when a target is missed.
The library is ingested on first use (DRAFTER_DATA_DIR, default .drafter).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from drafter.cli.draft_cmds import read_request  # noqa: E402
from drafter.models import DraftResult  # noqa: E402
from drafter.numcheck import check, lexicon_for  # noqa: E402
from drafter.pipeline.cleanup import clean_paragraph, tidy_sentence  # noqa: E402
from drafter.pipeline.defects import sentence_artifacts  # noqa: E402
from drafter.pipeline.leads import KEY, restates  # noqa: E402
from drafter.pipeline.verify import verification_inputs  # noqa: E402
from drafter.pipeline.writer import LEAD_CHARS, LONGEST, without_opener  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402
from strong_server import BOOK_DIR, Prose, ScriptedServer, load_book  # noqa: E402

REQUESTS = ROOT / "bench" / "requests"
TARGETS = {"sentences": 0.9, "leads": 0.9}


def request_path(name: str) -> Path:
    return next(p for p in REQUESTS.iterdir() if p.stem == name)


def run_one(service: DrafterService, prose: Prose, variant: str, book: dict[str, Prose]) -> dict:
    request = read_request(request_path(prose.name))
    with ScriptedServer(book, variant=variant) as server:
        service.settings = service.settings.model_copy(update={"openai_base_url": server.base_url})
        service.__dict__.pop("providers", None)
        result, plan = None, None
        for event in service.draft_events(request, "openai"):
            if event.type == "plan":
                plan = event.data
            elif event.type == "done":
                result = DraftResult.model_validate(event.data["result"])
        unknown, truncated = list(server.unknown), server.truncated
    assert result is not None and plan is not None
    return tally(service.settings, request, prose, variant, plan, result) | {"unknown_prompts": unknown,
                                                                              "truncated_replies": truncated}


def tally(settings: Settings, request, prose: Prose, variant: str, plan: dict, result: DraftResult) -> dict:
    """What was offered, what was kept, and why anything was not."""
    facts, context = verification_inputs(request, settings)
    lexicon = lexicon_for(settings)
    text = KEY.sub("", result.text)
    row = {"request": prose.name, "variant": variant, "offered": 0, "kept": 0, "rewritten": 0, "replaced": 0,
           "leads_offered": 0, "leads_kept": 0, "frames_offered": 0, "frames_kept": 0,
           "faithful": result.check.faithful, "ok": result.check.ok, "rejections": [], "planted": [],
           "final_claims": [c.text for c in result.check.claims], "draft": result.text}
    row["frames"] = [s.text for p, s in zip(plan["sections"], result.sections) if p["role"] in ("opening", "closing")]
    for planned, section in zip(plan["sections"], result.sections):
        role = planned["role"]
        notes = section.repairs + ([section.fallback_reason] if section.fallback_reason else [])
        if role in ("opening", "closing"):
            offered = clean_paragraph(prose.opening if role == "opening" else prose.closing)
            row["frames_offered"] += 1
            kept = KEY.sub("", offered) in text
            row["frames_kept"] += kept
            if not kept:
                row["rejections"].append({"what": role, "text": offered, "why": notes,
                                          "found": _found([], offered, context + facts, lexicon)})
            continue
        lines = ([facts[i - 1] for i in planned["facts"]] if role == "body"
                 else list(request.problems if role == "problems" else request.plans))
        lead = prose.leads.get(role) if role != "body" else prose.sentences[lines[0]].get("lead")
        if lead:
            row["leads_offered"] += 1
            kept = KEY.sub("", without_opener(tidy_sentence(lead, most=1))) in text
            row["leads_kept"] += kept
            if not kept:
                why = [section.fallback_reason] if section.fallback else _lead_problems(lead, lines, lexicon)
                row["rejections"].append({"what": "lead", "text": lead, "why": why,
                                          "found": _found(lines, lead, [], lexicon)})
        for number, line in enumerate(lines, start=1):
            planted = prose.embellished.get(line) if variant == "embellished" else None
            offered = planted["text"] if planted else prose.sentences[line]["text"]
            sentence = without_opener(tidy_sentence(offered))
            row["offered"] += 1
            kept = KEY.sub("", sentence) in text
            mine = [n for n in notes if n.startswith(f"第{number}句")] or [n for n in notes if "本节" in n]
            if kept:
                row["kept"] += 1
            elif any("单独重写" in n for n in mine):
                row["rewritten"] += 1
            else:
                row["replaced"] += 1
            if not kept:
                row["rejections"].append({"what": f"{planned['heading'] or role} 第{number}句", "text": sentence,
                                          "why": mine or notes, "planted": planted["kind"] if planted else None,
                                          "found": _found([line], sentence, context, lexicon)})
            if planted:
                gone = KEY.sub("", planted["planted"]) not in text
                row["planted"].append({"kind": planted["kind"], "planted": planted["planted"],
                                       "flagged": not kept and gone})
    return row


def _found(lines: list[str], sentence: str, context: list[str], lexicon) -> list[str]:
    """What the check (and the writer's text rules) find in `sentence` checked against `lines` alone."""
    result = check(lines, sentence, context=context, lexicon=lexicon)
    found = [f"{c.kind}:{c.text}" + (f"（{c.note}）" if c.note else "") for c in result.claims]
    found += [f"number {h.status}:{h.text}" for h in result.numbers if h.status != "supported"]
    found += [f"missing:{m.text}" for m in result.missing]
    found += [f"text rule:{r}" for r in sentence_artifacts(sentence, allowed="".join(lines))]
    if lines and len(sentence) > LONGEST * len(lines[0]) + 20:
        found.append("too long")
    return found


def _lead_problems(lead: str, lines: list[str], lexicon) -> list[str]:
    result = check(lines, lead, lexicon=lexicon)
    why = []
    if not LEAD_CHARS[0] <= len(lead) <= LEAD_CHARS[1]:
        why.append(f"length {len(lead)}")
    if result.numbers:
        why.append("numbers: " + "、".join(h.text for h in result.numbers))
    if result.claims:
        why.append("claims: " + "、".join(c.text for c in result.claims))
    if restates(lead, lines):
        why.append("restates its facts")
    return why or ["echoes the prompt or an earlier lead, or copies a reference"]


def summary(rows: list[dict]) -> dict:
    faithful = [r for r in rows if r["variant"] == "faithful"]
    planted = [p for r in rows for p in r["planted"]]
    offered = sum(r["offered"] for r in faithful)
    leads = sum(r["leads_offered"] for r in faithful)
    out = {"drafts": len(faithful), "faithful_drafts": sum(r["faithful"] for r in faithful),
           "sentences_kept": sum(r["kept"] for r in faithful) / offered if offered else None,
           "leads_kept": sum(r["leads_kept"] for r in faithful) / leads if leads else None,
           "frames_kept": (sum(r["frames_kept"] for r in faithful), sum(r["frames_offered"] for r in faithful)),
           "planted": len(planted), "planted_flagged": sum(p["flagged"] for p in planted),
           "embellished_drafts_faithful": sum(r["faithful"] for r in rows if r["variant"] == "embellished"),
           "planted_by_kind": {kind: (sum(p["flagged"] for p in planted if p["kind"] == kind),
                                      sum(p["kind"] == kind for p in planted))
                               for kind in dict.fromkeys(p["kind"] for p in planted)},
           "faithful_drafts_false_only_on_frames": sum(
               not r["faithful"] and r["ok"] and all(any(c in f for f in r["frames"]) for c in r["final_claims"])
               for r in faithful)}
    out["met"] = ((not faithful or (out["faithful_drafts"] == len(faithful)
                                    and (out["sentences_kept"] or 0) >= TARGETS["sentences"]
                                    and (out["leads_kept"] or 0) >= TARGETS["leads"]))
                  and out["planted_flagged"] == out["planted"])
    return out


def print_row(row: dict, show: bool) -> None:
    print(f"{row['request']:28} {row['variant']:11} sentences {row['kept']}/{row['offered']} kept, "
          f"{row['rewritten']} rewritten, {row['replaced']} replaced; leads {row['leads_kept']}/{row['leads_offered']};"
          f" opening+closing {row['frames_kept']}/{row['frames_offered']}; faithful {row['faithful']}"
          + (f"; planted flagged {sum(p['flagged'] for p in row['planted'])}/{len(row['planted'])}"
             if row["planted"] else "")
          + (f"; unknown prompts {len(row['unknown_prompts'])}" if row["unknown_prompts"] else "")
          + (f"; replies cut at max_tokens {row['truncated_replies']}" if row["truncated_replies"] else ""))
    for r in row["rejections"]:
        tag = f" [planted {r['planted']}]" if r.get("planted") else ""
        print(f"    ✗ {r['what']}{tag}: {r['text']}\n        writer: {'；'.join(r['why']) or '-'}"
              f"\n        check:  {'；'.join(r['found']) or '-'}")
    for p in row["planted"]:
        if not p["flagged"]:
            print(f"    ! planted {p['kind']} 「{p['planted']}」 NOT flagged")
    if row["final_claims"]:
        print(f"    final check claims: {row['final_claims']}")
    if show:
        print(row["draft"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", help="request name(s), e.g. annual_2025")
    parser.add_argument("--variant", choices=["faithful", "embellished", "both"], default="both")
    parser.add_argument("--json", action="store_true", help="print the rows and summary as JSON")
    parser.add_argument("--show", action="store_true", help="print each draft")
    args = parser.parse_args()
    book = load_book(BOOK_DIR)
    names = args.only or list(book)
    variants = ["faithful", "embellished"] if args.variant == "both" else [args.variant]
    settings = Settings(provider="openai", openai_model="scripted-strong", openai_retries=1,
                        openai_backoff_s=0.05, trace="off")
    service = DrafterService(settings)
    rows = []
    for variant in variants:
        for name in names:
            row = run_one(service, book[name], variant, book)
            rows.append(row)
            if not args.json:
                print_row(row, args.show)
    result = summary(rows)
    if args.json:
        print(json.dumps({"rows": rows, "summary": result}, ensure_ascii=False, indent=1))
    else:
        s = result
        print(f"\nfaithful drafts: {s['faithful_drafts']}/{s['drafts']} end faithful; sentences kept verbatim "
              f"{_pct(s['sentences_kept'])} (target >= 90 %); leads kept {_pct(s['leads_kept'])} (target >= 90 %); "
              f"openings+closings kept {s['frames_kept'][0]}/{s['frames_kept'][1]}; planted embellishments flagged "
              f"{s['planted_flagged']}/{s['planted']} ("
              + ", ".join(f"{k} {a}/{b}" for k, (a, b) in s["planted_by_kind"].items())
              + f"); faithful drafts false only on opening/closing claims: {s['faithful_drafts_false_only_on_frames']};"
              f" targets {'met' if s['met'] else 'NOT met'}")
    sys.exit(0 if result["met"] else 1)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f} %"


if __name__ == "__main__":
    main()
