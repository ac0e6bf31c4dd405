"""Held-out quality of the synthesis engine.

Default (``--folds region``, issue #18): whole places are held out, never random petitions.
Four folds; fold k holds out two of the development set's eight wards/communes (Bắc Kạn, the
North) AND one region of the authored corpora (South, Centre, North outside Bắc Kạn, and the
petitions that name no region). Each fold trains the topic model on everything else and the pair
scorer on the training folds' development groups; it scores the held-out wards and the held-out
region. The authored petitions' region is their ``region`` field when they have one
(``petitions-authored-regions.jsonl``), else derived from the place words and place names in the
text (:func:`derive_region`, rules below). Reported: topic macro-F1 overall / development /
authored per region, per-topic F1, a reliability table and ECE of the confidence, grouping
pairwise precision / recall / F1 (development groups, authored regional groups, pooled),
B-cubed and hard negatives. ``DOITHOAI_SYNTHESIS_ABLATE=typing,regional`` switches engine parts
off for the ablation (read at import). Run:
    .venv/bin/python bench/synthesis_quality.py [--folds region|dev] [--no-place] [--no-authored]

``--folds dev`` is the older bench: 5-fold GroupKFold: a duplicate group never straddles
folds, and the two petitions of every hard negative pair sit in the same fold so each pair is
tested. Per fold the topic model and the pair scorer (weights and threshold) are fitted on the
training folds only; all scores are computed on the held-out fold. The topic model of every
fold also learns from the whole authored corpora (written for training, never scored there;
``--dev-authored-only`` keeps only the first, as in the fourth pass; ``--no-authored`` leaves
them out, ``--authored-weight`` sets their sample weight). Run:
    .venv/bin/python bench/synthesis_quality.py --folds dev [--no-place] [--no-authored]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from doithoai.synthesis.engine.grouping import PairParams, pairwise_scores
from doithoai.synthesis.engine.normalize import canonical_tone, fold
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


# Region of an authored petition from its words (NFC, lower case, whole words). Place words
# typical of one region's administration and speech, and province / city names (old and
# post-2025). A text with more cues of one region than of any other belongs to it; none or a
# tie: "none". Texts typed without marks only match the folded multi-word place names.
REGION_CUES: dict[str, tuple[str, ...]] = {
    "nam": (
        "hẻm",
        "khóm",
        "ấp",
        "kênh",
        "rạch",
        "cù lao",
        "cúp điện",
        "cúp nước",
        "heo",
        "ghe",
        "xuồng",
        "phum",
        "sóc",
        "đường dal",
        "triều cường",
        "nhiễm mặn",
        "xâm nhập mặn",
        "nhà lồng",
        "xài",
        "khmer",
        "miệt vườn",
        "sài gòn",
        "hồ chí minh",
        "cần thơ",
        "an giang",
        "cà mau",
        "bạc liêu",
        "sóc trăng",
        "kiên giang",
        "tiền giang",
        "bến tre",
        "vĩnh long",
        "trà vinh",
        "đồng tháp",
        "long an",
        "bình dương",
        "đồng nai",
        "tây ninh",
        "bình phước",
        "vũng tàu",
        "hậu giang",
        "mỹ tho",
        "rạch giá",
        "long xuyên",
        "châu đốc",
    ),
    "trung": (
        "kiệt",
        "buôn",
        "rẫy",
        "huế",
        "đà nẵng",
        "quảng nam",
        "quảng ngãi",
        "quảng trị",
        "quảng bình",
        "hà tĩnh",
        "nghệ an",
        "thanh hóa",
        "bình định",
        "phú yên",
        "khánh hòa",
        "nha trang",
        "gia lai",
        "kon tum",
        "đắk lắk",
        "đắk nông",
        "lâm đồng",
        "ninh thuận",
        "bình thuận",
        "quy nhơn",
        "hội an",
        "tam kỳ",
        "đồng hới",
        "vinh",
        "pleiku",
        "buôn ma thuột",
        "đà lạt",
        "phan thiết",
        "phan rang",
        "tây nguyên",
        "mô rứa",
    ),
    "bac": (
        "ngõ",
        "ngách",
        "tổ dân phố",
        "bản",
        "lợn",
        "hà nội",
        "hải phòng",
        "lào cai",
        "sơn la",
        "điện biên",
        "lai châu",
        "hà giang",
        "cao bằng",
        "lạng sơn",
        "bắc kạn",
        "thái nguyên",
        "tuyên quang",
        "yên bái",
        "phú thọ",
        "hòa bình",
        "quảng ninh",
        "nam định",
        "thái bình",
        "ninh bình",
        "hưng yên",
        "hải dương",
        "bắc ninh",
        "bắc giang",
        "vĩnh phúc",
        "hà nam",
        "hạ long",
        "việt trì",
    ),
}
_CUE_PATTERNS = {
    region: re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?!\w)")
    for region, cues in REGION_CUES.items()
}
_FOLDED_CUE_PATTERNS = {
    region: re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(fold(c)) for c in cues if " " in c) + r")(?!\w)"
    )
    for region, cues in REGION_CUES.items()
}
REGION_FOLD = {"nam": 0, "trung": 1, "bac": 2, "none": 3}


def derive_region(text: str) -> str:
    """'nam' / 'trung' / 'bac' / 'none' from the region cues of ``text``."""
    low = canonical_tone(text).lower()
    marked = any(ord(c) > 127 for c in low)
    pats = _CUE_PATTERNS if marked else _FOLDED_CUE_PATTERNS
    counts = {r: len(p.findall(low)) for r, p in pats.items()}
    best = max(counts.values())
    winners = [r for r, c in counts.items() if c == best]
    return winners[0] if best and len(winners) == 1 else "none"


def region_of(row: dict) -> str:
    return row.get("region") or derive_region(row["text"])


def dev_unit_folds(rows: list[dict]) -> dict[str, int]:
    """The eight wards/communes in sorted order, two per fold (fold = position mod 4)."""
    return {u: k % 4 for k, u in enumerate(sorted({r["unit"] for r in rows}))}


def reliability(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[str]:
    lines = ["| confidence | petitions | mean confidence | accuracy |", "|---|---|---|---|"]
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in itertools.pairwise(edges):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            lines.append(
                f"| {lo:.1f}–{hi:.1f} | {int(m.sum())} | {conf[m].mean():.3f} "
                f"| {correct[m].mean():.3f} |"
            )
    return lines


def pair_summary(pair: PairParams) -> str:
    """The pair scorer's inner-CV choices: feature set, products, topic guard, threshold."""
    used = max((k + 1 for k, w in enumerate(pair.weights) if w), default=0)
    products = " and their products" if pair.quadratic else ""
    guard = "on" if pair.topic_guard else "off"
    return f"{used} features{products}, topic guard {guard}, threshold {pair.threshold}"


