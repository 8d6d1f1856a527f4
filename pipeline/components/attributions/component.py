"""The attributions component: every token tried as an anchor (a cue verb, `selon`, `pour`, a noun
before `selon laquelle`, a quote), the patterns of each family run in order, duplicates
dropped, speakers resolved to actors."""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from pipeline.components.attributions.colon_quotes import pattern_colon_quote
from pipeline.components.attributions.contents import close_parentheses, kind_of, split_joined_quotes
from pipeline.components.attributions.context import Ctx, Words, norm
from pipeline.components.attributions.control import uncontrolled
from pipeline.components.attributions.cues import CueLookup, chain_start, inverted_clitic, negated, not_a_speech_act, past_participle
from pipeline.components.attributions.objects import ends_sentence
from pipeline.components.attributions.quotations import (pattern_continued, pattern_dash, pattern_first_person_colon,
                                                         pattern_nested_quote,
                                                         pattern_noun_colon_quote, pattern_quoted_predicate,
                                                         pattern_read_in)
from pipeline.components.attributions.selon import pattern_noun_selon_laquelle, pattern_pour, pattern_selon
from pipeline.components.attributions.complements import names_whole
from pipeline.components.attributions.interviews import pattern_interview_turn, turn_label
from pipeline.components.attributions.on_source import on_source
from pipeline.components.attributions.speaker_actors import resolve_speakers
from pipeline.components.attributions.speakers_right import right_speaker
from pipeline.components.attributions.calls import pattern_call_quote, pattern_talk_quote
from pipeline.components.attributions.strict import (THING_RULES, human_speaker, is_new, no_asker, strict_verb_items,
                                                     thing_speaker)
from pipeline.components.attributions.passive_frames import (pattern_label, pattern_passive_object,
                                                             pattern_passive_quote, pattern_self_description)
from pipeline.components.attributions.verb_frames import (pattern_de_inf, pattern_inversion, pattern_object,
                                                          pattern_que)
from pipeline.components.base import RuleComponent
from pipeline.errors import ModelError
from pipeline.rules.cues import Cue, CueWord


