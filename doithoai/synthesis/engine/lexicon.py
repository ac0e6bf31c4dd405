"""Prior topic vocabulary: folded phrases that signal each topic in Vietnamese petitions.

Written from the topic definitions and general administrative vocabulary (no place names), so it
carries to other provinces; the classifier weighs these counts alongside learnt TF-IDF terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TOPICS: tuple[str, ...] = (
    "dat_dai",
    "quy_hoach",
    "xay_dung",
    "gpmb",
    "do_thi",
    "giao_thong",
    "moi_truong",
    "kinh_doanh",
    "an_sinh",
    "y_te_giao_duc",
    "an_ninh",
    "hanh_chinh",
    "dien_nuoc",
    "khac",
)

_PHRASES: dict[str, str] = {
    "dat_dai": (
        "dat bai boi|bai boi|nguon goc dat|giay tay|tang cho|lan dat|dat ruong|mua ban dat|"
        "phan lo ban nen|lan ra|so do|so hong|giay chung nhan quyen su dung dat|"
        "cap giay chung nhan|cap so|tach thua|hop thua|ranh gioi|tranh chap dat|"
        "lan chiem dat|chuyen muc dich su dung dat|tien su dung dat|ghi no tien su dung dat|"
        "dia chinh|ban do dia chinh|do dac|thua dat|dat o|dat vuon|dat nong nghiep|"
        "dat lam nghiep|dat cong|giao dat|cho thue dat|gia dat|bang gia dat|ho so dat|"
        "dat rung|lam truong|sang ten|chuyen nhuong|thua ke"
    ),
    "quy_hoach": (
        "vung ngap|khu chan nuoi tap trung|cong bo ranh gioi|phan lo|ha tang ky thuat|"
        "quy hoach lai|quy hoach|quy hoach treo|quy hoach chi tiet|dieu chinh quy hoach|"
        "cong bo quy hoach|ban do quy hoach|cam moc|moc gioi|chi gioi|khu do thi moi|"
        "khu dan cu moi|du an treo|thong tin quy hoach|lo gioi|quy hoach su dung dat|"
        "ke hoach su dung dat"
    ),
    "xay_dung": (
        "chat luong|kien co hoa|bao hanh|mai ton|tham nuoc|kien co|sua chua nha|xay sai|lun|"
        "vet nut|sap|xuong cap cong trinh|giay phep xay dung|cap phep xay dung|"
        "xay dung trai phep|xay dung khong phep|xay trai phep|sai phep|coi noi|xay lan|"
        "nut tuong|nut nha|lun nut|chat luong cong trinh|nha van hoa|thi cong|nha thau|"
        "cong trinh|xay dung|xay nha|pha do|trat tu xay dung|nghiem thu|ban ve|mong nha|"
        "sut lun|ke chan|tuong rao"
    ),
    "gpmb": (
        "giai phong mat bang|boi thuong|den bu|ho tro tai dinh cu|tai dinh cu|"
        "lo tai dinh cu|thu hoi dat|phuong an boi thuong|don gia boi thuong|chi tra|"
        "tien boi thuong|dat tai dinh cu|hoi dong boi thuong|ban boi thuong|dat thua|"
        "kiem dem|ho tro chuyen doi nghe"
    ),
    "do_thi": (
        "ten duong|bien ten duong|so nha|thung rac cong cong|tia canh|chat ha|cay do|"
        "cay muc|hanh lang duong|ngo chung|mai hien|vong xoay|khu vui choi|via he|"
        "lan chiem via he|long duong|den duong|den chieu sang|chieu sang|cay xanh|"
        "cong thoat nuoc|ranh thoat nuoc|thoat nuoc|ngap ung|ngap|nap cong|ho ga|"
        "bien quang cao|quang cao rao vat|my quan|trat tu do thi|cong vien|ve sinh do thi|"
        "dung rap|cot dien|bien hieu|lan chiem|cay co thu|dai phan cach|"
        "nha ve sinh cong cong"
    ),
    "giao_thong": (
        "o to do|do o to|canh sat giao thong|xe cong nong|bien so|mat duong|duong be tong|"
        "tron truot|doc|xe may|nga xe|phuong tien|cam do|cam dung|duong ngo|cau cong|"
        "cay cau|duong tinh|duong huyen|giao thong|o ga|duong hong|xuong cap|nang cap duong|"
        "mo rong duong|be tong hoa|duong lien thon|duong lien xa|gia giam toc|go giam toc|"
        "an toan giao thong|tai nan|bien bao|den tin hieu|cau treo|ngam tran|xe buyt|"
        "xe khach|do xe|bai do xe|trong giu xe|xe qua tai|xe tai|quoc lo|tinh lo|nut giao|"
        "duong dat|lay loi"
    ),
    "moi_truong": (
        "dot rom|khoi|mui|thuoc bao ve thuc vat|phe thai|vut rac|xa rac|long song|bo song|"
        "dong song|doi song|ao ho|nuoc ngam|dat cat|che chan|bun|boc mui|rac|rac thai|"
        "thu gom rac|phi rac|ve sinh moi truong|o nhiem|mui hoi|hoi thoi|nuoc thai|khoi bui|"
        "tieng on|chan nuoi|trai lon|trang trai|bai rac|xa thai|do rac|do trom|ca chet|"
        "moi truong|khai thac cat|hoa chat|thuoc tru sau|lo gach|nha may|xo thai"
    ),
    "kinh_doanh": (
        "ban quan ly cho|cho trung tam|cho dan sinh|trong cho|cong cho|hop cho|cho tam|"
        "nop thue|tien thue|thue mon bai|cho thue kiot|thuong hieu|hoi cho|san pham|"
        "dieu kien kinh doanh|co so kinh doanh|nganh nghe kinh doanh|trung tam thuong mai|"
        "sieu thi|ve sinh thuc pham|kiot|ki ot|ky ot|sap cho|quay hang|ban quan ly cho|"
        "di doi cho|xay cho|ho kinh doanh|dang ky kinh doanh|giay phep kinh doanh|"
        "thue khoan|phi|le phi|tieu thuong|buon ban|ve sinh an toan thuc pham|"
        "an toan thuc pham|hang rong|doanh nghiep|vay von|cua hang|kinh doanh|"
        "mat bang kinh doanh|thu phi"
    ),
    "an_sinh": (
        "thanh nien xung phong|khang chien|che do chinh sach|huong che do|bao tro|nguoi gia|"
        "tre mo coi|ho tro kho khan|thien tai|lu lut|ho ngheo|can ngheo|thoat ngheo|tro cap|"
        "bao tro xa hoi|nguoi co cong|thuong binh|liet si|cuu chien binh|chat doc da cam|"
        "nguoi khuyet tat|nguoi cao tuoi|the bao hiem y te|ho tro nha o|chinh sach xa hoi|"
        "gia dinh chinh sach|tro cap hang thang|ngan hang chinh sach|binh xet ho ngheo|"
        "gao cuu doi|ho tro lam nha|don than"
    ),
    "y_te_giao_duc": (
        "nhom tre|tre em|mau giao|truong lop|hoc bong|lop|truong|nhap hoc|y si|duoc si|"
        "benh nhan|xe cap cuu|tram y te|benh vien|phong kham|bac si|tiem chung|tiem phong|"
        "vac xin|kham chua benh|truong hoc|truong mam non|mam non|tieu hoc|trung hoc co so|"
        "trung hoc pho thong|hoc sinh|giao vien|hoc phi|cac khoan dong gop|lop hoc|"
        "phong hoc|ban tru|sach giao khoa|diem truong|y te|giao duc|nha tre"
    ),
    "an_ninh": (
        "nhom thanh nien|thanh nien tu tap|camera|tui trom|moc tui|trom cho|an trom|bao ke|"
        "tro lua|lua dao|dam nhau|trom|trom cap|mat trom|danh bac|co bac|lo de|ma tuy|"
        "nghien|tiem chich|tu tap|danh nhau|gay roi|dua xe|boc dau|karaoke|hat karaoke|"
        "cong an|an ninh|trat tu|cuop|tin dung den|cho vay nang lai|say xin|chem|de doa|"
        "ruou che"
    ),
    "hanh_chinh": (
        "tra loi don|giai quyet don|khieu nai|to cao|thu ly|van ban tra loi|phien ha|"
        "giay xac nhan|chung nhan|lai xe|bang lai|dang ky tam tru|tam tru|"
        "thu tuc hanh chinh|mot cua|bo phan mot cua|ho so|giay to|chung thuc|cong chung|"
        "can bo|thai do|sach nhieu|gay kho khan|cham tre|hen di hen lai|dich vu cong|"
        "truc tuyen|xac nhan|ho khau|chung minh nhan dan|can cuoc|khai sinh|tiep dan|"
        "don thu|tra ket qua|thu tuc|cong chuc|boi duong|tiep cong dan"
    ),
    "dien_nuoc": (
        "keo dien|dien luoi|luoi quoc gia|chap dien|chay no|nuoc mat|ho chua nuoc|be nuoc|"
        "nha may nuoc|mat dien|cat dien|dien yeu|dien ap|tram bien ap|luoi dien|dien luc|"
        "cong to|tien dien|gia dien|day dien|nuoc sach|nuoc may|cap nuoc|mat nuoc|"
        "nuoc sinh hoat|dong ho nuoc|tien nuoc|gia nuoc|cong ty cap nuoc|nuoc duc|duong ong|"
        "ong nuoc|nuoc yeu|bom nuoc|gieng|dien sinh hoat|chap chon"
    ),
    "khac": (
        "san bong|bong chuyen|cau long|the duc|van nghe|truyen thanh|dai truyen thanh|thu y|"
        "trau bo|gia suc|gia cam|dich benh|buu dien|tin lanh|tin do|nha tang le|tang le|"
        "be boi|viettel|vnpt|vinaphone|mobifone|sinh hoat ton giao|chua chien|giong lua|"
        "giong cay|trong trot|vat nuoi|sau benh|san choi|trang phuc|van hoa|the thao|"
        "san the thao|nha van hoa thon|le hoi|nghia trang|nghia dia|mo ma|ton giao|"
        "song dien thoai|nha mang|internet|cap quang|truyen hinh|loa truyen thanh|"
        "khuyen nong|cay giong|phan bon|chan nuoi gia suc|thuy loi|muong|muong thuy loi|"
        "thu vien|vien thong|phong tuc|dam cuoi|dam tang"
    ),
}

_INDEX: dict[str, list[int]] = {}
for _i, _topic in enumerate(TOPICS):
    for _phrase in _PHRASES[_topic].split("|"):
        _INDEX.setdefault(_phrase, []).append(_i)

_Trie = dict[str, "_Trie"]


def trie_pattern(phrases: Sequence[str]) -> str:
    """One regex alternation shaped as a character trie (a regex engine tries a flat list of
    500 phrases one by one at every word start). Greedy optional tails try the longest phrase
    first, so a match is the same as with the phrases sorted longest first."""
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


_PATTERN = re.compile(r"(?<!\w)(" + trie_pattern(list(_INDEX)) + r")(?!\w)")
# Phrase -> (weight, topic indices); multi-word phrases are more specific.
_HITS = {p: (1.0 + 0.5 * p.count(" "), tuple(ts)) for p, ts in _INDEX.items()}


def topic_counts(folded_tokens: Sequence[str]) -> list[float]:
    """Count lexicon hits per topic (in :data:`TOPICS` order) for a folded token sequence."""
    counts = [0.0] * len(TOPICS)
    for phrase in _PATTERN.findall(" ".join(folded_tokens)):
        weight, topic_indices = _HITS[phrase]
        for topic_index in topic_indices:
            counts[topic_index] += weight
    return counts


def topic_counts_parts(joined: str, opening: int, demand: int) -> list[float]:
    """Counts for the whole text, matches ending by char ``opening``, matches from ``demand``."""
    n = len(TOPICS)
    counts = [0.0] * (3 * n)
    for match in _PATTERN.finditer(joined):
        weight, topic_indices = _HITS[match.group(1)]
        head, tail = match.end() <= opening, match.start() >= demand
        for topic_index in topic_indices:
            counts[topic_index] += weight
            if head:
                counts[n + topic_index] += weight
            if tail:
                counts[2 * n + topic_index] += weight
    return counts
