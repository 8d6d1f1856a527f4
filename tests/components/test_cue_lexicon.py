"""The cue lexicon built from public resources (scripts/build_cues.py): the shipped file, the
build on small invented resources, and new cues in the frames where they report speech
(positive) and not outside them (negative). Every sentence is invented."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.rules import read_rules
from pipeline.rules.cues import Cue
from tests.components.test_attributions import attribution_rows, first_with

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_cues", ROOT / "scripts" / "build_cues.py")
build_cues = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_cues)

RESOURCE_TAGS = ("ggt-fr", "genderednews", "verbenet:", "asfalda:")


@pytest.fixture(scope="module")
def shipped():
    from pipeline.nlp import default_model_dir
    return read_rules(default_model_dir() / "depeche_attributions" / "cues.jsonl", Cue)


# -- the shipped file ---------------------------------------------------------------------------
def test_when_shipped_lexicon_is_read_then_it_has_400_entries_each_with_its_source(shipped):
    assert len(shipped) >= 400
    assert len({(c.lemma, c.pos) for c in shipped}) == len(shipped)
    for c in shipped:
        tags = c.source.split("+")
        assert tags and all(t == "curated" or t.startswith(("learned:",) + RESOURCE_TAGS) for t in tags), c
        if "curated" not in tags and not any(t.startswith("learned:") for t in tags):
            assert any(t.startswith(RESOURCE_TAGS) for t in tags), c  # a new entry names its resource
    assert sum("curated" in c.source for c in shipped) >= 227           # the team's entries stay
    assert sum(c.source.startswith("curated+") for c in shipped) >= 150  # most confirmed by a resource


def test_when_shipped_lexicon_is_read_then_thought_and_perception_verbs_are_out(shipped):
    # (a left-out verb may be a curated cue of the `on_source` frame alone, which reports only with
    # `on` and a named source: `a-t-on appris auprès de la police`)
    lemmas = {c.lemma for c in shipped if c.pos == "verb" and "on_source" not in c.frames}
    assert {c.lemma for c in shipped if "on_source" in c.frames} <= {"apprendre"}
    assert not lemmas & {"penser", "croire", "voir", "savoir", "trouver", "imaginer", "comprendre",
                         "sentir", "se rendre compte", "parler", "discuter", "inciter", "démontrer"}
    left_out = {w for words in build_cues.LEFT_OUT.values() for w in words}
    assert not lemmas & left_out


@pytest.mark.parametrize("lemma, frames", [
    # ambiguous verbs: only where they report speech
    ("relever", ("quote", "inversion")),        # not `ne relèvent que du civil`, `relever le défi`
    ("remarquer", ("quote", "inversion")),      # not `j'ai remarqué que` (perception)
    ("espérer", ("que", "inversion")),          # not `espère rééditer son exploit` (strict: no infinitive)
    ("craindre", ("que", "inversion")),         # not `craignant que` (strict frames, a stated attitude)
    ("refuser", ("quote", "inversion")),        # not `refusait de partager` (an act)
    ("évoquer", ("quote", "inversion", "object")),  # not `a évoqué les mesures que …` (strict frames)
    ("louer", ("inversion",)), ("applaudir", ("inversion",)), ("attaquer", ("inversion",)),
    ("défendre", ("inversion",)), ("lire", ("inversion",)), ("sourire", ("inversion",)),
    # curated ambiguous verbs keep their frames
    ("lancer", ("quote", "inversion")), ("reconnaître", ("que", "inversion")),
    ("soutenir", ("que", "quote", "inversion")), ("poursuivre", ("inversion",)),
])
def test_when_verb_is_ambiguous_then_it_has_only_its_speech_frames(shipped, lemma, frames):
    by = {(c.lemma, c.pos): c for c in shipped}
    assert by[(lemma, "verb")].frames == frames


@pytest.mark.parametrize("lemma, pos, stance", [
    ("râler", "verb", "accuse"), ("railler", "verb", "accuse"), ("saluer", "verb", "assert"),
    ("féliciter", "verb", "assert"), ("contredire", "verb", "deny"), ("intimer", "verb", "ask"),
    ("prophétiser", "verb", "estimate"), ("déconseiller", "verb", "warn"), ("tonner", "verb", "assert"),
    ("décréter", "verb", "assert"), ("serment", "noun", "promise"), ("objection", "noun", "deny"),
    ("soupçon", "noun", "accuse"), ("pronostic", "noun", "estimate"), ("requête", "noun", "ask"),
])
def test_when_cue_comes_from_a_class_then_stance_follows_the_class(shipped, lemma, pos, stance):
    by = {(c.lemma, c.pos): c for c in shipped}
    assert by[(lemma, pos)].stance == stance


# -- the build on small invented resources ------------------------------------------------------
VN_CLASS = """<?xml version="1.0" encoding="UTF-8"?>
<VNCLASS ID="complain-37.8"><MEMBERS><MEMBER name="râler"/><MEMBER name="plaindre se"/>
<MEMBER name="critiquer débiner"/></MEMBERS>
<FRAMES><FRAME><DESCRIPTION primary="NP V" syntax="Agent V {de} Topic&lt;+Qu Psubj&gt;"/></FRAME></FRAMES>
<SUBCLASSES><VNSUBCLASS ID="complain-37.8-1"><MEMBERS><MEMBER name="pester"/></MEMBERS>
<FRAMES><FRAME><DESCRIPTION primary="NP V" syntax="Agent V Topic&lt;+de VAgent-inf&gt;"/></FRAME></FRAMES>
</VNSUBCLASS></SUBCLASSES></VNCLASS>"""
LU_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<luIndex xmlns="http://framenet.icsi.berkeley.edu">
<lu frameName="Complaining" name="râler.v"/><lu frameName="Complaining" name="protestation.n"/>
<lu frameName="Other_sense" name="pester.v"/><lu frameName="Renting" name="louer.v"/></luIndex>"""
GN_SOURCE = """x = 1
quoteVerbWhiteList = ['dire', 'reconnaitre'] + [
                      'marmoner']
#Added verbs
"""


