"""Retraining the topic model from officers' confirmed decisions plus the shipped data.

A new model is stored inactive with a quality report (cross-validated macro-F1 on the labelled
set, and its accuracy on the officers' confirmed petitions); an officer then switches it on.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.petitions.models import Petition
from doithoai.synthesis import policies
from doithoai.synthesis.events import SynthesisEvents
from doithoai.synthesis.models import ModelVersion

FOLDS = 5


def confirmed_examples() -> list[tuple[str, str]]:
    """(text, topic) of every petition whose issue's topic an officer confirmed."""
    return list(
        Petition.objects.filter(
            issue_link__issue__topic_confirmed=True, issue_link__issue__topic__isnull=False
        ).values_list("text", "issue_link__issue__topic__code")
    )


def _macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def quality_report(
    examples: list[tuple[str, str]], confirmed: list[tuple[str, str]]
) -> dict[str, float]:
    from doithoai.synthesis.engine.classifier import train

    gold, predicted = [], []
    for fold in range(FOLDS):
        held = [e for i, e in enumerate(examples) if i % FOLDS == fold]
        model = train([e for i, e in enumerate(examples) if i % FOLDS != fold], calibrate=False)
        predicted += [topic for topic, _conf in model.predict([t for t, _ in held])]
        gold += [topic for _, topic in held]
    return {
        "cv_macro_f1": round(_macro_f1(gold, predicted), 4),
        "examples": len(examples),
        "confirmed": len(confirmed),
    }


@transaction.atomic
def model_retrain(*, actor: Actor) -> ModelVersion:
    if not policies.can_retrain(actor):
        raise PermissionDenied(_("Bạn không có quyền huấn luyện lại mô hình."))
    from doithoai.synthesis.engine.training import retrain, shipped_rows

    confirmed = confirmed_examples()
    labelled = {r["text"]: r["topic"] for r in shipped_rows()}
    labelled.update(dict(confirmed))
    model = retrain(confirmed)
    folder = Path(settings.MEDIA_ROOT) / "models"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{model.version}.bin"
    model.save(path)
    report = quality_report(list(labelled.items()), confirmed)
    if confirmed:
        hits = sum(
            1
            for (text, topic), (p, _c) in zip(
                confirmed, model.predict([t for t, _ in confirmed]), strict=True
            )
            if p == topic
        )
        report["confirmed_accuracy"] = round(hits / len(confirmed), 4)
    version, _created = ModelVersion.objects.update_or_create(
        version=model.version,
        defaults={
            "path": str(path),
            "trained_examples": len(labelled),
            "confirmed_examples": len(confirmed),
            "quality": report,
            "created_by": acting_user(actor),
        },
    )
    event_record(actor=actor, obj=version, action=SynthesisEvents.MODEL_TRAINED, after=report)
    return version


@transaction.atomic
def model_activate(*, actor: Actor, version: ModelVersion) -> ModelVersion:
    if not policies.can_retrain(actor):
        raise PermissionDenied(_("Bạn không có quyền bật mô hình."))
    previous = ModelVersion.objects.filter(active=True).first()
    ModelVersion.objects.filter(active=True).update(active=False)
    version.active = True
    version.save(update_fields=["active"])
    event_record(
        actor=actor,
        obj=version,
        action=SynthesisEvents.MODEL_ACTIVATED,
        before={"version": previous.version if previous else "shipped"},
        after={"version": version.version},
    )
    return version
