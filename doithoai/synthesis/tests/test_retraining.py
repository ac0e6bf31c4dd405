import pytest
from django.core.exceptions import PermissionDenied

from doithoai.petitions.models import Topic
from doithoai.synthesis import services
from doithoai.synthesis.engine.training import default_model
from doithoai.synthesis.models import Issue, ModelVersion
from doithoai.synthesis.retraining import confirmed_examples, model_activate, model_retrain


def test_retraining_uses_confirmed_labels_and_changes_the_version(
    synthesized, demo_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    officer = demo_user("vanphong")
    issue = Issue.objects.filter(round=synthesized).order_by("id").first()
    relabel = Topic.objects.get(code="khac")
    services.issue_set_topic(actor=officer, issue=issue, topic=relabel)
    confirmed = confirmed_examples()
    assert confirmed and all(topic == "khac" for _, topic in confirmed)
    version = model_retrain(actor=officer)
    assert version.version != default_model().version
    assert version.confirmed_examples == len(confirmed) and not version.active
    from doithoai.synthesis.engine.training import load_authored, shipped_rows

    shipped = {r["text"] for r in shipped_rows()}
    assert load_authored() and version.trained_examples == len(shipped | {t for t, _ in confirmed})
    assert version.quality["examples"] == version.trained_examples
    assert 0.5 < version.quality["cv_macro_f1"] <= 1.0
    from doithoai.synthesis.engine.classifier import Model

    retrained = Model.load(version.path)
    index = retrained.classes.index("khac")
    from doithoai.synthesis.engine.normalize import tokens

    text = [tokens(confirmed[0][0])]
    before = default_model().predict_proba(text)[0][default_model().classes.index("khac")]
    after = retrained.predict_proba(text)[0][index]
    assert after > before  # the officer's label pulled the model towards it
    model_activate(actor=officer, version=version)
    assert ModelVersion.objects.get(active=True) == version


def test_ward_officer_cannot_retrain(db, demo_user):
    with pytest.raises(PermissionDenied):
        model_retrain(actor=demo_user("phuong"))
    assert not ModelVersion.objects.exists()
