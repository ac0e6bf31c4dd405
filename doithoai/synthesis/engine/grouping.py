"""Grouping of petitions that raise the same concrete concern.

Candidates come from nearest neighbours (sparse TF-IDF cosine, batch idf) inside blocks of the
same unit (split by topic when a block is large), never from all pairs of the batch. Each
candidate pair is scored by a small logistic model (word, content and character cosines,
neighbour ranks, topic and place agreement, object overlap, length ratio; optionally also the
products of every two features) and pairs are merged by average linkage, which stops chains of
weak links; optionally two clusters whose predicted topics differ never merge. Which features,
whether the products, whether that topic guard, and the link threshold are chosen by an inner
cross-validation on the training data.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from .concern import Concern, relate
from .neighbours import with_neighbour_ranks
from .places import Places, relation

MAX_BLOCK = 2500  # larger unit blocks are split by topic
NEIGHBOURS = 12  # candidates kept per petition
FLOOR = 0.12  # minimum cosine to be a candidate
CHUNK = 512
PAIR_SLICE = 65536  # pairs whose rows are gathered at once
N_FEATURES = 15
# Names of the pair features, in order (issue #18 added the last six).
FEATURE_NAMES = (
    "cosine",
    "same_topic",
    "shared_place",
    "place_conflict",
    "content_cosine",
    "object_overlap",
    "char_cosine",
    "inverse_rank",
    "mutual_nearest",
    "shared_road",
    "same_given_place",
    "place_missing",
    "objects_disjoint",
    "length_ratio",
    "content_cosine_other_topic",
)
# The first nine features (before issue #18), kept as a candidate of the inner selection.
BASE_FEATURES = 9


@dataclass
class PairParams:
    """Weights for the pair features (:data:`FEATURE_NAMES`), the link threshold and how
    clusters merge: ``topic_guard`` keeps two clusters apart when their majority predicted
    topics differ (chosen by inner cross-validation, :func:`fit_pair_params`). ``quadratic``
    holds the weights of the products of every two features (:func:`quadratic_terms` order),
    empty for a linear scorer."""

    weights: list[float] = field(
        default_factory=lambda: [6.0, 4.0, 1.0, -0.5, 6.0] + [0.0] * (N_FEATURES - 5)
    )
    bias: float = -9.0
    threshold: float = 0.5
    topic_guard: bool = False
    quadratic: list[float] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PairParams:
        weights = data.get("weights", [])
        quadratic = data.get("quadratic", [])
        assert isinstance(weights, list) and isinstance(quadratic, list)
        padded = [float(w) for w in weights] + [0.0] * (N_FEATURES - len(weights))
        return cls(
            weights=padded,
            bias=float(str(data.get("bias", -9.0))),
            threshold=float(str(data.get("threshold", 0.5))),
            topic_guard=bool(data.get("topic_guard", False)),
            quadratic=[float(q) for q in quadratic],
        )


@dataclass
class Item:
    """One petition as seen by the grouper."""

    unit: str
    topic: str
    places: Places
    given_place: str | None = None
    fixed: Hashable | None = None
    concern: Concern | None = None


def blocks(items: Sequence[Item]) -> list[list[int]]:
    by_unit: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_unit[item.unit].append(i)
    out: list[list[int]] = []
    for members in by_unit.values():
        if len(members) <= MAX_BLOCK:
            out.append(members)
            continue
        by_topic: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_topic[items[i].topic].append(i)
        out.extend(by_topic.values())
    return out


def candidate_pairs(x: sparse.csr_matrix, items: Sequence[Item]) -> dict[tuple[int, int], float]:
    """Top neighbours by cosine within each block: {(i, j): cosine} with i < j."""
    found = [_block_neighbours(x, np.asarray(b)) for b in blocks(items) if len(b) > 1]
    if not found:
        return {}
    lo, hi, sims = (np.concatenate(parts) for parts in zip(*found, strict=True))
    # A pair met from both ends keeps its first place and its last value, as dict updates do.
    return dict(zip(zip(lo.tolist(), hi.tolist(), strict=True), sims.tolist(), strict=True))


def _block_neighbours(
    x: sparse.csr_matrix, idx: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(smaller index, larger index, cosine) of each petition's top neighbours in one block,
    row by row, neighbours in :func:`numpy.argpartition` order."""
    xb = x[idx]
    k = min(NEIGHBOURS, len(idx) - 1)
    out = []
    for start in range(0, len(idx), CHUNK):
        sims = (xb[start : start + CHUNK] @ xb.T).toarray()
        rows = np.arange(sims.shape[0])
        sims[rows, start + rows] = 0.0
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        r, c = np.repeat(rows, k), top.ravel()
        s = sims[r, c]
        ok = s >= FLOOR
        i, j = idx[start + r[ok]], idx[c[ok]]
        out.append((np.minimum(i, j), np.maximum(i, j), s[ok]))
    lo, hi, sims_kept = (np.concatenate(parts) for parts in zip(*out, strict=True))
    return lo, hi, sims_kept


