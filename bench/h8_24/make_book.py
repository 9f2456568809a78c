"""Writes headings.json: for each captured heading prompt (prompts.json, random fact lists, in capture order) the
heading a strong hosted model would answer, written by hand before any rule's verdict was read; label "bad" (with the
reason) for the ones a careful reviewer would refuse. Run: python bench/h8_24/make_book.py"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

G = "good"
B = "bad"
REPLIES = {  # prompt number (1-based, prompts.json order) -> (reply, label, reason)
    1: ("开展岗位练兵，表彰优秀建议", G, ""),
    2: ("组织“环卫工人节”庆典活动", G, ""),
    3: ("加强工会组织建设，推进支局创建", G, ""),
    4: ("荣获省级文明单位称号", B, "invented honour"),
    5: ("公司营业收入增长23.52%", B, "a number, one fact's words over five facts"),
    6: ("扎实推进各项工作", B, "generic"),
    7: ("开展帮扶关爱，为职工排忧解难", G, ""),
    8: ("组织职介会，促进下岗再就业", G, ""),
    9: ("开展教研活动，培养学科带头人", G, ""),
    10: ("开展节水节电，降低能源消耗", G, ""),
    11: ("推进医疗互助，完善帮困制度", G, ""),
    12: ("参加“创新杯”比赛为公司争光", B, "one fact's words over three different facts"),
    13: ("承办教研会课，完成生产目标", G, ""),
    14: ("表彰协管先进组织和个人", G, ""),
    15: ("成立劳动争议调解委员会", B, "one fact's words over seven facts"),
    16: ("开展创先争优和合理化建议活动", G, ""),
    17: ("加强学科带头人培养", G, ""),
    18: ("发挥骨干示范作用，创建学习型组织", G, ""),
    19: ("推进平等协商，加强职工维权", G, ""),
    20: ("发挥学科带头人作用，完善数据库", G, ""),
    21: ("开展安全建议评比活动", G, ""),
    22: ("开展岗位练兵技术比赛", G, ""),
    23: ("开展节日慰问，关心职工生活", G, ""),
    24: ("开展读书学习，推进职工书屋建设", G, ""),
    25: ("转变作风，深入基层服务职工", G, ""),
    26: ("组织志愿者活动，增强荣誉感", B, "one fact's words over seven facts"),
    27: ("健全工会组织，扩大工会覆盖", G, ""),
    28: ("关爱女职工，表彰先进女工", G, ""),
    29: ("关爱留守学生，实施零学费入学", G, ""),
    30: ("荣获全国工会法知识竞赛优胜奖", B, "invented honour"),
    31: ("构建和谐劳动关系，提升职工技能", G, ""),
    32: ("规范职工工装管理", G, ""),
    33: ("总结经验，弘扬工作成果", B, "one fact's words over seven facts"),
    34: ("维护职工权益，构建和谐劳动关系", G, ""),
    35: ("开展问卷调查，做好信息报送", G, ""),
    36: ("工会其他工作", B, "generic"),
    37: ("创建学习型组织，提升职工素质", G, ""),
    38: ("开展文体活动，丰富职工生活", G, ""),
    39: ("男女单打包揽前三名", B, "one fact's words over four facts, a ranking"),
    40: ("提升宾馆服务，获政府奖励", G, ""),
    41: ("参加“爱心一日捐”活动", G, ""),
    42: ("健全女工组织，开展微笑服务", G, ""),
    43: ("开展问卷调查和“微笑”活动", G, ""),
    44: ("签订劳动合同，推进民主管理", G, ""),
    45: ("关爱困难职工，抓好安全生产", G, ""),
    46: ("收到活动心得31篇", B, "a number, one fact's words over two facts"),
    47: ("开展心得征文活动", G, ""),
    48: ("健全工会组织，发展工会会员", G, ""),
    49: ("推行便民服务承诺", G, ""),
    50: ("开展评先树优和四德榜评选", G, ""),
    51: ("推进厂务公开，维护职工权益", G, ""),
    52: ("创作企业歌曲《共筑一个家》", B, "one fact's words over six facts"),
    53: ("开展送温暖和献爱心活动", G, ""),
    54: ("荣获省级文明行业称号", B, "invented honour"),
    55: ("加强职工培训，签订集体合同", G, ""),
    56: ("组织女职工建功立业活动", G, ""),
    57: ("开展劳动竞赛和技术比武", G, ""),
}
ROUND2 = {  # prompts asked only once the book's headings were taken (prompts_round2.json), written before verdicts
    58: ("开展读书学习，推进职工书屋建设", G, ""),
    59: ("做好宣传报道和文明行业创建", G, ""),
    60: ("发挥学科带头人示范作用", G, ""),  # asked only under the rules before h5's merge (prompts_round3.json)
}


def write_book(here: Path, prompts: list[dict], replies: dict) -> None:
    """headings.json in `here`: each prompt (numbered from 1) with its reply, label and reason (h8's and h5_25's)."""
    assert len(prompts) == len(replies), (len(prompts), len(replies))
    book = [{"n": n, "facts": p["facts"], "examples": p["examples"], "reply": replies[n][0], "label": replies[n][1],
             "reason": replies[n][2]} for n, p in enumerate(prompts, 1)]
    (here / "headings.json").write_text(json.dumps({"headings": book}, ensure_ascii=False, indent=1) + "\n")
    labels = [e["label"] for e in book]
    print(f"{len(book)} headings: {labels.count(G)} good, {labels.count(B)} bad")


def main() -> None:
    prompts = json.loads((HERE / "prompts.json").read_text())
    prompts += json.loads((HERE / "prompts_round2.json").read_text())
    prompts += json.loads((HERE / "prompts_round3.json").read_text())
    REPLIES.update(ROUND2)
    write_book(HERE, prompts, REPLIES)


if __name__ == "__main__":
    main()
