import numpy as np

from doithoai.synthesis.engine.charvec import (
    batch_char_tfidf,
    fit_vocabulary,
    model_char_tfidf,
)
from doithoai.synthesis.engine.classifier import Model, train
from doithoai.synthesis.engine.concern import concern, content_strings, relate
from doithoai.synthesis.engine.grouping import N_FEATURES, PairParams
from doithoai.synthesis.engine.normalize import tokens
from doithoai.synthesis.engine.places import content_mask, content_tokens, extract
from doithoai.synthesis.engine.vectorize import encode


def test_char_tfidf_paraphrase_closer_than_other_concern():
    docs = [
        "cong thoat nuoc hem 5 bi tac gay ngap",
        "cong thoat nuoc o hem 5 tac nghen ngap ung",
        "de nghi cap giay chung nhan quyen su dung dat",
    ]
    x = batch_char_tfidf(docs)
    sims = (x @ x.T).toarray()
    assert np.allclose(np.diag(sims), 1.0, atol=1e-5)
    assert sims[0, 1] > 0.5 > sims[0, 2]


def test_char_windows_stay_inside_documents():
    # "ab" + "cd" would share the cross-boundary gram "b c" if windows leaked across documents.
    x = batch_char_tfidf(["ab", "cd"])
    assert (x @ x.T).toarray()[0, 1] == 0.0


def test_model_char_tfidf_uses_trained_buckets_only():
    kept, idf = fit_vocabulary(["mat dien keo dai", "mat dien nhieu lan"], min_df=2)
    x = model_char_tfidf(["mat dien", "hoc phi"], kept, idf)
    assert x.shape == (2, len(kept))
    assert x[0].nnz > 0 and x[1].nnz == 0


def test_concern_objects_fold_southern_words():
    a = concern(tokens("Hẻm 12 khóm 3 bị ngập, cống thoát nước tắc"))
    b = concern(tokens("Đường vào ngõ 12 ngập do cống tắc"))
    c = concern(tokens("Chợ xã thu phí vệ sinh cao"))
    assert {"duong", "cong"} <= a.objects
    assert relate(a, b) > relate(a, c)
    assert relate(concern([]), concern([])) == 0.0


def test_content_strings_match_content_tokens():
    texts = ["Tổ 7 phường Sông Cầu đề nghị sửa cống", "Ấp Bình An kiến nghị nạo vét kênh"]
    toks = [tokens(t) for t in texts]
    places = [extract(t) for t in texts]
    units = ["phuong song cau", "xa binh an"]
    enc = encode(toks)
    got = content_strings(enc, content_mask(enc, units, places))
    assert got == [
        " ".join(content_tokens(t, u, p)) for t, u, p in zip(toks, units, places, strict=True)
    ]


def test_old_pair_params_are_padded():
    old = {"weights": [6.0, 4.0, 1.0, -0.5, 6.0], "bias": -9.0, "threshold": 0.5}
    params = PairParams.from_dict(old)
    assert len(params.weights) == N_FEATURES
    assert params.weights[5:] == [0.0] * (N_FEATURES - 5)


def test_char_ensemble_round_trip(tmp_path):
    examples = [
        ("mất điện kéo dài nhiều ngày", "dien_nuoc"),
        ("nước sạch yếu, mất nước", "dien_nuoc"),
        ("điện chập chờn cả tuần", "dien_nuoc"),
        ("học phí trường mầm non tăng", "y_te_giao_duc"),
        ("trạm y tế thiếu thuốc", "y_te_giao_duc"),
        ("trường học xuống cấp", "y_te_giao_duc"),
    ]
    model = train(examples, calibrate=False)
    assert model.char is not None
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = Model.load(path)
    assert loaded.char is not None
    texts = ["mất điện", "học phí mầm non"]
    toks = [tokens(t) for t in texts]
    assert np.allclose(
        model.predict_proba(toks, texts), loaded.predict_proba(toks, texts), atol=1e-5
    )
    base_only = Model.load(path)
    base_only.char = None
    assert not np.allclose(base_only.predict_proba(toks, texts), loaded.predict_proba(toks, texts))
    # Texts typed without marks: the word model alone (the character model reads marks).
    plain = [tokens("mat dien"), tokens("hoc phi mam non")]
    assert loaded.skip_unmarked and loaded.marked_lexicon
    assert np.allclose(base_only.predict_proba(plain), loaded.predict_proba(plain), atol=1e-6)


def test_marked_lexicon_counts_marked_words_only():
    from doithoai.synthesis.engine.charvec import marked_docs
    from doithoai.synthesis.engine.features import marked_lexicon_matrix
    from doithoai.synthesis.engine.lexicon import TOPICS

    m = marked_lexicon_matrix(marked_docs(["Chợ dột, MẤT ĐIỆN, ki-ốt", "cho toi hoi, cong viec"]))
    assert m[0, TOPICS.index("kinh_doanh")] == np.float32(np.log1p(2))  # chợ, ki ốt
    assert m[0, TOPICS.index("xay_dung")] > 0 and m[0, TOPICS.index("dien_nuoc")] > 0
    assert not m[1].any()  # folded "cho" (for) and "cong" are not counted


