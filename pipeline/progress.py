"""Progress of a run: a rich bar on a terminal, plain lines otherwise (logs, CI)."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, stream=None, every: float = 10.0):
        self.stream = stream or sys.stderr
        self.every = every
        self.bar = None

    def start(self, total: int, done: int = 0) -> None:
        self.total, self.done, self.t0, self.last = total, done, time.perf_counter(), 0.0
        self.first = done
        if self.stream.isatty():
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)
            self.bar = RichProgress(TextColumn("articles"), BarColumn(), MofNCompleteColumn(),
                                    TextColumn("{task.fields[rate]} art/s"), TimeElapsedColumn(),
                                    TextColumn("ETA"), TimeRemainingColumn(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("run", total=total, completed=done, rate="-")

    def advance(self, n: int) -> None:
        self.done += n
        elapsed = time.perf_counter() - self.t0
        rate = (self.done - self.first) / elapsed if elapsed > 0 else 0.0
        if self.bar:
            self.bar.update(self.task, advance=n, rate=f"{rate:.1f}")
        elif elapsed - self.last >= self.every or self.done == self.total:
            self.last = elapsed
            left = (self.total - self.done) / rate if rate else 0
            print(f"depeche: {self.done}/{self.total} articles, {rate:.1f} art/s, ETA {left:.0f} s",
                  file=self.stream, flush=True)

    def stop(self) -> None:
        if self.bar:
            self.bar.stop()
            self.bar = None
