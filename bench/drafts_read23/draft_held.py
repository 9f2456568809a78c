"""Draft summaries of the structure set (bench/plan_set.py) held out of the library, as plan_bench holds them out,
and write each draft beside its facts and the summary's own headings (markdown) for reading.

    PYTHONPATH=. .venv/bin/python bench/drafts_read23/draft_held.py --provider template --tag before
    DRAFTER_LOCAL_MODEL=… flock /tmp/drafter-model.lock nice -n 10 .venv/bin/python \
        bench/drafts_read23/draft_held.py --provider local --only s002_03.md --speed --tag before
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "drafts_read22"))

from draft_held import main  # noqa: E402  (session 22's script: the same drafting, other picks)

# session 23's three: annual (20 facts), half-year (23), a short annual (8; the set's other 专项总结 are general
# years', no single topic)
PICKS = {"s002_03.md": ("2025年", None), "s003_08.md": ("2025年上半年", None), "s002_17.md": ("2025年", None)}

if __name__ == "__main__":
    main(PICKS, Path(__file__).parent)
