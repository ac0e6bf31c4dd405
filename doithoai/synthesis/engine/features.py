"""Sparse TF-IDF features over folded word uni/bigrams, plus prior lexicon counts."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from .lexicon import TOPICS, topic_counts_parts
from .vectorize import Encoded, encode, model_tfidf, vocabulary

LEXICON_SCALE = 0.3
LEXICON_FEATURES = 3 * len(TOPICS)
_DEMAND_CUES = ("de nghi", "kien nghi", "yeu cau", "mong", "xin hoi")


def terms(tokens: Sequence[str]) -> list[str]:
    """Unigrams and bigrams of a folded token sequence."""
    return [*tokens, *(f"{a} {b}" for a, b in itertools.pairwise(tokens))]


def build_vocabulary(
    token_lists: Sequence[Sequence[str]], min_df: int = 1
) -> tuple[dict[str, int], np.ndarray]:
    """Vocabulary (term → column, terms sorted) and smoothed idf for the given documents."""
    return vocabulary(token_lists, min_df)


def tfidf(
    token_lists: Sequence[Sequence[str]],
    vocab: Mapping[str, int],
    idf: np.ndarray,
    enc: Encoded | None = None,
) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF rows; terms outside ``vocab`` are ignored."""
    return model_tfidf(enc if enc is not None else encode(token_lists), vocab, idf)


def _parts(tokens: Sequence[str]) -> list[float]:
    """Lexicon counts of the whole text, its opening 25 tokens and its demand clause, in one
    regex pass (the demand clause runs from the last demand cue, else the last 20 tokens)."""
    joined = " ".join(tokens)
    opening = len(" ".join(tokens[:25]))
    demand = max(joined.rfind(cue) for cue in _DEMAND_CUES)
    if demand < 0:
        demand = len(" ".join(tokens[:-20])) if len(tokens) > 20 else 0
    return topic_counts_parts(joined, opening, demand)


def lexicon_matrix(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """log1p lexicon counts: whole text, opening 25 tokens, demand clause."""
    rows = [_parts(toks) for toks in token_lists]
    return np.log1p(np.asarray(rows, dtype=np.float32)).reshape(-1, LEXICON_FEATURES)


def design_matrix(
    token_lists: Sequence[Sequence[str]],
    vocab: Mapping[str, int],
    idf: np.ndarray,
    enc: Encoded | None = None,
) -> sparse.csr_matrix:
    """Classifier input: TF-IDF columns followed by the scaled lexicon columns."""
    lex = sparse.csr_matrix(lexicon_matrix(token_lists) * LEXICON_SCALE)
    return sparse.hstack([tfidf(token_lists, vocab, idf, enc), lex], format="csr")
