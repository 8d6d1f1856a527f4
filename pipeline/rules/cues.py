"""The attributions component's rules: the cue lexicon (reporting verbs, nouns and prepositions,
models/*/depeche_attributions/cues.jsonl) and the closed word lists its patterns read
(words.jsonl beside it)."""
from __future__ import annotations

from dataclasses import dataclass, field

STANCES = ("assert", "deny", "suggest", "estimate", "warn", "promise", "ask", "accuse")
POS = ("verb", "noun", "prep")
FRAMES = ("que", "quote", "inversion", "de_inf", "object", "selon", "on_source")


@dataclass(frozen=True)
class Cue:
    """lemma: `déclarer`; pos: verb | noun | prep; stance: one of STANCES; frames: the
    constructions in which it reports speech (`que` clause, introduces a `quote`, `inversion`
    after the content, `de_inf` (`a promis de`), `object` (`a rejeté ces allégations`),
    `selon`, `on_source`: only with the subject `on` and a source named after it, `a-t-on
    appris auprès de la police`); an ambiguous verb lists only the frames where it reports speech. source: where
    the entry comes from, tags joined by `+`: `curated`, `learned:<article_id>`, or the public
    resources that list it (`verbenet:<class>`, `asfalda:<frame>`, `ggt-fr`, `genderednews`;
    scripts/build_cues.py)."""
    lemma: str
    pos: str
    stance: str
    frames: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""

    def validate(self) -> str:
        if self.pos not in POS:
            return f"pos {self.pos!r} is not one of {POS}"
        if self.stance not in STANCES:
            return f"stance {self.stance!r} is not one of {STANCES}"
        bad = [f for f in self.frames if f not in FRAMES]
        if bad:
            return f"frames {bad} not in {FRAMES}"
        return ""


