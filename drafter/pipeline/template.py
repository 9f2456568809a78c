"""The template provider: deterministic jinja2 renderings (prompts/template/) that keep every fact verbatim.

Instant and always faithful; it also gives the sentence that replaces a model sentence that cannot be repaired.
Frame phrases (leads, closings, connectives) vary with the facts (a checksum picks the variant), so two drafts
share fewer sentences while the same request always gets the same draft."""

from __future__ import annotations

import re
import zlib

from drafter.models import DraftRequest
from drafter.pipeline.planned import Plan, PlannedSection, made_of_facts
from drafter.pipeline.copying import copied_runs
from drafter.pipeline.defects import without_opener
from drafter.pipeline.fact_links import goes_on, joins_freely, left_open, same_matter  # noqa: F401 (template.same_matter)
from drafter.pipeline.leads import KEY
from drafter.pipeline.verify import says_only
from drafter.pipeline.prompting import render
from drafter.pipeline.themes import load_book
from textkit.headings import run_in_label
from textkit.sentences import BREAKS, COMMAS, SENTENCE_ENDS, char_class, chinese_punctuation

VARIANTS = 7  # frame phrases tried per theme (lists of 3 to 7 in prompts/template/lead.j2 and tail.j2)
ECHO = 8  # a frame phrase of this many characters (punctuation aside) from the opening is not said again
SAID = 4  # a tail sharing this many characters in a row with its section's facts or lead says them again
MEANS = "通过扎实有效的工作，"  # the opening of means a tail may have (tail.j2), said once a draft

_TRAILING = SENTENCE_ENDS + COMMAS + ".、 \t"


# A fact that opens with its own link to what came before (如：…, 其中, 同时 …) takes no connective of the template.
_SUMS_UP = re.compile(r"总之|综上|总而言之|总的来说|总体来看")  # a fact summing its section up
_CONNECTIVES = re.compile(r"同时|此外")  # the connectives section.j2 puts between facts
_LINKED = re.compile(r"(?:不仅如此|除此之外|除此以外|另一方面|一方面|如[：:]|如(?![期今何果此实意愿数])|例如|比如|譬如|其中|同时|此外|另外|与此同时|并且|而且|并(?![购网轨入])|还|也|在这方面|对此|为此|所以|因此|因而|从而|总之|综上|首先|其次|再次|最后)")


def clause(text: str) -> str:
    """A fact or item as a clause: no trailing punctuation, so the template can end the sentence, ASCII commas next
    to Chinese written full-width (facts pasted from web pages), and no run-in label ("送温暖：春节前走访…": the
    label says what the fact is about; the prose states the fact)."""
    return chinese_punctuation(run_in_label(text.strip())[1].rstrip(_TRAILING).strip())


def fact_sentence(fact: str) -> str:
    """A fact as one sentence of the draft, as given (but for the marks clause() writes full-width)."""
    return clause(fact) + "。" if clause(fact) else ""


def topic_stem(topic: str | None) -> str:
    """The topic as the frame writes it before 工作 (女职工工作 → 女职工: no 女职工工作工作总结)."""
    topic = (topic or "").strip()
    return topic[:-2] if topic.endswith("工作") and len(topic) > 2 else topic


def variant_of(texts: list[str]) -> int:
    """A stable choice among frame phrase variants, from the facts a section carries."""
    return zlib.crc32("\n".join(texts).encode("utf-8"))


