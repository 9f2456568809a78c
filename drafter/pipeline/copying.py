"""Copy detection: runs of a model's text taken verbatim from its style references."""

from __future__ import annotations

COPY_RUN = 24  # this many characters in a row, word for word from a reference, count as copying
# scraped examples often use ASCII punctuation where a model writes the full-width form: the same sentence
# (one character for one, so a run's place in the translated text is its place in the original)
_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）", '"': "”",
                        "“": "”"})


def copied_runs(text: str, references: list[str], min_run: int = COPY_RUN) -> list[str]:
    """The maximal runs of `text` (at least `min_run` characters) that also occur in one of `references`, with
    ASCII and full-width punctuation taken as the same. Runs are returned as `text` spells them."""
    original, text = text, text.translate(_PUNCT)
    sources = [r.translate(_PUNCT) for r in references if len(r) >= min_run]
    if not sources or len(text) < min_run:
        return []
    shingles = {ref[i:i + min_run] for ref in sources for i in range(len(ref) - min_run + 1)}
    runs: list[str] = []
    i = 0
    while i <= len(text) - min_run:
        if text[i:i + min_run] not in shingles:
            i += 1
            continue
        end = i + min_run
        while end < len(text) and any(text[i:end + 1] in ref for ref in sources):
            end += 1
        runs.append(original[i:end])
        i = end
    return runs
