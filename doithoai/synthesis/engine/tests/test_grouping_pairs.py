"""Pair features, topic guard and inner selection of the grouper (issue #18, item 3)."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from doithoai.synthesis.engine.concern import Concern
from doithoai.synthesis.engine.grouping import (
    BASE_FEATURES,
    CANDIDATES,
    FEATURE_NAMES,
    N_FEATURES,
    InnerResult,
    Item,
    PairParams,
    cluster,
    pair_features,
    pair_logits,
    quadratic_terms,
    with_lengths,
)
from doithoai.synthesis.engine.places import Places


def _places(areas: tuple[str, ...] = (), roads: tuple[str, ...] = ()) -> Places:
    return Places(frozenset(areas), frozenset(roads))


def _feature(f: list[float] | None, name: str) -> float:
    assert f is not None
    return f[FEATURE_NAMES.index(name)]


def test_feature_names_match_the_vector():
    items = [Item("u", "do_thi", _places()), Item("u", "do_thi", _places())]
    f = pair_features(0, 1, 0.5, items, (0.4, 0.3, 0.5, 1.0, 0.8))
    assert f is not None and len(f) == N_FEATURES == len(FEATURE_NAMES)
    assert _feature(f, "length_ratio") == 0.8
    assert BASE_FEATURES < N_FEATURES


def test_place_agreement_levels():
    road = _places(("to:7",), ("duong:tran hung dao",))
    area_only = _places(("to:7",))
    items = [
        Item("u", "giao_thong", road, given_place="to 7"),
        Item("u", "giao_thong", road, given_place="to 7"),
        Item("u", "giao_thong", area_only),
        Item("u", "giao_thong", _places()),
    ]
    same_road = pair_features(0, 1, 0.5, items)
    area = pair_features(0, 2, 0.5, items)
    none = pair_features(0, 3, 0.5, items)
    assert _feature(same_road, "shared_road") == 1.0
    assert _feature(same_road, "same_given_place") == 1.0
    assert _feature(area, "shared_road") == 0.0
    assert _feature(area, "shared_place") == 1.0
    assert _feature(area, "same_given_place") == 0.0
    assert _feature(none, "place_missing") == 1.0
    assert _feature(same_road, "place_missing") == 0.0


def test_disjoint_objects_and_other_topic_similarity():
    a = Item("u", "do_thi", _places(), concern=Concern(frozenset({"via_he"})))
    b = Item("u", "giao_thong", _places(), concern=Concern(frozenset({"xe"})))
    c = Item("u", "do_thi", _places(), concern=Concern(frozenset({"via_he", "xe"})))
    ab = pair_features(0, 1, 0.5, [a, b], (0.6,))
    ac = pair_features(0, 1, 0.5, [a, c], (0.6,))
    assert _feature(ab, "objects_disjoint") == 1.0
    assert _feature(ab, "content_cosine_other_topic") == 0.6
    assert _feature(ac, "objects_disjoint") == 0.0
    assert _feature(ac, "content_cosine_other_topic") == 0.0


def test_length_ratio_from_content_terms():
    content = sparse.csr_matrix(np.array([[1, 1, 1, 1], [1, 1, 0, 0], [0, 0, 0, 0]], dtype=float))
    views = with_lengths({(0, 1): 0.5, (1, 2): 0.2}, {(0, 1): (0.1,), (1, 2): (0.2,)}, content)
    assert views[(0, 1)] == (0.1, 0.5)
    assert views[(1, 2)] == (0.2, 0.0)


def test_topic_guard_keeps_clusters_of_different_topics_apart():
    items = [Item("u", "do_thi", _places()), Item("u", "giao_thong", _places())]
    scores = {(0, 1): 0.9}
    assert cluster(2, scores, 0.5, items) == [0, 0]
    assert cluster(2, scores, 0.5, items, topic_guard=True) == [0, 1]
    # same topic: the guard does not stop the merge
    same = [Item("u", "do_thi", _places()), Item("u", "do_thi", _places())]
    assert cluster(2, scores, 0.5, same, topic_guard=True) == [0, 0]


def test_topic_guard_uses_the_majority_topic_of_a_cluster():
    items = [
        Item("u", "do_thi", _places()),
        Item("u", "do_thi", _places()),
        Item("u", "giao_thong", _places()),
        Item("u", "do_thi", _places()),
    ]
    scores = {(0, 1): 0.95, (1, 2): 0.9, (0, 2): 0.9, (2, 3): 0.85, (1, 3): 0.8, (0, 3): 0.8}
    labels = cluster(4, scores, 0.5, items, topic_guard=True)
    assert labels[0] == labels[1] == labels[3]
    assert labels[2] != labels[0]


def test_pair_params_round_trip_the_guard():
    params = PairParams(threshold=0.35, topic_guard=True)
    back = PairParams.from_dict(params.to_dict())
    assert back.topic_guard is True and back.threshold == 0.35
    assert PairParams.from_dict({"weights": [1.0]}).topic_guard is False


def test_fit_pairs_reports_every_candidate_of_the_inner_selection(monkeypatch):
    from doithoai.synthesis.engine import grouping
    from doithoai.synthesis.engine.training import fit_pairs, load_rows

    # the candidates with products are off by default (DOITHOAI_SYNTHESIS_QUADRATIC=1)
    with_products = (*CANDIDATES, (N_FEATURES, True, False), (N_FEATURES, True, True))
    monkeypatch.setattr(grouping, "CANDIDATES", with_products)
    rows = load_rows()[:200]
    report: list[InnerResult] = []
    params = fit_pairs(rows, report=report)
    assert {(r.n_features, r.quadratic, r.topic_guard) for r in report} == set(with_products)
    best = max(report, key=lambda r: r.f1)
    assert params.threshold == best.threshold
    assert params.topic_guard == best.topic_guard
    unused = params.weights[best.n_features :]
    assert unused == [0.0] * (N_FEATURES - best.n_features)
    products = N_FEATURES * (N_FEATURES + 1) // 2
    assert len(params.quadratic) == (products if best.quadratic else 0)
    assert all(0.0 <= r.precision <= 1.0 and 0.0 <= r.recall <= 1.0 for r in report)


def test_quadratic_scorer_sums_the_products_it_was_fitted_on():
    rng = np.random.default_rng(0)
    table = rng.random((5, N_FEATURES))
    products = quadratic_terms(table)
    assert products.shape == (5, N_FEATURES * (N_FEATURES + 1) // 2)
    q = rng.normal(size=products.shape[1])
    params = PairParams(weights=[0.5] * N_FEATURES, bias=-1.0, quadratic=q.tolist())
    expected = -1.0 + table.sum(axis=1) * 0.5 + products @ q
    assert np.allclose(pair_logits(table, params), expected)
    linear = PairParams(weights=[0.5] * N_FEATURES, bias=-1.0)
    assert np.allclose(pair_logits(table, linear), -1.0 + table.sum(axis=1) * 0.5)


def test_pair_params_round_trip_the_products():
    params = PairParams(quadratic=[0.25, -1.5])
    assert PairParams.from_dict(params.to_dict()).quadratic == [0.25, -1.5]
    assert PairParams.from_dict({"weights": [1.0]}).quadratic == []
