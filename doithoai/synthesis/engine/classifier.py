"""Topic classifier: multinomial logistic regression on TF-IDF + lexicon features.

Inference needs only numpy/scipy; scikit-learn is imported lazily when training. Confidence is
calibrated by a temperature fitted on out-of-fold predictions of the training data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from .features import build_vocabulary, design_matrix
from .grouping import PairParams
from .lexicon import TOPICS
from .normalize import tokens

C = 10.0
MIN_DF = 1
PARAMS = {"C": C, "min_df": MIN_DF, "features": "word12+lexicon3", "lexicon": 0.3}


@dataclass
class Model:
    classes: list[str]
    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray
    temperature: float = 1.0
    version: str = "untrained"
    pair: PairParams = field(default_factory=PairParams)

    def logits(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        x = design_matrix(token_lists, self.vocab, self.idf)
        return np.asarray(x @ self.coef.T) + self.intercept

    def predict_proba(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        return _softmax(self.logits(token_lists) / self.temperature)

    def classify(
        self, token_lists: Sequence[Sequence[str]], k_terms: int = 0
    ) -> tuple[np.ndarray, list[list[str]]]:
        """Calibrated probabilities and, if ``k_terms``, the terms driving each predicted topic."""
        return self.classify_matrix(design_matrix(token_lists, self.vocab, self.idf), k_terms)

    def classify_matrix(
        self, x: sparse.csr_matrix, k_terms: int = 0
    ) -> tuple[np.ndarray, list[list[str]]]:
        """:meth:`classify` on a design matrix already built by :func:`design_matrix`."""
        proba = _softmax((np.asarray(x @ self.coef.T) + self.intercept) / self.temperature)
        if not k_terms:
            return proba, [[] for _ in range(x.shape[0])]
        names = _feature_names(self)
        counts = np.diff(x.indptr)
        rows = np.repeat(np.arange(x.shape[0]), counts)
        vals = x.data * self.coef[proba.argmax(axis=1)[rows], x.indices]
        order = np.lexsort((-vals, rows))  # by row, strongest first
        rank = np.arange(len(order)) - np.repeat(x.indptr[:-1], counts)
        pick = order[(rank < k_terms) & (vals[order] > 0)]
        out: list[list[str]] = [[] for _ in range(x.shape[0])]
        for r, c in zip(rows[pick].tolist(), x.indices[pick].tolist(), strict=True):
            out[r].append(names[c])
        return proba, out

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """(topic, confidence) for each raw text."""
        proba = self.predict_proba([tokens(t) for t in texts])
        best = proba.argmax(axis=1)
        return [(self.classes[k], float(proba[i, k])) for i, k in enumerate(best)]

    def explain(self, text: str, k: int = 6, topic: str | None = None) -> list[str]:
        """Terms pushing ``text`` towards ``topic`` (default: predicted), strongest first."""
        toks = tokens(text)
        x = design_matrix([toks], self.vocab, self.idf)
        if topic is None:
            logit = np.asarray(x @ self.coef.T).ravel() + self.intercept
            cls = int(logit.argmax())
        else:
            cls = self.classes.index(topic)
        names = _feature_names(self)
        contrib = x.multiply(self.coef[cls]).tocoo()
        order = np.argsort(-contrib.data)
        return [names[contrib.col[i]] for i in order[:k] if contrib.data[i] > 0]

    def save(self, path: str | Path) -> None:
        meta = {
            "classes": self.classes,
            "temperature": self.temperature,
            "version": self.version,
            "pair": self.pair.to_dict(),
        }
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        with open(path, "wb") as fh:
            np.savez_compressed(
                fh,
                meta=np.array(json.dumps(meta)),
                terms=np.array(terms),
                idf=self.idf,
                coef=self.coef.astype(np.float32),
                intercept=self.intercept,
            )

    @classmethod
    def load(cls, path: str | Path) -> Model:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            terms = [str(t) for t in data["terms"]]
            return cls(
                classes=list(meta["classes"]),
                vocab={t: i for i, t in enumerate(terms)},
                idf=data["idf"],
                coef=data["coef"],
                intercept=data["intercept"],
                temperature=float(meta["temperature"]),
                version=str(meta["version"]),
                pair=PairParams.from_dict(meta["pair"]),
            )


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


_NAMES_CACHE: dict[int, list[str]] = {}


def _feature_names(model: Model) -> list[str]:
    key = id(model.vocab)
    if key not in _NAMES_CACHE:
        names = sorted(model.vocab, key=model.vocab.__getitem__)
        for part in ("all", "start", "demand"):
            names.extend(f"lexicon:{t}:{part}" for t in TOPICS)
        _NAMES_CACHE[key] = names
    return _NAMES_CACHE[key]


def model_version(texts: Sequence[str], labels: Sequence[str], extra: str = "") -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps(PARAMS, sort_keys=True).encode())
    digest.update(extra.encode())
    for text, label in sorted(zip(texts, labels, strict=True)):
        digest.update(f"{label}\t{text}\n".encode())
    return "topic-" + digest.hexdigest()[:12]


def _fit(token_lists: Sequence[Sequence[str]], labels: Sequence[str]) -> Model:
    from sklearn.linear_model import LogisticRegression

    vocab, idf = build_vocabulary(token_lists, min_df=MIN_DF)
    x = design_matrix(token_lists, vocab, idf)
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(x, list(labels))
    return Model(
        classes=[str(c) for c in clf.classes_],
        vocab=vocab,
        idf=idf,
        coef=clf.coef_.astype(np.float32),
        intercept=clf.intercept_.astype(np.float32),
    )


def _fit_temperature(token_lists: list[list[str]], labels: list[str]) -> float:
    """Temperature minimising the log-loss of 3-fold out-of-fold predictions."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(labels)
    n_splits = min(3, int(min(np.unique(y, return_counts=True)[1])))
    if n_splits < 2:
        return 1.0
    logits: list[np.ndarray] = []
    gold: list[int] = []
    for tr, te in StratifiedKFold(n_splits, shuffle=True, random_state=0).split(y, y):
        sub = _fit([token_lists[i] for i in tr], list(y[tr]))
        logits.append(sub.logits([token_lists[i] for i in te]))
        gold.extend(sub.classes.index(c) if c in sub.classes else -1 for c in y[te])
    z, g = np.vstack(logits), np.asarray(gold)
    keep = g >= 0
    best, best_loss = 1.0, float("inf")
    for t in np.linspace(0.3, 3.0, 28):
        p = _softmax(z[keep] / t)[np.arange(keep.sum()), g[keep]]
        loss = float(-np.log(np.clip(p, 1e-9, 1)).mean())
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def train(
    examples: Sequence[tuple[str, str]], calibrate: bool = True, pair: PairParams | None = None
) -> Model:
    """Fit a topic model from (text, topic) pairs; the version hashes the data and params."""
    texts = [t for t, _ in examples]
    labels = [lab for _, lab in examples]
    token_lists = [tokens(t) for t in texts]
    model = _fit(token_lists, labels)
    if calibrate:
        model.temperature = _fit_temperature(token_lists, labels)
    model.pair = pair or PairParams()
    model.version = model_version(texts, labels, json.dumps(model.pair.to_dict()))
    return model
