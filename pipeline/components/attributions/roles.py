"""What a description's role word says of the persons named before it: the role a person was
given (`role_head`), the persons given another one (`other_roles`), the roles a periphrasis stands
for (`periphrasis_roles`: `le chef de l'État` is `le président Paul Roy`)."""
from __future__ import annotations

from pipeline.components.actors_lexicon import DE_WORDS as DE, GENERIC_ROLES
from pipeline.components.attributions.context import Ctx
from pipeline.components.attributions.noun_phrases import name_slug, slug_in
from pipeline.names import fold


def periphrasis_roles(ctx: Ctx, words, head) -> list[str]:
    """The roles a periphrasis stands for (`le chef de l'État` -> `président`, `roi`, …), as
    slugs; [] for any other description."""
    _, roles = ctx.words.periphrasis("".join(t.text_with_ws for t in words if t.i >= head.i))
    return [name_slug(r) for r in roles]


def other_roles(ctx: Ctx, window: list, key: str, heads=()) -> set:
    """The persons the text gives another role than the description's head (`le patron de
    l'usine` is not `le président Paul Roy`): a role whose head is itself a person noun (and
    none of the roles a periphrasis stands for); none for a word that fits any role (`la dirigeante`)."""
    if key in GENERIC_ROLES:
        return set()
    out, nouns = set(), {name_slug(w) for w in ctx.words.person_head}
    for m in window:
        head = name_slug(role_head(m.get("role") or "")).split("-")
        if m.get("label") == "PER" and not slug_in(key, head) and not any(slug_in(h, head) for h in heads) \
                and any(w in nouns for w in head):
            out.add(m.get("actor_id"))
    return out


def other_qualifier(qualifier: set, head: str, name: list[str]) -> bool:
    """Does a description qualified after its head noun (`l'armée kurde`: head `armee`, qualifier
    {`kurde`}) name another actor than `name` (`armée irakienne`, word by word), which has the same
    head and another word after it (not a complement: `équipe du Brésil` may be `l'équipe
    brésilienne`)? The words compared are normalised alike (name_slug)."""
    return bool(qualifier) and not qualifier & set(name) and len(name) > 1 and name[0] == head \
        and name[1] not in qualifier and name[1] not in ("de", "du", "des", "d")


def role_head(role: str) -> str:
    """A role's words before its first `de` complement: `la mère` does not describe the person
    whose role is `avocat de la mère de l'adolescente`."""
    words = role.replace("'", "' ").split()
    cut = next((i for i, w in enumerate(words) if fold(w) in DE), len(words))
    return " ".join(words[:cut])
