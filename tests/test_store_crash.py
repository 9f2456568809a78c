"""A process that dies in the middle of saving a version leaves no half-written version (SQLite file)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.store import DraftStore

CRASHING_EDIT = textwrap.dedent("""
    import os, sys
    from drafter.models import CheckResult
    from drafter.store import DraftStore
    import drafter.store.drafts as drafts

    store = DraftStore(sys.argv[1])
    draft_id = store.list_drafts().items[0].id

    def die(_row):  # the version row is inserted (flushed) but not committed: the process dies here
        os._exit(3)

    drafts.convert.version_info = die
    store.add_version(draft_id, "写到一半的修改", 1, "crash", CheckResult(ok=True))
""")


def test_a_process_killed_mid_write_leaves_no_version(tmp_path):
    url = f"sqlite:///{tmp_path / 'drafter.db'}"
    request = DraftRequest(org="某公司工会", period="2025年", facts=["走访慰问困难职工86户"])
    result = DraftResult(text="走访慰问困难职工86户。", sections=[], check=CheckResult(ok=True),
                         provider="template", elapsed_s=0.0)
    store = DraftStore(url)
    draft = store.create_draft(request, result, "a")
    store.close()

    crashed = subprocess.run([sys.executable, "-c", CRASHING_EDIT, url], capture_output=True, text=True, timeout=120)
    assert crashed.returncode == 3, crashed.stderr

    reopened = DraftStore(url)
    try:
        assert [v.text for v in reopened.list_versions(draft.id)] == [result.text]
        assert reopened.get_draft(draft.id).latest_version == 1
        saved = reopened.add_version(draft.id, "崩溃后的下一次保存", 1, "a", CheckResult(ok=True))
        assert saved.number == 2
    finally:
        reopened.close()
