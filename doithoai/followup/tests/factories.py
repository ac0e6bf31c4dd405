"""Factories of the followup app: an issue assigned to a department and its answer."""

import datetime

import factory

from doithoai.accounts.tests.factories import UserFactory
from doithoai.dialogues.tests.factories import department
from doithoai.followup.models import Answer, Assignment
from doithoai.synthesis.tests.factories import IssueFactory


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    issue = factory.SubFactory(IssueFactory)
    lead = factory.LazyFunction(department)
    due_on = datetime.date(2017, 6, 30)
    assigned_by = factory.SubFactory(UserFactory)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    assignment = factory.SubFactory(AssignmentFactory)
    text = "Phòng đã khảo sát tuyến đường và đưa vào kế hoạch sửa chữa quý III."
    drafted_by = factory.SubFactory(UserFactory)
