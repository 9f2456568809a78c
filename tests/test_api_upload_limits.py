"""Issue 13, defects 5-7 and the upload gaps: zip bombs, paragraph and chunk caps, parsing outside the write lock,
large uploads as background jobs, damaged .docx files, bidi characters in names, orphan files after a kill."""

from __future__ import annotations

import os
import time

import pytest
from fastapi.testclient import TestClient

from api_support import assert_error, docx_bytes, rezip, small_service
from drafter.api import create_app

GOOD = "# 某某电厂工会2024年度暑期送清凉工作总结\n\n## 一、主要做法\n\n高温期间走访一线班组{n}个，发放防暑降温用品价值4.2万元。\n"
CLASS_NAMES = ("Error", "Exception", "KeyError", "XMLSyntax", "BadZip")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return small_service(tmp_path_factory.mktemp("upload_limits"), max_docx_unzipped_bytes=3_000_000,
                         max_docx_entries=50, max_paragraphs_per_file=200, max_chunks_per_file=6,
                         max_chars_per_file=60_000,
                         upload_job_bytes=100_000)


@pytest.fixture(scope="module")
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


def _upload(client, name: str, data: bytes):
    return client.post("/v1/examples", files=[("files", (name, data, "application/octet-stream"))])


def _refused(client, name: str, data: bytes, words: str) -> dict:
    error = assert_error(_upload(client, name, data), 422)
    assert words in error["message"], error
    assert not any(c in error["message"] for c in CLASS_NAMES), error
    return error


def test_zip_bombs_are_refused_from_the_zip_directory(client, service):
    base = docx_bytes(["工会工作总结", "走访慰问困难职工86户。"])
    bomb = rezip(base, add={"word/media/padding.bin": b"\0" * 4_000_000})
    assert len(bomb) < 60_000  # 4 MB of zeros compress to a few KB
    _refused(client, "炸弹.docx", bomb, "解压后过大")
    many = rezip(base, add={f"word/media/x{i}.bin": b"x" for i in range(60)})
    _refused(client, "条目.docx", many, "条目过多")
    before = service.library.count()
    assert service.library.count() == before


def test_damaged_docx_files_are_422_with_chinese_reasons(client):
    base = docx_bytes(["工会工作总结", "走访慰问困难职工86户。"])
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
              b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><w:document xmlns:w="http://schemas.openxmlformats.org/'
              b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>')
    cases = {"坏XML.docx": rezip(base, replace={"word/document.xml": b"<w:document><unclosed"}),
             "缺类型.docx": rezip(base, drop=("[Content_Types].xml",)),
             "实体膨胀.docx": rezip(base, replace={"word/document.xml": laughs})}
    for name, data in cases.items():
        error = _refused(client, name, data, "Word")
        assert error["fields"][0]["field"] == f"files.{name}"
    files = [("files", (n, d, "application/octet-stream")) for n, d in cases.items()]
    error = assert_error(client.post("/v1/examples", files=files), 422)
    assert {f["field"] for f in error["fields"]} == {f"files.{n}" for n in cases}, error


def test_paragraph_and_chunk_caps_refuse_a_file_with_a_reason(client):
    _refused(client, "空段落.docx", docx_bytes([""] * 500 + ["走访慰问困难职工86户。"]), "段落过多")
    _refused(client, "长文.txt", ("走访慰问困难职工86户。\n" * 300).encode(), "段落过多")
    _refused(client, "一段.txt", ("工会工作总结\n" + "a" * 70_000).encode(), "文字过多")
    sections = "".join(f"## {i}、第{i}项工作\n\n" + f"开展第{i}项活动，" * 40 + "成效明显。\n\n" for i in range(1, 12))
    error = _refused(client, "长文.md", f"# 工会工作总结\n\n{sections}".encode(), "每个文件最多 6 段")
    assert "拆分" in error["message"]


