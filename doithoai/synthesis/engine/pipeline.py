"""Public interface of the synthesis engine."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing.connection import Connection

import numpy as np
from scipy import sparse

from .charvec import BUCKETS, batch_char_tfidf, counts
from .classifier import Model
from .concern import concern, content_strings
from .grouping import Item, group
from .normalize import fold, fold_keep_case, tokens
from .places import content_mask, extract, with_given
from .public_titles import public_title
from .routing import suggest_department
from .titles import central_members, shared_terms
from .vectorize import Encoded, _normalised, batch_tfidf, doc_slices, encode

CLASSIFY_CHUNK = 4096
CHAR_SLICE = 2048  # documents whose character n-grams are counted at once
PARALLEL_MIN = 2_000  # batches this large use a second process


@dataclass
class PetitionIn:
    id: str
    text: str
    unit: str | None = None
    place: str | None = None
    channel: str | None = None


@dataclass
class Suggestion:
    id: str
    topic: str
    confidence: float
    group: str
    group_title: str
    department: str
    top_terms: list[str] = field(default_factory=list)
    group_members: list[str] = field(default_factory=list)
    group_terms: list[str] = field(default_factory=list)


@dataclass
class Routing:
    """Routing table (topic → department) and (unit, topic) → department overrides."""

    table: Mapping[str, str] | None = None
    overrides: Mapping[tuple[str, str], str] | None = None


def _group_key(ids: Sequence[str]) -> str:
    digest = hashlib.sha1("\n".join(sorted(ids)).encode(), usedforsecurity=False)
    return "auto-" + digest.hexdigest()[:10]


Classified = tuple[list[str], list[float], list[list[str]]]


def _classify_slice(
    model: Model,
    petitions: Sequence[PetitionIn],
    token_lists: list[list[str]],
    part: Encoded,
    rows: slice,
    explain: bool,
) -> Classified:
    """Topic, confidence and (if ``explain``) driving terms of the petitions in ``rows``
    (``part``: their encoded tokens)."""
    toks = token_lists[rows]
    design, chars = model.inputs(toks, [p.text for p in petitions[rows]], part)
    proba, driving = model.classify_matrix(design, 6 if explain else 0, chars)
    best = proba.argmax(axis=1)
    return [model.classes[k] for k in best], proba[np.arange(len(best)), best].tolist(), driving


def _next_slice(total: int, shared: bool) -> Callable[[], int | None]:
    """Hands out slice numbers 0..total-1 once each, then None; with ``shared``, the counter
    lives in shared memory so a forked worker and this process take turns."""
    if not shared:
        numbers = iter(range(total))
        return lambda: next(numbers, None)
    counter = multiprocessing.get_context("fork").Value("i", 0)

    def take() -> int | None:
        with counter.get_lock():
            k = counter.value
            counter.value = k + 1
        return k if k < total else None

    return take


def _worth_forking(n: int) -> bool:
    """A second process pays off for large batches, on Linux (fork: the child inherits the
    batch, only results are pickled), with a second core, and only from a single-threaded
    process (forking a multi-threaded one can deadlock the child)."""
    return (
        n >= PARALLEL_MIN
        and sys.platform == "linux"
        and len(os.sched_getaffinity(0)) > 1
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


class _Background[T]:
    """``fn`` run in a forked child process (only its result is pickled back), or without
    ``fork`` run here when the result is asked for. As a context manager, leaving the block
    ends a child whose result was never taken (e.g. after an error here)."""

    def __init__(self, fn: Callable[[], T], fork: bool) -> None:
        self._fn = fn
        self._child: multiprocessing.process.BaseProcess | None = None
        if fork:
            ctx = multiprocessing.get_context("fork")
            self._receive, send = ctx.Pipe(duplex=False)
            self._child = ctx.Process(target=_run_and_send, args=(fn, send), daemon=True)
            self._child.start()
            send.close()

    def result(self) -> T:
        if self._child is None:
            return self._fn()
        try:
            ok, value = self._receive.recv()
        except EOFError:
            ok, value = False, f"exit code {self._child.exitcode}"
        finally:
            self._receive.close()
            self._child.join()
        if not ok:
            raise RuntimeError(f"synthesis worker process failed: {value}")
        return value  # type: ignore[no-any-return]

    def __enter__(self) -> _Background[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._child is not None and self._child.is_alive():
            self._child.terminate()
            self._child.join()
            self._receive.close()


def _run_and_send(fn: Callable[[], object], send: Connection) -> None:
    try:
        message = (True, fn())
    except BaseException:  # reported to the parent, which raises
        message = (False, traceback.format_exc())
    send.send(message)
    send.close()


def _batch_char_tfidf(docs: list[str]) -> sparse.csr_matrix:
    """:func:`~.charvec.batch_char_tfidf`, counted a slice of documents at a time: the n-gram
    windows of a whole batch at once take gigabytes and miss the caches. (A test checks that
    both give the same matrix.)"""
    if len(docs) <= CHAR_SLICE:
        return batch_char_tfidf(docs)
    slices = [counts(docs[s : s + CHAR_SLICE]) for s in range(0, len(docs), CHAR_SLICE)]
    c = sparse.vstack(slices, format="csr")
    df = np.bincount(c.indices, minlength=BUCKETS)
    idf = (np.log((1 + len(docs)) / (1 + df)) + 1.0).astype(np.float32)
    return _normalised(c, idf)


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    """:func:`fold` for unit and place names, which repeat across a batch."""
    return fold(text)


def synthesize(
    petitions: Sequence[PetitionIn],
    model: Model | None = None,
    routing: Routing | Mapping[str, str] | None = None,
    fixed_groups: Mapping[str, Hashable] | None = None,
    explain: bool = True,
    progress: Callable[[str, int], None] | None = None,
) -> list[Suggestion]:
    """Topic, group, group title and department for each petition, in input order.

    ``fixed_groups`` maps petition id → officer-decided group key: those petitions stay
    together under that key and the engine merges nothing else into them. ``explain`` fills
    ``top_terms`` with the terms driving each topic; ``progress(stage, n)`` reports stages.
    """
    if model is None:
        from .training import default_model

        model = default_model()
    if routing is not None and not isinstance(routing, Routing):
        routing = Routing(table=routing)
    fixed = dict(fixed_groups or {})
    plain = [fold_keep_case(p.text) for p in petitions]
    token_lists = [tokens(p.text, pl) for p, pl in zip(petitions, plain, strict=True)]
    report = progress or (lambda stage, n: None)
    report("normalise", len(petitions))

    enc = encode(token_lists)
    parts = [part for part, _ in doc_slices(enc, CLASSIFY_CHUNK)] if petitions else []
    fork = _worth_forking(len(petitions))
    take = _next_slice(len(parts), fork)

    def classify_some(notify: Callable[[str, int], None] | None) -> dict[int, Classified]:
        """Classify slices until none is left: {slice number: results}."""
        done = {}
        while (k := take()) is not None:
            rows = slice(k * CLASSIFY_CHUNK, (k + 1) * CLASSIFY_CHUNK)
            done[k] = _classify_slice(model, petitions, token_lists, parts[k], rows, explain)
            if notify:
                notify("classify", min(rows.stop, len(petitions)))
        return done

    # A forked worker classifies while this process builds what grouping needs except the
    # topics, then helps with the slices that are left.
    with _Background(lambda: classify_some(None), fork) as helped:
        units = [_fold_short(p.unit or "") for p in petitions]
        places = [
            with_given(extract(p.text, pl), p.place) for p, pl in zip(petitions, plain, strict=True)
        ]
        concerns = [concern(toks) for toks in token_lists]
        keep = content_mask(enc, units, places)
        chars = _batch_char_tfidf(content_strings(enc, keep))
        x, idf, keys = batch_tfidf(enc)
        content = batch_tfidf(enc, keep)[0]
        classified = classify_some(None if fork else report)
        classified.update(helped.result())
    ordered = [classified[k] for k in range(len(parts))]
    topics = [t for part_topics, _, _ in ordered for t in part_topics]
    confidences = [c for _, part_confidences, _ in ordered for c in part_confidences]
    top_terms = [t for _, _, part_terms in ordered for t in part_terms]
    report("classify", len(petitions))
    items = [
        Item(
            unit=unit,
            topic=topic,
            places=pl,
            given_place=_fold_short(p.place) if p.place else None,
            fixed=fixed.get(p.id),
            concern=con,
        )
        for p, unit, topic, pl, con in zip(petitions, units, topics, places, concerns, strict=True)
    ]
    labels = group(x, content, items, model.pair, chars)
    report("group", len(petitions))

    members: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        members[lab].append(i)
    unigram = keys < enc.n_tokens
    idf_tok = np.zeros(enc.n_tokens, dtype=np.float32)
    idf_tok[keys[unigram]] = idf[unigram]
    idf_by_term = dict(zip(enc.index, idf_tok.tolist(), strict=True))
    texts = [p.text for p in petitions]
    heads = central_members(x, labels, texts, plain)

    def describe(part: list[tuple[int, list[int]]]) -> list[tuple[str, list[str]]]:
        """(title, shared terms) of each group."""
        out = []
        for lab, idx in part:
            terms = shared_terms(token_lists, idx, idf_by_term) if len(idx) > 1 else []
            head = heads.get(lab, idx[0])
            ordered = [head, *(i for i in idx if i != head)]
            topic = Counter(topics[i] for i in ordered).most_common(1)[0][0]
            # fold() of each text, from the folded text with case that is at hand already.
            folded = [" ".join(plain[i].lower().split()) for i in ordered]
            name = public_title([texts[i] for i in ordered], petitions[head].unit, topic, folded)
            out.append((name, terms))
        return out

    groups = list(members.items())
    fork = _worth_forking(len(petitions))
    with _Background(lambda: describe(groups[1::2]), fork) as other_half:
        described = dict(zip([lab for lab, _ in groups[0::2]], describe(groups[0::2]), strict=True))
        described.update(zip([lab for lab, _ in groups[1::2]], other_half.result(), strict=True))
    info: dict[int, tuple[str, str, list[str], list[str]]] = {}
    for lab, idx in groups:
        ids = [petitions[i].id for i in idx]
        fixed_key = fixed.get(ids[0]) if items[idx[0]].fixed is not None else None
        key = str(fixed_key) if fixed_key is not None else _group_key(ids)
        info[lab] = (key, described[lab][0], ids, described[lab][1])
    report("title", len(petitions))

    out: list[Suggestion] = []
    for i, p in enumerate(petitions):
        key, group_title, ids, terms = info[labels[i]]
        dept = suggest_department(
            topics[i],
            p.unit,
            overrides=routing.overrides if routing else None,
            table=routing.table if routing else None,
            text=p.text,
        )
        out.append(
            Suggestion(
                id=p.id,
                topic=topics[i],
                confidence=round(confidences[i], 4),
                group=key,
                group_title=group_title,
                department=dept,
                top_terms=top_terms[i],
                group_members=ids,
                group_terms=terms,
            )
        )
    return out
