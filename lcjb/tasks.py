"""Project-level tasks used to check that the broker and a worker are alive."""

from celery import shared_task


@shared_task(name="lcjb.ping")
def ping(value: str = "pong") -> str:
    """Echo a value back: the round trip proves broker, worker and result backend work."""
    return value
