"""Factories of the units app: new units and organisations beside the loaded reference data."""

import factory

from doithoai.core.text import fold
from doithoai.units.models import Organisation, OrganisationKind, Scheme, Unit, UnitKind


def city() -> Unit:
    """Bắc Kạn city of the 2004 scheme, the demo's unit (loaded as reference data)."""
    return Unit.objects.get(scheme=Scheme.LEGACY_2004, code="058")


class UnitFactory(factory.django.DjangoModelFactory):
    """A residential group under the demo city: a unit no reference data holds."""

    class Meta:
        model = Unit

    scheme = Scheme.LOCAL
    code = factory.Sequence(lambda n: f"T{n:05d}")
    kind = UnitKind.RESIDENTIAL_GROUP
    name = factory.Sequence(lambda n: f"Tổ dân phố thử {n}")
    name_folded = factory.LazyAttribute(lambda o: fold(o.name))
    parent = factory.LazyFunction(city)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    unit = factory.LazyFunction(city)
    kind = OrganisationKind.DEPARTMENT
    code = factory.Sequence(lambda n: f"phong-thu-{n}")
    name = factory.Sequence(lambda n: f"Phòng thử nghiệm {n}")
