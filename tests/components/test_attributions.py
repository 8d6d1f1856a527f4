"""Attributions: quote pairing, cue lexicon, and one sentence per pattern (positive and negative)."""
from __future__ import annotations

import pytest
import spacy

from pipeline.components.attributions import AttributionsComponent, conjugate_er
from pipeline.components.attributions.quote_marks import pair_quotes
from pipeline.rules import read_rules
from pipeline.rules.cues import Cue


def _spans(text):
    return [text[q.start:q.end] for q in pair_quotes(text)]


# -- quote pairing (no model) -----------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Il a dit « oui » hier.", ["oui"]),                                   # guillemets with spaces
    ("Il a dit «\u00a0oui\u00a0» hier.", ["oui"]),                        # NBSP inside
    ("Elle a écrit «non» sans espace.", ["non"]),                          # no space
    ('Il a crié "stop" puis "encore".', ["stop", "encore"]),               # straight quotes
    ("Un “mot” et un ‹ autre ›.", ["mot", "autre"]),                       # curly and single
    ("« Il a parlé d'un “plan” précis »", ["Il a parlé d'un “plan” précis", "plan"]),  # nested
    ("Une marque » perdue et rien d'autre.", []),                          # stray closing mark
    ("Un « début sans fin\n\nLa suite.", []),                              # unclosed: dropped
    ("« Premier paragraphe\n\n« Second paragraphe »", ["Premier paragraphe", "Second paragraphe"]),  # continued
    ('Il mesure 10" de haut. « Bonjour » dit-il.', ["Bonjour"]),           # inch mark does not nest
])
def test_when_text_has_quotation_marks_then_pairs_are_found(text, expected):
    assert _spans(text) == expected


def test_when_many_unbalanced_quotes_then_pairing_is_bounded_per_paragraph():
    para = "« Une citation complète » puis « une autre sans fin et » une fin » perdue.\n\n"
    text = para * 2000  # about 150 000 characters, 6 000 marks
    quotes = pair_quotes(text)
    assert len(quotes) >= 4000
    assert all("\n" not in text[q.start:q.end] for q in quotes)
    assert all(q.end - q.start < len(para) for q in quotes)


# -- cue lexicon ------------------------------------------------------------------------------
def test_when_cue_lexicon_is_saved_and_loaded_then_rules_are_equal(tmp_path):
    nlp = spacy.blank("fr")
    comp = AttributionsComponent(nlp, "depeche_attributions")
    rules = [Cue("déclarer", "verb", "assert", ("que", "quote", "inversion"), "curated"),
             Cue("laisser entendre", "verb", "suggest", ("que",), "curated"),
             Cue("d'après", "prep", "assert", ("selon",), "curated")]
    comp.set_rules("cues.jsonl", rules)
    comp.to_disk(tmp_path)
    assert read_rules(tmp_path / "cues.jsonl", Cue) == rules
    other = AttributionsComponent(nlp, "x").from_disk(tmp_path)
    assert other.rules["cues.jsonl"] == rules
    assert "déclarer" in other.verbs and "entendre" in other.verbs and "d'après" in other.preps
    assert "déclarer" in (tmp_path / "cues.jsonl").read_text(encoding="utf-8")  # not \u-escaped


def test_when_shipped_lexicon_is_loaded_then_it_validates_and_has_every_stance():
    from pipeline.nlp import default_model_dir
    cues = read_rules(default_model_dir() / "depeche_attributions" / "cues.jsonl", Cue)
    assert len(cues) >= 150
    assert {c.stance for c in cues} == {"assert", "deny", "suggest", "estimate", "warn", "promise", "ask", "accuse"}
    by = {(c.lemma, c.pos): c for c in cues}
    assert by[("poursuivre", "verb")].frames == ("inversion",)   # ambiguous: only `poursuit-il`
    assert ("croire", "verb") not in by and ("penser", "verb") not in by