def test_uploads_are_parsed_outside_the_write_lock(client, service, monkeypatch):
    import retrieval.uploads as uploads

    seen = []
    real = uploads.prepare

    def spying(settings, name, data):
        seen.append(service.library._write_lock.locked())
        return real(settings, name, data)

    monkeypatch.setattr(uploads, "prepare", spying)
    response = _upload(client, "送清凉.md", GOOD.format(n=37).encode())
    assert response.status_code == 200, response.text
    assert seen == [False]


def _wait_for(client, url: str) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(url).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError("job did not finish")


def test_a_large_upload_runs_as_a_background_job(client, service):
    big = (GOOD.format(n=41) + "\n" + "职工之家建设扎实推进。" * 3_500).encode()
    assert len(big) > service.settings.upload_job_bytes
    response = _upload(client, "大文件.md", big)
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] in ("queued", "running", "done") and response.headers["Location"] == f"/v1/jobs/{job['id']}"
    done = _wait_for(client, response.headers["Location"])
    assert done["status"] == "done", done
    assert done["result"]["accepted"] == ["大文件.md"] and done["result"]["files"] == 1
    assert done["progress"]["done"] == done["progress"]["total"] == 2
    assert_error(client.get("/v1/jobs/0123456789abcdef0123456789abcdef"), 404, "not_found")
    assert_error(client.get("/v1/jobs/../../etc"), 404)


def test_a_background_job_with_no_usable_file_fails_with_reasons(client):
    bad = ("走访慰问困难职工86户。\n" * 3_500).encode()
    response = _upload(client, "过长.txt", bad)
    assert response.status_code == 202, response.text
    done = _wait_for(client, response.headers["Location"])
    assert done["status"] == "failed" and "段落过多" in done["error"]["message"], done


def test_bidi_controls_are_stripped_from_upload_names(client, service):
    response = _upload(client, "\u202e\u2066送温暖\u2069总结\u200f.md", GOOD.format(n=53).encode())
    assert response.status_code == 200, response.text
    assert response.json()["accepted"] == ["送温暖总结.md"]
    sources = {e.source for e in service.library.list_examples()}
    assert "送温暖总结.md" in sources and not any("\u202e" in s for s in sources)


def test_orphan_upload_files_are_removed_at_start(client, service):
    """Uploads are kept in the catalog now; files an earlier version left under data_dir/uploads that no example
    refers to (a kill -9 mid-upload) are still cleaned up."""
    uploads = service.settings.data_dir / "uploads"
    uploads.mkdir(exist_ok=True)
    orphan, partial, fresh = uploads / "deadbeefdeadbeef.md", uploads / "0123456789abcdef.docx.part", uploads / "new.md"
    for path in (orphan, partial, fresh):
        path.write_bytes(b"left by kill -9")
    old = time.time() - 3600
    os.utime(orphan, (old, old))
    os.utime(partial, (old, old))
    cleaned = service.start_up()
    assert sorted(cleaned["orphans"]) == sorted([orphan.name, partial.name])
    assert not orphan.exists() and not partial.exists() and fresh.exists()  # a fresh file may be mid-upload
    fresh.unlink()


def test_jobs_left_running_by_a_stopped_server_are_marked_failed(service):
    from datetime import timedelta

    from drafter.store.tables import JobRow

    jobs = service.jobs
    running = jobs.update(jobs.create("upload").id, status="running")
    live = jobs.update(jobs.create("upload").id, status="running")  # another machine's job, still beating
    with service.store.engine.begin() as conn:
        conn.execute(JobRow.__table__.update().where(JobRow.id == running.id)
                     .values(updated_at=running.updated_at - timedelta(minutes=5),
                             lease_until=running.updated_at - timedelta(minutes=4)))
    assert service.start_up()["interrupted_jobs"] == 1
    failed = jobs.get(running.id)
    assert failed.status == "failed" and "重新上传" in failed.error["message"]
    assert jobs.get(live.id).status == "running"
