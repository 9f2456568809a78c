"""The bench's first-check (corpus self-check), reworded and as-you-type lines alone, for the tree on PYTHONPATH
(run start and branch alternately: the machine is shared).

    PYTHONPATH=TREE python bench/h3_26/rates.py
"""
import os
import sys

sys.path[:0] = [os.path.join(os.environ.get("PYTHONPATH", "."), "bench")]
import numcheck_bench as B  # noqa: E402

texts = B.corpus()
B.real_drafts(1)  # every dictionary loaded
B.self_check(texts)
B.real_drafts(5)
B.as_you_type(texts)
