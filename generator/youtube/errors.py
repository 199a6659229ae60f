"""Why a refresh can fail, each mapped to the exit code ``handbook refresh`` promises.

``QuotaExceeded``, ``OverBudget`` and ``Stalled`` are not failures of the run:
the refresh catches them, saves its progress and exits 3. The others end the run
with a plain message; the lock keeps whatever earlier steps completed.
"""

from __future__ import annotations

from generator.errors import HandbookError, UsageError


class KeyRejected(UsageError):
    """The API key is missing, invalid, expired or not enabled for the Data API (exit 2)."""


class NetworkFailure(HandbookError):
    """The API could not be reached at all (exit 1)."""


class ApiFailure(HandbookError):
    """The API answered with an error that retrying did not cure (exit 1)."""


class QuotaExceeded(Exception):
    """The project's daily quota is used up: stop, save progress, resume tomorrow."""


class OverBudget(Exception):
    """A request would spend more units than ``--budget`` allows."""


class Stalled(Exception):
    """The API kept the refresh waiting too long in all (``client.PATIENCE``): stop, save
    progress, resume later."""