class AttributionsComponent(CueLookup, RuleComponent):
    rule_files = {"cues.jsonl": Cue, "words.jsonl": CueWord}

    def load_rules(self, path: Path) -> None:
        if (path / "cues.jsonl").exists() and not (path / "words.jsonl").exists():
            raise ModelError(f"{path} has cues.jsonl but no words.jsonl (the word lists of the patterns, "
                             f"a file since this model was made): copy it from models/depeche-fr/depeche_attributions")
        super().load_rules(path)

    def rules_changed(self) -> None:
        self.index_cues()
        self.words = Words(self.rules.get("words.jsonl", []))

    def process(self, doc: Doc) -> None:
        ctx = Ctx(doc, self.words)
        found: list[dict] = []
        for t in doc:
            if ctx.in_quote[t.i] >= 0 and not self._incise_in_quote(ctx, t):
                found += self._in_quote(ctx, t)
                continue
            nt = norm(t)
            if (nt == "selon" and "selon" in self.preps) or (
                    nt == "après" and t.i > 0 and norm(doc[t.i - 1]) == "d'" and "d'après" in self.preps):
                found += pattern_selon(ctx, self, t)
                continue
            if nt == "pour" and "pour" in self.preps:
                found += pattern_pour(ctx, self, t)
                continue
            if nt in ctx.words.selon_relative:
                found += pattern_noun_selon_laquelle(ctx, self, t)
                continue
            cue = self.verb_cue(ctx, t)
            if cue is None and t.lemma_.lower() in ctx.words.talk_about and not negated(ctx, t):
                found += pattern_talk_quote(ctx, t)  # `parle de « dizaines de morts »`: no cue, quoted words
            if cue is None or negated(ctx, t):
                continue
            # (pattern_label among them; an `on_source` cue reports only with its `on`)
            passive_tried = past_participle(t) and not is_new(cue) and "on_source" not in cue.frames
            if passive_tried:
                passive = pattern_passive_quote(ctx, self, t, cue) or pattern_passive_object(ctx, self, t, cue) \
                    or pattern_label(ctx, self, t, cue)
                if passive:
                    found += passive
                    continue
            if not_a_speech_act(ctx, t):
                continue
            items = []
            if "inversion" in cue.frames:
                items = pattern_inversion(ctx, self, t, cue)
            if not items and "que" in cue.frames:
                items = pattern_que(ctx, self, t, cue)
            if not items and not is_new(cue):
                items = pattern_self_description(ctx, self, t, cue)
            if not items and ("quote" in cue.frames or "que" in cue.frames):
                items = pattern_colon_quote(ctx, self, t, cue)
            if not items and "de_inf" in cue.frames:
                items = pattern_de_inf(ctx, self, t, cue) or pattern_call_quote(ctx, self, t, cue)
            if not items:  # any cue: one with no object frame only takes a quoted noun phrase
                items = pattern_object(ctx, self, t, cue)
            if not items and not passive_tried:
                items = pattern_label(ctx, self, t, cue)
            if items and (generic_on(ctx, items[0]) or "on_source" in cue.frames):
                # the generic `on` speaks only for a source it names, and an `on_source` cue only
                # through such an `on` (`a-t-on appris auprès de X`; `il a appris que` is no speech)
                source = on_source(ctx, items[0], t) if generic_on(ctx, items[0]) else None
                if source is None:
                    continue
                items[0].update(speaker_start=source[0], speaker_end=source[1], speaker_rule=source.rule)
            if items and cue.stance == "promise" and items[0]["rule"] == "object" \
                    and not human_speaker(ctx, items[0]):
                continue  # `La finale promettait un beau spectacle`: a thing promises no one anything
            if items and no_asker(ctx, self, t, items[0]):
                continue  # `ils sont appelés à voter`, `invités à visiter une foire`: a procedure, no one asks
            if items and items[0]["rule"] in THING_RULES and (thing_speaker(ctx, items[0]) or uncontrolled(ctx, t)):
                continue  # `Les images révèlent que …`, `a permis de conclure que …`: a thing says nothing
            if items and is_new(cue):
                items = strict_verb_items(ctx, items, t)  # a cue from the resources only: strict frames
            if items:
                if items[-1]["speaker_start"] is not None:
                    ctx.last_speaker = ((items[-1]["speaker_start"], items[-1]["speaker_end"]), ctx.sent_start(t.i))
            found += items
        found += pattern_dash(ctx, self, found)
        found += pattern_quoted_predicate(ctx, found)
        found += pattern_noun_colon_quote(ctx, self, found)
        found += pattern_read_in(ctx, self, found)
        found += pattern_first_person_colon(ctx, found)
        found += pattern_nested_quote(ctx, self, found)
        found = [a for a in found if not turn_label(ctx, a)] + pattern_interview_turn(ctx)
        close_parentheses(ctx, found)
        headline = headline_end(ctx.text)
        found = [a for a in dedupe(ctx, found) if a["content_start"] >= headline]
        same_content_as_trailing_selon(ctx, found)
        relative_clause_ends(ctx, found)
        found += pattern_continued(ctx, found)
        found = dedupe(ctx, split_joined_quotes(ctx, found))
        for a in found:  # `29 mars 2017 . – Six ouvriers …`: the dateline's dash opens no content
            while a["content_end"] - a["content_start"] > 2 and ctx.text[a["content_start"]] in "–—" \
                    and ctx.text[a["content_start"] + 1] == " ":
                a["content_start"] += 2
        found.sort(key=lambda a: (a["content_start"], a["cue_start"] if a["cue_start"] is not None else -1))
        resolve_speakers(ctx, found)
        names_whole(ctx, found)
        multiword_cue_spans(ctx, found)
        for a in found:  # `pattern/speaker-rule` (README)
            a["rule"] = f"{a['rule']}/{a.get('speaker_rule') or 'none'}"
        doc._.depeche_attributions = [{k: a.get(k) for k in (
            "kind", "cue_start", "cue_end", "cue_lemma", "stance", "speaker_start", "speaker_end", "actor_id",
            "content_start", "content_end", "rule")} for a in found]

    def _in_quote(self, ctx, t) -> list[dict]:
        """Speech reported inside a quote: the quoted speaker's own (`« J'ai dit que … »`, it
        inherits the quote's speaker) or another speaker's (`« Le maire nous a dit que … »`)."""
        cue = self.verb_cue(ctx, t)
        if cue is None or is_new(cue) or "on_source" in cue.frames or negated(ctx, t) or not_a_speech_act(ctx, t):
            return []
        inner = pattern_que(ctx, self, t, cue) if "que" in cue.frames else []
        if not inner and "de_inf" in cue.frames:
            inner = pattern_de_inf(ctx, self, t, cue)
        who = ctx.text[inner[0]["speaker_start"]:inner[0]["speaker_end"]].lower() \
            if inner and inner[0]["speaker_start"] is not None else None
        own = who in ("j'", "j’", "je", "on", "nous")
        # another speaker: a noun phrase (a pronoun inside a quote has no antecedent we can trust)
        if who is None or not own and (who.strip("()") in ctx.words.subject_pronoun
                                       or not self._other_in_quote(ctx, t, inner[0])):
            return []
        for a in inner:
            a["rule"] = "in_quote_" + a["rule"]
            if own:
                a["inherit_outer"] = True  # the quoted speaker's own speech
                a["speaker_rule"] = "outer"
        return inner

    @staticmethod
    def _other_in_quote(ctx, t, a) -> bool:
        """`« Le maire nous a dit que l'usine fermerait »`: another speaker's speech inside a quote
        (corpus/NOTES.md T9), its subject in the same quote, a finite cue, no `si` before it (`si
        elle considérait que`: a hypothesis)."""
        sp = ctx.doc.char_span(a["speaker_start"], a["speaker_end"], alignment_mode="expand")
        if sp is None or ctx.in_quote[sp.start] != ctx.in_quote[t.i] or "Fin" not in t.morph.get("VerbForm") and \
                not any(c.dep_.startswith("aux") for c in t.children):
            return False
        return not (sp.start > 0 and norm(ctx.tok(sp.start - 1)) in ("si", "s'"))

    def _incise_in_quote(self, ctx, t) -> bool:
        """`« part one, dit-elle. part two »`, `« part one, a ensuite dit le maire. part two »`: a
        cue inside a quote right after a comma with an inverted subject, a clitic or a noun phrase
        that ends at a comma or a period, is the quote's own incise, not speech inside the quote."""
        j = chain_start(ctx, t.i) - 1
        if j < 0 or ctx.tok(j).text != ",":
            return False
        if inverted_clitic(ctx, t) is not None:
            return True
        cue = self.verb_cue(ctx, t)
        if cue is None or "inversion" not in cue.frames:
            return False
        sp = right_speaker(ctx, t.i)
        end = ctx.doc.char_span(sp[0], sp[1], alignment_mode="expand") if sp is not None else None
        return end is not None and end.end < ctx.n and ctx.in_quote[end.end] == ctx.in_quote[t.i] \
            and (ctx.tok(end.end).text == "," or ends_sentence(ctx, end.end))  # `…, dit-il en 2010. …`


