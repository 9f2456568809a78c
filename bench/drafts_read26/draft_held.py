"""Draft summaries of the structure set (bench/plan_set.py) held out of the library, as plan_bench holds them out,
and write each draft beside its facts and the summary's own headings (markdown) for reading.

    DRAFTER_DATA_DIR=/tmp/h7-data PYTHONPATH=. .venv/bin/python bench/drafts_read26/draft_held.py --provider template --tag before
    DRAFTER_LOCAL_MODEL=… flock /tmp/drafter-model.lock nice -n 10 .venv/bin/python \
        bench/drafts_read26/draft_held.py --provider local --only s001_04.md --only s002_07.md --only s003_03b.md --tag before
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafts_read22"))

import draft_held  # noqa: E402  (session 22's script: the same drafting, other picks)

# session 26 (h7): six summaries no session read before, one of each kind and size: an annual of a town union (18
# facts), an annual of a cement company (21 facts, two long sections), a half-year of a roads bureau (40 facts, eight
# sections), a small half-year (6), a short annual drafted as a month's summary (8), and a 送温暖 专项 speech (40)
PICKS = {"s001_04.md": ("2025年", None), "s004_05.md": ("2025年", None), "s003_09.md": ("2025年上半年", None),
         "s003_03b.md": ("2025年上半年", None), "s002_07.md": ("2025年6月", None),
         "s000_01.md": ("2025年", "送温暖")}
KINDS = {"s002_07.md": "月度总结"}  # drafted as another kind than the summary's own


def _build_with_kinds(samples: Path, build=draft_held.build):
    return [dataclasses.replace(h, kind=KINDS.get(h.example_id, h.kind)) for h in build(samples)]


if __name__ == "__main__":
    draft_held.build = _build_with_kinds
    draft_held.main(PICKS, Path(__file__).parent)
