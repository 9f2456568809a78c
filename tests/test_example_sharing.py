"""Sharing an uploaded example with every organisation, and taking that back, in place (issue 22): no delete and
re-upload; at once on every machine over the shared stores, by keyword, dense and hybrid search and by lookup;
only within the caller's reach (404 outside it, as for an unknown id); never for the shipped corpus (403).
On SQLite (two services over one data dir) and on PostgreSQL with a real `chroma run` (two data dirs)."""

from __future__ import annotations

import contextlib
import json

import pytest
from api_support import assert_error, bearer, small_samples
from fastapi.testclient import TestClient
from retrieval_support import chroma_server, example_md
from store_support import store_url  # noqa: F401 - fixture
from typer.testing import CliRunner

from drafter.api import create_app
from drafter.cli import app
from drafter.domain.errors import Forbidden
from drafter.service import DrafterService
from drafter.settings import Settings

TREE = "东城区总工会,\n甲机械厂工会,东城区总工会\n西城区总工会,\n"
DRONE = example_md("农机合作社工会专项总结", "专项总结", [
    ("一、无人机植保飞手培训", "举办无人机植保飞手培训班，合作社职工考取无人机驾驶执照，开展飞防作业比武。")])
QUERY = "无人机植保飞手培训 飞防作业"


@pytest.fixture
def machines(store_url, tmp_path):  # noqa: F811
    """Two services (API machines) over one store and one vector store, with the tree above and its users."""
    samples = small_samples(tmp_path / "samples", count=2)
    postgres = not store_url.startswith("sqlite")
    with chroma_server(tmp_path / "chroma") if postgres else contextlib.nullcontext() as chroma:
        def machine(name: str) -> DrafterService:
            return DrafterService(Settings(data_dir=tmp_path / (name if postgres else "data"), database_url=store_url,
                                           chroma_url=chroma, samples_dir=samples, provider="template", auth="on",
                                           collection="sharing", _env_file=None))

        a = machine("a")
        a.import_orgs(TREE)
        a.library.ensure_ingested(samples)
        users = {name: a.create_user(name, f"password-{name}", role, org) for name, role, org in
                 [("甲厂起草", "writer", "甲机械厂工会"), ("东城审核", "reviewer", "东城区总工会"),
                  ("西城起草", "writer", "西城区总工会")]}
        yield a, machine("b"), users


def _finds(service, user, example_id: str) -> dict[str, bool]:
    """Whether the user's search finds the example, by each mode, and whether its lookup does."""
    found = {mode: example_id in {h.example_id for h in service.search_examples(QUERY, k=10, mode=mode, viewer=user)}
             for mode in ("bm25", "dense", "hybrid")}
    return {**found, "lookup": service.get_example(example_id, viewer=user) is not None}


def test_unsharing_an_upload_hides_it_from_other_organisations_at_once_on_the_other_machine(machines):
    a, b, users = machines
    report = a.add_examples([("drone.md", DRONE.encode())], uploader=users["甲厂起草"], shared=True)
    assert report.files == 1
    example_id = a.search_examples(QUERY, k=1, mode="bm25", viewer=users["甲厂起草"])[0].example_id
    everywhere = {"bm25": True, "dense": True, "hybrid": True, "lookup": True}
    assert _finds(b, users["西城起草"], example_id) == everywhere  # shared: West finds it on B

    unshared = a.share_example(example_id, False, viewer=users["甲厂起草"])
    assert unshared is not None and unshared.shared is False and unshared.org == users["甲厂起草"].org_id
    assert _finds(b, users["西城起草"], example_id) == dict.fromkeys(everywhere, False)  # B, its next search
    assert _finds(a, users["西城起草"], example_id) == dict.fromkeys(everywhere, False)
    assert _finds(b, users["甲厂起草"], example_id) == everywhere  # its own organisation still finds it
    assert _finds(b, users["东城审核"], example_id)["bm25"] is False  # a parent does not read down

    assert b.share_example(example_id, True, viewer=users["西城起草"]) is None  # outside West's reach: "none"
    assert b.get_example(example_id).shared is False
    assert b.share_example(example_id, True, viewer=users["东城审核"]).shared is True  # the parent's reach
    assert _finds(a, users["西城起草"], example_id) == everywhere
    assert len([e for e in b.library.list_examples() if e.id == example_id]) == 1  # the same example, in place


def test_the_shipped_corpus_stays_everyones_and_an_unknown_example_is_none(machines):
    a, _, users = machines
    shipped = a.library.list_examples()[0]
    with pytest.raises(Forbidden):
        a.share_example(shipped.id, False, viewer=users["甲厂起草"])
    with pytest.raises(Forbidden):
        a.share_example(shipped.id, False)  # not even the root (the CLI)
    assert a.share_example("uploads/nothing.md", False) is None


def test_sharing_over_the_api_and_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", samples_dir=small_samples(tmp_path / "samples", count=2),
                        provider="template", auth="on", _env_file=None)
    service = DrafterService(settings)
    service.import_orgs(TREE)
    keys = {name: service.create_api_key(name, "writer", org)[1]
            for name, org in [("甲厂", "甲机械厂工会"), ("西城", "西城区总工会")]}
    client = TestClient(create_app(service))
    uploaded = client.post("/v1/examples", headers=bearer(keys["甲厂"]), data={"shared": "true"},
                           files=[("files", ("drone.md", DRONE.encode(), "text/markdown"))])
    assert uploaded.status_code == 200, uploaded.text
    example_id = client.get("/v1/examples/search", params={"q": QUERY, "k": 1, "mode": "bm25"},
                            headers=bearer(keys["西城"])).json()[0]["example_id"]
    url = f"/v1/examples/{example_id}"
    assert_error(client.patch(url, json={"shared": False}, headers=bearer(keys["西城"])), 404)  # not West's
    assert_error(client.patch(url, json={}, headers=bearer(keys["甲厂"])), 422)
    done = client.patch(url, json={"shared": False}, headers=bearer(keys["甲厂"]))
    assert done.status_code == 200 and done.json()["shared"] is False, done.text
    assert_error(client.get(url, headers=bearer(keys["西城"])), 404)
    hits = client.get("/v1/examples/search", params={"q": QUERY, "k": 10}, headers=bearer(keys["西城"])).json()
    assert example_id not in {h["example_id"] for h in hits}
    shipped = service.library.list_examples()[0].id
    assert_error(client.patch(f"/v1/examples/{shipped}", json={"shared": False}, headers=bearer(keys["甲厂"])), 403)

    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data"), "DRAFTER_SAMPLES_DIR": str(settings.samples_dir)}
    shared = CliRunner().invoke(app, ["share", example_id], env=env)
    assert shared.exit_code == 0 and "已与所有组织共享" in shared.output, shared.output
    assert client.get(url, headers=bearer(keys["西城"])).status_code == 200
    off = CliRunner().invoke(app, ["share", example_id, "--off"], env=env)
    assert off.exit_code == 0 and "已取消共享" in off.output, off.output
    assert CliRunner().invoke(app, ["share", "uploads/nothing.md"], env=env).exit_code == 1
    refused = CliRunner().invoke(app, ["share", shipped, "--off"], env=env)
    assert refused.exit_code == 2 and "所有组织可见" in refused.output
    assert json.loads(client.get(url, headers=bearer(keys["甲厂"])).text)["shared"] is False
