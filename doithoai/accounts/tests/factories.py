"""Factories of the accounts app: a staff user and their role in an organisation."""

import factory

from doithoai.accounts.models import Membership, Role, User
from doithoai.units.tests.factories import OrganisationFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    first_name = "Cán bộ"
    last_name = factory.Sequence(lambda n: f"thử {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.vn")
    password = factory.django.Password("mat-khau-thu-nghiem")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.DEPARTMENT_OFFICER
