"""Load example files (.md, .txt, .docx) into `Example`s; bad files raise `LoadError` with a Chinese reason.

- .md: optional front matter (title/kind/topic/source between `---` lines); missing or garbled front matter
  is tolerated (the values are inferred instead).
- .txt: any common encoding (see textkit.decoding: BOMs, UTF-8, GB18030, charset-normalizer).
- .docx: paragraphs and tables in document order; Word heading styles become Markdown `#` lines.
Without a title in front matter, the first heading-like line is the title (and leaves the body); else the
file stem. kind/topic come from front matter when valid, else from `retrieval.kinds.infer_kind`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from retrieval.file_limits import DEFAULT_LIMITS, FileLimits, LoadError, check_docx_zip, damage_reason
from retrieval.models import Example
from retrieval.kinds import KINDS, infer_kind
from retrieval.seeds import strip_markup
from textkit.decoding import DecodeError, binary_kind, decode_text
from textkit.sentences import CLAUSE_ENDS, SENTENCE_ENDS
from textkit.headings import SECTION_START as _SECTION_START

SUFFIXES: tuple[str, ...] = (".md", ".txt", ".docx")
_CONVERT_HINTS = {
    ".doc": "（请在 Word 中另存为 .docx）",
    ".wps": "（请在 WPS 中另存为 .docx）",
    ".rtf": "（请另存为 .docx）",
    ".odt": "（请另存为 .docx）",
    ".pdf": "（请导出为 .docx 或 .txt）",
}
_TITLE_MAX_CHARS = 40
_FRONT_KEYS = ("title", "kind", "topic", "source")


# --- finding files ---------------------------------------------------------------------------------------

def _is_candidate(path: Path, relative: Path) -> bool:
    hidden = any(part.startswith(".") for part in relative.parts)
    word_lock = path.name.startswith("~$")  # Word's lock file next to an open document
    return path.suffix.lower() in SUFFIXES and not hidden and not word_lock and path.is_file()


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to ingest: directories recursively (.md/.txt/.docx, hidden files skipped, sorted by relative
    path); files given by name are yielded as they are (load_file explains unsupported ones). No repeats."""
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = sorted((p for p in given.rglob("*") if _is_candidate(p, p.relative_to(given))),
                           key=lambda p: p.relative_to(given).as_posix())
        else:
            found = [given]
        for path in found:
            try:
                key = path.resolve()
            except (OSError, RuntimeError):  # a symlink loop: load_file explains it
                key = path.absolute()
            if key not in seen:
                seen.add(key)
                yield path


# --- loading -----------------------------------------------------------------------------------------------

def load_file(path: Path, root: Path | None = None) -> Example:
    """One file as an Example; id and source are its path relative to `root` (posix), else its name."""
    path = Path(path)
    name = _relative_name(path, root)
    if path.is_symlink() and not path.exists():
        raise LoadError("符号链接无效（目标不存在或链接循环）")
    if not path.exists():
        raise LoadError("文件不存在")
    if not path.is_file():
        raise LoadError("不是普通文件")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError("无法读取文件（没有权限或读取出错）") from exc
    return _parse(name, path.suffix.lower(), path.stem, data, DEFAULT_LIMITS)


def load_bytes(name: str, data: bytes, limits: FileLimits = DEFAULT_LIMITS) -> Example:
    """An uploaded file as an Example. The name only gives the suffix, id and source (never a path)."""
    base = PureWindowsPath(PurePosixPath((name or "").replace("\\", "/")).name).name.strip() or "upload.txt"
    stem = PurePosixPath(base).stem or "upload"
    return _parse(base, PurePosixPath(base).suffix.lower(), stem, data, limits)


def _relative_name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def _parse(name: str, suffix: str, stem: str, data: bytes, limits: FileLimits) -> Example:
    if suffix not in SUFFIXES:
        hint = _CONVERT_HINTS.get(suffix, "")
        raise LoadError(f"不支持的文件类型“{suffix or '无扩展名'}”，仅支持 .md、.txt、.docx{hint}")
    if not data.strip():
        raise LoadError("文件为空")
    if suffix == ".docx":
        text = docx_text(data, limits)
    else:
        try:
            text, _ = decode_text(data)
        except DecodeError as exc:
            raise LoadError(str(exc)) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    _check_paragraphs(text.count("\n") + 1, limits)
    if len(text) > limits.max_chars:
        raise LoadError(f"文字过多（{len(text)} 字，每个文件最多 {limits.max_chars} 字）；请拆分成几个文件后再导入")
    meta, body = split_front_matter(text) if suffix == ".md" else ({}, text)
    return build_example(name, stem, meta, body)