def test_old_artefact_flags_default_off(tmp_path):
    examples = [
        ("mất điện kéo dài", "dien_nuoc"),
        ("điện chập chờn", "dien_nuoc"),
        ("học phí mầm non", "y_te_giao_duc"),
        ("trường học phí cao", "y_te_giao_duc"),
    ]
    model = train(examples, calibrate=False)
    model.marked_lexicon = model.skip_unmarked = False
    model.coef = model.coef[:, : len(model.vocab) + 42]
    path = tmp_path / "old.npz"
    model.save(path)
    loaded = Model.load(path)
    assert not loaded.marked_lexicon and not loaded.skip_unmarked
    texts = ["mất điện", "hoc phi"]
    proba = loaded.predict_proba([tokens(t) for t in texts], texts)
    assert proba.shape == (2, 2)


def test_oof_topics_predicts_every_row_from_known_classes():
    from doithoai.synthesis.engine.training import load_rows, oof_topics

    rows = load_rows()[:90]
    got = oof_topics(rows, [tokens(r["text"]) for r in rows])
    assert len(got) == len(rows)
    assert set(got) <= {r["topic"] for r in rows}
    assert sum(a == r["topic"] for a, r in zip(got, rows, strict=True)) > len(rows) // 3


def test_marked_docs_keep_marks_and_agree_across_encodings():
    import unicodedata

    from doithoai.synthesis.engine.charvec import marked_docs

    market, for_ = marked_docs(["Chợ Đức Xuân", "cho Duc Xuan"])
    assert market != for_
    assert for_ == "cho duc xuan"  # no marks: the folded words themselves
    new, old, nfd = marked_docs(["Hòa bình", "Hoà bình", unicodedata.normalize("NFD", "Hòa bình")])
    assert new == old == nfd
    assert all(ord(ch) < 256 for ch in new)  # one byte per letter


def test_marked_char_model_reads_raw_texts(tmp_path):
    examples = [
        ("chợ xuống cấp, mái dột, tiểu thương khổ", "kinh_doanh"),
        ("ki-ốt trong chợ tăng giá thuê", "kinh_doanh"),
        ("sửa chợ cho bà con buôn bán", "kinh_doanh"),
        ("hộ nghèo chưa được trợ cấp", "an_sinh"),
        ("thuộc diện hộ cận nghèo nhưng không có thẻ", "an_sinh"),
        ("người có công chưa được hưởng chế độ", "an_sinh"),
    ]
    model = train(examples, calibrate=False)
    assert model.char_view == "marked"
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = Model.load(path)
    assert loaded.char_view == "marked"
    texts = ["Chợ dột quá"]
    toks = [tokens(t) for t in texts]
    with_marks = loaded.char_matrix(toks, texts)
    folded = loaded.char_matrix(toks)
    assert with_marks is not None and folded is not None
    assert (with_marks != folded).nnz > 0
    assert np.allclose(model.predict_proba(toks, texts), loaded.predict_proba(toks, texts))


def test_neighbour_ranks_and_mutual_nearest():
    from doithoai.synthesis.engine.neighbours import neighbour_ranks, with_neighbour_ranks

    pairs = {(0, 1): 0.9, (0, 2): 0.5, (1, 2): 0.6, (2, 3): 0.3}
    left, right = neighbour_ranks(pairs)
    # rank of j among i's candidates, and of i among j's (0 = nearest)
    assert left.tolist() == [0, 1, 1, 2]
    assert right.tolist() == [0, 1, 0, 0]
    views = with_neighbour_ranks(pairs, {k: (0.1, 0.2) for k in pairs})
    assert views[(0, 1)] == (0.1, 0.2, 1.0, 1.0)  # each other's nearest
    assert views[(2, 3)] == (0.1, 0.2, 1.0 / 3.0, 0.0)  # 3 is only 2's third candidate
    assert neighbour_ranks({})[0].size == 0


def test_pair_features_carry_neighbour_ranks():
    from doithoai.synthesis.engine.grouping import Item, pair_features
    from doithoai.synthesis.engine.places import Places

    empty = Places(frozenset(), frozenset())
    items = [Item("u", "gpmb", empty), Item("u", "gpmb", empty)]
    f = pair_features(0, 1, 0.5, items, (0.4, 0.3, 0.5, 1.0))
    assert f is not None and len(f) == N_FEATURES
    assert f[7:9] == [0.5, 1.0]


def test_fit_pairs_learns_neighbour_weights_and_inner_cv_threshold():
    from doithoai.synthesis.engine.grouping import THRESHOLDS
    from doithoai.synthesis.engine.training import fit_pairs, load_rows

    rows = load_rows()[:200]
    params = fit_pairs(rows)
    assert len(params.weights) == N_FEATURES
    assert params.threshold in THRESHOLDS
    # being each other's closer candidates is evidence of one concern
    assert params.weights[7] > 0


def test_inner_threshold_falls_back_without_enough_groups():
    from doithoai.synthesis.engine.grouping import Item, _inner_threshold
    from doithoai.synthesis.engine.places import Places

    empty = Places(frozenset(), frozenset())
    items = [Item("u", "t", empty) for _ in range(2)]
    table = np.ones((1, N_FEATURES))
    assert _inner_threshold([(0, 1)], table, np.array([1]), items, ["g", "g"]) == 0.5
