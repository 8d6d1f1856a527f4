"""The interface every engine implements, and what they share."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, Protocol

if TYPE_CHECKING:   # the engines' names load without spaCy (the command line reads them)
    from pipeline.runner.work import Options


class Engine(Protocol):
    workers: int

    def run(self, units: Iterable[tuple[int, list]], opts: Options) -> Iterator[tuple[int, dict, int]]:
        """Yield (unit number, tables, articles in the unit) as units finish. A unit's inputs
        are Refs (read by the engine) or Articles already in memory (pipeline.runner.work)."""