def multiword_cue_spans(ctx: Ctx, found: list[dict]) -> None:
    """A multiword cue (`pointe du doigt`, `met en garde`) is found on its last word; its cue
    span runs from its first."""
    for a in found:
        if a["cue_start"] is None:
            continue
        last = ctx.doc.char_span(a["cue_start"], a["cue_end"], alignment_mode="expand")
        if last is not None and last.start in ctx.cue_first:
            a["cue_start"] = ctx.tok(ctx.cue_first[last.start]).idx


def generic_on(ctx: Ctx, a: dict) -> bool:
    """`On note aussi que`, `on dit que`, `« … », dit-on`: the generic `on` outside quotation marks
    is nobody's speech act, the journalist's narration (ANNOTATION.md)."""
    s = a["speaker_start"]
    return s is not None and ctx.text[s:a["speaker_end"]].lower() == "on"


def headline_end(text: str) -> int:
    """End of the headline opening the text (a first line with no final punctuation, a blank
    line after it), else 0: headlines paraphrase the body, they report no one's speech."""
    nl = text.find("\n")
    if nl <= 0 or nl > 200 or not text[nl:nl + 2] == "\n\n":
        return 0
    first = text[:nl].rstrip()
    if first[-1:] in ("»", '"', "”") and first[0] not in "«\"“" and first[:-1].rstrip()[-1:] not in ".!?…":
        return nl  # `France : X accuse l'Élysée de tenir un « cabinet noir »`: a title ending on a quoted word
    return 0 if not first or first[-1] in ".!?…»\"”" else nl


