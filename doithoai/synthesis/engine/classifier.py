"""Topic classifier: multinomial logistic regression on TF-IDF + lexicon features, averaged
(equal weights, fixed a priori) with a second logistic regression on hashed character 2–5-gram
TF-IDF of the lowercase text with its Vietnamese marks kept (:func:`~.charvec.marked_docs`),
which is robust to typos and unseen word forms and keeps what folding loses (chợ/cho,
điện/diện). Texts typed without marks reach it as their folded words.

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

from .charvec import fit_vocabulary, marked_docs, model_char_tfidf
from .features import build_vocabulary, design_matrix
from .grouping import PairParams
from .lexicon import TOPICS
from .normalize import tokens
from .vectorize import Encoded

C = 10.0
MIN_DF = 1
CHAR_C = 20.0
CHAR_WEIGHT = 0.5
CHAR_VIEW = "marked"  # text of the character model: "marked" (new) or "folded" (old artefacts)
MARKED_LEXICON = True  # word model also counts lexicon.MARKED_PHRASES in the marked words
SKIP_UNMARKED = True  # texts without any mark: word model alone (see bench/README-synthesis.md)
PARAMS = {
    "C": C,
    "min_df": MIN_DF,
    "features": "word12+lexicon3+marked+more",
    "skip_unmarked": SKIP_UNMARKED,
    "lexicon": 0.3,
    "char": f"2-5 C={CHAR_C} w={CHAR_WEIGHT} {CHAR_VIEW}",
}


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
    # Character n-gram model: kept hash buckets, their idf, coefficients, intercepts.
    char: dict[str, np.ndarray] | None = None
    char_view: str = "folded"
    # Word model has the marked-lexicon columns; character model left out for texts without marks.
    marked_lexicon: bool = False
    skip_unmarked: bool = False

    def inputs(
        self,
        token_lists: Sequence[Sequence[str]],
        texts: Sequence[str] | None = None,
        enc: Encoded | None = None,
    ) -> tuple[sparse.csr_matrix, sparse.csr_matrix | None]:
        """Design matrix of the word model and character rows of the second model (None when
        the model has none), computing the texts' marked words once for both."""
        docs = char_docs(token_lists, texts if self._reads_marks() else None)
        x = design_matrix(
            token_lists, self.vocab, self.idf, enc, docs if self.marked_lexicon else None
        )
        return x, self._char_rows(docs)

    def _reads_marks(self) -> bool:
        return self.marked_lexicon or (self.char is not None and self.char_view == "marked")

    def logits(
        self, token_lists: Sequence[Sequence[str]], texts: Sequence[str] | None = None
    ) -> np.ndarray:
        x = self.inputs(token_lists, texts)[0]
        return np.asarray(x @ self.coef.T) + self.intercept

    def char_matrix(
        self, token_lists: Sequence[Sequence[str]], texts: Sequence[str] | None = None
    ) -> sparse.csr_matrix | None:
        """Character n-gram input of the second model (None when the model has none).

        A "marked" model reads the raw ``texts``; without them it gets the folded words, as
        for a text typed without marks (weaker on texts that have marks). With
        ``skip_unmarked``, rows of texts without any mark are empty (word model alone)."""
        if self.char is None:
            return None
        return self._char_rows(char_docs(token_lists, texts if self._reads_marks() else None))

    def _char_rows(self, docs: list[str]) -> sparse.csr_matrix | None:
        if self.char is None:
            return None
        m = model_char_tfidf(docs, self.char["kept"], self.char["idf"])
        if self.skip_unmarked:
            keep = np.fromiter((not d.isascii() for d in docs), dtype=bool, count=len(docs))
            if not keep.all():
                m = sparse.csr_matrix(sparse.diags(keep.astype(np.float32)) @ m)
                m.eliminate_zeros()
        return m

    def _mix(self, z: np.ndarray, chars: sparse.csr_matrix | None) -> np.ndarray:
        """Ensemble logits: weighted mean of both models' log-probabilities (uncalibrated);
        with ``skip_unmarked``, the word model's alone for rows without character input."""
        if self.char is None or chars is None:
            return z
        other = np.asarray(chars @ self.char["coef"].T) + self.char["intercept"]
        word = _log_softmax(z)
        mixed = np.asarray((1 - CHAR_WEIGHT) * word + CHAR_WEIGHT * _log_softmax(other))
        if self.skip_unmarked:
            empty = np.diff(chars.indptr) == 0
            mixed[empty] = word[empty]
        return mixed

    def ensemble_logits(
        self, token_lists: Sequence[Sequence[str]], texts: Sequence[str] | None = None
    ) -> np.ndarray:
        x, chars = self.inputs(token_lists, texts)
        return self._mix(np.asarray(x @ self.coef.T) + self.intercept, chars)

    def predict_proba(
        self, token_lists: Sequence[Sequence[str]], texts: Sequence[str] | None = None
    ) -> np.ndarray:
        """Calibrated probabilities; pass the raw ``texts`` too (see :meth:`char_matrix`)."""
        return _softmax(self.ensemble_logits(token_lists, texts) / self.temperature)

    def classify(
        self,
        token_lists: Sequence[Sequence[str]],
        k_terms: int = 0,
        texts: Sequence[str] | None = None,
    ) -> tuple[np.ndarray, list[list[str]]]:
        """Calibrated probabilities and, if ``k_terms``, the terms driving each predicted topic."""
        x, chars = self.inputs(token_lists, texts)
        return self.classify_matrix(x, k_terms, chars)

    def classify_matrix(
        self, x: sparse.csr_matrix, k_terms: int = 0, chars: sparse.csr_matrix | None = None
    ) -> tuple[np.ndarray, list[list[str]]]:
        """:meth:`classify` on the matrices of :meth:`inputs` (``chars`` None: word model
        alone)."""
        z = self._mix(np.asarray(x @ self.coef.T) + self.intercept, chars)
        proba = _softmax(z / self.temperature)
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
        proba = self.predict_proba([tokens(t) for t in texts], texts)
        best = proba.argmax(axis=1)
        return [(self.classes[k], float(proba[i, k])) for i, k in enumerate(best)]

    def explain(self, text: str, k: int = 6, topic: str | None = None) -> list[str]:
        """Terms pushing ``text`` towards ``topic`` (default: predicted), strongest first."""
        x = self.inputs([tokens(text)], [text])[0]
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
            "char_view": self.char_view,
            "marked_lexicon": self.marked_lexicon,
            "skip_unmarked": self.skip_unmarked,
        }
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        with open(path, "wb") as fh:
            arrays: dict[str, np.ndarray] = {
                "meta": np.array(json.dumps(meta)),
                "terms": np.array(terms),
                "idf": self.idf,
                "coef": self.coef.astype(np.float32),
                "intercept": self.intercept,
            }
            arrays.update({f"char_{k}": v for k, v in (self.char or {}).items()})
            np.savez_compressed(fh, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: str | Path) -> Model:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            terms = [str(t) for t in data["terms"]]
            char = {k[5:]: data[k] for k in data.files if k.startswith("char_")} or None
            return cls(
                classes=list(meta["classes"]),
                vocab={t: i for i, t in enumerate(terms)},
                idf=data["idf"],
                coef=data["coef"],
                intercept=data["intercept"],
                temperature=float(meta["temperature"]),
                version=str(meta["version"]),
                pair=PairParams.from_dict(meta["pair"]),
                char=char,
                char_view=str(meta.get("char_view", "folded")),
                marked_lexicon=bool(meta.get("marked_lexicon", False)),
                skip_unmarked=bool(meta.get("skip_unmarked", False)),
            )


