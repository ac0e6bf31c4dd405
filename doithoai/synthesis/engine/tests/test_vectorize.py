import itertools
import math
from collections import Counter

import numpy as np
import pytest

from doithoai.synthesis.engine.classifier import Model
from doithoai.synthesis.engine.features import build_vocabulary, tfidf
from doithoai.synthesis.engine.normalize import fold, fold_keep_case, tokens
from doithoai.synthesis.engine.places import content_mask, content_tokens, extract
from doithoai.synthesis.engine.training import default_model
from doithoai.synthesis.engine.vectorize import batch_tfidf, encode

DOCS = [
    "Đường hẻm 45 khóm 3 bị ngập nước, đề nghị nạo vét cống thoát nước hẻm 45.",
    "Cống thoát nước hẻm 45 khóm 3 tắc, mưa là ngập, kiến nghị phường nạo vét.",
    "Chợ ấp 2 xuống cấp, mái tôn dột, đề nghị sửa chữa chợ.",
    "",
    "ko đc cấp sổ đỏ",
]


def _reference_tfidf(token_lists, vocab, idf):
    """The original per-document Counter implementation."""
    rows = np.zeros((len(token_lists), len(idf)), dtype=np.float64)
    for r, toks in enumerate(token_lists):
        terms = [*toks, *(f"{a} {b}" for a, b in itertools.pairwise(toks))]
        for term, c in Counter(t for t in terms if t in vocab).items():
            rows[r, vocab[term]] = (1 + math.log(c)) * idf[vocab[term]]
        norm = np.linalg.norm(rows[r])
        if norm:
            rows[r] /= norm
    return rows


def test_vectorised_tfidf_matches_reference():
    token_lists = [tokens(t) for t in DOCS]
    vocab, idf = build_vocabulary(token_lists)
    assert list(vocab) == sorted(vocab)
    expected = _reference_tfidf(token_lists, vocab, idf)
    assert np.allclose(tfidf(token_lists, vocab, idf).toarray(), expected, atol=1e-6)
    x, _, _ = batch_tfidf(encode(token_lists))
    assert np.allclose((x @ x.T).toarray(), expected @ expected.T, atol=1e-5)


def test_content_mask_matches_content_tokens():
    token_lists = [tokens(t) for t in DOCS]
    places = [extract(t) for t in DOCS]
    units = ["phuong tan an"] * len(DOCS)
    enc = encode(token_lists)
    keep = content_mask(enc, units, places)
    names = list(enc.index)
    got = [[names[i] for i in enc.ids[(enc.doc == d) & keep]] for d in range(len(DOCS))]
    assert got == [
        content_tokens(t, u, p) for t, u, p in zip(token_lists, units, places, strict=True)
    ]


def test_fold_fast_paths_agree():
    assert fold_keep_case("plain ascii") == "plain ascii"
    assert fold("  Hẻm   45\tKHÓM 3 ") == "hem 45 khom 3"
    text = DOCS[0]
    assert tokens(text, fold_keep_case(text)) == tokens(text)
    assert extract(text, fold_keep_case(text)) == extract(text)


@pytest.fixture(scope="module")
def model() -> Model:
    return default_model()


def test_classify_matrix_top_terms_match_explain(model):
    token_lists = [tokens(t) for t in DOCS[:3]]
    proba, terms = model.classify_matrix(model.inputs(token_lists, DOCS[:3])[0], 4)
    assert proba.shape == (3, len(model.classes))
    for text, got in zip(DOCS[:3], terms, strict=True):
        assert got == model.explain(text, k=4)[: len(got)]
        assert len(got) <= 4


def test_central_members_matches_per_group():
    from doithoai.synthesis.engine.titles import central_member, central_members

    texts = [DOCS[0], DOCS[1], fold(DOCS[0]), DOCS[2], DOCS[4]]
    x, _, _ = batch_tfidf(encode([tokens(t) for t in texts]))
    labels = [0, 0, 0, 3, 4]
    heads = central_members(x, labels, texts, [fold_keep_case(t) for t in texts])
    assert heads == {0: central_member(x, [0, 1, 2], texts)}
