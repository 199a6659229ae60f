"""One small exception hierarchy; the CLI maps each class to an exit code.

Every error the user can cause carries enough to act on without a traceback:
content errors carry their file, line, column and key path, and are collected
so that one run lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass


class HandbookError(Exception):
    """Base of every error the CLI reports as a plain message."""

    exit_code = 1


class UsageError(HandbookError):
    """Bad command-line usage or configuration (exit 2)."""

    exit_code = 2


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One located problem in a content file, printed as ``FILE:LINE:COL: key.path: message``."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ContentError(HandbookError):
    """Content failed to load or validate; holds every problem found, sorted by place."""

    exit_code = 2

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
