"""What a section heading may not be: generic (其他工作), the same as another heading of the draft, or one fact's
words over a section that holds other facts. (That it asserts nothing its facts do not give is the claim check's
part: verify.says_only.)"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from drafter.numcheck.words import words
from drafter.pipeline.backing import reported
from drafter.pipeline.copying import copied_runs
from drafter.pipeline.themes import load_book
from textkit.sentences import COMMAS, ENUM_COMMA, NOT_COMPARED, SEMICOLONS, char_class

GENERIC = re.compile(r"^(?:其[他它]|其余|综合|日常|有关|相关|各项|各类|主要|重点|有关)?(?:工作|方面|事项|情况|内容)?$"
                     r"|^(?:工会)?其[他它]|^(?:其他|综合|日常)(?:工作|事项|方面)|主要工作$|几项工作|工作亮点|开展情况|上年|去年|今年"
                     r"|^(?:工会)?工作(?:开展)?情况$")
STOP_BIGRAMS = frozenset("工作 开展 加强 积极 工会 活动 组织 提高 建设 进一步 认真 努力 不断 深入 切实 全面 做好 推进 发挥 作用 "
                         "职工 员工 广大 大力 扎实 有效 充分 提升 坚持 围绕 以及 方面".split())
# Words that name no area of work, no group of people and no act of their own (issue 20): work said in general and
# how much of it, its outcome and its account, doing or finishing it as assigned, how it was done, and the doer
# (every heading's work is the union's); STOP_BIGRAMS' frame verbs, not its nouns (组织建设, 职工 name work and people).
NO_AREA = frozenset("工作 任务 事项 方面 情况 内容 活动 作用 目标 各项 各类 各种 有关 相关 其他 其它 其余 综合 日常 主要 重点 "
                    "几项 整体 成效 成绩 成果 亮点 经验 总结 回顾 过去 质量 水平 做好 抓好 做到 落实 完成 推进 推动 "
                    "统筹 开展 加强 提高 提升 发挥 坚持 围绕 取得 弘扬 上级 交办 布置 部署 扎实 切实 认真 积极 全面 深入 "
                    "努力 不断 有效 充分 大力 进一步 继续 稳步 有序 精心 紧紧 着力 圆满 顺利 全力 广大 工会 我会".split())
_SUMMARY_VERBS = Path(__file__).resolve().parent.parent / "data" / "summary_verbs.toml"
ONE_FACT_SHARE = 0.6  # a heading whose characters are this much in runs (4+) of one fact is that fact's words
SHARED = 0.3
_CLAUSE_CUT = re.compile(char_class(COMMAS + SEMICOLONS))
_JOINED = re.compile(rf"[和与及并{ENUM_COMMA}]")  # 集体合同制度和职代会制度: two items of one kind, not a stutter
_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
_PREPOSITIONS = ("对", "向", "给", "把", "为", "与", "跟", "同")
_PEOPLE = ("职工", "员工", "会员", "家庭", "教师", "群众", "人员", "党员", "学生", "子女", "群体", "干部", "女工", "户")
QUOTED = re.compile(r"[“”\"「『]([^“”\"」』]{2,12})[“”\"」』]")
_NAMES = re.compile(r"[“”\"「『《]([^“”\"」』《》]{2,30})[“”\"」』》]")  # a quoted name or a 《title》
_KEY = NOT_COMPARED


def bare(title: str) -> str:
    return _KEY.sub("", title)


@lru_cache(maxsize=1 << 12)
def is_generic(title: str) -> bool:
    """其他工作, 主要工作 (GENERIC), or a heading that names nothing once its frame words are read as such (做好各项工作,
    推进各项工作落实, 积极完成上级布置的工作任务): no word of two characters or more names an area, a group of people or
    an act (`NO_AREA`, summary verbs; a summary verb before 工作 names the work: 工会保障工作)."""
    key = bare(title)
    return bool(GENERIC.search(key)) or not any(_names_work(word, tag, key[end:]) for _, end, word, tag in words(key))


def _names_work(word: str, tag: str, after: str) -> bool:
    """A content word (not 各项 (r), 主要 (b), 进一步 (d), 全年 (m)) beyond the frame; a summary verb only as the
    work's name (保障工作, not 抓好工作: 抓好 is frame wherever it stands)."""
    return (len(word) >= 2 and tag[:1] in "nvalijx" and not _framed(word)
            and (word not in summary_verbs() or after.startswith("工作")))


