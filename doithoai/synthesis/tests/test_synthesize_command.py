import csv
import json
import subprocess
import sys
from pathlib import Path


def run(*args):
    script = Path(sys.executable).parent / "doithoai"
    return subprocess.run(
        [str(script), "synthesize", *args], capture_output=True, text=True, timeout=300
    )


def test_jsonl_and_csv_inputs_give_one_line_per_petition(tmp_path):
    rows = [
        {
            "id": "a",
            "text": "Đường tổ 5 phường Đức Xuân xuống cấp, ổ gà nhiều, đề nghị sửa.",
            "unit": "Đức Xuân",
        },
        {
            "id": "b",
            "text": "Duong to 5 Duc Xuan nhieu o ga, de nghi thanh pho som sua chua.",
            "unit": "Đức Xuân",
        },
        {
            "id": "c",
            "text": "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho gia đình tôi.",
            "unit": "Sông Cầu",
        },
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("--input", str(jsonl), "--output", str(out))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c"]
    assert set(lines[0]) == {"id", "topic", "confidence", "group", "group_title", "department"}
    assert lines[0]["group"] == lines[1]["group"] != lines[2]["group"]
    assert lines[2]["topic"] == "dat_dai"
    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "text", "unit"])
        writer.writeheader()
        writer.writerows(rows)
    assert (
        run("--input", str(tmp_path / "in.csv"), "--output", str(tmp_path / "o2.jsonl")).returncode
        == 0
    )
    assert len((tmp_path / "o2.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_missing_input_is_a_clear_error(tmp_path):
    result = run("--input", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert result.returncode != 0 and "Không tìm thấy tệp" in result.stderr
