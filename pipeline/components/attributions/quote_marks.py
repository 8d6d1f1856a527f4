"""Quotation marks paired in one linear scan of the text (no regex backtracking, no parse).

French copy mixes « » (with spaces or NBSP inside), “ ”, ‹ › and straight " marks, nests one
kind inside another, leaves stray marks, and continues a long quote over paragraphs by
opening each new paragraph with « and closing only the last one. `pair_quotes` handles all
of these in time linear in the text length:

- a stack of open marks; a closing mark closes the nearest open mark of its kind (marks
  opened inside it and never closed are dropped);
- a straight `"` opens or closes according to its neighbours (space before and a letter after
  opens, a letter before and space or punctuation after closes), else toggles;
- at a paragraph break, a mark still open closes at the end of the paragraph if the next
  paragraph opens with a quotation mark (the continued-quote convention), else it is stray
  and dropped: no span ever runs over a paragraph break.

>>> [(q.start, q.end) for q in pair_quotes('Il a dit « oui » et "non".')]
[(10, 14), (21, 24)]
"""
from __future__ import annotations

from dataclasses import dataclass

OPEN = {"«": "»", "“": "”", "‹": "›", "„": "“"}
CLOSE = {"»": "«", "”": "“", "›": "‹"}
STRAIGHT = '"'
MARKS = set(OPEN) | set(CLOSE) | {STRAIGHT}
SPACES = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True)
class Quote:
    """open/close: offsets of the marks (close = end of the paragraph when it was left open
    and continued); start/end: the content without marks and surrounding spaces; closed: a
    closing mark was found; depth: 0 for an outer quote, 1 for a quote inside a quote."""
    open: int
    close: int
    start: int
    end: int
    closed: bool
    depth: int


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in SPACES:
        s += 1
    while e > s and text[e - 1] in SPACES:
        e -= 1
    return s, e


def pair_quotes(text: str) -> list[Quote]:
    """All quotation-mark pairs of `text`, sorted by opening offset."""
    n = len(text)
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (opening mark, offset)

    def emit(mark_pos: int, close: int, closed: bool, depth: int):
        s, e = _strip(text, mark_pos + 1, close)
        if e > s:
            out.append(Quote(mark_pos, close, s, e, closed, depth))

    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            if stack:
                j = i
                while j < n and (text[j] == "\n" or text[j] in SPACES):
                    j += 1
                continued = j < n and (text[j] in OPEN or text[j] == STRAIGHT)
                end = i
                if continued and len(stack) == 1:
                    emit(stack[0][1], end, False, 0)
                stack.clear()
            i += 1
            continue
        if ch not in MARKS:
            i += 1
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == STRAIGHT:
            opens = (prev in SPACES or prev in "\n([{:—–-'’") and nxt not in SPACES and nxt != "\n"
            closes = (nxt in SPACES or nxt in "\n.,;:!?)]}…-–—") and prev not in SPACES
            top_straight = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == STRAIGHT), None)
            if top_straight is not None and (closes or not opens):
                emit(stack[top_straight][1], i, True, top_straight)
                del stack[top_straight:]
            elif opens or top_straight is None:
                stack.append((STRAIGHT, i))
        elif ch in OPEN and not (ch == "“" and any(m == "„" for m, _ in stack)):
            stack.append((ch, i))
        else:  # a closing mark (or “ closing a German „)
            want = CLOSE.get(ch, "„")
            k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == want), None)
            if k is None and ch == "”":  # ” used as an opener and closer alike
                k = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == "”"), None)
                if k is None:
                    stack.append(("”", i))
                    i += 1
                    continue
            if k is not None:
                emit(stack[k][1], i, True, k)
                del stack[k:]
        i += 1
    # marks still open at the end of the text are stray: dropped. Depth counts the emitted
    # quotes that enclose a quote (a stray mark below it on the stack does not nest it).
    out.sort(key=lambda q: (q.open, -q.close))
    nested: list[Quote] = []
    outer_close = -1
    for q in out:
        depth = 1 if q.open < outer_close else 0
        if depth == 0:
            outer_close = q.close
        nested.append(Quote(q.open, q.close, q.start, q.end, q.closed, depth))
    return nested
