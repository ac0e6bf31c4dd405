"""Extractive group titles and explanations."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .normalize import clean, fold, fold_keep_case, tokens

MAX_TITLE = 90
_SENTENCES = re.compile(r"(?<=[.!?;])\s+")
# Openings that carry no content: salutations and self-introductions.
_PREAMBLE = re.compile(
    r"^(kinh gui|kinh thua|toi la|toi ten|toi xin|xin chao|chung toi la|thay mat|"
    r"phong vien|cu tri .{0,40} hoi:?$)"
)
_LEADS = re.compile(r"^(toi o [^,.]*, |cu tri [^,.:]*(phan anh|kien nghi|de nghi|hoi):? )")


def has_marks(text: str, plain: str | None = None) -> bool:
    """True when the text is written with Vietnamese diacritics (nicer for display);
    ``plain`` may pass ``fold_keep_case(text)`` when the caller has it already."""
    plain = fold_keep_case(text) if plain is None else plain
    if plain is text:
        return False
    # Characters that differ at the same position (up to the shorter length), compared as
    # UTF-32 code point arrays.
    a = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    b = np.frombuffer(plain.encode("utf-32-le"), dtype=np.uint32)
    n = min(len(a), len(b))
    return int(np.count_nonzero(a[:n] != b[:n])) > 0.04 * max(1, len(text))


def central_member(x: sparse.csr_matrix, members: Sequence[int], texts: Sequence[str]) -> int:
    """Member most similar to the others, preferring texts written with diacritics."""
    if len(members) == 1:
        return members[0]
    rows = x[list(members)]
    sims = np.asarray((rows @ rows.T).sum(axis=1)).ravel()
    bonus = np.asarray([0.5 if has_marks(texts[m]) else 0.0 for m in members])
    return members[int(np.argmax(sims + bonus))]


def central_members(
    x: sparse.csr_matrix, labels: Sequence[int], texts: Sequence[str], plain: Sequence[str]
) -> dict[int, int]:
    """:func:`central_member` of every multi-member cluster at once (label → member)."""
    lab = np.asarray(labels)
    uniq, inv, sizes = np.unique(lab, return_inverse=True, return_counts=True)
    multi = np.flatnonzero(sizes[inv] > 1)
    if not len(multi):
        return {}
    member = sparse.csr_matrix(
        (np.ones(len(multi), dtype=np.float32), (inv[multi], multi)), shape=(len(uniq), len(lab))
    )
    sums = (member @ x).tocsr()
    sims = np.asarray(x[multi].multiply(sums[inv[multi]]).sum(axis=1)).ravel()
    bonus = [0.5 if has_marks(texts[m], plain[m]) else 0.0 for m in multi.tolist()]
    score = sims + np.asarray(bonus)
    best: dict[int, int] = {}
    for m, _sc in sorted(zip(multi.tolist(), score.tolist(), strict=True), key=lambda t: -t[1]):
        best.setdefault(int(lab[m]), m)
    return best


def shorten(sentence: str, limit: int = MAX_TITLE) -> str:
    sentence = sentence.strip().rstrip(".!?;:, ")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;: ")
    return cut + "…"


def title(text: str, weights: dict[str, float] | None = None) -> str:
    """Key sentence of ``text``: the one whose terms weigh most (group terms if given)."""
    if not weights:  # first informative sentence: only that one needs cleaning
        raw = [s for s in _SENTENCES.split(text) if s.strip()]
        pick = next((s for s in raw if not _PREAMBLE.match(fold(s))), raw[0] if raw else text)
        text = clean(pick)
    sentences = [s for s in _SENTENCES.split(clean(text)) if s.strip()]
    best, best_score = sentences[0] if sentences else text, -1.0
    for sentence in sentences:
        if len(sentences) > 1 and _PREAMBLE.match(fold(sentence)):
            continue
        if not weights:
            best = sentence  # first informative sentence
            break
        toks = tokens(sentence)
        score = sum(weights.get(t, 0.0) for t in set(toks)) / (len(toks) ** 0.5 or 1)
        if score > best_score:
            best, best_score = sentence, score
    if len(best) > MAX_TITLE and (lead := _LEADS.match(fold(best))):
        best = best[lead.end() :]
        best = best[:1].upper() + best[1:]
    return shorten(best)


def shared_terms(
    token_lists: Sequence[Sequence[str]], members: Sequence[int], idf: dict[str, float], k: int = 6
) -> list[str]:
    """Terms used by at least two members, rarest in the batch first."""
    counts: dict[str, int] = {}
    for m in members:
        for term in set(token_lists[m]):
            counts[term] = counts.get(term, 0) + 1
    common = [t for t, c in counts.items() if c >= 2 and len(t) > 1 and not t.isdigit()]
    common.sort(key=lambda t: (-idf.get(t, 0.0) * counts[t], t))
    return common[:k]
