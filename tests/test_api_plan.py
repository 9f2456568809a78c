"""POST /v1/plan and a plan sent back in POST /v1/drafts (issue 20), through the ASGI app and against a real
`drafter serve`: the proposed outline is edited as a secretary would (a heading renamed, a fact moved to another
section), the draft follows it and stores it; a bad outline is a 422 in Chinese and nothing is lost."""

from __future__ import annotations

import copy
import json

import httpx
import pytest
from fastapi.testclient import TestClient

from api_support import Server, assert_error, bearer, cli, server_env
from drafter.api import create_app

FACTS = [
    "春节走访慰问困难职工86户，发放慰问金12.6万元",
    "夏季为高温岗位职工送清凉，慰问一线职工320人次",
    "组织职工技能竞赛3场，参赛职工420人次",
    "开展岗位练兵活动，评选技术能手12名",
    "新建职工书屋2个，新增图书1500册",
    "举办职工篮球赛，参赛队伍16支",
]
REQUEST = {"org": "某某市机械厂工会", "period": "2025年", "kind": "年度总结", "facts": FACTS}
RENAMED = "用心用情服务职工"
EMPTY = "待补充的一节"


def edited(plan: dict) -> tuple[dict, int, int]:
    """(the outline with its first section renamed and a fact moved out of a section that holds two or more into
    another section, the moved fact's number, the index of the section it went to)."""
    outline = {"sections": copy.deepcopy(plan["sections"])}
    sections = outline["sections"]
    source = next(i for i, s in enumerate(sections) if len(s["facts"]) >= 2)
    target = 0 if source != 0 else 1
    moved = sections[source]["facts"].pop()
    sections[target]["facts"].append(moved)
    sections[0]["heading"] = RENAMED
    sections.append({"heading": EMPTY, "facts": [], "area": None})  # left empty: dropped, and she is told
    return outline, moved, target


def round_trip(client, headers: dict) -> None:
    proposed = client.post("/v1/plan", json=REQUEST, headers=headers)
    assert proposed.status_code == 200, proposed.text
    plan = proposed.json()
    assert len(plan["sections"]) >= 2 and all(s["heading"] for s in plan["sections"])
    assert sorted(n for s in plan["sections"] for n in s["facts"]) == list(range(1, len(FACTS) + 1))
    assert RENAMED not in [s["heading"] for s in plan["sections"]]

    outline, moved, target = edited(plan)
    created = client.post("/v1/drafts", json={**REQUEST, "plan": outline}, headers=headers)
    assert created.status_code == 201, created.text
    draft = created.json()
    body = [s for s in draft["sections"] if s["facts"]]
    kept = [s for s in outline["sections"] if s["facts"]]
    assert [sorted(s["facts"]) for s in body] == [sorted(s["facts"]) for s in kept]
    assert RENAMED in body[0]["heading"] and RENAMED in draft["text"]
    assert moved in body[target]["facts"] and FACTS[moved - 1].split("，")[0] in body[target]["text"]
    for section in kept:
        assert section["heading"] in draft["text"]  # her headings, as she wrote them
    assert EMPTY not in draft["text"] and any(EMPTY in w for w in draft["warnings"])
    assert draft["check"]["ok"], draft["check"]
    stored = client.get(f"/v1/drafts/{draft['id']}", headers=headers).json()
    assert [(s["heading"], s["facts"]) for s in stored["request"]["plan"]["sections"]] == \
        [(s["heading"], s["facts"]) for s in outline["sections"]]

    before = client.get("/v1/drafts", headers=headers).json()["total"]
    no_such_fact = {"sections": [*kept[:-1], {"heading": "其他", "facts": [99]}]}
    for route in ("/v1/drafts", "/v1/plan"):
        error = assert_error(client.post(route, json={**REQUEST, "plan": no_such_fact}, headers=headers), 422)
        assert "超出范围" in error["message"] and "99" in error["message"]
    unnamed = {"sections": [kept[0], {**kept[1], "heading": "三、"}, *kept[2:]]}
    error = assert_error(client.post("/v1/drafts", json={**REQUEST, "plan": unnamed}, headers=headers), 422)
    assert "提纲第 2 节的标题" in error["message"]
    error = assert_error(client.post("/v1/drafts", json={**REQUEST, "plan": {"sections": []}}, headers=headers), 422)
    assert "提纲" in error["message"]
    assert client.get("/v1/drafts", headers=headers).json()["total"] == before  # nothing half-made
    assert client.get(f"/v1/drafts/{draft['id']}", headers=headers).json() == stored  # nothing lost


def test_plan_edited_and_drafted_through_the_app(service):
    with TestClient(create_app(service)) as client:
        round_trip(client, {})


@pytest.mark.slow
def test_plan_edited_and_drafted_against_a_real_server(tmp_path):
    env = server_env(tmp_path)
    key = json.loads(cli(tmp_path, env, "keys", "create", "秘书", "--role", "writer", "--json"))["key"]
    with Server(tmp_path, env) as server, httpx.Client(base_url=server.url, timeout=300) as client:
        assert client.post("/v1/plan", json=REQUEST).status_code == 401
        round_trip(client, bearer(key))


def test_sections_merged_and_one_split_into_sub_sections_over_the_api(service):
    """She merges the first two proposed sections under one heading and splits the last one into two sub-sections
    of one area; the draft follows both, and the stored request keeps the outline for regenerating."""
    with TestClient(create_app(service)) as client:
        plan = client.post("/v1/plan", json=REQUEST).json()
        sections = plan["sections"]
        assert len(sections) >= 3, sections
        merged = {"heading": "关心职工，服务职工", "facts": sections[0]["facts"] + sections[1]["facts"], "area": None}
        rest = [n for s in sections[2:] for n in s["facts"]]
        while len(rest) < 2:  # the split needs two facts: the merged section gives one
            rest.insert(0, merged["facts"].pop())
        half = len(rest) // 2
        outline = {"sections": [merged,
                                {"heading": "技能提升", "facts": rest[:half], "area": "建功立业，丰富生活"},
                                {"heading": "文化生活", "facts": rest[half:], "area": "建功立业，丰富生活"}]}
        created = client.post("/v1/drafts", json={**REQUEST, "plan": outline})
        assert created.status_code == 201, created.text
        draft = created.json()
        text = draft["text"]
        assert "一、关心职工，服务职工" in text and "二、建功立业，丰富生活\n（一）技能提升" in text.replace("\r", "")
        assert "（二）文化生活" in text and "三、" not in text  # two top-level sections: the merged one, the area
        body = [s for s in draft["sections"] if s["facts"]]
        assert [sorted(s["facts"]) for s in body] == [sorted(s["facts"]) for s in outline["sections"]]
        assert draft["check"]["ok"], draft["check"]
        stored = client.get(f"/v1/drafts/{draft['id']}").json()["request"]["plan"]
        assert [(s["heading"], s["facts"], s["area"]) for s in stored["sections"]] == \
            [(s["heading"], s["facts"], s["area"]) for s in outline["sections"]]
