"""Mutual-neighbour evidence for candidate pairs: is each petition among the other's closest
candidates? Two paraphrases of one concern are usually each other's nearest neighbour, while a
petition that merely shares a place with a group ranks behind the group's own members."""

from __future__ import annotations

import numpy as np

Pairs = dict[tuple[int, int], float]


def neighbour_ranks(pairs: Pairs) -> tuple[np.ndarray, np.ndarray]:
    """For the pairs in ``pairs`` order: the rank of j among i's candidates and of i among j's
    (0 = most similar), by cosine, computed with array sorts."""
    m = len(pairs)
    if not m:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    ends = np.fromiter((k for key in pairs for k in key), dtype=np.int64, count=2 * m)
    cos = np.fromiter(pairs.values(), dtype=np.float64, count=m)
    src = np.concatenate([ends[0::2], ends[1::2]])
    sims = np.concatenate([cos, cos])
    order = np.lexsort((-sims, src))  # by petition, most similar first
    starts = np.searchsorted(src[order], src[order], side="left")
    rank = np.empty(2 * m, dtype=np.int64)
    rank[order] = np.arange(2 * m) - starts
    return rank[:m], rank[m:]


def with_neighbour_ranks(
    pairs: Pairs, views: dict[tuple[int, int], tuple[float, ...]]
) -> dict[tuple[int, int], tuple[float, ...]]:
    """``views`` with two values appended per pair: 1 / (1 + the larger of both ranks) and
    1.0 when the two are each other's nearest candidate (mutual nearest neighbours)."""
    left, right = neighbour_ranks(pairs)
    worst = np.maximum(left, right)
    inverse = (1.0 / (1.0 + worst)).tolist()
    mutual = (worst == 0).astype(np.float64).tolist()
    return {
        key: (*views[key], inv, mut) for key, inv, mut in zip(pairs, inverse, mutual, strict=True)
    }
