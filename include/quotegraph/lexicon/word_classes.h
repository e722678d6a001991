// WordClasses: the French closed-class words the attribution rules lean on
// (articles, prepositions, pronouns, auxiliaries, adverbs, time words,
// nouns of report and of blame …), read from data/words.tsv, plus the list
// of French infinitives from the hunspell-fr dictionary; and GazetteerCache,
// which remembers gazetteer look-ups from one document to the next.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/string_table.h"
#include "quotegraph/lexicon/target_scorer.h"
#include "quotegraph/lexicon/word_table.h"
#include "quotegraph/status.h"

namespace quotegraph {

// Closed-class French words by class, read from data/words.tsv.
class WordClasses {
 public:
  // One bit per class of data/words.tsv (and of data/judgements.tsv); a
  // word may belong to several classes.
  enum Bits : std::uint64_t {
    kDet = 1, kPrep = 2, kSubj = 4, kObj = 8, kAux = 16, kAdv = 32, kTime = 64,
    kCut = 128, kPoss = 256, kNoSource = 512, kReport = 1024, kObjContent = 2048,
    kSurContent = 4096, kAdvPhrase = 8192, kConj = 16384, kStandalone = 32768,
    kAudience = 65536, kBlame = 131072, kStateProxy = 262144, kPrenominal = 524288,
    // From data/judgements.tsv: words that judge what they qualify
    // (inacceptable, scandale; remarquable, courageux).
    // Nouns of deed whose complement names the one judged (la gestion de
    // X), from data/judgements.tsv; words.tsv's blame class is stronger.
    kNegative = 1u << 20, kPositive = 1u << 21, kDeed = 1u << 22,
    // Name particles (von, van, ben, al …) and the French ones that are
    // particles only when capitalised inside a name (Noël Le Graët,
    // Charles de Gaulle).
    kParticle = 1ull << 23, kCapParticle = 1ull << 24,
    // Words that end like an infinitive but are none (premier, ministre).
    kNotVerb = 1ull << 25,
    // Words that open a circumstance after an inverted subject (lors, dans).
    kCircumstance = 1ull << 26,
    // Heads of roles that lead a state (président, roi) and heads that may
    // name any leader (dirigeant, chef).
    kLeader = 1ull << 27, kGenericLeader = 1ull << 28,
    // Gender and number a determiner gives its phrase (la: feminine).
    kFeminine = 1ull << 29, kMasculine = 1ull << 30, kPlural = 1ull << 31,
    // Words that make one role head with the next word (premier ministre,
    // vice-président written apart), and the ordinal ones among them.
    kRolePrefix = 1ull << 32, kOrdinal = 1ull << 33,
    // Articles dropped from the front of an entity's name or role.
    kArticle = 1ull << 34,
    // The dialogue reader's classes (documented in words.tsv).
    kNotManner = 1ull << 35, kManner = 1ull << 36, kTitleAbbrev = 1ull << 37, kNpStop = 1ull << 38,
    kPronounSubject = 1ull << 39, kQuantifier = 1ull << 40, kMannerOpener = 1ull << 41,
    kContracted = 1ull << 42, kNarrative = 1ull << 43, kNotParticiple = 1ull << 44,
    kInterjection = 1ull << 45, kPerson12 = 1ull << 46, kPerson12After = 1ull << 47, kSubj12 = 1ull << 48,
    // The attribution rules' classes (documented in words.tsv).
    kCircumstancePrep = 1ull << 49, kLocative = 1ull << 50, kLocativeCoord = 1ull << 51,
    kNotNpWord = 1ull << 52, kEtreForm = 1ull << 53, kClauseOpener = 1ull << 54,
    kFirstPossessive = 1ull << 55, kAnswerVerb = 1ull << 56, kImpersonal = 1ull << 57,
    kCutNeedsQue = 1ull << 58, kRelativeLequel = 1ull << 59, kNegation = 1ull << 60,
    kStressedPronoun = 1ull << 61,
    // The entities stage's determiners that make a name a description (Le
    // porte-parole) and the lexicon stage's articles of gazetteer names.
    kDescriptionDeterminer = 1ull << 62, kKeyArticle = 1ull << 63,
  };
  // The classes past the first 64, in a second bit set: words.tsv's classes
  // of the same name (documented there). Bits 0-29 are for the attribution
  // stage, 30-49 for the structure, entities, eval and pipeline stages,
  // 50-63 for the quotes stage's dialogue reader.
  enum Extra : std::uint64_t {
    kExtraNone = 0,
    // The attribution stage's anchors (bits 0-29), documented in words.tsv.
    kQueForm = 1ull << 0,
    kDeForm = 1ull << 1,
    kAuForm = 1ull << 2,
    kAForm = 1ull << 3,
    kNeForm = 1ull << 4,
    kSeForm = 1ull << 5,
    kEtWord = 1ull << 6,
    kMaisWord = 1ull << 7,
    kSiWord = 1ull << 8,
    kPourWord = 1ull << 9,
    kSelonWord = 1ull << 10,
    kApresWord = 1ull << 11,
    kEnWord = 1ull << 12,
    kToutWord = 1ull << 13,
    kSourceNoun = 1ull << 14,
    kParWord = 1ull << 15,
    kQuiWord = 1ull << 16,
    kStressedMasculine = 1ull << 17,
    kStressedPlural = 1ull << 18,
    kSameWord = 1ull << 19,
    kCitedBy = 1ull << 20,
    kPronounTargetPrep = 1ull << 21,
    kOwnOpinionSubject = 1ull << 22,
    kPassiveEtre = 1ull << 23,
    kReplyAdverbial = 1ull << 24,
    kReplyNoun = 1ull << 25,
    kAppealNoun = 1ull << 26,
    kContradicting = 1ull << 27,
    kVocativeTitle = 1ull << 28,
    kDefiniteArticle = 1ull << 29,
    // The indirect speech rules' (src/attribution/attributor.cpp), bits 41-43:
    // heads of bodies that take positions, whose « Pour X, » is an opinion
    // (Pour le syndicat, …), unlike a club's or a firm's (Pour le club, la
    // saison …).
    kOpinionBody = 1ull << 41,
    // The dialogue pass's (src/attribution/dialogue_hooks.cpp), bit 42:
    // the words of the hour and of the time of day after il était, il est,
    // il faisait, which make il impersonal (« Il était presque midi », « il
    // est temps », « il faisait nuit »).
    kClockWord = 1ull << 42,
    // Bit 43: the weather words after il fait, il faisait (« il faisait
    // froid »), which make il impersonal after faire only (« il était
    // froid » is someone).
    kWeatherWord = 1ull << 43,
    // Bits 39-40: nouns of a held thought whose que or de + infinitive
    // clause is reported content when they are a cue's object (a exprimé
    // l'espoir que …, a fait part de sa volonté de …).
    kContentNoun = 1ull << 39,
    // The indirect speech rules' (src/attribution/attributor.cpp), bit 38:
    // the comparative adverbs whose que opens the term of a comparison,
    // no reported clause (« fait comprendre mieux que tout autre … »).
    kComparative = 1ull << 38,
    // The speakers' (src/attribution/attribution_mentions.cpp), bit 44: the
    // several-word locutions that name the person through whom a body
    // speaks (par la voix de, par l'intermédiaire de, représenté par).
    kVoiceOf = 1ull << 44,
    // Bit 45: the words and locutions of a fronted phrase that names the
    // body the indefinite on speaks for (du côté de, chez).
    kSideOf = 1ull << 45,
    // The indirect speech rules' (src/attribution), bits 46-47: the
    // semi-auxiliaries whose infinitive of saying follows par (« a fini
    // par reconnaître que », « commence par rappeler que »), and the
    // ainsi of « ainsi que l'a indiqué X », a comparison like comme.
    kSemiAuxiliaryPar = 1ull << 46,
    kAinsiWord = 1ull << 47,
    // The targets' (src/attribution/target_reporting.cpp), bit 48: the
    // verbs that, after impersonal il, put a duty on the one named after
    // their à before de + infinitive (« il appartient au ministre de
    // trancher », « il revient à la mairie de payer »).
    kDutyWord = 1ull << 48,
    // Bit 49: the prepositions that alone open a topic fronted before the
    // reporting clause (« Concernant la réforme du ministre X, le syndicat
    // a estimé que … »), as quant à does.
    kTopicWord = 1ull << 49,
    // Bit 40: the nouns of a conversation whose partner follows avec, and
    // that avec (« lors d'un entretien avec X, Y a appelé à … »): a call or
    // a warning made in it is aimed at the partner.
    kTalkWord = 1ull << 40,
    // The dialogue reader's classes (documented in words.tsv).
    kLatter = 1ull << 50, kDative = 1ull << 51, kNounLink = 1ull << 52, kNarrativePair = 1ull << 53,
    kGerundOpener = 1ull << 54, kNotGerund = 1ull << 55, kAdjunctPrep = 1ull << 56, kQuestionLabel = 1ull << 57,
    kAnswerLabel = 1ull << 58, kByline = 1ull << 59, kNobody = 1ull << 60, kIndefHead = 1ull << 61,
    kNarrator = 1ull << 62, kComplementizer = 1ull << 63,
    kSecondPerson = 1ull << 37,
    // The structure, entities, eval and pipeline stages' classes
    // (documented in words.tsv).
    kElision = 1ull << 30, kInvertedSubject = 1ull << 31, kAbbreviation = 1ull << 32,
    kDefinite = 1ull << 33, kComplementPrep = 1ull << 34, kDiplomacy = 1ull << 35, kMinistry = 1ull << 36,
  };
  // A third bit set, all 64 bits the attribution stage's: the function
  // words its rules anchor on (the ce of « à ce que », the quant of « quant
  // à », the relative pronouns, the auxiliary infinitives …), words.tsv's
  // classes of the same name (documented there). A class may hold one word.
  enum Grammar : std::uint64_t {
    kGrammarNone = 0,
    kCeWord = 1ull << 0,
    kOnWord = 1ull << 1,
    kIlWord = 1ull << 2,
    kYWord = 1ull << 3,
    kPuisWord = 1ull << 4,
    kOuWord = 1ull << 5,
    kBienWord = 1ull << 6,
    kSurWord = 1ull << 7,
    kContreWord = 1ull << 8,
    kGardeWord = 1ull << 9,
    kSuiteWord = 1ull << 10,
    kAupresWord = 1ull << 11,
    kQuantWord = 1ull << 12,
    kTandisWord = 1ull << 13,
    kEteWord = 1ull << 14,
    kDapresWord = 1ull << 15,
    kCutKeepsClause = 1ull << 16,
    kCutBeforeQue = 1ull << 17,
    kDemonstrative = 1ull << 18,
    kTimeDeterminer = 1ull << 19,
    kCueTimeDeterminer = 1ull << 20,
    kStatementClitic = 1ull << 21,
    kPassiveParticiple = 1ull << 22,
    kAuxInfinitive = 1ull << 23,
    kTopicNoun = 1ull << 24,
    kTopicPrep = 1ull << 25,
    kRelativePronoun = 1ull << 26,
    kAnswerWord = 1ull << 27,
    kChainingWord = 1ull << 28,
    kAttributeVerb = 1ull << 29,
    kAskedSourceVerb = 1ull << 30,
    // The dialogue pass's (src/attribution/dialogue_speakers.cpp).
    kFirstPerson = 1ull << 31,
    kReferencesNoOne = 1ull << 32,
    kThirdPersonSubject = 1ull << 33,
    kNameTitle = 1ull << 34,
    // The target stage's (src/attribution/target_judgement.cpp).
    kAuthorParticiple = 1ull << 35,
    // Words that negate a verb with ne besides the negation class (rien,
    // plus, aucun): « nous ne demandons rien ».
    kNegationWord = 1ull << 36,
    // Words right after a negation word that turn it into emphasis or « not
    // only »: « pas seulement », « jamais assez » (no negation of the verb).
    kNegationEmphasis = 1ull << 37,
    // Negation words that stand as the verb's object themselves: « je
    // n'accuse personne » aims at no one.
    kNegationObject = 1ull << 38,
    // The targets' (src/attribution/target_reporting.cpp), bits 60-61:
    // the forms of devoir that put an obligation on their subject (« la
    // mairie doit rouvrir la piscine »: the mairie is called upon).
    kObligationVerb = 1ull << 60,
    // The demonstrative pronouns that take up what was just said (c', cela,
    // ça): « a jugé la décision de X « courageuse » et estime que c'est … ».
    kDemonstrativePronoun = 1ull << 61,
    // The source markers' (src/attribution/attributor.cpp, direct18), bit
    // 63: the words of a phrase of quantity before de, whose noun after de
    // heads the source (selon la plupart des experts, pour beaucoup
    // d'habitants, pour de nombreux parents).
    kQuantityWord = 1ull << 63,
    // The speakers' (src/attribution/attribution_tokens.cpp), bits 39-40:
    // the prepositions of purpose before an infinitive of saying that
    // introduces its content (« s'est levée pour dire : », « afin de
    // rappeler que »), whose subject is the clause's.
    kPurposeWord = 1ull << 39,
    // The numeral of « les deux partis », « les deux hommes », which name
    // again the last two entities spoken of.
    kPairWord = 1ull << 40,
    // The speech pass's (src/attribution/attributor.cpp), bits 42-49.
    kCommeWord = 1ull << 42,
    kPluperfectAux = 1ull << 43,
    // The speakers' (src/attribution/attribution_mentions.cpp), bits 44-46:
    // heads of a description that names a person again (« l'homme aux 111
    // sélections »), and participles of a passive of writing or saying that
    // make il impersonal (« il était écrit : », « il est précisé que »).
    kEpithetMasculine = 1ull << 44,
    kEpithetFeminine = 1ull << 45,
    kImpersonalPassive = 1ull << 46,
    // The dialogue speakers' (src/attribution/dialogue_speakers.cpp), bits 52-53.
    kNotName = 1ull << 52,
    // The sentence pass's (src/attribution/quote_pass.cpp), bits 54-57.
    kLitotesVerb = 1ull << 54,
    kSelfVerb = 1ull << 55,
    kRestrictiveWord = 1ull << 56,
    // The indirect speech rules' (src/attribution/attribution_tokens.cpp,
    // quote_pass.cpp), bits 48-51.
    kSemiAuxiliary = 1ull << 48,
    kSemiAuxiliaryNe = 1ull << 49,
    kShowingVerb = 1ull << 50,
    kDocumentVerb = 1ull << 51,
    // Indirect questions (src/attribution/attributor.cpp), bits 47 and 53:
    // the words that open one (si, pourquoi, comment) and the verbs whose
    // content it is (demander, expliquer).
    kQuestionWord = 1ull << 47,
    kQuestionVerb = 1ull << 53,
    // The cue reader's (src/attribution/attribution_tokens.cpp), bit 58:
    // dire, and the conditional and pluperfect subjunctive forms of dire
    // and of its auxiliary that, after on, make a likeness and no speech
    // (« on eût dit que », « on dirait que »).
    kLikenessForm = 1ull << 58,
    // The dialogue pass's (src/attribution/dialogue_hooks.cpp), bit 59: the
    // forms of faire of the weather and the time of day (il fait, il
    // faisait, il fit froid, nuit).
    kFaireForm = 1ull << 59,
    // The indirect speech rules' (src/attribution/quote_pass.cpp), bits 41
    // and 57: head verbs of cues that, with the indefinite on for subject,
    // tell what the writer saw, not what someone said (a-t-on constaté sur
    // place).
    kObservationVerb = 1ull << 41,
    // The targets' (src/attribution/target_reporting.cpp), bit 57: the
    // words of necessity and of demand whose que clause names, as its
    // subject, the one called upon (« il faut que le gouvernement retire »,
    // « il est urgent que la mairie agisse », « nous demandons que le
    // préfet … »).
    kNecessityWord = 1ull << 57,
    // The targets' (src/attribution/target_judgement.cpp), bit 62: the
    // possessive determiners of the third person, whose noun phrase is
    // someone's circle (ses collègues, leurs voisins), no entity.
    kThirdPossessive = 1ull << 62,
  };
  // A fourth bit set, for the classes past the third's 64: words.tsv's
  // classes of the same name (documented there), in the kAnchorNames table
  // of word_classes.cpp. Bits 0-15 are for the speakers' rules, 16-31 for
  // the targets', 32-47 for the speech and source-marker rules, 48-63 for
  // the dialogue and structure readers.
  enum Anchor : std::uint64_t {
    kAnchorNone = 0,
    // Speech and source-marker rules (bits 32-47).
    // Nouns of speech whose complement in de names the source after selon
    // or d'après (selon les explications du maire).
    kSpeechSource = 1ull << 32,
    // The pronouns and possessives of the first person singular (je, j',
    // me, m', moi, mon, ma, mes): outside quotations a news writer never
    // says them, so a paragraph that does is a speaker's words.
    kFirstSingular = 1ull << 33,
    // Targets (bits 16-31): past participles of a verb of care (écouté,
    // consulté, entendu): negated in the passive, a complaint against the
    // agent (« nous ne sommes pas écoutés par le gouvernement »).
    kCareParticiple = 1ull << 16,
    // Speakers (bits 1-15): the words of a description that names again
    // someone just named (ce dernier, l'intéressé, le premier, la seconde)
    // and their feminine forms.
    kLatterWord = 1ull << 1,
    kConcernedWord = 1ull << 2,
    kFirstOfPair = 1ull << 3,
    kSecondOfPair = 1ull << 4,
    kFeminineForm = 1ull << 5,
    // The auxiliary forms of the third person plural (ont, sont, avaient):
    // an inverted il after one is a slip for ils (« ont-il regretté »).
    kPluralVerb = 1ull << 6,
    // lui-même, elle-même, eux-mêmes, elles-mêmes: after a subject noun
    // they stress it (« le procureur lui-même a reconnu que »).
    kSelfWord = 1ull << 7,
    // The adjectives, participles and nouns of a stance (optimiste, rassuré,
    // agacement): a sentence whose predicate holds one tells its subject's
    // mind (« La ministre ne cache pas son agacement. »), and a quotation
    // alone right after it is that subject's words.
    kAttitudeWord = 1ull << 10,
    // voilà: « Voilà ce qu'affirme X. » takes up the sentence before it as
    // the object of the verb, as « C'est ce qu'affirme X. » does.
    kBackPresentative = 1ull << 11,
    // The words after which à, au, aux or vers names the one spoken to
    // (s'adresser, se tourner, une lettre; vers itself), and the nouns of
    // an audience addressed as a whole (la presse, les militants): a
    // quotation in the second person aims at the first, never the second.
    kAddressWord = 1ull << 17,
    kAudienceNoun = 1ull << 18,
    // The words that introduce examples of a kind (des pays comme X, tels
    // que X, notamment X, à l'instar de X): a state named so is an example,
    // not a party the statement judges.
    kExampleWord = 1ull << 19,
    // The dialogue reader's (src/quotes/dialogue.cpp), bit 48: the nouns and
    // participles that announce an interview when avec follows (« Entrevue
    // avec le premier ministre », « s'est entretenue avec lui »): question
    // paragraphs after such a line are put to the one interviewed.
    kInterviewWord = 1ull << 48,
    // The dialogue reader's, bit 54: the pairs that announce an interview
    // only as the heading they open, within its first three words
    // (« Rencontre avec Hélène Marchal », « Trois questions à la
    // maire »); inside a sentence they tell of a meeting (« lors d'une
    // rencontre avec les syndicats »).
    kInterviewHeading = 1ull << 54,
    // The indirect speech rules' (src/attribution/attributor.cpp), bit 34:
    // verbs of saying that, with a thing for subject, tell what it is
    // likely to do or what it needs (« Le match promet d'être long », « La
    // situation exige d'agir vite »): no one speaks then.
    kThingModal = 1ull << 34,
    // The nouns of a study, a report or an inquiry (étude, rapport,
    // enquête): after selon or d'après with no author named, the text
    // states its own findings (« Selon une étude publiée lundi, … »), as
    // the subject of montrer or révéler does.
    kFindingText = 1ull << 35,
    // The nouns of a speech act with a content of its own in de or à +
    // infinitive (demande, appel, promesse, menace): with their author in
    // de right after them, a report (« une demande de la défense de
    // surseoir », « l'appel du syndicat à cesser le travail »).
    kSpeechActNoun = 1ull << 36,
    // Bit 40: the event and abstract nouns (déploiement, importance,
    // absence, situation) whose noun phrase, as the object of a verb that
    // stresses, recalls or states (souligner, rappeler, insister sur),
    // states a fact or a judgement: reported content (« a souligné
    // l'importance de … »), where a name or a concrete thing alone is an
    // act's object (« a rappelé le maire »).
    kFactNoun = 1ull << 40,
    // Bit 41: the endings of nouns of action and of quality (-tion, -ité,
    // -ance, -isme): a noun with one is such an event or abstract noun
    // (« une manipulation des registres », « la précarité de … »), unless
    // bit 42 lists it among the bodies, places and things that share the
    // ending (nation, gouvernement, station).
    kFactSuffix = 1ull << 41,
    kNotFactNoun = 1ull << 42,
    // The prepositions of a stance toward someone (contre, envers,
    // encontre of « à l'encontre de »): an entity after one is aimed at.
    kAgainstWord = 1ull << 20,
    // à and its contractions au, aux: the one spoken to, or a place.
    kDativeWord = 1ull << 21,
    // The prepositions of a setting (à, au, aux, en, dans): a state or a
    // town after one is where things happen (« au Mali », « à Paris »).
    kPlacePreposition = 1ull << 22,
    // Speakers24 (bits 8-12): the dative clitics of the third person (lui,
    // leur) that name the one a question is put to (« lui a demandé si »).
    kThirdDative = 1ull << 8,
    // Prepositions never followed by a verb form (sans): a word after one
    // that looks like a verb is the noun of a locution (« sans doute »,
    // « sans cesse »), no cue.
    kNounOnlyPreposition = 1ull << 9,
    // Speakers25 (bits 26-28): the nouns of a manner adjunct opened by
    // d'un, d'une (ton, voix, air): after an inverted subject they tell
    // how one speaks, no complement of the subject's noun (« répond le
    // maire d'un ton sec », not « le maire d'une commune voisine »).
    kMannerNoun = 1ull << 26,
    // Sources25 (bits 23-25): the adverbs that with si or que after them
    // open a concession (même si, bien que): after « …, selon X, » such a
    // clause is no content of the marker, which reports the clause before.
    kConcessiveOpener = 1ull << 23,
    // Nested25 (bits 13-15): the forms of the verbs of perception (entendre,
    // écouter, voir) whose object noun phrase is the subject of the speech
    // infinitive after it (« j'ai entendu le ministre dire que … »).
    kPerceptionVerb = 1ull << 13,
    // The participles of interdire: with être they state a rule (« il est
    // interdit de fumer »), no demand reported about anyone.
    kRuleParticiple = 1ull << 14,
    // Dialogue25 (bits 37-39): the nouns of a street, a waterway, a
    // building or a site that a proper name follows to name the place (le
    // boulevard Bourdon, la rue Lepic, le lycée Fénelon): that name is no
    // person's, and no speaker.
    kPlaceNoun = 1ull << 37,
    // Dialogue26 (bits 61-63): the nouns of a trial, a law, a plan or an
    // affair that a proper name follows to name it after a person (le
    // procès Caillaux, l'affaire Dreyfus, la loi Guizot): that name is no
    // one present, and no speaker.
    kEventNoun = 1ull << 61,
    // The nouns of one utterance (cri, mot, exclamation, réponse): as the
    // subject of a sentence ending on a colon they announce the words of
    // their possessor or of the one their verb's dative names (« Son
    // premier cri fut : », « Cette exclamation lui échappa : »).
    kUtteranceNoun = 1ull << 62,
    // Targets26 (bits 58-60): the nouns of a threat or of violence done to
    // someone (menace, agression, violences, harcèlement) and the past
    // participles of menacer: the one their contre, envers or à l'encontre
    // de names, and the subject of « a été menacé », is the victim, never
    // the one blamed (« la menace envers le maire », « les agressions
    // contre les pompiers », « le maire a été menacé »).
    kHarmWord = 1ull << 58,
    // The forms of the verbs whose object is the one a speaker turns to
    // with questions or words (interroger, questionner, interpeller,
    // apostropher): « La juge interroge le témoin. « Vous étiez où ? » »
    // speaks to the witness.
    kAddressVerb = 1ull << 59,
    // Targets27b (bits 38, 39, 43): the participles and adjectives of a
    // disappointment (déçu, insatisfait, mécontent): the one their par or
    // de names let the speaker down, and is blamed (« Déçue par le maire,
    // elle a dénoncé … », « nous sommes mécontents du préfet »).
    kLetdownWord = 1ull << 38,
    // The forms of satisfait: after a negation (pas, guère) they tell a
    // disappointment as kLetdownWord does (« pas satisfaits du ministre »).
    kPleasedWord = 1ull << 39,
    // The forms of attendre: « attendre de X » (du ministre, de la
    // direction) names the one something is expected of, the one called on
    // (« On attendait du maire un plan », a regretté X: reproached).
    kExpectVerb = 1ull << 43,
    // Indirect27 (bits 24, 25): the head verbs of an opinion (estimer,
    // considérer, penser, trouver, juger, croire): inside a quotation, with
    // on for subject, they give the speaker's own view, as nous does (« On
    // estime que le plan est mauvais »): no report of someone else's words.
    kOpinionVerb = 1ull << 24,
    // The abbreviations whose full stop marks one only before a number
    // (vol. 3, no. 5, p. 12, env. 300) and etc.: before a capital or a
    // quotation mark that stop ends the sentence (« Il est jugé pour vol.
    // « Je … », a déclaré … »).
    kDigitAbbreviation = 1ull << 25,
    // Lexicon29 (bits 52, 53), read by Gazetteer::load: the prefixes that
    // leave an office what it is (co-, ex-, vice-: « l'ex-ministre », « la
    // co-présidente » speak as « la ministre » does), and the words that
    // open a noun's complement (de, du, des, d'), which a feminine leaves
    // alone (directeur de cabinet, directrice de cabinet).
    kOfficePrefix = 1ull << 52,
    kComplementLink = 1ull << 53,
  };
  // Reads `data_dir`/words.tsv, then `data_dir`/judgements.tsv when it is
  // there (negative, positive and deed words, with their feminine and
  // plural forms generated). A bad line adds kBadData to `diags` and is
  // skipped; an error Status (kIoError) when words.tsv cannot be opened.
  static Result<WordClasses> load(const std::string& data_dir, Diagnostics& diags);
  // The learned target scorer of `data_dir`/target_scorer.tsv, read by
  // load (not loaded when the file is missing).
  const TargetScorer& target_scorer() const { return target_scorer_; }
  bool has(std::string_view folded, std::uint64_t bits) const;
  // All the classes of `folded` as a bit set (0 for none).
  std::uint64_t classes(std::string_view folded) const;
  // The words that have any of `bits`, sorted: members(kKeyArticle) gives
  // "l'", "la", "le", "les".
  std::vector<std::string> members(std::uint64_t bits) const;
  // The same for the second bit set (Extra).
  bool has_extra(std::string_view folded, std::uint64_t extra_bits) const;
  std::uint64_t extra(std::string_view folded) const;
  // The words of the second set that have any of `extra_bits`, sorted: for
  // the rules that look for a class's words inside a longer text.
  std::vector<std::string> extra_members(std::uint64_t extra_bits) const;
  // The Extra bits of the several-word keys whose first word (up to the
  // first space) is `folded_word`: "propos" gives kByline (propos
  // recueillis). 0 when none: no "folded_word rest" can have an Extra bit.
  std::uint64_t extra_opened_by(std::string_view folded_word) const {
    const std::uint64_t* bits = extra_openers_.find(folded_word);
    return bits ? *bits : 0;
  }
  // The same for the third bit set (Grammar): has_grammar("quant",
  // kQuantWord) is true; 0 and false for a word in no class.
  bool has_grammar(std::string_view folded, std::uint64_t grammar_bits) const;
  std::uint64_t grammar(std::string_view folded) const;
  // The same for the fourth bit set (Anchor).
  bool has_anchor(std::string_view folded, std::uint64_t anchor_bits) const;
  // The words of the fourth set that have any of `anchor_bits`, sorted:
  // anchor_members(kOfficePrefix) gives "co", "ex", "vice".
  std::vector<std::string> anchor_members(std::uint64_t anchor_bits) const;
  std::uint64_t anchor(std::string_view folded) const;
  // Gender and number of a subject pronoun ("elle" -> 'f', singular).
  bool subject(std::string_view folded, Gender& gender, bool& plural) const;
  // True when `folded` is a French verb infinitive ("protéger", "être").
  // Known from the French Hunspell dictionary (hunspell-fr) when it is
  // installed; `has_infinitives()` says whether it was found.
  bool infinitive(std::string_view folded) const { return infinitive_set_.find(folded) != nullptr; }
  bool has_infinitives() const { return infinitive_set_.size() != 0; }
  // Reads the infinitives of a Hunspell dictionary whose entries carry
  // Grammalecte morphology (po:v…), as Debian's hunspell-fr does, and its
  // given names with their gender (po:prn is:fem / is:mas). Returns false
  // when the file cannot be read.
  bool load_infinitives(const std::string& dic_path);
  // The gender of a folded given name ("marie" -> 'f', "pierre" -> 'm'),
  // '?' for a name the dictionary does not give (or gives for both).
  Gender given_name_gender(const std::string& folded) const;
  // True for a several-word adverb given as folded tokens joined by single
  // spaces: "par la suite", "d' ailleurs".
  bool phrase(std::string_view joined) const { return phrase_set_.find(joined) != nullptr; }
  // What a several-word source marker given as folded tokens joined by
  // single spaces does: "aux yeux de" comes before its source
  // (kBeforeSource), "à ses yeux" stands for a source named before
  // (kStandsForSource); kNone for other words. Classes marker and
  // markerself of words.tsv.
  enum class SourceMarker { kNone, kBeforeSource, kStandsForSource };
  SourceMarker marker(std::string_view joined) const {
    const SourceMarker* m = marker_table_.find(joined);
    return m ? *m : SourceMarker::kNone;
  }
  // Whether a folded token can open a several-word adverb (kOpensPhrase)
  // or source marker (kOpensMarker): "par" opens "par la suite", "aux"
  // opens "aux yeux de". 0 for other tokens. A token that opens nothing
  // spares joining it with the next ones to look them up: phrase() and
  // marker() would answer false and kNone.
  enum Opens : std::uint8_t { kOpensPhrase = 1, kOpensMarker = 2 };
  std::uint8_t opens(std::string_view folded_token) const {
    const std::uint8_t* o = openers_.find(folded_token);
    return o ? *o : 0;
  }