def content_cosines(
    pairs: dict[tuple[int, int], float], *matrices: sparse.csr_matrix
) -> dict[tuple[int, int], tuple[float, ...]]:
    """Cosines of other views (content words, content character n-grams) for each pair."""
    if not pairs:
        return {}
    keys = list(pairs)
    left = np.fromiter((i for i, _ in keys), dtype=np.int64, count=len(keys))
    right = np.fromiter((j for _, j in keys), dtype=np.int64, count=len(keys))
    cols = [_row_dots(m, left, right) for m in matrices]
    return dict(zip(keys, zip(*(c.tolist() for c in cols), strict=True), strict=True))


def _row_dots(m: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Dot product of rows ``left[k]`` and ``right[k]`` for every k, a slice of pairs at a time
    (gathering the rows of all pairs at once is slow and large for the n-gram view)."""
    out = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), PAIR_SLICE):
        part = slice(start, start + PAIR_SLICE)
        out[part] = np.asarray(m[left[part]].multiply(m[right[part]]).sum(axis=1)).ravel()
    return out


def pair_features(
    i: int, j: int, cos: float, items: Sequence[Item], views: Sequence[float] = ()
) -> list[float] | None:
    """Features of one candidate pair (None: the pair may never link). ``views`` holds the
    content cosine, the content character n-gram cosine, the two neighbour-rank values of
    :func:`~.neighbours.with_neighbour_ranks` and the length ratio of :func:`with_lengths`
    (missing values count as 0)."""
    a, b = items[i], items[j]
    if a.given_place and b.given_place and a.given_place != b.given_place:
        return None  # the caller says these are different places
    if a.fixed is not None and b.fixed is not None and a.fixed != b.fixed:
        return None  # officers filed them in different groups
    shared, conflict = relation(a.places, b.places)
    if conflict:
        return None  # two different streets / residential groups are two issues
    ca, cb = a.concern, b.concern
    jac = relate(ca, cb) if ca and cb else 0.0
    disjoint = float(bool(ca and cb and ca.objects and cb.objects and not ca.objects & cb.objects))
    content_cos, char_cos, inverse_rank, mutual, length = [*views, 0.0, 0.0, 0.0, 0.0, 0.0][:5]
    same_topic = float(a.topic == b.topic)
    shared_road = float(bool(a.places.roads & b.places.roads))
    same_given = float(bool(a.given_place and a.given_place == b.given_place))
    missing = float(
        not (a.places.areas or a.places.roads) or not (b.places.areas or b.places.roads)
    )
    return [
        cos,
        same_topic,
        shared,
        conflict,
        content_cos,
        jac,
        char_cos,
        inverse_rank,
        mutual,
        shared_road,
        same_given,
        missing,
        disjoint,
        length,
        content_cos * (1.0 - same_topic),
    ]


def with_lengths(
    pairs: dict[tuple[int, int], float],
    views: dict[tuple[int, int], tuple[float, ...]],
    content: sparse.csr_matrix,
) -> dict[tuple[int, int], tuple[float, ...]]:
    """``views`` with the length ratio of each pair appended: the shorter petition's number of
    distinct content terms over the longer one's (1 = equally long)."""
    if not pairs:
        return views
    nnz = np.diff(content.indptr).astype(np.float64)
    keys = list(pairs)
    left = nnz[np.fromiter((i for i, _ in keys), dtype=np.int64, count=len(keys))]
    right = nnz[np.fromiter((j for _, j in keys), dtype=np.int64, count=len(keys))]
    ratio = (np.minimum(left, right) / np.maximum(np.maximum(left, right), 1.0)).tolist()
    return {key: (*views[key], r) for key, r in zip(keys, ratio, strict=True)}


def pair_views(
    x: sparse.csr_matrix,
    content: sparse.csr_matrix,
    items: Sequence[Item],
    chars: sparse.csr_matrix | None,
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], tuple[float, ...]]]:
    """Candidate pairs and their other views (content and character cosines, neighbour
    ranks, length ratio)."""
    pairs = candidate_pairs(x, items)
    views = content_cosines(pairs, content, content if chars is None else chars)
    views = with_neighbour_ranks(pairs, views)
    return pairs, with_lengths(pairs, views, content)


