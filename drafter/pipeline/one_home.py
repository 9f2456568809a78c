"""One home per area (issue 20: the opening names each area once). After the heading stages a plan may say one
area in two or three headings ("一、加强工会自身建设，提升履职能力 … 四、做好帮扶服务，关心职工健康，加强自身建设"),
and the opening, which lists the headings, then names it two or three times.

A heading's clauses (split at ，、；, four characters at least) each name an *area*: the theme whose lexicon words
the clause is (a theme's `short`, `shorts` or a clause of its headings, after `stem`; themes.toml), else the clause's
stem (the clause without 工会/职工, its leading verbs and a closing 工作: 加强工会自身建设 and 加强自身建设 are one); a
clause of two works joined by 和/及 names both (`names`: 加强组织建设和工会自身建设), in other words too (`same_area`:
the lexicon keywords of one theme, 健全工会组织，发动会员入会; a content word of both stems, 丰富职工生活 and 丰富职工文化生活).
A plan's sub-sections are compared by their words (`part_words`, `plan_shared`; part_titles.py names them apart).
An area named by two headings gets one home: the section whose heading leads with it, else the one holding most
facts only that clause of its heading covers (they speak of it, fitting.speaks_of, and of no other clause); when
the home cannot take them, the next best. Each other section naming it

- sends the facts that only that area's clause covers (they speak of no other clause of its heading) to the home
  (not for an area named in other words: the held-out summaries keep those facts apart), when the home's heading
  still fits with them (the planner's `still_fits`, the section cap) and none of them is a
  misfit there (fitting.Refit.misfits);
- is re-titled without the area: its heading with the clause cut out, the headings of the themes its remaining
  facts share, its candidates, headings composed of its themes (theme_titles), the first that passes every heading
  rule, names no area another heading names and leaves no more misfits than before;
- else (no such heading, or the facts cannot move) stays as it was.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.pipeline import theme_titles, titling
from drafter.pipeline.book_cache import per_book
from drafter.pipeline.fitting import speaks_of
from drafter.numcheck import jiebacut
from drafter.pipeline.heading_rules import NO_AREA, bare, content_bigrams
from drafter.pipeline.themes import ThemeBook
from textkit.sentences import COMMAS, ENUM_COMMA, SEMICOLONS, char_class

SHORTEST = 4  # a clause of fewer characters names no area
# words of many areas (民主管理, 经费管理; 劳动竞赛, 劳动保护; 职代会制度, 财务制度) and acts of any: no area of their own
_LOOSE = NO_AREA | frozenset("管理 制度 机制 体系 企业 单位 劳动 参与 建立 健全 建立健全 完善 创建 服务 职能 职责 基础 力度 渠道 氛围".split())
PEOPLE = ("职工", "员工", "会员", "教师", "群众", "人员", "党员", "学生", "干部", "农民工", "民工", "女工")
_CUT = re.compile(char_class(COMMAS + ENUM_COMMA + SEMICOLONS))
_CLAUSE = re.compile(char_class(COMMAS + SEMICOLONS))  # a heading's clauses, a list (、) whole
_AND = re.compile(r"和(?![谐睦平])|以及|及(?![时早])")
_PEOPLE = re.compile(r"工会|(?<![女教])职工")  # 女职工 is an area's own word
_VERB = re.compile(r"^(?:进一步|切实|扎实|广泛|积极|认真|大力|不断|全面|深入|持续|用心用情|加强|强化|做好|深化|推进|开展|提升|提高"
                   r"|丰富|关心|关爱|关注|维护|坚持|落实|抓好|夯实|扩大|弘扬|规范|完善|健全|聚焦|拓展|畅通|筑牢|讲好|创建|建设"
                   r"|发挥|服务|举办|实施|营造|培育|打造|搭建|依法)")


def stem(clause: str) -> str:
    """The clause without 工会/职工, its leading verbs and a closing 工作 (加强工会自身建设 -> 自身建设)."""
    text = _PEOPLE.sub("", bare(clause))
    while (cut := _VERB.sub("", text)) != text and len(cut) >= 2:
        text = cut
    return text[:-2] if text.endswith("工作") and len(text) > 3 else text


@per_book
def _theme_stems(themes: tuple) -> dict[str, str]:
    """Each stem of a theme's lexicon clauses (short, shorts, its headings' clauses) -> the theme's key; a stem of
    two themes names neither. A short with `needs` names a part of its theme, an area of its own (关心职工健康 and
    抓好安全生产, both of safety, are two areas: a 体检 fact is no 安全生产 fact)."""
    owners: dict[str, set[str]] = {}
    for theme in themes:
        texts = [(theme.short, theme.key), *((s.text, _part(theme.key, s)) for s in theme.shorts),
                 *((h.text, theme.key) for h in theme.headings)]
        for text, key in texts:
            for clause in clauses(text or ""):
                owners.setdefault(stem(clause), set()).add(key)
    return {s: next(iter(keys)) for s, keys in owners.items() if len(keys) == 1 and len(s) >= 2}


def _part(key: str, short) -> str:
    return f"{key}/{stem(short.text)}" if short.needs else key


def clauses(title: str) -> list[str]:
    return [c for c in map(bare, _CUT.split(title)) if len(c) >= SHORTEST]


def area(clause: str, book: ThemeBook, kin: bool = False) -> str:
    """The area a clause names: "theme:<key>" for a theme's own words, or (`kin`) for the lexicon keywords of its
    themes (`keyword_areas`: 健全工会组织，发动会员入会 is 加强组织建设's), else its stem ("" when too short)."""
    key = stem(clause)
    theme = _theme_stems(book.themes).get(key)
    if not theme and kin and (kin := keyword_areas(clause, book)):
        theme = "+".join(sorted(kin))  # 创建“职工之家”: org's and culture's, as 职工之家建设 is
    return f"theme:{theme}" if theme else (key if content_bigrams(key) else "")  # 活动, 工作: no area


@per_book
def _keywords(themes: tuple) -> tuple[dict[str, set[str]], dict[str, frozenset[str]]]:
    """Each lexicon keyword of the general themes -> the areas it names: the theme's key, or its part's
    (`_part`: 培训 names 加强学习培训, 健康 关心职工健康) for a word a short `needs`; and what was read so far."""
    owners: dict[str, set[str]] = {}
    for theme in (t for t in themes if not t.topics and t.keywords):
        parts = {word: _part(theme.key, short) for short in theme.shorts for word in short.needs}
        for word in {*theme.keywords, *parts} - _LOOSE:  # 制度 is every area's: no keyword of one
            owners.setdefault(word, set()).add(parts.get(word, theme.key))
    return owners, {}


def keyword_areas(clause: str, book: ThemeBook) -> set[str]:
    """The areas the lexicon keywords of a clause name, a keyword inside a longer one found aside (知识竞赛 is no
    竞赛, 特殊权益 no 权益), a theme beside a part of it as the part (加强学习培训: 学习培训); empty when it has none."""
    owners, read = _keywords(book.themes)
    if clause not in read:
        found = [w for w in owners if w in clause]
        named = set().union(*(owners[w] for w in found if not any(w != o and w in o for o in found)))
        read[clause] = frozenset(a for a in named if not any(other.startswith(f"{a}/") for other in named))
    return set(read[clause])


def kin(first: str, second: str, book: ThemeBook) -> frozenset[str]:
    """The words two clauses name one area by in other words: the content words (jieba's) their stems share (丰富职工生活
    and 丰富职工文化生活: 生活), not a word of many areas (`_LOOSE`: 管理, 制度) nor people, and not when their keywords name
    two areas apart (依法维护职工合法权益, 维护女职工特殊权益: 权益; 举办法律知识竞赛, 开展劳动竞赛: 竞赛)."""
    words = {min(a, b, key=len) for a in _area_words(stem(first)) for b in _area_words(stem(second))
             if a.endswith(b) or b.endswith(a)}  # 高素质 and 素质: one word
    ours, theirs = keyword_areas(first, book), keyword_areas(second, book)
    return frozenset(words) if not (ours and theirs and not ours & theirs) else frozenset()


@lru_cache(maxsize=4096)
def _area_words(text: str) -> frozenset[str]:
    return frozenset(w for w in jiebacut.cut(text) if len(w) >= 2 and w not in _LOOSE and content_bigrams(w)
                     and not w.endswith(PEOPLE))


def same_area(first: str, second: str, book: ThemeBook) -> list[str]:
    """What two headings both name: the areas of both, and the words a clause of each names one area by (`kin`)
    when the two clauses name no area of both (kept: settling asks each pair of headings on every pass)."""
    if (read := _keywords(book.themes)[1]).get((first, second)) is None:
        words = {w for x in clauses(first) for y in clauses(second) if not names(x, book, True) & names(y, book, True)
                 for w in kin(x, y, book)}
        both = areas_of(first, book, True) & areas_of(second, book, True)
        read[first, second] = sorted(both) + [f"word:{w}" for w in sorted(words)]
    return list(read[first, second])


def names(clause: str, book: ThemeBook, kin: bool = False) -> set[str]:
    """The areas a clause names: its own, or (not a theme's own words) each of its halves' at 和/及 when both are a
    clause (加强组织建设和工会自身建设 names 组织建设 and 自身建设; not 构建和谐劳动关系, nor 做好职工帮扶和服务工作)."""
    halves = [h for h in _AND.split(clause) if len(h) >= SHORTEST]
    if stem(clause) in _theme_stems(book.themes) or len(halves) < 2:
        return {area(clause, book, kin)} - {""}
    return {a for h in halves if (a := area(h, book, kin))}


def areas_of(title: str, book: ThemeBook, kin: bool = False) -> set[str]:
    """The areas a heading's clauses name; with `kin` by the lexicon keywords of its themes too (`same_area`)."""
    return set().union(*(names(c, book, kin) for c in clauses(title)))


def shared_areas(titles: list[str], book: ThemeBook) -> list[str]:
    """The areas two or more of the headings name (`same_area`), in the order first named."""
    return list(dict.fromkeys(a for i, t in enumerate(titles) for other in titles[i + 1:] for a in same_area(t, other, book)))


def says(text: str, name: str, book: ThemeBook) -> bool:
    """Does a heading (or clause) name the area `name` (an area of `areas_of`, or "word:<w>" of `same_area`)?"""
    if name.startswith("word:"):
        return any(w.endswith(name[5:]) for c in clauses(text) for w in _area_words(stem(c)))
    return name in areas_of(text, book, True)


def part_words(title: str) -> frozenset[str]:
    """What a sub-section's heading names among its area's parts: the content words (character pairs) of its
    clauses' stems. Parts of one area are all of its theme; two of them read as one part when they say one word of
    it again (（一）扎实开展帮扶救助 （二）做好职工帮扶和服务工作; not （一）坚持校务公开 （二）签订集体合同)."""
    return frozenset().union(*(content_bigrams(stem(c)) for c in clauses(title)))


def plan_shared(sections: list, book: ThemeBook) -> list[str]:
    """What two headings of a plan's body name: an area two sections' headings name, in its words or in others
    (`same_area`; the areas' headings, a sub-section's and another section's), a word two sub-sections of one area
    name (`part_words`, as "part:<word>"); a sub-section and its own area's heading aside (one area said in parts)."""
    heads: list[tuple[str, int, bool]] = []  # (heading, its area's number, a sub-section's)
    for section in sections:
        if section.sub <= 1:
            heads.append((section.parent or section.title, section.number, False))
        if section.sub:
            heads.append((section.title, section.number, True))
    shared: list[str] = []
    for index, (title, number, sub) in enumerate(heads):
        for other, other_number, other_sub in heads[index + 1:]:
            if number != other_number:
                shared += same_area(title, other, book)
            elif sub and other_sub:
                shared += [f"part:{w}" for w in sorted(part_words(title) & part_words(other))]
    return list(dict.fromkeys(shared))


def settle(planner, groups: list, titles: list[str], facts: list[str], used: set[str]) -> None:
    """Gives each area named by two headings one home (in place: `groups`, `titles`, `used`, planner.misfits). A
    change leaves the area in fewer headings and names no area anew, so the passes end."""
    refit, book = getattr(planner, "refit", None), planner.book
    failed: set[tuple[str, str, str]] = set()
    while refit is not None and _one_pass(planner, refit, book, groups, titles, facts, used, failed):
        pass


def _one_pass(planner, refit, book, groups, titles, facts, used, failed: set[tuple[str, str, str]]) -> bool:
    """Tries each shared area's homes, best first (`_homes`: a home its sections' facts would fill past the section
    cap gives way to the next; an area named in other words, the best only: it keeps its heading), and each other
    section naming it once; True at the first change."""
    for name in shared_areas(titles, book):
        naming = [i for i, t in enumerate(titles) if says(t, name, book) and not groups[i].parts]
        homes = _homes(naming, name, groups, titles, refit, book) if len(naming) > 1 else []
        for home in homes if all(name in areas_of(titles[i], book) for i in naming) else homes[:1]:
            for index in (i for i in naming if i != home and (name, titles[home], titles[i]) not in failed):
                if _one_home(planner, refit, name, home, index, groups, titles, facts, used):
                    return True
                failed.add((name, titles[home], titles[index]))
    return False


def _of_area(fact: int, name: str, title: str, refit) -> bool:
    return any(says(c, name, refit.book) and speaks_of(refit.facts[fact], refit.prior[fact], c, refit.book)
               for c in clauses(title))


def _only(lines: list[int], name: str, title: str, refit) -> list[int]:
    """The facts of a section that speak of the area's clause of its heading and of no other clause of it."""
    others = [c for c in clauses(title) if not says(c, name, refit.book)]
    return [f for f in lines if _of_area(f, name, title, refit)
            and not any(speaks_of(refit.facts[f], refit.prior[f], c, refit.book) for c in others)]


def _homes(naming: list[int], name: str, groups, titles, refit, book) -> list[int]:
    """The sections naming the area, best home first: those whose heading leads with it, then those holding most
    facts only it covers there (then most facts of it)."""
    rank = lambda i: (bool(clauses(titles[i])) and says(clauses(titles[i])[0], name, book),  # noqa: E731
                      len(_only(groups[i].lines, name, titles[i], refit)),
                      sum(_of_area(f, name, titles[i], refit) for f in groups[i].lines), -i)
    return sorted(naming, key=rank, reverse=True)


def _one_home(planner, refit, name: str, home: int, index: int, groups, titles, facts, used) -> bool:
    """Moves the facts of section `index` only the area's clause covers to `home` and re-titles `index` without the
    area (see the module docstring); False, with nothing changed, when either cannot be done."""
    lines, title, moving = groups[index].lines, titles[index], _only(groups[index].lines, name, titles[index], refit)
    if moving and name not in areas_of(title, refit.book) & areas_of(titles[home], refit.book):
        return False  # named in other words: a re-title only, of a section no fact of that area alone needs
    stay, target = [f for f in lines if f not in moving], sorted(groups[home].lines + moving)
    before = len(refit.misfits(lines, title)) + len(refit.misfits(groups[home].lines, titles[home]))
    per = max(1, planner.settings.max_facts_per_section)
    if moving and (len(target) > per or not planner.still_fits(titles[home], target, facts, used)
                   or set(moving) & set(refit.misfits(target, titles[home]))):
        return False  # the home's heading does not take them: the plan stays
    room = before - len(refit.misfits(target, titles[home]))  # misfits the section left may hold: none added
    new = _retitled(planner, refit, name, index, stay, groups, titles, used, room) if stay and room >= 0 else ""
    if room < 0 or (stay and not new):
        return False
    _apply(planner, refit, index, home, stay, target, new, groups, titles, facts, used, before)
    return True


def _retitled(planner, refit, name: str, index: int, lines: list[int], groups, titles, used, room: int) -> str:
    """A heading for the facts left in section `index` that names neither the area nor one another heading names,
    passes every heading rule and leaves at most `room` misfits; "" when none does."""
    book, title = refit.book, titles[index]
    own, placed = [refit.facts[i] for i in lines], [refit.prior[i] for i in lines]
    others = [t for i, t in enumerate(titles) if i != index]
    cut = "，".join(c for c in map(bare, _CLAUSE.split(title)) if not says(c, name, book))
    themed = [*theme_titles.shared_titles(own, placed, book), *groups[index].themed, *theme_titles.composed(own, placed)]
    if (named := areas_of(cut, book)) and all(a.startswith("theme:") for a in named):  # the lexicon's words of its themes
        themed.append(cut)
    free = used - {bare(title)}
    for option in dict.fromkeys([cut, *themed, *groups[index].candidates]):
        if (option and bare(option) != bare(title) and not says(option, name, book) and not _names_anew(option, title, others, book)
                and refit.anchors(lines, option) and len(refit.misfits(lines, option)) <= room
                and theme_titles.spans(option, own, placed)
                and titling.acceptable(option, own, free, option in themed)):
            return option
    return ""


def _names_anew(option: str, title: str, others: list[str], book: ThemeBook) -> bool:
    """Does `option` name an area one of the other headings names that `title` did not?"""
    return any(set(same_area(option, other, book)) - set(same_area(title, other, book)) for other in others)


def _apply(planner, refit, index: int, home: int, stay: list[int], target: list[int], new: str, groups, titles,
           facts, used, before: int) -> None:
    """Section `index` keeps `stay` under `new` (or goes when none stay), `home` holds `target`; their lead keys
    and the plan's misfit count follow."""
    lead = lambda lines: theme_titles.lead_key([facts[f] for f in lines], [refit.prior[f] for f in lines],  # noqa: E731
                                               planner.book)
    groups[home].lines, groups[home].key = target, lead(target)
    after = len(refit.misfits(target, titles[home]))
    used.discard(bare(titles[index]))
    if stay:
        groups[index].lines, groups[index].key, titles[index] = stay, lead(stay), new
        used.add(bare(new))
        after += len(refit.misfits(stay, new))
    else:
        del groups[index], titles[index]
    planner.misfits = (planner.misfits[0], planner.misfits[1] + after - before)
