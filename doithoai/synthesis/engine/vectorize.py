"""Vectorised word uni/bigram TF-IDF over token lists (numpy/scipy, no per-term Python loops).

Tokens are mapped once to batch-local integer ids; a unigram is keyed by its id and a bigram
``a b`` by ``T + a * T + b`` (T = number of distinct tokens), so counting, document
frequencies and vocabulary look-ups are array operations whose cost grows linearly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

DOC_SLICE = 16384  # documents vectorised at once against a fixed vocabulary


@dataclass
class Encoded:
    """Token lists as one flat id array; ``doc[k]`` is the document of token ``k``."""

    index: dict[str, int]
    ids: np.ndarray
    doc: np.ndarray
    n_docs: int

    @property
    def n_tokens(self) -> int:
        return len(self.index)

    def key_of(self, term: str) -> int | None:
        parts = term.split(" ")
        get = self.index.get
        if len(parts) == 1:
            return get(parts[0])
        if len(parts) != 2:
            return None
        a, b = get(parts[0]), get(parts[1])
        if a is None or b is None:
            return None
        return self.n_tokens + a * self.n_tokens + b

    def term_of(self, key: int, names: Sequence[str]) -> str:
        t = self.n_tokens
        if key < t:
            return names[key]
        a, b = divmod(key - t, t)
        return f"{names[a]} {names[b]}"


def encode(token_lists: Sequence[Sequence[str]]) -> Encoded:
    index: dict[str, int] = {}
    setdefault = index.setdefault
    flat = [setdefault(tok, len(index)) for toks in token_lists for tok in toks]
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    doc = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
    return Encoded(index, np.asarray(flat, dtype=np.int64), doc, len(token_lists))


def term_keys(enc: Encoded, keep: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(document, key) of every unigram and bigram; ``keep`` masks tokens out first."""
    ids, doc = (enc.ids, enc.doc) if keep is None else (enc.ids[keep], enc.doc[keep])
    t = enc.n_tokens
    same = doc[1:] == doc[:-1]
    bigram = t + ids[:-1][same] * t + ids[1:][same]
    return np.concatenate([doc, doc[:-1][same]]), np.concatenate([ids, bigram])


def _normalised(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF from a count matrix (modified in place)."""
    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    counts.data /= np.repeat(norms, np.diff(counts.indptr)).astype(np.float32)
    return counts.astype(np.float32)


def _weighted(doc: np.ndarray, cols: np.ndarray, idf: np.ndarray, n_docs: int) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF from (document, column) occurrences."""
    counts = sparse.csr_matrix(
        (np.ones(len(doc), dtype=np.float32), (doc, cols)), shape=(n_docs, len(idf))
    )
    counts.sum_duplicates()
    return _normalised(counts, idf)


def _counts(enc: Encoded, keep: np.ndarray | None) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Raw (document × distinct term) counts and the sorted key of each column, counted a
    slice of documents at a time (small sorts) and then put on the batch's sorted keys."""
    parts = []
    for part, tokens in doc_slices(enc, DOC_SLICE):
        doc, keys = term_keys(part, None if keep is None else keep[tokens])
        uniq, cols = np.unique(keys, return_inverse=True)
        parts.append((part.n_docs, doc, uniq, cols.ravel()))
    uniq = np.unique(np.concatenate([u for _, _, u, _ in parts]))
    blocks = []
    for n_docs, doc, part_uniq, cols in parts:
        where = np.searchsorted(uniq, part_uniq)
        block = sparse.csr_matrix(
            (np.ones(len(doc), dtype=np.float32), (doc, where[cols])), shape=(n_docs, len(uniq))
        )
        block.sum_duplicates()
        blocks.append(block)
    return _stack(blocks), uniq


def _stack(blocks: list[sparse.csr_matrix]) -> sparse.csr_matrix:
    return blocks[0] if len(blocks) == 1 else sparse.vstack(blocks, format="csr")


def batch_tfidf(
    enc: Encoded, keep: np.ndarray | None = None
) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """TF-IDF with the batch's own vocabulary: (matrix, idf per column, key per column)."""
    counts, uniq = _counts(enc, keep)
    df = np.bincount(counts.indices, minlength=len(uniq))
    idf = (np.log((1 + enc.n_docs) / (1 + df)) + 1.0).astype(np.float32)
    return _normalised(counts, idf), idf, uniq


def vocabulary(
    token_lists: Sequence[Sequence[str]], min_df: int = 1
) -> tuple[dict[str, int], np.ndarray]:
    """Vocabulary (term → column, sorted terms) and smoothed idf for the given documents."""
    enc = encode(token_lists)
    counts, keys = _counts(enc, None)
    df = np.bincount(counts.indices, minlength=len(keys))
    names = list(enc.index)
    pairs = sorted(
        (enc.term_of(int(k), names), int(d)) for k, d in zip(keys, df, strict=True) if d >= min_df
    )
    n = len(token_lists)
    vocab = {term: c for c, (term, _) in enumerate(pairs)}
    idf = np.asarray([math.log((1 + n) / (1 + d)) + 1.0 for _, d in pairs], dtype=np.float32)
    return vocab, idf


def model_tfidf(enc: Encoded, vocab: Mapping[str, int], idf: np.ndarray) -> sparse.csr_matrix:
    """TF-IDF in a fixed (model) vocabulary; terms outside it are ignored."""
    found = [(k, c) for term, c in vocab.items() if (k := enc.key_of(term)) is not None]
    vk = np.asarray([k for k, _ in found], dtype=np.int64)
    vc = np.asarray([c for _, c in found], dtype=np.int64)
    order = np.argsort(vk)
    vk, vc = vk[order], vc[order]
    parts = []
    for part, _ in doc_slices(enc, DOC_SLICE):  # rows are independent: bounded memory
        doc, keys = term_keys(part)
        pos = np.searchsorted(vk, keys)
        ok = pos < len(vk)
        ok[ok] = vk[pos[ok]] == keys[ok]
        parts.append(_weighted(doc[ok], vc[pos[ok]], idf, part.n_docs))
    return _stack(parts)


def doc_slices(enc: Encoded, size: int) -> list[tuple[Encoded, slice]]:
    """``enc`` cut into runs of ``size`` documents (same token index, documents renumbered),
    each with its slice of ``enc``'s tokens."""
    starts = list(range(0, enc.n_docs, size)) or [0]
    cuts = np.searchsorted(enc.doc, [*starts, enc.n_docs]).tolist()
    return [
        (
            Encoded(enc.index, enc.ids[a:b], enc.doc[a:b] - first, min(size, enc.n_docs - first)),
            slice(a, b),
        )
        for first, a, b in zip(starts, cuts[:-1], cuts[1:], strict=True)
    ]