def test_when_shipped_word_lists_are_loaded_then_every_kind_is_there():
    from pipeline.nlp import default_model_dir
    from pipeline.rules.cues import WORD_KINDS, CueWord
    words = read_rules(default_model_dir() / "depeche_attributions" / "words.jsonl", CueWord)
    assert {w.kind for w in words} == set(WORD_KINDS)
    assert len({(w.word, w.kind) for w in words}) == len(words)
    comp = AttributionsComponent(spacy.blank("fr"), "x").from_disk(default_model_dir() / "depeche_attributions")
    assert "il" in comp.words.subject_pronoun and "d'" in comp.words.de and "eur" in comp.words.agent_suffix


def test_when_model_folder_has_cues_but_no_word_lists_then_loading_says_what_to_do(tmp_path):
    from pipeline.errors import ModelError
    (tmp_path / "cues.jsonl").write_text('{"lemma": "dire", "pos": "verb", "stance": "assert"}\n', encoding="utf-8")
    with pytest.raises(ModelError, match="words.jsonl"):
        AttributionsComponent(spacy.blank("fr"), "x").from_disk(tmp_path)


@pytest.mark.parametrize("bad", [
    '{"lemma": "dire", "pos": "verb", "stance": "claim", "frames": ["que"]}',
    '{"lemma": "dire", "pos": "verbe", "stance": "assert"}',
    '{"lemma": "dire", "pos": "verb", "stance": "assert", "frames": ["que", "after"]}',
])
def test_when_cue_rule_is_invalid_then_loading_fails(tmp_path, bad):
    from pipeline.rules import RuleError
    (tmp_path / "cues.jsonl").write_text(bad + "\n", encoding="utf-8")
    with pytest.raises(RuleError):
        read_rules(tmp_path / "cues.jsonl", Cue)


@pytest.mark.parametrize("lemma, form, present", [
    ("estimer", "estime", True), ("suggérer", "suggère", True), ("lancer", "lançait", True),
    ("interroger", "interrogeait", True), ("estimer", "estimation", False), ("dire", "dit", False),
])
def test_when_first_group_verb_is_conjugated_then_form_is_known(lemma, form, present):
    assert (form in conjugate_er(lemma)) is present


# -- patterns (full pipeline) -----------------------------------------------------------------
def attribution_rows(nlp, text):
    """The document and its attributions as rows of text (shared by the attribution test files):
    kind, cue, cue lemma, stance, speaker, the speaker's actor name, actor id, content and rule."""
    doc = nlp(text)
    assert not doc._.depeche_errors
    names = {m["actor_id"]: m["name"] for m in doc._.depeche_mentions or []}
    g = (lambda s, e: text[s:e] if s is not None else None)
    return doc, [{"kind": a["kind"], "cue": g(a["cue_start"], a["cue_end"]), "lemma": a["cue_lemma"],
                  "stance": a["stance"], "speaker": g(a["speaker_start"], a["speaker_end"]),
                  "actor": names.get(a["actor_id"], a["actor_id"]) if a["actor_id"] else "",
                  "actor_id": a["actor_id"], "content": g(a["content_start"], a["content_end"]),
                  "rule": a["rule"]} for a in doc._.depeche_attributions]


def first_with(found, key, value):
    """The first attribution whose `key` is `value`; fails, showing them all, if there is none."""
    match = [a for a in found if a[key] == value]
    assert match, found
    return match[0]


