"""The words of a role (drafter.numcheck.roles, .things): which of a clause's words say something of their own, and
which of them the facts, context lines and their synonyms give (Reader); the claim naming a role."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.models import Claim
from drafter.numcheck.cilin_kin import kin
from drafter.numcheck.implied import implied
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.faithlex import FaithLexicon, asserts
from drafter.numcheck.setphrases import frame_phrase
from drafter.numcheck.words import Word, tag_of
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

if TYPE_CHECKING:
    from drafter.numcheck.support import Support

ROLE_NAMES = {"actor": "参与者", "place": "地点", "time": "时间", "honour": "荣誉", "object": "对象", "activity": "活动"}
OTHER_OBJECT = f"{ROLE_NAMES['object']}不同"  # a number's note when it counts another thing than its fact's (对象 role)
NOUN_TAGS = ("n", "x", "j", "nz", "nt", "ns", "nr", "ng", "l", "i", "b", "t", "s")
SKIP = frozenset({"其中", "同时", "全年", "今年", "一年", "工作", "活动", "方面", "这", "他们", "大家"})
GLUE = frozenset({"、", "和", "及", "与"})
# function, demonstrative and locative characters: a word made of them only (这一, 中有, 以及, 对于: jieba's HMM glues
# them into unknown words) names nothing
FUNCTION_CHARS = frozenset("的了着过和与及或在是把被对向从为等也都又就还并而且其此该各每这那之以于所将已让使给由中上下里有一如")
THING_HEADS = frozenset("赛票费金品画队课证卡奖杯工书汤")  # heads of things a near miss swaps (足球赛, 机票, 钳工)
# words naming a group of people (离休干部, 退休职工, 外来务工人员, 家属): backed only by the facts' words and the
# hand-written synonym groups, never by 词林's looser classes
PEOPLE = re.compile(r"(?:干部|职工|员工|人员|同志|代表|家属|子女|老人|家庭|[员工者人师生士])$")


# actors: a body after 依托/借助 (an actor; a place head makes it a place), a person in 在…的(亲自)部署/带领…下
MEANS = frozenset({"依托", "借助", "依靠"})
POST = r"[矿段班组馆台社船舰团营连]长"  # the head of a unit named by one character (矿长, 段长, 馆长): a post
PERSON_HEAD = re.compile(r"(?:书记|主席|总经理|经理|董事长|厂长|院长|局长|校长|行长|处长|科长|部长|所长|站长|队长|会长|总监"
                         r"|主任|领导|负责人|专家|教授|" + POST + ")$")
UNDER = re.compile(r"(?:的)?" + char_class(BREAKS + ENUM_COMMA, negate=True)
                   + r"{0,6}?(?:指导|领导|带领|部署|推动|主持|协调|关心|支持|关怀|帮助|督促|号召)下")

NEAR = '（事实中是"'  # a near miss's note names the fact's thing it stands beside: a conflict, not a doubt


def role_claim(role: str, s: int, e: int, clause: str, offset: int, beside: str | None = None) -> Claim:
    text = clause[s:e]
    note = f'{ROLE_NAMES[role]}"{text}"事实中没有' + (f'{NEAR}{beside}"）' if beside else "")
    return Claim(start=offset + s, end=offset + e, text=text, kind="claim", note=note)


NEUTRAL_KEPT = 1 << 16  # words whose Reader.neutral answer a lexicon keeps


class Reader:
    """Judges the words of one clause against the support lines and the lexicon."""

    def __init__(self, support: Support, lex: FaithLexicon):
        self.support, self.lex = support, lex

    def neutral(self, word: str) -> bool:
        """A word that says nothing of its own: frame, generic, effect words, function words, one character. The
        answer depends on the word and the lexicon only: kept with the lexicon (at most NEUTRAL_KEPT words)."""
        seen = self.lex.neutral_seen
        found = seen.get(word)
        if found is None:
            if len(seen) >= NEUTRAL_KEPT:
                seen.clear()
            found = seen[word] = self._neutral(word)
        return found

    def asserts(self, word: str) -> bool:
        """An activity, honour or state word of the lexicon (faithlex.asserts: kept per word)."""
        return asserts(self.lex, word) is not None

    def _neutral(self, word: str) -> bool:
        lex = self.lex
        return len(word) < 2 or word in SKIP or word in lex.neutral or any(not ("\u4e00" <= c <= "\u9fff") for c in word) \
            or all(c in FUNCTION_CHARS for c in word) or CURRENT_PERIOD.fullmatch(word) is not None or _adverb_verb(word) \
            or frame_phrase(word)  # 如火如荼, 各显身手: a set evaluation (drafter.numcheck.setphrases)

    def backed(self, word: str) -> bool:
        """The facts, context lines or the synonyms of their words write `word` (or one of its kinds); remembered
        per fact set (a draft re-checked as it is typed asks about the same words)."""
        cache = self.support.backed_words
        if word not in cache:
            cache[word] = self._backed(word)
        return cache[word]

    def _backed(self, word: str) -> bool:
        s = self.support
        if word in s.text:
            return True
        alias_text = s.hand_alias_text if PEOPLE.search(word) else s.alias_text
        if word in alias_text or any(k in s.text for k in self.lex.kinds.get(word, ())):
            return True
        if s.is_short_form(word) or s.clipped(word):
            return True  # 经审 of 经费审查, 职代会 of 职工代表大会; 欠薪 of 拖欠农民工工资
        if kin(word, s.word_set):
            return True  # 孩子 for 子女, 费用 for 经费 (同义词词林: drafter.numcheck.cilin_kin)
        if implied(word, s.text, self.lex):
            return True  # 营员 of a 夏令营, 听众 of a 讲座 (drafter.numcheck.implied)
        if len(word) == 2 and any(c in s.char_words and _same_sense(word, c) for c in word):
            return True  # 身患 of 患重大疾病: a word built on a one-character word of the facts, meaning it
        # a compound of given or neutral parts (比赛项目 over 项目 and a contest; 职工队伍)
        if word.endswith("活动") and any(k in s.text for k in self.lex.kinds.get(word[:-2], ())):
            return True  # 文体活动 (one jieba word) over a badminton match, as 文体 + 活动 read apart would be
        return len(word) >= 4 and any(self._part(word[:i], alias_text) and self._part(word[i:], alias_text)
                                      for i in range(2, len(word) - 1))

    def near_miss(self, word: str) -> bool:
        """A word of the same kind as a fact's word but another one: the same head, another first character
        (足球赛 for 篮球赛, 钳工 for 电工, 机票 for 车票)."""
        if word[-1] not in THING_HEADS or word in self.lex.abstract:
            return False
        return any(len(g) == len(word) and ((g[-1] == word[-1] and g[0] != word[0])  # 足球赛 / 篮球赛
                                            or (len(g) >= 3 and g[:-1] == word[:-1] and g[-1] in THING_HEADS))
                   for g in self.support.word_set)  # 慰问品 / 慰问金

    def _part(self, part: str, alias_text: str) -> bool:
        return part in self.support.text or part in alias_text or (len(part) >= 2 and self.neutral(part))

    def new(self, phrase_words: list[Word], governed: bool = False) -> bool:
        """Does the phrase hold a word of its own that no support line gives? A set phrase counts when a role
        marker governs the phrase (`governed`: 荣获精益求精奖 names an honour)."""
        if any((not self.neutral(w) or governed and frame_phrase(w)) and not self.backed(w) for _, _, w, _ in phrase_words):
            return True
        return any(w[2] == "之" and 0 < k < len(phrase_words) - 1  # 职工之家 read as 职工/之/家: the whole noun
                   and not self.backed(phrase_words[k - 1][2] + "之" + phrase_words[k + 1][2])
                   for k, w in enumerate(phrase_words))


# the report's own period (本年度, 今年, 当月): the request gives it, so it says nothing of its own
CURRENT_PERIOD = re.compile(r"(?:本|今|当)(?:年度|年|季度|季|月份|月|周)")


def _adverb_verb(word: str) -> bool:
    """An unknown two-character word of an adverb and a verb (共设, 均设, 已建: jieba's HMM glues them): the clause's
    verb with how much or when, never a thing."""
    return len(word) == 2 and tag_of(word) == "x" and tag_of(word[0]) == "d" and tag_of(word[1]).startswith("v")


def glued(clause: str, a: Word, b: Word) -> bool:
    return a[1] == b[0] or clause[a[1]:b[0]] in GLUE


def attached(clause: str, a: Word, b: Word) -> bool:
    """b qualifies a or a sibling of the same kind: written together (困难职工子女), or joined by 、/和 with the
    same head (焊工、钳工; 一线职工和外包工)."""
    x, y = (a, b) if a[0] < b[0] else (b, a)
    return x[1] == y[0] or (clause[x[1]:y[0]] in GLUE and a[2][-1] == b[2][-1])


def _same_sense(word: str, char: str) -> bool:
    """Does 词林 put `word` in a small class of acts or states of the character `char`, which the facts write as a
    word of its own (身患 and the 患 of 为患重大疾病的职工: Ib10A)? Not of things (钳工 is another 工 than 电工),
    nor of qualities (专门); and not for a character inside a fact's word (召开 is not the 开 of 开展)."""
    shared = cilin_classes().get(word, frozenset()) & cilin_classes().get(char, frozenset())
    return any(c[0] in "HI" for c in shared)
