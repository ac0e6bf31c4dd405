"""Background work of petitions: the receipt sent to a petitioner who gave an email address."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils.translation import gettext as _
from django.utils.translation import override

from doithoai.petitions.models import Petition


@task()
def send_receipt(petition_id: int) -> None:
    petition = Petition.objects.filter(pk=petition_id).first()
    if petition is None or not petition.email:
        return
    with override("vi"):
        link = f"{settings.DOITHOAI_PUBLIC_URL}/tra-cuu/?ma={petition.code}"
        body = _(
            "Kiến nghị của bạn đã được tiếp nhận ngày %(date)s.\n"
            "Mã tra cứu: %(code)s\n"
            "Theo dõi kết quả giải quyết tại: %(link)s\n"
        ) % {"date": petition.received_on.strftime("%d/%m/%Y"), "code": petition.code, "link": link}
        send_mail(
            _("Đã tiếp nhận kiến nghị %(code)s") % {"code": petition.code},
            body,
            settings.DEFAULT_FROM_EMAIL,
            [petition.email],
        )
