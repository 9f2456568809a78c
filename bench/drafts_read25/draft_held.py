"""Draft summaries of the structure set (bench/plan_set.py) held out of the library, as plan_bench holds them out,
and write each draft beside its facts and the summary's own headings (markdown) for reading.

    DRAFTER_DATA_DIR=/tmp/h6-data PYTHONPATH=. .venv/bin/python bench/drafts_read25/draft_held.py --provider template --tag before
    DRAFTER_LOCAL_MODEL=… flock /tmp/drafter-model.lock nice -n 10 .venv/bin/python \
        bench/drafts_read25/draft_held.py --provider local --only s003_06.md --only s002_08.md --tag before
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafts_read22"))

from draft_held import main  # noqa: E402  (session 22's script: the same drafting, other picks)

# session 25 (h6): six summaries no session read before: two annual (22 and 40 facts), two half-year (9 and 26),
# a half-year of twelve short sections (16), and a 送温暖 专项 speech drafted as the single topic 送温暖 (37)
PICKS = {"s002_08.md": ("2025年", None), "s002_06.md": ("2025年", None), "s003_06.md": ("2025年上半年", None),
         "s003_14.md": ("2025年上半年", None), "s003_15.md": ("2025年上半年", None),
         "s000_04.md": ("2025年", "送温暖")}

if __name__ == "__main__":
    main(PICKS, Path(__file__).parent)
