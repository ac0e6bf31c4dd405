"""Staff pages: the work list, the directive page (progress, extension) and their 404s."""

import datetime

from doithoai.dialogues.models import Directive


def test_work_list_and_directive_page(client, users, demo_round, qldt, issue):
    d = Directive.objects.create(
        round=demo_round, text="Sửa cống tổ 5", assignee=qldt, deadline=datetime.date(2016, 12, 1)
    )
    client.force_login(users["vanphong"])
    page = client.get("/staff/theo-doi/").content.decode()
    assert issue.title in page  # the secretariat opens on the unassigned issues
    page = client.get("/staff/theo-doi/?ds=chi-dao").content.decode()
    assert "Sửa cống tổ 5" in page and "quá hạn" in page
    client.force_login(users["chuyenvien"])
    url = f"/staff/theo-doi/chi-dao/{d.pk}/"
    assert client.get(url).status_code == 200
    r = client.post(url, {"kind": "progress", "text": "Đã khảo sát", "percent": "150"})
    assert r.status_code == 302
    d.refresh_from_db()
    assert d.state == "open" and not d.updates.exists()  # invalid percent: nothing written
    client.post(url, {"kind": "progress", "text": "Đã khảo sát", "percent": "30"})
    client.post(url, {"kind": "extension", "until": "2017-03-01", "reason": "Chờ vốn"})
    d.refresh_from_db()
    assert d.state == "extension_requested" and d.updates.count() == 1
    client.force_login(users["lanhdao"])
    client.post(url, {"kind": "approve-extension", "text": "Đồng ý"})
    d.refresh_from_db()
    assert d.deadline == datetime.date(2017, 3, 1) and d.state == "in_progress"
    client.force_login(users["baochi"])
    assert client.get(url).status_code == 404
    assert client.get("/staff/theo-doi/giao/999999/").status_code == 404
