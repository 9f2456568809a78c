"""Section headings: the first candidate that fits the section's facts, else one made of the facts' own words.

Candidates come, best first, from the heading bank (headings of the example sections nearest in meaning to the
section's facts, normalised by their numbering), then from the theme lexicon, then composed of the section's
themes (`joint`: 推进民主管理，抓好安全生产 over 职代会 and 安全检查 facts). A heading fits when the claim check
finds nothing in it that the section's facts do not give, it is not generic (其他工作), no other section of the
draft has it, and it is not one fact's words over a section holding other facts. When none fits, the heading is
made of the facts' own words: the core of one fact for a one-fact section, of two facts joined for two, and
"<two cores>等工作" for more (等 says there is more).
"""

from __future__ import annotations

import re
from collections import Counter

from drafter.numcheck import check
from drafter.pipeline.backing import reported
from drafter.numcheck.words import words
from drafter.pipeline.prompting import render
from drafter.pipeline.themes import load_book
from textkit.sentences import BREAKS, COMMAS, ENUM_COMMA, FULL_STOP, SEMICOLONS, balanced, char_class
from drafter.pipeline.heading_rules import bare, content_bigrams, dangles, is_generic, one_fact_words, relevant, stutters

LONGEST = 24
MOST = 0.6  # a group's main theme holding this share of its facts may head it alone (`by_most`)
MADE_END = "等工作"  # a heading of two facts' acts over more facts
_LEAD_IN = re.compile(r"^(?:(?:[0-9０-９一二三四五六七八九十]{1,2}月(?:份|[0-9０-９一二三四五六七八九十]{1,2}日)?|年初|年底|年中|全年|"
                      r"上半年|下半年|今年|春节期间|节日期间|期间|近期|同时|此外|另外|其中)[，,]?)+")
_SUBJECT = re.compile(rf"^(?:{char_class(COMMAS + FULL_STOP, negate=True)}{{0,8}}?(?:工会|公司|单位|我们|我会|我局|我校|各级工会|基层工会))(?:还|也|又|先后|积极|认真|及时)*")
_COUNT_AT_END = re.compile(rf"(?:共|达|达到|累计|合计)?[0-9０-９][0-9０-９.．%％{COMMAS}]*"
                           rf"[^\s0-9０-９{COMMAS}{SEMICOLONS}。]{{0,2}}$")
_DIGITS = re.compile(r"[0-9０-９]")
_COUNTED = re.compile(r"^[0-9０-９一二三四五六七八九十余多]*[个项名场次类种家户人支]?")
_ACT = re.compile(r"开展|组织|举办|举行|召开|慰问|走访|发放|评选|表彰|参加|参与|完成|建立|成立|设立|发展|签订|培训|帮扶|救助|推进|"
                  r"落实|加强|实施|修订|制定|推行|创建|选派|筹集|捐赠|捐款|投入|新建|建成|改造|深化|推荐|承办|配合|协助|征集|"
                  r"收集|审议|启动|完善|规范|健全|引进|探索|接收|安置|购买|购置|发布|接待|评定|争创|创办|开通|编印|建设|资助|种植")
_ACTS = re.compile(f"(?:{_ACT.pattern})+")
ACT = _ACT  # the acts a heading may begin with (model_titles: 工会开展… -> 开展…)
_FRAME = re.compile(r"^(?:紧紧)?(?:围绕|以|在|按照|根据|通过|为了?|坚持以|立足)")  # a clause that frames, not names, the work
# what follows the act is no object: a clause cut mid-phrase (…中, …的…, 得力), a pointer (本次活动) or nothing
_FRAGMENT = re.compile(rf"的|[中于得地着率]$|^了?[得地]|本次|此次|这次|该项|^了?(?:各项|相关|有关|工会|各类)?(?:工作|活动|措施)$"
                       rf"|^(?:{ENUM_COMMA}|做出|作出|作贡献|作为|作)"  # 建设做出了贡献, 发展作贡献, 发展、服务群众: no object
                       r"|为(?:契机|载体|抓手|平台|重点|主线|核心|目标|宗旨|突破口|切入点|动力)$")  # (以)创建五型班组为契机: a frame
