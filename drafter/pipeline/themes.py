"""Section themes (drafter/pipeline/themes.toml): keywords and a description that place a fact, headings that
say only what a section's facts give, default order, families of themes that may share a section.

`load_book(path)` reads the file once per path: a pure cache of the parsed file (no other state), so a Planner
and every call after it get the same immutable ThemeBook without touching the disk again.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from drafter.numcheck.words import words
from drafter.pipeline.course_lists import off_list
from textkit.sentences import BREAKS, char_class

THEMES_FILE = Path(__file__).with_name("themes.toml")
_CLAUSES = re.compile(char_class(BREAKS))
_INSIDE = char_class(BREAKS + "、“”\"（）() \n", negate=True)  # a character inside one phrase
_IN_CLAUSE = char_class(BREAKS + "\n", negate=True)  # a character inside one clause (a list's 、 too)


@dataclass(frozen=True)
class Senses:
    """Where a keyword is not said in its theme's sense, in any theme (themes.toml [senses]): a clause that only
    sets a condition (在确保安全生产的前提下: no safety act), and the subject of an art work (安全漫画展 is an
    exhibition of drawings, not a safety act: the few characters or the quoted title before an art form are its
    subject)."""
    conditions: tuple[str, ...] = ()
    art_forms: tuple[str, ...] = ()
    times: tuple[str, ...] = ()  # a keyword right before one of these is a time (五一期间), not an act
    reports: tuple[str, ...] = ()  # 听取…报告: the words of a report heard are its subject (the act is hearing it)
    campaigns: tuple[str, ...] = ()  # 对…活动的宣传: a form of work done for a campaign is the campaign's work
    slogans: tuple[str, ...] = ()  # 以“安全发展”为主题的征文: the quoted words before 主题 are the event's subject
    bodies: tuple[str, ...] = ()  # 公司的…面临的困难: a plight said of one of these is the body's own, no hardship
    plights: tuple[str, ...] = ()
    helped: tuple[str, ...] = ()  # … unless people or help are said between (公司为困难员工…, 帮助职工解决…困难)
    courses: tuple[str, ...] = ()  # 财务、物业管理、安全生产等项目的培训: one subject of several (course_lists.py)
    named: tuple[str, ...] = ()  # “四到家、五必访”制度: the quoted practice's system, no building of the union's own

    def acts(self, text: str) -> str:
        """`text` without its condition clauses, its art works' subjects, its events' quoted themes (an essay
        contest on “安全发展” is no safety act), a body's own plight (公司面临的困难), the subjects of reports it
        heard, and a system named by a quoted practice (“四到家、五必访”制度: the practice's, not the union's own)."""
        clauses = re.split(f"({char_class(BREAKS)})", text)
        kept = "".join(c for c in clauses if not (self.conditions and c.rstrip("的").endswith(self.conditions)))
        kept = _art_subject(self.art_forms).sub("", kept) if self.art_forms else kept
        kept = _slogan(self.slogans).sub("", kept) if self.slogans else kept
        kept = _plight(self.bodies, self.plights, self.helped).sub(r"\1", kept) if self.plights else kept
        kept = re.sub(f"(?<=[”\"」])(?:{'|'.join(map(re.escape, self.named))})", "", kept) if self.named else kept
        return _heard(self.reports).sub("审议报告", kept) if self.reports else kept  # heard: a report reviewed

    def as_time(self, text: str, word: str) -> bool:
        """`word` is said only as a time (五一期间开展…, “五一”节前后: the holiday dates the act, it is not its
        matter)."""
        return bool(self.times) and all(_dated(text, at + len(word), self.times) for at in _places(text, word))

    def for_campaign(self, text: str, word: str) -> bool:
        """`word` (a form of work) is said only of a campaign (对“示范工会”创建活动的广泛宣传: the campaign's work)."""
        return bool(self.campaigns) and all(_campaign(self.campaigns).match(text[:at][::-1]) for at in _places(text, word))


def _dated(text: str, end: int, times: tuple[str, ...]) -> bool:
    """A time word follows `end` (past the quote and 节: “五一”节前后), or the full name ends a clause (“五一”国际劳动节，)."""
    rest = text[end:].lstrip("”\"'’」")
    named = _HOLIDAY_NAME.match(rest)
    return rest.startswith(times) or bool(named) and (rest[named.end():].startswith(times)
                                                      or rest[named.end():named.end() + 1] in _CLAUSE_ENDS)


_HOLIDAY_NAME = re.compile(r"(?:国际)?(?:[\u4e00-\u9fff]{0,3}?)节")  # 节, 劳动节, 国际劳动节, 国际妇女节
_CLAUSE_ENDS = frozenset("，,、；;")


def _places(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


@lru_cache(maxsize=4)
def _heard(verbs: tuple[str, ...]) -> re.Pattern:
    """A report heard: its verb, then the report's subject up to its last 报告 within one clause."""
    return re.compile(f"(?:{'|'.join(map(re.escape, verbs))}){_IN_CLAUSE}*报告")


@lru_cache(maxsize=4)
def _campaign(kinds: tuple[str, ...]) -> re.Pattern:
    """Read backwards from a form of work: up to four characters (广泛), 的, a campaign's name ending in one of
    `kinds`, then 对 (对X活动的广泛宣传)."""
    ends = "|".join(re.escape(k[::-1]) for k in kinds)
    return re.compile(f"{_INSIDE}{{0,4}}的(?:{ends}){_IN_CLAUSE}{{0,16}}?对")


@lru_cache(maxsize=4)
def _slogan(marks: tuple[str, ...]) -> re.Pattern:
    """One quoted theme or several (、 和 与 between them), then 为 (活动) and a mark: 以“…”、“…”为主题的征文活动."""
    quoted = "(?:“[^“”]{1,30}”|\"[^\"“”]{1,30}\")"
    marks_ = "|".join(map(re.escape, marks))
    return re.compile(f"{quoted}(?:[、和与]{quoted})*(?=为?(?:活动)?(?:{marks_}))")


@lru_cache(maxsize=4)
def _plight(bodies: tuple[str, ...], plights: tuple[str, ...], helped: tuple[str, ...]) -> re.Pattern:
    """A body, then within one clause and with no person or help said, a plight not naming people (困难职工): the
    body's own difficulties (公司的发展和面临的困难). Group 1 is what comes before the plight."""
    either = lambda words: "|".join(map(re.escape, words))  # noqa: E731
    between = f"(?:(?!{either(helped)}){_IN_CLAUSE})"
    return re.compile(f"((?:{either(bodies)}){between}{{0,14}}?)(?:{either(plights)})(?!{either(helped)})")


@lru_cache(maxsize=4)
def _art_subject(forms: tuple[str, ...]) -> re.Pattern:
    """Up to four characters of one phrase, or a quoted title and its 主题, right before an art form."""
    return re.compile(f"(?:“[^“”]{{1,16}}”(?:主题)?|{_INSIDE}{{1,4}})(?=(?:{'|'.join(map(re.escape, forms))}))")


def writes(text: str, keyword: str) -> bool:
    """`keyword` stands in `text` as a word or inside one (换届 of 换届选举), not as a piece cut across two: 组织员
    (a union's organiser) of 组织|员工 (organise staff) is no keyword there, nor 入会 of 加入|会员."""
    spans = [(start, end) for start, end, _, _ in words(text)]
    at = text.find(keyword)
    while at >= 0:
        end = at + len(keyword)
        if not any(at < start < end < stop for start, stop in spans):  # its end cuts a word it does not begin
            return True
        at = text.find(keyword, at + 1)
    return False


@dataclass(frozen=True)
class Heading:
    """A section title; `needs`: it asserts something, so one of the section's facts must contain one of these."""
    text: str
    needs: tuple[str, ...] = ()

    def fits(self, facts: str) -> bool:
        return not self.needs or any(word in facts for word in self.needs)


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    order: int
    keywords: tuple[str, ...]
    headings: tuple[Heading, ...]
    description: str = ""
    topics: tuple[str, ...] = field(default_factory=tuple)
    short: str = ""  # the work in a few words, for a heading naming two themes
    shorts: tuple[Heading, ...] = ()  # other such words, each when the facts write one of its `needs`
    other_sense: tuple[str, ...] = ()  # a keyword in a clause with one of these is in another sense (学生…学习)
    modes: tuple[str, ...] = ()  # keywords that name a form of work (宣讲, 培训), not its matter
    subjects: frozenset[str] = frozenset()  # the other themes' keywords that name a matter (load_book fills it)
    senses: Senses = Senses()

    def keyword_score(self, text: str) -> float:
        """How strongly `text` speaks of this theme: matched keywords (`writes`), longer ones weigh more. A keyword
        counts only where it is said in this theme's sense: not in a condition or as an art work's subject
        (`Senses`), not in a clause that gives it another sense (`other_sense`: 留守儿童的教育 is schooling), and a
        form of work (`modes`) only when the text names no other theme's matter (劳动法律法规宣讲 is 普法)."""
        return _score(self, text)

    def _scored(self, text: str) -> float:
        text = self.senses.acts(text)
        found = [word for word in self.keywords if word in text and writes(text, word) and self._in_sense(text, word)
                 and not self.senses.as_time(text, word) and off_list(text, word, self.keywords, self.senses.courses)]
        if any(word in self.modes for word in found) and self._names_other_matter(text):
            found = [word for word in found if word not in self.modes]
        found = [word for word in found if word not in self.modes or not self.senses.for_campaign(text, word)]
        return sum(1.0 + 0.25 * (len(word) - 1) for word in found)

    def _names_other_matter(self, text: str) -> bool:
        return any(word in text and writes(text, word) and off_list(text, word, (word,), self.senses.courses)
                   for word in self.subjects)  # a course's list of subjects names none (course_lists.py)

    def _in_sense(self, text: str, word: str) -> bool:
        if not self.other_sense:
            return True
        return any(word in clause and not any(other in clause for other in self.other_sense)
                   for clause in _CLAUSES.split(text))

    def titles_for(self, facts: list[str]) -> tuple[str, ...]:
        """The headings this section's facts justify: those whose `needs` the facts meet, then the plain ones."""
        text = "".join(facts)
        fitting = [h.text for h in self.headings if h.needs and h.fits(text)]
        plain = [h.text for h in self.headings if not h.needs]
        return tuple(fitting + plain) or (self.name,)

    def shorts_for(self, facts: list[str]) -> tuple[str, ...]:
        """Its few words for a joint heading: those whose `needs` the facts meet, then `short` ("" without)."""
        text = "".join(facts)
        return tuple([h.text for h in self.shorts if h.fits(text)] + [self.short])


@lru_cache(maxsize=1 << 16)
def _score(theme: Theme, text: str) -> float:
    """A pure cache of Theme._scored (a plan asks the same fact of the same theme many times)."""
    return theme._scored(text)


@dataclass(frozen=True)
class Family:
    keys: frozenset[str]
    headings: tuple[str, ...]
    members: tuple[str, ...] = ()  # the keys in the file's order (a joint lead's key: "culture+women")


@dataclass(frozen=True)
class ThemeBook:
    themes: tuple[Theme, ...]
    families: tuple[Family, ...]
    labels: dict
    senses: Senses = Senses()
    claims: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()  # ([[claim]] says, needs)

    def unbacked(self, text: str, facts: list[str]) -> bool:
        """`text` (a heading or a frame sentence) names a part of a theme's work (themes.toml [[claim]]: 民主管理)
        that none of its section's `facts` reports."""
        joined = "".join(facts)
        return any(any(w in text for w in says) and not any(w in joined and writes(joined, w) for w in needs)
                   for says, needs in self.claims)  # 议案 is no word of 劳动争议案件

    def for_request(self, kind: str, topic: str | None) -> list[Theme]:
        """The themes of a request: a 专项总结 on a known topic gets that topic's themes, everything else the general
        ones. The last theme of the list is the catch-all."""
        if kind == "专项总结" and topic:
            special = [t for t in self.themes if any(word in topic or topic in word for word in t.topics)]
            if special:
                return special
        return [t for t in self.themes if not t.topics]

    def outside(self, kind: str, topic: str | None) -> list[Theme]:
        """The general areas a single-topic report's own themes do not cover: for a 专项总结 with themes of its own,
        the general themes (the catch-all aside) whose keywords do not name the topic (送温暖 is 帮扶送温暖's, so a
        送温暖 report's outside areas are 安全, 文体 …); [] for any other request."""
        inside = self.for_request(kind, topic)
        if not inside or not inside[0].topics:
            return []
        general = [t for t in self.themes if not t.topics][:-1]
        return [t for t in general if not t.keyword_score(topic or "")]


def _heading(raw) -> Heading:
    if isinstance(raw, str):
        return Heading(raw)
    return Heading(raw["text"], tuple(raw.get("needs", ())))


@lru_cache(maxsize=4)
def load_book(path: str = str(THEMES_FILE)) -> ThemeBook:
    """The parsed themes file (cached by path: the file is read once per process and path)."""
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    given = raw.get("senses", {})
    senses = Senses(*(tuple(given.get(name, ())) for name in ("conditions", "art_forms", "times", "reports", "campaigns",
                                                                   "slogans", "bodies", "plights", "helped", "courses",
                                                                   "named")))
    themes = tuple(Theme(key=t["key"], name=t["name"], order=int(t["order"]), keywords=tuple(t.get("keywords", ())),
                         headings=tuple(_heading(h) for h in t["headings"]), description=t.get("description", ""),
                         topics=tuple(t.get("topics", ())), short=t.get("short", ""),
                         shorts=tuple(_heading(h) for h in t.get("shorts", ())),
                         other_sense=tuple(t.get("other_sense", ())), modes=tuple(t.get("modes", ())),
                         senses=senses) for t in raw["theme"])
    themes = tuple(replace(t, subjects=_subjects(t, themes)) for t in themes)
    families = tuple(Family(frozenset(f["keys"]), tuple(f["headings"]), tuple(f["keys"])) for f in raw.get("family", []))
    claims = tuple((tuple(c["says"]), tuple(c["needs"])) for c in raw.get("claim", []))
    return ThemeBook(themes, families, dict(raw["labels"]), senses, claims)


def _subjects(theme: Theme, themes: tuple[Theme, ...]) -> frozenset[str]:
    """The keywords naming a matter (not a form of work) of the themes a request may use beside `theme`: the
    general ones for a general theme, those of a shared topic for a special one."""
    beside = [t for t in themes if t.key != theme.key and (set(t.topics) & set(theme.topics) or not (t.topics or theme.topics))]
    return frozenset(word for t in beside for word in t.keywords if word not in t.modes)


def labels(path: Path = THEMES_FILE) -> dict[str, str]:
    """Fixed section titles (problems, plans) from the [labels] table."""
    return dict(load_book(str(path)).labels)


def best_theme(text: str, themes: list[Theme]) -> tuple[Theme | None, float]:
    """The theme whose keywords `text` matches best (None when nothing matches)."""
    best, best_score = None, 0.0
    for theme in themes:
        score = theme.keyword_score(text)
        if score > best_score:
            best, best_score = theme, score
    return best, best_score


def outside_area(fact: str, inside: list[Theme], outside: list[Theme]) -> Theme | None:
    """The outside area a fact of a single-topic report is of: the outside theme whose keywords it writes more
    strongly than any of the report's own themes' (a safety check before the holiday writes 安全 and 隐患 beside the
    time word 春节); None while the topic's own themes speak of it as much."""
    theme, score = best_theme(fact, outside)
    return theme if theme is not None and score > best_theme(fact, inside)[1] else None
