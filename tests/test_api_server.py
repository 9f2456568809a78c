"""A real `drafter serve` (uvicorn on 127.0.0.1, a free port) driven with httpx: keys from the CLI, a restart
that keeps everything, and concurrency (50 parallel checks; parallel drafts with concurrent edits of one draft)
against `--workers 2`."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from api_support import REQUEST, Server, bearer, cli, request_for, server_env
from drafter.numcheck import check as number_check

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return tmp_path_factory.mktemp("api_server")


@pytest.fixture(scope="module")
def env(root):
    return server_env(root)


@pytest.fixture(scope="module")
def writer_key(root, env) -> str:
    created = json.loads(cli(root, env, "keys", "create", "办公系统", "--role", "writer", "--json"))
    assert created["role"] == "writer" and created["key"].startswith("dk_")
    listed = cli(root, env, "keys", "list", "--json")
    assert created["key"] not in listed and created["id"] in listed  # only the hash is kept
    return created["key"]


@pytest.fixture(scope="module")
def server(root, env, writer_key):
    """Two worker processes, so concurrent edits also race across processes on the one database."""
    with Server(root, env, workers=2) as running:
        yield running


def test_keys_and_roles_against_the_real_server(server, root, env, writer_key):
    reader = json.loads(cli(root, env, "keys", "create", "只读", "--role", "reader", "--json"))
    with httpx.Client(base_url=server.url, timeout=60) as client:
        assert client.get("/v1/drafts").status_code == 401
        assert client.get("/v1/drafts", headers=bearer(reader["key"])).status_code == 200
        refused = client.post("/v1/drafts", json=REQUEST, headers=bearer(reader["key"]))
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
        cli(root, env, "keys", "revoke", reader["id"])
        assert client.get("/v1/drafts", headers=bearer(reader["key"])).status_code == 401


async def _checks(url: str, key: str, count: int) -> list[tuple[dict, httpx.Response]]:
    bodies = [{"facts": [f"走访慰问困难职工{80 + i}户", "发放慰问金12.6万元"],
               "draft": f"全年走访慰问困难职工{80 + i + (i % 3 == 0)}户，发放慰问金12.6万元。" * 20}
              for i in range(count)]
    async with httpx.AsyncClient(base_url=url, headers=bearer(key), timeout=120,
                                 limits=httpx.Limits(max_connections=count)) as client:
        responses = await asyncio.gather(*(client.post("/v1/check", json=b) for b in bodies))
    return list(zip(bodies, responses))


def test_fifty_parallel_checks_all_answer_correctly(server, writer_key):
    results = asyncio.run(_checks(server.url, writer_key, 50))
    assert all(r.status_code == 200 for _, r in results)
    for body, response in results:
        assert response.json() == number_check(body["facts"], body["draft"]).model_dump(mode="json")
    assert sum(not r.json()["ok"] for _, r in results) == len([i for i in range(50) if i % 3 == 0])


async def _edit_until_saved(client: httpx.AsyncClient, url: str, marker: str) -> int:
    """Read the latest version, save an edit on top of it; on 409 read again and retry. Returns the 409 count."""
    conflicts = 0
    while True:
        latest = (await client.get(url)).json()["latest"]
        response = await client.put(url, json={"text": latest["text"] + f"\n{marker}", "base_version": latest["number"]})
        if response.status_code == 200:
            return conflicts
        assert response.status_code == 409, response.text
        conflicts += 1


async def _drafts_and_edits(url: str, key: str, draft_id: str):
    async with httpx.AsyncClient(base_url=url, headers=bearer(key), timeout=300) as client:
        creates = [client.post("/v1/drafts", json=request_for(f"并发测试{i}号工会")) for i in range(4)]
        edits = [_edit_until_saved(client, f"/v1/drafts/{draft_id}", f"第{i}处修改。") for i in range(6)]
        return await asyncio.gather(asyncio.gather(*creates), asyncio.gather(*edits))


def test_parallel_drafts_and_concurrent_edits_lose_no_version(server, writer_key):
    with httpx.Client(base_url=server.url, headers=bearer(writer_key), timeout=300) as client:
        first = client.post("/v1/drafts", json=REQUEST)
        assert first.status_code == 201, first.text
        draft_id = first.json()["id"]
        created, _conflicts = asyncio.run(_drafts_and_edits(server.url, writer_key, draft_id))
        assert all(r.status_code == 201 for r in created), [r.text for r in created]
        assert len({r.json()["id"] for r in created} | {draft_id}) == 5
        listed = client.get("/v1/drafts", params={"org": "并发测试2号工会"}).json()
        assert listed["total"] == 1

        versions = client.get(f"/v1/drafts/{draft_id}/versions").json()
        assert [v["number"] for v in versions] == list(range(1, 8))  # v1 + six edits, no gaps
        final = versions[-1]["text"]
        assert all(final.count(f"第{i}处修改。") == 1 for i in range(6))  # each edit built on the one before
        assert all(versions[n]["text"].startswith(versions[n - 1]["text"]) for n in range(1, 7))

        stale = client.put(f"/v1/drafts/{draft_id}", json={"text": "过时的修改", "base_version": 3})
        assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_version"
        assert len(client.get(f"/v1/drafts/{draft_id}/versions").json()) == 7


async def _same_base_twice(url: str, key: str, draft_id: str, base: int) -> list[int]:
    async with httpx.AsyncClient(base_url=url, headers=bearer(key), timeout=120) as client:
        puts = [client.put(f"/v1/drafts/{draft_id}", json={"text": f"同时修改{i}", "base_version": base}) for i in range(3)]
        return sorted(r.status_code for r in await asyncio.gather(*puts))


def test_simultaneous_edits_of_the_same_version_give_one_save_and_409s(server, writer_key):
    with httpx.Client(base_url=server.url, headers=bearer(writer_key), timeout=300) as client:
        draft_id = client.post("/v1/drafts", json=request_for("同时编辑测试工会")).json()["id"]
        assert asyncio.run(_same_base_twice(server.url, writer_key, draft_id, 1)) == [200, 409, 409]
        versions = client.get(f"/v1/drafts/{draft_id}/versions").json()
        assert [v["number"] for v in versions] == [1, 2] and versions[1]["text"].startswith("同时修改")


def test_restart_keeps_drafts_versions_reviews_and_keys(tmp_path):
    env = server_env(tmp_path)
    writer = json.loads(cli(tmp_path, env, "keys", "create", "秘书", "--role", "writer", "--json"))["key"]
    reviewer = json.loads(cli(tmp_path, env, "keys", "create", "主席", "--role", "reviewer", "--json"))["key"]
    with Server(tmp_path, env) as server, httpx.Client(base_url=server.url, timeout=300) as client:
        created = client.post("/v1/drafts", json=REQUEST, headers=bearer(writer)).json()
        draft_id = created["id"]
        client.put(f"/v1/drafts/{draft_id}", json={"text": created["text"] + "\n补充。", "base_version": 1},
                   headers=bearer(writer)).raise_for_status()
        client.post(f"/v1/drafts/{draft_id}/submit", headers=bearer(writer)).raise_for_status()
        client.post(f"/v1/drafts/{draft_id}/review", json={"decision": "return", "comment": "再改改"},
                    headers=bearer(reviewer)).raise_for_status()
        before = client.get(f"/v1/drafts/{draft_id}", headers=bearer(writer)).json()
        versions_before = client.get(f"/v1/drafts/{draft_id}/versions", headers=bearer(writer)).json()
    with Server(tmp_path, env) as server, httpx.Client(base_url=server.url, timeout=300) as client:
        after = client.get(f"/v1/drafts/{draft_id}", headers=bearer(writer)).json()
        assert after == before and after["status"] == "returned" and after["latest_version"] == 2
        assert client.get(f"/v1/drafts/{draft_id}/versions", headers=bearer(writer)).json() == versions_before
        assert client.get("/v1/drafts", headers=bearer(reviewer)).json()["total"] == 1
