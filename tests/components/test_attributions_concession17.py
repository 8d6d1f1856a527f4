"""Issue 15: a content whose quotation closes and is followed (after a comma or not) by a
subordinator of contrast or concession (`même si`, `tandis que`, `bien que`, `alors que`) ends
with the quote: the contrast is the journalist's. Without a closing quote just before it, the
subordinate clause stays in the speaker's content. A second cue of the speaker after `et` with a `que`
clause of its own (`…, et précise qu'…`) ends the first content. Invented sentences."""
from __future__ import annotations

import pytest

from tests.components.test_attributions import attribution_rows

CONTENTS = [
    # (text, the content expected)
    # a quote closes before the subordinator: the content ends with the quote
    ("Une source proche du dossier ajoute que « le projet était prêt mais personne ne savait quand » , même si "
     "les gendarmes pensent que la date était fixée.", "le projet était prêt mais personne ne savait quand"),
    ("Le maire Paul Girard précise que « la piscine ne concerne pas seulement les enfants » tandis que son "
     "adjoint s'indigne des fuites.", "la piscine ne concerne pas seulement les enfants"),
    ("Selon Marie Roux, « la pièce était un succès » , bien que ces audaces n'étaient pas appréciées de tous.",
     "la pièce était un succès"),
    # `et` + a second cue with its own `que` clause: the first content ends before it
    ("La préfecture confirme que les tirs sont des actes criminels , et précise qu'ils ont fait trois blessés.",
     "les tirs sont des actes criminels"),
    ("La gendarmerie confirme que l'incendie est criminel, et ajoute qu'une enquête est ouverte.",
     "l'incendie est criminel"),
    # no quote closes before it: the speaker's own subordinate clause stays in the content
    ("Le maire Paul Girard estime que la piscine rouvrira, même si les travaux ont pris du retard.",
     "la piscine rouvrira, même si les travaux ont pris du retard"),
]


@pytest.mark.parametrize("text, content", CONTENTS)
def test_when_a_contrast_follows_a_closing_quote_then_the_content_ends_there_else_it_goes_on(nlp, text, content):
    found = attribution_rows(nlp, text)[1]
    assert any(a["content"] == content for a in found), found
