"""Word export in the style of GB/T 9704-2012 (党政机关公文格式).

Page: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (type area 156 × 225 mm), a line grid of 22
lines (28.95 pt) with about 28 characters a line. Title 方正小标宋简体 二号 (22 pt) centred; body 仿宋_GB2312 三号 (16 pt), first line
indented two characters, exact line spacing 28.95 pt; "一、" headings 黑体, "（一）" headings 楷体_GB2312; page numbers
"— 1 —" in 四号宋体 at the foot (odd pages right, even pages left); organisation and date right-aligned at the end.

Fonts: 方正小标宋简体, 仿宋_GB2312 and 楷体_GB2312 are not on every computer. The font table declares each with its
standard fallback as `w:altName` (宋体, 仿宋, 楷体) and the GB2312 character set, so Word (and LibreOffice)
substitute 宋体/仿宋/楷体 where the original is missing; the run fonts keep the names the standard asks for.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.documents.paragraphs import (chinese_date, document_parts, file_name, heading_level, heading_split,
                                         split_paragraphs)

TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT, PAGE_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
LATIN_FONT = "Times New Roman"
FALLBACKS = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", H2_FONT: "楷体", H1_FONT: "SimHei", PAGE_FONT: "SimSun"}
TITLE_SIZE, BODY_SIZE, PAGE_SIZE = Pt(22), Pt(16), Pt(14)
TITLE_CHARS_PER_LINE = 19  # 二号 characters in the 156 mm type area (20), less room for Latin/CJK spacing
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
CHAR = Pt(16)  # one character of body text


# --- OOXML helpers -------------------------------------------------------------------------------
def _set_fonts(rpr, east_asia: str, latin: str = LATIN_FONT) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr, name in (("w:ascii", latin), ("w:hAnsi", latin), ("w:cs", latin), ("w:eastAsia", east_asia)):
        fonts.set(qn(attr), name)


def _run(paragraph, text: str, east_asia: str, size, latin: str = LATIN_FONT):
    run = paragraph.add_run(text)
    run.font.size = size
    _set_fonts(run._r.get_or_add_rPr(), east_asia, latin)
    return run


def _layout(paragraph, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line: bool = False, outline: int | None = None):
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.line_spacing, fmt.line_spacing_rule = LINE_PITCH, WD_LINE_SPACING.EXACTLY
    fmt.space_before = fmt.space_after = Pt(0)
    ppr = paragraph._p.get_or_add_pPr()
    if first_line:
        fmt.first_line_indent = CHAR * 2
        ppr.get_or_add_ind().set(qn("w:firstLineChars"), "200")
    if outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline))
        ppr.append(level)
    return paragraph


def _page_setup(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(24)  # page number ≈ 7 mm below the type area
    grid = section._sectPr.find(qn("w:docGrid"))
    # A line grid only: LibreOffice misreads the negative w:charSpace of a linesAndChars grid (14 characters a
    # line); 16 pt characters in the 156 mm type area give 27–28 a line in Word and LibreOffice alike.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(LINE_PITCH.twips)))


def _defaults(document) -> None:
    """Normal text is 仿宋_GB2312 三号 for every paragraph the export does not format itself."""
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, BODY_FONT)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
    rpr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")


def _declare_fallbacks(document) -> None:
    """Font-table entries: GB2312 charset and the standard fallback as altName, for font substitution."""
    part = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{"modern" if name == H1_FONT else "roman"}"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in FALLBACKS.items())
    part._blob = part.blob.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>")


def _page_number(paragraph) -> None:
    """"— 1 —" with a PAGE field, 四号宋体."""
    _run(paragraph, "— ", PAGE_FONT, PAGE_SIZE, PAGE_FONT)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = _run(paragraph, "", PAGE_FONT, PAGE_SIZE, PAGE_FONT)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    _run(paragraph, " —", PAGE_FONT, PAGE_SIZE, PAGE_FONT)


def _footers(document) -> None:
    """Odd pages: number at the right, one character in; even pages: at the left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    sides = ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, align in sides:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.paragraph_format.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = PAGE_SIZE
        else:
            paragraph.paragraph_format.left_indent = PAGE_SIZE
        _page_number(paragraph)


