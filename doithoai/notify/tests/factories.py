"""Factories of the notify app: a message waiting in the outbox."""

import factory

from doithoai.notify.models import Message, MessageChannel


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    channel = MessageChannel.EMAIL
    template_key = "petition_received"
    to = factory.Sequence(lambda n: f"nguoinhan{n}@example.vn")
    subject = "Đã tiếp nhận kiến nghị"
    body = "Kiến nghị của ông/bà đã được tiếp nhận."
