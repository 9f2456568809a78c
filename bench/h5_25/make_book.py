"""Writes headings.json: for each captured heading prompt (prompts.json: random fact lists seed 25 and the shuffled
bench requests, in capture order) the heading a strong hosted model would answer, written by hand before any rule's
verdict on it was read; label "bad" (with the reason) for the ones a careful reviewer would refuse.
Run: python bench/h5_25/make_book.py"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from h8_24.make_book import write_book  # noqa: E402

G = "good"
B = "bad"
REPLIES = {  # prompt number (1-based, prompts.json order) -> (reply, label, reason)
    1: ("开展安全演练评比，表彰抢险先进集体", G, ""),
    2: ("发展职工自营经济，开展四德榜评选", G, ""),
    3: ("推进民主管理，召开职代会和工会会议", G, ""),
    4: ("开展节日慰问，帮扶困难职工", G, ""),
    5: ("开展安全演练评比", G, ""),
    6: ("优质服务获居民好评，加强对外宣传", G, ""),
    7: ("健全工会制度，推进企务公开", G, ""),
    8: ("组织女职工建功立业，安排职工疗休养", G, ""),
    9: ("完善信访制度，密切干群关系", G, ""),
    10: ("开展岗位培训和拓展训练", G, ""),
    11: ("建立考核评比制度", G, ""),
    12: ("开展职工培训，办好职工提案", G, ""),
    13: ("针对需求开展岗位培训", G, ""),
    14: ("创建学习型组织，推进职工书屋建设", G, ""),
    15: ("开展安全月评比，为抢险集体立功", G, ""),
    16: ("做好活动心得征集和信息报送", G, ""),
    17: ("推进企务公开，做好信息报送", G, ""),
    18: ("开展劳动竞赛和技能比赛活动", G, ""),
    19: ("开展送温暖活动，改善一线生活设施", G, ""),
    20: ("发放便民服务卡", B, "one fact's words over four different facts"),
    21: ("举办男女团体比赛", G, ""),
    22: ("发挥学科带头人示范作用，关心教师", G, ""),
    23: ("新建基层工会，深入开展调研", G, ""),
    24: ("开展节日慰问，做好困难帮扶", G, ""),
    25: ("开展劳动保护监督，表彰协管先进", G, ""),
    26: ("开展女职工活动，建设先进职工之家", G, ""),
    27: ("开展便民服务，建设先进职工之家", G, ""),
    28: ("做好各项工作", B, "generic"),
    29: ("召开职工大会，规范集体合同签订", G, ""),
    30: ("做好职工慰问帮扶，开展送清凉活动", G, ""),
    31: ("开展三八节活动，推广女职工安康保险", G, ""),
    32: ("开展降本增效征文和问卷调查", G, ""),
    33: ("选树先进典型，推荐金牌工人", G, ""),
    34: ("组织职介会，促进下岗人员再就业", G, ""),
    35: ("推荐表彰十大金牌工人", G, ""),
    36: ("做好夏季劳动保护，开展安全演练", G, ""),
    37: ("黑板报获得第四名", B, "one fact's words over two different facts, a ranking"),
    38: ("传唱企业歌曲《共筑一个家》", G, ""),
    39: ("荣获全国职工文体先进单位", B, "invented honour"),
    40: ("开展知识技能竞赛和演讲比赛", G, ""),
    41: ("建立养殖场，丰富职工生活", B, "one fact's words over six different facts"),
    42: ("开展文体活动，丰富职工文化生活", G, ""),
    43: ("举办教学评优和黑板报评比", G, ""),
    44: ("征集合理化建议，评选优秀员工", G, ""),
    45: ("组织职工体检，表彰先进集体", G, ""),
    46: ("组织职工疗休养", G, ""),
    47: ("开展职工法律援助", B, "an area no fact speaks of"),
    48: ("帮扶困难职工，开展节日走访慰问", G, ""),
    49: ("坚持健康体检，开展共驻共建", G, ""),
    50: ("荣获省级先进集体称号", B, "invented honour (省级)"),
    51: ("开展安全月活动和劳动保护培训", G, ""),
    52: ("签订安全互保协议，构建安全链", G, ""),
    53: ("开展劳动法执法检查，推进企务公开", G, ""),
    54: ("加强骨干培训，开展创先争优", G, ""),
    55: ("开展安全宣传教育，配合劳动用工检查", G, ""),
    56: ("发展职工自营经济", G, ""),
    57: ("推进企务公开，畅通职工意见渠道", G, ""),
    58: ("加强工会组织建设，推进建会建制", G, ""),
    59: ("开展职工义诊活动", B, "an area no fact speaks of"),
    60: ("举办教师基本功展示活动", G, ""),
    61: ("落实职代会制度，推进厂务公开", G, ""),
    62: ("加强工会组建，推进村级工会示范点建设", G, ""),
    63: ("完成工会数据库录入", B, "one fact's words over six different facts"),
    64: ("帮扶困难职工，开展金秋助学", G, ""),
    65: ("加强女工工作，举办基本功展示", G, ""),
    66: ("工会其他工作", B, "generic"),
    67: ("推进文明行业创建，开展青年员工座谈", G, ""),
    68: ("荣获优秀组织奖", G, ""),
    69: ("开展心理减压，创建五型班组", G, ""),
    70: ("加强学习培训，创建五型班组", G, ""),
    71: ("节水2253万立方米", B, "a number, one fact's words over two facts"),
    72: ("创建规范服务支局，开展权益宣传", G, ""),
    73: ("推进农村规范服务支局创建", G, ""),
    74: ("做好防治非典和安全生产工作", G, ""),
    75: ("表彰优秀建议员工30名", B, "invented number (the fact says 24)"),
    76: ("召开职代会，落实职工提案", G, ""),
    77: ("开展安全生产培训，做好防治非典", G, ""),
    78: ("表彰优秀建议，推进文明行业创建", G, ""),
    79: ("男子单打包揽前三名", B, "invented result (the fact says 亚军 and 第五名)"),
    80: ("开展双最佳评选，表彰优秀女工", G, ""),
    81: ("开展岗位练兵和技术比武", G, ""),
    82: ("荣获团体总分第一名", B, "invented result"),
    83: ("为下岗职工排忧解难，表彰信息先进", G, ""),
    84: ("开展职工书画展", B, "an area no fact speaks of"),
    85: ("组织教师参加教学技能比赛", G, ""),
    86: ("开展安全行车竞赛和心理健康讲座", G, ""),
    87: ("落实高温错峰作业，开展安全培训", G, ""),
    88: ("开展劳动竞赛和技能大赛", G, ""),
}
ROUND2 = {  # prompts asked only once the book's headings were served (prompts_round2.json), written before verdicts
    89: ("开展安全月车间评比，发放便民服务卡", G, ""),
    90: ("开展便民设摊服务", G, ""),
    91: ("加强工会经费审查和干部培训", G, ""),
    92: ("开展降本增效征文和问卷调查", G, ""),
    93: ("黑板报获公司表彰，开展节水节电", G, ""),
    94: ("健全工会组织，推进建会建制", G, ""),
    95: ("开展安全教育，组织职工疗休养", G, ""),
    96: ("组织观看安全演讲，配合劳动用工检查", G, ""),
    97: ("推进各项工作落实", B, "generic"),
    98: ("召开协管会例会，总结协管工作", G, ""),
    99: ("表彰优秀建议，指导企业组建工会", G, ""),
    100: ("征集职工合理化建议", G, ""),
    101: ("帮助农民工解决工资支付问题", G, ""),
    102: ("开办农民工夜校", G, ""),
}


def main() -> None:
    prompts = json.loads((HERE / "prompts.json").read_text())
    if (HERE / "prompts_round2.json").exists():
        prompts += json.loads((HERE / "prompts_round2.json").read_text())
    REPLIES.update(ROUND2)
    write_book(HERE, prompts, REPLIES)


if __name__ == "__main__":
    main()