def build_example(name: str, stem: str, meta: dict[str, str], body: str) -> Example:
    """Example from front matter values (any may be missing) and body text."""
    body = body.strip()
    title = meta.get("title", "").strip()
    if not title:
        title, body = take_title(body, stem)
    if not body:
        raise LoadError("文件只有标题或元数据，没有正文")
    kind, topic = meta.get("kind", "").strip(), meta.get("topic", "").strip() or None
    if kind not in KINDS:
        kind, inferred_topic = infer_kind(title, body)
        topic = topic or inferred_topic
    return Example(id=name, title=title, kind=kind, topic=topic, source=name, text=body,
                   origin=meta.get("source") or None)


def take_title(body: str, stem: str) -> tuple[str, str]:
    """(title, rest): the first line when it looks like a heading (short, not a sentence), else the stem."""
    first, _, rest = body.strip().partition("\n")
    candidate = strip_markup(first.strip())
    heading_like = len(candidate) <= _TITLE_MAX_CHARS and candidate[-1:] not in SENTENCE_ENDS + CLAUSE_ENDS
    if candidate and heading_like and not _SECTION_START.match(candidate) and rest.strip():
        return candidate, rest.strip()
    return stem, body.strip()


# --- front matter -------------------------------------------------------------------------------------------

def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """({key: value}, body). Only a leading `---` block closed by `---` counts; unknown keys, lines without
    a colon and `# comments` are ignored; of an unclosed block only the leading valid lines count."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return _parse_meta(lines[1:end]), "\n".join(lines[end + 1:])
    end = 1  # unclosed: take the leading `key: value` lines that parse, the rest is body
    while end < len(lines) and _parse_meta(lines[end:end + 1]):
        end += 1
    return _parse_meta(lines[1:end]), "\n".join(lines[end:])


def _parse_meta(lines: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _FRONT_KEYS:
            continue
        value = re.sub(r"\s+#.*$", "", value).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value:
            meta[key] = value
    return meta


# --- Word -------------------------------------------------------------------------------------------------

def _check_paragraphs(count: int, limits: FileLimits) -> None:
    if count > limits.max_paragraphs:
        raise LoadError(f"段落过多（{count} 段，每个文件最多 {limits.max_paragraphs} 段）；请拆分成几个文件后再导入")


def docx_text(data: bytes, limits: FileLimits = DEFAULT_LIMITS) -> str:
    """Paragraphs and tables of a .docx in order; heading styles become '#' lines, Title the first line."""
    what = binary_kind(data)
    if what and not data.startswith(b"PK\x03\x04"):
        raise LoadError(f"不是 .docx 文件（{what}）")
    check_docx_zip(data, limits)
    try:
        from docx import Document
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = Document(io.BytesIO(data))
        body = document.element.body
        _check_paragraphs(len(body.xpath(".//w:p")), limits)
        lines: list[str] = []
        for element in body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(_paragraph_line(Paragraph(element, document)))
            elif tag == "tbl":
                lines.extend(_table_lines(Table(element, document)))
    except LoadError:
        raise
    except Exception as exc:  # zip, XML and python-docx errors alike: the file is damaged
        raise LoadError(f"Word 文件已损坏或不是有效的 .docx（{damage_reason(exc)}）") from exc
    text = "\n".join(line for line in lines if line)
    if not text.strip():
        raise LoadError("Word 文件中没有文字")
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(element) -> str:
    """All visible text of a w:p, tracked insertions included (python-docx's .text skips runs inside w:ins);
    deleted text (w:delText) is left out; tabs become spaces, line breaks new lines."""
    parts = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        tag = node.tag[len(_W):]
        parts.append(node.text or "" if tag == "t" else " " if tag == "tab" else "\n")
    return "".join(parts)


def _paragraph_line(paragraph) -> str:
    text = _paragraph_text(paragraph._p).strip()
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    level = re.search(r"(?:Heading|标题)\s*(\d)", style)
    if text and level:
        return "#" * min(int(level.group(1)), 6) + " " + text
    return text


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(_paragraph_text(cell._tc).split())
            if value and (not cells or cells[-1] != value):  # merged cells repeat their text
                cells.append(value)
        if cells:
            lines.append(" | ".join(cells))
    return lines
