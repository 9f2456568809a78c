"""Two `drafter serve` machines (different ports and data dirs) sharing one PostgreSQL and one `chroma run`: an
upload on A is found on B by keyword and by dense search, a job started on A is read on B, a trace written on A
is read on B, an organisation's example never reaches another's draft, and a kill -9 of A during uploads leaves
B consistent with no acknowledged upload lost."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import uuid

import httpx
import pytest

from api_support import REQUEST, Server, bearer, cli, small_samples
from processes import env_without_settings, poll
from retrieval_support import chroma_server, example_md
from store_support import _new_pg_database
from test_providers_openai import FakeOpenAI

pytestmark = pytest.mark.slow
JOB_BYTES = 3000  # uploads above this run as background jobs
SECRET = "东城区甲厂工会内部材料：组织女职工乳腺癌宫颈癌免费筛查，参检女职工618人，建立电子健康档案。"
TREE = "名称,上级\n东城区总工会,\n东城区甲厂工会,东城区总工会\n西城区总工会,\n"


def _env(root, name, database, chroma, samples, **extra):
    env = env_without_settings()
    env.update(DRAFTER_DATA_DIR=str(root / name / "data"), DRAFTER_SAMPLES_DIR=str(samples),
               DRAFTER_DATABASE_URL=database, DRAFTER_CHROMA_URL=chroma, DRAFTER_COLLECTION="twoinst",
               DRAFTER_PROVIDER="template", DRAFTER_AUTH="on", DRAFTER_UPLOAD_JOB_BYTES=str(JOB_BYTES), **extra)
    (root / name).mkdir(exist_ok=True)
    return env


@pytest.fixture(scope="module")
def machines(tmp_path_factory, pg_cluster):
    """(A, B, keys, model server): A and B share the stores, each with its own data dir."""
    root = tmp_path_factory.mktemp("two")
    samples = small_samples(root / "samples", count=3)
    database = _new_pg_database(pg_cluster)
    with chroma_server(root / "chroma") as chroma, FakeOpenAI([], after="ok") as model:
        env_a = _env(root, "a", database, chroma, samples, DRAFTER_OPENAI_BASE_URL=model.base_url)
        env_b = _env(root, "b", database, chroma, samples)
        (root / "tree.csv").write_text(TREE, encoding="utf-8")
        cli(root / "a", env_a, "orgs", "import", str(root / "tree.csv"))
        keys = {}
        for name, role, org in [("东城", "writer", "东城区甲厂工会"), ("西城", "writer", "西城区总工会"),
                                ("管理员", "admin", "东城区总工会")]:
            keys[name] = json.loads(cli(root / "a", env_a, "keys", "create", name, "--role", role, "--org", org,
                                        "--json"))["key"]
        a = Server(root / "a", env_a).start()  # ingests the shipped samples into the shared stores
        b = Server(root / "b", env_b).start()
        try:
            yield a, b, keys, model
        finally:
            a.stop()
            b.stop()


def _upload(url, key, name, text, shared=False):
    return httpx.post(f"{url}/v1/examples", headers=bearer(key), timeout=120, data={"shared": str(shared).lower()},
                      files=[("files", (name, text.encode("utf-8"), "text/markdown"))])


_poll = poll


def _search(url, key, query, mode):
    response = httpx.get(f"{url}/v1/examples/search", params={"q": query, "k": 10, "mode": mode},
                         headers=bearer(key), timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="module")
def east_upload(machines):
    """(job URL, job as B reads it when finished): East's private example, uploaded on A as a background job (once
    per module, by whichever test needs it first)."""
    a, b, keys, _ = machines
    sections = [(f"{n}、女职工健康关爱第{n}项", SECRET * 3) for n in "一二三四五六七八"]
    text = example_md("东城区甲厂工会女职工工作总结", "专项总结", sections)
    assert len(text.encode()) > JOB_BYTES
    started = _upload(a.url, keys["东城"], "东城内部.md", text)
    assert started.status_code == 202, started.text
    job_url = started.headers["Location"]
    job = _poll(lambda: httpx.get(f"{b.url}{job_url}", headers=bearer(keys["东城"]), timeout=30).json(),
                lambda j: j.get("status") in ("done", "failed"), timeout=180)
    return job_url, job


def test_an_upload_job_on_a_is_read_on_b_and_found_there_by_keyword_and_dense_search(machines, east_upload):
    a, b, keys, _ = machines
    job_url, job = east_upload
    assert job["status"] == "done" and job["result"]["files"] == 1, job
    assert httpx.get(f"{b.url}{job_url}", headers=bearer(keys["西城"])).status_code == 404  # not West's job
    for mode in ("bm25", "dense", "hybrid"):  # B's BM25 cache catches up in the background: poll
        hits = _poll(lambda: _search(b.url, keys["东城"], "乳腺癌宫颈癌免费筛查 电子健康档案", mode),
                     lambda found: found and found[0]["source"] == "东城内部.md")
        on_a = _search(a.url, keys["东城"], "乳腺癌宫颈癌免费筛查 电子健康档案", mode)
        assert hits and hits[0]["source"] == "东城内部.md", (mode, hits[:1], "on A:", on_a[:1])
        assert all(h["source"] != "东城内部.md" for h in _search(b.url, keys["西城"], "乳腺癌宫颈癌免费筛查", mode))


def test_a_trace_written_on_a_is_read_on_b(machines):
    a, b, keys, model = machines
    before = model.hits  # other tests of this module draft with the model too
    created = httpx.post(f"{a.url}/v1/drafts", params={"provider": "openai"}, json={**REQUEST, "org": "东城区甲厂工会"},
                         headers=bearer(keys["东城"]), timeout=300)
    assert created.status_code == 201, created.text
    draft_id = created.json()["id"]
    calls = model.hits - before
    assert calls > 0
    trace = _poll(lambda: httpx.get(f"{b.url}/v1/drafts/{draft_id}/trace", headers=bearer(keys["管理员"]),
                                    timeout=30).json(), lambda t: isinstance(t, list) and len(t) > 0)
    assert len(trace) == calls and {c["provider"] for c in trace} == {"openai"}
    assert httpx.get(f"{b.url}/v1/drafts/{draft_id}", headers=bearer(keys["西城"])).status_code == 404


def test_an_organisations_example_never_reaches_another_organisations_draft(machines, east_upload):
    a, b, keys, _ = machines
    assert east_upload[1]["status"] == "done", east_upload
    secret_id = None
    for hit in _search(a.url, keys["东城"], "乳腺癌宫颈癌免费筛查", "bm25"):
        if hit["source"] == "东城内部.md":
            secret_id = hit["example_id"]
    assert secret_id, "East's private upload (east_upload)"
    facts = ["组织女职工乳腺癌宫颈癌免费筛查，参检女职工705人", "建立女职工电子健康档案705份"]
    for machine in (a, b):
        for provider in ("template", "openai") if machine is a else ("template",):
            body = {**REQUEST, "org": "西城区总工会", "kind": "专项总结", "topic": "女职工工作", "facts": facts,
                    "pinned_examples": [secret_id]}
            drafted = httpx.post(f"{machine.url}/v1/drafts", params={"provider": provider}, json=body,
                                 headers=bearer(keys["西城"]), timeout=300)
            assert drafted.status_code == 201, drafted.text
            sources = {s["source"] for s in drafted.json()["sources"]}
            assert "东城内部.md" not in sources and SECRET[:20] not in drafted.json()["text"]
        assert httpx.get(f"{machine.url}/v1/examples/{secret_id}", headers=bearer(keys["西城"])).status_code == 404
        # the control: East's own draft of the same request does follow its pinned upload
        own = httpx.post(f"{machine.url}/v1/drafts", params={"provider": "template"}, timeout=300,
                         json={**body, "org": "东城区甲厂工会"}, headers=bearer(keys["东城"]))
        assert own.status_code == 201 and "东城内部.md" in {s["source"] for s in own.json()["sources"]}, own.text


def test_an_upload_is_found_by_keyword_on_both_machines_at_their_first_search_and_a_removal_is_gone_at_once(
        machines):
    """No polling: B brings its BM25 delta up to date before answering (retrieval/bm25_refresh.py)."""
    a, b, keys, _ = machines
    word = f"暗号{uuid.uuid4().hex[:8]}"
    text = example_md("东城区甲厂工会职工书屋总结", "专项总结", [("一、职工书屋", f"建成职工书屋{word}，藏书三千册。")])
    assert _search(b.url, keys["东城"], "职工书屋", "bm25") is not None  # B's index is current before the upload
    uploaded = _upload(a.url, keys["东城"], "书屋.md", text)
    assert uploaded.status_code == 200 and uploaded.json()["files"] == 1, uploaded.text
    for machine in (b, a):
        hits = _search(machine.url, keys["东城"], f"职工书屋{word}", "bm25")
        assert any(word in h["text"] for h in hits), machine.url
        assert not any(word in h["text"] for h in _search(machine.url, keys["西城"], f"职工书屋{word}", "bm25"))
    example_id = next(h["example_id"] for h in hits if word in h["text"])
    assert httpx.delete(f"{a.url}/v1/examples/{example_id}", headers=bearer(keys["东城"])).status_code == 200
    for machine in (b, a):
        for mode in ("bm25", "hybrid", "dense"):
            found = _search(machine.url, keys["东城"], f"职工书屋{word}", mode)
            assert not any(word in h["text"] for h in found), (machine.url, mode)


def test_kill_9_of_a_during_uploads_loses_no_acknowledged_upload_and_leaves_b_consistent(machines):
    a, b, keys, _ = machines
    acknowledged: list[tuple[str, str]] = []  # (example id, unique word)
    stop = threading.Event()

    def upload_forever() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            word = f"第{n}号{uuid.uuid4().hex[:6]}"
            text = example_md(f"上传{n}", "专项总结", [("一、职工之家建设", f"建成职工之家{word}，服务职工{n}人。")])
            try:
                response = _upload(a.url, keys["东城"], f"up{n}.md", text)
            except httpx.HTTPError:
                return  # A is gone
            if response.status_code == 200 and response.json()["files"] == 1:
                sha = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
                acknowledged.append((sha, word))

    worker = threading.Thread(target=upload_forever)
    worker.start()
    _poll(lambda: len(acknowledged), lambda count: count >= 3, timeout=180)
    a.process.kill()  # SIGKILL, mid-upload
    a.process.wait(timeout=30)
    stop.set()
    worker.join(timeout=60)
    assert len(acknowledged) >= 3
    east_org = next(o for o in json.loads(cli(a.root, a.env, "orgs", "list", "--json"))
                    if o["name"] == "东城区甲厂工会")["id"]
    for sha, word in acknowledged:
        example = httpx.get(f"{b.url}/v1/examples/uploads/{east_org}/{sha}.md", headers=bearer(keys["东城"]), timeout=30)
        assert example.status_code == 200, (sha, example.text)
        hits = _poll(lambda: _search(b.url, keys["东城"], f"职工之家{word}", "bm25"),
                     lambda found: any(word in h["text"] for h in found))
        assert any(word in h["text"] for h in hits), word
    # B keeps working: every hit resolves, and B takes new uploads
    assert _search(b.url, keys["东城"], "职工之家", "hybrid")
    after = _upload(b.url, keys["东城"], "after.md", example_md("杀后上传", "专项总结", [("一、其他", "杀后上传成功。")]))
    assert after.status_code == 200 and after.json()["files"] == 1, after.text
    # A's disk held caches only: with its data dir deleted, the restarted A finds everything
    shutil.rmtree(a.root / "data")
    a.start()
    sha, word = acknowledged[-1]
    assert httpx.get(f"{a.url}/v1/examples/uploads/{east_org}/{sha}.md", headers=bearer(keys["东城"])).status_code == 200
    assert any(word in h["text"] for h in _search(a.url, keys["东城"], f"职工之家{word}", "bm25"))
    assert any("杀后上传" in h["text"] for h in _search(a.url, keys["东城"], "杀后上传成功", "bm25"))
