"""Training from the shipped development set, and retraining with officers' confirmed labels."""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .classifier import Model, train
from .features import build_vocabulary, tfidf
from .grouping import Item, PairParams, fit_pair_params
from .normalize import fold, tokens
from .places import content_tokens, extract, with_given

PACKAGE = Path(__file__).resolve().parent
DATA_PATH = PACKAGE / "data" / "petitions-dev.jsonl"
MODEL_PATH = PACKAGE / "model" / "topic-model.npz"


def load_rows(path: Path = DATA_PATH) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def grouping_items(rows: Sequence[dict[str, Any]], topics: Sequence[str]) -> list[Item]:
    items = []
    for row, topic in zip(rows, topics, strict=True):
        place = row.get("place")
        places = with_given(extract(row["text"]), place)
        unit = fold(row.get("unit") or "")
        given = fold(place) if place else None
        items.append(Item(unit=unit, topic=topic, places=places, given_place=given))
    return items


def fit_pairs(rows: Sequence[dict[str, Any]], use_place: bool = True) -> PairParams:
    """Pair-scoring parameters learnt from rows carrying ``dup_group`` labels."""
    token_lists = [tokens(r["text"]) for r in rows]
    vocab, idf = build_vocabulary(token_lists)
    x = tfidf(token_lists, vocab, idf)
    src = rows if use_place else [{**r, "place": None} for r in rows]
    items = grouping_items(src, [r["topic"] for r in rows])
    gold: list[Hashable | None] = [r.get("dup_group") for r in rows]
    content = [
        content_tokens(t, it.unit, it.places) for t, it in zip(token_lists, items, strict=True)
    ]
    c_vocab, c_idf = build_vocabulary(content)
    return fit_pair_params(x, tfidf(content, c_vocab, c_idf), items, gold)


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