def _framed(word: str) -> bool:
    """The word is frame words run together (积极开展, 圆满完成, 各项任务, 回顾过去)."""
    return word in NO_AREA or any(
        word[:cut] in NO_AREA and _framed(word[cut:]) for cut in range(2, len(word) - 1))


def specific(bank):
    """The heading bank without its generic headings: 主要工作 is no example of a heading for any facts."""
    return bank.keeping(lambda text: not is_generic(text))


@lru_cache(maxsize=1)
def summary_verbs() -> frozenset[str]:
    """The summary verbs of summary_verbs.toml: frame, as 加强 and 提高 (heading_meaning reads them so too)."""
    table = tomllib.loads(_SUMMARY_VERBS.read_text(encoding="utf-8"))["frame"]
    return frozenset(word for group in table.values() for word in group)


def dangles(title: str) -> bool:
    """The heading is a preposition and the people it is for, with nothing done (对已退休职工 of an example's item
    "对已退休职工，登记造册…": its first clause; 向困难职工送温暖, 对困难职工建档立卡 say the act)."""
    key = bare(title)
    return key.startswith(_PREPOSITIONS) and key.endswith(_PEOPLE)


def stutters(title: str) -> bool:
    """A clause of the heading says one character pair twice with nothing joining the two (送温暖工作温暖人心,
    友谊共分享举行篮球友谊赛); a list (集体合同制度和职代会制度) and parallel clauses (创建学习型组织，争做学习型职工) do not."""
    for clause in _CLAUSE_CUT.split(title):
        for start in range(len(clause) - 1):
            pair = clause[start:start + 2]
            again = clause.find(pair, start + 2)
            if _PAIR.fullmatch(pair) and again > 0 and not _JOINED.search(clause[start + 2:again]):
                return True
    return False


def one_fact_words(title: str, facts: list[str], halves: bool = True) -> bool:
    """The heading is one of several facts' words (新建职工书屋 over a section that also holds 技能比武), or one of
    its clauses is, judged as a whole heading would be, when the section holds more facts than the heading has
    clauses (强化劳动保护，举办主题演讲活动 over four safety facts, one the 演讲; a heading of two facts' acts over
    those two names each). A lexicon's area phrase (加强自身建设) is no fact's words. `halves=False`: the whole
    heading only (a model's heading: its halves sum a section in parts, 开展节日慰问，帮扶困难职工)."""
    clauses = [c for c in _CLAUSE_CUT.split(title) if bare(c) and bare(c) not in _area_phrases()]
    if halves and len(_CLAUSE_CUT.split(title)) > 1 and len(facts) > len(_CLAUSE_CUT.split(title)) \
            and any(_one_fact(c, facts) for c in clauses):
        return True
    return _one_fact(title, facts)


def _one_fact(title: str, facts: list[str]) -> bool:
    """The heading's characters are ONE_FACT_SHARE in runs (4+) of one of several facts and in none of the others;
    a run that says no more than an area's name (a theme keyword) and frame words (劳动保护 of 加强劳动保护, 加强自身
    建设) names the area, not the fact."""
    if len(facts) < 2:
        return False
    key = bare(title)
    for fact in facts:
        runs = [r for r in copied_runs(key, [bare(fact)], 4) if not _names_area(r)]
        others = [bare(f) for f in facts if f is not fact]
        if key and sum(len(r) for r in runs) >= ONE_FACT_SHARE * len(key) and not _shared(title, fact, others):
            return True
    return False


