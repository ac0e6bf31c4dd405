"""Every write to petitions. Intake from all channels goes through `petition_submit`."""

from doithoai.petitions.services.intake import PetitionInput, SubmitResult, petition_submit
from doithoai.petitions.services.processing import petition_set_topic, petition_transition

__all__ = [
    "PetitionInput",
    "SubmitResult",
    "petition_set_topic",
    "petition_submit",
    "petition_transition",
]
