"""Every write of the personal-data duties (see each module)."""

from doithoai.dataprotection.services.access import personal_data_export
from doithoai.dataprotection.services.act import request_carry_out
from doithoai.dataprotection.services.petitions import (
    petition_anonymise,
    petition_contact_correct,
    petition_notices_stop,
)
from doithoai.dataprotection.services.requests import (
    request_acknowledge,
    request_close,
    request_extend,
    request_receive,
)
from doithoai.dataprotection.services.retention import retention_preview, retention_run
from doithoai.dataprotection.services.viewlog import contact_views_record

__all__ = [
    "contact_views_record",
    "personal_data_export",
    "petition_anonymise",
    "petition_contact_correct",
    "petition_notices_stop",
    "request_acknowledge",
    "request_carry_out",
    "request_close",
    "request_extend",
    "request_receive",
    "retention_preview",
    "retention_run",
]