def _shared(title: str, fact: str, others: list[str]) -> bool:
    """Other facts write a run (4+) of the heading, beyond a piece of a name that `fact` and the heading write and
    no other fact writes whole: 电信工会 of 办好《安徽电信工会信息简报》 is a body another fact names, not the
    bulletin, which is one fact's."""
    key, quoted = bare(title), _NAMES.findall(title) + _NAMES.findall(fact)
    names = [n for n in map(bare, quoted) if n in key and n in bare(fact) and not any(n in o for o in others)]
    return any(not any(run in name for name in names) for run in copied_runs(key, others, 4))


def _names_area(run: str) -> bool:
    """`run` is an area's name (a keyword of four characters or more: 劳动保护, 自身建设; 拔河 and 比赛 of 职工拔河比赛
    name one event), with other keywords and frame words (加强, 开展, 工作…) at most beside it: the run is those
    words end to end (read so whatever order the words are tried in: 坚持职工代表大会制度 was an area's name or not
    by Python's hash seed when they were deleted from it one by one)."""
    return _made_of(run, _area_names() | STOP_BIGRAMS) and any(word in run for word in _area_names() if len(word) >= 4)


def _made_of(run: str, vocabulary: frozenset[str]) -> bool:
    """`run` is words of `vocabulary` end to end."""
    longest = max(map(len, vocabulary), default=0)
    ends = {0}  # the places a cut between two words may fall
    for start in range(len(run)):
        if start in ends:
            ends |= {start + size for size in range(1, longest + 1) if run[start:start + size] in vocabulary}
    return len(run) in ends


@lru_cache(maxsize=1)
def _area_phrases() -> frozenset[str]:
    """The lexicon's names of areas: each theme's short words and each clause of its headings."""
    book = load_book()
    texts = [t.short for t in book.themes] + [h.text for t in book.themes for h in (*t.shorts, *t.headings)]
    return frozenset(bare(c) for text in texts for c in _CLAUSE_CUT.split(text) if c)


@lru_cache(maxsize=1)
def _area_names() -> frozenset[str]:
    return frozenset(word for theme in load_book().themes for word in theme.keywords)


@lru_cache(maxsize=1 << 14)
def content_bigrams(text: str) -> frozenset[str]:
    """The heading's content words: its character pairs beyond the frame words (cached: refitting asks each
    heading of every fact)."""
    pairs = {text[i:i + 2] for i in range(len(text) - 1)}
    return frozenset(p for p in pairs if re.fullmatch(r"[\u4e00-\u9fff]{2}", p) and p not in STOP_BIGRAMS
                     and not any(p in w for w in STOP_BIGRAMS if len(w) > 2))


def relevant(title: str, facts: list[str]) -> bool:
    """The heading speaks of these facts: its content words (character pairs beyond the frame words 加强, 开展,
    工作 …) occur in at least half of them (and in one at least), at least SHARED of its content words and two of
    them occur in them (one loose word backs no heading: 创新 is no 开展劳动竞赛和技术创新), and every name it
    quotes (建设“文化之家”) is theirs. A fact's words count where it reports its work (backing.reported: not in
    市文明办, 荣获…, 为创建…)."""
    if any(name not in "".join(facts) for name in QUOTED.findall(title)):
        return False
    said = [reported(fact) for fact in facts]  # a body's name, an honour, a goal back no heading (backing.py)
    words = content_bigrams(bare(title))
    holding = sum(1 for fact in said if any(w in fact for w in words))
    shared = sum(1 for w in words if any(w in fact for fact in said))
    return holding >= max(min(2, len(facts)), -(-len(facts) // 2)) and shared >= max(min(2, len(words)), SHARED * len(words))


def heading_faults(plan) -> list[tuple[str, object]]:
    """(fault, section) for every generic, repeated, stuttering (`stutters`) or one-fact heading of a plan's body
    sections."""
    faults = []
    seen: set[str] = set()
    for section in plan.body():
        facts = [plan.facts[i - 1] for i in section.fact_lines]
        if is_generic(section.title):
            faults.append(("generic", section))
        if bare(section.title) in seen:
            faults.append(("repeated", section))
        seen.add(bare(section.title))
        if stutters(section.title):
            faults.append(("stutter", section))
        if one_fact_words(section.title, facts):
            faults.append(("one_fact", section))
    return faults