class TemplateWriter:
    def __init__(self, request: DraftRequest, plan: Plan) -> None:
        self.request = request
        self.plan = plan
        self.means_used = False  # "通过扎实有效的工作，" opens at most one tail of a draft (no frame said twice)
        self.tails_said: set[str] = set()  # the tails said so far, without that opening: none twice in a draft
        self._opening: str | None = None  # the opening's frame, punctuation aside (_echoes_opening)

    def _base(self) -> dict:
        r = self.request
        return {"org": r.org, "period": r.period, "kind": r.kind, "topic": topic_stem(r.topic)}

    def title(self) -> str:
        return render("template/title.j2", **self._base())

    def facts_of(self, section: PlannedSection) -> list[str]:
        if section.role in ("problems", "plans"):
            return [clause(i) for i in section.items if clause(i)]
        return [f for f in (clause(self.plan.facts[line - 1]) for line in section.fact_lines) if f]

    def lead(self, section: PlannedSection) -> str:
        """The template's lead sentence of a body section (no numbers): its theme's variant the facts pick, or the
        next one that asserts nothing the facts do not give; "" for a section of no theme of its own (never a
        generic frame, 工会统筹推进各项工作, nor its heading said again word for word: 工会在提升职工技能、丰富文体活动
        上持续用力。 under 提升职工技能，丰富文体活动, session 19). A variant opening as its first fact opens is passed
        over when another fits (工会持续做好女职工工作。工会还注重…, 我们坚持…。我们通过…: held-out s002_09, session 22),
        and so is one ending on a fact's words (工会组织职工围绕重点任务建功立业。…为全县经济发展建功立业。); a first fact
        that says what the heading says leads the section itself (states_heading: held-out s002_03, s003_08, session 23)."""
        facts = self.facts_of(section)
        first = without_opener(facts[0]) if facts else ""
        if states_heading(first, section.title):
            return ""  # 积极开展文体活动，丰富职工业余文化生活 leads its section itself (held-out s003_08, session 23)
        said = [KEY.sub("", fact) for fact in facts]  # nor a lead ending as a fact ends: …建功立业 (s002_03)
        new = lambda text: not ends_as_said(text, said, section.title + "|" + area_words(section.theme))  # noqa: E731
        varied = self._frame("template/lead.j2", section, fresh=lambda text: text[:2] != first[:2] and new(text))
        return varied or self._frame("template/lead.j2", section, fresh=new)

    def tail(self, section: PlannedSection, lead: str = "") -> str:
        """A closing sentence for the section, or "" when no variant is borne out by the facts, each says again
        what the section has said (says_again), or its last fact closes on an effect of its own (ends_on_effect)."""
        facts = self.facts_of(section)
        if facts and (ends_on_effect(facts[-1]) or _SUMS_UP.match(facts[-1])):  # 总之，…: its own closing
            return ""
        said = [KEY.sub("", text) for text in [*facts, lead] if text]
        fresh = lambda tail: not says_again(tail, said, section.title) and not means_again(tail)  # noqa: E731
        text = self._frame("template/tail.j2", section, means=not self.means_used, avoid=self.tails_said, fresh=fresh)
        if not text and not self.means_used:  # every variant said a word of the opening of means again: none
            text = self._frame("template/tail.j2", section, avoid=self.tails_said, fresh=fresh)
        self.means_used = self.means_used or text.startswith(MEANS)
        self.tails_said.add(text.removeprefix(MEANS))
        return text

    def _frame(self, name: str, section: PlannedSection, means: bool = False, avoid: set[str] = frozenset(),
               fresh=lambda text: True, **heading) -> str:
        """The first variant that asserts nothing its section's facts do not give, nor read against all the draft's
        facts, as the whole-draft check reads it (a lead that passed its section's facts was flagged there: with 200
        facts, 努力把职工吸引到工会中来 read 中来 as an object), and is none of `avoid` (two study sections closed
        alike on 职工队伍的思想素质和业务能力进一步提升, held-out s003_14, session 19)."""
        facts = self.facts_of(section)
        every = [f for f in (clause(fact) for fact in self.plan.facts) if f]
        start = variant_of(facts)  # under a heading of its facts' words no theme's heading fitted: no theme's frame
        theme = "" if made_of_facts(section.title, facts) else section.theme
        tried, passing = set(), []  # a theme with fewer variants repeats them: each is checked once
        for offset in range(VARIANTS):
            text = render(name, theme=theme, variant=start + offset, facts=len(facts), means=means, **heading)
            if (text and text not in tried and text.removeprefix(MEANS) not in avoid and fresh(text)
                    and says_only(facts, text) and says_only(every, text)
                    and not load_book().unbacked(text, facts)):  # 推动民主管理… over a law talk and a dispute
                if not self._echoes_opening(text):
                    return text
                passing.append(text)
            tried.add(text)
        return passing[0] if passing else ""

    def _named(self, base: dict) -> list[str]:
        """The areas the opening names: the plan's, less those that make its list say what no fact gives (each
        heading passed alone, but a list of them reads as one clause: 在…狠抓工会的活动、完善工会组织架构…等方面
        was flagged for 狠抓 and 架构); all of them when the opening is flagged without any."""
        every = [f for f in (clause(fact) for fact in self.plan.facts) if f]
        flagged = lambda titles: not says_only(every, render("template/opening.j2", titles=titles, **base))  # noqa: E731
        titles = self.plan.named_areas()
        if not titles or not flagged(titles) or flagged([]):
            return titles
        titles = [t for t in titles if not flagged([t])]
        while titles and flagged(titles):
            titles = titles[:-1]
        return titles

    def _echoes_opening(self, text: str) -> bool:
        """The frame says again a phrase of the opening's frame (ECHO characters in a row, punctuation aside): the
        送温暖 opening's 精心组织、周密部署 came back in its 组织领导 section's lead."""
        if self._opening is None:  # its frame only: the areas it names are the sections' own words
            self._opening = KEY.sub("", render("template/opening.j2", titles=[], **self._base()))
        return bool(copied_runs(KEY.sub("", text), [self._opening], ECHO))

    def render(self, section: PlannedSection) -> str:
        base = self._base()
        if section.role == "opening":
            return render("template/opening.j2", titles=self._named(base), **base)
        if section.role == "closing":  # its opener is not the plans' intro's again (下一步… then 下一步…)
            plans = next((self.render(s) for s in self.plan.sections if s.role == "plans"), "")
            return render("template/closing.j2", variant=variant_of(self.plan.facts), after=plans, **base)
        facts = self.facts_of(section)
        if section.role in ("problems", "plans"):
            return render(f"template/{section.role}.j2", items=facts, variant=variant_of(facts), period=base["period"])
        facts[:1] = [without_opener(fact) or fact for fact in facts[:1]]  # 并建立…/还建立… opens a section: nothing to follow
        lead = self.lead(section)
        lines = section.fact_lines  # a fact left open on "；" goes on in the fact after it in her list, if next here
        opened = {clause(self.plan.facts[a - 1]) for a, b in zip(lines, lines[1:])
                  if b == a + 1 and left_open(self.plan.facts[a - 1])}
        return render("template/section.j2", lead=lead, tail=self.tail(section, lead), facts=facts,
                      variant=variant_of(facts), joined=[joinable(before, f) and before not in opened
                                                         for before, f in zip(["", *facts], facts)],
                      ends=[_end(after, before in opened) for before, after in zip(facts, facts[1:])] + ["。"])


