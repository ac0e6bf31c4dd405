"""Hashed character n-gram TF-IDF (n = 2..5), vectorised in numpy.

Each document becomes `` w1 w2 … `` (words padded by spaces); every window of n bytes that stays
inside one document is hashed into one of 2**20 buckets. Used for the topic ensemble (with a
fixed bucket vocabulary from training) over :func:`marked_docs` (lowercase words that keep their
Vietnamese marks, one byte per letter), and for the pair cosine of petition contents (folded
words, batch idf).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .normalize import canonical_tone
from .vectorize import _normalised

BUCKETS = 1 << 20
NGRAMS = (2, 3, 4, 5)
_MULT = np.uint64(0x9E3779B97F4A7C15)


# Every lowercase Vietnamese letter with a mark gets one byte of its own (0x80 + k), so a
# window of n bytes is a window of n letters and "chợ" (market) differs from "cho" (for).
_MARKED = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
# A list indexed by code point translates ~4x faster than a dict; code points past its end (none
# is a marked letter: the last, ỹ, is U+1EF9) raise IndexError and so are left as they are.
_ONE_BYTE = [chr(i) for i in range(0x2000)]
for _k, _ch in enumerate(_MARKED):
    _ONE_BYTE[ord(_ch)] = chr(0x80 + _k)
# Old-style tone placement (hoà, thuỷ) in NFC; only such texts pay for canonical_tone.
_OLD_TONE_HINT = re.compile("[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]")
_WORD = re.compile(r"[^\W_]+")


def one_byte(marked: str) -> str:
    """Lowercase NFC text with marks in the one-byte-per-letter form of :func:`marked_docs`."""
    return marked.translate(_ONE_BYTE)


def marked_docs(texts: Sequence[str]) -> list[str]:
    """Lowercase words with their marks (NFC, new-style tones), one byte per letter.

    Texts typed without marks give the same string as their folded words, so the character
    model still reads them; texts with marks keep what folding loses (chợ/cho, điện/diện)."""
    out = []
    for text in texts:
        text = unicodedata.normalize("NFC", text)
        if _OLD_TONE_HINT.search(text):
            text = canonical_tone(text)
        out.append(" ".join(_WORD.findall(text.lower())).translate(_ONE_BYTE))
    return out


def _windows(docs: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(document, bucket) for every character n-gram of every document (one byte per
    character for ASCII and :func:`marked_docs` strings; other characters become ``?``)."""
    data = [(" " + d + " ").encode("latin-1", "replace") for d in docs]
    lengths = np.fromiter((len(b) for b in data), dtype=np.int64, count=len(data))
    arr = np.frombuffer(b"".join(data), dtype=np.uint8).astype(np.uint64)
    doc = np.repeat(np.arange(len(data), dtype=np.int64), lengths)
    out_doc, out_key = [], []
    h = np.zeros(len(arr), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for n in range(1, max(NGRAMS) + 1):
            m = len(arr) - n + 1
            if m <= 0:
                break
            h = h[:m] * np.uint64(257) + arr[n - 1 : n - 1 + m]
            if n in NGRAMS:
                ok = doc[:m] == doc[n - 1 : n - 1 + m]
                mixed = (h[ok] + np.uint64(n)) * _MULT
                out_doc.append(doc[:m][ok])
                out_key.append((mixed >> np.uint64(40)).astype(np.int64) % BUCKETS)
    if not out_doc:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out_doc), np.concatenate(out_key)


def counts(docs: Sequence[str]) -> sparse.csr_matrix:
    """(documents × BUCKETS) n-gram counts."""
    doc, key = _windows(docs)
    m = sparse.csr_matrix(
        (np.ones(len(doc), dtype=np.float32), (doc, key)), shape=(len(docs), BUCKETS)
    )
    m.sum_duplicates()
    return m


def batch_char_tfidf(docs: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF with the batch's own document frequencies."""
    c = counts(docs)
    df = np.bincount(c.indices, minlength=BUCKETS)
    idf = (np.log((1 + len(docs)) / (1 + df)) + 1.0).astype(np.float32)
    return _normalised(c, idf)


def fit_vocabulary(docs: Sequence[str], min_df: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Kept buckets (sorted) and their smoothed idf, from training documents."""
    c = counts(docs)
    df = np.bincount(c.indices, minlength=BUCKETS)
    kept = np.flatnonzero(df >= min_df)
    idf = (np.log((1 + len(docs)) / (1 + df[kept])) + 1.0).astype(np.float32)
    return kept.astype(np.int64), idf


def model_char_tfidf(docs: Sequence[str], kept: np.ndarray, idf: np.ndarray) -> sparse.csr_matrix:
    """TF-IDF restricted to a trained bucket vocabulary (columns follow ``kept``)."""
    doc, key = _windows(docs)
    lut = np.full(BUCKETS, -1, dtype=np.int64)  # bucket -> column (O(1) look-up per n-gram)
    lut[kept] = np.arange(len(kept))
    pos = lut[key]
    ok = pos >= 0
    m = sparse.csr_matrix(
        (np.ones(int(ok.sum()), dtype=np.float32), (doc[ok], pos[ok])), shape=(len(docs), len(kept))
    )
    m.sum_duplicates()
    return _normalised(m, idf)