POSITIVE = [
    # (sentence, kind, cue, speaker, content)
    # direct quote after a colon
    ("Le général a déclaré aux soldats : « La ligne tiendra jusqu'au printemps. »",
     "direct", "déclaré", "Le général", "La ligne tiendra jusqu'au printemps."),
    # direct quote then inversion with a clitic
    ("« Nous ne céderons rien sur les salaires », a-t-elle déclaré.",
     "direct", "déclaré", "elle", "Nous ne céderons rien sur les salaires"),
    # direct quote then a simple inverted clitic, straight quotes
    ('"Le pont rouvrira en mai", affirme-t-il.', "direct", "affirme", "il", "Le pont rouvrira en mai"),
    # direct quote then inverted noun phrase
    ("« Rien n'est encore joué dans cette élection », dit la candidate écologiste.",
     "direct", "dit", "la candidate écologiste", "Rien n'est encore joué dans cette élection"),
    # quote signed after a dash
    ("« Nous resterons ouverts tout l'hiver » – Marie Durand.",
     "direct", None, "Marie Durand", "Nous resterons ouverts tout l'hiver"),
    # indirect speech with a que clause
    ("Le maire de Lyon a déclaré que la piscine municipale serait rénovée l'an prochain.",
     "indirect", "déclaré", "Le maire de Lyon", "la piscine municipale serait rénovée l'an prochain"),
    # the parse misreads `X affirme de son côté que`
    ("Berlin affirme de son côté que les frontières resteront ouvertes aux camions.",
     "indirect", "affirme", "Berlin", "les frontières resteront ouvertes aux camions"),
    # content before an inverted cue, no quotation marks
    ("La digue sera rehaussée avant l'hiver, a déclaré le préfet Paul Martin.",
     "indirect", "déclaré", "le préfet Paul Martin", "La digue sera rehaussée avant l'hiver"),
    # participle
    ("Elle a présenté son budget mardi, ajoutant que les impôts locaux ne bougeraient pas.",
     "indirect", "ajoutant", "Elle", "les impôts locaux ne bougeraient pas"),
    # mixed: a quoted fragment inside indirect speech
    ("Le ministre a affirmé qu'il mènerait son « grand plan de relance » jusqu'au bout.",
     "mixed", "affirmé", "Le ministre", "il mènerait son « grand plan de relance » jusqu'au bout"),
    # selon before the content
    ("Selon la préfecture du Nord, trois routes restent coupées par la neige.",
     "according_to", "Selon", "la préfecture du Nord", "trois routes restent coupées par la neige"),
    # d'après after the content
    ("Trois routes restent coupées par la neige, d'après les pompiers.",
     "according_to", "d'après", "les pompiers", "Trois routes restent coupées par la neige"),
    # noun cue with selon laquelle, no speaker
    ("L'hypothèse selon laquelle le barrage aurait cédé a été écartée par les experts.",
     "indirect", "hypothèse", None, "le barrage aurait cédé"),
    # denial with the object as content
    ("Le ministère de la Défense a rejeté ces accusations.",
     "indirect", "rejeté", "Le ministère de la Défense", "ces accusations"),
    # promise with de + infinitive
    ("Le syndicat a promis de poursuivre la grève jusqu'à la fin du mois.",
     "indirect", "promis", "Le syndicat", "poursuivre la grève jusqu'à la fin du mois"),
    # bare infinitive after the cue
    ("Les organisateurs ont affirmé avoir vendu tous les billets du concert.",
     "indirect", "affirmé", "Les organisateurs", "avoir vendu tous les billets du concert"),
    # passive cue with its agent
    ("Le projet de rocade est qualifié de « pure folie » par les riverains.",
     "direct", "qualifié", "les riverains", "pure folie"),
    # que clause opening with a quote and going on with no verb
    ("Le tribunal a jugé qu'« aucune faute ne peut être reprochée au maire » dans sa décision de mardi.",
     "direct", "jugé", "Le tribunal", "aucune faute ne peut être reprochée au maire"),
    # clause-initial Pour + a pronoun, wholly quoted
    ("Pour eux, « la réforme arrive beaucoup trop tard ».",
     "direct", "Pour", "eux", "la réforme arrive beaucoup trop tard"),
]


@pytest.mark.parametrize("text, kind, cue, speaker, content", POSITIVE)
def test_when_sentence_reports_speech_then_attribution_is_found(nlp, text, kind, cue, speaker, content):
    _, found = attribution_rows(nlp, text)
    a = first_with(found, "content", content)
    assert (a["kind"], a["cue"], a["speaker"]) == (kind, cue, speaker), a