def region_main(args: argparse.Namespace) -> None:
    from sklearn.metrics import f1_score

    use_place = not args.no_place
    dev = load_rows()
    authored = [] if args.no_authored else load_authored()
    negatives = hard_negatives()
    units = dev_unit_folds(dev)
    fold_of = {r["id"]: units[r["unit"]] for r in dev}
    region = {r["id"]: region_of(r) for r in authored}
    fold_of.update({r["id"]: REGION_FOLD[region[r["id"]]] for r in authored})
    everything = dev + authored
    pred_topic, pred_group, conf = {}, {}, {}
    t0 = time.perf_counter()
    for path in args.combine or []:  # folds run apart (--fold K --save FILE), scored together
        saved = json.loads(Path(path).read_text(encoding="utf-8"))
        pred_topic.update(saved["topic"])
        pred_group.update(saved["group"])
        conf.update(saved["conf"])
    folds = [] if args.combine else [args.fold] if args.fold is not None else range(4)
    for k in folds:
        train_dev = [r for r in dev if fold_of[r["id"]] != k]
        train_extra = [
            r
            for r in authored
            if fold_of[r["id"]] != k and not (args.no_train_regions and r["id"].startswith("r"))
        ]
        model = train_rows(
            train_dev,
            use_place=use_place,
            extra=train_extra,
            extra_weight=args.authored_weight,
            extra_pairs=not args.no_extra_pairs,
        )
        test = [r for r in everything if fold_of[r["id"]] == k]
        pets = [
            PetitionIn(r["id"], r["text"], r.get("unit"), r.get("place") if use_place else None)
            for r in test
        ]
        for s in synthesize(pets, model=model, explain=False):
            pred_topic[s.id], pred_group[s.id], conf[s.id] = s.topic, f"{k}:{s.group}", s.confidence
        held = sorted({r["unit"] for r in dev if fold_of[r["id"]] == k})
        name = next(n for n, f in REGION_FOLD.items() if f == k)
        print(
            f"fold {k}: held out {', '.join(held)} + authored region '{name}' "
            f"({sum(1 for r in authored if fold_of[r['id']] == k)}); train {len(train_dev)} dev "
            f"+ {len(train_extra)} authored; pair scorer: {pair_summary(model.pair)}",
            flush=True,
        )
    if args.fold is not None:
        mine = {r["id"] for r in everything if fold_of[r["id"]] == args.fold}
        Path(args.save).write_text(
            json.dumps(
                {
                    "topic": {i: pred_topic[i] for i in mine},
                    "group": {i: pred_group[i] for i in mine},
                    "conf": {i: conf[i] for i in mine},
                }
            ),
            encoding="utf-8",
        )
        print(f"fold {args.fold} saved to {args.save}; {time.perf_counter() - t0:.1f}s")
        return
    missing = [r["id"] for r in everything if r["id"] not in pred_topic]
    if missing and not args.partial:
        raise SystemExit(f"{len(missing)} petitions have no prediction (folds missing?)")
    if missing:  # --partial: score the folds that were run (e.g. an ablation of one fold)
        dev = [r for r in dev if r["id"] in pred_topic]
        authored = [r for r in authored if r["id"] in pred_topic]
        everything = dev + authored
        print(f"partial: {len(everything)} petitions of the folds given are scored")
    print(
        f"\nregion-held-out folds; place field given: {use_place}; {len(dev)} dev + "
        f"{len(authored)} authored petitions scored; "
        f"ablated: {os.environ.get('DOITHOAI_SYNTHESIS_ABLATE') or 'nothing'}"
        f"{'; regional corpus not trained on' if args.no_train_regions else ''}"
        f"{'; pair scorer from dev groups only' if args.no_extra_pairs else ''}; "
        f"{time.perf_counter() - t0:.1f}s"
    )
    labels = sorted({r["topic"] for r in everything})

    def topic_line(name: str, rows: list[dict]) -> None:
        if not rows:
            return
        gold = [r["topic"] for r in rows]
        pred = [pred_topic[r["id"]] for r in rows]
        acc = np.mean([a == b for a, b in zip(gold, pred, strict=True)])
        f1 = f1_score(gold, pred, average="macro", labels=sorted(set(gold)))
        print(f"topic {name}: macro-F1 {f1:.4f}  accuracy {acc:.4f}  ({len(rows)})")

    topic_line("ALL held-out", everything)
    topic_line("dev (wards held out)", dev)
    topic_line("authored (regions held out)", authored)
    for name in REGION_FOLD:
        topic_line(f"authored region {name}", [r for r in authored if region[r["id"]] == name])
    gold_t = [r["topic"] for r in everything]
    pt = [pred_topic[r["id"]] for r in everything]
    per_topic = f1_score(gold_t, pt, average=None, labels=labels)
    print(
        "topic F1 (all): "
        + ", ".join(f"{t} {v:.2f}" for t, v in zip(labels, per_topic, strict=True))
    )
    c = np.asarray([conf[r["id"]] for r in everything])
    correct = np.asarray([a == b for a, b in zip(pt, gold_t, strict=True)], dtype=float)
    print(f"confidence: mean {c.mean():.3f}, ECE {ece(c, correct):.3f}; reliability:")
    print("\n".join(reliability(c, correct)))
    by_variant: dict[str, list[float]] = defaultdict(list)
    for row, ok in zip(everything, correct, strict=True):
        by_variant[row.get("variant") or "?"].append(ok)
    print(
        "accuracy by variant: "
        + ", ".join(f"{v} {np.mean(x):.3f} ({len(x)})" for v, x in sorted(by_variant.items()))
    )

    def pair_line(name: str, rows: list[dict]) -> tuple[float, float, float]:
        pg = [pred_group[r["id"]] for r in rows]
        gold_g = [r.get("dup_group") for r in rows]
        p, rr, f = pairwise_scores(pg, gold_g)
        b3 = bcubed(pg, [g or f"solo:{r['id']}" for g, r in zip(gold_g, rows, strict=True)])
        print(f"grouping {name}: pairwise P {p:.4f} R {rr:.4f} F1 {f:.4f}  B-cubed F1 {b3:.4f}")
        return p, rr, f

    grouped = [r for r in authored if r.get("dup_group") or r.get("region")]
    pair_line("dev (wards held out)", dev)
    if grouped:
        pair_line("authored regional (regions held out)", grouped)
        pair_line("pooled", dev + grouped)
    testable = [(a, b) for a, b in negatives if fold_of[a] == fold_of[b] and a in pred_group]
    wrong = [(a, b) for a, b in testable if pred_group[a] == pred_group[b]]
    print(
        f"dev hard-negative pairs wrongly grouped: {len(wrong)} / {len(testable)} in one fold "
        f"({len(negatives) - len(testable)} not testable: ends in different folds) {wrong}"
    )
    neg_auth = [(r["id"], r["hard_negative_of"]) for r in authored if r.get("hard_negative_of")]
    if neg_auth:
        wrong_a = [(a, b) for a, b in neg_auth if pred_group[a] == pred_group[b]]
        print(
            f"authored hard-negative pairs wrongly grouped: {len(wrong_a)} / {len(neg_auth)} "
            f"{wrong_a}"
        )