def relative_clause_ends(ctx: Ctx, found: list[dict]) -> None:
    """`X, qui estime que A, a signé` and `Affirmant que A, il a critiqué …`: the content of a
    cue in a relative clause or in a participle clause opening the sentence ends where the
    main clause resumes (a comma, then a finite verb, after its subject for the participle)."""
    for a in found:
        cue = ctx.doc.char_span(a["cue_start"], a["cue_end"], alignment_mode="expand") \
            if a["cue_start"] is not None else None
        opening = cue is not None and (cue[0].morph.get("VerbForm") == ["Part"] and cue[0].i == cue[0].sent.start
                                       or opening_subordinate(ctx, cue[0]) or oblique_relative(ctx, cue[0]))
        if a.get("speaker_rule") != "relative" and not opening and not (cue is not None and apposed(ctx, cue[0])):
            continue
        span = ctx.doc.char_span(a["content_start"], a["content_end"], alignment_mode="expand")
        if span is None:
            continue
        own = ctx.in_quote[cue[0].i] if cue is not None else -1
        for t in span[1:]:  # (a cue inside a quote: the same quote's words count, `« … dont X prétend que A, B »`)
            if ctx.in_quote[t.i] >= 0 and ctx.in_quote[t.i] != own or ctx.tok(t.i - 1).text != ",":
                continue
            v = t.i
            while opening and v < span.end and ctx.tok(v).pos_ in ("PRON", "DET", "NOUN", "PROPN", "ADJ") \
                    and v - t.i < 6:
                v += 1  # the main clause's subject (`, il a critiqué`, `, le porte-parole a dit`)
            if ctx.tok(v).pos_ in ("VERB", "AUX") and "Fin" in ctx.tok(v).morph.get("VerbForm"):
                end = t.i - 2
                if end >= span.start:
                    a["content_end"] = ctx.tok(end).idx + len(ctx.tok(end).text)
                break


def opening_subordinate(ctx: Ctx, t) -> bool:
    """Is cue t in a subordinate clause opening its sentence (`Si le maire a annoncé que A, B`,
    `Même si …`, `Alors que …`, `Quand …`): the parse's marker first, then no comma or no finite verb before the cue?
    Not `Comme X l'a dit, A`, whose content is the main clause."""
    first = t.sent[0]
    if first.dep_ != "mark" or norm(first) == "comme":
        return False
    # no comma before the cue, or none of the subordinate clause's finite verbs before it (its
    # subject's apposition between commas: `Si X, porte-parole de l'ONU, annonce que A, B`)
    return not any(ctx.tok(x).text == "," for x in range(first.i, t.i)) or not any(
        ctx.tok(x).pos_ in ("VERB", "AUX") and "Fin" in ctx.tok(x).morph.get("VerbForm")
        for x in range(first.i, chain_start(ctx, t.i)))


