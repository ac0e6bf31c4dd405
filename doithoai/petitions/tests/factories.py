import factory

from doithoai.core.text import search_key
from doithoai.petitions.choices import Channel, SubmitterType
from doithoai.petitions.models import Petition
from doithoai.units.models import Unit


def ward(code: str = "01840") -> Unit:
    return Unit.objects.get(scheme="2004", code=code)


class PetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Petition

    # Always the stored shape (3-3-4 symbols): a lookup normalises what it is given.
    code = factory.Sequence(lambda n: f"TST-{n // 10_000:03d}-{n % 10_000:04d}")
    text = "Đề nghị sửa đường tổ 5 bị hỏng nặng, mưa xuống là ngập."
    text_folded = factory.LazyAttribute(lambda o: search_key(o.text))
    unit = factory.LazyFunction(ward)
    channel = Channel.WEB
    submitter_type = SubmitterType.RESIDENT
    submitter_name = "Trần Văn Bí Mật"
    phone = "0912345678"
    email = "bimat@example.vn"
    submitter_address = "Số 7 ngõ Kín, tổ 5"
    tax_code = "4700123456"
    received_on = factory.Faker("date_between", start_date="-30d", end_date="today")
