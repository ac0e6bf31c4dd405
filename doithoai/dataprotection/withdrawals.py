"""The check notify runs before sending to a petitioner (`notify.hooks`): nothing goes out about
a petition whose petitioner withdrew consent or restricted or objected to processing."""

from typing import Any

from doithoai.dataprotection.models import ConsentWithdrawal


def petition_opted_out(*, petition: Any) -> bool:
    if petition.pk is None:
        return False
    return ConsentWithdrawal.objects.filter(petition_id=petition.pk).exists()
