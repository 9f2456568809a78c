"""Added qualifiers of a number's item (issue 19): what a number's clause adds to the thing it counts.

The item check (drafter.numcheck.qualifiers) reads what a draft drops from a fact's item; this module reads what
it adds. Around each number of a clause (the words of its item window, drafter.numcheck.items.BEFORE/AFTER,
inside the clause and between its neighbouring numbers), a word is an added qualifier when
  * it names something (a noun, a name jieba does not know, an adjective or distinguishing word: 重大, 非公),
  * it is neither frame, generic nor an effect word, nor an act or a word a rewording may drop ([items] ignore),
  * no fact, context line or synonym of theirs writes it (rolewords.Reader.backed), and
  * it is written onto a thing the facts give (因病致困职工, 快递员会员, 重大隐患), or joined to one by 和/及/与/、
    (职工和社区居民; 劳模和先进职工).
Each run of such words is a claim with the role named: 对象"因病致困"事实中没有（事实中是"…"）, beside the fact's item
when the number is bound to one. A name in 《》 or “” in the clause that no fact names is an object as well
(审议通过《集体合同》《薪酬改革方案》等5项议案).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from drafter.models import Claim, NumberHit
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.items import AFTER, BEFORE
from drafter.numcheck.names import unbacked_names
from drafter.numcheck.examples import digits as _digits, example_of_given as _example_of_given
from drafter.numcheck.examples import listed_example as _listed_example, no_thing as _no_thing
from drafter.numcheck.people import PEOPLE_UNITS, age_bound, counted_people
from drafter.numcheck.predicate import verb_for_people
from drafter.numcheck.actforms import predicate_after_people
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.things import THING_TAGS, abstract_word
from drafter.numcheck.qualifying import joined_verbal as _joined_verbal, new_noun_after as _new_noun_after
from drafter.numcheck.qualifying import verbal_qualifier as _verbal_qualifier
from drafter.numcheck.actforms import manner_form_of_act
from drafter.numcheck.wordclass import act_phrase, act_read_as_noun, action_word, adverb_noun, at_person, place_word
from drafter.numcheck.rolewords import GLUE, NOUN_TAGS, Reader, role_claim
from drafter.numcheck.statewords import each_did
from drafter.numcheck.words import Word, tag_of, words
from drafter.numcheck.faithlex import asserts, ignorable

_NAMING_TAGS = (*NOUN_TAGS, "a", "an", "b")
_JOINERS = GLUE | {"以及"}
_SUFFIXES = frozenset("员者师")
_FUNCTION = re.compile("[达为计约共有了的是在名个位项次余多从向对把被给与和及将每各等进入到以]")  # 法进 (送法进企业)


def added_items(clause: str, offset: int, hits: Sequence[NumberHit], support, lex: FaithLexicon,
                found: Sequence[Claim] = (), starts: Sequence[int] | None = None) -> list[Claim]:
    """The added-qualifier claims of one clause holding numbers (offset: the clause's start in the draft);
    `hits` sorted by start (`starts`: their starts, for bisection); `found`: the clause's role claims already made
    (their words are not claimed twice). Remembered per fact set, clause and numbers, as roles are."""
    starts = starts if starts is not None else [h.start for h in hits]
    own = hits[bisect_left(starts, offset):bisect_left(starts, offset + len(clause))]
    taken = tuple((c.start - offset, c.end - offset) for c in found)
    key = ("added", clause, id(lex), taken, tuple((h.start - offset, h.end - offset, h.fact_item, h.status) for h in own))
    cached = support.clause_roles.get(key)
    if cached is None:
        cached = support.clause_roles[key] = _added_items(clause, own, offset, support, lex, set(taken))
    return [c.model_copy(update={"start": c.start + offset, "end": c.end + offset}) for c in cached]


def _added_items(clause: str, own: Sequence[NumberHit], offset: int, support, lex: FaithLexicon,
                 taken: set) -> list[Claim]:
    """added_items with offsets in the clause."""
    ws = words(clause)
    if not ws:
        return []
    reader = Reader(support, lex)
    out: list[Claim] = []
    starts_of = [w[0] for w in ws]
    for k, h in enumerate(own):  # a number no fact gives: its item may be an event no fact names
        if h.status == "unsupported" and h.unit in _EVENT_MEASURES:  # checked first: a clause may hold many
            lo = max(h.start - offset - BEFORE, own[k - 1].end - offset if k else 0)
            near = ws[bisect_left(starts_of, lo):bisect_left(starts_of, h.start - offset)]  # bisection: linear
            out += _event_count(clause, h, offset, [w for w in near if w[1] <= h.start - offset], reader, taken)
        elif h.status == "unsupported" and h.unit == "岁":  # 110名45岁以下职工: an age bound of the people
            out += age_bound(clause, h.start - offset, h.end - offset, taken)
        elif h.status in ("unsupported", "mismatch") and h.unit in _COUNTED:  # 12个外包施工队: its thing may be new
            out += _counted_thing(clause, ws[bisect_left(starts_of, h.end - offset):], h.end - offset, reader, taken)
    own = [h for h in own if h.status != "unsupported"]  # the items read (bound to a fact's number)
    for i, h in enumerate(own):
        lo = max(h.start - offset - BEFORE, own[i - 1].end - offset if i else 0)
        hi = min(h.end - offset + AFTER, own[i + 1].start - offset if i + 1 < len(own) else len(clause))
        window = _counted([w for w in ws if lo <= w[0] and w[1] <= hi], clause)
        out += _runs(clause, 0, _merged(clause, window), reader, taken, h.fact_item)
        if h.unit in PEOPLE_UNITS:  # 312名一线操作工 (the fact: 312人): other people
            out += counted_people(clause, ws, bisect_left(starts_of, h.end - offset), h.end - offset, reader, taken)
    if "《" in clause or "“" in clause:
        for name in unbacked_names(clause, support, lex.kinds, lex):
            at = clause.find(name)
            if name[1:-1] not in lex.abstract and at >= 0 and not _overlaps(taken, at, at + len(name)):
                out.append(role_claim("object", at, at + len(name), clause, 0))
                taken.add((at, at + len(name)))
    for i, h in enumerate(own):  # 体检外包职工300人: the number check's 对象多了'外包' (after the names: 《…》 whole)
        out += _narrowed_words(clause, h, offset, max(h.start - offset - BEFORE, own[i - 1].end - offset if i else 0),
                               taken)
    return out


def _runs(clause: str, offset: int, window: list[Word], reader: Reader, taken: set, beside: str | None) -> list[Claim]:
    given = [_given(w, reader) for w in window]
    new = [_added(w, reader) and not act_read_as_noun(window, k) and not verb_for_people(*_in_clause(clause, w)) or _verbal_qualifier(clause, window, given, k, reader)
           or _listed_example(clause, window, given, k, reader) for k, w in enumerate(window)]  # 投身/n: the verb
    new = [n or _joined_verbal(window, given, new, k, reader) for k, n in enumerate(new)]
    for k in range(1, len(window) - 1):  # 退休/老/党员: a one-character adjective inside a new phrase is part of it
        if not new[k] and new[k - 1] and len(window[k][2]) == 1 and window[k][3] == "a" \
                and window[k][0] == window[k - 1][1] and _new_noun_after(window, given, new, k + 1, reader):
            new[k] = True
    for k in range(len(window) - 2, -1, -1):  # a given verb glued before a given noun: 整改 of 整改建议
        w = window[k]
        given[k] = given[k] or (w[3] == "v" and k > 0 and given[k + 1] and window[k - 1][3].startswith(NOUN_TAGS) and w[1] == window[k + 1][0] and len(w[2]) >= 2
                                and w[2] in reader.support.text)
    out: list[Claim] = []
    k = 0
    while k < len(window):
        if not new[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(window) and new[j + 1] and window[j][1] == window[j + 1][0]:
            j += 1
        if _onto_given(clause, window, given, k, j, reader) and not _overlaps(taken, window[k][0], window[j][1]) \
                and not (k == j and given[k - 1] and adverb_noun(window, k)) \
                and not predicate_after_people(clause, window, k, j):
            s, e = window[k][0], window[j][1]
            out.append(role_claim("place" if place_word(window[j]) else "object", s, e, clause, offset, beside))
            taken.add((s, e))
        k = j + 1
    return out


_NARROWED = re.compile(r"对象多了'([^']+)'")  # the number check's note of added words (drafter.numcheck.narrowed)


def _narrowed_words(clause: str, h: NumberHit, offset: int, lo: int, taken: set) -> list[Claim]:
    """The object claims of the words the number check found added to the number's item (对象多了'外包'), quoted
    where the clause writes them, between the window's start `lo` and the number, unless claimed already."""
    m = _NARROWED.search(h.note or "") if h.status == "mismatch" else None
    out: list[Claim] = []
    for word in m.group(1).split("、") if m else ():
        at = clause.find(word, lo, h.start - offset)
        if at >= 0 and not _overlaps(taken, at, at + len(word)):
            out.append(role_claim("object", at, at + len(word), clause, 0, h.fact_item))
            taken.add((at, at + len(word)))
    return out


_COUNTED = frozenset("个名人支家户位台套件项所座辆条")  # measure words counting people, bodies and things
_EVENT_MEASURES = frozenset("场届轮次")  # measure words counting events, rounds and times (期, 批: issues, batches too)


def _counted_thing(clause: str, after: list[Word], at: int, reader: Reader, taken: set) -> list[Claim]:
    """The object role of the nouns written right after a number no fact gives, when none of them is given."""
    run = []  # (inside a document's name, 《福利区105套住房分配方案》, the name is judged whole)
    while len(run) < len(after) and after[len(run)][0] == (run[-1][1] if run else at) and after[len(run)][3] in THING_TAGS:
        run.append(after[len(run)])
    if not run or clause.rfind("《", 0, at) > clause.rfind("》", 0, at) or not all(_added(w, reader) for w in run) \
            or _overlaps(taken, run[0][0], run[-1][1]):
        return []
    taken.add((run[0][0], run[-1][1]))
    return [role_claim("object", run[0][0], run[-1][1], clause, 0)]


def _event_count(clause: str, h: NumberHit, offset: int, before: list[Word], reader: Reader, taken: set) -> list[Claim]:
    """A count of events no fact gives (周末亲子游8场: the number is in no fact, its item's words neither): the
    activity role, quoted from the item's first new word to the number."""
    if h.status != "unsupported" or h.unit not in _EVENT_MEASURES:
        return []
    item = []  # the words written right before the number, back to a mark or a time or place already claimed
    for w in reversed(before):
        if (item and w[1] != item[0][0]) or w[1] != h.start - offset and not item or _overlaps(taken, w[0], w[1]):
            break
        item.insert(0, w)
    new = [w for w in item if not reader.neutral(w[2]) and not reader.backed(w[2]) and not _digits(w[2])]
    if h.unit == "次" and not (h.text[:1].isdigit() and any(w[3].startswith(("n", "vn")) for w in new)):
        return []  # 进行一次, 受到了一次: how often, not an event; 技能鉴定2次 counts one
    if not new:
        return []
    s, e = new[0][0], h.end - offset
    taken.add((s, e))
    return [role_claim("activity", s, e, clause, 0)]


def _in_clause(clause: str, w: Word) -> tuple[tuple[Word, ...], int]:
    """The clause's words and the place of window word w among them (-1 for a word the window merged)."""
    ws = words(clause)
    return ws, next((k for k, v in enumerate(ws) if v[0] == w[0] and v[1] == w[1]), -1)


def _merged(clause: str, window: list[Word]) -> list[Word]:
    """The window with a one-character person suffix jieba cuts off joined to its word (快递/员 -> 快递员, a noun)."""
    out: list[Word] = []
    for w in window:
        if out and w[2] in _SUFFIXES and out[-1][1] == w[0] and len(out[-1][2]) >= 2 and not _digits(out[-1][2]):
            out[-1] = (out[-1][0], w[1], out[-1][2] + w[2], "n")
        else:
            out.append(w)
    return out


def _counted(window: list[Word], clause: str) -> list[Word]:
    """The window with a measure word glued after digits (23家, 45名患…) read as one number word (tag m): no word
    of its own, and it opens the object it counts (23家/非公/企业)."""
    out: list[Word] = []
    for w in window:
        if w[0] and clause[w[0] - 1].isdigit():
            if out and out[-1][1] == w[0] and _digits(out[-1][2]):
                out[-1] = (out[-1][0], w[1], out[-1][2] + w[2], "m")
            continue
        out.append(w)
    return out


def _naming(w: Word) -> bool:
    """A noun (an idiom or set phrase only when it ends in one: 拖欠工资, not 精彩纷呈), a name jieba does not know
    (not a function character glued to a neighbour: 率达, 名患), an adjective or distinguishing word (重大)."""
    word, tag = w[2], w[3]
    if _digits(word) or not tag.startswith(_NAMING_TAGS) or tag == "ad":
        return False  # 顺利 (ad) of 38名徒弟顺利出师: an adverb, though its tag starts like an adjective's
    if tag in ("i", "l"):  # (各展所长: what each did, statewords.each_did)
        return len(word) >= 4 and tag_of(word[-2:]).startswith("n") and not each_did(word)
    if tag == "nr" and tag_of(word[1:]).startswith("v"):
        return False  # 经审查 read as a name
    return not (tag == "x" and _FUNCTION.search(word))


def _added(w: Word, reader: Reader) -> bool:
    """A word naming something that no support line gives."""
    lex = reader.lex
    if not _naming(w) or reader.neutral(w[2]) or w[2] in lex.abstract or at_person(w[2]):
        return False  # 手中 of 发到职工手中: where the thing reached them
    if asserts(lex, w[2]) or ignorable(lex, w[2]) or abstract_word(w[2], w[3]):
        return False  # an act, a word a rewording may drop, a manner or figure (系统培训, 班组全部覆盖)
    if not w[3].startswith("n") and action_word(w[2]) or act_phrase(w[2], w[3]):
        return False  # 职工前来咨询: 前来 (tagged t) is a movement, the clause's verb, never a thing counted; 装上/n too
    if manner_form_of_act(w[2], reader.support):
        return False  # 新装 for the facts' 安装, 连办 for 举办: their act with a manner (actforms.py)
    if _no_thing(w[2]):
        return False  # 个性化 (运动处方), 亲情: a state, a change or a feeling qualifies no thing counted
    return not reader.backed(w[2])


def _given(w: Word, reader: Reader) -> bool:
    """A thing the facts name, generic (职工, 会员) or not."""
    return len(w[2]) >= 2 and not _digits(w[2]) and w[3].startswith(NOUN_TAGS + ("vn",)) \
        and w[2] in reader.support.text


_KIND_SUFFIXES = frozenset("类型式")  # one-character suffixes naming a kind (…类, …型, …式), whatever jieba's tag


def _kind_suffix(w: Word) -> bool:
    """A suffix (jieba's tag k: 型, 式) or a one-character kind word (类 is tagged a measure word)."""
    return w[3] == "k" or w[2] in _KIND_SUFFIXES


def _onto_given(clause: str, window: list[Word], given: list[bool], k: int, j: int, reader: Reader | None = None) -> bool:
    """The run k..j is written onto a given thing (right after it or right before it, through 的 too), joined
    to a phrase ending in one by 和/及/与/、 (职工和社区居民; 劳模和先进职工), or is an example of one before 等
    (签约超市、加油站等普惠商家: which ones the facts do not say)."""
    if reader is not None and _example_of_given(clause, window, reader, j):
        return True
    for step, edge in ((1, j), (-1, k)):
        n = edge + step
        if not 0 <= n < len(window):
            continue
        a, b = (window[edge], window[n]) if step > 0 else (window[n], window[edge])
        gap = clause[a[1]:b[0]]
        if step > 0 and gap == "" and window[n][2] == "的" and n + 1 < len(window) and _touch(window, n, n + 1):
            n, gap = n + 1, "的"  # 偏远山区的基层工会: jieba's 的 is a word of the window
        elif step > 0 and gap == "" and _kind_suffix(window[n]) and n + 1 < len(window) and _touch(window, n, n + 1):
            n += 1  # 节能降耗/型/成果, 防护/类/用品: a suffix making the run a kind of the given thing
        while step > 0 and gap == "" and reader is not None and not given[n] and n + 1 < len(window) \
                and window[n][3].startswith(NOUN_TAGS) and reader.neutral(window[n][2]) and _touch(window, n, n + 1):
            n += 1  # 退休职工/参赛/作品: across a word that says nothing of its own to the given head
        if given[n] and (gap == "" or gap == "的" and step > 0):
            return True
        if gap == "" and window[n][2] in _JOINERS:
            n += step
        elif gap != "、":
            continue
        while 0 <= n < len(window) and not given[n] and window[n][3].startswith(_NAMING_TAGS) \
                and 0 <= n + step < len(window) and _touch(window, n, n + step):
            n += step  # across the other phrase's qualifiers to its head (先进/职工)
        if 0 <= n < len(window) and given[n]:
            return True
    return False


def _touch(window: list[Word], a: int, b: int) -> bool:
    x, y = (window[a], window[b]) if a < b else (window[b], window[a])
    return x[1] == y[0]


def _overlaps(taken: set, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in taken)
