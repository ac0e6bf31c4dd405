"""Generated titles name the concern and the place, never a person or a first person."""

import json
from pathlib import Path

from doithoai.core.privacy import title_findings
from doithoai.synthesis.engine.pipeline import PetitionIn, synthesize
from doithoai.synthesis.engine.public_titles import fallback_title, place_phrase, public_title

DEV = Path(__file__).resolve().parents[1] / "data" / "petitions-dev.jsonl"


def test_every_title_of_the_dev_set_is_free_of_personal_data():
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) == 560
    out = synthesize(
        [PetitionIn(id=r["id"], text=r["text"], unit=r["unit"], place=r["place"]) for r in rows],
        explain=False,
    )
    titles = {s.group: s.group_title for s in out}
    assert len(titles) > 300
    assert {
        t: [f.message for f in title_findings(t)] for t in titles.values() if title_findings(t)
    } == {}
    assert len(set(titles.values())) > 250  # titles tell issues apart, not one per topic
    units = {r["unit"] for r in rows}
    assert all(any(u in t for u in units) for t in titles.values())


def test_title_names_concern_road_and_unit():
    texts = [
        "Nhà tôi số 215 đường Nguyễn Văn Tố, hộ ông Nguyễn Văn An bày hàng lấn chiếm vỉa hè, "
        "gọi 0912345678 không ai nghe.",
        "Vỉa hè đường Nguyễn Văn Tố bị lấn chiếm để bán hàng, người đi bộ phải xuống lòng đường.",
    ]
    title = public_title(texts, "Phường Đức Xuân", "do_thi")
    assert title == "Lấn chiếm vỉa hè đường Nguyễn Văn Tố, phường Đức Xuân"
    assert not title_findings(title)


def test_places_skip_people_and_unknown_concerns_fall_back_to_the_topic():
    assert place_phrase(["Tôi ở tổ 7, phường Sông Cầu"]) == "tổ 7"
    assert place_phrase(["đường Bà Triệu"]) == ""
    assert public_title(["Một nội dung không rõ."], "Xã Nông Thượng", "dat_dai") == (
        "Kiến nghị về đất đai, xã Nông Thượng"
    )
    assert fallback_title(None, None) == "Kiến nghị về các vấn đề khác"
