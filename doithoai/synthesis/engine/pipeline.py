"""Public interface of the synthesis engine."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .charvec import batch_char_tfidf
from .classifier import Model
from .concern import concern, content_strings
from .features import design_matrix
from .grouping import Item, group
from .normalize import fold, fold_keep_case, tokens
from .places import content_mask, extract, with_given
from .routing import suggest_department
from .titles import central_members, shared_terms, title
from .vectorize import batch_tfidf, encode

CLASSIFY_CHUNK = 4096


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
    design = design_matrix(token_lists, model.vocab, model.idf, enc)
    topics: list[str] = []
    confidences: list[float] = []
    top_terms: list[list[str]] = []
    for start in range(0, len(petitions), CLASSIFY_CHUNK):
        chunk = slice(start, start + CLASSIFY_CHUNK)
        chars = model.char_matrix(token_lists[chunk], [p.text for p in petitions[chunk]])
        proba, driving = model.classify_matrix(design[chunk], 6 if explain else 0, chars)
        top_terms.extend(driving)
        best = proba.argmax(axis=1)
        topics.extend(model.classes[k] for k in best)
        confidences.extend(proba[np.arange(len(best)), best].tolist())
        report("classify", min(start + CLASSIFY_CHUNK, len(petitions)))

    x, idf, keys = batch_tfidf(enc)
    items = [
        Item(
            unit=fold(p.unit or ""),
            topic=topic,
            places=with_given(extract(p.text, pl), p.place),
            given_place=fold(p.place) if p.place else None,
            fixed=fixed.get(p.id),
            concern=concern(toks),
        )
        for p, pl, topic, toks in zip(petitions, plain, topics, token_lists, strict=True)
    ]
    keep = content_mask(enc, [it.unit for it in items], [it.places for it in items])
    chars = batch_char_tfidf(content_strings(enc, keep))
    labels = group(x, batch_tfidf(enc, keep)[0], items, model.pair, chars)
    report("group", len(petitions))

    members: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        members[lab].append(i)
    unigram = keys < enc.n_tokens
    idf_tok = np.zeros(enc.n_tokens, dtype=np.float32)
    idf_tok[keys[unigram]] = idf[unigram]
    idf_by_term = dict(zip(enc.index, idf_tok.tolist(), strict=True))
    texts = [p.text for p in petitions]
    info: dict[int, tuple[str, str, list[str], list[str]]] = {}
    heads = central_members(x, labels, texts, plain)
    for lab, idx in members.items():
        ids = [petitions[i].id for i in idx]
        fixed_key = fixed.get(ids[0]) if items[idx[0]].fixed is not None else None
        key = str(fixed_key) if fixed_key is not None else _group_key(ids)
        terms = shared_terms(token_lists, idx, idf_by_term) if len(idx) > 1 else []
        weights = {t: idf_by_term.get(t, 0.0) for t in terms} or None
        head = heads.get(lab, idx[0])
        info[lab] = (key, title(texts[head], weights), ids, terms)
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
