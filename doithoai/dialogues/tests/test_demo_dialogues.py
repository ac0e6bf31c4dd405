"""The demo plan of 2016 comes from the seed, and the step is idempotent."""

from doithoai.demo.dialogues import demo_dialogues


def test_demo_plan_from_the_seed(round_):
    demo_dialogues(None)
    demo_dialogues(None)
    round_.refresh_from_db()
    assert [f.label for f in round_.focus_topics.all()] == [
        "Giải phóng mặt bằng",
        "Đất đai",
        "Quy hoạch, xây dựng",
        "Quản lý đô thị",
    ]
    assert [c.position_title for c in round_.chairs.all()] == [
        "Bí thư Thành ủy kiêm Chủ tịch HĐND thành phố",
        "Chủ tịch Ủy ban nhân dân thành phố",
    ]
    assert round_.starts_at.isoformat().startswith("2016-09-23T01:00") or round_.starts_at.hour in (
        1,
        8,
    )
    assert str(round_.intake_deadline) == "2016-09-10"
    assert len({t.group for t in round_.tasks.all()}) == 3
    assert round_.tasks.count() == 8 and all(t.due_on for t in round_.tasks.all())
    assert {i.group for i in round_.invitees.all()} == {
        "business",
        "group_head",
        "village_head",
        "resident",
    }
