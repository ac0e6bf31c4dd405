"""The authored training corpus: valid, distinct from the development set, used in training."""

import re
import unicodedata
from collections import Counter

import numpy as np
import pytest

from doithoai.synthesis.engine import training
from doithoai.synthesis.engine.classifier import train
from doithoai.synthesis.engine.lexicon import TOPICS
from doithoai.synthesis.engine.normalize import canonical_tone, fold

FIELDS = {"id", "text", "topic", "dup_group", "unit", "place", "channel", "submitter_type"}
VARIANTS = {"nfc", "no_diacritics", "nfd", "old_tone", "mixed", "telex", "vni"}
REGIONS = {"nam", "trung", "bac"}


@pytest.fixture(scope="module")
def authored() -> list[dict]:
    return training.load_authored()


def _key(text: str) -> str:
    return fold(canonical_tone(unicodedata.normalize("NFC", text)))


def test_authored_corpus_is_valid(authored):
    assert training.AUTHORED_PATH.exists()
    assert len(authored) >= 14 * 40
    assert all(set(r) >= FIELDS for r in authored)
    ids = [r["id"] for r in authored]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[ar]\d{4}", i) for i in ids)
    counts = Counter(r["topic"] for r in authored)
    assert set(counts) == set(TOPICS)  # every topic known, every topic present
    assert min(counts.values()) >= 40
    assert all(r["dup_group"] is None for r in authored if r["id"].startswith("a"))


def test_regional_corpus_is_valid(authored):
    """The second corpus: every petition has a region and a unit; groups share topic, unit and
    place; a near-miss pair names the same place with a different concern."""
    regional = [r for r in authored if r["id"].startswith("r")]
    assert len(regional) >= 120
    assert {r["region"] for r in regional} == REGIONS
    assert all(r["unit"] and r["province"] for r in regional)
    by_id = {r["id"]: r for r in regional}
    groups: dict = {}
    for r in regional:
        if r["dup_group"]:
            groups.setdefault(r["dup_group"], []).append(r)
        if r["hard_negative_of"]:
            other = by_id[r["hard_negative_of"]]
            assert (other["unit"], other["place"]) == (r["unit"], r["place"])
            assert other["dup_group"] != r["dup_group"]
    assert len(groups) >= 15
    for members in groups.values():
        assert len(members) >= 2
        assert len({(m["topic"], m["unit"], m["place"]) for m in members}) == 1
    counts = Counter(r["topic"] for r in regional)
    assert set(counts) == set(TOPICS) and min(counts.values()) >= 5
    assert {r["variant"] for r in authored} <= VARIANTS
    assert all(r["text"].strip() for r in authored)


def test_authored_texts_are_new(authored):
    dev = {_key(r["text"]) for r in training.load_rows()}
    keys = [_key(r["text"]) for r in authored]
    assert not dev & set(keys)
    assert len(set(keys)) == len(keys)


def test_shipped_rows_are_dev_then_authored(authored):
    dev = training.load_rows()
    rows = training.shipped_rows()
    assert len(rows) == len(dev) + len(authored)
    assert [r["id"] for r in rows] == [r["id"] for r in dev] + [r["id"] for r in authored]


def _capture(monkeypatch) -> dict:
    seen: dict = {}

    def fake_train(examples, calibrate=True, pair=None, weights=None):
        seen.update(examples=list(examples), weights=list(weights or []), pair=pair)
        return "model"

    monkeypatch.setattr(training, "train", fake_train)
    return seen


def test_shipped_training_uses_dev_and_authored(monkeypatch, authored):
    dev = training.load_rows()
    seen = _capture(monkeypatch)
    pairs_from: list = []
    monkeypatch.setattr(training, "fit_pairs", lambda rows, *args: pairs_from.append((rows, *args)))
    assert training.train_shipped() == "model"
    assert len(seen["examples"]) == len(dev) + len(authored)
    assert seen["examples"][-1] == (authored[-1]["text"], authored[-1]["topic"])
    assert seen["weights"] == [1.0] * len(dev) + [training.AUTHORED_WEIGHT] * len(authored)
    # The pair scorer (and its out-of-fold topics) learns from the development set's groups
    # and the regional corpus's paraphrase groups.
    assert len(pairs_from) == 1
    grouped = [r["id"] for r in authored if r["dup_group"]]
    assert grouped and all(i.startswith("r") for i in grouped)
    assert [r["id"] for r in pairs_from[0][0]] == [r["id"] for r in dev] + grouped


def test_retrain_keeps_shipped_data_and_confirmed_labels_win(monkeypatch, authored):
    seen = _capture(monkeypatch)
    text = authored[0]["text"]
    other = next(t for t in TOPICS if t != authored[0]["topic"])
    training.retrain([(text, other), ("Một kiến nghị mới của cán bộ xác nhận.", "khac")])
    examples = dict(seen["examples"])
    assert examples[text] == other
    assert examples["Một kiến nghị mới của cán bộ xác nhận."] == "khac"
    assert authored[-1]["text"] in examples
    assert training.load_rows()[0]["text"] in examples
    weights = dict(zip([t for t, _ in seen["examples"]], seen["weights"], strict=True))
    assert weights[text] == 1.0  # an officer's label weighs 1
    assert weights[authored[-1]["text"]] == training.AUTHORED_WEIGHT


def test_sample_weights_reach_the_models():
    examples = [
        ("Đường hẻm 5 có nhiều ổ gà, đề nghị sửa đường.", "giao_thong"),
        ("Cầu khỉ qua kênh mục nát, xin làm cầu mới.", "giao_thong"),
        ("Rác không được thu gom, bốc mùi hôi.", "moi_truong"),
        ("Xưởng gỗ xả khói bụi vào nhà dân.", "moi_truong"),
        ("Nước máy đục, có mùi clo.", "dien_nuoc"),
        ("Cúp điện liên tục không báo trước.", "dien_nuoc"),
    ]
    plain = train(examples, calibrate=False)
    ones = train(examples, calibrate=False, weights=[1.0] * len(examples))
    assert np.allclose(plain.coef, ones.coef) and plain.version == ones.version
    half = train(examples, calibrate=False, weights=[1, 1, 1, 1, 0.2, 0.2])
    assert not np.allclose(plain.coef, half.coef)
    assert half.version != plain.version
    with pytest.raises(ValueError):
        train(examples, weights=[1.0])
