"""The faster code paths give the same results as the plain ones they replace."""

import multiprocessing
import re
import sys

import numpy as np
import pytest

from doithoai.synthesis.engine import charvec, lexicon, pipeline, vectorize
from doithoai.synthesis.engine.charvec import batch_char_tfidf
from doithoai.synthesis.engine.grouping import FLOOR, NEIGHBOURS, Item, candidate_pairs
from doithoai.synthesis.engine.normalize import fold_keep_case, tokens
from doithoai.synthesis.engine.places import Places
from doithoai.synthesis.engine.titles import has_marks
from doithoai.synthesis.engine.training import default_model, load_rows


@pytest.fixture(scope="module")
def rows():
    return load_rows()


@pytest.fixture(scope="module")
def token_lists(rows):
    return [tokens(r["text"]) for r in rows] + [[]]


def _same(a, b):
    return (
        a.shape == b.shape
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and np.array_equal(a.data, b.data)
    )


def test_lexicon_trie_matches_longest_first_alternation(token_lists):
    phrases = sorted(map(re.escape, lexicon._INDEX), key=len, reverse=True)
    flat = re.compile(r"(?<!\w)(" + "|".join(phrases) + r")(?!\w)")
    for toks in token_lists:
        joined = " ".join(toks)
        assert lexicon._PATTERN.findall(joined) == flat.findall(joined)


def test_sliced_word_tfidf_equals_one_slice(monkeypatch, token_lists):
    enc = vectorize.encode(token_lists)
    keep = np.random.default_rng(0).random(len(enc.ids)) < 0.6
    model = default_model()
    whole = [vectorize.batch_tfidf(enc), vectorize.batch_tfidf(enc, keep)]
    whole_model = vectorize.model_tfidf(enc, model.vocab, model.idf)
    monkeypatch.setattr(vectorize, "DOC_SLICE", 37)
    for (x, idf, keys), (y, idf2, keys2) in zip(
        whole, [vectorize.batch_tfidf(enc), vectorize.batch_tfidf(enc, keep)], strict=True
    ):
        assert _same(x, y)
        assert np.array_equal(idf, idf2) and np.array_equal(keys, keys2)
    assert _same(whole_model, vectorize.model_tfidf(enc, model.vocab, model.idf))


def test_sliced_char_tfidf_equals_batch(monkeypatch, token_lists):
    docs = [" ".join(t) for t in token_lists]
    monkeypatch.setattr(pipeline, "CHAR_SLICE", 50)
    assert _same(pipeline._batch_char_tfidf(docs), batch_char_tfidf(docs))


def _reference_pairs(x, blocks):
    pairs = {}
    for block in blocks:
        idx = np.asarray(block)
        sims = (x[idx] @ x[idx].T).toarray()
        np.fill_diagonal(sims, 0.0)
        k = min(NEIGHBOURS, len(block) - 1)
        for r, cols in enumerate(np.argpartition(-sims, k - 1, axis=1)[:, :k]):
            for c in cols:
                if sims[r, c] >= FLOOR:
                    i, j = int(idx[r]), int(idx[c])
                    pairs[(min(i, j), max(i, j))] = float(sims[r, c])
    return pairs


def test_candidate_pairs_match_the_loop(rows, token_lists):
    x = vectorize.batch_tfidf(vectorize.encode(token_lists[:-1]))[0]
    empty = Places(frozenset(), frozenset())
    items = [Item(unit=str(r.get("unit")), topic="t", places=empty) for r in rows]
    by_unit: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        by_unit.setdefault(item.unit, []).append(i)
    expected = _reference_pairs(x, [b for b in by_unit.values() if len(b) > 1])
    got = candidate_pairs(x, items)
    assert list(got.items()) == list(expected.items())


def test_has_marks_counts_like_zip():
    for text in ["Đường hẻm 45", "duong hem", "Thuỷ", "ĐƯỜNG", "ạ" * 3 + "a" * 100, ""]:
        plain = fold_keep_case(text)
        diff = sum(a != b for a, b in zip(text, plain, strict=False))
        assert has_marks(text) == (diff > 0.04 * max(1, len(text)))


def _force_fork(monkeypatch):
    """Fork even for a small batch and with the test runner's helper threads alive."""
    if sys.platform != "linux":
        pytest.skip("the worker process needs fork")
    monkeypatch.setattr(pipeline, "_worth_forking", lambda n: True)


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_forked_run_equals_single_process(monkeypatch, rows):
    pets = [
        pipeline.PetitionIn(r["id"], r["text"], r.get("unit"), r.get("place") or None) for r in rows
    ]
    model = default_model()
    single = pipeline.synthesize(pets, model=model)
    _force_fork(monkeypatch)
    assert pipeline.synthesize(pets, model=model) == single


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_error_in_parent_ends_the_worker(monkeypatch, rows):
    pets = [pipeline.PetitionIn(r["id"], r["text"], r.get("unit")) for r in rows]
    _force_fork(monkeypatch)

    def broken(*args, **kwargs):
        raise ValueError("broken")

    monkeypatch.setattr(pipeline, "content_mask", broken)
    with pytest.raises(ValueError):
        pipeline.synthesize(pets, model=default_model())
    assert multiprocessing.active_children() == []


def test_one_byte_list_table_matches_the_mapping(rows):
    mapping = str.maketrans({ch: chr(0x80 + k) for k, ch in enumerate(charvec._MARKED)})
    texts = [r["text"].lower() for r in rows] + ["chợ đêm ỹ ° × 𝔸 \u2028 ᾀ", "ĐIỆN ﬁ"]
    assert all(charvec.one_byte(t) == t.translate(mapping) for t in texts)
    assert charvec.one_byte("chợ") != "cho" and len(charvec.one_byte("chợ")) == 3
