"""Documents in any state, built directly for test set-up (the services are tested on their own)."""

import factory
from django.utils.timezone import localdate, now

from documents.models import IncomingDocument, Notice, OutgoingDocument
from tests.factories import UserFactory


class IncomingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncomingDocument
        skip_postgeneration_save = True

    year = factory.LazyFunction(lambda: localdate().year)  # registered this year, whatever it is
    serial = factory.Sequence(lambda n: 1000 + n)
    number = factory.LazyAttribute(lambda d: f"收文〔{d.year}〕{d.serial}号")
    title = factory.Sequence(lambda n: f"关于做好第{n}季度安全生产工作的通知")
    kind = "notice"
    source_org = "市人民政府办公室"
    source_number = factory.Sequence(lambda n: f"市政办发〔2026〕{n}号")
    received_at = factory.LazyFunction(now)
    security_level = "internal"
    registered_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def access(self, create, extracted, **kwargs):
        if create and extracted:
            self.access_list.add(*extracted)


class OutgoingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutgoingDocument
        skip_postgeneration_save = True

    series = "ban"
    title = factory.Sequence(lambda n: f"关于召开第{n}次办公会议的通知")
    kind = "notice"
    body = "各处室：\n经研究，定于下周一召开办公会议，请准时参加。"
    main_recipients = "各处室"
    copy_recipients = "局领导"
    issuer = "示范单位办公室"
    security_level = "internal"
    drafted_by = factory.SubFactory(UserFactory)
    department = factory.LazyAttribute(lambda d: d.drafted_by.department)

    @factory.post_generation
    def access(self, create, extracted, **kwargs):
        if create and extracted:
            self.access_list.add(*extracted)


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    title = factory.Sequence(lambda n: f"关于国庆节值班安排的通知{n}")
    body = "国庆节期间值班安排如下，请各部门做好准备。"
    status = "published"
    published_at = factory.LazyFunction(now)
    created_by = factory.SubFactory(UserFactory)
