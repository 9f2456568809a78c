"""A trace of every model call (in the spirit of `llm logs`): what the model was asked, what it answered.

Each call is one TraceCall: provider, model, the rendered messages, the reply (or the error), tokens read and
written, time, and the pipeline step it served ("write", "repair", "sentence repair" …). Calls carry the run
id of the drafting run they belong to; when the draft is stored, the run is linked to the draft id.

Storage: SQLite at data_dir/traces.sqlite (WAL). Recording is off the hot path: `record()` only puts the call on
a queue; one background thread counts tokens and appends the rows. `DRAFTER_TRACE=off` turns it all off.
"""

from __future__ import annotations

import atexit
import json
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field

TRACE_FILE = "traces.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, step TEXT NOT NULL, provider TEXT NOT NULL,
  model TEXT NOT NULL, messages TEXT NOT NULL, reply TEXT NOT NULL, error TEXT, tokens_in INTEGER,
  tokens_out INTEGER, max_tokens INTEGER, temperature REAL, started_at REAL NOT NULL, elapsed_s REAL NOT NULL);
CREATE INDEX IF NOT EXISTS calls_run ON calls (run_id, id);
CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, draft_id TEXT NOT NULL, linked_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS runs_draft ON runs (draft_id);
"""
_COLUMNS = ("run_id", "step", "provider", "model", "messages", "reply", "error", "tokens_in", "tokens_out",
            "max_tokens", "temperature", "started_at", "elapsed_s")
TokenCounter = Callable[[str], int]


class TraceCall(BaseModel):
    """One model call."""

    run_id: str = Field(..., description="The drafting run the call served (linked to the stored draft)")
    step: str = Field("write", description="Pipeline step: write, repair, sentence repair, …")
    provider: str = Field(..., description="local / openai / a test model's name")
    model: str = Field(..., description="Model file or endpoint model name")
    messages: list[dict[str, str]] = Field(..., description="The rendered prompt: role and content of each message")
    reply: str = Field("", description="The reply as streamed (partial when the call failed or was stopped)")
    error: str | None = Field(None, description="Why the call failed, if it did")
    tokens_in: int | None = Field(None, description="Prompt tokens (message contents) in the model's vocabulary; "
                                  "None when the provider cannot count them")
    tokens_out: int | None = Field(None, description="Reply tokens; None when the provider cannot count them")
    max_tokens: int | None = None
    temperature: float | None = None
    started_at: float = Field(..., description="Unix time the call started")
    elapsed_s: float = Field(..., description="Seconds from the call to its last piece")


class TraceLog:
    """Append-only trace store with a background writer. One per service (process)."""

    def __init__(self, data_dir: Path, enabled: bool = True) -> None:
        self.path = Path(data_dir) / TRACE_FILE
        self.enabled = enabled
        self._queue: queue.Queue = queue.Queue()
        self._writer: threading.Thread | None = None
        self._start_lock = threading.Lock()

    # --- writing (any thread; returns at once) ---------------------------------------------------
    def record(self, call: TraceCall, count_tokens: TokenCounter | None = None) -> None:
        """Queue a call; tokens are counted (when `count_tokens` is given) by the writer thread."""
        if self.enabled:
            self._put(("call", call, count_tokens))

    def link(self, run_id: str | None, draft_id: str) -> None:
        """Attach the calls of run `run_id` to the stored draft `draft_id`."""
        if self.enabled and run_id:
            self._put(("link", run_id, draft_id))

    def flush(self, timeout_s: float = 30.0) -> None:
        """Wait until everything queued so far is written."""
        if self._writer is None:
            return
        done = threading.Event()
        self._queue.put(("flush", done, None))
        done.wait(timeout_s)

    def _put(self, item: tuple) -> None:
        if self._writer is None:
            with self._start_lock:
                if self._writer is None:
                    self._writer = threading.Thread(target=self._write_loop, name="drafter-trace", daemon=True)
                    self._writer.start()
                    atexit.register(self.flush, 5.0)
        self._queue.put(item)

    def _write_loop(self) -> None:
        connection = self._connect()
        while True:
            kind, first, second = self._queue.get()
            try:
                if kind == "flush":
                    first.set()
                elif kind == "link":
                    with connection:
                        connection.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?)", (first, second, time.time()))
                else:
                    self._write_call(connection, first, second)
            except Exception:  # a trace must never break drafting: a row that cannot be written is dropped
                pass

    @staticmethod
    def _write_call(connection: sqlite3.Connection, call: TraceCall, count: TokenCounter | None) -> None:
        if count is not None:
            try:
                tokens_in = sum(count(m["content"]) for m in call.messages)
                call = call.model_copy(update={"tokens_in": tokens_in, "tokens_out": count(call.reply)})
            except Exception:
                pass  # counts stay unknown
        row = call.model_dump()
        row["messages"] = json.dumps(row["messages"], ensure_ascii=False)
        with connection:
            connection.execute(f"INSERT INTO calls ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                               [row[name] for name in _COLUMNS])

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(_SCHEMA)
        return connection

    # --- reading ----------------------------------------------------------------------------------
    def for_run(self, run_id: str) -> list[TraceCall]:
        return self._select("SELECT * FROM calls WHERE run_id = ? ORDER BY id", (run_id,))

    def for_draft(self, draft_id: str) -> list[TraceCall]:
        """Every call of the run(s) linked to the draft, in the order they were made."""
        return self._select("SELECT calls.* FROM calls JOIN runs USING (run_id) WHERE runs.draft_id = ? "
                            "ORDER BY calls.id", (draft_id,))

    def _select(self, sql: str, args: tuple) -> list[TraceCall]:
        self.flush()
        if not self.path.is_file():
            return []
        connection = self._connect()
        try:
            connection.row_factory = sqlite3.Row
            rows = connection.execute(sql, args).fetchall()
        finally:
            connection.close()
        return [TraceCall(**{**dict(row), "messages": json.loads(row["messages"])}) for row in rows]
