"""Held-out quality of the synthesis engine on the labelled development set.

5-fold GroupKFold: a duplicate group never straddles folds, and the two petitions of every hard
negative pair sit in the same fold so each pair is tested. Per fold the topic model and the pair
scorer (weights and threshold) are fitted on the training folds only; all scores are computed on
the held-out fold. The topic model of every fold also learns from the whole authored corpus
(``petitions-authored.jsonl``, written for training, never scored; ``--no-authored`` leaves it
out, ``--authored-weight`` sets its sample weight). Run:
    .venv/bin/python bench/synthesis_quality.py [--no-place] [--no-authored]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from doithoai.synthesis.engine.grouping import pairwise_scores
from doithoai.synthesis.engine.pipeline import PetitionIn, synthesize
from doithoai.synthesis.engine.training import (
    AUTHORED_WEIGHT,
    DATA_PATH,
    load_authored,
    load_rows,
    train_rows,
)

README = DATA_PATH.parent / "README-hard-negatives.txt"


def hard_negatives() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    return re.findall(r"(p\d{4})–(p\d{4})", text)


def fold_keys(rows: list[dict], negatives: list[tuple[str, str]]) -> list[str]:
    """Union of duplicate groups and hard-negative pairs, so both stay within one fold."""
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            a = parent[a]
        return a

    for r in rows:
        if r["dup_group"]:
            parent[find(r["id"])] = find(r["dup_group"])
    for a, b in negatives:
        parent[find(a)] = find(b)
    return [find(r["id"]) for r in rows]


def bcubed(pred: list[str], gold: list[str]) -> float:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    prec = np.mean(
        [len(by_pred[p] & by_gold[g]) / len(by_pred[p]) for p, g in zip(pred, gold, strict=True)]
    )
    rec = np.mean(
        [len(by_pred[p] & by_gold[g]) / len(by_gold[g]) for p, g in zip(pred, gold, strict=True)]
    )
    return float(2 * prec * rec / (prec + rec))


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += m.mean() * abs(conf[m].mean() - correct[m].mean())
    return float(total)


def main() -> None:
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser()
    ap.add_argument("--no-place", action="store_true", help="hide the gold place field")
    ap.add_argument("--no-authored", action="store_true", help="dev training folds only")
    ap.add_argument("--authored-weight", type=float, default=AUTHORED_WEIGHT)
    args = ap.parse_args()
    use_place = not args.no_place
    rows = load_rows()
    authored = [] if args.no_authored else load_authored()
    negatives = hard_negatives()
    keys = fold_keys(rows, negatives)
    pred_topic, pred_group, conf = {}, {}, {}
    t0 = time.perf_counter()
    for k, (tr, te) in enumerate(GroupKFold(5).split(rows, groups=keys)):
        model = train_rows(
            [rows[i] for i in tr],
            use_place=use_place,
            extra=authored,
            extra_weight=args.authored_weight,
        )
        test = [rows[i] for i in te]
        pets = [
            PetitionIn(r["id"], r["text"], r["unit"], r["place"] if use_place else None)
            for r in test
        ]
        for s in synthesize(pets, model=model, explain=False):
            pred_topic[s.id], pred_group[s.id], conf[s.id] = s.topic, f"{k}:{s.group}", s.confidence
        print(f"fold {k}: pair params {model.pair}", flush=True)
    ids = [r["id"] for r in rows]
    gold_t = [r["topic"] for r in rows]
    pt = [pred_topic[i] for i in ids]
    gold_g = [r["dup_group"] for r in rows]
    pg = [pred_group[i] for i in ids]
    p, r, f = pairwise_scores(pg, gold_g)
    b3 = bcubed(pg, [g or f"solo:{i}" for g, i in zip(gold_g, ids, strict=True)])
    wrong = [(a, b) for a, b in negatives if pred_group[a] == pred_group[b]]
    c = np.asarray([conf[i] for i in ids])
    correct = np.asarray([a == b for a, b in zip(pt, gold_t, strict=True)], dtype=float)
    print(
        f"\nplace field given: {use_place}; {len(rows)} petitions scored, 5 folds; "
        f"{len(authored)} authored petitions added to every training fold "
        f"(weight {args.authored_weight}); {time.perf_counter() - t0:.1f}s"
    )
    print(
        f"topic macro-F1 {f1_score(gold_t, pt, average='macro'):.4f}  accuracy {correct.mean():.4f}"
    )
    labels = sorted(set(gold_t))
    per_topic = f1_score(gold_t, pt, average=None, labels=labels)
    print("topic F1: " + ", ".join(f"{t} {v:.2f}" for t, v in zip(labels, per_topic, strict=True)))
    by_variant: dict[str, list[float]] = defaultdict(list)
    for row, ok in zip(rows, correct, strict=True):
        by_variant[row["variant"]].append(ok)
    print(
        "accuracy by variant: "
        + ", ".join(f"{v} {np.mean(x):.3f} ({len(x)})" for v, x in sorted(by_variant.items()))
    )
    print(f"confidence: mean {c.mean():.3f}, ECE {ece(c, correct):.3f}")
    print(f"grouping pairwise P {p:.4f} R {r:.4f} F1 {f:.4f}  B-cubed F1 {b3:.4f}")
    print(f"hard-negative pairs wrongly grouped: {len(wrong)} / {len(negatives)} {wrong}")


if __name__ == "__main__":
    main()