# what each kind of word does in the patterns (models/*/depeche_attributions/words.jsonl)
WORD_KINDS = {
    "subject_pronoun": "a pronoun that can be a speaker (`il`, `celle-ci`, `eux`)",
    "inverted_clitic": "an inverted subject written as its own token (`-t-il`, `-elle`)",
    "object_clitic": "a clitic inside the verbal group of a cue (`lui`, `se`, `l'`)",
    "negation_start": "the first half of a negation (`ne`, `n'`)",
    "negation_end": "the second half of a negation (`pas`, `jamais`)",
    "de": "a form of the preposition de (`de`, `du`, `des`, `d'`)",
    "selon_relative": "a relative pronoun after `selon` (`selon laquelle`)",
    "not_selon": "a word after `selon` that makes it no source (`selon moi`, `selon que`)",
    "not_source": "a head noun after `selon` naming a manner or a criterion, no source (`selon les cas`, "
                  "`selon la procédure`)",
    "varies": "a verb of variation before `selon`, which then names a criterion (`les prix varient selon`)",
    "before_subject": "a preposition that may open a complement between a cue and its inverted "
                      "subject (`a déclaré à la presse le ministre`)",
    "setting": "a word opening the setting of a speech after a quote (`dans un avis`, `lors de`, `sans "
               "délai`): the quote stays direct; other words after it go on with the content (mixed)",
    "speech_event": "an event or channel of a speech that, after a preposition, opens its setting and ends "
                    "an object content (`a dénoncé ces accusations lors d'une conférence`)",
    "purpose": "a word opening a purpose adjunct that stays in an object content after a comma "
               "(`sa volonté de faire appel, afin de …`), unlike the cue's other adjuncts",
    "subordinator": "a word that opens a subordinate clause before `que` (`bien que`, `alors que`)",
    "time_word": "a time noun that is no object of a cue nor a source after `pour` (`a annoncé lundi`)",
    "agent_suffix": "an ending of agent nouns that can be sources after `pour` (`-eur`, `-iste`)",
    "person_head": "a head noun of a description of a person (`le président`, `la ministre`)",
    "org_head": "a head noun of a description of an organisation (`le site`, `le parquet`)",
    "speaking_noun": "a head noun of a description of people who speak, beyond person_head and org_head "
                     "(`des témoins`, `une source`, `l'entourage`, `les médias`): no thing (strict.thing_speaker)",
    "human_noun": "a common noun naming a person, from a lexical resource (scripts/build_human_nouns.py: "
                  "`l'évêque`, `sa nièce`, `le coupable`): a subject that may speak, a description that takes "
                  "up a person as agent nouns do",
    "people_suffix": "an ending of nouns of people beyond agent_suffix (`les riverains`, `les salariés`, `un "
                     "passager`): such a subject may speak (strict.thing_speaker)",
    "verification_verb": "a cue lemma that also means `bear out` (`confirmer`): with a standing_noun object "
                         "it reports no statement",
    "standing_noun": "a standing, a performance or a trend that events bear out (`confirme sa suprématie`, "
                     "`confirmant une tendance`): no statement confirmed",
    "couple_head": "a head noun of a description of persons named together before (`le couple`, "
                   "`les parents`): their coordinated names speak, like `ils`",
    "document_head": "a document or statement whose complement names its issuer (`le rapport de la "
                     "CIA`, `selon les informations du YSK`: corpus/NOTES.md T5)",
    "record_head": "a record, a finding or an agreement that carries information but says nothing itself "
                   "(`les images`, `ces observations`, `l'accord`): no speaking group, its issuer speaks when "
                   "named (as document_head); as a cue's own subject still a thing (strict.thing_speaker)",
    "place_preposition": "a preposition of a goal or a position that never brings the addressee or the setting of a speech (`avançant vers la base qu'elle avait perdue`: the `que` after its noun is a relative)",
    "object_and_que": "a cue lemma that takes both a person object and a `que` clause (`informe les habitants que`): the `que` after its object is no relative",
    "labelling": "a verb of naming, no cue, whose quoted attribute is a label (`qu'il a qualifiée de « fausse »`)",
    "when_adverb": "an adverb of time that, opening a content, is the speaker's (`Selon l'armée, désormais, un conseil …`), not the journalist's connective",
    "relay": "a verb of relaying whose agent passes a source's words on (`selon un médecin cité par AP`)",
    "first_person": "a word of the first person (`je`, `nous`, `notre`): a quote holding one after a colon is someone's words",
    "repetition": "a noun counting occurrences, a time like time_word after a participle (`condamné plusieurs fois`)",
    "talk_about": "a verb of talking about something, no cue (`parler`), whose `de` complement in quotation "
                  "marks is the speaker's words (`parle de « dizaines de morts »`)",
    "object_control": "a verb of enabling or driving whose object, not its subject, is the subject of its "
                      "infinitive (`a permis à la ministre de déclarer que`, `a poussé le maire à affirmer`)",
    "head_of_state": "the ways of naming the head of a state: a periphrasis (`chef de l'État`) as a "
                     "description takes up a person given one of the single-word roles (`le président Paul Roy`)",
    "head_of_government": "the same for the head of a government (`chef du gouvernement`: `le Premier "
                          "ministre`, `la chancelière`)",
    "attitude": "a cue lemma of hope or fear whose `que` clause is a stated position only from a finite verb "
                "not in the imperfect (`l'ONU craint que …`; not `craignant que …`, nor the narration's `l'équipe "
                "espérait que …`)",
}


@dataclass(frozen=True)
class CueWord:
    """A word the attributions patterns read around cues (one closed list per kind, WORD_KINDS).
    source: `curated`, or where the word was taken from."""
    word: str
    kind: str
    source: str = ""

    def validate(self) -> str:
        if self.kind not in WORD_KINDS:
            return f"kind {self.kind!r} is not one of {tuple(WORD_KINDS)}"
        if not self.word or self.word != self.word.strip():
            return "word must be non-empty, without surrounding spaces"
        return ""