def test_when_verbenet_is_read_then_members_classes_and_syntax_are_facts(tmp_path):
    (tmp_path / "complain-37.8.xml").write_text(VN_CLASS, encoding="utf-8")
    classes, syntax = build_cues.read_verbenet(tmp_path)
    assert classes["se plaindre"] == {"complain-37.8"}            # `plaindre se` read as reflexive
    assert classes["critiquer"] == classes["débiner"] == {"complain-37.8"}  # two verbs in one attribute
    assert classes["pester"] == {"complain-37.8-1"}
    assert syntax["râler"] == {"que"} and syntax["pester"] == {"que", "de_inf"}  # a subclass inherits


def test_when_asfalda_and_genderednews_are_read_then_lemmas_and_frames_are_facts(tmp_path):
    (tmp_path / "luIndex.xml").write_text(LU_INDEX, encoding="utf-8")
    (tmp_path / "qe.py").write_text(GN_SOURCE, encoding="utf-8")
    asf = build_cues.read_asfalda(tmp_path / "luIndex.xml")
    assert asf[("râler", "verb")] == {"Complaining"} and asf[("protestation", "noun")] == {"Complaining"}
    assert ("pester", "verb") not in asf                           # Other_sense is no frame
    assert build_cues.read_genderednews(tmp_path / "qe.py") == {"dire", "reconnaître", "marmonner"}


def _facts(**kw):
    facts = {"vn": {}, "vn_syntax": {}, "asf": {}, "ggt": set(), "gn": set()}
    facts.update(kw)
    return facts