# --- document -------------------------------------------------------------------------------------
def _width(text: str) -> float:
    """Width in body characters: full-width characters count 1, half-width 0.5."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _signature(document, org: str, date_text: str) -> None:
    """GB/T 9704 7.3.5.2 (no seal): org two characters in from the right, the date on the next line starting two
    characters right of the org's first character; a date longer than that sits two in and the org moves left."""
    document.add_paragraph()
    org_w, date_w = _width(org), _width(date_text)
    org_in, date_in = 2.0, org_w - date_w
    if date_in < 2:
        date_in, org_in = 2.0, date_w + 4 - org_w
    for text, indent in ((org, org_in), (date_text, date_in)):
        if text:
            paragraph = _layout(document.add_paragraph(), WD_ALIGN_PARAGRAPH.RIGHT)
            paragraph.paragraph_format.right_indent = Pt(CHAR.pt * indent)
            _run(paragraph, text, BODY_FONT, BODY_SIZE)


def _body_paragraph(document, text: str) -> None:
    level = heading_level(text)
    paragraph = _layout(document.add_paragraph(), first_line=True, outline=level - 1 if level else None)
    paragraph.paragraph_format.keep_with_next = bool(level) and not heading_split(text)[1]
    if not level:
        _run(paragraph, text, BODY_FONT, BODY_SIZE)
        return
    heading, rest = heading_split(text)
    _run(paragraph, heading, H1_FONT if level == 1 else H2_FONT, BODY_SIZE)
    if rest:
        _run(paragraph, rest, BODY_FONT, BODY_SIZE)


def title_lines(title: str, org: str) -> list[str]:
    """A title wider than one line breaks after the organisation's name, else in the middle."""
    if _width(title) <= TITLE_CHARS_PER_LINE:
        return [title]
    if org and title.startswith(org) and _width(title) - _width(org) <= TITLE_CHARS_PER_LINE:
        return [org, title[len(org):]]
    middle = (len(title) + 1) // 2
    return [title[:middle], title[middle:]]


def _title(document, title: str, org: str) -> None:
    """The title, centred, in lines of its own height (not snapped to the body's line grid)."""
    paragraph = _layout(document.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.line_spacing = Pt(TITLE_SIZE.pt * 1.5)
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    paragraph._p.get_or_add_pPr().insert(0, snap)
    for i, line in enumerate(title_lines(title, org)):
        run = _run(paragraph, line, TITLE_FONT, TITLE_SIZE, TITLE_FONT)
        if i:
            run._r.insert(len(run._r) - 1, OxmlElement("w:br"))


def render_docx(title: str, body: str, org: str, date_text: str) -> bytes:
    """A GB/T 9704-style .docx: title, the body laid out paragraph by paragraph, organisation and date."""
    document = Document()
    _page_setup(document)
    _defaults(document)
    _declare_fallbacks(document)
    _footers(document)
    document.core_properties.title, document.core_properties.author = title, org
    _title(document, title, org)
    document.add_paragraph()  # one blank line under the title
    for paragraph in split_paragraphs(body):
        _body_paragraph(document, paragraph)
    _signature(document, org, date_text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- a stored version → file ------------------------------------------------------------------------
def export_version(draft, version, org: str | None = None, date_text: str | None = None,
                   zone_name: str | None = None) -> tuple[str, bytes]:
    """(file name, .docx bytes) for a stored draft (drafter.domain.records.DraftDetail) and one of its versions.
    `org` and `date_text` replace the signature's organisation and date (the page lets the user edit them)."""
    title, body, found_org, found_date = document_parts(version.text, draft.title, draft.org,
                                                        chinese_date(version.created_at, zone_name))
    return file_name(title, version.number), render_docx(title, body, org or found_org, date_text or found_date)
