"""Vocabularies of the printed answer letters and the one table of allowed delivery records."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable


class LetterState(models.TextChoices):
    TO_DELIVER = "to_deliver", _("Chờ chuyển")
    DELIVERED = "delivered", _("Đã chuyển đến người nhận")
    REFUSED = "refused", _("Người nhận từ chối nhận")
    NOT_FOUND = "not_found", _("Chưa gặp được người nhận")


class DeliveryMethod(models.TextChoices):
    HANDED = "handed", _("Trao tận tay")
    RELATIVE = "relative", _("Gửi người thân trong gia đình")
    VILLAGE_HEAD = "village_head", _("Qua trưởng thôn, tổ trưởng tổ dân phố")
    POST = "post", _("Gửi qua bưu điện")
    REFUSED = "refused", _("Người nhận từ chối nhận")
    NOT_FOUND = "not_found", _("Không gặp được người nhận")


# What a delivery record does to the letter.
METHOD_STATE: dict[str, str] = {
    DeliveryMethod.HANDED: LetterState.DELIVERED,
    DeliveryMethod.RELATIVE: LetterState.DELIVERED,
    DeliveryMethod.VILLAGE_HEAD: LetterState.DELIVERED,
    DeliveryMethod.POST: LetterState.DELIVERED,
    DeliveryMethod.REFUSED: LetterState.REFUSED,
    DeliveryMethod.NOT_FOUND: LetterState.NOT_FOUND,
}

# From state → the states a delivery record may move a letter to. A delivered or refused letter is
# finished; a letter whose petitioner was not found is tried again.
LETTER_TRANSITIONS = StateTable(
    LetterState,
    {
        LetterState.TO_DELIVER: {LetterState.DELIVERED, LetterState.REFUSED, LetterState.NOT_FOUND},
        LetterState.NOT_FOUND: {LetterState.DELIVERED, LetterState.REFUSED, LetterState.NOT_FOUND},
        LetterState.DELIVERED: set(),
        LetterState.REFUSED: set(),
    },
    message=_("Thư này đã được ghi nhận chuyển xong, không ghi nhận lại."),
)

# Letters still to be carried to their petitioner (printed in the ward's PDF).
PENDING_STATES = (LetterState.TO_DELIVER, LetterState.NOT_FOUND)