NEGATIVE = [
    "Le maire n'a pas déclaré que la piscine fermerait.",                  # negated cue
    "Il faut dire que la saison a été longue pour tout le monde.",         # il faut
    "Le train est arrivé à Lyon avec deux heures de retard mardi soir.",   # narration
    "Les habitants ont vu la fumée depuis le village voisin.",             # perception, no speech
    "Je pense que la ville a changé.",                                     # thought verb
    "Selon moi, la ville a changé.",                                       # selon moi
    "Pour la première fois, la ville a voté à gauche.",                    # Pour + no speaker
    "Notez que la route est fermée le dimanche.",                          # imperative
    "Le prix de ce « service » reste élevé pour les familles.",            # scare quotes only
    "Une marque » perdue puis une autre « sans fin.",                      # stray marks
    "Le député poursuit son tour des marchés.",                            # poursuivre, no speech frame
    "Le texte est jugé trop coûteux par l'opposition, bien qu'il ait été voté.",  # passive, no quote
    "Accusé de fraude, le maire a quitté la salle du conseil.",            # bare participle
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_when_sentence_reports_no_speech_then_no_attribution(nlp, text):
    _, found = attribution_rows(nlp, text)
    assert found == []


def test_when_two_que_clauses_are_coordinated_then_each_is_an_attribution(nlp):
    text = "La directrice a précisé que le musée rouvrirait lundi et que l'entrée serait gratuite."
    _, found = attribution_rows(nlp, text)
    contents = [a["content"] for a in found]
    assert contents == ["le musée rouvrirait lundi", "l'entrée serait gratuite"]
    assert {a["cue"] for a in found} == {"précisé"} and {a["speaker"] for a in found} == {"La directrice"}


def test_when_claim_reports_a_claim_then_both_are_found_and_nested(nlp):
    text = ("Des journaux ont écrit que des diplomates affirmaient que les négociations "
            "reprendraient en janvier.")
    doc, found = attribution_rows(nlp, text)
    outer = next(a for a in found if a["cue"] == "écrit")
    inner = next(a for a in found if a["cue"] == "affirmaient")
    assert inner["content"] == "les négociations reprendraient en janvier"
    assert outer["content"].startswith("des diplomates affirmaient que")
    assert inner["speaker"] == "des diplomates" and inner["actor_id"] == "group-diplomates"
    # the component wrote GROUP mentions for the unnamed speakers in its own extension,
    # leaving the actors' mentions as they were
    groups = {m["actor_id"] for m in doc._.depeche_groups if m["label"] == "GROUP"}
    assert {"group-journaux", "group-diplomates"} <= groups
    assert not any(m["label"] == "GROUP" for m in doc._.depeche_mentions)


def test_when_quote_is_split_by_an_incise_then_both_parts_have_the_speaker(nlp):
    text = "« Nous avons gagné cette bataille, lance-t-elle. La suite sera plus difficile. »"
    _, found = attribution_rows(nlp, text)
    assert [a["content"] for a in found] == ["Nous avons gagné cette bataille", "La suite sera plus difficile."]
    assert {a["speaker"] for a in found} == {"elle"} and {a["kind"] for a in found} == {"direct"}


def test_when_quote_continues_in_next_paragraph_then_it_keeps_the_speaker(nlp):
    text = ("Le capitaine Marc Lenoir a déclaré : « Le navire a résisté à la tempête. »\n\n"
            "« Nous rentrerons au port dès que la mer sera calme. »")
    _, found = attribution_rows(nlp, text)
    assert len(found) == 2
    first, second = found
    assert second["content"] == "Nous rentrerons au port dès que la mer sera calme."
    assert (second["kind"], second["cue"], second["speaker"]) == ("direct", None, None)
    assert second["actor_id"] == first["actor_id"]


def test_when_denial_is_a_verb_then_stance_is_deny(nlp):
    _, found = attribution_rows(nlp, "La société a démenti que des données aient été volées.")
    assert [(a["stance"], a["content"]) for a in found] == [("deny", "des données aient été volées")]


def test_when_run_with_two_processes_then_results_equal_one_process(nlp):
    texts = [t for t, *_ in POSITIVE[:6]] + NEGATIVE[:3]
    one = [d._.depeche_attributions for d in nlp.pipe(texts)]
    two = [d._.depeche_attributions for d in nlp.pipe(texts, n_process=2, batch_size=3)]
    assert one == two
    assert sum(len(x) for x in two) >= 6


@pytest.mark.slow
def test_when_article_is_long_with_many_unbalanced_quotes_then_spans_are_sane(nlp):
    para = ("« La mairie tiendra ses promesses », a déclaré l'adjointe Claire Petit. Selon elle, "
            "les travaux « commenceront » en mars. Une marque » perdue traîne ici, et « une autre "
            "ne se ferme jamais.\n\n")
    text = para * 160  # about 30 000 characters, 960 marks, a third of them unbalanced
    doc, found = attribution_rows(nlp, text)
    assert len(found) >= 300
    for a in found:
        assert "\n" not in a["content"] and len(a["content"]) < len(para)
        assert a["content"] and a["content"][0] not in "«»" and a["content"][-1] not in "«»"


def test_when_selon_names_two_sources_then_each_gets_the_claim(nlp):
    text = "D'après Le Figaro et Libération, le conseil des ministres a été reporté à jeudi."
    _, found = attribution_rows(nlp, text)
    assert sorted(a["speaker"] for a in found) == ["Le Figaro", "Libération"]
    assert {a["content"] for a in found} == {"le conseil des ministres a été reporté à jeudi"}


@pytest.mark.parametrize("text, speakers", [
    # an `et` after the source, whatever it joins, is no part of it
    ("La réforme sera la plus vaste depuis trente ans, d'après le Président et le secrétaire au Trésor "
     "Paul Martin.", ["le Président"]),
    ("Les défilés organisés dans les grandes villes ont rassemblé entre 30 000 selon la préfecture et "
     "85 000 selon les syndicats.", ["la préfecture", "les syndicats"]),
])
def test_when_et_follows_a_source_then_it_ends_no_speaker(nlp, text, speakers):
    _, found = attribution_rows(nlp, text)
    assert sorted(a["speaker"] for a in found) == speakers, found


def test_when_source_is_data_given_by_someone_then_the_agent_is_the_speaker(nlp):
    text = "Le chômage a reculé de 2 %, selon les chiffres publiés par l'Insee."
    _, found = attribution_rows(nlp, text)
    assert [(a["speaker"], a["content"]) for a in found] == [("l'Insee", "Le chômage a reculé de 2 %")]


def test_when_quoted_person_reports_speech_then_it_is_nested_with_the_same_actor(nlp):
    text = ("« J'ai dit que le projet était mal conçu, et je le maintiens », a déclaré "
            "la sénatrice Anne Morel.")
    doc, found = attribution_rows(nlp, text)
    inner = [a for a in found if a["rule"].startswith("in_quote_") and a["rule"].endswith("/outer")]
    outer = [a for a in found if a["rule"] == "inversion_quote/post_verbal"]
    assert inner and outer
    assert inner[0]["content"].startswith("le projet était mal conçu")
    assert inner[0]["actor_id"] == outer[0]["actor_id"]


@pytest.mark.parametrize("text, speaker, content", [
    ("« Le directeur nous a dit que l'atelier fermerait », raconte Paul Girard.", "Le directeur",
     "l'atelier fermerait"),
    ("Anne Morel a déclaré : « Les infirmières ont annoncé que la grève durerait. »", "Les infirmières",
     "la grève durerait"),
    ("« Le directeur nous a promis de rouvrir l'atelier », raconte Paul Girard.", "Le directeur",
     "rouvrir l'atelier"),
    # not another speaker's speech: a pronoun (no antecedent inside a quote), a hypothesis, an
    # infinitive, a subject outside the quote
    ("« Il se vantait d'avoir caché l'argent en Suisse », précise Anne Morel.", None,
     "avoir caché l'argent en Suisse"),
    ("« Il fallait, si elle estimait que le délai était court, le signaler », ajoute Paul Girard.", None,
     "le délai était court"),
    ("« Il lui revenait de dire qu'elle ne pouvait pas venir », ajoute Paul Girard.", None,
     "elle ne pouvait pas venir"),
    ("L'avocate indique « regretter que cette publication intervienne aujourd'hui ».", None,
     "cette publication intervienne aujourd'hui"),
])
def test_when_a_quote_reports_another_speakers_speech_then_it_is_nested_with_its_speaker(
        nlp, text, speaker, content):
    _, found = attribution_rows(nlp, text)
    inner = [a for a in found if a["content"] == content]
    if speaker is None:
        assert inner == [], inner
    else:
        assert [a["speaker"] for a in inner] == [speaker] and inner[0]["rule"].startswith("in_quote_")
