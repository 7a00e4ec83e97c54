"""Demo forums, their members and a year of meetings (used by ``seed_demo``)."""

from forums.demo import forum, meetings


def seed(*, stdout) -> None:
    """The forums and their seats first, then a year of meetings on them."""
    forum.seed(stdout=stdout)
    meetings.seed(stdout=stdout)