def pair_table(
    pairs: dict[tuple[int, int], float],
    items: Sequence[Item],
    views: dict[tuple[int, int], tuple[float, ...]],
) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The pairs that may link and their features, one row each."""
    keys: list[tuple[int, int]] = []
    table = np.empty((len(pairs), N_FEATURES), dtype=np.float64)
    for (i, j), cos in pairs.items():
        f = pair_features(i, j, cos, items, views[(i, j)])
        if f is not None:
            table[len(keys)] = f
            keys.append((i, j))
    return keys, table[: len(keys)]


def quadratic_terms(table: np.ndarray) -> np.ndarray:
    """Products of every two columns, each with itself too, in :func:`numpy.triu_indices`
    order."""
    left, right = np.triu_indices(table.shape[1])
    return table[:, left] * table[:, right]


def pair_logits(table: np.ndarray, params: PairParams) -> np.ndarray:
    """Log-odds that each row's pair raises one concern; the products are summed as a
    quadratic form so no row is expanded."""
    z = params.bias + table @ np.asarray(params.weights, dtype=np.float64)
    if params.quadratic:
        q = np.zeros((N_FEATURES, N_FEATURES))
        q[np.triu_indices(N_FEATURES)] = params.quadratic
        z += ((table @ q) * table).sum(axis=1)
    return z


def score_pairs(
    pairs: dict[tuple[int, int], float],
    items: Sequence[Item],
    params: PairParams,
    content: dict[tuple[int, int], tuple[float, ...]],
) -> dict[tuple[int, int], float]:
    keys, table = pair_table(pairs, items, content)
    proba = 1.0 / (1.0 + np.exp(-pair_logits(table, params)))
    return dict(zip(keys, proba.tolist(), strict=True))


def cluster(
    n: int,
    scores: dict[tuple[int, int], float],
    threshold: float,
    items: Sequence[Item],
    topic_guard: bool = False,
) -> list[int]:
    """Average-linkage merging over scored pairs; officer-fixed groups are kept as they are.
    With ``topic_guard`` two clusters whose most frequent predicted topics differ never merge
    (the first petition's topic breaks ties within a cluster)."""
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    topics: dict[int, Counter[str]] = {}
    locked: set[int] = set()
    fixed_root: dict[Hashable, int] = {}
    for i, item in enumerate(items):
        if item.fixed is None:
            continue
        root = fixed_root.setdefault(item.fixed, i)
        locked.add(root)
        if root != i:
            members[root].append(i)
            del members[i]
            label[i] = root

    def majority(root: int) -> str:
        if root not in topics:
            return items[root].topic
        return topics[root].most_common(1)[0][0]

    for (i, j), s in sorted(scores.items(), key=lambda kv: -kv[1]):
        if s < threshold:
            break
        a, b = label[i], label[j]
        if a == b or a in locked or b in locked:
            continue
        if topic_guard and majority(a) != majority(b):
            continue
        total = sum(scores.get((min(p, q), max(p, q)), 0.0) for p in members[a] for q in members[b])
        if total / (len(members[a]) * len(members[b])) < threshold:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        if topic_guard:
            merged = topics.pop(b, None) or Counter([items[b].topic])
            topics.setdefault(a, Counter([items[a].topic])).update(merged)
        for m in members[b]:
            label[m] = a
        members[a].extend(members.pop(b))
    return label


def group(
    x: sparse.csr_matrix,
    content: sparse.csr_matrix,
    items: Sequence[Item],
    params: PairParams,
    chars: sparse.csr_matrix | None = None,
) -> list[int]:
    """Cluster label (index of a representative) for every item."""
    pairs, views = pair_views(x, content, items, chars)
    scores = score_pairs(pairs, items, params, views)
    return cluster(len(items), scores, params.threshold, items, params.topic_guard)


PAIR_C = 10.0  # inverse regularisation of the pair scorer (fixed a priori)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.15, 0.81, 0.05))
INNER_FOLDS = 3
# Candidates of the inner selection (issue #18), as (features used, products of every two
# features, topic guard): the first nine features or all of them, each with and without the
# topic guard; chosen by inner cross-validation on training data.
# ``DOITHOAI_SYNTHESIS_ABLATE`` (comma-separated, read at import) switches parts off for the
# benchmark's ablation: ``pairfeatures`` (the first nine features only), ``topicguard`` (never
# the topic guard). ``DOITHOAI_SYNTHESIS_INNER=units`` makes the inner folds hold out whole
# units instead of whole duplicate groups: tried first in issue #18 and worse on the
# region-held-out folds (pair F1 0.817 against 0.847, bench/README-synthesis.md), so off.
# ``DOITHOAI_SYNTHESIS_QUADRATIC=1`` adds the candidates "all features and their products"
# (a logistic scorer that can learn e.g. "similar words but another topic"): pre-registered
# in issue #18 and slightly worse on the region-held-out folds (0.844 against 0.847), so off.
ABLATED = frozenset(os.environ.get("DOITHOAI_SYNTHESIS_ABLATE", "").split(","))
INNER_BY_UNIT = os.environ.get("DOITHOAI_SYNTHESIS_INNER") == "units"
WITH_PRODUCTS = os.environ.get("DOITHOAI_SYNTHESIS_QUADRATIC") == "1"
SCORERS = [(BASE_FEATURES, False)]
if "pairfeatures" not in ABLATED:
    SCORERS.append((N_FEATURES, False))
    if WITH_PRODUCTS:
        SCORERS.append((N_FEATURES, True))
CANDIDATES = tuple(
    (n, quadratic, guard)
    for n, quadratic in SCORERS
    for guard in ((False,) if "topicguard" in ABLATED else (False, True))
)


@dataclass
class InnerResult:
    """Inner cross-validation figures of one candidate (features used, products of every two
    features, topic guard)."""

    n_features: int
    quadratic: bool
    topic_guard: bool
    threshold: float
    precision: float
    recall: float
    f1: float


def fit_pair_params(
    x: sparse.csr_matrix,
    content: sparse.csr_matrix,
    items: Sequence[Item],
    gold: Sequence[Hashable | None],
    chars: sparse.csr_matrix | None = None,
    report: list[InnerResult] | None = None,
) -> PairParams:
    """Learn pair weights on labelled petitions. The scorer (the first nine features or all,
    with or without their products), the topic guard and the link threshold are the candidate
    with the best pairwise F1 on held-out petitions of an inner cross-validation (whole
    duplicate groups held out, see :func:`_inner_folds`); ``report`` receives every
    candidate's inner figures."""
    pairs, views = pair_views(x, content, items, chars)
    keys, table = pair_table(pairs, items, views)
    ys = np.asarray([int(gold[i] is not None and gold[i] == gold[j]) for i, j in keys])
    results = _inner_selection(keys, table, ys, items, gold)
    if report is not None:
        report.extend(results)
    best = max(results, key=lambda r: r.f1) if results else None
    n_used = best.n_features if best else BASE_FEATURES
    quadratic = best.quadratic if best else False
    lr = _fit_scorer(_design(table, n_used, quadratic), ys)
    coef = [float(w) for w in lr.coef_[0]]
    return PairParams(
        coef[:n_used] + [0.0] * (N_FEATURES - n_used),
        float(lr.intercept_[0]),
        best.threshold if best else 0.5,
        best.topic_guard if best else False,
        coef[n_used:],
    )


def _design(table: np.ndarray, n_used: int, quadratic: bool) -> np.ndarray:
    """The scorer's input: the first ``n_used`` features, then (quadratic scorers, which use
    all of them) their products."""
    part = table[:, :n_used]
    return np.hstack([part, quadratic_terms(part)]) if quadratic else part


def _fit_scorer(table: np.ndarray, ys: np.ndarray) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=PAIR_C, max_iter=2000).fit(table, ys)


