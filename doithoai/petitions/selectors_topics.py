"""Reads of the topic list for the secretariat's page that manages it."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404

from doithoai.accounts.types import Actor
from doithoai.petitions import policies
from doithoai.petitions.models import Petition, Topic


@dataclass(frozen=True)
class TopicRow:
    topic: Topic
    petitions: int


def _check_allowed(user: Actor) -> None:
    if not policies.can_manage_topics(user):
        raise PermissionDenied


def topic_rows_for(*, user: Actor) -> list[TopicRow]:
    """Every topic, retired ones included, with how many petitions it holds: two queries, the
    topics and one GROUP BY over the petitions (served by the index that leads with the topic)."""
    _check_allowed(user)
    counts = dict(
        Petition.objects.filter(topic__isnull=False)
        .order_by()
        .values("topic_id")
        .annotate(n=Count("*"))
        .values_list("topic_id", "n")
    )
    return [TopicRow(topic=t, petitions=counts.get(t.pk, 0)) for t in Topic.objects.all()]


def topic_get_for(*, user: Actor, code: str) -> Topic:
    """The topic of that code for a user who may manage topics; 404 when there is none."""
    _check_allowed(user)
    topic = Topic.objects.filter(code=code).first()
    if topic is None:
        raise Http404
    return topic
