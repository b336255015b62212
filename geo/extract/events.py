"""From a report's mentions to its events: the entry point, kept where callers import it.

The work is split by what it decides; read the modules in this order:

- :mod:`~geo.extract.triggers`: what words start an event, and its type;
- :mod:`~geo.extract.not_events`: what is told like an event but is not one;
- :mod:`~geo.extract.roles`: the attacker, the target and the one who tells of it;
- :mod:`~geo.extract.clauses`: where a sentence is cut, and which clause is a cause;
- :mod:`~geo.extract.mention`: one clause's account of an event;
- :mod:`~geo.extract.when`: which time dates a mention;
- :mod:`~geo.extract.attach`: which place is a mention's;
- :mod:`~geo.extract.discourse`: which mentions are one event;
- :mod:`~geo.extract.follow_up`: sentences that add to the event told before;
- :mod:`~geo.extract.document`: the per-report pass that runs them all.

Their word lists and patterns live in ``geo/extract/data/*.yaml``.
"""
from __future__ import annotations

from geo.extract.attach import PRECISION_RANK, contains, km
from geo.extract.document import extract_report

__all__ = ["PRECISION_RANK", "contains", "extract_report", "km"]
