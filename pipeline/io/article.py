"""An input article as read: text, metadata, and what happened to it so far."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Article:
    article_id: str
    path: str                 # source file relative to INPUT, `/`-separated
    text: str = ""            # the decoded text that offsets index (header included)
    body_start: int = 0       # where the body starts in `text` (after a metadata header)
    date: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    lang: str = ""
    status: str = "ok"        # ok | empty | not_french | too_large | error
    error: str = ""
    sha256: str = ""

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def fail(self, status: str, message: str) -> "Article":
        from pipeline.errors import one_line
        self.status, self.error = status, one_line(message)
        return self
