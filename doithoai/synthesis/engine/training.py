"""Training from the shipped data, and retraining with officers' confirmed labels.

Shipped data: the labelled development set (``petitions-dev.jsonl``, with duplicate groups) and
an authored supplementary corpus (``petitions-authored.jsonl``: petitions written for training,
other provinces and regional styles, no duplicate groups; see ``data/README-authored.md``). The
topic model learns from both; the pair scorer only from the development set's groups.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .charvec import batch_char_tfidf
from .classifier import Model, train
from .concern import concern, content_strings
from .grouping import InnerResult, Item, PairParams, fit_pair_params
from .normalize import fold, tokens
from .places import content_mask, extract, with_given
from .vectorize import batch_tfidf, encode

PACKAGE = Path(__file__).resolve().parent
DATA_PATH = PACKAGE / "data" / "petitions-dev.jsonl"
AUTHORED_PATH = PACKAGE / "data" / "petitions-authored.jsonl"
# Second authored corpus (issue #18): petitions of the South, the Centre and the North outside
# Bắc Kạn, with a region, paraphrase groups and near-miss pairs (data/README-authored-regions.md).
REGIONS_PATH = PACKAGE / "data" / "petitions-authored-regions.jsonl"
MODEL_PATH = PACKAGE / "model" / "topic-model.npz"
# Sample weight of an authored petition in the topic model (development petitions and
# officer-confirmed labels weigh 1); see bench/README-synthesis.md, fourth quality pass.
AUTHORED_WEIGHT = 1.0


def load_rows(path: Path = DATA_PATH) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_authored(
    path: Path = AUTHORED_PATH, regions: Path | None = REGIONS_PATH
) -> list[dict[str, Any]]:
    """The authored supplementary corpora: the first (``a…`` ids) then the regional one
    (``r…`` ids); a file that is absent gives nothing."""
    rows = load_rows(path) if path.exists() else []
    if regions is not None and regions.exists():
        rows += load_rows(regions)
    return rows


def shipped_rows() -> list[dict[str, Any]]:
    """Every labelled petition shipped with the package: development set, then authored."""
    return load_rows() + load_authored()


def grouping_items(
    rows: Sequence[dict[str, Any]],
    topics: Sequence[str],
    token_lists: Sequence[Sequence[str]] | None = None,
) -> list[Item]:
    items = []
    if token_lists is None:
        token_lists = [tokens(r["text"]) for r in rows]
    for row, topic, toks in zip(rows, topics, token_lists, strict=True):
        place = row.get("place")
        places = with_given(extract(row["text"]), place)
        unit = fold(row.get("unit") or "")
        given = fold(place) if place else None
        items.append(
            Item(unit=unit, topic=topic, places=places, given_place=given, concern=concern(toks))
        )
    return items


def oof_topics(rows: Sequence[dict[str, Any]], token_lists: Sequence[list[str]]) -> list[str]:
    """Topics predicted out of fold (3 folds, duplicate groups kept whole), so the pair scorer
    learns how far to trust a predicted topic rather than a gold one. Only ``rows`` train
    these models: adding the authored corpus to them was measured slightly worse for grouping
    (bench/README-synthesis.md, fourth quality pass)."""
    from sklearn.model_selection import GroupKFold

    groups = [r.get("dup_group") or r.get("id") or str(i) for i, r in enumerate(rows)]
    labels = [r["topic"] for r in rows]
    if len(set(groups)) < 3 or len(set(labels)) < 2:
        return labels
    out = list(labels)
    for tr, te in GroupKFold(3).split(rows, groups=groups):
        if len({labels[i] for i in tr}) < 2:
            continue
        sub = train([(rows[i]["text"], labels[i]) for i in tr], calibrate=False)
        proba = sub.predict_proba([token_lists[i] for i in te], [rows[i]["text"] for i in te])
        for i, k in zip(te, proba.argmax(axis=1), strict=True):
            out[i] = sub.classes[k]
    return out


def fit_pairs(
    rows: Sequence[dict[str, Any]],
    use_place: bool = True,
    report: list[InnerResult] | None = None,
) -> PairParams:
    """Pair-scoring parameters learnt from rows carrying ``dup_group`` labels (``report``
    receives the inner cross-validation figures of every candidate)."""
    token_lists = [tokens(r["text"]) for r in rows]
    enc = encode(token_lists)
    src = rows if use_place else [{**r, "place": None} for r in rows]
    items = grouping_items(src, oof_topics(rows, token_lists), token_lists)
    gold: list[Hashable | None] = [r.get("dup_group") for r in rows]
    keep = content_mask(enc, [it.unit for it in items], [it.places for it in items])
    content = batch_tfidf(enc, keep)[0]
    chars = batch_char_tfidf(content_strings(enc, keep))
    return fit_pair_params(batch_tfidf(enc)[0], content, items, gold, chars, report)


def train_rows(
    rows: Sequence[dict[str, Any]],
    use_place: bool = True,
    extra: Sequence[dict[str, Any]] = (),
    extra_weight: float | None = None,
    extra_pairs: bool = True,
) -> Model:
    """Topic model on ``rows`` plus ``extra`` (e.g. the authored corpora, weighted
    ``extra_weight``, default ``AUTHORED_WEIGHT``); pair scorer on ``rows`` and on the rows of
    ``extra`` that belong to a paraphrase group (the regional corpus's groups; the first
    authored corpus has none), unless ``extra_pairs`` is false."""
    pair_rows = [*rows, *(r for r in extra if r.get("dup_group"))] if extra_pairs else list(rows)
    pair = fit_pairs(pair_rows, use_place) if any(r.get("dup_group") for r in pair_rows) else None
    w_extra = AUTHORED_WEIGHT if extra_weight is None else extra_weight
    examples = [(r["text"], r["topic"]) for r in [*rows, *extra]]
    weights = [1.0] * len(rows) + [w_extra] * len(extra)
    return train(examples, pair=pair, weights=weights)


def train_shipped() -> Model:
    """The model shipped with the package: topics from the development set and the authored
    corpora, grouping parameters from the development set's and the regional corpus's groups."""
    return train_rows(load_rows(), extra=load_authored())


def retrain(confirmed: Iterable[tuple[str, str]], base: Model | None = None) -> Model:
    """Shipped data (development set and authored corpus) plus officer-confirmed (text, topic)
    pairs; later labels win on equal text, and a confirmed label weighs 1.

    Grouping parameters are kept from ``base`` (default: the shipped model).
    """
    labelled = {r["text"]: (r["topic"], 1.0) for r in load_rows()}
    labelled.update({r["text"]: (r["topic"], AUTHORED_WEIGHT) for r in load_authored()})
    labelled.update({text: (topic, 1.0) for text, topic in confirmed})
    pair = (base or default_model()).pair
    examples = [(text, topic) for text, (topic, _w) in labelled.items()]
    return train(examples, pair=pair, weights=[w for _t, w in labelled.values()])


@lru_cache(maxsize=1)
def default_model() -> Model:
    """The shipped model (trained on first use if the artefact is missing)."""
    if MODEL_PATH.exists():
        return Model.load(MODEL_PATH)
    return train_shipped()


def main() -> None:
    model = train_shipped()
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    model.save(MODEL_PATH)
    print(f"saved {MODEL_PATH} version={model.version} pair={model.pair}")


if __name__ == "__main__":
    main()
