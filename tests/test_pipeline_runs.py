"""A list that reads grouped is cut into runs of adjacent facts (drafter/pipeline/runs.py, grouping.clusters), with
the facts' vectors centred on their mean (grouping.centred)."""

from __future__ import annotations

import numpy as np

from drafter.pipeline import grouping, runs
from plan_support import embedder  # noqa: F401 - a fixture
from test_pipeline_grouping import CARE, CULTURE, SKILLS

ORG = ["新建基层工会组织6个，新发展会员320名", "开展工会会员实名制录入，完成率98%", "举办基层工会主席培训班，培训42人",
       "完成3家基层工会换届选举"]
WOMEN = ["开展女职工“两癌”筛查，受益女职工260人", "举办“三八”妇女节座谈会，女职工代表40人参加", "建成爱心妈咪小屋2个",
         "为女职工发放卫生保健用品500份"]
LEAD = "为深入贯彻落实上级工会工作部署要求，进一步推动公司工会各项工作高质量发展，"


def unit(embedder, facts: list[str]) -> np.ndarray:
    raw = np.asarray(embedder.embed_passages(facts), dtype=np.float32)
    return raw / np.linalg.norm(raw, axis=1, keepdims=True)


def test_a_list_area_by_area_reads_grouped_the_same_facts_interleaved_do_not(embedder):
    areas = [ORG, CARE, SKILLS, CULTURE, WOMEN]
    assert runs.grouped(grouping.centred(unit(embedder, [f for area in areas for f in area])))
    interleaved = [area[i] for i in range(4) for area in areas]
    assert not runs.grouped(grouping.centred(unit(embedder, interleaved)))
    assert not runs.grouped(grouping.centred(unit(embedder, CARE + SKILLS[:1])))  # too few facts to tell


def test_what_all_facts_share_does_not_group_them(embedder):
    """Half the facts open with one long frame: by their raw vectors it groups them; centred, their areas do.

    CARE[3] (困难职工档案) is left free: it is near both areas, and which side it joins changed with the CPU's
    numerics (an AMD EPYC put it with the skills facts, an earlier machine with the care facts)."""
    facts = [LEAD + CARE[0], LEAD + SKILLS[0], LEAD + CARE[1], LEAD + SKILLS[1], CARE[2], SKILLS[2], CARE[3], SKILLS[3]]
    vectors = unit(embedder, facts)
    raw = grouping.affinity(vectors, [None] * 8, 8, ordered=False)
    centred = grouping.affinity(vectors, [None] * 8, 8, ordered=False, centre=True)

    def group_of(clusters: list[list[int]]) -> dict[int, int]:
        return {fact: n for n, members in enumerate(clusters) for fact in members}

    raw_group = group_of(grouping.cluster(raw, 2, 8))
    assert len({raw_group[i] for i in (0, 1, 2, 3)}) == 1  # the frame holds its four facts together
    centred_group = group_of(grouping.cluster(centred, 2, 8))
    assert len({centred_group[i] for i in (0, 2, 4)}) == 1  # care, with and without the frame
    assert len({centred_group[i] for i in (1, 3, 5, 7)}) == 1  # skills, with and without the frame
    assert centred_group[0] != centred_group[1]


def blocks(sizes: list[int], within: float = 2.0, across: float = -3.0) -> np.ndarray:
    labels = np.repeat(np.arange(len(sizes)), sizes)
    return np.where(np.equal.outer(labels, labels), within, across)


def test_the_cut_keeps_her_runs_and_no_run_of_unrelated_areas():
    scores = blocks([3, 3, 3])
    assert runs.cut(scores, 3, 10) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    scores[3:6, 6:9] = scores[6:9, 3:6] = -0.5  # the last two runs are a little alike: two runs join them
    assert runs.cut(scores, 2, 10) == [[0, 1, 2], [3, 4, 5, 6, 7, 8]]
    apart = 1.0 - blocks([3, 3, 3], 1.0, 0.0)  # … but the lexicon puts the three in unrelated areas
    assert runs.cut(scores, 2, 10, apart=apart, near=scores) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    near = np.where(scores == -0.5, 0.5, scores)  # the last two alike by meaning alone: they may share a run
    assert runs.cut(scores, 2, 10, apart=apart, near=near) == [[0, 1, 2], [3, 4, 5, 6, 7, 8]]
    assert len(runs.cut(scores, 2, 2, apart=apart, near=scores)) == 2  # at a cap of two sections, two runs


def test_a_grouped_list_keeps_a_fact_in_her_area_though_it_reads_like_another(monkeypatch):
    """Five areas of five facts in her order; the second area's last fact is nearer in meaning to the fourth area's
    facts than to its own: clustered by meaning it leaves her area, cut into runs it stays."""
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(5, 64))
    vectors = np.repeat(centres, 5, axis=0) + rng.normal(scale=0.6, size=(25, 64))
    vectors[9] = 0.8 * centres[3] + 0.2 * centres[1] + rng.normal(scale=0.3, size=64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert runs.grouped(grouping.centred(vectors))
    made, _ = grouping.clusters(vectors, [None] * 25, [], None, [""] * 25, cap=10, per=8)
    assert made == [list(range(start, start + 5)) for start in range(0, 25, 5)]
    monkeypatch.setattr(runs, "GROUPED", np.inf)  # clustered by meaning, her order only a lean
    clustered, _ = grouping.clusters(vectors, [None] * 25, [], None, [""] * 25, cap=10, per=8)
    assert list(range(5, 10)) not in clustered
