"""The people a fact's number counts, written as other people (issue 19, the 对象 role): 312名一线操作工 where the
fact says 312人, 240名劳模和先进工作者 where it says 共240人. Read by drafter.numcheck.added for a number bound to a
fact's number that counts people (名, 人, 位)."""

from __future__ import annotations

import re

from drafter.models import Claim
from drafter.numcheck.peoplerefs import act_trade
from drafter.numcheck.rolewords import GLUE, PEOPLE, Reader, role_claim
from drafter.numcheck.words import Word

PEOPLE_UNITS = frozenset("名人位")
_RUN_TAGS = ("a", "b", "m")  # modifiers (先进, 一线); and nouns, set phrases (n…, l, j)
_LONGEST = 8  # words read after a number: a longer run is no name of people


def counted_people(clause: str, ws: tuple[Word, ...], k: int, at: int, reader: Reader, taken: set) -> list[Claim]:
    """The object claim of the words written right after the number's measure word (at: its end; k: the index of
    the first word from there) up to the clause's next verb, when they end on a people head (操作工, 工作者) and
    one of their words says something no fact, context line or hand synonym writes (an added qualifier the item
    check did not claim)."""
    run: list[Word] = []
    for w in ws[k:k + _LONGEST]:
        if w[0] != (run[-1][1] if run else at) or not (_modifier_or_noun(w) or w[2] in GLUE and run):
            break
        run.append(w)
    while run and run[-1][2] in GLUE:
        run.pop()
    if not run or not _people(run[-1][2]) or any(s < run[-1][1] and run[0][0] < e for s, e in taken):
        return []
    if not any(not reader.neutral(w[2]) and w[2] not in GLUE and not reader.backed(w[2])
               and not act_trade(w[2], reader.support.text) for w in run):
        return []  # 64名驾驶员 at a 驾驶 contest: the trade of an act the facts write (drafter.numcheck.peoplerefs)
    taken.add((run[0][0], run[-1][1]))
    return [role_claim("object", run[0][0], run[-1][1], clause, 0)]


def _modifier_or_noun(w: Word) -> bool:
    return w[3] in _RUN_TAGS or w[3].startswith(("n", "l", "j"))


def _people(word: str) -> bool:
    """A word with a people head (操作工, 工作者, 职工; not 徒弟, which 师带徒 implies)."""
    return len(word) >= 2 and PEOPLE.search(word) is not None


_AGE_BOUND = re.compile(r"(?:周岁|岁)(?:及|或)?(?:以下|以上|以内)")


def age_bound(clause: str, start: int, end: int, taken: set) -> list[Claim]:
    """An age bound no fact gives, written before people (110名45岁以下职工, 50周岁以上会员: session 25): it narrows
    who the work reached, so the object claim over it (start, end: the number's span in the clause, 以下 and all)."""
    bound = _AGE_BOUND.search(clause, start, end + 4)
    if bound is None or bound.end() < end or any(s < bound.end() and start < e for s, e in taken):
        return []
    rest = clause[bound.end():bound.end() + 6]
    if not any(PEOPLE.search(rest[:n]) for n in range(2, len(rest) + 1)):
        return []
    taken.add((start, bound.end()))
    return [role_claim("object", start, bound.end(), clause, 0)]
