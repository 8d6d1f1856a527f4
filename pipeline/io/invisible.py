"""Invisible characters out of the text the pipeline parses, offsets kept on the text as written.

Web and wire copy carries format characters (Unicode category Cf) that have no width: soft
hyphens inside words (`décla\u00adré`), zero-width spaces, joiners, left-to-right and
right-to-left marks glued to names, a byte-order mark in mid-text. The tokenizer, the
lemmatizer, the gazetteer and the models all read them as letters, so `décla\u00adré` is no
cue verb and `Du\u00adpont` another actor than `Dupont`. `visible` takes them out of a
segment before it is parsed and says where they were, so that every offset the extractors give
is mapped back onto the article's text (pipeline.tables.base.Offset), which is never changed.

A zero-width space between two visible characters marks a break between words: it becomes a
plain space (same length, nothing moves); next to a space, and every other format character,
it is taken out.
"""
from __future__ import annotations

import re
import unicodedata

_FORMAT = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")
                     + "]")
_WORD_BREAK = re.compile(r"(?<=\S)\u200b(?=[^\s\u200b])")   # a zero-width space between two visible characters


def visible(text: str) -> tuple[str, tuple[int, ...]]:
    """(the text without its format characters, their positions in `text`, in order)."""
    if text.isascii():
        return text, ()
    text = _WORD_BREAK.sub(" ", text)
    removed = tuple(m.start() for m in _FORMAT.finditer(text))
    return (_FORMAT.sub("", text) if removed else text), removed