def char_docs(token_lists: Sequence[Sequence[str]], texts: Sequence[str] | None) -> list[str]:
    """Documents of the character model: marked texts if given, else the folded words."""
    if texts is not None:
        return marked_docs(texts)
    return [" ".join(t) for t in token_lists]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return np.asarray(z - np.log(np.exp(z).sum(axis=1, keepdims=True)))


_NAMES_CACHE: dict[int, list[str]] = {}


def _feature_names(model: Model) -> list[str]:
    key = id(model.vocab)
    if key not in _NAMES_CACHE:
        names = sorted(model.vocab, key=model.vocab.__getitem__)
        for part in ("all", "start", "demand"):
            names.extend(f"lexicon:{t}:{part}" for t in TOPICS)
        if model.marked_lexicon:
            names.extend(f"lexicon:{t}:marked" for t in TOPICS)
        _NAMES_CACHE[key] = names
    return _NAMES_CACHE[key]


def model_version(texts: Sequence[str], labels: Sequence[str], extra: str = "") -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps(PARAMS, sort_keys=True).encode())
    digest.update(extra.encode())
    for text, label in sorted(zip(texts, labels, strict=True)):
        digest.update(f"{label}\t{text}\n".encode())
    return "topic-" + digest.hexdigest()[:12]