def test_when_built_then_hand_entries_stay_and_resources_confirm_them():
    hand = [Cue("râler", "verb", "assert", ("inversion",), "curated")]
    facts = _facts(vn={"râler": {"complain-37.8"}, "louer": {"get-13.5.1"}}, ggt={"râler"},
                   asf={("louer", "verb"): {"Renting"}, ("protestation", "noun"): {"Complaining"}})
    cues, problems, _ = build_cues.build(hand, facts)
    by = {(c.lemma, c.pos): c for c in cues}
    assert by[("râler", "verb")] == Cue("râler", "verb", "assert", ("inversion",),
                                        "curated+ggt-fr+verbenet:complain-37.8")
    assert by[("protestation", "noun")] == Cue("protestation", "noun", "accuse", ("selon",),
                                               "asfalda:Complaining")
    # a lemma found only in classes of another sense (louer: Renting) has no source: refused
    assert any(p.startswith("louer (verb) is in no resource") for p in problems)


def test_when_a_class_is_known_then_stance_comes_from_it():
    assert build_cues.stance_of("pester", {"asfalda:Complaining"}) == "accuse"
    assert build_cues.stance_of("saluer", {"verbenet:judgment-33"}) == "assert"    # praise
    assert build_cues.stance_of("décréter", {"verbenet:conjecture-29.5-2"}) == "assert"
    assert build_cues.stance_of("supputer", {"verbenet:conjecture-29.5-1"}) == "estimate"
    assert build_cues.stance_of("tonner", {"verbenet:manner_speaking-37.3", "asfalda:FR_Request"}) == "assert"


# -- new cues in the pipeline -------------------------------------------------------------------
def _run(nlp, text):
    return attribution_rows(nlp, text)[1]


POSITIVE = [
    # (sentence, cue lemma, stance, speaker, content)
    # manner of speaking, inversion
    ("« Nous ne lâcherons rien sur les retraites », tonne le secrétaire général du syndicat.",
     "tonner", "assert", "le secrétaire général du syndicat", "Nous ne lâcherons rien sur les retraites"),
    # estimate verb in inversion only
    ("« Le projet est mort et enterré », analyse le politologue Jean Barre.",
     "analyser", "estimate", "le politologue Jean Barre", "Le projet est mort et enterré"),
    # an attitude shown in speech, inversion
    ("« Tout le monde a fait son travail », sourit l'entraîneur des Girondins.",
     "sourire", "assert", "l'entraîneur des Girondins", "Tout le monde a fait son travail"),
    # complaining accuses
    ("« Cette réforme va tuer le petit commerce », râle un boulanger du centre-ville.",
     "râler", "accuse", "un boulanger du centre-ville", "Cette réforme va tuer le petit commerce"),
    # praise asserts
    ("« C'est une journée historique pour la commune », salue la maire Claire Denis.",
     "saluer", "assert", "la maire Claire Denis", "C'est une journée historique pour la commune"),
    # wishing and fearing, inversion
    ("« Il faut tenir encore deux semaines », espère le maire de la commune.",
     "espérer", "ask", "le maire de la commune", "Il faut tenir encore deux semaines"),
    ("« La grève peut durer tout l'hiver », craint un responsable de la SNCF.",
     "craindre", "warn", "un responsable de la SNCF", "La grève peut durer tout l'hiver"),
    # the same verbs new from the resources in their strict frames: a quotation, a que clause
    ("La ministre a dévoilé : « Le plan de relance sera prêt en juin. »",
     "dévoiler", "assert", "La ministre", "Le plan de relance sera prêt en juin."),
    # verbs of saying with a que clause
    ("Le directeur a claironné que l'usine battrait tous ses records cette année.",
     "claironner", "assert", "Le directeur", "l'usine battrait tous ses records cette année"),
    ("L'avocat a allégué que son client se trouvait à Nantes le soir des faits.",
     "alléguer", "assert", "L'avocat", "son client se trouvait à Nantes le soir des faits"),
    ("L'opposition s'insurge que le texte soit voté sans débat au Parlement.",
     "s'insurger", "accuse", "L'opposition", "le texte soit voté sans débat au Parlement"),
]


