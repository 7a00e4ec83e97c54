"""factory_boy factories for people and agencies, and the shipped areas and agency types."""

import factory
from faker import Faker

from membership.models import Agency, AgencyType, PoliceForceArea, User

_FAKE = Faker("en_GB")

PASSWORD = "correct horse battery staple"


def area(code: str = "E23000013") -> PoliceForceArea:
    """A police force area from the shipped reference data (Cleveland by default)."""
    return PoliceForceArea.objects.get(code=code)


def agency_type(slug: str) -> AgencyType:
    """An agency type from the shipped reference data ("police", "cps", "hmcts", ...)."""
    return AgencyType.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    """A person who can sign in with PASSWORD; no site or national role unless a trait says."""

    class Meta:
        model = User
        django_get_or_create = ("email",)

    class Params:
        site_admin = factory.Trait(is_staff=True, is_superuser=True)
        national_viewer = factory.Trait(is_national_viewer=True)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    # Faker's names, without apostrophes ("Lisa O'Connor"): tests look for a person's name in
    # the page, where HTML escapes the apostrophe. Tests of escaping name people themselves.
    full_name = factory.LazyFunction(lambda: _FAKE.name().replace("'", ""))
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results:
            instance.save()


class AgencyFactory(factory.django.DjangoModelFactory):
    """A police agency covering Cleveland; pass ``agency_type`` and ``areas`` to change it."""

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