def oblique_relative(ctx: Ctx, t) -> bool:
    """Is cue t in a relative clause opened by `dans laquelle`, `dont`, `où` … (`l'instruction dans
    laquelle celui-ci explique que A, cette instruction rappelle B`): a relative pronoun among the
    few words before it, no comma between?"""
    for x in range(t.i - 1, max(t.sent.start, t.i - 10) - 1, -1):  # `dont les premiers éléments de l'enquête indiquent`
        w = norm(ctx.tok(x))
        if ctx.tok(x).text in (",", ";", ":") or ctx.in_quote[x] != ctx.in_quote[t.i]:
            return False
        if w in ("laquelle", "lequel", "lesquels", "lesquelles", "auquel", "duquel", "dont", "où"):
            return True
    return False


def apposed(ctx: Ctx, t) -> bool:
    """`Le syndicat, affirmant que …, a quitté la réunion`, `Les conclusions, ayant recommandé …,
    ont été transmises`: a participle clause set off by a comma between the subject and its
    verb (no finite verb before it in the sentence)."""
    m = t.morph
    lo = chain_start(ctx, t.i)
    if m.get("Tense") == ["Pres"]:  # `…, nombre d'élus estimant que …, a …`: the participle's own subject
        k = lo - 1
        while k > 0 and lo - k <= 8 and ctx.tok(k).pos_ in ("NOUN", "PROPN", "DET", "ADP", "ADJ", "PRON"):
            k -= 1
        lo = k + 1 if k < lo - 1 and ctx.tok(k).text == "," else lo
    if m.get("VerbForm") != ["Part"] or lo == 0 or ctx.tok(lo - 1).text != "," or ctx.in_quote[t.i] >= 0:
        return False
    if m.get("Tense") != ["Pres"] and not any(norm(ctx.tok(x)) == "ayant" for x in range(lo, t.i)):
        return False
    return not any(x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm") and not _in_relative(ctx, x)
                   for x in ctx.doc[t.sent.start:lo])


def _in_relative(ctx: Ctx, x) -> bool:
    """Is finite verb x in a relative clause (`L'ancien général, dont la nomination avait surpris,
    …`): a relative pronoun among the few words before it?"""
    return any(norm(ctx.tok(k)) in ("qui", "que", "qu'", "dont", "où") for k in range(max(0, x.i - 5), x.i))


def same_content_as_trailing_selon(ctx: Ctx, found: list[dict]) -> None:
    """`Le ministre a déclaré que la réforme serait votée selon Ouest-France.`: a trailing
    `selon X` attributes the same content as the cue before it (its own attribution), not the
    whole sentence."""
    by_end: dict[int, list[dict]] = {}
    for a in found:
        by_end.setdefault(a["content_end"], []).append(a)
    for a in found:
        if not a["rule"].startswith("selon") or a["cue_start"] is None or a["content_end"] > a["cue_start"]:
            continue
        inner = [b for b in by_end.get(a["content_end"], []) if b is not a and not b["rule"].startswith("selon")
                 and b["cue_start"] is not None and a["content_start"] <= b["cue_start"] < b["content_start"]]
        if inner:
            b = max(inner, key=lambda b: b["content_start"])
            a["kind"], (a["content_start"], a["content_end"]) = kind_of(
                ctx, (b["content_start"], b["content_end"]), "according_to")


def dedupe(ctx: Ctx, found: list[dict]) -> list[dict]:
    """One attribution per content span (the first pattern wins; `selon A et B` keeps one per
    source); drop empty contents."""
    seen = set()
    out = []
    for a in found:
        if a["content_end"] - a["content_start"] < 2:
            continue
        key = (a["content_start"], a["content_end"], a["speaker_start"] if a["rule"] == "selon" else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out
