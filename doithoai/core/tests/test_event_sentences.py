"""Histories read as Vietnamese sentences: every action any app records has a sentence, an action
nobody described still reads as one, and a petition's history page shows no raw action code."""

import re
from enum import StrEnum
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.utils.module_loading import module_has_submodule

from doithoai.core.events import _TEXTS, _discover, event_describe, event_record
from doithoai.core.models import Event
from doithoai.followup import services as followup
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.synthesis.models import Issue, IssueMembership
from doithoai.units.models import Organisation

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2]
ACTION = re.compile(r'"([a-z_]+\.[a-z_]+)"')


def literal_actions() -> set[str]:
    """Action strings a service passes to `event_record` by hand instead of its app's enum
    (tests excluded)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts or path.name == "event_texts.py":
            continue
        source = path.read_text(encoding="utf-8")
        if "event_record(" not in source and "event_new(" not in source:
            continue
        for line in source.splitlines():
            if re.search(r"\baction=", line):
                found.update(ACTION.findall(line))
    return found


def enum_actions() -> set[str]:
    """Every action of every app's events enum (`<app>/events.py`)."""
    found: set[str] = set()
    for config in apps.get_app_configs():
        if config.name == "doithoai.core" or not module_has_submodule(config.module, "events"):
            continue
        module = import_module(f"{config.name}.events")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum:
                found.update(str(member) for member in value)
    return found


def test_every_recorded_action_has_a_sentence():
    _discover()
    actions = enum_actions() | literal_actions()
    assert {"petition.received", "followup.assigned", "issue.merged"} <= actions
    missing = sorted(actions - set(_TEXTS))
    assert missing == [], f"describe these in the app's event_texts.py: {missing}"


def test_services_name_their_actions_by_the_enum():
    assert sorted(literal_actions()) == []


def test_assignment_reads_as_a_sentence_with_the_person_and_the_department(demo_user):
    issue = Issue.objects.create(title="Đường tổ 5 xuống cấp")
    IssueMembership.objects.create(petition=PetitionFactory(), issue=issue)
    lead = Organisation.objects.filter(code="qldt").first()
    followup.issue_assign(actor=demo_user("vanphong"), issue=issue, lead=lead)
    event = Event.objects.filter(action="followup.assigned").latest("id")
    sentence = event_describe(event)
    assert sentence.startswith(f"{demo_user('vanphong')} đã giao cho {lead.name}")
    assert "hạn" in sentence
    # without the actor's name (a page where names are not shown), a role word instead
    assert event_describe(event, show_actor=False).startswith("Cán bộ đã giao")


def test_an_action_nobody_described_still_reads_in_vietnamese(demo_user):
    petition = PetitionFactory()
    event = event_record(actor=demo_user("vanphong"), obj=petition, action="petition.unheard_of")
    assert event_describe(event) == f"{demo_user('vanphong')} đã cập nhật kiến nghị"
    system = event_record(actor=None, obj=petition, action="petition.unheard_of")
    assert event_describe(system) == "Hệ thống đã cập nhật kiến nghị"


def test_a_describer_given_an_older_events_fields_falls_back(demo_user):
    petition = PetitionFactory()
    event = event_record(actor=demo_user("vanphong"), obj=petition, action="petition.topic_set")
    assert event_describe(event).endswith("đã cập nhật kiến nghị")


def test_the_petition_history_shows_sentences_not_codes(client, demo_user):
    from doithoai.petitions.models import Petition

    client.force_login(demo_user("vanphong"))
    petition = Petition.objects.exclude(channel="web").order_by("id").first()
    page = client.get(f"/staff/kien-nghi/{petition.pk}/").content.decode()
    assert "đã tiếp nhận kiến nghị (kênh:" in page
    assert "petition.received" not in page and "phuong_xa" not in page
