"""Split web-scraped pages of example summaries into one clean Markdown sample per example.

A page holds several examples, each starting at a heading that ends in "篇一…篇十五" or "篇1…篇18" (plain,
Markdown `## …`, or bold `**…**`); a bare "篇二" heading continues the series title of the heading before it.
Everything before the first example heading (page title, "下面是小编…" intro) is site text and is dropped;
site junk inside examples (stray backticks, related-article teasers, copyright lines) is removed; the
examples' own headings, paragraphs and template placeholders (20xx年, x家, ××) are kept as written.

    python -m retrieval.seeds SEEDS_DIR OUT_DIR

Re-running gives byte-identical files; samples of a re-split page that no longer exist are removed.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from pydantic import BaseModel

from retrieval.kinds import KINDS, infer_kind  # infer_kind is part of this module's interface
from textkit.decoding import decode_lenient
from textkit.headings import MARKDOWN_MARK
from textkit.sentences import BREAKS, char_class

# --- boilerplate --------------------------------------------------------------------------------------

_JUNK_LINE = re.compile(
    r"^当前位置\s*[:：]|小编|希望大家能够喜欢|希望对(?:大家|您)有所?帮助|欢迎阅读|仅供参考|就叫做总结|怎样写总结"
    r"|总结应该怎么写|写总结最重要|推荐度|相关推荐|猜你喜欢|热门推荐|上一篇|下一篇|版权所有|版权归|^版权"
    r"|copyright|©|本文(?:由|来源|链接)|转载请|免责声明|点击下载|作文吧",
    re.IGNORECASE,
)
_COUNT_MARK = re.compile(r"\s*[（(](?:实用|精选|优秀|热门|通用|推荐|最新|必备|汇总|合集|集锦|精华)?\s*\d+\s*篇[)）]")
_TEASER_END = re.compile(r"(?:\.{3,}|…+)\s*$")
_TEASER_TITLE_MAX = 24
_PAGINATION = re.compile(r"\s*(?:上一页)?[\d\s]*下一页\s*$|^\s*(?:上一页|首页)[\d\s]*(?:下一页|尾页)?\s*$")
_SPACED_NAME = re.compile(r"([\u4e00-\u9fff])-([\u4e00-\u9fff])-([\u4e00-\u9fff])")


def _clean_inline(line: str) -> str:
    line = line.replace("\\'", "").replace("`", "")
    line = _PAGINATION.sub("", _COUNT_MARK.sub("", line))
    return _SPACED_NAME.sub(r"\1\2\3", line).strip()


def clean_boilerplate(text: str) -> str:
    """Remove site junk from a scraped page, line by line; returns the remaining non-empty lines.

    Dropped: "当前位置:…" breadcrumbs, "下面是小编…/希望大家能够喜欢" intros, the generic "什么是总结"
    paragraph, copyright/推荐度/相关推荐 lines, related-article teasers (a short title line followed by an
    excerpt ending in "......"). Cleaned inline: stray backticks and \\' ("职工的`综合"), "(精选7篇)"
    counters, pagination ("123下一页"), anti-filter hyphens ("胡-锦-涛").
    """
    kept: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip().replace("\u3000", " ").strip()
        if not line or _JUNK_LINE.search(line):
            continue
        if _TEASER_END.search(line):
            if kept and len(kept[-1]) <= _TEASER_TITLE_MAX and "。" not in kept[-1]:
                kept.pop()  # the teaser's title line
            continue
        line = _clean_inline(line)
        if line:
            kept.append(line)
    return "\n".join(kept)


# --- splitting -----------------------------------------------------------------------------------------

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_EXAMPLE_HEADING = re.compile("^(?P<series>" + char_class(BREAKS, negate=True) + r"{0,60}?)\s*篇(?P<num>[一二三四五六七八九十零〇]{1,3}|\d{1,3})$")
_MARKUP = re.compile(MARKDOWN_MARK.pattern + r"|^\*\*|\*\*$")


class SampleDoc(BaseModel):
    """One example cut out of a scraped page."""

    title: str
    kind: str
    topic: str | None = None
    source: str
    number: int
    file_name: str
    text: str

    def markdown(self) -> str:
        meta = [f"title: {self.title}", f"kind: {self.kind}"]
        if self.topic:
            meta.append(f"topic: {self.topic}")
        meta.append(f"source: {self.source}")
        return "---\n" + "\n".join(meta) + "\n---\n\n" + self.text + "\n"


def chinese_number(numeral: str) -> int:
    """'十五' → 15, '二十' → 20, '7' → 7."""
    if numeral.isdigit():
        return int(numeral)
    if "十" not in numeral:
        return int("".join(str(_CN_DIGITS[c]) for c in numeral))
    tens, _, units = numeral.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def strip_markup(line: str) -> str:
    """Heading text without Markdown '#' or surrounding '**'."""
    previous = None
    while previous != line:
        previous, line = line, _MARKUP.sub("", line).strip()
    return line


def parse_example_heading(line: str) -> tuple[str, int] | None:
    """(series title, example number) when the line starts an example, else None."""
    match = _EXAMPLE_HEADING.match(strip_markup(line))
    if not match:
        return None
    return match["series"].strip(), chinese_number(match["num"])


def _file_prefix(source: str) -> str:
    stem = Path(source).stem
    prefix = re.match(r"[A-Za-z0-9]+", stem)
    return prefix.group(0) if prefix else hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]


def _page_title(preamble: list[str], source: str) -> str:
    return strip_markup(preamble[0]) if preamble else Path(source).stem


def _numbered_file_name(prefix: str, number: int, taken: set[str]) -> str:
    base = f"s{prefix}_{number:02d}"
    name, suffix = f"{base}.md", ord("b")
    while name in taken:
        name, suffix = f"{base}{chr(suffix)}.md", suffix + 1
    taken.add(name)
    return name


def split_page(text: str, source: str, prefix: str | None = None) -> list[SampleDoc]:
    """Cut one scraped page into its examples (site boilerplate removed; examples without text dropped).
    File names are s<prefix>_<number>.md, the prefix defaulting to the source's leading ASCII token."""
    prefix = prefix or _file_prefix(source)
    lines = clean_boilerplate(text).split("\n")
    starts = [(i, parsed) for i, line in enumerate(lines) if (parsed := parse_example_heading(line))]
    if not starts:
        body = "\n\n".join(line for line in lines[1:] if line)
        return [_sample(_page_title(lines, source), source, prefix, 1, body, set())] if body else []
    series = _page_title(lines[: starts[0][0]], source)
    docs, taken = [], set()
    for n, (index, (heading_series, number)) in enumerate(starts):
        series = heading_series or series
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = "\n\n".join(line for line in lines[index + 1 : end] if line)
        title = strip_markup(lines[index]) if heading_series else f"{series}篇{_numeral(lines[index])}"
        if body:
            docs.append(_sample(title, source, prefix, number, body, taken))
    return docs


