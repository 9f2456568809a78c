"""A trace of every model call (in the spirit of `llm logs`): what the model was asked, what it answered.

Each call is one TraceCall: provider, model, the rendered messages, the reply (or the error), tokens read and
written, time, and the pipeline step it served ("write", "repair", "sentence repair" …). Calls carry the run
id of the drafting run they belong to; when the draft is stored, the run is linked to the draft id.

Storage: SQLite at data_dir/traces.sqlite (WAL), or PostgreSQL (tables trace_calls, trace_runs) when the
service runs on PostgreSQL, so a trace written on one API machine is read on any other. Recording is off the hot
path: `record()` only puts the call on a queue; one background thread counts tokens and appends the rows.
`DRAFTER_TRACE=off` turns it all off.
"""

from __future__ import annotations

import atexit
import json
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, Field
from sqlalchemy import (Column, Float, Index, Integer, MetaData, String, Table, Text, create_engine, delete, insert,
                        select)
from sqlalchemy.engine import make_url

TRACE_FILE = "traces.sqlite"
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


def _tables(prefix: str) -> tuple[MetaData, Table, Table]:
    """The calls and runs tables (SQLite: the names of earlier versions' traces.sqlite; PostgreSQL: trace_*)."""
    meta = MetaData()
    calls = Table(f"{prefix}calls", meta, Column("id", Integer, primary_key=True, autoincrement=True),
                  Column("run_id", String(64), nullable=False), Column("step", Text, nullable=False),
                  Column("provider", Text, nullable=False), Column("model", Text, nullable=False),
                  Column("messages", Text, nullable=False), Column("reply", Text, nullable=False),
                  Column("error", Text), Column("tokens_in", Integer), Column("tokens_out", Integer),
                  Column("max_tokens", Integer), Column("temperature", Float),
                  Column("started_at", Float, nullable=False), Column("elapsed_s", Float, nullable=False),
                  Index(f"{prefix}calls_run", "run_id", "id"))
    runs = Table(f"{prefix}runs", meta, Column("run_id", String(64), primary_key=True),
                 Column("draft_id", String(64), nullable=False), Column("linked_at", Float, nullable=False),
                 Index(f"{prefix}runs_draft", "draft_id"))
    return meta, calls, runs


class TraceLog:
    """Append-only trace store with a background writer. One per service (process).

    `url`: a PostgreSQL URL to keep the trace there (shared by every API machine); else data_dir/traces.sqlite."""

    def __init__(self, data_dir: Path, enabled: bool = True, url: str | None = None) -> None:
        self.path = Path(data_dir) / TRACE_FILE
        self.enabled = enabled
        shared = bool(url) and make_url(url).get_backend_name() == "postgresql"
        self.url = url if shared else f"sqlite:///{self.path}"
        self._meta, self.calls, self.runs = _tables("trace_" if shared else "")
        self._engine = None
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
        while True:
            kind, first, second = self._queue.get()
            try:
                if kind == "flush":
                    first.set()
                elif kind == "link":
                    with self._connect().begin() as conn:
                        conn.execute(delete(self.runs).where(self.runs.c.run_id == first))
                        conn.execute(insert(self.runs).values(run_id=first, draft_id=second, linked_at=time.time()))
                else:
                    self._write_call(first, second)
            except Exception:  # a trace must never break drafting: a row that cannot be written is dropped
                pass

    def _write_call(self, call: TraceCall, count: TokenCounter | None) -> None:
        if count is not None:
            try:
                tokens_in = sum(count(m["content"]) for m in call.messages)
                call = call.model_copy(update={"tokens_in": tokens_in, "tokens_out": count(call.reply)})
            except Exception:
                pass  # counts stay unknown
        row = call.model_dump()
        row["messages"] = json.dumps(row["messages"], ensure_ascii=False)
        with self._connect().begin() as conn:
            conn.execute(insert(self.calls).values({name: row[name] for name in _COLUMNS}))

    def _connect(self):
        """The engine, created (with the tables) at first use."""
        if self._engine is None:
            with self._start_lock:
                if self._engine is None:
                    sqlite = self.url.startswith("sqlite")
                    if sqlite:
                        self.path.parent.mkdir(parents=True, exist_ok=True)
                    engine = create_engine(self.url, pool_pre_ping=not sqlite,
                                           connect_args={"check_same_thread": False, "timeout": 30} if sqlite else {})
                    if sqlite:
                        with engine.connect() as conn:
                            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
                    self._meta.create_all(engine)
                    self._engine = engine
        return self._engine

    # --- reading ----------------------------------------------------------------------------------
    def for_run(self, run_id: str) -> list[TraceCall]:
        return self._select(select(self.calls).where(self.calls.c.run_id == run_id).order_by(self.calls.c.id))

    def for_draft(self, draft_id: str) -> list[TraceCall]:
        """Every call of the run(s) linked to the draft, in the order they were made."""
        query = (select(self.calls).join(self.runs, self.runs.c.run_id == self.calls.c.run_id)
                 .where(self.runs.c.draft_id == draft_id).order_by(self.calls.c.id))
        return self._select(query)

    def _select(self, query) -> list[TraceCall]:
        self.flush()
        if self.url.startswith("sqlite") and not self.path.is_file():
            return []
        with self._connect().connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [TraceCall(**{**{k: v for k, v in row.items() if k != "id"}, "messages": json.loads(row["messages"])})
                for row in rows]