_CN_COUNT = r"[一二两三四五六七八九十百几]+[个项名场次期批届家户人支]"
# 举办了十场“劳务工大课堂”, 举办一次… -> 举办“劳务工大课堂”: a heading names, it does not count; a session's numbers go
# together (召开了一届二次委员扩大会议 -> 召开委员扩大会议, not 召开二次…, a count no fact gives: held-out s000_01)
_DONE = re.compile(rf"^了?(?:{_CN_COUNT})*")
_CN_COUNT_AT_END = re.compile(rf"{_CN_COUNT}$")
_DOER_END = re.compile(r".*(?:工会|公司|我们|我会|我局|我校|[在对把将])")  # the last doer (or case marker) before an act
_PLAIN = re.compile(r"[\u4e00-\u9fff]+")  # 组织职工代表会议两次 -> 组织职工代表会议
# a clause saying what the work is for, not what was done: 为建设繁荣(,文明…), 为了提高…; 为学校发展服务
_PURPOSE = re.compile(r"(?:为了?|以便|旨在)(?:全面|大力|进一步|积极|更好地|不断)?")  # before the act
_RATE = ("率", "比例")
# what makes an act no heading (`_not_the_unions`, `core`): a purpose clause (为了…, 为号召…: 为 before a verb), a
# frame of place (在…基础上), people doing it themselves, an object that is a manner, an abstraction or a pronoun
_PURPOSE_CLAUSE = re.compile(r"^(?:为了|以便|旨在|为(?:进一步|切实|更好地|充分|全面|大力|积极|号召|提高|加强|促进|推动|"
                             r"确保|丰富|增强|营造|激发|调动|迎接|庆祝|纪念|贯彻|落实|使|让|给|帮助|解决|做好|保障|维护))")
_PLACE_FRAME = re.compile(r"在.{1,16}(?:基础上|过程中|期间|之际|前夕)")
_PEOPLE_END = re.compile(r"(?:人员|员工|职工|同志|会员|教师|代表|干部|选手|党员|女工|群众|青年)(?:们)?(?:都|也|均|积极|踊跃)*$")
_MANNER = re.compile(r"形式|方式|方面|内容|措施|手段|途径|渠道|办法|制度")
_ABSTRACT = re.compile(r"了?(?:认识|意识|理念|观念|共识|思想|作用|水平|能力|氛围|成效|效果|经验|制度|基础|机制)"
                       r"|.*(?:凝聚力|向心力|积极性|归属感|荣誉感|幸福感|获得感)")  # an outcome: 加强职工凝聚力
_PRONOUN = re.compile(r"他们|她们|自己|大家|这些|那些")
_SOME = re.compile(r"(?<=^.{2})(?:了)?一些")  # 组织一些志愿者活动 -> 组织志愿者活动
_COUNT_CUT = re.compile(r"[0-9０-９]|[xX×]{2}|[xX×_]+(?=[个项名场次期批届家户人支余多])")  # 活动x次: a placeholder count
_SERVING = re.compile(r"^为[^，,]{1,12}服务$")  # whom the work serves


def fits(facts: list[str], title: str, lexicon=None) -> bool:
    """The claim check finds nothing in `title` that `facts` do not give, read where the draft puts it: as a
    section heading, and in the opening's list of areas (where a sentence's rules apply); a part of a theme's work
    it names is reported by a fact (not in an honour, a body's name or a goal: backing.reported)."""
    heading = f"一、{title}"
    opening = render("template/opening.j2", org="工会", period="今年", kind="年度总结", topic="", titles=[title])
    said = [reported(fact) for fact in facts]  # 被评为民主管理先进单位 reports no democratic management (backing.py)
    return (not load_book().unbacked(title, said)  # names a part of a theme's work no fact reports
            and not any(check(list(facts), text, lexicon=lexicon).claims for text in (heading, opening)))


