"""The conference desk stays light at the size of a real round and preselects the item under
discussion for the next statement."""

import re

from django.urls import reverse

from doithoai.dialogues.models import Statement
from doithoai.dialogues.services import agenda_build, agenda_item_open, speaker_request
from doithoai.synthesis.models import Issue


def test_desk_at_real_size_has_no_long_selects_and_pages_statements(client, round_, demo_user):
    Issue.objects.bulk_create(Issue(round=round_, title=f"Vấn đề số {n}") for n in range(420))
    actor = demo_user("vanphong")
    items = agenda_build(actor=actor, round_=round_)
    issue_items = [i for i in items if i.issue_id]
    agenda_item_open(actor=actor, item=issue_items[1])
    Statement.objects.bulk_create(
        Statement(round=round_, speaker_name=f"Người {n}", text=f"Ý kiến {n}") for n in range(25)
    )
    client.force_login(actor)
    page = client.get(reverse("dialogue-conference", args=[round_.pk])).content.decode()
    options = re.findall(r"<option", page)
    assert len(options) < 120  # agenda items, organisations twice, speakers: no 420 issues
    select = re.search(r'<select id="st-issue".*?</select>', page, re.S).group(0)
    assert select.count("<option") == len(issue_items) + 1
    assert f'value="{issue_items[1].issue_id}" selected' in select  # the item under discussion
    assert page.count('data-testid="statement"') == 10
    assert "Trang 1 / 3" in page
    older = client.get(reverse("dialogue-conference", args=[round_.pk]), {"trang": 3})
    assert older.content.decode().count('data-testid="statement"') == 5


def test_statement_takes_the_issue_picked_by_search(client, round_, demo_user):
    picked = Issue.objects.create(round=round_, title="Sạt lở taluy đường tránh")
    on_agenda = Issue.objects.create(round=round_, title="Chợ tạm")
    actor = demo_user("lanhdao")
    client.force_login(actor)
    speaker = speaker_request(actor=actor, round_=round_, name="Bế Văn Lợi")
    found = client.get(
        reverse("dialogue-issue-search", args=[round_.pk]), {"q": "sat lo", "for": "statement"}
    ).content.decode()
    assert 'name="issue_pick"' in found and f'value="{picked.pk}"' in found
    client.post(
        reverse("dialogue-statement", args=[round_.pk]),
        {
            "speaker": speaker.pk,
            "issue": on_agenda.pk,
            "issue_pick": picked.pk,
            "text": "Đề nghị kè taluy.",
        },
    )
    assert Statement.objects.get(round=round_).issue_id == picked.pk
    page = client.post(
        reverse("dialogue-statement", args=[round_.pk]),
        {"speaker_name": "A", "issue_pick": 99999999, "text": "x"},
        follow=True,
    ).content.decode()
    assert "Không tìm thấy vấn đề" in page and Statement.objects.filter(round=round_).count() == 1
