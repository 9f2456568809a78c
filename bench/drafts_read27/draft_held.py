"""Draft summaries of the structure set (bench/plan_set.py) held out of the library, as plan_bench holds them out,
and write each draft beside its facts and the summary's own headings (markdown) for reading.

    DRAFTER_DATA_DIR=/tmp/h7-data PYTHONPATH=. .venv/bin/python bench/drafts_read27/draft_held.py --provider template --tag before
    DRAFTER_LOCAL_MODEL=… flock /tmp/drafter-model.lock nice -n 10 .venv/bin/python \
        bench/drafts_read27/draft_held.py --provider local --only s003_02.md --only s002_18.md --only s002_01.md --tag before
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafts_read22"))

import draft_held  # noqa: E402  (session 22's script: the same drafting, other picks)

# session 27 (h7): six summaries no session read before, of different kinds and sizes: a long annual (40 facts,
# five sections), a school union's annual (11), a forestry half-year in six small sections (11), a community's
# annual drafted as a month's summary (8), a small half-year (7), a county union's annual drafted as a 专项 on
# 职工之家建设 (7)
PICKS = {"s002_13.md": ("2025年", None), "s002_02.md": ("2025年", None), "s003_02.md": ("2025年上半年", None),
         "s002_18.md": ("2025年9月", None), "s002_01.md": ("2025年上半年", None),
         "s001_01.md": ("2025年", "职工之家建设")}
KINDS = {"s002_18.md": "月度总结", "s001_01.md": "专项总结"}  # drafted as another kind than the summary's own


def _build_with_kinds(samples: Path, build=draft_held.build):
    return [dataclasses.replace(h, kind=KINDS.get(h.example_id, h.kind)) for h in build(samples)]


if __name__ == "__main__":
    draft_held.build = _build_with_kinds
    draft_held.main(PICKS, Path(__file__).parent)
