"""The example library over HTTP: search, upload (type, content, size and name checks), read, delete."""

from __future__ import annotations

import io
import shutil

import pytest
from docx import Document
from fastapi.testclient import TestClient

from api_support import assert_error
from drafter.api import create_app
from drafter.service import DrafterService
from drafter.settings import Settings

UPLOAD_TEXT = "# 某某电厂工会2024年度暑期送清凉工作总结\n\n## 一、主要做法\n\n高温期间走访一线班组37个，发放防暑降温用品价值4.2万元。\n"


@pytest.fixture(scope="module")
def own_service(tmp_path_factory) -> DrafterService:
    """A service with its own small library (uploads and deletions mutate it)."""
    root = tmp_path_factory.mktemp("api_examples")
    samples = root / "samples"
    samples.mkdir()
    for path in sorted(Settings(_env_file=None).samples_dir.glob("*.md"))[:2]:
        shutil.copy(path, samples / path.name)
    settings = Settings(data_dir=root / "data", samples_dir=samples, provider="template", auth="off",
                        max_upload_bytes=60_000, _env_file=None)
    return DrafterService(settings)


@pytest.fixture(scope="module")
def own_client(own_service):
    with TestClient(create_app(own_service)) as client:
        yield client


@pytest.fixture(autouse=True)
def _uploads_removed_after_each_test(request):
    """The examples a test uploads to own_service are removed after it: several upload near-copies of UPLOAD_TEXT,
    which would outrank the upload test_upload_read_search_and_delete searches for (each test stands alone)."""
    if "own_service" not in request.fixturenames:
        yield
        return
    library = request.getfixturevalue("own_service").library
    before = {example.id for example in library.list_examples()}
    yield
    for example in library.list_examples():
        if example.id not in before:
            library.remove_example(example.id)


@pytest.fixture
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


def _docx_bytes(text: str) -> bytes:
    document = Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line.lstrip("# "))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_search_returns_hits_with_filters(client, service):
    hits = client.get("/v1/examples/search", params={"q": "春节送温暖 走访慰问困难职工", "k": 3}).json()
    assert 1 <= len(hits) <= 3
    assert all(h["text"] and h["source"] and isinstance(h["score"], float) for h in hits)
    assert [h["chunk_id"] for h in hits] == [h.chunk_id for h in service.search_examples("春节送温暖 走访慰问困难职工", k=3)]
    kind_hits = client.get("/v1/examples/search", params={"q": "工会工作", "k": 5, "kind": "年度总结"}).json()
    assert kind_hits and all(h["kind"] == "年度总结" for h in kind_hits)
    assert_error(client.get("/v1/examples/search", params={"q": "x", "k": 0}), 422)
    assert_error(client.get("/v1/examples/search"), 422)
    assert_error(client.get("/v1/examples/search", params={"q": "x", "kind": "周报"}), 422)


def test_upload_read_search_and_delete(own_client):
    response = own_client.post("/v1/examples", files=[("files", ("暑期送清凉.md", UPLOAD_TEXT.encode(), "text/markdown"))])
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["accepted"] == ["暑期送清凉.md"] and report["added_chunks"] >= 1 and not report["rejected"]
    hits = own_client.get("/v1/examples/search", params={"q": "防暑降温 送清凉 一线班组", "k": 3}).json()
    example_id = hits[0]["example_id"]
    assert "送清凉" in hits[0]["title"] + hits[0]["text"] and "/" in example_id
    example = own_client.get(f"/v1/examples/{example_id}").json()
    assert "37个" in example["text"] and example["source"] == "暑期送清凉.md"
    deleted = own_client.delete(f"/v1/examples/{example_id}")
    assert deleted.json() == {"id": example_id, "deleted": True}
    assert_error(own_client.delete(f"/v1/examples/{example_id}"), 404, "not_found")
    assert_error(own_client.get(f"/v1/examples/{example_id}"), 404)
    after = own_client.get("/v1/examples/search", params={"q": "防暑降温 送清凉 一线班组", "k": 5}).json()
    assert example_id not in {h["example_id"] for h in after}


def test_upload_docx_is_indexed(own_client, own_service):
    data = _docx_bytes(UPLOAD_TEXT.replace("送清凉", "金秋助学").replace("37个", "19个"))
    response = own_client.post("/v1/examples", files=[("files", ("助学.docx", data, "application/octet-stream"))])
    assert response.status_code == 200, response.text
    assert response.json()["added_chunks"] >= 1
    assert any("19个" in e.text for e in map(own_service.get_example, [x.id for x in own_service.library.list_examples()]) if e)


def test_uploaded_name_never_becomes_a_path(own_client, own_service):
    data_dir = own_service.settings.data_dir.resolve()
    before = {p for p in data_dir.parent.rglob("*")}
    body = UPLOAD_TEXT.replace("送清凉", "职工疗休养").encode()
    response = own_client.post("/v1/examples", files=[("files", ("../../etc/passwd.txt", body, "text/plain"))])
    assert response.status_code == 200, response.text
    assert response.json()["accepted"] == ["passwd.txt"]
    created = {p for p in data_dir.parent.rglob("*")} - before
    assert all(p.resolve().is_relative_to(data_dir) for p in created)
    assert not any(p.name == "passwd.txt" for p in created)  # the bytes are kept in the catalog, not as a file
    stored = [e for e in own_service.library.list_examples() if e.source == "passwd.txt"]
    assert len(stored) == 1 and "passwd" not in stored[0].id
    assert own_service.library.catalog.blob(stored[0].id) == body


def test_upload_type_content_and_size_checks(own_client):
    zip_without_body = b"PK\x03\x04" + b"\x00" * 40
    files = [
        ("files", ("程序.exe", b"MZ\x90\x00", "application/octet-stream")),
        ("files", ("假文档.docx", b"just text", "application/octet-stream")),
        ("files", ("坏压缩包.docx", zip_without_body, "application/octet-stream")),
        ("files", ("二进制.txt", b"abc\x00\x01\x02", "text/plain")),
        ("files", ("过大.md", ("字" * 30_000).encode(), "text/markdown")),
    ]
    error = assert_error(own_client.post("/v1/examples", files=files), 413)  # nothing usable, one too large
    assert {f["field"] for f in error["fields"]} == {f"files.{name}" for _, (name, _, _) in files}
    error = assert_error(own_client.post("/v1/examples", files=files[:4]), 422, "validation_error")
    assert "程序.exe" in error["message"]

    good = ("files", ("暑期慰问.md", UPLOAD_TEXT.replace("37个", "41个").encode(), "text/markdown"))
    mixed = own_client.post("/v1/examples", files=[good, *files])
    assert mixed.status_code == 200, mixed.text
    assert mixed.json()["accepted"] == ["暑期慰问.md"]
    assert {r["name"] for r in mixed.json()["rejected"]} == {name for _, (name, _, _) in files}


def test_an_upload_request_over_its_total_cap_is_413(own_client, own_service):
    per_file = own_service.settings.max_upload_bytes
    files = [("files", (f"第{i}篇.md", ("字" * (per_file // 3 - 10)).encode(), "text/markdown")) for i in range(6)]
    before = [e.id for e in own_service.library.list_examples()]
    error = assert_error(own_client.post("/v1/examples", files=files), 413, "payload_too_large")
    assert str(per_file * 5) in error["message"]
    assert [e.id for e in own_service.library.list_examples()] == before  # nothing was ingested
