"""Writes headings.json: for each captured heading prompt (prompts.json, in order, duplicates once) the heading a
strong hosted model would answer, written by hand before any rule's verdict was read; label "bad" (with the reason)
for the ones a careful reviewer would refuse (invented content, one fact's words over several facts, generic, a
number). Run: python bench/h5_24/make_book.py"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

G = "good"
REPLIES = {  # prompt number (1-based, unique prompts in capture order) -> (reply, label, reason)
    1: ("开展送温暖慰问和评先表彰", G, ""),
    2: ("开展员工调查，规范劳动关系", G, ""),
    3: ("开展合理化建议和文明行业创建", G, ""),
    4: ("加强工会组织和干部队伍建设", G, ""),
    5: ("开展员工问卷调查", G, ""),
    6: ("推进农村规范服务支局创建", G, ""),
    7: ("健全职代会制度，推进民主管理", G, ""),
    8: ("其他工作", "bad", "generic"),
    9: ("加强职工学习培训，提升队伍素质", G, ""),
    10: ("开展“阳光女性、幸福中国”演讲比赛", "bad", "one fact's words over seven facts"),
    11: ("营业收入增长23%", "bad", "a number"),
    12: ("拓展服务项目，创新工作方式", G, ""),
    13: ("为偏远职工发放生活必需品", G, ""),
    14: ("立足园区实际服务职工", "bad", "invented: the fact states no work"),
    15: ("分析问题，总结经验", G, ""),
    16: ("坚持总结反思，提高工作质量", G, ""),
    17: ("分析问题，总结工作经验", G, ""),
    18: ("黑板报评比获得公司表彰", G, ""),
    19: ("服务中心工作，开展结对帮扶", G, ""),
    20: ("健全工会组织，保障工会工作", G, ""),
    21: ("加强工会建设，服务全局工作", G, ""),
    22: ("组织职工参加无偿献血活动", "bad", "one fact's words over six facts"),
    23: ("服务中心工作，为职工排忧解难", G, ""),
    24: ("深化创建学习型组织活动", G, ""),
    25: ("健全职工大会制度，推进民主管理", G, ""),
    26: ("开展关爱空巢老人志愿活动", "bad", "one fact's words over eight facts"),
    27: ("开展主题教育，丰富职工文化生活", G, ""),
    28: ("结合节日开展主题志愿活动", G, ""),
    29: ("定期召开工会委员会议", G, ""),
    30: ("参与劳动用工和安全生产检查", G, ""),
    31: ("加强职工教育培训和职业道德建设", G, ""),
    32: ("围绕生产经营，发挥工会作用", G, ""),
    33: ("开展优质服务和职工素质提升", G, ""),
    34: ("丰富职工文化生活，建设企业文化", G, ""),
    35: ("搭建交流平台，凝聚职工力量", G, ""),
    36: ("加强基层工会建设和评先工作", G, ""),
    37: ("荣获市级行风建设先进单位", "bad", "invented honour"),
    38: ("推进民主管理和合同签订", G, ""),
    39: ("工会其他工作", "bad", "generic"),
    40: ("完成合同续订，推行便民承诺", G, ""),
    41: ("落实科学发展观，推进机关建设", G, ""),
    42: ("落实科学发展观，为干警办实事", G, ""),
    43: ("组织参加市政法系统首届运动会", "bad", "one fact's words over eight facts"),
    44: ("加强工会干部培训和制度建设", G, ""),
    45: ("坚持每月为干警放映一次", "bad", "a count, one fact's words"),
    46: ("关心职工生活，做好评先表彰", G, ""),
    47: ("开展思想状况调查，维护职工权益", G, ""),
    48: ("开展劳动竞赛和合理化建议活动", G, ""),
    49: ("加强工会组织建设和干部培训", G, ""),
    50: ("开展员工思想状况问卷调查", "bad", "invented: no shown fact says 思想状况"),
    51: ("推进规范服务支局创建", G, ""),
    52: ("组织职工疗休养和节日慰问", G, ""),
    53: ("开展文明创建和演讲评先活动", G, ""),
    54: ("推进非公企业工会组建", G, ""),
    55: ("发展自营经济60余户", "bad", "a number"),
    56: ("完善工会制度，发展自营经济", G, ""),
    57: ("开展帮扶结对和献爱心活动", G, ""),
    58: ("检查企业非典防治工作", G, ""),
    59: ("慰问困难职工，开展执法检查", G, ""),
    60: ("开展“七一”重要讲话学习竞赛", "bad", "invented: no contest"),
    61: ("落实目标考核和集体协商工作", G, ""),
    62: ("检查非典防治，维护职工权益", G, ""),
    63: ("团结职工完成全年任务", G, ""),
    64: ("规范会员管理，加强职工培训", G, ""),
    65: ("开展文体活动，关心教师身心健康", G, ""),
    66: ("加强工会宣传和干部培训", G, ""),
    67: ("组织职工健康体检", "bad", "one fact's words over eight facts"),
    68: ("开展节能竞赛，维护职工权益", G, ""),
    69: ("做好困难职工救助慰问", G, ""),
    70: ("搭建平台，促进教师专业成长", G, ""),
    71: ("完成数据库录入和金牌工人推荐", G, ""),
    72: ("打造全国一流职工之家", "bad", "invented claim"),
    73: ("加强基层工会组织建设", G, ""),
    74: ("推进和谐企业创建和评先", G, ""),
    75: ("关心职工生活，构建和谐劳动关系", G, ""),
    76: ("美化厂区环境，建设五型班组", G, ""),
    77: ("建立困难职工帮扶基金", "bad", "invented: no fund"),
    78: ("服务职工，维护职工合法权益", G, ""),
    79: ("收集职工合理化建议", G, ""),
    80: ("做好农民工安全生产和劳动保护", G, ""),
    81: ("协调解决农民工欠薪问题", G, ""),
    82: ("举办农民工夜校课程", G, ""),
    83: ("开展师带徒和劳动竞赛", G, ""),
    84: ("评选金牌工人10名", "bad", "a number"),
    85: ("推进职工技术创新和技能提升", G, ""),
}

# Round 2: the prompts the plans asked only once the book's headings were taken (prompts_round2.json, in order),
# written before any verdict on these replies was read.
ROUND2 = {
    1: ("坚持公正公平，总结工作经验", G, ""),
    2: ("坚持职代会制度，畅通交流渠道", G, ""),
    3: ("荣获全国五一劳动奖状", "bad", "invented honour"),
    4: ("领导重视，推动精神文明建设", G, ""),
    5: ("推进企务公开和规范服务支局创建", G, ""),
    6: ("慰问特困职工，开展执法检查", G, ""),
}


def main() -> None:
    prompts, seen = [], set()
    for entry in json.loads((HERE / "prompts.json").read_text()):
        key = "\n".join(entry["facts"])
        if key not in seen:
            seen.add(key)
            prompts.append(entry)
    assert len(prompts) == len(REPLIES), (len(prompts), len(REPLIES))
    book = [{"n": n, "facts": p["facts"], "examples": p["examples"], "reply": REPLIES[n][0], "label": REPLIES[n][1],
             "reason": REPLIES[n][2]} for n, p in enumerate(prompts, 1)]
    second = json.loads((HERE / "prompts_round2.json").read_text())
    assert len(second) == len(ROUND2)
    book += [{"n": len(prompts) + n, "facts": p["facts"], "examples": p["examples"], "reply": ROUND2[n][0],
              "label": ROUND2[n][1], "reason": ROUND2[n][2]} for n, p in enumerate(second, 1)]
    (HERE / "headings.json").write_text(json.dumps({"headings": book}, ensure_ascii=False, indent=1) + "\n")
    print({label: sum(1 for b in book if b["label"] == label) for label in ("good", "bad")})


if __name__ == "__main__":
    main()