def acceptable(title: str, facts: list[str], used: set[str], themed: bool = False, lexicon=None) -> bool:
    """Fits the facts and the draft; `themed`: the lexicon's heading of the facts' own theme (it names their
    area in its own words, so it need not share them)."""
    return (bool(title) and not is_generic(title) and not stutters(title) and not dangles(title)
            and bare(title) not in used and (themed or relevant(title, facts))
            and not one_fact_words(title, facts) and fits(facts, title, lexicon))


def core(fact: str) -> str:
    """What a fact did, in its own words: the first clause that says an act, from its verb on, without a
    trailing count ("3月，公司工会组织职工技能竞赛3场，…" -> 组织职工技能竞赛); "" when no clause does."""
    clauses = re.split(char_class(BREAKS), _LEAD_IN.sub("", fact.strip()))
    for place, clause in enumerate(clauses):
        act = _first_act(clause)
        if act is None or act.start() > (12 if clause[act.start() - 1:act.start()] != "等" else 20) or _PURPOSE.fullmatch(clause[:act.start()]) or _SERVING.match(clause) \
                or _framed(clause, place < len(clauses) - 1):
            continue
        theirs = act.group() in ("参与", "参加") and _PEOPLE_END.search(clause[:act.start()] or clauses[place - 1]
                                                                     if place or act.start() else "")
        phrase = _COUNT_AT_END.sub("", clause[act.end() if theirs else act.start():].strip()).strip("，、 ")
        phrase = phrase.lstrip("了") if theirs else phrase
        verb = "" if theirs else act.group()  # …人员参与了问卷调查: their act, its object names the work (问卷调查)
        if "等" in phrase:  # "举办职工篮球赛、趣味运动会等文体活动" -> 举办文体活动
            tail = _COUNTED.sub("", phrase.rsplit("等", 1)[1])
            later = _ACTS.match(tail)  # …道德建设月、安全生产月等开展相关活动: the act is the one after 等
            verb, phrase = (later.group(), tail) if later else (verb, verb + tail)
            manner = _MANNER.match(tail)  # 走访职工家庭、帮教恳谈会等形式: the list's first item is the act
            if manner and not tail.startswith("的", manner.end()):  # (…等内容的“群工论坛”: the list is its content)
                verb, phrase = act.group(), re.split(r"[、等]", clause[act.start():], 1)[0]
        phrase = _SOME.sub("", re.split(_COUNT_CUT, phrase, 1)[0]).rstrip("共计达约近余和及与、各每")  # a count, or xx
        phrase = re.sub(r"分别$", "", phrase)  # 举办集体婚礼和青年联谊各1场 -> …青年联谊, not …联谊各
        phrase = verb + _CN_COUNT_AT_END.sub("", _DONE.sub("", phrase[len(verb):]))
        if 4 <= len(phrase) <= 14 and balanced(phrase) and not _FRAGMENT.search(phrase[len(verb):]) \
                and not _ABSTRACT.fullmatch(phrase[len(verb):]) and not _PRONOUN.search(phrase):
            whole = _object_before(clause, act) + phrase
            return whole if len(whole) <= 14 else phrase
    return ""


def _framed(clause: str, more: bool) -> bool:
    """A purpose or a frame of place the fact goes on from (为号召广大员工为企业发展献计献策，…开展了合理化建议活动;
    在各市分公司推荐基础上，…: `more`, a clause after it): its act is not the fact's."""
    return more and bool(_PURPOSE_CLAUSE.match(clause) or _PLACE_FRAME.fullmatch(clause))


def _in_compound(cut: list, clause: str, act) -> bool:
    """The act word is a noun after a noun (企业|发展 of 为企业发展献计献策, 文化|建设 of 播放安全文化建设幻灯片), not
    an act of its own: not before 工作 (和谐企业创建工作: `_object_before`), nor after its doer (工会|帮扶…)."""
    here = next((tag for start, _, _, tag in cut if start == act.start()), "")
    before = next((w for start, _, w, t in cut if start + len(w) == act.start() and t == "n"), "")
    return (here == "vn" and bool(before) and not clause.startswith("工作", act.end())
            and not _DOER_END.fullmatch(before))