def main() -> None:
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", choices=["region", "dev"], default="region")
    ap.add_argument("--no-place", action="store_true", help="hide the gold place field")
    ap.add_argument("--no-authored", action="store_true", help="dev training folds only")
    ap.add_argument("--authored-weight", type=float, default=AUTHORED_WEIGHT)
    ap.add_argument(
        "--dev-authored-only",
        action="store_true",
        help="--folds dev: only the first authored corpus (a…), as in the fourth pass",
    )
    ap.add_argument(
        "--no-train-regions",
        action="store_true",
        help="--folds region: score the regional corpus but never train on it",
    )
    ap.add_argument(
        "--no-extra-pairs",
        action="store_true",
        help="pair scorer from the development set's groups only",
    )
    ap.add_argument("--fold", type=int, choices=range(4), help="--folds region: run one fold")
    ap.add_argument("--save", help="with --fold: file for the fold's predictions (JSON)")
    ap.add_argument("--combine", nargs="+", help="score saved folds instead of training")
    ap.add_argument("--partial", action="store_true", help="--combine: not every fold given")
    args = ap.parse_args()
    if args.fold is not None and not args.save:
        ap.error("--fold needs --save")
    if args.folds == "region":
        region_main(args)
        return
    use_place = not args.no_place
    rows = load_rows()
    authored = [] if args.no_authored else load_authored()
    if args.dev_authored_only:
        authored = [r for r in authored if r["id"].startswith("a")]
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
