"""Training from the shipped development set, and retraining with officers' confirmed labels."""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .charvec import batch_char_tfidf
from .classifier import Model, train
from .concern import concern, content_strings
from .grouping import Item, PairParams, fit_pair_params
from .normalize import fold, tokens
from .places import content_mask, extract, with_given
from .vectorize import batch_tfidf, encode

PACKAGE = Path(__file__).resolve().parent
DATA_PATH = PACKAGE / "data" / "petitions-dev.jsonl"
MODEL_PATH = PACKAGE / "model" / "topic-model.npz"


def load_rows(path: Path = DATA_PATH) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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
    learns how far to trust a predicted topic rather than a gold one."""
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


def fit_pairs(rows: Sequence[dict[str, Any]], use_place: bool = True) -> PairParams:
    """Pair-scoring parameters learnt from rows carrying ``dup_group`` labels."""
    token_lists = [tokens(r["text"]) for r in rows]
    enc = encode(token_lists)
    src = rows if use_place else [{**r, "place": None} for r in rows]
    items = grouping_items(src, oof_topics(rows, token_lists), token_lists)
    gold: list[Hashable | None] = [r.get("dup_group") for r in rows]
    keep = content_mask(enc, [it.unit for it in items], [it.places for it in items])
    content = batch_tfidf(enc, keep)[0]
    chars = batch_char_tfidf(content_strings(enc, keep))
    return fit_pair_params(batch_tfidf(enc)[0], content, items, gold, chars)


def train_rows(rows: Sequence[dict[str, Any]], use_place: bool = True) -> Model:
    pair = fit_pairs(rows, use_place) if any(r.get("dup_group") for r in rows) else None
    return train([(r["text"], r["topic"]) for r in rows], pair=pair)


def train_shipped() -> Model:
    """The model shipped with the package: trained on the development set."""
    return train_rows(load_rows())


def retrain(confirmed: Iterable[tuple[str, str]], base: Model | None = None) -> Model:
    """Shipped data plus officer-confirmed (text, topic) pairs; later labels win on equal text.

    Grouping parameters are kept from ``base`` (default: the shipped model).
    """
    labelled = {r["text"]: r["topic"] for r in load_rows()}
    labelled.update({text: topic for text, topic in confirmed})
    pair = (base or default_model()).pair
    return train(list(labelled.items()), pair=pair)


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
