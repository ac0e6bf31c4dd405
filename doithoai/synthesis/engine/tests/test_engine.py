import csv
import json

import pytest

from doithoai.synthesis.engine import batch
from doithoai.synthesis.engine.classifier import Model
from doithoai.synthesis.engine.pipeline import PetitionIn, synthesize
from doithoai.synthesis.engine.routing import suggest_department
from doithoai.synthesis.engine.training import default_model, retrain

UNIT = "phường Tân An"
SAME_A = (
    "Đèn chiếu sáng trên hẻm 45 khóm 3 bị hỏng cả tháng nay, tối đi lại rất nguy hiểm, "
    "đề nghị phường sửa đèn đường hẻm 45."
)
SAME_B = (
    "Cử tri khóm 3 phản ánh hẻm 45 không có đèn chiếu sáng từ lâu, bóng đèn hư không ai thay, "
    "đề nghị sớm sửa chữa đèn đường."
)
OTHER_STREET = (
    "Đèn chiếu sáng trên hẻm 112 khóm 7 bị hỏng cả tháng nay, tối đi lại rất nguy hiểm, "
    "đề nghị phường sửa đèn đường hẻm 112."
)


@pytest.fixture(scope="module")
def model() -> Model:
    return default_model()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Xin cấp giấy chứng nhận quyền sử dụng đất, hồ sơ nộp 2 năm chưa có sổ đỏ.", "dat_dai"),
        (
            "Nhóm thanh niên tụ tập đánh bạc, hút ma túy ở bãi đất trống, đề nghị công an xử lý.",
            "an_ninh",
        ),
        (
            "Khu vực ấp 2 mất điện liên tục, điện yếu, đề nghị điện lực nâng cấp trạm biến áp.",
            "dien_nuoc",
        ),
        ("Tiền bồi thường giải phóng mặt bằng quá thấp, chưa được bố trí lô tái định cư.", "gpmb"),
    ],
)
def test_classifier_clear_examples(model, text, topic):
    ((predicted, confidence),) = model.predict([text])
    assert predicted == topic
    assert 0 < confidence <= 1
    assert model.explain(text)


def test_grouping_same_concern_and_different_street(model):
    pets = [
        PetitionIn("a", SAME_A, UNIT),
        PetitionIn("b", SAME_B, UNIT),
        PetitionIn("c", OTHER_STREET, UNIT),
        PetitionIn("d", "Trạm y tế phường thiếu bác sĩ, đề nghị bổ sung.", UNIT),
    ]
    out = {s.id: s for s in synthesize(pets, model=model)}
    assert out["a"].group == out["b"].group
    assert out["c"].group != out["a"].group
    assert out["d"].group not in {out["a"].group, out["c"].group}
    assert out["a"].group_title and len(out["a"].group_title) <= 91
    assert set(out["a"].group_members) == {"a", "b"}


def test_fixed_groups_are_respected(model):
    pets = [
        PetitionIn("a", SAME_A, UNIT),
        PetitionIn("b", SAME_B, UNIT),
        PetitionIn("c", OTHER_STREET, UNIT),
        PetitionIn("e", SAME_A.replace("Đèn", "Bóng đèn"), UNIT),
    ]
    fixed = {"a": "officer-1", "c": "officer-1"}
    out = {s.id: s for s in synthesize(pets, model=model, fixed_groups=fixed)}
    assert out["a"].group == out["c"].group == "officer-1"
    assert out["b"].group != "officer-1" and out["e"].group != "officer-1"


def test_routing_defaults_and_overrides():
    assert suggest_department("giao_thong") == "qldt"
    assert suggest_department("gpmb", "xã A") == "gpmb"
    assert (
        suggest_department("giao_thong", "Xã A", overrides={("xã A", "giao_thong"): "kt"}) == "kt"
    )
    assert suggest_department("y_te_giao_duc", text="Trạm y tế thiếu thuốc, bác sĩ") == "yte"


def _check_output(path, ids):
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ids
    for r in lines:
        assert set(r) == {"id", "topic", "confidence", "group", "group_title", "department"}
    return lines


def test_batch_jsonl_and_csv(tmp_path):
    rows = [
        {"id": "1", "text": SAME_A, "unit": UNIT},
        {"id": "2", "text": SAME_B, "unit": UNIT, "place": "khóm 3"},
        {"id": "3", "text": OTHER_STREET, "unit": UNIT, "channel": "web"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch.run(src, out, progress=False) == 3
    lines = _check_output(out, ["1", "2", "3"])
    assert lines[0]["group"] == lines[1]["group"] != lines[2]["group"]

    src_csv = tmp_path / "in.csv"
    with open(src_csv, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "text", "unit", "place", "channel"])
        writer.writeheader()
        writer.writerows(rows)
    out_csv = tmp_path / "out.csv.jsonl"
    batch.run(src_csv, out_csv, progress=False)
    assert _check_output(out_csv, ["1", "2", "3"]) == lines


def test_retraining_changes_version(model, tmp_path):
    new = retrain([("Sân bóng chuyền của khóm xuống cấp, đề nghị hỗ trợ kinh phí sửa.", "khac")])
    assert new.version != model.version
    path = tmp_path / "m.npz"
    new.save(path)
    loaded = Model.load(path)
    assert loaded.version == new.version
    assert loaded.predict([SAME_A]) == new.predict([SAME_A])
