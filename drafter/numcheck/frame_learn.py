"""Learn frame phrases from the example corpus (the [learned] table of drafter/data/faithful_lexicon.toml).

    python -m drafter.numcheck.frame_learn [--min-docs 4] [--min-sources 3] > learned.toml

Frame text is the formulaic praise and connectives every union summary carries ("在上级工会的正确领导下",
"充分调动职工的积极性"). A phrase is frame when it recurs across many examples and says nothing specific:
  * a run of 4 to 8 Chinese characters (no numeral) that occurs in at least `min_docs` examples (samples/*.md)
    coming from at least `min_sources` different source texts;
  * maximal: a phrase inside a longer kept phrase of the same frequency is dropped;
  * no object word of the lexicon (困难职工, 培训, 竞赛, 会员 …), not even a two-character piece of one: those
    name activities and things, and a claim about them must be backed by a fact however common they are.
The fixed words of the deterministic template (prompts/template/*.j2, jinja tags removed) and the pipeline's
section headings (drafter/pipeline/themes.toml, read as text) are frame by construction: they are cut at object
words and the pieces of 2 or more characters are kept ([template]). [common] lists the bigrams found in a
quarter of the examples or more: words every summary uses, never counted as a clause's own content.
Deterministic: the same corpus and templates give the same lists.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from drafter.numcheck.faithlex import load_faith
from drafter.settings import PROJECT_ROOT

_NUMERAL = set("零〇一二两三四五六七八九十百千万亿")
_RUN = re.compile(r"[\u4e00-\u9fff]+")


def read_examples(folder: Path) -> list[tuple[str, str]]:
    """(source, text) of every example file, front matter stripped."""
    out = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        source = path.stem
        if text.startswith("---"):
            head, _, text = text[3:].partition("---")
            found = re.search(r"^source:\s*(\S+)", head, re.M)
            source = found.group(1) if found else source
        out.append((source, text))
    return out


def phrases(text: str, low: int = 4, high: int = 8) -> set[str]:
    found = set()
    for run in _RUN.findall(text):
        for n in range(low, high + 1):
            for i in range(len(run) - n + 1):
                gram = run[i:i + n]
                if not _NUMERAL.intersection(gram):
                    found.add(gram)
    return found


def learn(examples: list[tuple[str, str]], objects: frozenset[str], min_docs: int, min_sources: int) -> list[str]:
    docs: Counter[str] = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for source, text in examples:
        for gram in phrases(text):
            docs[gram] += 1
            sources[gram].add(source)
    object_grams = {w[i:i + 2] for w in objects for i in range(len(w) - 1)}
    kept = {g: n for g, n in docs.items() if n >= min_docs and len(sources[g]) >= min_sources
            and not any(word in g for word in objects)
            and not any(g[i:i + 2] in object_grams for i in range(len(g) - 1))}
    by_len = sorted(kept, key=len, reverse=True)
    maximal = [g for g in kept if not any(len(h) > len(g) and g in h and kept[h] == kept[g] for h in by_len)]
    return sorted(maximal, key=lambda g: (-kept[g], g))


_JINJA = re.compile(r"\{\{.*?\}\}|\{#.*?#\}", re.S)  # expressions and comments; {% set %} strings are kept


def template_phrases(folder: Path, objects: frozenset[str]) -> list[str]:
    """The template's fixed Chinese runs, cut at object words, pieces of 3+ characters."""
    if not folder.is_dir():
        return []
    cut = re.compile("|".join(sorted(map(re.escape, objects), key=len, reverse=True)) or "(?!)")
    found: set[str] = set()
    for path in sorted(folder.glob("*.j2")):
        text = _JINJA.sub("\n", path.read_text(encoding="utf-8"))
        for run in _RUN.findall(text):
            found |= {piece for piece in cut.split(run) if len(piece) >= 2 and not _NUMERAL.intersection(piece)}
    return sorted(found)


def common_bigrams(examples: list[tuple[str, str]], share: float = 0.25) -> list[str]:
    """Bigrams (no numeral) found in at least `share` of the examples: words every summary uses."""
    docs: Counter[str] = Counter()
    for _, text in examples:
        docs.update({run[i:i + 2] for run in _RUN.findall(text) for i in range(len(run) - 1)
                     if not _NUMERAL.intersection(run[i:i + 2])})
    return sorted(g for g, n in docs.items() if n >= share * len(examples))


def heading_phrases(path: Path, objects: frozenset[str]) -> list[str]:
    """The pipeline's section headings (themes.toml `headings`, read as text), cut at object words."""
    if not path.exists():
        return []
    cut = re.compile("|".join(sorted(map(re.escape, objects), key=len, reverse=True)) or "(?!)")
    found: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith(("headings", "problems", "plans", '"')):
            for run in _RUN.findall(line):
                found |= {piece for piece in cut.split(run) if len(piece) >= 2 and not _NUMERAL.intersection(piece)}
    return sorted(found)


def _table(name: str, comment: str, words: list[str]) -> None:
    print(f"[{name}]\n# {comment}\nwords = [")
    for i in range(0, len(words), 8):
        print("  " + ", ".join(f'"{w}"' for w in words[i:i + 8]) + ",")
    print("]\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-docs", type=int, default=4)
    parser.add_argument("--min-sources", type=int, default=3)
    args = parser.parse_args()
    objects = load_faith().objects
    learned = learn(read_examples(PROJECT_ROOT / "samples"), objects, args.min_docs, args.min_sources)
    _table("learned", f"{len(learned)} phrases in >= {args.min_docs} examples from >= {args.min_sources} sources "
           "(python -m drafter.numcheck.frame_learn)", learned)
    template = template_phrases(PROJECT_ROOT / "prompts" / "template", objects)
    template += heading_phrases(PROJECT_ROOT / "drafter" / "pipeline" / "themes.toml", objects)
    _table("template", "fixed words of the deterministic template and its section headings, cut at object words",
           sorted(set(template)))
    examples = read_examples(PROJECT_ROOT / "samples")
    _table("common", "bigrams in at least a quarter of the examples: never content words of a clause",
           common_bigrams(examples))

if __name__ == "__main__":
    main()
