"""Every write to petitions. Intake from all channels goes through `petition_submit`."""

from doithoai.petitions.services.intake import PetitionInput, SubmitResult, petition_submit
from doithoai.petitions.services.processing import petition_set_topic, petition_transition
from doithoai.petitions.services.rounds import petition_round_set
from doithoai.petitions.services.spreadsheet import ImportPreview, petitions_import

__all__ = [
    "ImportPreview",
    "PetitionInput",
    "SubmitResult",
    "petition_round_set",
    "petition_set_topic",
    "petition_submit",
    "petition_transition",
    "petitions_import",
]