@pytest.mark.parametrize("text, lemma, stance, speaker, content", POSITIVE)
def test_when_new_cue_is_in_its_frame_then_attribution_is_found(nlp, text, lemma, stance, speaker, content):
    a = first_with(_run(nlp, text), "lemma", lemma)
    assert (a["stance"], a["speaker"], a["content"]) == (stance, speaker, content), a


NEGATIVE = [
    # ambiguous verbs outside their speech frames
    "Le constructeur a lancé un nouveau modèle de voiture électrique.",
    "Elle a souligné l'importance du dialogue social lors de la réunion.",
    "La France a reconnu l'État de Palestine en septembre.",
    "Le constructeur a rappelé trois mille véhicules défectueux.",
    "Le panneau indique la sortie de la ville.",
    "Le syndicat soutient le projet de loi sur le logement.",
    "Les habitants ont vu que la rivière montait depuis le matin.",
    "Je pense que la ville a changé depuis dix ans.",
    "Le couple loue un appartement près de la gare.",
    "La foule a applaudi les joueurs à leur arrivée.",
    "L'armée attaque la ville depuis l'aube.",
    "Le député a défendu son projet devant la commission.",
    "Il a relevé le défi avec succès.",
    "Elle a remarqué que la porte était ouverte en rentrant.",
    "Ces infractions ne relèvent que du tribunal de police.",
    "Le ministre a évoqué les mesures que le gouvernement prendra cet été.",
    "Le champion espère rééditer son exploit à Tokyo.",
    "Les riverains craignent que la rivière déborde cette nuit.",
    "Il refusait depuis des années de partager l'héritage.",
    "Le cycliste sourit en franchissant la ligne d'arrivée.",
    "Elle lit un roman policier dans le train.",
    "Le joueur a salué la foule avant de quitter le terrain.",
    "La société émet des obligations à dix ans.",
    "Le moteur gronde au démarrage.",
    "L'arbitre a sifflé la fin du match.",
    "Il a cité trois exemples dans son livre.",
    "Le directeur a exprimé son inquiétude face à la crise.",
]


# cues new from the resources (no `curated` source) are silent outside their strict frames
# (pipeline/components/attributions/strict.py): a noun-phrase object, de + infinitive
NOT_STRICT = [
    "La ministre a dévoilé un plan de relance pour l'industrie automobile.",
    "Le porte-parole du gouvernement a contredit la version de la préfecture.",
    "Le procureur a désavoué les propos de son adjoint.",
    "Le préfet a intimé aux manifestants de quitter la place avant midi.",
    "La sénatrice a déconseillé aux voyageurs de se rendre dans la région.",
    "Le président du club a exclu de démissionner avant la fin de la saison.",
    "Le syndicat se targue d'avoir obtenu une hausse de salaire de 3 %.",
    "La tempête a claironné que l'hiver arrivait.",          # a que clause, no person speaking
]


@pytest.mark.parametrize("text", NOT_STRICT)
def test_when_new_cue_is_outside_its_strict_frames_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []


@pytest.mark.parametrize("text, found", [
    ("Il a réfuté l'objection du sénateur Paul Roux selon laquelle le budget serait insuffisant.",
     ["le budget serait insuffisant"]),
    ("Il a réfuté l'objection selon laquelle le budget serait insuffisant.", []),  # no named source
])
def test_when_new_noun_has_a_named_source_then_attribution_is_found(nlp, text, found):
    assert [a["content"] for a in _run(nlp, text) if a["lemma"] == "objection"] == found


@pytest.mark.parametrize("text", NEGATIVE)
def test_when_ambiguous_verb_is_outside_its_speech_frames_then_no_attribution(nlp, text):
    assert _run(nlp, text) == []
