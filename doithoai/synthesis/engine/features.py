"""Sparse TF-IDF features over folded word uni/bigrams, plus prior lexicon counts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from .charvec import one_byte
from .lexicon import MARKED_PHRASES, TOPICS, topic_counts_parts, trie_pattern
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


# Marked lexicon over :func:`~.charvec.marked_docs` strings (words joined by single spaces,
# marked letters one byte each): phrase -> topic index, matched between spaces.
_MARKED_TOPIC = {
    one_byte(phrase): TOPICS.index(topic)
    for topic, phrases in MARKED_PHRASES.items()
    for phrase in phrases.split("|")
}
_MARKED_PATTERN = re.compile(r"(?<= )(" + trie_pattern(list(_MARKED_TOPIC)) + r")(?= )")


def marked_lexicon_matrix(marked: Sequence[str]) -> np.ndarray:
    """log1p counts of :data:`~.lexicon.MARKED_PHRASES` per topic in marked documents."""
    out = np.zeros((len(marked), len(TOPICS)), dtype=np.float32)
    for row, doc in enumerate(marked):
        for phrase in _MARKED_PATTERN.findall(" " + doc + " "):
            out[row, _MARKED_TOPIC[phrase]] += 1.0
    return np.log1p(out)


def lexicon_matrix(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """log1p lexicon counts: whole text, opening 25 tokens, demand clause."""
    rows = [_parts(toks) for toks in token_lists]
    return np.log1p(np.asarray(rows, dtype=np.float32)).reshape(-1, LEXICON_FEATURES)


def design_matrix(
    token_lists: Sequence[Sequence[str]],
    vocab: Mapping[str, int],
    idf: np.ndarray,
    enc: Encoded | None = None,
    marked: Sequence[str] | None = None,
) -> sparse.csr_matrix:
    """Classifier input: TF-IDF columns followed by the scaled lexicon columns, and, if the
    ``marked`` documents (:func:`~.charvec.marked_docs`) are given, the scaled marked-lexicon
    columns."""
    lex = lexicon_matrix(token_lists)
    if marked is not None:
        lex = np.hstack([lex, marked_lexicon_matrix(marked)])
    scaled = sparse.csr_matrix(lex * LEXICON_SCALE)
    return sparse.hstack([tfidf(token_lists, vocab, idf, enc), scaled], format="csr")
