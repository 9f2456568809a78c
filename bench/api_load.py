"""Load on loopback against `drafter serve --workers 2` (started here, template provider, auth on):

- POST /v1/check with a ~2,000-character draft at concurrency 1, 16 and 64: requests/s, p50, p99
- POST /v1/drafts (template provider) latency, sequential

The generator (asyncio + httpx, one process) shares the machine's cores with the server; figures are what this
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


async def load(url: str, key: str, path: str, body: dict, concurrency: int, seconds: float, max_requests: int,
               warmup: int = 20) -> dict:
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {key}"}, limits=limits,
                                 timeout=120) as client:
        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop_at and len(latencies) + errors < max_requests:
                started = time.perf_counter()
                response = await client.post(path, json=body)
                if response.status_code in (200, 201):
                    latencies.append(time.perf_counter() - started)
                else:
                    errors += 1

        for _ in range(warmup):  # warm the connections and the workers
            await client.post(path, json=body)
        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return summary(latencies, errors, elapsed, concurrency)


def summary(latencies: list[float], errors: int, elapsed: float, concurrency: int) -> dict:
    ordered = sorted(latencies) or [float("nan")]
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {"concurrency": concurrency, "requests": len(latencies), "errors": errors,
            "req_per_s": round(len(latencies) / elapsed, 1), "p50_ms": round(pick(0.50), 1),
            "p99_ms": round(pick(0.99), 1), "mean_ms": round(statistics.fmean(ordered) * 1000, 1)}


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
            checks = [asyncio.run(load(url, key, "/v1/check", body, c, args.seconds, args.max_requests))
                      for c in (1, 16, 64)]
            drafts = asyncio.run(load(url, key, "/v1/drafts", REQUEST, 1, 600, args.drafts, warmup=2))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    report = {"workers": args.workers, "cpus": os.cpu_count(), "draft_chars": len(body["draft"]),
              "check": checks, "draft_template": drafts}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print(f"drafter serve --workers {args.workers} on {os.cpu_count()} cores (generator on the same machine)")
    print(f"POST /v1/check, draft of {len(body['draft'])} characters, {len(FACTS)} facts:")
    print(f"  {'conc':>4} {'req':>6} {'err':>4} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for row in checks:
        print(f"  {row['concurrency']:>4} {row['requests']:>6} {row['errors']:>4} {row['req_per_s']:>8} "
              f"{row['p50_ms']:>8} {row['p99_ms']:>8}")
    print(f"POST /v1/drafts (template provider), sequential, {drafts['requests']} drafts: "
          f"p50 {drafts['p50_ms']} ms, p99 {drafts['p99_ms']} ms, mean {drafts['mean_ms']} ms, errors {drafts['errors']}")


if __name__ == "__main__":
    main()