def area_words(theme: str) -> str:
    """The words naming the work of a theme (or of each theme a merged key joins): its name and shorts (劳动竞赛,
    提升职工技能). A lead may say them though a fact does: they name its area, not what the fact says of it."""
    keys = set(theme.split("+"))
    return "|".join(t.name + "|" + t.short + "|" + "|".join(h.text for h in t.shorts)
                    for t in load_book().themes if t.key in keys)


def ends_as_said(lead: str, said: list[str], heading: str) -> bool:
    """The lead ends on words a fact says (SAID characters in a row, the area aside): 工会组织职工围绕重点任务建功立业。
    before …为全县经济发展建功立业 says what the work is for twice. The people or work it names on the way (帮扶困难
    职工 before 走访慰问困难职工86户) are what the section is about."""
    bare = KEY.sub("", lead)
    return any(bare.endswith(run) and run.removesuffix("工作") not in heading for run in copied_runs(bare, said, SAID))


HEADING_SAID = 0.5  # a fact whose character pairs are this much its heading's says what the heading says


def states_heading(fact: str, heading: str) -> bool:
    """A first fact with no number that says what its heading says (积极开展文体活动，丰富职工业余文化生活 under 丰富职工
    文化生活，文体活动多姿多彩): it is the section's lead; a template lead before it says the same twice."""
    bare, head = KEY.sub("", fact), KEY.sub("", heading)
    if not bare or any(c.isdigit() for c in bare):
        return False
    pairs = {bare[i:i + 2] for i in range(len(bare) - 1)} - {"职工", "工会", "工作"}
    return bool(pairs) and len(pairs & {head[i:i + 2] for i in range(len(head) - 1)}) >= HEADING_SAID * len(pairs)


def says_again(tail: str, said: list[str], heading: str) -> bool:
    """The tail says again words its section said (SAID characters in a row, punctuation aside), other than the
    area its heading names: 极大丰富了职工文化生活。丰富了职工的业余文化生活…, 群众的活动丰富多彩…职工文化生活更加丰富多彩,
    a lead's 提高工会工作规范化水平 then 工会工作的规范化水平进一步提高 (held-out s000_03, s003_05, session 22); 劳动保护工作
    under 强化劳动保护 only names the area."""
    runs = copied_runs(KEY.sub("", tail.removeprefix(MEANS)), said, SAID)
    return any(run.removesuffix("的").removesuffix("工作") not in heading for run in runs)


def means_again(tail: str) -> bool:
    """The opening of means (MEANS) and the closing after it say one word twice: 通过扎实有效的工作，服务职工工作更加
    扎实。 (held-out s002_04, session 24)."""
    rest = tail.removeprefix(MEANS)
    return rest != tail and any(word in rest for word in _MEANS_WORDS)


_MEANS_WORDS = ("扎实", "有效", "工作")  # MEANS's words but 通过