def _fit(
    token_lists: Sequence[Sequence[str]],
    labels: Sequence[str],
    docs: Sequence[str],
    weights: np.ndarray | None = None,
) -> Model:
    """Word model on the token lists (and the marked lexicon of the character ``docs``);
    ``weights``: optional sample weights (None: all 1)."""
    from sklearn.linear_model import LogisticRegression

    vocab, idf = build_vocabulary(token_lists, min_df=MIN_DF)
    x = design_matrix(token_lists, vocab, idf, marked=docs if MARKED_LEXICON else None)
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(x, list(labels), sample_weight=weights)
    return Model(
        classes=[str(c) for c in clf.classes_],
        vocab=vocab,
        idf=idf,
        coef=_multiclass(clf.coef_),
        intercept=_multiclass(clf.intercept_),
        marked_lexicon=MARKED_LEXICON,
        skip_unmarked=SKIP_UNMARKED,
    )


def _multiclass(a: np.ndarray) -> np.ndarray:
    """Two-class scikit-learn models keep one row (class 1 vs 0): make it [0, row] so the
    softmax over both rows equals the logistic probability."""
    a = np.asarray(a, dtype=np.float32)
    if a.shape[0] == 1:
        a = np.concatenate([np.zeros_like(a), a])
    return a


def _fit_char(
    docs: Sequence[str],
    labels: Sequence[str],
    classes: list[str],
    weights: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Character model on :func:`char_docs` (every training text, with or without marks)."""
    from sklearn.linear_model import LogisticRegression

    kept, idf = fit_vocabulary(docs)
    clf = LogisticRegression(C=CHAR_C, max_iter=3000)
    clf.fit(model_char_tfidf(docs, kept, idf), list(labels), sample_weight=weights)
    assert [str(c) for c in clf.classes_] == classes
    return {
        "kept": kept,
        "idf": idf,
        "coef": _multiclass(clf.coef_),
        "intercept": _multiclass(clf.intercept_),
    }


def _fit_temperature(
    token_lists: list[list[str]],
    labels: list[str],
    docs: list[str],
    char: bool = True,
    weights: np.ndarray | None = None,
) -> float:
    """Temperature minimising the log-loss of 3-fold out-of-fold predictions (weighted by
    ``weights`` in the fits and in the loss)."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(labels)
    n_splits = min(3, int(min(np.unique(y, return_counts=True)[1])))
    if n_splits < 2:
        return 1.0
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    logits: list[np.ndarray] = []
    gold: list[int] = []
    held: list[np.ndarray] = []
    for tr, te in StratifiedKFold(n_splits, shuffle=True, random_state=0).split(y, y):
        wt = None if weights is None else w[tr]
        sub = _fit([token_lists[i] for i in tr], list(y[tr]), [docs[i] for i in tr], wt)
        held.append(w[te])
        if char:
            sub.char = _fit_char([docs[i] for i in tr], list(y[tr]), sub.classes, wt)
            sub.char_view = CHAR_VIEW
        x = design_matrix(
            [token_lists[i] for i in te],
            sub.vocab,
            sub.idf,
            marked=[docs[i] for i in te] if sub.marked_lexicon else None,
        )
        chars = sub._char_rows([docs[i] for i in te])
        logits.append(sub._mix(np.asarray(x @ sub.coef.T) + sub.intercept, chars))
        gold.extend(sub.classes.index(c) if c in sub.classes else -1 for c in y[te])
    z, g, wz = np.vstack(logits), np.asarray(gold), np.concatenate(held)
    keep = g >= 0
    best, best_loss = 1.0, float("inf")
    for t in np.linspace(0.3, 3.0, 28):
        p = _softmax(z[keep] / t)[np.arange(keep.sum()), g[keep]]
        loss = float(-(wz[keep] * np.log(np.clip(p, 1e-9, 1))).sum() / wz[keep].sum())
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def train(
    examples: Sequence[tuple[str, str]],
    calibrate: bool = True,
    pair: PairParams | None = None,
    weights: Sequence[float] | None = None,
) -> Model:
    """Fit a topic model from (text, topic) pairs; the version hashes the data and params.

    ``weights``: one sample weight per example (None: all 1), used by both ensemble members
    and the temperature fit."""
    texts = [t for t, _ in examples]
    labels = [lab for _, lab in examples]
    token_lists = [tokens(t) for t in texts]
    docs = marked_docs(texts)
    w = None
    if weights is not None:
        w = np.asarray(weights, dtype=float)
        if w.shape != (len(texts),):
            raise ValueError("one weight per example")
        if np.all(w == 1.0):
            w = None
    model = _fit(token_lists, labels, docs, w)
    model.char = _fit_char(docs, labels, model.classes, w)
    model.char_view = CHAR_VIEW
    if calibrate:
        model.temperature = _fit_temperature(token_lists, labels, docs, model.char is not None, w)
    model.pair = pair or PairParams()
    extra = json.dumps(model.pair.to_dict())
    if w is not None:
        extra += json.dumps(sorted(zip(texts, w.tolist(), strict=True)))
    model.version = model_version(texts, labels, extra)
    return model
