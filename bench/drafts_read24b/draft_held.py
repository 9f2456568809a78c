"""Draft summaries of the structure set (bench/plan_set.py) held out of the library, as plan_bench holds them out,
and write each draft beside its facts and the summary's own headings (markdown) for reading.

    DRAFTER_DATA_DIR=/tmp/h7-data PYTHONPATH=. .venv/bin/python bench/drafts_read24b/draft_held.py --provider template --tag before
    DRAFTER_LOCAL_MODEL=… flock /tmp/drafter-model.lock nice -n 10 .venv/bin/python \
        bench/drafts_read24b/draft_held.py --provider local --speed --tag after
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafts_read22"))

from draft_held import main  # noqa: E402  (session 22's script: the same drafting, other picks)

# session 24 (h7): three summaries no session read before: an annual school union's (24 facts), a half-year of a
# property group's (32), a half-year of a plant's (23); and h4's three again (their faults left)
PICKS = {"s003_07.md": ("2025年", None), "s002_11.md": ("2025年上半年", None), "s003_12.md": ("2025年上半年", None),
         "s002_04.md": ("2025年", None), "s003_04.md": ("2025年上半年", None), "s002_10.md": ("2025年", None)}

if __name__ == "__main__":
    main(PICKS, Path(__file__).parent)
