"""Facts that refer back to others: "并建立考核评比制度,…定期检查各组织员的工作成效" continues the facts about the
组织员 before it, so it belongs in their section, not in one of its own (held-out s002_04: it became
"五、建立考核评比制度", apart from the 组织员 it plainly speaks of).

A fact refers back to
- the fact before it in her list when it opens with a link (并, 还, 同时, 也 …) and her list reads as grouped (in a
  list in random order the fact before it is any fact), and
- the facts that write the noun it points at: 这些/这批/上述/该 + a noun another fact writes (这些组织员), or 各 + a
  noun of people another fact writes (各组织员; 各单位, 各基层工会 are everyone's, not a noun given before).
Used by fitting.py: such a fact is at home beside the facts it refers to, a one-fact section of it joins them
(`rejoin`), and so does a fact all of whose antecedents are in one other section (`follow`).
"""

from __future__ import annotations

import re

OPENER = re.compile(r"^(?:并且|而且|与此同时|同时|此外|另外|并(?![购网轨入列])|还(?![款贷原])|也)")
_POINTED = re.compile(r"(?:这些|这批|上述|该)([\u4e00-\u9fff]{2,5})")
_EACH = re.compile(r"各([\u4e00-\u9fff]{1,4}?(?:员|者|代表))")  # 各组织员, 各信息员, 各职工代表: people named before
GENERIC = frozenset("活动 工作 项目 单位 企业 公司 职工 员工 方面 措施 制度 同志 部门 地区 年度 时期".split())


def antecedents(facts: list[str], ordered: bool) -> list[set[int]]:
    """For each fact (0-based), the facts it refers back to (see the module docstring); `ordered`: her list reads
    as grouped, so an opening link points at the fact before."""
    out: list[set[int]] = []
    for index, fact in enumerate(facts):
        found: set[int] = set()
        if ordered and index and OPENER.match(fact.strip()):
            found.add(index - 1)
        others = [(other, text) for other, text in enumerate(facts) if other != index]
        for starts in _pointed(fact):  # the longest start another fact writes: 这些组织员明确… -> 组织员, not 组织
            noun = next((n for n in starts if any(n in text for _, text in others)), "")
            found |= {other for other, text in others if noun and noun in text}
        out.append(found)
    return out


def _pointed(fact: str) -> list[list[str]]:
    """What the fact points at, each as the starts of the words after the pointer, longest first (two characters
    at least, no generic noun: 这些活动, 该单位 point at nothing in particular); the people noun after 各 whole."""
    nouns = [[m.group(1)] for m in _EACH.finditer(fact) if len(m.group(1)) >= 3]
    for match in _POINTED.finditer(fact):
        words = match.group(1)
        if words[:2] not in GENERIC:
            nouns.append([words[:n] for n in range(len(words), 1, -1)])
    return nouns


def rejoin(sections: list[tuple[list[int], str]], refer: list[set[int]], room) -> None:
    """A one-fact section whose fact refers back to facts of another section joins the section holding most of
    them (in place) when `room(lines)` allows it there; its own section is left empty."""
    for lines, _ in sections:
        if len(lines) != 1 or not refer[lines[0]]:
            continue
        fact = lines[0]
        counts = [(len(refer[fact] & set(other)), index) for index, (other, _) in enumerate(sections)
                  if other is not lines and other]
        best = max(counts, default=(0, -1))
        if best[0] and room(sorted(sections[best[1]][0] + [fact])):
            sections[best[1]][0].append(fact)
            sections[best[1]][0].sort()
            lines.clear()


def follow(sections: list[tuple[list[int], str]], refer: list[set[int]], fits) -> list[int]:
    """A fact none of whose antecedents is in its own section and all of whose antecedents are in one other joins
    them there (in place) when `fits(title, lines)` allows it: "总之…这些成绩的取得…为我市法院争了光" sums up the culture
    facts (held-out s002_12, session 24), not the study section its 精神文明 put it in. Returns the facts moved."""
    moved = []
    for lines, _ in sections:
        for fact in [f for f in lines if refer[f] and not refer[f] & set(lines)]:
            homes = {index for index, (other, _) in enumerate(sections) if refer[fact] & set(other)}
            target = homes.pop() if len(homes) == 1 else None
            if target is not None and refer[fact] <= set(sections[target][0]) \
                    and fits(sections[target][1], sorted(sections[target][0] + [fact])):
                lines.remove(fact)
                sections[target][0].append(fact)
                sections[target][0].sort()
                moved.append(fact)
    return moved
