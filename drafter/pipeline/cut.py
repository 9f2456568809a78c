"""A section cut mid-stream (issue 18): the deadline, 停止 or a client gone closed the model's stream while it was
writing a section, or the endpoint broke the stream off. The lines the model finished (a line is finished once the next one began) are judged as any
reply's (SectionWriter._verdict: the fact's numbers and no other, no claim, no artifact, nothing copied); those
that pass are kept, every other fact takes its template sentence, no model call is made, and the section carries
a note (SectionResult.cut_note) that names what was kept. Opening and closing paragraphs are not salvaged: cut,
they take their template paragraph as before."""

from __future__ import annotations

from drafter.models import SectionResult
from drafter.pipeline.cleanup import numbered_lines
from drafter.pipeline.leads import paragraph
from drafter.pipeline.replies import summary_apart, summary_line
from drafter.pipeline.template import fact_sentence

SALVAGED = ("body", "problems", "plans")


def finished_part(written: str) -> str:
    """The lines of a cut reply that the model finished (those followed by a line break)."""
    return written[: written.rfind("\n") + 1]


def salvage(writer, state, cut, why: str | None = None) -> SectionResult | None:
    """The section from the cut reply's finished lines that pass their checks and template sentences for the
    rest; None when nothing of the model's can be kept (the whole section then takes its template). `why` names
    the cut in the note (default: the cut's own message)."""
    section = state.section
    finished = summary_apart(finished_part(getattr(cut, "written", "") or ""))
    if section.role not in SALVAGED or not finished.strip() or not state.lines:
        return None
    numbered, _ = numbered_lines(finished)
    written, kept = [], 0
    for number, line in enumerate(state.lines, start=1):
        sentence, problems = writer._verdict(state, line, numbered.get(number) or "")
        if sentence and not problems:
            kept += 1
        else:
            sentence = fact_sentence(line)
        written.append(sentence)
    if not kept:
        return None
    lead = writer._lead(state, summary_line(finished) or numbered.get(0) or "")
    text = paragraph(lead, written)
    result_check = writer.check(section, text)
    if not result_check.ok:
        return None
    why = why or str(cut).removesuffix("，本节改用模板")
    rest = len(state.lines) - kept
    note = f"{why}，本节保留了模型写完的 {kept} 句" + (f"，其余 {rest} 句改用模板句" if rest else "")
    return writer._result(state, text, result_check).model_copy(update={"cut_note": note})
