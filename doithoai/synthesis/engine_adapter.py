"""The one place the Django app talks to the engine: petitions in, suggestions out."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from doithoai.petitions.models import Petition
from doithoai.synthesis.engine.classifier import Model
from doithoai.synthesis.engine.routing import DEFAULT_ROUTING
from doithoai.synthesis.models import ModelVersion, RoutingRule


@dataclass(frozen=True)
class PetitionSuggestion:
    petition_id: int
    topic: str
    confidence: float
    top_terms: list[str]
    group: str
    department: str


@dataclass(frozen=True)
class Result:
    suggestions: list[PetitionSuggestion]
    titles: dict[str, str]
    model_version: str


def active_model() -> Model:
    from doithoai.synthesis.engine.training import default_model

    version = ModelVersion.objects.filter(active=True).exclude(path="").order_by("-id").first()
    if version is not None and Path(version.path).exists():
        return Model.load(version.path)
    return default_model()


def routing_overrides() -> dict[str, str]:
    """Topic → organisation code from the secretariat's routing table (unit-wide rules)."""
    return {
        rule.topic.code: rule.organisation.code
        for rule in RoutingRule.objects.filter(unit__isnull=True).select_related(
            "topic", "organisation"
        )
    }


def suggest(
    petitions: list[Petition],
    *,
    fixed_groups: Mapping[int, str],
    progress: Callable[[int], None] | None = None,
) -> Result:
    from doithoai.synthesis.engine.pipeline import PetitionIn, Routing, synthesize

    model = active_model()
    table = {**DEFAULT_ROUTING, **routing_overrides()}
    items = [
        PetitionIn(
            id=str(p.pk), text=p.text, unit=p.unit.name, place=p.place or None, channel=p.channel
        )
        for p in petitions
    ]

    def report(stage: str, n: int) -> None:
        if progress and stage == "classify":
            progress(n)

    out = synthesize(
        items,
        model=model,
        routing=Routing(table=table),
        fixed_groups={str(k): v for k, v in fixed_groups.items()},
        progress=report,
    )
    return Result(
        suggestions=[
            PetitionSuggestion(
                int(s.id), s.topic, s.confidence, list(s.top_terms), s.group, s.department
            )
            for s in out
        ],
        titles={s.group: s.group_title for s in out},
        model_version=model.version,
    )
