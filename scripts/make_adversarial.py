#!/usr/bin/env python3
"""Adversarial documents for the extractor's cost: inputs on which a
look-back over the whole document (descriptions, pronouns, speakers of the
paragraph, coreference) would make the run quadratic in the document size.

Each kind is one French sentence repeated inside a single paragraph until the
document reaches the requested size, so that every look-back has the whole
document behind it (conjuncts instead makes two sentences as long as the
document, so that every look-back to the sentence start has half of it behind):

  name         one named person repeated (coreference of one name)
  pronouns     a named speaker then pronoun subjects (« Il a affirmé … »)
  descriptions definite descriptions (« Le ministre a déclaré … »)
  quotes       short quotations with an incise (« … », a déclaré X.)
  roles        named persons with a role, then the bare role (« Le ministre
               Jean Martin a déclaré … Le ministre a affirmé … »)
  orgs         institutions with distinct descriptions (« Le ministère de
               la région Nord-Sud … a déclaré … »)
  open         quotation marks that never close (« Il a dit bonjour. « …),
               each running to the paragraph end
  mixed        name, pronouns, descriptions and quotes in turn, with varying names
  colon        quotations nested after a colon in quotations (« Mes voisins me
               disent : “…” », a déclaré X.)
  repeated     quoted sentences alone, without a speaker (another person is named
               before them), among longer quotations with one (each looks for
               its words in the claims with a speaker)
  bodies       named organisations, then « le syndicat » taking one up
  conjuncts    two sentences as long as the document: in its first half one
               subject whose reports are coordinated by et (« Jean Dupont a
               dit que … et a dit que … »), up to a full stop; in its second
               half reports joined by commas that never reach a sentence end
               (« Marie Leroy a estimé que …, a affirmé que …, »)
  addressed    contents that speak to someone (vous: the target stage looks
               for the one they are addressed to): in its first half one
               sentence of reports coordinated by et (« … a dit que vous
               aviez tort 1 et a dit que vous aviez tort 2 … »), then
               quotations of one speaker in turn (« « Vous êtes prêts 7 »,
               a déclaré M. Dupont. »)
  subjects     reports each with its own subject, coordinated by et in one
               sentence (« Jean Dupont a dit que … et Marie Leroy a menacé,
               jeudi, de … et … »; each report ends before the next subject),
               then the same joined by commas
  colons       quotations after colons in one sentence, none with a cue of
               its own (« Le calendrier est tenu : « … » : « … » »)
  cuepronouns  one quotation as long as half the document, of clauses that
               open on a pronoun subject (« « Il part 0, il part 1, … », a
               dénoncé le maire. »: under a cue of blame each pronoun is a
               candidate target), then short quotations of the same shape
  actnouns     nouns of speech with their author and content (« la demande
               du syndicat de partir 1 »): in its first half all inside one
               reported clause (« Le maire a dit que la demande …, la
               demande … »), in its second half one sentence of them joined
               by « mais », each a claim of its own
  clitics      one sentence of groups named, then taken up by an object
               clitic on a cue of blame (« … les agriculteurs 3 et il les
               accuse de mentir 3, … »)
  demands      one sentence of que contents coordinated by « et que », each
               holding « pour leur demander de … »
  purposes     one sentence of purpose infinitives with an adverb, each a
               report (« …, partir 3 pour ensuite dire que tout va bien 3, … »)
  perceived    one sentence of reports after a verb of perception joined by
               et (« … et j'ai entendu le ministre Paul Martin dire que … »)
  told         one sentence of que contents coordinated by « et que », each
               speaking to someone (« … et que nous disons au préfet de nous
               respecter 3 … »)
  defendants   persons named with a noun that is no role (« L'accusé Karim
               Benalic a parlé 2. »), or one person named again and again
               with one (« Le juge interroge le prévenu Paul Martin 3. »),
               each followed by a description of another role (« a estimé
               le procureur »): each description reads the roles of its
               window for every person it may take up
  pourcolons   one sentence opening on « Pour X, » with a list of words as
               long as half the document, then quotations after colons,
               none with a cue (« … : « des poires 3 » : « des poires 4 » »):
               each asks for the subject of the clause before its colon and
               for a quotation mark before it, from the sentence start
  heard        one sentence of quotations each after a verb of perception
               and an infinitive of speech, joined by et (« Le maire a
               entendu le ministre dire « tout va bien 0 » et a entendu le
               ministre dire « … 1 » … »): each quotation looks for its cue
               before it and for a subject and cue after it among the cues
               of its sentence
  unjudged     one report whose content is one sentence as long as half the
               document, of clauses joined by commas, each opening on a
               group for subject and none judging (« Le club confirme que
               les supporters sont très fâchés 0, les supporters sont très
               fâchés 1, … »): each subject asks whether its clause, up to
               the sentence end, holds a word of judgement
  relatives    one sentence of que contents each followed by « , le gardien
               qui connaît le peintre depuis ses débuts 3 a reconnu que … »:
               each content ends at the comma before the next report's
               subject, not at the sentence end
  wrapped      one paragraph of lines without punctuation (a soft wrap), each
               a report (« Le club confirme que les supporters sont très
               fâchés pour la raison numéro 3 du jour ¶ Le club confirme
               que … »): each content ends at its line, not at the
               paragraph end
  states       quotations naming three states each (« « La Russie, la Chine
               et l'Iran mentent 3 », a dit Paul Roy. »): each target that
               names a state asks whether content_targets took it only for
               that (a flag per mention, not a search of every state named)
  incises      one sentence of quoted fragments after words of their clause,
               each with an incise (« le maire « chante 3 », a dit Paul
               Martin, … »)
  governed     after a line of dialogue, one sentence of quoted fragments
               each governed by the cue just before it (« — Bonjour. ¶ Je
               lui demandai pourquoi « il y avait le feu 0 » et lui
               demandai pourquoi « … 1 » … »)
  unsaid       sentences whose cue takes a statement clitic and nothing
               else (« Paul ne le lui a pas dit 3, n'en a jamais parlé et
               ne dit rien. »): each looks for a claim in the clause or
               sentence before

Usage: make_adversarial.py KIND SIZE OUT
  SIZE in bytes, with an optional k or M suffix (1M = 1,000,000 bytes).
  OUT is a file that is created (or truncated); never renamed over.
The output is deterministic: the same arguments give the same bytes.
"""
import sys

SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel"]
GIVEN = ["Jean", "Marie", "Pierre", "Sophie", "Luc", "Claire", "Paul", "Anne"]
ROLES = ["le ministre", "la porte-parole", "le diplomate", "le président",
         "l'ambassadeur", "la députée", "le dirigeant", "le scientifique"]


KINDS = ["name", "pronouns", "descriptions", "quotes", "roles", "orgs", "open", "mixed", "colon",
         "repeated", "bodies", "conjuncts", "addressed", "subjects", "colons", "cuepronouns", "actnouns",
         "clitics", "markers", "incises", "demands", "purposes", "perceived", "questions", "accused", "told",
         "defendants", "pourcolons", "relatives", "heard", "unjudged", "wrapped", "states", "governed",
         "unsaid", "blamemarks", "vocatives"]
# Kinds the script makes that the cost test (tests/adversarial_cost_test.py)
# does not run: none at present.
EXTRA_KINDS = []
SPEECH = ["a affirmé", "a ajouté", "a estimé"]


def sentences(kind):
    """Yields the sentences of one adversarial document, forever."""
    i = 0
    while True:
        s = SURNAMES[i % len(SURNAMES)]
        g = GIVEN[i % len(GIVEN)]
        r = ROLES[i % len(ROLES)]
        if kind == "name":
            yield "Jean Dupont a déclaré que la situation restait grave. "
        elif kind == "pronouns":
            yield ("Jean Dupont a déclaré que tout allait bien. " if i == 0 else
                   "Il a affirmé que la réforme avançait. ")
        elif kind == "descriptions":
            yield r[0].upper() + r[1:] + " a déclaré que le pays était prêt. "
        elif kind == "quotes":
            yield "« Nous sommes prêts », a déclaré M. Dupont. "
        elif kind == "roles":
            yield (f"Le ministre {g} {s} a déclaré que la situation restait grave. "
                   "Le ministre a affirmé que la réforme avançait. ")
        elif kind == "orgs":
            parts = [SURNAMES[(i // 14 ** n) % 14] for n in range(5)]
            yield f"Le ministère de la région {'-'.join(parts)} a déclaré que la situation restait grave. "
        elif kind == "open":
            yield "« Il a dit bonjour. "
        elif kind == "colon":
            yield (f"« Mes voisins me disent : “On n'a plus les moyens de {i}.” Alors je baisse "
                   f"les prix », a déclaré M. {s}. ")
        elif kind == "repeated":
            yield (f"« Nous ne reculerons devant aucune pression du gouvernement {i} », a déclaré M. {s}. "
                   f"{g} Durand est arrivé hier. « La réforme numéro {i} sera votée cette année. » ")
        elif kind == "bodies":
            yield ("Le Syndicat national des journalistes a déclaré que la situation restait grave. "
                   "Le syndicat a affirmé que la réforme avançait. ")
        elif kind == "defendants":
            yield (f"L'accusé Karim Benali{chr(ord('a') + i % 26)} a parlé {i}. "
                   "« Tout va bien », a estimé le procureur. " if i % 2 == 0 else
                   f"Le juge interroge le prévenu Paul Martin {i}. « Avez-vous menti {i} ? », demande-t-il. ")
        elif kind == "unsaid":
            yield f"Paul ne le lui a pas dit {i}, n'en a jamais parlé et ne dit rien. "
        elif kind == "mixed":
            yield [f"{g} {s} a déclaré que la situation restait grave. ",
                   "Il a affirmé que la réforme avançait. ",
                   r[0].upper() + r[1:] + " a déclaré que le pays était prêt. ",
                   f"« Nous sommes prêts », a déclaré M. {s}. "][i % 4]
        elif kind == "states":
            yield f"« La Russie, la Chine et l'Iran mentent {i} », a dit Paul Roy. "
        else:
            raise SystemExit(f"make_adversarial.py: unknown kind '{kind}'")
        i += 1


def parse_size(text):
    factor = {"k": 1000, "K": 1000, "M": 1000 * 1000}.get(text[-1:], 1)
    number = text[:-1] if factor != 1 else text
    try:
        return int(float(number) * factor)
    except ValueError:
        raise SystemExit(f"make_adversarial.py: bad size '{text}'")


def first_half(first, piece, size):
    """Yields `first`, then piece(1), piece(2) … until half of `size`
    bytes; returns how many pieces it yielded."""
    total, i = len(first.encode("utf-8")), 0
    yield first
    while total < size // 2:
        text = piece(i + 1)
        yield text
        total += len(text.encode("utf-8"))
        i += 1
    return i


# The kinds made of one sentence as long as half the document: its first
# words, the piece repeated after them, what ends it, and the piece the
# second half repeats (given the count of pieces so far).
LONG_SENTENCES = {
    "conjuncts": ("Jean Dupont a dit que la situation restait grave",
                  lambda n: f" et a dit que la réforme {n} avançait",
                  ". Marie Leroy a estimé que la situation restait grave",
                  lambda i: f", {SPEECH[i % len(SPEECH)]} que la réforme {i} avançait"),
    "addressed": ("Jean Dupont a dit que vous aviez tort",
                  lambda n: f" et a dit que vous aviez tort {n}",
                  ". ",
                  lambda i: f"« Vous êtes prêts {i} », a déclaré M. Dupont. "),
    "subjects": ("Jean Dupont a dit que la situation restait grave",
                 lambda n: (f" et {GIVEN[n % len(GIVEN)]} {SURNAMES[n % len(SURNAMES)]} a dit que la gare {n} fermait"
                            if n % 2 else f" et le syndicat a menacé, jeudi, de bloquer le port {n}"),
                 ". Marie Leroy a estimé que la situation restait grave",
                 lambda i: f", et {GIVEN[i % len(GIVEN)]} {SURNAMES[i % len(SURNAMES)]} a estimé que la réforme {i} avançait"),
    # Quotations after colons in one sentence, none with a cue of its own:
    # each reads back from its colon for the clause that introduces it.
    "colons": ("Le calendrier est tenu",
               lambda n: f" : « Nous ouvrirons en juin {n} »",
               ". Marie Leroy a estimé que la situation restait grave",
               lambda i: f". Le chantier {i} est tenu : « Nous ouvrirons en juin »"),
    # Each pronoun subject of the quotation asks whether a sentence ends or
    # a phrase is named before it in the content (target_judgement.cpp).
    "cuepronouns": ("« Il part 0",
                    lambda n: f", il part {n}",
                    " », a dénoncé le maire. ",
                    lambda i: f"« Il part {i}, il revient », a dénoncé le maire. "),
    # Each noun of speech asks whether a claim of its sentence covers it
    # and whether a verb stands before it (handle_speech_act_nouns).
    "actnouns": ("Le maire a dit que la demande du syndicat de partir 0",
                 lambda n: f", la demande du syndicat de partir {n}",
                 ". Hier la demande du syndicat de partir 0",
                 lambda i: f", mais la demande du syndicat de partir {i}"),
    # Each object clitic on a cue of blame looks back for a collective
    # named before it (target_clitics.cpp, collective_in_window).
    "clitics": ("Le préfet a reçu les agriculteurs 0 et il les accuse de mentir 0",
                lambda n: f", le préfet a reçu les agriculteurs {n} et il les accuse de mentir {n}",
                ". ",
                lambda i: f"Le préfet a reçu les agriculteurs {i}. Il les accuse de mentir {i}. "),
    # Each source marker looks back for the clause it reports: after a
    # comma before a subordinator, or with no comma after a participle
    # phrase (attributor.cpp, clause_start_before and
    # clause_before_postposed_marker); each claim's targets ask the
    # sentence's topic openers (« , au lendemain »).
    "markers": ("Les prix ont augmenté de 0 %, selon l'Insee, alors que les salaires ont stagné",
                lambda n: (f", au lendemain d'une grève suivie par {n} % des professeurs selon le ministère"
                           f", les prix ont augmenté de {n} %, selon l'Insee, alors que les salaires ont stagné"),
                ". ",
                lambda i: f"Les prix ont augmenté de {i} %, selon l'Insee, alors que les salaires ont stagné. "),
    # Each leur on a verb of demand inside a que content resolves where it
    # stands, reading back over its window (pronoun_resolved_where_it_stands).
    "demands": ("Le syndicat affirme que le ministre a appelé les patrons pour leur demander de payer 0",
                lambda n: f" et que le ministre a appelé les patrons pour leur demander de payer {n}",
                ". ",
                lambda i: f"Le syndicat affirme que le ministre a appelé les patrons pour leur demander de payer {i}. "),
    # Each purpose infinitive with an adverb (« pour ensuite dire que ») is a
    # cue of its own; its content must end before the next report's
    # infinitive, not run to the sentence end (attributor.cpp, end_at_cues).
    "purposes": ("Paul Martin a déclaré : demain, partir 0 pour ensuite dire que tout va bien 0",
                 lambda n: f", partir {n} pour ensuite dire que tout va bien {n}",
                 ". ",
                 lambda i: f"Paul Martin a déclaré qu'il faut partir {i} pour ensuite dire que tout va bien. "),
    # Each infinitive after a verb of perception (« j'ai entendu le ministre
    # dire que ») is a cue of its own, coordinated by et with the next one.
    "perceived": ("J'ai entendu le ministre dire que tout allait bien 0",
                  lambda n: f" et j'ai entendu le ministre Paul Martin dire que tout allait bien {n}",
                  ". ",
                  lambda i: f"J'ai entendu le ministre Paul Martin dire que tout allait bien {i}. "),
    # Each « nous disons au préfet de … » inside a que content asks for the
    # one spoken to among the mentions by position (target_clitics.cpp).
    "told": ("Paul Martin a dit que nous disons au préfet de nous respecter 0",
             lambda n: f" et que nous disons au préfet de nous respecter {n}",
             ". ",
             lambda i: f"Paul Martin a dit que nous disons au préfet de nous respecter {i}. "),
    # Each indirect question past the one asked (« lui demande ce qui … »)
    # asks whether a colon or a quotation follows it, and its content must
    # end within its clause, not run to the sentence end over the next
    # ones (attributor.cpp, question_after_asked, kMaxQuestionTokens).
    "questions": ("Le juge lui demande ce qui motive son geste 0",
                  lambda n: f", le juge lui demande ce qui motive son geste {n}",
                  ". ",
                  lambda i: f"Le juge a demandé au maire si le projet {i} serait voté. "),
    # Each bare participle of accusation after its noun is a passive report
    # whose charge must end within its clause (attributor.cpp,
    # handle_passive, kMaxBareChargeTokens).
    "accused": ("L'homme accusé d'avoir incendié la grange 0",
                lambda n: f" et l'homme accusé d'avoir incendié la grange {n}",
                ". ",
                lambda i: f"L'homme accusé d'avoir incendié la grange {i} a été condamné. "),
    # Each quotation after a colon asks for the subject of the clause
    # before the colon (attributor.cpp, subject_of_clause_before_colon:
    # first_clause_stop) and, after a fronted pour, for a quotation mark
    # before it (quote_pass.cpp, marker_clause_before_colon:
    # first_quote_mark); the sentence holds the whole document.
    "pourcolons": ("Pour Marc Lenoir, des pommes 0",
                   lambda n: f", des pommes {n}",
                   "",
                   lambda i: f" : « des poires {i} »"),
    # Each report whose subject follows a comma and carries a relative
    # (« , le gardien qui connaît … a reconnu que ») ends the content
    # before it (attributor.cpp, comma_opens_subject); else each content
    # runs to the sentence end and the output grows as its square.
    "relatives": ("Le gardien qui travaille au Louvre 0 a reconnu que tout va bien",
                  lambda n: f", le gardien qui connait le peintre depuis ses débuts {n} a reconnu que tout va bien",
                  ". ",
                  lambda i: f"Le gardien qui travaille au Louvre {i} a reconnu que tout va bien. "),
    # Each quotation after a cue looks for its cue among the cues of its
    # sentence, before it (quote_pass.cpp, cue_before and cue_between) and
    # after it (subject_and_cue_after): only those within reach, found by
    # bisection.
    "heard": ("Le maire a entendu le ministre dire « tout va bien 0 »",
              lambda n: f" et a entendu le ministre dire « tout va bien {n} »",
              ". ",
              lambda i: f"Le maire a entendu le ministre dire « tout va bien {i} ». "),
    # Each subject of a clause of the content asks whether the clause
    # judges (target_judgement.cpp, JudgedTargetSearch::clause_judged): the
    # next word of judgement or sentence end, kept between subjects.
    "unjudged": ("Le club confirme que les supporters sont très fâchés pour la raison 0",
                 lambda n: f", les supporters sont très fâchés pour la raison {n}",
                 ". ",
                 lambda i: f"Le club confirme que les supporters sont très fâchés pour la raison {i}. "),
    # Each report of a line ends its content at the line break before the
    # next line's subject and cue (attributor.cpp, line_break_after); else
    # each content runs to the end of the joined lines and the output grows
    # as its square.
    "wrapped": ("Le club confirme que les supporters sont très fâchés pour la raison numéro 0 du jour",
                lambda n: f"\nLe club confirme que les supporters sont très fâchés pour la raison numéro {n} du jour",
                ". ",
                lambda i: f"Le club confirme que les supporters sont très fâchés pour la raison numéro {i} du jour. "),
    # Each quotation after words of its clause looks for the incise after
    # it among the cues of its sentence (quote_pass.cpp, incise_after and
    # clause_reported_by_incise).
    "incises": ("Le maire « chante 0 », a dit Paul Martin",
                lambda n: f", le maire « chante {n} », a dit Paul Martin",
                ". ",
                lambda i: f"Le maire « chante {i} », a dit Paul Martin. "),
    # Each quoted fragment looks for the cue that governs it among the cues
    # of its sentence (quote_pass.cpp, take_governing_cue): only those
    # within reach, found by bisection.
    "governed": ("— Bonjour.\nJe lui demandai pourquoi « il y avait le feu 0 »",
                 lambda n: f" et lui demandai pourquoi « il y avait le feu {n} »",
                 ". ",
                 lambda i: f"Je lui demandai pourquoi « il y avait le feu {i} ». "),
}


def filled(make, total, until):
    """Yields make(0), make(1), … while `total`, the bytes so far, stays
    under `until`; returns the bytes then."""
    n = 0
    while total < until:
        piece = make(n)
        total += len(piece.encode("utf-8"))
        n += 1
        yield piece
    return total


def pieces(kind, size):
    """The pieces of a document of `kind` in order, forever; for the
    kinds of LONG_SENTENCES, the first sentence ends at half of `size`."""
    if kind == "blamemarks":
        # A content under a cue of blame that opens on many quotation marks
        # and holds many clauses whose subject is an institution named by its
        # common noun: each such subject asks whether it opens the content
        # (target_judgement.cpp, opens_content), once read from the marks.
        yield "Paul Roy a accusé : « "
        for _ in range(size // 32):
            yield '" " '
        yield from filled(lambda n: f"le gouvernement profite {n}, ", size // 8, size * 3 // 4)
        yield "». "
        while True:
            yield "Le maire a dit que tout va bien. "
    if kind == "vocatives":
        # An interview's labelled first question, long, that calls many
        # names set off by commas after « vous, »: each name asks whether
        # its sentence is in the second person (dialogue_speakers.cpp,
        # second_person_sentence), once read from the sentence's start.
        yield "Entretien avec Paul Roy. Propos recueillis par Marc Tanguy.\n\nQ : Et "
        total = yield from filled(lambda n: f"le port et la gare {n} ", 0, size // 4)
        yield from filled(lambda n: f"vous, Paul Roy{chr(ord('a') + n % 26)}{chr(ord('a') + n // 26 % 26)}, ",
                          total, size * 3 // 4)
        yield "êtes-vous prêt ?\n\n"
        while True:
            yield "R : Oui.\n\n"
    if kind not in LONG_SENTENCES:
        yield from sentences(kind)
        return
    first, piece, end, second = LONG_SENTENCES[kind]
    i = yield from first_half(first, piece, size)
    yield end
    while True:
        yield second(i)
        i += 1


def document(kind, size):
    """The bytes of a document of `kind` of at most `size` bytes (one
    sentence at least)."""
    chunks, total = [], 0
    for s in pieces(kind, size):
        b = s.encode("utf-8")
        if total + len(b) > size and total > 0:
            break
        chunks.append(b)
        total += len(b)
    return b"".join(chunks).rstrip(b" ") + b"\n"


def main(argv):
    if len(argv) != 4:
        raise SystemExit(__doc__)
    kind, size, out = argv[1], parse_size(argv[2]), argv[3]
    if kind not in KINDS + EXTRA_KINDS:
        raise SystemExit(f"make_adversarial.py: unknown kind '{kind}'")
    data = document(kind, size)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv)
