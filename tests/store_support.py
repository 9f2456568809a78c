"""Store test helpers: requests/results/checks, and the SQLite / throwaway PostgreSQL backends (not a test module)."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from drafter.models import CheckResult, DraftRequest, DraftResult, NumberHit
from drafter.store import DraftStore
from processes import free_port

PG_BIN = next((p for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
               if (p / "initdb").exists()), None)


def make_request(org="华东精密机械有限公司工会", period="2025年", kind="年度总结", topic=None) -> DraftRequest:
    return DraftRequest(org=org, period=period, kind=kind, topic=topic,
                        facts=["春节走访慰问困难职工86户，发放慰问金12.6万元", "举办职工技能竞赛5场"])


def make_check(ok: bool = True) -> CheckResult:
    status = "supported" if ok else "mismatch"
    return CheckResult(ok=ok, numbers=[NumberHit(start=8, end=11, text="86户", value=86, unit="户", status=status,
                                                 fact_line=1)])


def make_result(text="一、主要工作\n\n春节走访慰问困难职工86户。", ok=True) -> DraftResult:
    return DraftResult(text=text, sections=[], check=make_check(ok), provider="template", elapsed_s=0.1)


# --- backends ------------------------------------------------------------------------

def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def pg_cluster_running():
    """A throwaway PostgreSQL cluster on 127.0.0.1 and a free port; stopped and deleted afterwards (the session's
    `pg_cluster` fixture, tests/conftest.py)."""
    if PG_BIN is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL binaries are missing (CI=true must run the PostgreSQL store tests)")
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not installed")
    root = Path(tempfile.mkdtemp(prefix="drafter-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    data, port = root / "data", free_port()
    subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                                 "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"),
                                 "-w", "-t", "60", "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _new_pg_database(cluster_url: str) -> str:
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(cluster_url.replace("+psycopg", "") + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{cluster_url}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def store_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'drafter.db'}"
    return _new_pg_database(request.getfixturevalue("pg_cluster"))


@pytest.fixture
def store(store_url):
    store = DraftStore(store_url)
    yield store
    store.close()


def open_stores_at_once(url: str, count: int = 4) -> tuple[list, list[BaseException]]:
    """`count` DraftStores opened on `url` by threads released together (API workers starting at once):
    the stores opened and the errors raised."""
    from drafter.store import DraftStore

    opened: list = []
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def open_store() -> None:
        try:
            start.wait()
            opened.append(DraftStore(url))
        except BaseException as exc:  # noqa: BLE001 - reported to the caller
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return opened, errors
