"""Demo priorities and plans (used by ``seed_demo``, after the forums and performance demos)."""

from priorities.demo.plans import seed

__all__ = ["seed"]
