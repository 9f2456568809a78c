"""The judge of one clause (drafter.numcheck.claims): is it a claim, and which words make it one.

  * a clause naming no object word and without an activity, honour or state word (drafter/data/
    faithful_lexicon.toml) is frame or connective text and fine ("进一步增强了职工的凝聚力");
  * otherwise the frame phrases in it are masked; the object words it names (困难职工, 培训, 会员 … in the
    lexicon, or one of their kinds: 劳动竞赛 is backed by 技能比武) must be written in the facts, problems, plans or
    period/org lines: when half of them or more are not, the clause is a `claim` naming them ("我们定期开展职工培训"
    beside a fact about 86户 -> 培训);
  * a clause naming an activity or document in 《》 or “” that the facts do not name is a claim;
  * else the clause is a claim when less than COVER of its content words (character bigrams without function
    characters) occur in those lines and at least MIN_WORDS of them occur nowhere."""

from __future__ import annotations

from bisect import bisect_right

from drafter.models import Claim
from drafter.numcheck.acts import JOINED
from drafter.numcheck.actswap import same_act_words, whole_words
from drafter.numcheck.faithlex import FaithLexicon, frame_spans
from drafter.numcheck.names import unbacked_names
from drafter.numcheck.ownorg import without_own_org
from drafter.numcheck.setphrases import frame_phrase
from drafter.numcheck.rolewords import ROLE_NAMES, Reader
from drafter.numcheck.support import Support, uncovered
from drafter.numcheck.themes import unbacked_themes
from drafter.numcheck.wordclass import GIVING, greeting, names_something
from drafter.numcheck.words import snap, words as clause_words
from drafter.numcheck.wordspans import DraftWords, spans as _spans
from textkit.sentences import BREAKS, ENUM_COMMA

COVER = 0.5  # a clause is a claim when less than this share of its content words are in the facts …
MIN_WORDS = 2  # … and at least this many of its content words (bigrams) are in none


def scan(clause: str, lex: FaithLexicon, words: tuple | None = None) -> tuple[str, list[str], bool]:
    """(the clause with frame phrases, generic, object and activity words blanked; its object words outside
    frame phrases; whether it has an activity/honour/state word, even inside a frame phrase: 大力开展…).
    `words`: the clause's object and assertion matches when already found (DraftWords)."""
    if words is None:
        words = (_spans(lex.object_re, clause), _spans(lex.assert_words, clause))
    found, acts = words
    if not found and not acts:
        return clause, [], False
    frames = frame_spans(lex, clause)
    objects = [w for s, e, w in found if not _inside_frame(frames, s, e)]
    chars = list(clause)
    sets = [(s, e) for s, e, w, _ in clause_words(clause) if frame_phrase(w)]  # 如火如荼: a set evaluation
    for s, e in frames + sets + [(s, e) for s, e, _ in acts] + [(s, e) for s, e, _ in found]:
        chars[s:e] = " " * (e - s)
    return "".join(chars), list(dict.fromkeys(objects)), bool(acts)