 private:
  // Adds the words of a judgement lexicon (class<TAB>word lines: negative,
  // positive, deed) with their regular inflections. A missing file adds
  // nothing; a bad line adds kBadData and is skipped.
  void load_judgements(const std::string& path, Diagnostics& diags);
  TargetScorer target_scorer_;
  std::unordered_map<std::string, std::uint64_t> classes_;
  std::unordered_map<std::string, std::uint64_t> extra_;
  std::unordered_map<std::string, std::uint64_t> grammar_;
  std::unordered_map<std::string, std::uint64_t> anchor_;
  StringTable<std::pair<Gender, bool>> subjects_;
  std::unordered_map<std::string, Gender> given_names_;
  // The four bit sets above for look-ups by string_view, a word's four
  // sets in one entry of a flat table, built once loading is done: the
  // tokens of every document are looked up here.
  struct FormBits {
    std::uint64_t classes = 0, extra = 0, grammar = 0, anchor = 0;
  };
  void index_bits();
  StringTable<FormBits> bits_;
  StringTable<std::uint64_t> extra_openers_;  // extra_opened_by
  StringTable<char> phrase_set_;  // the value is unused
  StringTable<SourceMarker> marker_table_;
  // Every prefix of a phrase_set_ or marker_table_ key that ends before one
  // of its spaces ("par", "par la"), with its Opens bits.
  StringTable<std::uint8_t> openers_;
  void add_openers(std::string_view joined, std::uint8_t bit);
  StringTable<char> infinitive_set_;  // the value is unused
};

// Gazetteer look-ups by folded text, remembered across the documents one
// Pipeline processes (one thread: not thread-safe). Names of states, roles
// and titles repeat from article to article, and each look-up normalises
// its key. With the lexicons given, it also answers word() for every token:
// each form is interned once in a WordTable that holds all these answers.
// Bounded: the table starts afresh when it holds kMaxEntries forms.
class GazetteerCache {
 public:
  static constexpr std::size_t kMaxEntries = 200000;
  // `gazetteer`, `lexicon` and `words` must outlive the cache; without the
  // lexicons, word() gives no class and no speech verb reading.
  explicit GazetteerCache(const Gazetteer& gazetteer, const Lexicon* lexicon = nullptr,
                          const WordClasses* words = nullptr)
      : gaz_(gazetteer), table_(lexicon, words, kMaxEntries) {}
  // A state named directly or by its capital or seat of power; nullptr if none.
  const State* state_or_seat(std::string_view folded);
  // Gazetteer::may_open_state_or_seat of a folded token, remembered.
  bool may_open_state_or_seat(std::string_view folded_token);
  const Role* role(std::string_view folded);
  const State* nationality(std::string_view folded);
  std::optional<Gender> courtesy_title(std::string_view folded);
  // The word classes and speech verb readings of a folded token, e.g.
  // word("déclaré").forms holds the past participle of "déclarer". The
  // reference is valid until the next call on this cache.
  const WordInfo& word(std::string_view folded) { return table_.find(folded); }
  const Gazetteer& gazetteer() const { return gaz_; }
 private:
  const Gazetteer& gaz_;
  WordTable table_;
};

}  // namespace quotegraph
