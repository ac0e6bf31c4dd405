"""Titles fit for the public: the concern and the place, never a person or a first-person sentence.

A group's title is built, not copied: a short noun phrase for the concern (from a lexicon of
folded key phrases, tried in order, over the group's texts), the road or residential area the
petitions name, and the unit ("Lấn chiếm vỉa hè đường Nguyễn Văn Tố, phường Đức Xuân"). When no
concern phrase matches, the topic's name stands in ("Kiến nghị về đất đai, xã Nông Thượng").
The Django app checks every title again with `core.privacy.title_findings` before storing it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from .normalize import fold

# (folded regular expression, concern phrase). More specific phrases come first.
CONCERNS: list[tuple[str, str]] = [
    (
        r"lan chiem (via he|long duong|le duong|hanh lang)|via he .{0,100}(chiem|bay (ban|hang)|ban hang|de xe|do xe|kinh doanh)|cho coc|hanh lang duong",  # noqa: E501
        "Lấn chiếm vỉa hè",
    ),
    (r"via he .{0,40}(vo|lun|bong|hong)", "Vỉa hè hư hỏng"),
    (r"karaoke|hat (den|toi) (khuya|\d+ gio)|loa keo", "Tiếng ồn karaoke về đêm"),
    (r"loa (truyen thanh|phat thanh|phuong)", "Loa truyền thanh công cộng gây ồn"),
    (r"loa quang cao|mo nhac", "Loa quảng cáo gây ồn"),
    (
        r"mo da|no min|lo (nung )?gach|han xi|xuong (xe go|moc|go)|may cua|khoan coc",
        "Ô nhiễm, tiếng ồn từ cơ sở sản xuất",
    ),
    (r"den (duong|chieu sang|cao ap)|chieu sang", "Đèn chiếu sáng công cộng"),
    (r"nha ve sinh cong cong", "Nhà vệ sinh công cộng"),
    (r"rac", "Thu gom rác thải"),
    (r"ngap (ung|nuoc|lut)?|thoat nuoc|cong (thoat|ranh)|ranh thoat", "Ngập úng và thoát nước"),
    (r"nao vet|ho nuoc|beo", "Nạo vét ao hồ trong khu dân cư"),
    (r"kenh muong|muong noi dong", "Kênh mương nội đồng"),
    (r"lan (ra )?(long )?suoi|lap .{0,20}(song|suoi)|bo song", "Lấn chiếm lòng suối, bờ sông"),
    (r"sat lo|sat taluy|lo dat|sut lun|dao taluy", "Sạt lở đất"),
    (
        r"o ga|duong (xuong cap|hong|lay loi|bun)|mat duong|nang cap duong|be tong hoa",
        "Đường xuống cấp cần sửa chữa",
    ),
    (r"duong (dat|noi (to|thon|dong)|truc thon)|lam duong", "Làm đường giao thông khu dân cư"),
    (r"cau (treo|tam|go|yeu|xuong cap)|cau qua suoi|mo rong cau", "Cầu xuống cấp mất an toàn"),
    (r"dat ten duong|bien so nha|bien ten duong|ten duong", "Đặt tên đường và gắn biển số nhà"),
    (r"mua ban dat|giay viet tay|phan lo", "Mua bán, phân lô đất trái phép"),
    (
        r"(tranh chap|lan chiem|lan sang) (dat|ranh gioi|tuong|loi di)|tuong (rao|bao)|loi di chung|moc ranh|ranh gioi",  # noqa: E501
        "Tranh chấp ranh giới và lối đi",
    ),
    (
        r"boi thuong|den bu|giai phong mat bang|ho tro tai dinh cu|thu hoi dat|di chuyen .{0,10}mo",
        "Bồi thường khi thu hồi đất",
    ),
    (r"tai dinh cu|boc tham lo dat", "Giao đất tái định cư"),
    (
        r"so do|cap so|giay chung nhan quyen su dung|cap giay chung nhan|chuyen nhuong|tach thua|chuyen muc dich|ban do dia chinh|dat vuon",  # noqa: E501
        "Cấp giấy chứng nhận quyền sử dụng đất",
    ),
    (r"quy hoach treo|quy hoach|chi gioi", "Công khai và thực hiện quy hoạch"),
    (
        r"coi noi|xay (lan|de)|lan ra ngo|ban cong|tuong chung|mai ton|gian giao",
        "Xây dựng cơi nới, ảnh hưởng nhà liền kề",
    ),
    (
        r"giay phep xay dung|xay (dung )?(sai phep|trai phep|khong phep|vuot)|xay nha",
        "Cấp phép và trật tự xây dựng",
    ),
    (
        r"chat luong cong trinh|nha thau|cong trinh .{0,30}(xuong cap|hong|bong)|bong son|kien co hoa",  # noqa: E501
        "Chất lượng công trình xây dựng",
    ),
    (r"nha van hoa", "Nhà văn hóa khu dân cư"),
    (r"tien nuoc|hoa don .{0,10}nuoc|dong ho nuoc|gia nuoc", "Hóa đơn và giá tiền nước"),
    (r"nuoc (may|sach|sinh hoat)|be chua nuoc|mat nuoc|ong nuoc|cap nuoc", "Nước sinh hoạt"),
    (
        r"mat dien|cat dien|dien (yeu|chap chon|luoi)|tram bien ap|cot dien|day dien|tien dien|gia dien|cong to|ghi so",  # noqa: E501
        "Cấp điện và tiền điện",
    ),
    (r"song dien thoai|internet|\dg|nha mang", "Phủ sóng điện thoại di động"),
    (r"trai (lon|ga|chan nuoi)|chan nuoi|lon chet", "Ô nhiễm từ chăn nuôi"),
    (r"chan tha|gia suc", "Chăn thả gia súc nơi công cộng"),
    (
        r"tieng on|o nhiem|mui hoi|khoi (bui|den)|bui ban|khai thac cat|xa thai|nuoc thai|dot rom|thuoc bao ve thuc vat|khoi",  # noqa: E501
        "Ô nhiễm môi trường",
    ),
    (r"cay (xanh|co thu|sau|gay|do)|chat cay", "Cây xanh đô thị"),
    (r"bao chay|chua chay|phong chay", "Phòng cháy chữa cháy"),
    (
        r"trom|cuop|mat cap|mat xe|chan danh|chan duong|giat|danh nhau|ma tuy|lo de|co bac|danh bac|mai dam|phao|nghien|uong ruou|lua dao|gia danh",  # noqa: E501
        "An ninh trật tự",
    ),
    (r"xe (qua tai|cong nong|tu che|tai)|qua tai", "Xe quá tải và xe tự chế"),
    (
        r"do xe|cho do|bien (cam|bao)|den tin hieu|giao thong|toc do|tai nan|xe khach|don tra khach|nguoc chieu",  # noqa: E501
        "Trật tự an toàn giao thông",
    ),
    (r"bao hiem y te|the bhyt|bhyt", "Bảo hiểm y tế"),
    (
        r"thuc pham chuc nang|thuoc (tan duoc|khang sinh|bac)|quay thuoc|phong kham|tiem truyen|hanh nghe",  # noqa: E501
        "Quản lý hành nghề y dược",
    ),
    (
        r"tiem (chung|vac xin|phong)|tram y te|benh vien|kham (chua )?benh",
        "Khám chữa bệnh và y tế cơ sở",
    ),
    (
        r"ho ngheo|can ngheo|tro cap|bao tro|nguoi co cong|liet si|thuong binh|khuyet tat|mai tang|chinh sach|thanh nien xung phong|che do|thieu doi|giap hat",  # noqa: E501
        "Chế độ chính sách xã hội",
    ),
    (
        r"truong (hoc|mam non|tieu hoc|thcs|thpt|mau giao|trung hoc)|hoc sinh|mam non|lop hoc|hoc phi|giao vien|trong tre",  # noqa: E501
        "Trường lớp và giáo dục",
    ),
    (
        r"dinh lang|le hoi|van nghe|buu dien van hoa|gia dinh van hoa|tu sach",
        "Thiết chế và hoạt động văn hóa",
    ),
    (
        r"giong lua|cay giong|cay keo|trong rung|khuyen nong|nhan mac|thuong hieu|san xuat nong nghiep",  # noqa: E501
        "Hỗ trợ sản xuất nông nghiệp",
    ),
    (
        r"thue|le phi|thu ve|vay von|kinh doanh|cho (dem|trung tam|phuong|xa|bac kan|duc xuan)|tieu thuong|ban hang rong|kiot|ki ot|an toan thuc pham",  # noqa: E501
        "Kinh doanh, chợ và thuế phí",
    ),
    (
        r"thu tuc|ho so|hen (di hen lai|lai)|mot cua|chung minh nhan dan|can cuoc|ho khau|ban sao|chung thuc|dich vu cong|ket hon|xac nhan|tra loi don|cham|nhung nhieu|can bo",  # noqa: E501
        "Giải quyết thủ tục hành chính",
    ),
    (r"lu|mua lon|thien tai|han han", "Hỗ trợ thiệt hại do thiên tai"),
]


_COMPILED = [(re.compile(r"(?<![a-z])(?:" + p + r")(?![a-z])"), label) for p, label in CONCERNS]

TOPIC_NAMES = {
    "dat_dai": "đất đai",
    "quy_hoach": "quy hoạch",
    "xay_dung": "xây dựng",
    "gpmb": "giải phóng mặt bằng, bồi thường",
    "do_thi": "quản lý đô thị",
    "giao_thong": "giao thông",
    "moi_truong": "môi trường",
    "kinh_doanh": "kinh doanh, chợ, thuế phí",
    "an_sinh": "chính sách xã hội",
    "y_te_giao_duc": "y tế, giáo dục",
    "an_ninh": "an ninh trật tự",
    "hanh_chinh": "thủ tục hành chính, cán bộ",
    "dien_nuoc": "điện, nước sinh hoạt",
}

# A road: "đường Trường Chinh", "Quốc lộ 3"; an area: "tổ 7", "thôn Nà Rì". The words after the
# keyword are cut to the leading capitalised ones (or one number) afterwards.
_ROAD = re.compile(r"(?<!\w)(đường|phố|Quốc lộ|quốc lộ|QL|tỉnh lộ|Tỉnh lộ)\s+(\w+(?:\s+\w+){0,3})")
_AREA = re.compile(r"(?<!\w)(tổ dân phố|tổ|thôn|khu phố|bản|xóm)\s+(\w+(?:\s+\w+){0,3})")
# Words after a place keyword that are not a name, and roads that are honorific look-alikes.
_NOT_PLACE = {"Tôi", "Em", "Nhà", "UBND", "Ủy", "Phường", "Xã", "Thành", "Đề", "Gia", "Hiện"}
_HONORIFIC = {"Ông", "Bà", "Anh", "Chị", "Cô", "Chú", "Bác", "Cụ", "Em"}
MAX_PLACE = 45


def concern_phrase(texts: Sequence[str], folded: Sequence[str] | None = None) -> str | None:
    """The concern most of the texts name (ties: the first text's), or None. ``folded`` may
    pass ``fold()`` of each text when the caller has it already."""
    votes: Counter[str] = Counter()
    first: str | None = None
    for folded_text in map(fold, texts) if folded is None else folded:
        for label in _concerns_in(folded_text):  # the first concern the text names
            votes[label] += 1
            first = first or label
            break
    if not votes:
        return None
    best, count = votes.most_common(1)[0]
    return first if first is not None and votes[first] == count else best


def _concerns_in(folded: str) -> Iterator[str]:
    """The concerns whose patterns a folded text matches, in order."""
    for pattern, label in _COMPILED:
        if pattern.search(folded) is not None:
            yield label


def _places(pattern: re.Pattern[str], texts: Sequence[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for text in texts:
        for keyword, words in dict.fromkeys(pattern.findall(text)):  # in order: same title each run
            name = _name(words.split())
            if not name:
                continue
            if keyword in {"QL", "quốc lộ"}:
                keyword = "Quốc lộ"
            found[f"{keyword.lower() if keyword != 'Quốc lộ' else keyword} {name}"] += 1
    return found


def _name(words: list[str]) -> str:
    """'12' or the leading capitalised words ('Nà Rì'), '' when the words are no name."""
    if words[0].isdigit() or (words[0][:-1].isdigit() and words[0][-1:].isupper()):
        return words[0]
    if words[0] in _NOT_PLACE or words[0] in _HONORIFIC:
        return ""
    name = []
    for word in words:
        if not (word[:1].isupper() and (word[1:].islower() or word[1:] == "")):
            break
        name.append(word)
    return " ".join(name)


def place_phrase(texts: Sequence[str]) -> str:
    """The road (or, without one, the residential area) the texts name most often."""
    for pattern in (_ROAD, _AREA):
        found = _places(pattern, texts)
        if found:
            place = found.most_common(1)[0][0]
            return place if len(place) <= MAX_PLACE else ""
    return ""


def unit_phrase(unit: str | None) -> str:
    """'Phường Đức Xuân' → 'phường Đức Xuân' (inside a title)."""
    unit = (unit or "").strip()
    return unit[:1].lower() + unit[1:] if unit else ""


def public_title(
    texts: Sequence[str],
    unit: str | None,
    topic: str | None,
    folded: Sequence[str] | None = None,
) -> str:
    """Concern, place and unit of a group of petitions (central text first); ``folded`` may
    pass ``fold()`` of each text."""
    concern = concern_phrase(texts, folded)
    if concern is None:
        concern = "Kiến nghị về " + TOPIC_NAMES.get(topic or "", "các vấn đề khác")
        place = ""
    else:
        place = place_phrase(texts)
    where = unit_phrase(unit)
    if place and place.split()[0] in {"tổ", "thôn", "bản", "xóm", "khu"}:
        place = "ở " + place
    head = f"{concern} {place}" if place else concern
    if where and fold(where) not in fold(head):
        return f"{head}, {where}"
    return head


def fallback_title(unit: str | None, topic: str | None) -> str:
    """A title that carries nothing a petitioner wrote (used when a check refuses the first)."""
    title = "Kiến nghị về " + TOPIC_NAMES.get(topic or "", "các vấn đề khác")
    where = unit_phrase(unit)
    return f"{title}, {where}" if where else title