def _inner_folds(items: Sequence[Item], gold: Sequence[Hashable | None]) -> np.ndarray | None:
    """Inner fold of each petition: whole duplicate groups (with ``INNER_BY_UNIT``, whole units
    when there are enough of them); None when there are fewer than ``INNER_FOLDS`` keys."""
    from sklearn.model_selection import GroupKFold

    n = len(items)
    units = [it.unit for it in items]
    groups = [f"g:{g}" if g is not None else f"solo:{i}" for i, g in enumerate(gold)]
    for keys in (units, groups) if INNER_BY_UNIT else (groups,):
        if len(set(keys)) >= INNER_FOLDS:
            fold = np.empty(n, dtype=np.int64)
            for k, (_, held) in enumerate(GroupKFold(INNER_FOLDS).split(np.zeros(n), groups=keys)):
                fold[held] = k
            return fold
    return None


def _inner_selection(
    keys: list[tuple[int, int]],
    table: np.ndarray,
    ys: np.ndarray,
    items: Sequence[Item],
    gold: Sequence[Hashable | None],
) -> list[InnerResult]:
    """Every candidate's best threshold and pairwise P / R / F1 with out-of-fold pair scores:
    each pair is scored by a scorer fitted on pairs with no end in its inner fold, then the
    whole batch is clustered, so the near-misses of every group stay in play. Empty when the
    data cannot be split."""
    n = len(items)
    fold = _inner_folds(items, gold)
    if fold is None or not len(keys):
        return []
    left = fold[[i for i, _ in keys]]
    right = fold[[j for _, j in keys]]
    out = []
    for n_used, quadratic in sorted({(n, q) for n, q, _ in CANDIDATES}):
        design = _design(table, n_used, quadratic)
        proba = np.zeros(len(keys))
        for k in range(INNER_FOLDS):
            train, test = (left != k) & (right != k), (left == k) | (right == k)
            if len(set(ys[train].tolist())) < 2:
                return []
            if test.any():
                lr = _fit_scorer(design[train], ys[train])
                proba[test] = lr.predict_proba(design[test])[:, 1]
        scores = dict(zip(keys, proba.tolist(), strict=True))
        for guard in (g for m, q, g in CANDIDATES if (m, q) == (n_used, quadratic)):
            figures = [
                pairwise_scores(cluster(n, scores, t, items, guard), gold) for t in THRESHOLDS
            ]
            best = int(np.argmax([f[2] for f in figures]))
            out.append(
                InnerResult(n_used, quadratic, guard, float(THRESHOLDS[best]), *figures[best])
            )
    return out


def _inner_threshold(
    keys: list[tuple[int, int]],
    table: np.ndarray,
    ys: np.ndarray,
    items: Sequence[Item],
    gold: Sequence[Hashable | None],
) -> float:
    """The inner-CV threshold of the largest linear feature set without the topic guard (0.5
    when the data cannot be split)."""
    results = _inner_selection(keys, table, ys, items, gold)
    most = max((r.n_features for r in results), default=0)
    chosen = [r for r in results if r.n_features == most and not r.quadratic and not r.topic_guard]
    return chosen[0].threshold if chosen else 0.5


def pairwise_scores(
    labels: Sequence[Hashable], gold: Sequence[Hashable | None]
) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of predicted clusters against gold groups (None = alone)."""

    def pair_set(keys: Sequence[Hashable | None]) -> set[tuple[int, int]]:
        by: dict[Hashable, list[int]] = defaultdict(list)
        for i, key in enumerate(keys):
            if key is not None:
                by[key].append(i)
        return {(a, b) for m in by.values() for k, a in enumerate(m) for b in m[k + 1 :]}

    pred, true = pair_set(list(labels)), pair_set(gold)
    tp = len(pred & true)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