def _numeral(line: str) -> str:
    return strip_markup(line).rpartition("篇")[2]


def _sample(title: str, source: str, prefix: str, number: int, body: str, taken: set[str]) -> SampleDoc:
    kind, topic = infer_kind(title, body)
    file_name = _numbered_file_name(prefix, number, taken)
    return SampleDoc(title=title, kind=kind, topic=topic, source=source, number=number, file_name=file_name, text=body)


def write_samples(docs: list[SampleDoc], out_dir: Path) -> list[Path]:
    """Write each doc as UTF-8 Markdown; remove stale samples of the same pages. Returns the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in docs:
        path = out_dir / doc.file_name
        path.write_text(doc.markdown(), encoding="utf-8", newline="\n")
        written.append(path)
    keep = {path.name for path in written}
    for prefix in {doc.file_name.rsplit("_", 1)[0] for doc in docs}:
        for stale in out_dir.glob(f"{prefix}_*.md"):
            if stale.name not in keep:
                stale.unlink()
    return written


def _read_page(page: Path) -> str:
    """A saved page in any encoding the loader understands (GBK pages are common)."""
    return decode_lenient(page.read_bytes())


def split_dir(seeds_dir: Path) -> list[SampleDoc]:
    """Every example of every page (*.txt, *.md) in seeds_dir, in file order."""
    docs: list[SampleDoc] = []
    used: set[str] = set()
    for page in sorted(p for p in seeds_dir.iterdir() if p.suffix.lower() in {".txt", ".md"}):
        prefix = _file_prefix(page.name)
        if prefix in used:  # "005_a.txt" and "005_b.txt": keep their samples apart
            prefix = f"{prefix}x{hashlib.sha1(page.name.encode('utf-8')).hexdigest()[:6]}"
        used.add(prefix)
        docs.extend(split_page(_read_page(page), page.name, prefix))
    return docs


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("用法: python -m retrieval.seeds SEEDS_DIR OUT_DIR", file=sys.stderr)
        return 2
    seeds_dir, out_dir = Path(args[0]), Path(args[1])
    if not seeds_dir.is_dir():
        print(f"找不到目录: {seeds_dir}", file=sys.stderr)
        return 2
    docs = split_dir(seeds_dir)
    write_samples(docs, out_dir)
    for kind in KINDS:
        print(f"{kind}: {sum(doc.kind == kind for doc in docs)}")
    print(f"共 {len(docs)} 篇范文 → {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
