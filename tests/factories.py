"""factory_boy factories for people, agencies, forums and memberships.

Each app's own tests may add factories in tests/<app>/factories.py.
"""

import datetime

import factory
from django.utils import timezone

from forums.models import Forum, Membership
from membership.models import Agency, AgencyType, PoliceForceArea, User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results:
            instance.save()


def area(code: str = "E23000013") -> PoliceForceArea:
    """A police force area from the shipped reference data (Cleveland by default)."""
    return PoliceForceArea.objects.get(code=code)


def agency_type(slug: str) -> AgencyType:
    return AgencyType.objects.get(slug=slug)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    agency_type = factory.LazyFunction(lambda: agency_type("police"))

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if not create:
            return
        self.areas.set(extracted if extracted is not None else [area()])


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Forum {n} Criminal Justice Board")
    slug = factory.Sequence(lambda n: f"forum-{n}")
    kind = Forum.Kind.LOCAL_BOARD
    public_summary = "The board brings local criminal justice agencies together."
    is_public = True

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if not create:
            return
        self.areas.set(extracted if extracted is not None else [area()])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    forum = factory.SubFactory(ForumFactory)
    person = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Membership.Role.MEMBER
    can_commit_resources = True
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