# the adverbs before an effect verb (极大丰富了…, 较好地提振了…, 从而增强了…)
_BEFORE_EFFECT = re.compile(r"^(?:从而|进而|并|还|也)?(?:极大地?|大大|有效地?|较好地?|进一步|切实|不断|充分|更好地?|更加)?")
_CAUSES = ("使", "让", "令", "促进", "提振")
# 将组织的温暖送到…: what the work carried, then the effect verb
_MOVED = re.compile(f"^[将把]{char_class(BREAKS, negate=True)}{{1,12}}?(?=送到|送达|传递)")


def ends_on_effect(fact: str) -> bool:
    """The fact's last clause says what the work did for people (…，极大丰富了职工文化生活; …，使广大职工切实感受到工会
    组织的温暖): a closing of the template after it says a second effect (…。职工文化生活更加丰富多彩。, held-out s000_03,
    s003_05, session 22). Effect verbs: the faithfulness lexicon's [effect] words, causatives and 促进."""
    from drafter.numcheck.faithlex import load_faith

    last = re.split(char_class(BREAKS), fact.rstrip(_TRAILING))[-1]
    verb = last[_BEFORE_EFFECT.match(last).end():]
    moved = _MOVED.match(verb)  # 将组织的温暖送到职工心坎: the effect verb after what it moves (held-out s002_17)
    verb = verb[moved.end():] if moved else verb
    return verb.startswith(_CAUSES) or any(verb.startswith(word) for word in load_faith().effect_verbs)


# a fact that opens with its own time (年初，…; 五一期间，…; 3月份，…): a connective before it reads 与此同时，年初，…;
# a month it opens on with no comma is one step of a dated list (元月份举办了…。同时，3月份组织了…: held-out s003_08);
# so is a year, a placeholder's too (此外，xx年履约率达100%; 二0一一年，…), a time adverb (近年来, 目前, 平时, 年内) and a
# holiday named in full (同时，“五一”国际劳动节，…: held-out s002_15, s004_05, s000_01, s003_09, sessions 25-26)
_MONTH = r"(?:\d{1,2}|元|[一二三四五六七八九十]{1,2})月"
_TIMED = re.compile(f"^{char_class(BREAKS, negate=True)}{{0,8}}?"
                    rf"(?:年初|年中|年底|年末|月初|月底|期间|前夕|以来|月份|季度|上半年|下半年|今年|去年|\d+月|\d+年|{_MONTH}|节)，"
                    rf"|^{_MONTH}(?:份|上旬|中旬|下旬|初|底|\d{{1,2}}日)?"
                    r"|^(?:[0-9０-９〇零一二三四五六七八九xX_]{2,4}年(?![来度级])|近年|近日|近期|日前|目前|当前|平时|年内|全年)")
# a fact that opens on what came before (本次参赛共有…, 这次调查…, 此举…, 上述…) or on their sum (总计慰问金…) goes on
# from the fact before it: 同时，本次参赛… (held-out s003_09) reads as another event
_BACK = re.compile(r"^(?:本次|此次|这次|该次|此项|这项|该项|这些|此举|上述|以上|总计|合计|共计|累计"
                   r"|(?:活动|比赛|竞赛|会议|大会|赛)(?:中|上|后|期间)[，,]|会[上后][，,]|其间)")  # 活动中，…: the event just named
# a fact that says what something is (和谐劳动关系是和谐社会的重要组成部分，…) states a view, no work done beside the
# last: 与此同时，和谐劳动关系是… (held-out s003_09)
_IS = re.compile(f"^(?:“[^”]*”|{char_class(BREAKS + '“', negate=True)}){{1,24}}?(?<![否于还但可只就凡要总倒也])是(?!否)")


def joinable(before: str, fact: str) -> bool:
    """A connective may go between two facts: `fact` may take one, is not on the matter of `before`, and `before`
    states no view (工人阶级是领导阶级…。与此同时，按照…: nothing is done beside a view, held-out s002_18)."""
    return takes_connective(fact) and not same_matter(before, fact) and not _IS.match(before) \
        and joins_freely(fact)


def _end(after: str, before_left_open: bool) -> str:
    """The mark before `after`: a comma before a fact going on (并…), the fact's own semicolon where it left off."""
    return "，" if goes_on(after) else "；" if before_left_open else "。"


def takes_connective(fact: str) -> bool:
    """A connective (同时，此外，…) may go before `fact`: not when it opens with a link of its own (如：, 其中, 所以 …),
    a time of its own (年初，…) or a pointer back (本次…, 总计…), when it says what something is (…是…), nor when it
    says one of the connectives itself (同时，帮扶领导…，同时，帮助… would repeat it)."""
    return not (_LINKED.match(fact) or _CONNECTIVES.search(fact) or _TIMED.match(fact) or _BACK.match(fact)
                or _IS.match(fact))