def _inside_frame(frames: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) within one of the frame spans (start-ordered, not overlapping: finditer's)? A bisection,
    so a long clause costs n log n, not n × frames (issue 24, D2)."""
    i = bisect_right(frames, (start, float("inf"))) - 1
    return i >= 0 and frames[i][0] <= start and end <= frames[i][1]


def _unbacked_words(clause: str, support: Support, lex: FaithLexicon, words: tuple | None,
                    every: bool = False) -> list[str]:
    """The words that make the clause a claim: a named activity or document no fact names, most of its object
    words (`every`, a heading's: any of them) in no fact, or (an activity or object clause) few of its content
    words in the facts; [] when fine. A heading names each area of its section: 帮扶救助 backed and 送温暖 not is
    one area too many (a suggestion box under 扎实开展帮扶救助，送温暖工作温暖人心)."""
    names = unbacked_names(clause, support, lex.kinds, lex) if ("《" in clause or "“" in clause) else []
    names = [n for n in names if n[1:-1] not in lex.abstract]  # “娘家人”: a figure of speech, not a name
    text, objects, asserting = scan(clause, lex, words)
    text = without_own_org(clause, text)  # 纺织厂工会…: who writes, no new content
    rest = without_own_org(clause, clause) if objects else clause
    if rest is not clause:
        objects = [w for w in objects if w in rest]  # 图书 of 图书馆工会 only: no object of the work
    if not objects and not asserting and not names:
        return []  # frame or connective text
    missing = [w for w in objects if not support.backs(w, lex.kinds.get(w, ()))]
    if names:
        return names
    if missing and (every or 2 * len(missing) >= len(objects)):
        return missing
    share, words = uncovered(text, support, lex.common, clause)
    words = [w for w in words if not (w in lex.kinds and support.backs(w, lex.kinds[w]))  # 哺乳期 by 母婴
             and not support.is_short_form(w)]  # 经审 of 经费审查
    if share >= COVER or sum(len(w) - 1 for w in words) < MIN_WORDS:
        return []  # below: an act's new words fill the activity role (_claim names it); else some word must name
    acts = [a for a in lex.assert_words.findall(clause) if a not in GIVING]  # something (wordclass): 认同感明显增强
    named = [w for w in words if acts or not greeting(w)]  # fills no role, nor do greetings given (送上…问候)
    return words if acts or any(names_something(w, Reader(support, lex)) for w in named) else []



def judge(clause: str, start: int, support: Support, lex: FaithLexicon, kind: str,
           draft_words: DraftWords | None = None) -> Claim | None:
    """A claim when it names a theme of work (a heading as a whole) or an activity or document no fact gives, or
    its words are not the facts' (_unbacked_words). `draft_words`: the draft's matches, read for this clause."""
    found = draft_words.in_clause(start, start + len(clause)) if draft_words else None
    if found and not any(found) and "《" not in clause and "“" not in clause:
        return None  # no object, assertion or theme word and no name: frame or connective text
    themes = unbacked_themes(clause, support, lex, found[2] if found else None)
    if not themes and found and found[2]:  # backed theme phrases say nothing more: judge the rest
        rest = clause
        for phrase, _ in found[2]:
            rest = rest.replace(phrase, " " * len(phrase))
        if rest != clause:
            words = _unbacked_words(rest, support, lex, None, kind == "heading")
            return _claim(clause, start, kind, whole_words(words, support), themes, lex) if words else None
    words = themes or _unbacked_words(clause, support, lex, found[:2] if found else None, kind == "heading")
    if not words or (kind == "claim" and not themes and same_act_words(clause, words, support, lex)):
        return None  # nothing new, or the facts' act in other words (检查督促 for 检查)
    return _claim(clause, start, kind, whole_words(words, support), themes, lex)


def _claim(clause: str, start: int, kind: str, words: list[str], themes: list[str], lex: FaithLexicon) -> Claim:
    body = clause.strip().rstrip(BREAKS + ENUM_COMMA)
    offset = start + (len(clause) - len(clause.lstrip()))
    what = "这个标题" if kind == "heading" else "这句话"
    what += "写了事实中没有的工作" if themes else "写了事实中没有的内容"
    note = f"{what}：{'、'.join(words[:3])}"
    act = lex.assert_words.search(body) if kind == "claim" and not themes else None
    if act is not None:  # an act no fact gives: the role is the activity, quoted from its verb on
        a, _ = snap(body, act.start(), act.end())
        if body.startswith(JOINED) or any(w in body[a:] for w in words):  # 创新|帮扶方式: how it was done
            note = f'{ROLE_NAMES["activity"]}"{body[a:].rstrip()}"事实中没有（{note}）'  # a blanked end: not quoted

    return Claim(start=offset, end=offset + len(body), text=body, kind=kind, note=note)