def _object_before(clause: str, act) -> str:
    """The object said before an act used as a noun (镇工会和谐企业创建工作取得圆满成功: 和谐企业 of 创建工作), after
    the doer; "" when the act is a verb or nothing of two to eight plain characters stands there."""
    if not clause.startswith("工作", act.end()):
        return ""
    head = clause[:act.start()]
    doer = _DOER_END.search(head)
    obj = head[doer.end():] if doer else head
    return obj if 2 <= len(obj) <= 8 and _PLAIN.fullmatch(obj) else ""


def _first_act(clause: str):
    """The first act verb of the clause that begins a word, or ends one glued to its doer (jieba's 工会组织) before
    its object: 组织 of 工会组织|职工技能竞赛 is an act, of 工会组织|以服务工人为宗旨 the union itself."""
    cut = words(clause)
    starts = {start for start, _, _, _ in cut}
    objects = {start for start, _, _, tag in cut if tag.startswith("n") or tag in ("v", "vn")}
    return next((m for m in _ACTS.finditer(clause) if (m.start() in starts or m.end() in objects)
                 and not clause.startswith(_RATE, m.end())  # 完成率, 参与率: a rate, not an act
                 and not _in_compound(cut, clause, m)), None)


def from_facts(facts: list[str], used: set[str], lexicon=None) -> str:
    """A heading in the facts' own words (see the module docstring); "" when none can be made."""
    cores = [c for c in dict.fromkeys(core(f) for f in facts) if 4 <= len(c) <= 14]
    options = cores[:1] if len(facts) == 1 else []
    pairs = [(a, b) for i, a in enumerate(cores) for b in cores[i + 1:]]
    ending = "" if len(facts) == 2 else MADE_END
    options += [f"{a}、{b}{ending}" if ending else f"{a}，{b}" for a, b in pairs]
    options = [o for o in options if len(o) <= LONGEST + 4]
    for option in options:
        if (not is_generic(option) and not stutters(option) and bare(option) not in used and not one_fact_words(option, facts)
                and fits(facts, option, lexicon)):
            return option
    return ""


def wider(facts: list[str], placed: list, title: str, candidates: list[str], themed: frozenset[str], used: set[str],
          covers, book) -> str:
    """A heading for a section whose misfits stay in it that `covers` every fact (fitting.Refit.fits_all): its
    candidates, the headings of the themes its facts share or are of (theme_titles); "" when none passes the rules."""
    from drafter.pipeline import theme_titles

    themed = [*themed, *theme_titles.joint_titles(facts, placed, book), *theme_titles.composed(facts, placed)]
    lexical = [t for theme in dict.fromkeys(p for p in placed if p is not None) for t in theme.titles_for(facts)]
    free = used - {bare(title)}
    for option in dict.fromkeys([*candidates, *themed, *lexical]):  # the examples' first
        if covers(option) and theme_titles.spans(option, facts, placed) and acceptable(option, facts, free, option in themed):
            return option
    return ""


def with_clauses(candidates: list[str]) -> list[str]:
    """The candidates, then each clause of a two-clause one ("坚持校务公开，推进学校民主管理" -> 坚持校务公开,
    推进学校民主管理): an example heading whose second clause its facts do not bear out may still head them by its
    first, before a heading is made of the facts' words. A clause that frames the work (围绕企业发展, 以…为…) is no
    heading alone; a clause heads a section only when each of its facts writes one of its content words."""
    clauses = [part for title in candidates for part in re.split(char_class(COMMAS + SEMICOLONS), title)
               if part != title and 4 <= len(part) <= LONGEST and balanced(part) and not _FRAME.search(part)]
    return list(dict.fromkeys(candidates + clauses))


def _each_writes(title: str, facts: list[str]) -> bool:
    """Every fact writes one of the heading's content words (a clause heads a section only so: 劳动 of 《劳动法》
    in half of them is no 开展各类劳动竞赛)."""
    words = content_bigrams(bare(title))
    return bool(words) and all(any(w in reported(fact) for w in words) for fact in facts)


