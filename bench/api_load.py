"""Load on loopback against `drafter serve --workers 2` (started here, template provider, auth on):

- POST /v1/check with a ~2,000-character draft at concurrency 1, 16 and 64: requests/s, p50, p99
- POST /v1/drafts (template provider) latency, sequential
- POST /v1/check at concurrency 16 while one maximal legal check runs (a body just under the 1 MB limit, the
  costliest text for the check): p99 and errors (429 counted apart), and that maximal check's own time (issue 24)

The generator (asyncio with a minimal keep-alive HTTP/1.1 client, one process) shares the machine's cores with the server; figures are what this
machine does, not what the server alone could do. Usage: .venv/bin/python bench/api_load.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DRAFTER = str(Path(sys.executable).with_name("drafter"))
FACTS = [
    "春节走访慰问困难职工86户，发放慰问金12.6万元",
    "组织职工技能竞赛3场，参赛职工420人次",
    "新建职工书屋2个，新增图书1500册",
    "开展职工健康体检1260人次",
    "全年发展新会员58人，会员总数达到2316人",
    "金秋助学资助困难职工子女17名，发放助学金5.1万元",
]
REQUEST = {"org": "某某市机械厂工会", "period": "2025年", "kind": "年度总结", "facts": FACTS}


def check_draft(chars: int = 2000) -> str:
    sentences = [f"{fact}，取得了良好成效。" for fact in FACTS] + ["全年共组织各类活动32次，覆盖职工95%以上。"]
    text, i = "", 0
    while len(text) < chars:
        text += sentences[i % len(sentences)]
        i += 1
    return text[:chars]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(root: Path) -> dict[str, str]:
    samples = root / "samples"
    samples.mkdir()
    for path in sorted((ROOT / "samples").glob("*.md"))[:4]:
        shutil.copy(path, samples / path.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRAFTER_")}
    env.update(DRAFTER_DATA_DIR=str(root / "data"), DRAFTER_SAMPLES_DIR=str(samples), DRAFTER_PROVIDER="template",
               DRAFTER_AUTH="on")
    return env


def start_server(root: Path, env: dict[str, str], workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = open(root / "server.log", "wb")
    proc = subprocess.Popen([DRAFTER, "serve", "--port", str(port), "--workers", str(workers), "--log-level", "warning"],
                            cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit((root / "server.log").read_text())
        try:
            if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise SystemExit("server not ready")


class Connection:
    """A minimal HTTP/1.1 keep-alive client (one connection, one request at a time).

    Much cheaper per request than a general client, so the generator takes less of the CPU the server needs.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, raw_request: bytes) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(raw_request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


def raw_post(url: str, key: str, path: str, body: dict) -> bytes:
    payload = json.dumps(body, ensure_ascii=False).encode()
    host = url.split("//", 1)[1]
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload


async def load(url: str, key: str, path: str, body: dict, concurrency: int, seconds: float, max_requests: int,
               warmup: int = 20) -> dict:
    latencies: list[float] = []
    errors = 0
    request = raw_post(url, key, path, body)
    host, port = url.split("//", 1)[1].split(":")
    connections = [Connection(host, int(port)) for _ in range(concurrency)]

    async def worker(connection: Connection, stop_at: float) -> None:
        nonlocal errors
        while time.perf_counter() < stop_at and len(latencies) + errors < max_requests:
            started = time.perf_counter()
            if await connection.post(request) in (200, 201):
                latencies.append(time.perf_counter() - started)
            else:
                errors += 1

    for i in range(warmup):  # open the connections and warm the workers
        await connections[i % concurrency].post(request)
    began = time.perf_counter()
    await asyncio.gather(*(worker(c, began + seconds) for c in connections))
    elapsed = time.perf_counter() - began
    for connection in connections:
        await connection.close()
    return summary(latencies, errors, elapsed, concurrency)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu(root_pid: int) -> float:
    """CPU seconds used so far by the server and its worker processes (Linux /proc; 0 elsewhere)."""
    try:
        parents = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        tree, frontier = {root_pid}, [root_pid]
        while frontier:
            parent = frontier.pop()
            children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
            tree.update(children)
            frontier.extend(children)
        return sum(_cpu_seconds(pid) for pid in tree)
    except OSError:
        return 0.0


def summary(latencies: list[float], errors: int, elapsed: float, concurrency: int) -> dict:
    ordered = sorted(latencies) or [float("nan")]
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {"concurrency": concurrency, "requests": len(latencies), "errors": errors,
            "req_per_s": round(len(latencies) / elapsed, 1), "p50_ms": round(pick(0.50), 1),
            "p99_ms": round(pick(0.99), 1), "mean_ms": round(statistics.fmean(ordered) * 1000, 1)}


def maximal_draft() -> str:
    """Just under the 1,000,000-byte body limit, of the costliest text for the check (digits of other scripts)."""
    return "另向𝟗𝟗户⑫Ⅻ届٣٤1O0，" * 20_000


def with_heavy_check(url: str, key: str, body: dict, seconds: float, max_requests: int) -> dict:
    """Load /v1/check (concurrency 16) while one maximal check runs in a thread."""
    import threading

    heavy: dict = {}

    def run() -> None:
        start = time.monotonic()
        reply = httpx.post(f"{url}/v1/check", headers={"Authorization": f"Bearer {key}"}, timeout=600,
                           json={"facts": FACTS, "draft": maximal_draft()})
        heavy.update(status=reply.status_code, seconds=round(time.monotonic() - start, 2))

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(1.0)
    row = asyncio.run(load(url, key, "/v1/check", body, 16, seconds, max_requests))
    thread.join(600)
    return {**row, "heavy_chars": len(maximal_draft()), "heavy_status": heavy.get("status"),
            "heavy_s": heavy.get("seconds")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0, help="time per concurrency level")
    parser.add_argument("--max-requests", type=int, default=5000, help="cap per concurrency level")
    parser.add_argument("--drafts", type=int, default=10, help="sequential POST /v1/drafts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        root = Path(tmp)
        env = prepare(root)
        created = subprocess.run([DRAFTER, "keys", "create", "bench", "--role", "writer", "--json"], cwd=root, env=env,
                                 capture_output=True, text=True, check=True)
        key = json.loads(created.stdout)["key"]
        proc, url = start_server(root, env, args.workers)
        try:
            body = {"facts": FACTS, "draft": check_draft()}
            checks = []
            for concurrency in (1, 16, 64):
                cpu_before = server_cpu(proc.pid)
                row = asyncio.run(load(url, key, "/v1/check", body, concurrency, args.seconds, args.max_requests))
                used = server_cpu(proc.pid) - cpu_before
                row["server_cpu_ms_per_req"] = round(used * 1000 / max(1, row["requests"] + 20), 2)
                checks.append(row)
            drafts = asyncio.run(load(url, key, "/v1/drafts", REQUEST, 1, 600, args.drafts, warmup=2))
            under_heavy = with_heavy_check(url, key, body, args.seconds, args.max_requests)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    report = {"workers": args.workers, "cpus": os.cpu_count(), "draft_chars": len(body["draft"]),
              "check": checks, "draft_template": drafts, "check_while_maximal_check_runs": under_heavy}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(f"drafter serve --workers {args.workers} on {os.cpu_count()} cores (generator on the same machine)")
    print(f"POST /v1/check, draft of {len(body['draft'])} characters, {len(FACTS)} facts:")
    print(f"  {'conc':>4} {'req':>6} {'err':>4} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'server CPU ms/req':>18}")
    for row in checks:
        print(f"  {row['concurrency']:>4} {row['requests']:>6} {row['errors']:>4} {row['req_per_s']:>8} "
              f"{row['p50_ms']:>8} {row['p99_ms']:>8} {row['server_cpu_ms_per_req']:>18}")
    cpu_ms = statistics.median(row["server_cpu_ms_per_req"] for row in checks)
    if cpu_ms > 0:
        print(f"  server CPU per request {cpu_ms} ms: at most {round((os.cpu_count() or 1) * 1000 / cpu_ms)} req/s "
              f"if the server had all {os.cpu_count()} cores to itself (load average now {os.getloadavg()[0]:.1f})")
    print(f"POST /v1/drafts (template provider), sequential, {drafts['requests']} drafts: "
          f"p50 {drafts['p50_ms']} ms, p99 {drafts['p99_ms']} ms, mean {drafts['mean_ms']} ms, errors {drafts['errors']}")
    row = under_heavy
    print(f"POST /v1/check at concurrency 16 while one maximal check ({row['heavy_chars']} characters) runs: "
          f"p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms, {row['requests']} requests, errors {row['errors']}; "
          f"the maximal check: HTTP {row['heavy_status']} in {row['heavy_s']} s")


if __name__ == "__main__":
    main()
