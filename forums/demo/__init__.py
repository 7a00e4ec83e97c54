"""Demo forums, their members and a year of meetings (used by ``seed_demo``)."""

from forums.demo import forum, meetings, procedures


def seed(*, stdout) -> None:
    """The forums and their seats first, then a year of meetings on them, then a decision in
    writing open for answers."""
    forum.seed(stdout=stdout)
    meetings.seed(stdout=stdout)
    procedures.seed(stdout=stdout)
