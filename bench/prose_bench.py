"""Prose benchmark: the defects of drafts for every request in bench/requests/, per provider, per 1,000
characters, and how formulaic they are; writes the drafts side by side to docs/drafts_side_by_side.md.

    .venv/bin/python bench/prose_bench.py                      # template, local (if installed), openai (if set)
    .venv/bin/python bench/prose_bench.py --providers template --only annual_2025

Defect classes (drafter/pipeline/defects.py and the check's claims): duplicated sentences, stutters, orphan or
clashing numbering, artifacts (prompt text, Markdown, Latin, list marks, placeholders), claims, raw fact lines,
bad openers (a section opening with 同时/此外/另外). Boilerplate share: the share of a provider's sentences that
occur word for word in two or more drafts of its set. Targets for the local model: 0 artifacts, 0 claims,
0 numbering defects, <= 0.5 defects per 1,000 characters, boilerplate share <= half the template's.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.cli.draft_cmds import read_request  # noqa: E402
from drafter.pipeline.defects import draft_defects, sentences  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402
from textkit.headings import LEVEL_MARKS  # noqa: E402
from textkit.sentences import NOT_COMPARED  # noqa: E402

KINDS = ("duplicate", "stutter", "numbering", "artifact", "claim", "raw_fact", "opener")
_KEY = NOT_COMPARED
LABELS = {"template": "模板", "local": "本地模型", "openai": "OpenAI 兼容接口"}


def draft_sentences(text: str) -> list[str]:
    """The prose sentences of a draft (title and headings left out), as comparison keys."""
    keys = []
    for line in text.splitlines()[1:]:
        line = line.strip()
        if not line or (any(p.match(line) for p in LEVEL_MARKS) and "。" not in line):
            continue
        keys += [k for k in (_KEY.sub("", s) for s in sentences(line)) if len(k) >= 8]
    return keys


def boilerplate_share(texts: list[str]) -> float:
    """Share of sentences that occur word for word in at least two of the drafts."""
    per_draft = [set(draft_sentences(t)) for t in texts]
    counts = Counter(key for keys in per_draft for key in keys)
    total = sum(len(keys) for keys in per_draft)
    return round(sum(1 for keys in per_draft for key in keys if counts[key] >= 2) / max(1, total), 3)


def measure(result, request) -> dict:
    found = Counter(d.kind for d in draft_defects(result.text, request.facts))
    found["claim"] = sum(1 for c in result.check.claims if c.kind in ("claim", "heading"))
    found["artifact"] += sum(1 for c in result.check.claims if c.kind == "artifact")
    return {"chars": len(result.text), "ok": result.check.ok, **{k: found.get(k, 0) for k in KINDS},
            "calls": result.usage.calls, "prompt_tokens": result.usage.prompt_tokens,
            "completion_tokens": result.usage.completion_tokens, "kept_tokens": result.usage.kept_tokens,
            "sections_model": sum(1 for s in result.sections if s.provider not in ("template",)),
            "sentences_repaired": sum(len(s.repairs) for s in result.sections)}


def summarise(rows: list[dict], texts: list[str]) -> dict:
    chars = sum(r["chars"] for r in rows)
    total = {k: sum(r[k] for r in rows) for k in KINDS}
    body_calls = sum(r["calls"] for r in rows)
    return {"drafts": len(rows), "chars": chars, **total,
            "defects_per_1000_chars": round(1000 * sum(total.values()) / max(1, chars), 2),
            "boilerplate_share": boilerplate_share(texts),
            "check_ok": sum(r["ok"] for r in rows), "calls": body_calls,
            "prompt_tokens": sum(r["prompt_tokens"] for r in rows),
            "completion_tokens": sum(r["completion_tokens"] for r in rows),
            "kept_tokens": sum(r["kept_tokens"] for r in rows),
            "written_per_kept": round(sum(r["completion_tokens"] for r in rows) / max(1, sum(r["kept_tokens"] for r in rows)), 2),
            "prompt_tokens_per_call": round(sum(r["prompt_tokens"] for r in rows) / max(1, body_calls), 1),
            "sentences_repaired": sum(r["sentences_repaired"] for r in rows)}


def side_by_side(path: Path, requests: dict, drafts: dict[str, dict[str, str]], summaries: dict) -> None:
    lines = ["# 初稿对照（模板 / 本地模型 / OpenAI 兼容接口）", "",
             "由 `bench/prose_bench.py` 生成：bench/requests/ 中每个请求的事实，以及各提供方写出的初稿，供人工阅读比较。", ""]
    lines += ["| 提供方 | 初稿数 | 每千字缺陷 | 套话占比 | 修复的句子 |", "|---|---|---|---|---|"]
    lines += [f"| {LABELS.get(p, p)} | {s['drafts']} | {s['defects_per_1000_chars']} | {s['boilerplate_share']} | "
              f"{s['sentences_repaired']} |" for p, s in summaries.items()]
    for name, request in requests.items():
        lines += ["", f"## {name}", "", "事实：", ""] + [f"{i}. {f}" for i, f in enumerate(request.facts, 1)]
        for provider, texts in drafts.items():
            if name in texts:
                lines += ["", f"### {LABELS.get(provider, provider)}", ""]
                lines += [f"> {line}" if line else ">" for line in texts[name].splitlines()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def providers_to_run(service: DrafterService, wanted: list[str] | None) -> list[str]:
    if wanted:
        return wanted
    available = service.providers.describe()
    return [p for p in ("template", "local", "openai") if available[p]["available"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--providers", default="", help="comma-separated (default: every available one)")
    parser.add_argument("--requests", type=Path, default=ROOT / "bench" / "requests")
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "drafts_side_by_side.md")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    service = DrafterService(Settings())
    paths = sorted(p for p in args.requests.iterdir() if p.suffix in (".json", ".txt"))
    paths = [p for p in paths if not args.only or any(o in p.name for o in args.only)]
    requests = {p.stem: read_request(p) for p in paths}
    drafts: dict[str, dict[str, str]] = {}
    summaries: dict[str, dict] = {}
    rows_by: dict[str, list[dict]] = {}
    for provider in providers_to_run(service, [p for p in args.providers.split(",") if p]):
        drafts[provider], rows_by[provider] = {}, []
        for name, request in requests.items():
            result = service.draft(request, provider)
            drafts[provider][name] = result.text
            rows_by[provider].append({"request": name, **measure(result, request)})
            if not args.json:
                r = rows_by[provider][-1]
                print(f"{provider:<9} {name:<28} chars={r['chars']:>5} " +
                      " ".join(f"{k}={r[k]}" for k in KINDS) + f" tokens={r['prompt_tokens']}/{r['completion_tokens']}",
                      flush=True)
        summaries[provider] = summarise(rows_by[provider], list(drafts[provider].values()))
    side_by_side(args.out, requests, drafts, summaries)
    if args.json:
        print(json.dumps({"rows": rows_by, "summary": summaries}, ensure_ascii=False, indent=2))
    else:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
        print(f"side by side: {args.out}")


if __name__ == "__main__":
    main()
