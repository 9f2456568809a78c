"""The rules for a model's lead sentence that are text alone (restating its facts, echoing the prompt), and its
shorter readings.

The small model's 概括 line is mostly "工会通过<the section's facts again>，<what came of it>。": too long, and
restating the facts that follow it. Its last clauses often make a good lead alone: "工会通过开展“安康杯”竞赛活动，
查处安全隐患，慰问困难职工及家属，切实保障了职工的权益。" -> "工会切实保障了职工的权益。". The writer tries the whole
sentence first, then these readings, and keeps the first that passes every lead rule.
"""

from __future__ import annotations

import re
from functools import cache

from drafter.pipeline.copying import copied_runs
from drafter.pipeline.prompting import render
from textkit.sentences import FULL_STOPS, NOT_COMPARED, clause_spans

RESTATED = 0.5  # a lead whose characters are this much in runs (4+) of its facts restates them (they follow it)
COPIED_RUN = 10  # … or when one run of this many characters is copied from them (a whole phrase said twice)
ECHOED_CLAUSES = 2  # … or when it echoes this many of its facts' clauses, and at least half of them (a list again)
_EVERYWHERE = {"职工", "工会", "工作"}  # character pairs of nearly every sentence: they echo nothing
KEY = NOT_COMPARED  # punctuation and spaces: left out when sentences are compared
SUBJECT = re.compile(r"^(?:工会|我们)")
_MEANS = re.compile(r"^(?P<subject>[^，,]{0,12}?(?:工会|我们))(?:通过|以|借助)")  # 工会通过… / 我们以…
_CONNECTIVE = re.compile(r"^(?:并且|并|从而|进而|同时|还|也)")
_PRONOUN = re.compile(r"他们|她们|它们|其")  # the lead comes first: nothing before it for a pronoun to point at


def shorter_leads(lead: str) -> list[str]:
    """"<subject><the later clauses>。" and "<subject><the last clause>。" of a lead whose first clause says by what
    means ("工会通过…，"); [] for any other sentence. Readings with a pronoun are left out."""
    means = _MEANS.match(lead)
    clauses = [c for c in re.split(r"[，,]", lead.rstrip(FULL_STOPS)) if c]
    if not means or len(clauses) < 2:
        return []
    later = [_CONNECTIVE.sub("", c) for c in clauses[1:]]
    readings = [means["subject"] + "，".join(later) + "。"]
    if len(later) > 1:
        readings.append(means["subject"] + later[-1] + "。")
    return [r for r in readings if not _PRONOUN.search(r)]


@cache
def system_key() -> str:
    """The system prompt without punctuation (it has no variables: rendered once)."""
    return KEY.sub("", render("system.j2"))


def restates(lead: str, lines: list[str]) -> bool:
    """True when at least RESTATED of the lead's characters (punctuation aside) come in runs of 4 or more from its
    facts, or one run is COPIED_RUN long: the lead then says again what the sentences after it say
    ("工会通过召开职工代表大会，审议…", "工会深入一线走访慰问困难职工和劳动模范，…" before that very fact)."""
    bare = KEY.sub("", lead)
    runs = copied_runs(bare, [KEY.sub("", line) for line in lines], 4)
    return bool(bare) and (sum(len(run) for run in runs) >= RESTATED * len(bare)
                           or any(len(run) >= COPIED_RUN for run in runs) or _lists_again(bare, lines))


def _lists_again(bare: str, lines: list[str]) -> bool:
    """True when the lead echoes (two character pairs or more) at least ECHOED_CLAUSES of its facts' clauses and
    at least half of them: "工会通过召开职代会，审议并批准了集体合同等议案，征集了职工提案，…" before the fact
    "召开十届三次职代会，审议通过集体合同等议案5项，征集职工提案37件，…" lists the fact's parts again in other words.
    A lead naming one or two works of a larger section (工会扎实开展劳动竞赛和技能比武) does not."""
    pairs = {bare[i:i + 2] for i in range(len(bare) - 1)} - _EVERYWHERE
    clauses = [KEY.sub("", line[a:b]) for line in lines for a, b in clause_spans(line)]
    clauses = [c for c in clauses if len(c) >= 2]
    echoed = sum(len(pairs & {c[i:i + 2] for i in range(len(c) - 1)}) >= 2 for c in clauses)
    return echoed >= ECHOED_CLAUSES and 2 * echoed >= len(clauses)


# what a lead of the plans or the problems says of its section whatever its items: the year ahead, the shortcomings
_KIND_CUES = {"plans": re.compile(r"下一步|新的一年|新一年|今后|明年|来年|下半年|展望"),
              "problems": re.compile(r"不足|问题|差距|短板|薄弱")}


