"""Regional vocabulary: words of the North, the Centre and the South (and of the two-level local
government after 2025) mapped onto one folded form, so a model and a grouper that learnt one
region's words read the others'.

Works on folded tokens (:func:`~.normalize.tokens`), so only words whose folded form is not also
a common word of another meaning are mapped on their own (hẻm "alley" → ngõ); ambiguous ones
are mapped only in a context that settles them: lợn is folded to ``lon`` like lớn "big", so
``lon`` becomes ``heo`` only after nuôi / thịt / chuồng / trại...; ấp and khóm only before a
number (ấp 3, not áp dụng); sóc "hamlet" never after chăm (chăm sóc "care"). The lexicon's
phrases go through the same mapping (:func:`canonical_phrase`), so its counts are unchanged
for the region it was written from.

The lists (folded; what each variant stands for in the comment):
"""

from __future__ import annotations

from collections.abc import Sequence

# Single folded token -> canonical folded token(s), always applied.
SINGLE: dict[str, str] = {
    "hem": "ngo",  # hẻm (South) = ngõ (North)
    "xai": "dung",  # xài (South) = dùng
    "dal": "be tong",  # đường dal (South, Mekong) = đường bê tông
    "phum": "thon",  # phum (Khmer, South) = thôn
    "buyt": "bus",  # xe buýt = xe bus
}

# Token -> canonical when the NEXT token is a number (residential areas and alleys).
BEFORE_NUMBER: dict[str, str] = {
    "kiet": "ngo",  # kiệt (Centre: Huế, Đà Nẵng) = ngõ; kiệt sức / cạn kiệt stay
    "ngach": "ngo",  # ngách (Hà Nội) = ngõ nhỏ
    "khom": "to",  # khóm (South) = tổ dân phố
    "ap": "thon",  # ấp (South) = thôn; áp dụng, điện áp stay
    "ban": "thon",  # bản (North-west) = thôn; bán, bàn stay
    "buon": "thon",  # buôn (Central Highlands) = thôn; buôn bán stays
    "soc": "thon",  # sóc (Khmer, South) = thôn
}

# A number after these is a measurement, not a residential area (điện áp 220 V, sụt áp).
NOT_AFTER = frozenset(["dien", "sut", "ha", "cao", "huyet", "tram", "bien"])

# Token -> canonical when the PREVIOUS token is one of the given words.
AFTER: dict[str, tuple[frozenset[str], str]] = {
    # lợn (North) folds to lon like lớn "big": pig only after these words.
    "lon": (
        frozenset(
            ["nuoi", "thit", "chuong", "trai", "ta", "phan", "mo", "dan", "giet", "lai", "xuat"]
        ),
        "heo",
    ),
    "soc": (frozenset(["phum"]), "thon"),  # phum sóc
}

# Folded phrases (as token tuples) -> canonical tokens.
PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("cup", "dien"): ("mat", "dien"),  # cúp điện (South) = mất điện
    ("cup", "nuoc"): ("mat", "nuoc"),  # cúp nước (South) = mất nước
    ("dau", "xe"): ("do", "xe"),  # đậu xe (South) = đỗ xe
    ("nha", "thuong"): ("benh", "vien"),  # nhà thương (South, older) = bệnh viện
    ("nha", "long", "cho"): ("nha", "cho"),  # nhà lồng chợ (South) = nhà chợ
    ("dien", "ke"): ("cong", "to", "dien"),  # điện kế (South) = công tơ điện
    ("dong", "ho", "dien"): ("cong", "to", "dien"),  # đồng hồ điện = công tơ điện
    ("dong", "ho", "nuoc"): ("cong", "to", "nuoc"),  # đồng hồ nước = công tơ nước
    ("xe", "ba", "gac"): ("xe", "cho", "hang"),  # xe ba gác = xe chở hàng
    # Two-level local government (from 1 July 2025): the one-stop shop of the commune or ward
    # is the Trung tâm phục vụ hành chính công; "bộ phận một cửa" is the older name.
    ("trung", "tam", "phuc", "vu", "hanh", "chinh", "cong"): ("bo", "phan", "mot", "cua"),
    ("phuc", "vu", "hanh", "chinh", "cong"): ("mot", "cua"),
    ("hanh", "chinh", "cong"): ("mot", "cua"),
}

# Administrative words of the two-level government, for readers of these lists: the province
# (tỉnh / thành phố trực thuộc trung ương) and under it phường, xã and đặc khu, no district
# (huyện, quận, thị xã, thị trấn are gone; petitions still name them as "huyện ... cũ").
# Place extraction (places.py) reads tổ dân phố / khu phố / khóm, thôn / ấp / bản / buôn /
# phum / sóc / xóm / làng, ngõ / ngách / hẻm / kiệt, kênh / rạch / mương.

TRIGGERS = frozenset([*SINGLE, *BEFORE_NUMBER, *AFTER, *{p[0] for p in PHRASES}])
_MAX_PHRASE = max(len(p) for p in PHRASES)


def canonical(tokens: list[str]) -> list[str]:
    """``tokens`` with regional variants replaced by their canonical folded forms (the list
    itself when nothing applies)."""
    if TRIGGERS.isdisjoint(tokens):
        return tokens
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok in TRIGGERS:
            for size in range(min(_MAX_PHRASE, n - i), 1, -1):
                repl = PHRASES.get(tuple(tokens[i : i + size]))
                if repl is not None:
                    out.extend(repl)
                    i += size
                    break
            else:
                nxt = tokens[i + 1] if i + 1 < n else ""
                prev = out[-1] if out else ""
                if tok in SINGLE:
                    out.extend(SINGLE[tok].split())
                elif tok in BEFORE_NUMBER and nxt[:1].isdigit() and prev not in NOT_AFTER:
                    out.append(BEFORE_NUMBER[tok])
                elif tok in AFTER and prev in AFTER[tok][0]:
                    out.append(AFTER[tok][1])
                else:
                    out.append(tok)
                i += 1
            continue
        out.append(tok)
        i += 1
    return out


def canonical_phrase(phrase: str) -> str:
    """A folded phrase (space-separated) through :func:`canonical`."""
    return " ".join(canonical(phrase.split()))


def variants(tokens: Sequence[str]) -> int:
    """How many tokens a regional variant replaced (for tests and diagnostics)."""
    return sum(a != b for a, b in zip(tokens, canonical(list(tokens)), strict=False))