def choose(facts: list[str], candidates: list[str], used: set[str], themed: frozenset[str] = frozenset(),
           lexicon=None, made: bool = True) -> str:
    """The first acceptable candidate (its clauses after all of them), else (`made`) a heading from the facts'
    words ("" when neither exists)."""
    whole = set(candidates)
    for title in with_clauses(candidates):
        if (title in whole or _each_writes(title, facts)) and acceptable(title, facts, used, title in themed, lexicon):
            return title
    return from_facts(facts, used, lexicon) if made else ""



def by_most(facts: list[str], placed: list, main, candidates: list[str], used: set[str], lexicon=None) -> str:
    """A group's heading when no example heading fits it all: the lexicon's heading of one of its facts' themes that
    speaks of them all (relevant, not merely themed), else one composed of its themes (`joint`), else the heading of
    its main theme `main` fitting the facts of that theme when they are at least MOST of them; the others are misfits
    under it, for fitting.py to move (a 信息报送 fact among 职代会 and 集体合同 facts). "" when none exists."""
    present = Counter(t for t in placed if t is not None)
    lexical = [title for theme, _ in present.most_common() for title in theme.titles_for(facts)]
    title = choose(facts, lexical, used, frozenset(), lexicon, made=False)
    most = [f for f, t in zip(facts, placed) if t is main]
    if not title:  # a group of two or three areas: their names joined (抓好安全生产，丰富文体活动), not its facts' words
        title = joint(facts, placed, used, lexicon)
    if title or not MOST * len(facts) <= len(most) < len(facts) or len(most) < 2:
        return title
    themed = main.titles_for(most)
    return choose(most, candidates + list(themed), used, frozenset(themed), lexicon, made=False)


def joint(facts: list[str], placed: list, used: set[str], lexicon=None) -> str:
    """A heading composed of the group's themes (theme_titles.composed: its main theme's headings when it holds half
    of the facts, else two or three themes' short names joined, 推进民主管理，抓好安全生产) that speaks of each theme
    among its facts (theme_titles.spans) and passes every heading rule; "" when none does. Tried before a heading made
    of two facts' acts ("召开职代会、参加安全大检查等工作"), which names two facts and leaves the others misfits
    (session 20 h4: docs/planning.md)."""
    from drafter.pipeline import theme_titles

    options = [o for o in theme_titles.composed(facts, placed)  # two areas at most: three read as a grab-bag
               if o.count("，") <= 1 and theme_titles.spans(o, facts, placed)]
    return choose(facts, options, used, frozenset(options), lexicon, made=False)


def still_heads(facts: list[str], title: str, candidates: list[str], used: set[str],
                themed: frozenset[str] = frozenset(), theme=None) -> str:
    """The section's heading once facts have left it (fitting.py moves misfits out): kept while the claim check
    passes and it is not one fact's words, else chosen again for the facts it holds (`used` updated), else, when
    it no longer passes the claim check (the fact that backed it left), the lone heading of its `theme`. A heading
    made of two facts' acts ("…、…等工作") is chosen again when no more than those two are left (等 says more)."""
    fitting = fits(facts, title)
    if fitting and not one_fact_words(title, facts) and not (title.endswith(MADE_END) and len(facts) <= 2):
        return title
    used.discard(bare(title))
    lone = lambda: lone_title(theme, facts, used) if theme is not None and not fitting else ""  # noqa: E731
    title = choose(facts, candidates, used, themed) or lone() or title
    used.add(bare(title))
    return title


def lone_title(theme, facts: list[str], used: set[str], placed: list | None = None) -> str:
    """The heading of a section nothing else fits: the lexicon's plain headings of its theme (checked), else of
    each theme its facts are of, checked against that theme's facts (most facts first), else one made of its facts'
    words, else the theme's name (`used` updated): the name alone (组织建设) may assert what no fact gives."""
    placed = placed or [theme] * len(facts)
    themes = [theme] + [t for t, _ in Counter(t for t in placed if t is not None and t != theme).most_common()]
    title = ""
    for each in themes:
        own = [f for f, t in zip(facts, placed) if t == each] if each != theme else facts
        title = next((t for t in each.titles_for(own) if acceptable(t, own, used, themed=True)), "")
        if title:
            break
    title = title or from_facts(facts, used) or theme.name
    used.add(bare(title))
    return title