def unanchored(lead: str, lines: list[str], title: str, role: str = "body", theme: str = "") -> bool:
    """True when the lead names nothing of its section: no character pair of it (职工, 工会, 工作 aside) is in the
    section's facts or heading ("工会体现了工会的关心和爱心。" over a 大病救助 fact; "工会增强了职工的医德医术意识和团队
    精神。" over 宣讲 and 最美医护: an effect the facts never give), or it says 工会 twice in one short sentence. A lead
    of the plans or the problems is anchored by naming its kind too ("展望新的一年，工会将着力做好以下工作。"), and a lead
    of a body section by a keyword of the section's `theme` that is no effect word ("工会关心女员工特殊需求…" over
    母婴室: the women's theme in other words)."""
    bare = KEY.sub("", lead)
    if bare.count("工会") > 1:
        return True
    cue = _KIND_CUES.get(role)
    if cue is not None and cue.search(bare):
        return False
    if theme and names_theme(bare, theme):
        return False
    pairs = {bare[i:i + 2] for i in range(len(bare) - 1)} - _EVERYWHERE
    texts = [KEY.sub("", text) for text in [*lines, title]]
    given = {text[i:i + 2] for text in texts for i in range(len(text) - 1)}
    return not pairs & given and not names_in_other_words(bare, texts)


_NAMED_CLASSES = ("B", "D")  # 词林's things and abstract things: a noun of one small class names the same kind of thing


def names_in_other_words(lead: str, texts: list[str]) -> bool:
    """Does the lead name a thing of its section in other words: a word that is a synonym (synonyms.toml, 词林's
    groups) of a word the facts or heading write (建言 for 合理化建议), or a noun of one 词林 small class of things
    with one of theirs (练本领 over 技能比武)? People never anchor (职工 and its kin name no work), nor an effect
    word alone (精神, 本领: only where the section's facts name a thing of its kind)."""
    from drafter.numcheck.faithlex import load_faith
    from drafter.numcheck.synonyms import cilin, cilin_classes
    from drafter.numcheck.words import words

    faith, table, classes = load_faith(), cilin(), cilin_classes()
    mine = [(w, t) for _, _, w, t in words(lead)
            if len(w) >= 2 and w not in _EVERYWHERE and not any(c.startswith("A") for c in classes.get(w, ()))]
    others = {o for w, _ in mine for o in [*(faith.synonyms or {}).get(w, ()), *table.get(w, ())]} - _EVERYWHERE
    if any(o in text for o in others for text in texts):
        return True
    theirs = {c for text in texts for _, _, w, t in words(text) if t.startswith("n") and w not in _EVERYWHERE
              for c in classes.get(w, ()) if c.startswith(_NAMED_CLASSES)}
    return any(c in theirs for w, t in mine if t.startswith("n") for c in classes.get(w, ()))


def names_theme(text: str, theme: str) -> bool:
    """Does `text` write a keyword of the theme (or of one of the themes a merged key joins: care+safety) that is
    no effect or manner word of the faithfulness lexicon (精神, 民主 say how, not which work)?"""
    from drafter.numcheck.faithlex import load_faith
    from drafter.pipeline.themes import load_book

    keys, neutral = set(theme.split("+")), load_faith().neutral
    return any(word in text and word not in neutral for t in load_book().themes if t.key in keys for word in t.keywords)


def echoed(lead: str, title: str, earlier: set[str]) -> bool:
    """The prompt's example lead, whole or in part (工会不断夯实基层组织基础), its heading again, or an earlier lead."""
    key = KEY.sub("", lead)
    return SUBJECT.sub("", key) in system_key() or echoes_title(lead, title) or key in earlier


TITLE_ECHO = 0.8  # a lead whose character pairs are this much its heading's says the heading again
_FILLER = re.compile(r"工会|我们|[了的地着]")


def echoes_title(lead: str, title: str) -> bool:
    """True when the lead is its heading again, subject and particles aside ("工会丰富了职工文化生活，关心关爱了女
    职工。" under 丰富职工文化生活，关心关爱女职工): it names nothing the heading has not named just above it."""
    bare, head = (_FILLER.sub("", KEY.sub("", text)) for text in (lead, title))
    pairs = {bare[i:i + 2] for i in range(len(bare) - 1)}
    heads = {head[i:i + 2] for i in range(len(head) - 1)}
    return bool(pairs) and len(pairs & heads) >= TITLE_ECHO * len(pairs)


def paragraph(lead: str, written: list[str]) -> str:
    """The lead and the fact sentences as one paragraph; a sentence written twice is kept once."""
    return deduplicated(lead + "".join(written))


def deduplicated(text: str) -> str:
    from drafter.pipeline.defects import sentences, without_opener

    seen: set[str] = set()
    kept = []
    for sentence in sentences(text):
        key = KEY.sub("", sentence)
        if key not in seen:
            kept.append(sentence)
        seen.add(key)
    return without_opener("".join(kept))
