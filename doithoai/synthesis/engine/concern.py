"""What a petition is about, for pair scoring: the objects it names (road, drain, market,
school...) and its content words as one string for the character n-gram view.

General Vietnamese vocabulary only (folded), so it carries over to other provinces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .vectorize import Encoded

# Folded object nouns; several spellings map to one concept.
OBJECTS: dict[str, str] = {
    **dict.fromkeys(["duong", "pho", "ngo", "hem", "kiet", "ngach"], "duong"),
    **dict.fromkeys(["cong", "ranh", "muong", "thoat"], "cong"),
    **dict.fromkeys(["kenh", "rach", "suoi", "song"], "song"),
    "cau": "cau",
    **dict.fromkeys(["cho", "kiot", "ki", "ot", "sap", "quay"], "cho"),
    **dict.fromkeys(["truong", "lop", "hoc", "mam", "non"], "truong"),
    **dict.fromkeys(["tram", "benh", "vien", "kham", "thuoc", "tiem"], "y_te"),
    "den": "den",
    "rac": "rac",
    "ngap": "ngap",
    **dict.fromkeys(["heo", "chuong", "giet", "biogas"], "chan_nuoi"),
    **dict.fromkeys(["dat", "thua"], "dat"),
    **dict.fromkeys(["dien"], "dien"),
    "nuoc": "nuoc",
    **dict.fromkeys(["via", "he", "lan", "chiem"], "via_he"),
    "cay": "cay",
    **dict.fromkeys(["karaoke", "tiec", "loa", "on"], "on"),
    **dict.fromkeys(["trom", "tuy", "bac", "cuop"], "an_ninh"),
    **dict.fromkeys(["mui", "khoi", "bui", "nhiem"], "o_nhiem"),
    **dict.fromkeys(["nha", "xay"], "nha"),
    **dict.fromkeys(["boi", "thuong"], "boi_thuong"),
    **dict.fromkeys(["quy", "hoach"], "quy_hoach"),
    **dict.fromkeys(["ngheo", "tro", "cap"], "an_sinh"),
    **dict.fromkeys(["tuc", "giay"], "thu_tuc"),
    **dict.fromkeys(["thue", "phi", "tien"], "phi"),
    **dict.fromkeys(["xe", "toc", "giao", "thong"], "xe"),
}


@dataclass(frozen=True)
class Concern:
    objects: frozenset[str]


def concern(tokens: Sequence[str]) -> Concern:
    return Concern(frozenset(OBJECTS[t] for t in tokens if t in OBJECTS))


def relate(a: Concern, b: Concern) -> float:
    """Jaccard overlap of the object concepts two petitions name."""
    union = a.objects | b.objects
    return len(a.objects & b.objects) / len(union) if union else 0.0


def content_strings(enc: Encoded, keep: np.ndarray) -> list[str]:
    """Each document's kept tokens joined by spaces (input of the character n-gram view)."""
    names = np.asarray(list(enc.index), dtype=object)
    ids, doc = enc.ids[keep], enc.doc[keep]
    cuts = np.searchsorted(doc, np.arange(1, enc.n_docs))
    return [" ".join(part) for part in np.split(names[ids], cuts)] if enc.n_docs else []
