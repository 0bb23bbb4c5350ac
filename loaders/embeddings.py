"""Issue wordings compared by meaning, for topic phrases no issue word reads.

Static word embeddings (model2vec: a lookup table and a mean, numpy only) distilled from
all-MiniLM-L6-v2 by `make embeddings` (tools/distil_embeddings.py) into
data/embeddings/; the threshold at which two wordings name the same issue is calibrated
on the training corpus by tools/calibrate_issues.py into data/issue_similarity.json.
The model is loaded once per process, on first use, and shared by ingest and questions.
"""

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from model2vec import StaticModel

MAX_CACHED = 100_000
_VECTORS: dict[str, np.ndarray] = {}  # a wording's unit vector, kept across questions


@cache
def _model() -> "StaticModel":
    """The static model, read from the committed artifact (never from a model hub)."""
    from model2vec import StaticModel

    folder = Path(str(resources.files("loaders").joinpath("data/embeddings")))
    return StaticModel.from_pretrained(folder, normalize=True)


@cache
def same_issue_threshold() -> float:
    """The similarity from which two wordings name the same issue (calibrated)."""
    card = resources.files("loaders").joinpath("data/issue_similarity.json").read_text("utf-8")
    return float(json.loads(card)["threshold"])


def vectors(wordings: Sequence[str]) -> np.ndarray:
    """Unit vectors of wordings, one row each (an empty wording is the zero vector)."""
    missing = [w for w in dict.fromkeys(wordings) if w and w not in _VECTORS]
    if missing:
        if len(_VECTORS) + len(missing) > MAX_CACHED:
            _VECTORS.clear()
        encoded = np.asarray(_model().encode(missing), dtype=np.float32)
        norms = np.linalg.norm(encoded, axis=1, keepdims=True)
        _VECTORS.update(zip(missing, encoded / np.maximum(norms, 1e-9), strict=True))
    zero = np.zeros(_model().dim, dtype=np.float32)
    return np.stack([_VECTORS.get(w, zero) for w in wordings]) if wordings else zero[None, :][:0]


def similarities(wording: str, others: Sequence[str]) -> list[float]:
    """Cosine similarity of a wording with each of others (0 for an empty one)."""
    if not wording or not others:
        return [0.0] * len(others)
    found = vectors([wording, *others])
    return [round(float(s), 3) for s in found[1:] @ found[0]]
