// Run: the state of one document's attribution pass and the rules that
// act on it, shared by the attribution sources (attributor.cpp: the pass
// and its claims; attribution_tokens.cpp: per-token look-ups and cue verb
// groups; attribution_mentions.cpp: noun phrases, mentions, speakers and
// pronouns; attribution_targets.cpp: targets; target_judgement.cpp:
// targets a content judges and relations; quote_pass.cpp: the sentence
// by sentence pass over quotations and cues). Internal to the library.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "quotegraph/attribution/attributor.h"
#include "quotegraph/syntax/tagger.h"
#include "quotegraph/text/text.h"

namespace quotegraph::detail {

constexpr int kNone = -1;
constexpr std::uint32_t kMaxNpTokens = 14;
// Longest circumstance set off by commas between a cue and its que
// (a affirmé, lors d'une conférence de presse tenue vendredi, que …).
constexpr std::uint32_t kMaxParentheticalTokens = 20;
// How far back (tokens) a pronoun or a description that names again looks
// for the persons of the sentence before it (Run::phrases_naming_before).
constexpr std::uint32_t kNamedLookBack = 80;
// How far (tokens) from a content the phrase that names the one it speaks
// to is looked for (Run::addressee_targets: « a lancé au ministre … »).
constexpr std::uint32_t kAddressReach = 60;
// Longest charge (tokens) of a bare participle of accusation after its
// noun that meets no main verb (Run::handle_passive: « L'homme accusé
// d'avoir incendié la grange a été condamné »).
constexpr std::uint32_t kMaxBareChargeTokens = 40;
// Longest indirect question (tokens) read past the one asked (« a demandé
// au maire si … », « lui demande ce qui … »): a sentence of such reports
// joined by commas gives each its clause, not the rest of the sentence.
constexpr std::uint32_t kMaxQuestionTokens = 40;

// The quotation-mark tokens that open a quotation: « “ „ ‟ ‹, and << typed
// for « (the tokenizer keeps << as one mark); and those that open and
// close alike: " with its look-alikes ″ ʺ ＂ and the two apostrophes typed
// for it. Every other mark token closes. (” typed at both ends and single
// ' quotations are read by the quote detector only: the tokens do not tell
// their direction.)
inline bool opening_quote_token(std::string_view mark) {
  return mark == "«" || mark == "“" || mark == "„" || mark == "‟" || mark == "‹" || mark == "<<";
}
inline bool straight_quote_token(std::string_view mark) {
  return mark == "\"" || mark == "''" || mark == "″" || mark == "ʺ" || mark == "＂";
}

// Follows quotation mark `mark` (a token of kind kQuoteMark) in a left to
// right reading: `depth` counts the French and curly quotations open,
// `straight` whether a straight one is.
inline void track_quotation_mark(std::string_view mark, int& depth, bool& straight) {
  if (straight_quote_token(mark)) straight = !straight;
  else if (opening_quote_token(mark)) ++depth;
  else if (depth > 0) --depth;
}

// A cue verb group in a sentence: tokens [first, last) with the verb at `verb`.
struct CueHit {
  std::uint32_t first = 0, verb = 0, last = 0;
  const CueEntry* entry = nullptr;
  VerbForm form = VerbForm::kFinite;
  bool plural = false;
  int clitic = kNone;        // token of an inverted subject (-t-il) or kNone
  bool reflexive = false;    // se / s' before the verb
  bool used = false;         // consumed by a quotation (incise or introduction)
  int speaker = kNone;       // mention index once known
  bool incise = false;       // "…, a insisté M. Peskov." with no quotation
  // For an incise set inside its clause (« Les travaux, explique le maire,
  // dureront deux ans »), the comma that closes it; 0 when it closes its
  // clause (Run::incise_inside_close).
  std::uint32_t incise_close = 0;
  bool passive = false;      // "a été condamnée par X": the agents speak
  // The cues find_cues gave with this one stand in order, each group
  // ending before the next starts (so sorted by first, verb and last), as
  // they do but when an infinitive's group took in the cue before it. A
  // loop over a sentence's cues (or over those of them outside or inside
  // quotations) that relies on their order reads this flag on the first
  // (cues_in_order) and reads them all when it is false.
  bool in_order = true;
};

// The cues of one sentence, read where Run keeps them (cues_of_sentence).
struct CueRange {
  const CueHit* first = nullptr;
  const CueHit* past = nullptr;
  const CueHit* begin() const { return first; }
  const CueHit* end() const { return past; }
  std::size_t size() const { return static_cast<std::size_t>(past - first); }
  bool empty() const { return first == past; }
  const CueHit& operator[](std::size_t i) const { return first[i]; }
};

// Whether `cues` (found together by find_cues, or a part of them in
// their order) stand in order: see CueHit::in_order.
inline bool cues_in_order(const std::vector<CueHit>& cues) { return cues.empty() || cues.front().in_order; }

// How a past participle's verb group starts (Run::participle_group_start).
enum class GroupStart {
  kNoCue,     // no cue: a bare participle, a passive without agents
  kComplete,  // the group is complete: a coordinated participle, a passive act
  kOpen,      // clitics and negation may still come before the auxiliary
};

// Makes `m` a mention of state `s` (Moscou, la Russie, les forces russes
// as a target): its name, state, type, gender and number are the state's.
inline void stand_for_state(MentionInfo& m, const State& s) {
  m.name = s.name;
  m.state = s.name;
  m.role.clear();
  m.type = s.type;
  m.gender = s.gender;
  m.plural = s.plural;
}

// A noun phrase found by the scanners, as token range plus its parts.
struct Np {
  std::uint32_t begin = 0, end = 0;  // tokens
  bool valid() const { return end > begin; }
};

// What the learned target scorer reads of the whole document, once: how
// many mentions bear each name (or role), who speaks, whom the rules
// found a target of some claim, and who is named in the headline or lead.
struct ScorerClues {
  std::unordered_map<std::string, int> named;
  std::unordered_set<std::string> speakers, targets, in_lead;
};

// What follows a cue verb group: where its reported content starts (0
// when it has none) or the object of its speech act, and the targets the
// cue names as its object.
struct CueComplement {
  std::uint32_t content_begin = 0;
  bool act = false;
  Np act_np;  // the object of a speech act: "a condamné les violences …"
  std::vector<int> targets;
  // The complement is a quoted fragment (qualifié d'« … »): the claim is
  // the quotation's.
  bool left_to_quotation = false;
  // The content ends at this token at the latest (0: at its clause's end):
  // an indirect question past the one asked is read within a clause's
  // reach (Run::question_after_asked, kMaxQuestionTokens).
  std::uint32_t content_limit = 0;
};

// A source marker at a token: which one, and where its source starts.
struct SourceMarkerAt {
  bool selon = false, dapres = false;
  bool pour = false;      // a fronted "pour X," (also after mais, et, si)
  bool contrast = false;  // "Si pour X …, Y …"
  bool before_source = false;      // a locution before the source (aux yeux de)
  bool stands_for_source = false;  // a locution that names it (à ses yeux)
  std::uint32_t source_begin = 0;
};

// One document's pass: its tokens, the mentions and claims found so far
// (out) and the salience list for pronouns. Built by Attributor::attribute.
// Running counts over the tokens from one begin token on, for the scans
// that look back from a cue to the start of its sentence (the words and
// verbs of the segment before an incise, the quotation marks open before
// a verb, an earlier « , qui »). Each is asked once per cue, so a sentence
// of thousands of cues cost the square of its length; read from here, a
// question costs one look-up, and the counts are extended only as far as
// asked (Run::prefix_to).
struct TokenPrefix {
  static constexpr std::uint32_t kNoToken = UINT32_MAX;
  // The counts over [begin, k), for a token k.
  struct Before {
    std::uint32_t words = 0;  // word tokens
    std::uint32_t verbs = 0;  // of them, verbs and auxiliaries (tags and class aux)
    std::uint32_t last_quote = kNoToken;  // the last quotation mark, or kNoToken
    // The last token q, q >= begin + 2, that is qui after a comma or
    // punctuation other than a comma, or kNoToken (antecedent_of_earlier_qui).
    std::uint32_t last_qui_or_stop = kNoToken;
    // Quotation marks still open, as track_quotation_mark reads them: the
    // depth of the opening marks times 2, plus 1 when a straight " is open
    // (outside_quotation).
    std::uint32_t quote_state = 0;
  };
  std::uint32_t begin = kNoToken;
  std::vector<Before> before;  // entry k - begin for token k
  const Before& at(std::uint32_t k) const { return before[k - begin]; }
};

struct Run {
  Run(const Document& d, const Lexicon& l, const Gazetteer& g, const WordClasses& w, GazetteerCache& c,
      const PosLexicon* p)
      : doc(d), lex(l), gaz(g), words(w), cache(c), pos_lexicon(p) {}

  const Document& doc;
  const Lexicon& lex;
  const Gazetteer& gaz;
  const WordClasses& words;
  GazetteerCache& cache;
  const PosLexicon* pos_lexicon;  // null when hunspell-fr is missing
  // One part of speech per token (the syntactic layer), set by run().
  std::vector<TokenTags> tags_;
  Attribution out;
  // Most recent subjects and speakers, for pronouns: mention indexes.
  std::vector<int> salience;
  // Source markers of the current sentence already used by a quotation.
  std::vector<std::uint32_t> consumed_markers;
  // Per mention index, 1 for a mention that content_targets took only
  // because it names a state in argument position: finish_targets keeps
  // it when the claim judges. push_mention clears the entry of an index
  // it gives again after a mention was dropped.
  std::vector<char> bare_state_;
  // The mentions the pass made before finish_targets that name someone
  // (no pronouns), ordered by their begin offset: an object clitic of a
  // content (« Je lui reproche … ») looks back among them from where it
  // stands, not from the end of the document (target_clitics.cpp).
  std::vector<int> mentions_by_position_;
  // Distinct states the document names (by name or capital), counted on first use by states_named(); -1 before.
  int states_named_ = -1;
  std::size_t states_named();

  const Token& tok(std::uint32_t i) const { return doc.tokens[i]; }
  std::string text_of(std::uint32_t b, std::uint32_t e) const;
  bool is(std::uint32_t i, std::string_view w) const { return tok(i).lower == w; }
  bool is_punct(std::uint32_t i) const;
  bool is_comma(std::uint32_t i) const { return tok(i).kind == TokenKind::kPunct && tok(i).lower == ","; }
  // Look-ups done once per distinct form of the thread's documents (index_tokens):
  // word classes and cue readings when the form is interned, the
  // single-token gazetteer look-ups on first use (most forms are never
  // looked up). Tokens point at their form, so a thread costs one
  // look-up per distinct form and a document 5 bytes per token, not 50.
  struct FormFacts {
    std::uint64_t classes = 0;
    std::uint64_t extra = 0;    // the second set (WordClasses::Extra)
    std::uint64_t grammar = 0;  // the third set (WordClasses::Grammar)
    std::uint64_t anchor = 0;   // the fourth set (WordClasses::Anchor)
    std::uint64_t extra_opens = 0;  // WordClasses::extra_opened_by, for every kind of form
    const std::vector<CueForm>* forms = nullptr;
    // Lexicon::judging_forms of a word (of no other kind of form: nullptr).
    const std::vector<CueForm>* judging = nullptr;
    std::uint8_t opens = 0;  // WordClasses::opens, for every kind of form
    mutable char looked_up = 0;     // bit 1 role, 2 nationality, 4 title, 8 opens_state
    mutable bool opens_state = true;  // Gazetteer::may_open_state_or_seat
    mutable std::optional<Gender> title;
    mutable const Role* role = nullptr;
    mutable const State* nationality = nullptr;
    // Gazetteer::speaking_noun of the form alone: 0 not asked yet, 1 yes, 2 no.
    mutable char speaking_noun = 0;
  };
  // The facts of every form the thread's documents used so far, and the
  // tagger's dictionary readings by the same index (index_tokens: kept
  // while the documents share a form table and these lexicons).
  std::vector<FormFacts>* form_facts_ = nullptr;
  std::vector<PosSet>* form_readings_ = nullptr;
  // Gazetteer::speaking_noun of the keys of two to four words the thread
  // asked (speaking_noun_end), kept with the form facts.
  std::unordered_map<std::string, bool>* compound_speaking_ = nullptr;
  std::vector<std::uint32_t> form_of_;  // per token, index into *form_facts_
  std::vector<char> name_word_;         // per token: a proper-name word

  void index_tokens();
  // The word classes of every token, in token order (what the tagger reads).
  std::vector<std::uint64_t> token_classes() const;
  const FormFacts& facts(std::uint32_t i) const { return (*form_facts_)[form_of_[i]]; }
  const std::vector<CueForm>& forms(std::uint32_t i) const { return *facts(i).forms; }
  // A state named directly or through its capital or seat of power.
  const State* state_or_seat(std::string_view folded) const;
  // The same for the text of tokens [b, e) (la Russie, Corée du Sud, le
  // Kremlin), folded without a string; nullptr at once when token b is a
  // word no such name opens with (Gazetteer::may_open_state_or_seat).
  const State* state_of_tokens(std::uint32_t b, std::uint32_t e) const;
  // Whether some state or seat's name may open with the text of tokens b
  // and b + 1 (Gazetteer::may_open_state_or_seat), asked once a document:
  // when not, no longer span from b names one. Per token: 0 not asked
  // yet, 1 yes, 2 no.
  bool pair_may_open_state(std::uint32_t b) const;
  mutable std::vector<char> pair_opens_state_;
  const Role* role_of(std::uint32_t i) const;
  const State* nationality_of(std::uint32_t i) const;
  std::optional<Gender> title_of(std::uint32_t i) const;
  // Whether token `i` is the title Me (Maître) before a name, not the
  // clitic me of the first person: « Me Julien Roy rappelle … ». The
  // clitic is never written with a capital before a capitalised word; the
  // one abbreviated title that is also an object clitic (titleabbrev and
  // obj in words.tsv) is Me.
  bool maitre_title(std::uint32_t i) const {
    return i + 1 < doc.tokens.size() && doc.tokens[i].capitalized && !doc.tokens[i].all_caps &&
           has(i, WordClasses::kTitleAbbrev) && has(i, WordClasses::kObj) && doc.tokens[i + 1].capitalized;
  }
  bool has(std::uint32_t i, std::uint64_t bits) const { return (facts(i).classes & bits) != 0; }
  bool has_extra(std::uint32_t i, std::uint64_t extra_bits) const { return (facts(i).extra & extra_bits) != 0; }
  bool has_grammar(std::uint32_t i, std::uint64_t grammar_bits) const {
    return (facts(i).grammar & grammar_bits) != 0;
  }
  bool has_anchor(std::uint32_t i, std::uint64_t anchor_bits) const {
    return (facts(i).anchor & anchor_bits) != 0;
  }
  // de, d', du, des; que, qu'.
  bool is_de(std::uint32_t i) const { return has_extra(i, WordClasses::kDeForm); }
  bool is_que(std::uint32_t i) const { return has_extra(i, WordClasses::kQueForm); }
  // de or d', the forms that are no article: d'après, avant de.
  bool is_bare_de(std::uint32_t i) const { return is_de(i) && !has(i, WordClasses::kDet); }
  bool is_name_word(std::uint32_t i) const { return name_word_[i] != 0; }
  // A time word standing alone, not a determiner nor part of a name
  // (mardi, hier, actuellement; not « la semaine », not « Mardi Gras »):
  // a circumstance the readers pass between a cue and what follows it.
  bool bare_time_word(std::uint32_t i) const {
    return has(i, WordClasses::kTime) && !has(i, WordClasses::kDet) && !is_name_word(i);
  }
  bool compute_name_word(std::uint32_t i) const;
  // A lower-case word that is a particle, a hyphen and a capitalised
  // name: al-Sissi.
  bool particle_joined_name(std::uint32_t i) const;
  // A surname in capitals after a given name or a title: Jean DUPONT.
  bool surname_in_capitals(std::uint32_t i) const;
  // Past the initials opening at i (J.-L. Martin), on the surname; i
  // when none opens there.
  std::uint32_t initials_end(std::uint32_t i) const;
  // Whether token i is the full stop or hyphen of initials: J.-L. Martin.
  bool initial_mark(std::uint32_t i) const;
  // Whether the particle at k and at most one more lead to a name word
  // before end: van der Berg.
  bool particles_before_name(std::uint32_t k, std::uint32_t end) const;
  // Whether the de or d' at k is the plural indefinite article before an
  // adjective and its noun: de nombreux élus.
  bool indefinite_de(std::uint32_t k, std::uint32_t end) const;
  // Whether the de or d' at k opens a manner adjunct, an indefinite article
  // and a noun of manner: « répond le maire d'un ton sec ».
  bool manner_adjunct(std::uint32_t k, std::uint32_t end) const;
  // Whether the article or numeral at k opens a phrase after a noun or a
  // name, for the phrase read forwards to end there.
  bool opens_next_phrase(std::uint32_t k, std::uint32_t end) const;
  // A lower-case word that can be part of a noun phrase (noun, adjective).
  bool is_np_word(std::uint32_t i) const;

  // ---- Cue detection -------------------------------------------------

  // True when object clitics (at most two) open an infinitive at token
  // `i` (« de le faire évacuer », « de l'y conduire »); le, la, les also
  // open nouns, so is_infinitive_like leaves them out.
  bool infinitive_after_clitics(std::uint32_t i, std::uint32_t end) const;
  // An infinitive at i, bare or after its object clitics of the third
  // person: what de or à opens after a cue's object (« demande aux
  // banques de les aider »). Not me, te, nous, vous: a narrator's requests
  // (« il me supplia de me taire ») are no report a news reader wants.
  bool opens_infinitive(std::uint32_t i, std::uint32_t end) const {
    return is_infinitive_like(i, end) ||
           (i < end && !has(i, WordClasses::kPerson12) && infinitive_after_clitics(i, end));
  }
  bool is_infinitive_like(std::uint32_t i, std::uint32_t end) const;
  // Whether cue `h` opens on the subject of a que clause: a que stands
  // before its verb group past words only (no punctuation), at most a noun
  // phrase's length back (« a dit que nous disons … », « et que le maire
  // de Lyon dit … »).
  bool in_que_clause(const CueHit& h) const;
  // Whether token `q` is de before an infinitive, after up to two object
  // clitics (« de respecter », « de nous respecter », « de le lui dire »),
  // before token `end`: the infinitive complement of a cue of telling.
  bool de_infinitive_at(std::uint32_t q, std::uint32_t end) const {
    if (!is_de(q)) return false;
    std::uint32_t v = q + 1;
    while (v < end && v < q + 3 && has(v, WordClasses::kObj)) ++v;
    return is_infinitive_like(v, end);
  }

  // Skips adverbs inside a verb group ("a notamment souligné", "a par la
  // suite affirmé", "se sont mutuellement accusés").
  std::uint32_t skip_adverbs(std::uint32_t i, std::uint32_t end) const;

  // Number of tokens of the adverb starting at k: one for "notamment",
  // several for "par la suite", 0 when none starts there.
  std::uint32_t adverb_length(std::uint32_t k, std::uint32_t end) const;
  // Per token k, which phrases of words.tsv the words from k make, asked
  // once a document (adverb_length asks again and again from the same
  // token): bit n (2 to 4) when the n words from k are a phrase, bit 0
  // once asked; 0 not asked yet. Sized on first use.
  std::uint8_t phrases_from(std::uint32_t k) const;
  mutable std::vector<std::uint8_t> phrases_from_;

  // Number of tokens of the adverb ending just before `end` (scanning back).
  std::uint32_t adverb_length_before(std::uint32_t end, std::uint32_t sentence_begin) const;

  // Finds the cue verb groups of sentence [sentence_begin, sentence_end).
  std::vector<CueHit> find_cues(std::uint32_t sentence_begin, std::uint32_t sentence_end) const;
  // True when the participle at `i` names the person whose name opens the
  // sentence, between commas, before the main verb: « Jean Morel, dit
  // Jeannot, a raconté … » (dit = surnommé: no speech). The name (capitalised
  // words, after at most a determiner and its nouns or adjectives from
  // `sentence_begin`) ends at the comma before `i`; the capitalised words
  // after `i` end on a comma followed by an auxiliary or a finite verb.
  bool naming_participle(std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end) const;
  // find_cues of the whole of sentence `s`, found once a document: the
  // first call finds the cues of every sentence (the sentence pass makes
  // it, QuotePass::find_sentence_cues), later ones read them. The cues of
  // a span depend on its tokens alone (tokens, forms, classes and tags,
  // set before the pass), so every later stage that asks for the cues of
  // a whole sentence gets what find_cues would give it. Valid while the
  // Run lives.
  CueRange cues_of_sentence(std::size_t s) const;
  mutable std::vector<CueHit> sentence_cue_hits_;            // every sentence's, in order
  mutable std::vector<std::uint32_t> sentence_cue_begin_;  // sentence s: [begin[s], begin[s + 1])

  // True when cue group `h` is « on dirait que », « on eût dit que », « on
  // aurait dit que »: dire in the conditional (or the pluperfect
  // subjunctive) with on as its subject says what a thing looked like,
  // and reports no one's speech.
  bool likeness_idiom(const CueHit& h, std::uint32_t sentence_begin) const;

  // True when token i - 1, a determiner, is rather an object clitic of
  // the cue word at i with `readings`: a subject, negation, clitic or name
  // before it (il le dit, elle l'affirme).
  bool object_clitic_before(std::uint32_t i, std::uint32_t sentence_begin, const std::vector<CueForm>& readings) const;

  // True (and fills `h`) when reading `f` of token i is a cue verb group
  // of sentence [sentence_begin, sentence_end); `hits` are the groups found before it.
  bool read_cue_group(const CueForm& f, std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                      const std::vector<CueHit>& hits, CueHit& h) const;

  // True (and sets h.last past it and an inverted subject) when the
  // locution's tail of `f` follows token i: mis en garde, s'en prendre à.
  bool read_locution_tail(const CueForm& f, std::uint32_t i, std::uint32_t sentence_end, CueHit& h) const;

  // Where the auxiliary of a participle at `b` ends, past adverbs, an
  // inverted clitic (a-t-il averti, set in `h`) and an adverbial between
  // commas (a, une nouvelle fois, mis en garde).
  std::uint32_t auxiliary_end(std::uint32_t b, std::uint32_t sentence_begin, CueHit& h) const;

  // Reads the auxiliary before past participle `f` at `b`: sets `b` to the
  // auxiliary when the group goes on (kOpen), or h.first when it is
  // complete.
  GroupStart participle_group_start(const CueForm& f, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                    const std::vector<CueHit>& hits, CueHit& h, std::uint32_t& b) const;

  // Where a verb group starting at `b` starts with its object and
  // reflexive clitics (sets h.reflexive) and ne.
  std::uint32_t clitics_and_negation_start(std::uint32_t b, std::uint32_t sentence_begin, CueHit& h) const;
  // The group of a semi-auxiliary before infinitive cue `h` or before its
  // à or de (a tenu à rappeler, vient de déclarer, n'a cessé de répéter):
  // sets `h`'s first token, form, clitic and reflexive to the semi-auxiliary
  // group's, whose subject speaks. False, `h` unchanged, when none stands there.
  bool semi_auxiliary_group(std::uint32_t sentence_begin, CueHit& h) const;
  // Whether the bare participle at token `b` follows the noun or name it
  // qualifies, right after it or past the comma of an apposition (« L'homme
  // de 32 ans accusé de … », « Le maire, accusé de … »).
  bool participle_after_noun(std::uint32_t b, std::uint32_t sentence_begin) const;
  // The token of de when the passive of cue `entry` ending before token
  // `last` reports an accusation or a demand, else 0: a cue of blame or of
  // demand (relation calls_on) with de + infinitive right after it (« Le
  // gardien est accusé d'avoir revendu des tableaux », « ont été soupçonnés
  // d'avoir triché », « Le maire a été sommé de s'expliquer »), or after
  // the à-phrase of the one blamed or asked, which goes to `blamed` (« il
  // est reproché au directeur d'avoir caché … », « il est demandé aux
  // automobilistes de ralentir »); its source is unnamed.
  std::uint32_t passive_de_report(const CueEntry& entry, std::uint32_t last, std::uint32_t sentence_end,
                                  Np* blamed = nullptr) const;
  // The token where the charge of the passive of cue `entry` ending before
  // token `last` begins, else 0, when passive_de_report finds no clause: a
  // cue of accusation with de and a noun phrase (« sont accusés de
  // manquements graves »), a cue of blame with pour and a noun phrase
  // (« a été critiqué pour sa manière de mener les débats »).
  std::uint32_t passive_charge(const CueEntry& entry, std::uint32_t last, std::uint32_t sentence_end) const;
  // Whether an object clitic stands in cue group `h` before its verb (« qui
  // m'accusaient d'abus de pouvoir », « le lui reproche »), the one blamed
  // when the verb blames; a reflexive group has none.
  bool object_clitic_in_group(const CueHit& h) const;
  // passive_de_report or passive_charge for cue group `h` of the sentence opening at
  // `sentence_begin`, when no quotation mark opened in the sentence before
  // it is still open (« « X est accusé de … », a indiqué le procureur »
  // is the procureur's statement, no second one).
  bool reported_passive_de(const CueEntry& entry, std::uint32_t sentence_begin, const CueHit& h,
                           std::uint32_t sentence_end) const;
  // Whether passive cue group `h`, whose auxiliary être or été is token
  // `aux`, is the impersonal passive of a verb of saying with its que:
  // « Il a été annoncé que la ligne serait prolongée », « il est rappelé
  // aux usagers que … ». Its impersonal il stands for no one, so the
  // clause is reported by no one the sentence names, or by the agent after
  // par (« il a été précisé par la direction que … »). Outside quotations.
  bool impersonal_report(std::uint32_t sentence_begin, std::uint32_t aux, const CueHit& h,
                         std::uint32_t sentence_end) const;
  // True when no quotation mark opened in the sentence before token `i`
  // is still open there (straight quotes counted in pairs).
  bool outside_quotation(std::uint32_t sentence_begin, std::uint32_t i) const;
  // The running counts from token `begin` on (TokenPrefix), extended to
  // token `end` at least (end >= begin); the answer of the last call while
  // the begin stays the same, counted afresh from a new one.
  const TokenPrefix& prefix_to(std::uint32_t begin, std::uint32_t end) const;
  mutable TokenPrefix prefix_;
  // The token of the preposition of purpose (words.tsv purposeword) before
  // the infinitive at `b`, past a bare de (pour dire, afin de rappeler);
  // `b` itself when there is none.
  std::uint32_t purpose_before(std::uint32_t b, std::uint32_t sentence_begin) const;
  // The noun phrase that a verb of perception (words.tsv perceptionverb)
  // takes as object right before the infinitive group that starts at `c`
  // (« a entendu le ministre dire que … », « ont écouté la maire leur
  // expliquer que … »): the infinitive's subject. It names someone (a name,
  // a role or a noun of speaking_nouns.tsv: « entendit des marins crier »);
  // an invalid Np when there is none (« a entendu dire que »).
  Np perceived_speaker(std::uint32_t c, std::uint32_t sentence_begin) const;
  // Whether the infinitive group that starts at `c` is coordinated by et to
  // an infinitive of purpose a few words before (« pour vanter ce modèle
  // et dire que … »): it shares its pour.
  bool coordinated_purpose(std::uint32_t c, std::uint32_t sentence_begin) const;
  // The first of the object clitics (at most two) right before the
  // infinitive at `k` (pour leur dire, tient à nous le dire); `k` when none.
  // `third_person`: only le, la, les, lui, leur, en, y (not me, nous, se,
  // which may make the verb reflexive: pour m'assurer que).
  std::uint32_t infinitive_clitics_start(std::uint32_t k, std::uint32_t sentence_begin, bool third_person) const;
  // Whether the infinitive whose group starts at `k` is a narrative one:
  // the sentence opens with et, a subject noun phrase and de (Et le maire
  // de rappeler que …, Et X d'ajouter que …).
  bool narrative_infinitive(std::uint32_t k, std::uint32_t sentence_begin) const;
  // Whether a content opens at token `k`, past adverbs and a short
  // adverbial with no verb: a colon, que or a quotation mark (pour dire à
  // haute voix : « … »).
  bool content_follows(std::uint32_t k, std::uint32_t sentence_end) const;
  // Whether a demand of cue entry `e` opens at token `k`, past adverbs and
  // the one asked: de or à and an infinitive, when `e` takes them (« pour
  // leur demander de reporter … », « afin d'appeler les élus à voter »).
  bool demand_follows(const CueEntry& e, std::uint32_t k, std::uint32_t sentence_end) const;
  // Whether token `q`, past the audience of cue `h` (a indiqué à la presse
  // vouloir …), opens its infinitive content: an infinitive the cue takes,
  // not governed by a preposition (a écrit aux parents pour annoncer …).
  bool infinitive_after_audience(const CueHit& h, std::uint32_t q, std::uint32_t sentence_end) const;
  // Whether the complement of cue `h` at token `k` is a colon that opens a
  // clause without quotation marks, which the cue reports when it takes a
  // quotation after a colon (intro frame): « Le maire a prévenu : la
  // piscine fermera ».
  bool opens_colon_content(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const;

  // ---- Noun phrases and mentions --------------------------------------

  // Reads a noun phrase forward from token i: det? words* Name* (de NP)*.
  Np np_forward(std::uint32_t i, std::uint32_t end, bool allow_complements = true) const;

  // True when token k, after a name in the phrase starting at i, is a past
  // participle (in -é, -ée, -és, -ées) that starts a modifier: "la Cour
  // des comptes publié mercredi".
  bool participle_after_name(std::uint32_t i, std::uint32_t k) const;

  // Where a phrase starting at i goes on past the joint at token k that is
  // no noun or name word: the dot of a title (M.), a complement in de or
  // au(x) + state when `complements`, a particle inside a name. Returns k
  // itself when the phrase ends there.
  std::uint32_t np_joint_end(std::uint32_t i, std::uint32_t k, std::uint32_t end, bool complements) const;

  bool np_has_content(const Np& np) const;

  // Reads a noun phrase that ends just before token `end`, scanning back.
  Np np_backward(std::uint32_t end, std::uint32_t sentence_begin) const;
  // Whether the capitalised article at p opens a sentence run on to the word
  // before it (a headline without its full stop); np_backward stops there.
  bool opens_run_on_sentence(std::uint32_t p, std::uint32_t end) const;

  // Builds a mention for tokens [b, e) and returns its index.
  int make_mention(std::uint32_t b, std::uint32_t e);

  // The mention (not listed) of the organisation whose acronym is token
  // `i`, given in parentheses right after its name earlier in the document (« la
  // Fédération des entreprises de Belgique (FEB) … selon la FEB »), or
  // null. The acronym is in capitals and opens as the name does (the
  // article aside), or, written as a word (Anses, Insee), keeps the
  // initials of the name's content words in order; the name read must be
  // an organisation's or a group's
  // (« Olivier Faure (PS) » gives his party; a name read as a person's or
  // not typed is left to what the gazetteer knows of the acronym). Each
  // acronym is read once per document.
  const MentionInfo* acronym_expansion(std::uint32_t i);
  // Token of the opening parenthesis before each acronym written in
  // parentheses, by the acronym's form, listed on first use; and the
  // mention of the name each form stands for (no text when none).
  std::unordered_map<std::uint32_t, std::uint32_t> acronym_parentheses_;
  std::unordered_map<std::uint32_t, MentionInfo> acronym_expansions_;
  bool acronyms_listed_ = false;
  int acronym_depth_ = 0;  // acronym_expansion's nesting, bounded

  // Appends `m` to the mentions and returns its index.
  int push_mention(MentionInfo&& m);

  // True (and marks `m` a pronoun with its gender and number) when token
  // `i` is a subject or stressed pronoun (il, elles, lui, eux).
  bool read_pronoun(std::uint32_t i, MentionInfo& m) const;

  // Reads the determiner and courtesy title opening [b, e) into the
  // gender, number and type of `m`; returns the token after them.
  std::uint32_t read_determiner_and_title(std::uint32_t b, std::uint32_t e, MentionInfo& m) const;

  // For each token of [b, e) (index j - b), whether it can be part of a
  // name from token `k` on: name words and the particles inside a name.
  std::vector<char> name_like_words(std::uint32_t b, std::uint32_t k, std::uint32_t e) const;

  // The name of phrase [b, e) (its words from `k` on): the last run of
  // capitalised words that is not the complement of a preposition, in
  // [name_b, name_e); both left unchanged when the phrase names no one.
  void find_name_run(std::uint32_t b, std::uint32_t k, std::uint32_t e, std::uint32_t& name_b,
                     std::uint32_t& name_e) const;

  // An organisation's noun capitalised at j before a name word of the
  // run ending at run_e: l'Institut Pasteur.
  bool organisation_noun_opens_name(std::uint32_t j, std::uint32_t run_e) const;
  // A capitalised role noun at j that is also a given name, before more
  // of the run ending at run_e: Marine Le Pen.
  bool given_name_opens_name(std::uint32_t j, std::uint32_t run_e) const;
  // True when the capitalised run starting at `run_b` names an
  // institution: it follows an institution noun and a complement (la
  // direction du groupe Altéra, le porte-parole du parti Renaissance).
  bool names_institution_of_complement(std::uint32_t k, std::uint32_t run_b) const;

  // Sets the role words [role_b, role_e) of `m` and their head noun; the
  // head's grammatical gender becomes the mention's when nothing told it
  // (« l'employeur », « l'actrice »: no gendered article).
  void read_role(std::uint32_t role_b, std::uint32_t role_e, MentionInfo& m) const;
  // The grammatical gender of token `k` read as a noun, from the
  // dictionary (hunspell-fr is:fem / is:mas of its po:nom readings): 'f'
  // or 'm' when its noun readings tell one gender only, '?' otherwise
  // (epicene juge, no noun reading, no dictionary).
  Gender noun_gender(std::uint32_t k) const;

  // The state that tokens [b, e) name by a nationality adjective or by
  // name (Corée du Sud, Moscou); empty when none.
  std::string state_named_in(std::uint32_t b, std::uint32_t e) const;

  // The state or seat of power that short capitalised phrase [k, e) names
  // as a whole (le Quai d'Orsay, la Fédération de Russie); null when none.
  const State* state_named_by_whole(std::uint32_t k, std::uint32_t e) const;

  // True (and makes `m` an organisation) when the name [name_b, name_e)
  // opens the phrase at `k` and lower-case words follow it: le Parti
  // socialiste, la Confédération africaine de football.
  bool names_institution(std::uint32_t b, std::uint32_t name_b, std::uint32_t name_e, std::uint32_t k,
                         std::uint32_t e, MentionInfo& m) const;

  // Sets the entity type of `m` (and its gender and number where the
  // role tells them) from its name [name_b, name_e), role and state.
  void set_mention_type(std::uint32_t name_b, std::uint32_t name_e, MentionInfo& m) const;

  // True when the phrase opens with a proper name (after an optional
  // article or courtesy title), false when it opens with a role noun:
  // "M. Peskov", "Dmitri Peskov" vs "le Premier ministre arménien".
  bool starts_with_name(const Np& n) const;

  // True when the phrase's head noun is a role that names a person.
  bool person_role_head(const Np& n) const;

  // True when the phrase's first name stands in the complement of a noun
  // before it, so that it names someone else than the phrase: « adjoint de
  // Marc Brys », « un proche du président Diomaye Faye ».
  bool name_in_complement(const Np& n) const;

  // True when the phrase is an article, adjectives and a noun that can name
  // a speaker, with no name and no complement: « le technicien ».
  bool bare_description(const Np& n) const;

  // A mention for an NP, with an apposition after it (", Dmitri Peskov,")
  // or before it folded in so that the name wins over the title.
  // A phrase opened by a plural determiner with no name word in it.
  bool plural_common_noun(const Np& np) const;
  int mention_with_apposition(Np np, std::uint32_t sentence_end);

  // Where role phrase `np` ends when a modifier with its own prepositions
  // comes before a comma and a name (le médiateur nommé par le ministère
  // du Travail, Alain Corbière); np.end otherwise: when the phrase holds
  // its own name (le maire Denis Lavoie), or when the modifier is a
  // circumstance, a preposition and a determiner (sur la page de son
  // parti, dans un communiqué), whose last noun the apposition names.
  std::uint32_t modifier_end(const Np& np, std::uint32_t sentence_end) const;

  // One mention for phrase `np` and its apposition `app`, with the name of
  // one and the role of the other (`np_is_role` tells which is which).
  int name_with_role(const Np& np, const Np& app, bool np_is_role);

  // ---- Speakers --------------------------------------------------------

  // The subject after an inverted verb: "a déclaré mardi l'ambassadeur …,
  // Anatoly Antonov, sur …". Skips time words, adverbs and the audience.
  int subject_after(std::uint32_t i, std::uint32_t sentence_end);
  // The token after a circumstance that opens with a preposition between
  // the comma at `k` and the next one (a lancé, devant les militants, X);
  // `k` itself when none stands there.
  std::uint32_t past_circumstance_between_commas(std::uint32_t k, std::uint32_t sentence_end) const;
  // A role whose complement in à ends with a person's name (la ministre
  // déléguée à l'Industrie Agnès Pannier-Runacher), where `np` is the role
  // before à: the person with that role, as a new mention; kNone otherwise.
  int role_in_complement_with_name(const Np& np, std::uint32_t sentence_end);

  // Where the subject starts inside a circumstance phrase [j, end) read
  // after an inverted verb: "à la presse Matthew Miller", "à l'AFP un
  // habitant"; `end` when it holds none.
  std::uint32_t subject_inside_circumstance(std::uint32_t j, std::uint32_t end) const;
  // The token after the modifiers of a circumstance's noun ending before
  // `k` (its de complements, a past participle before its own preposition,
  // a quoted title): « dans un communiqué de presse parvenu au journal »;
  // `k` when none stands there.
  std::uint32_t past_circumstance_modifiers(std::uint32_t k, std::uint32_t sentence_end) const;

  // Whether the participle at `participle`, right after et, mais, puis,
  // shares the auxiliary of an earlier compound verb of its clause.
  bool shares_earlier_auxiliary(std::uint32_t participle, std::uint32_t sentence_begin) const;
  // The subject before a verb group starting at token `first` in sentence
  // [sentence_begin, sentence_end), or kNone. Handles an apposition before
  // the verb (X, porte-parole, a déclaré), relative clauses (X, qui … , a
  // déclaré) and, after et, mais or puis, a coordinated verb group (X s'est
  // entretenu … et a affirmé), whose subject is the first conjunct's: it
  // hands those to subject_of_first_conjunct, which calls it back on the
  // first verb of the coordination.
  int subject_before(std::uint32_t first, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // The subject of the first verb of a coordination (et, mais, puis at
  // conj), for a verb with none of its own.
  int subject_of_first_conjunct(std::uint32_t conj, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // Whether a que or a subordinator opens the clause of the verb group at g.
  bool in_subordinate_clause(std::uint32_t g, std::uint32_t sentence_begin) const;
  // Where a subject phrase starts past the object of a verb before it and
  // et (« a présenté le budget et Paul Martin »).
  std::uint32_t past_object_conjunct(const Np& np, std::uint32_t sentence_begin) const;

  // Where the antecedent `np` of a relative, read back from its qui,
  // starts past the verb form that governs it and that the back scan took
  // in: « Je fis venir le menuisier, qui me dit : », « J'ai reçu le préfet,
  // qui a dit : » give le menuisier, le préfet. np.begin when no
  // infinitive or past participle opens it before a determiner or a name.
  std::uint32_t past_governing_verb(const Np& np) const;
  // "X, qui …, a déclaré": the antecedent of a ", qui" before the comma
  // that ends at `end`; kNone when there is none.
  int antecedent_of_earlier_qui(std::uint32_t end, std::uint32_t sentence_begin);
  // « Les enquêteurs qui ont dressé le procès-verbal ont écrit »: when
  // `np`, just before a cue, is the object of a relative whose qui and
  // verb group stand right before it, the relative's antecedent as a new
  // mention; kNone when there is none or it cannot speak.
  int antecedent_past_relative(const Np& np, std::uint32_t sentence_begin);
  // « ceux qui disent : … »: the antecedent `np` of the relative whose qui
  // stands right before token `first` is a lone pronoun (ceux, celles); the
  // mention of the pronoun with its relative, which describes the group;
  // kNone otherwise.
  int relative_description(const Np& np, std::uint32_t first, std::uint32_t sentence_end);
  // « Il y en a qui me disent »: the plural phrase naming people that en
  // takes up, when the relative's qui at token `qui` follows il y en a;
  // kNone otherwise.
  int group_en_takes_up(std::uint32_t qui, std::uint32_t sentence_begin);

  // "Aino Virtanen, envoyée spéciale de l'UE, a averti": the name before
  // an apposition that ends at `end` (its title taken into the mention),
  // or a state the apposition names; kNone when there is none.
  int name_before_apposition(std::uint32_t end, std::uint32_t sentence_begin);
  // « Le syndicat, par la voix de son président Paul Martin, a indiqué »:
  // the person named after a locution of words.tsv's voiceof class in the
  // phrase between commas that ends at `end`, who speaks for the body
  // before it; kNone when there is none or it names no one who speaks.
  int voice_of_body(std::uint32_t end, std::uint32_t sentence_begin);
  // The person a locution of words.tsv's voiceof class names anywhere in
  // the sentence (« … le défie par la voix de son président, Paul Roux »);
  // kNone when there is none or it names no person who speaks.
  int voice_named_in(std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // The token past a locution of class `extra_bit` (words.tsv voiceof,
  // sideof: one word or several) opening at k, and past the de, du, d'
  // after it; k when none opens there.
  std::uint32_t past_locution(std::uint32_t k, std::uint32_t end, std::uint64_t extra_bit) const;
  // « Du côté de la CGT, on estime que … », « Chez Renault, on assure
  // que … »: the body a fronted phrase of side (words.tsv sideof) names,
  // which the indefinite subject on (mention `on`) speaks for; kNone when
  // `on` is no such subject or the phrase names no one who speaks.
  // `on` may also be the subject of the next sentence, which has no side
  // phrase of its own (« …, suggère-t-on »): the side of the on before.
  int side_speaking_as_on(int on);
  // Whether the sentence opening at sentence_begin opens with a side
  // phrase (words.tsv sideof) before token `end`.
  bool side_phrase_in_sentence(std::uint32_t end, std::uint32_t sentence_begin) const;
  // The body named by the side phrase that opens the sentence and ends at
  // the comma right before the on at token o; kNone when there is none.
  int side_opening_on(std::uint32_t o, std::uint32_t sentence_begin);
  // Whether tokens [b, e) between two commas are a bare noun phrase or
  // an age with no verb, or several of them in a row (boulanger à Lyon;
  // 38 ans, infirmière): an apposition after a person's name.
  bool bare_apposition(std::uint32_t b, std::uint32_t e) const;

  // "Le maire, se tournant vers les habitants, leur a promis que …": the
  // noun phrase opening the clause before a detached participial clause
  // (a present or past participle, a gerund, en + noun) that ends at
  // `end`; kNone when there is none or the text is not tagged.
  int subject_before_detached_clause(std::uint32_t end, std::uint32_t sentence_begin);
  // The subject before an adjunct between commas that a preposition or a
  // subordinator opens (« X, après avoir visité le chantier, a souligné »).
  // Several adjuncts may stand in a row (« X, près de la gare, à Lyon, a
  // dit »), and the phrase before them may be the complement of a
  // participle modifying the subject.
  int subject_before_adjunct(std::uint32_t end, std::uint32_t sentence_begin);
  // Whether token k (after adverbs and time words) opens an adjunct that
  // stands between a subject and its verb: a preposition other than de,
  // par and selon, a subordinator, que, si, or an absolute construction of
  // manner; tokens [k, end) hold it.
  bool opens_adjunct(std::uint32_t k, std::uint32_t end) const;
  // The comma before comma c that opens an adjunct ending at c (no verb
  // between, at most 20 tokens back); c itself when there is none.
  std::uint32_t comma_opening_adjunct(std::uint32_t c, std::uint32_t sentence_begin) const;
  // « Les syndicats opposés à la réforme ont demandé »: when `np` is the
  // complement of a participle (no auxiliary before it) that follows a
  // phrase opening its clause, that phrase as a new mention; kNone when
  // there is none or it cannot speak.
  int antecedent_past_participle(const Np& np, std::uint32_t sentence_begin);
  // Whether the phrase read backwards from `end` stops before p: p is a
  // connector, or the article after the noun at p opens another phrase.
  bool ends_phrase_backwards(std::uint32_t p, std::uint32_t end) const;
  // Whether tokens [b, e) hold no verb, quotation mark or sentence
  // punctuation: an adjunct fronted before the subject (« La semaine
  // passée », « Lundi soir, à Brest »).
  bool fronted_adjunct(std::uint32_t b, std::uint32_t e) const;
  // True when tokens [k, end) open such a detached clause.
  bool opens_detached_clause(std::uint32_t k, std::uint32_t end) const;

  // Gives mention `m` the role, state and gender of noun phrase `title`
  // when it has no role of its own.
  void take_title_of(int m, const Np& title);

  // Where the antecedent of qui starts in `np`, past nouns of report (les
  // propos du porte-parole -> le porte-parole) and "suite à".
  std::uint32_t past_nouns_of_report(const Np& np) const;

  // Where the list of coordinated subjects ending with `np` starts: "La
  // France, l'Allemagne et l'Italie ont appelé".
  std::uint32_t start_of_subject_list(const Np& np, std::uint32_t sentence_begin) const;

  // "Role, Name a déclaré" or "Name, role, a déclaré": the mention of
  // subject `np` with the apposition before it; kNone when there is none.
  int subject_with_apposition_before(const Np& np, std::uint32_t sentence_begin, std::uint32_t sentence_end);

  // "Roger Nordmann, de son côté, s'est dit …": when the token before `end`
  // closes a parenthetical locution (de son côté, pour sa part, quant à
  // lui, aussi) between commas, the token where the subject ends; else `end`.
  std::uint32_t before_parenthetical_locution(std::uint32_t end, std::uint32_t sentence_begin) const;

  // The antecedent of ", qui" when the phrase `np` before it names no one
  // who speaks (a place, a thing) but closes a chain of appositions that
  // opens on a person's name: "Stéphanie, 41 ans, infirmière dans le
  // Maine-et-Loire, qui constate que …" gives Stéphanie. kNone otherwise.
  int named_head_of_appositions(const Np& np, std::uint32_t sentence_begin);

  // The subject of the sentence's main clause: the first noun phrase after
  // preposed adverbials ("Dimanche, M. X, a critiqué", "Dans le même
  // temps, Moscou a accusé").
  int sentence_subject(std::uint32_t sentence_begin, std::uint32_t limit, std::uint32_t sentence_end);
  // Whether token `k`, which opens its sentence, is the dative clitic of a
  // sentence whose subject chronicle style leaves out (« Le maire se lève.
  // Lui demande de répéter. »), not the stressed subject: lui, leur right
  // before a verb of saying whose complements name no one after à (« Lui
  // demande à Paul de … », « Lui, il … » keep the subject).
  bool dative_clitic_opens(std::uint32_t k, std::uint32_t sentence_end) const;
  // When noun phrase `np` opens an absolute participial clause (its own
  // past participle right after it, then words with no finite verb up to a
  // comma and an article: « La séance levée, le maire … »), the token of
  // that article; 0 otherwise.
  std::uint32_t absolute_clause_end(const Np& np, std::uint32_t limit) const;

  // ---- Pronouns and salience --------------------------------------------

  bool compatible(const MentionInfo& pronoun, const MentionInfo& cand) const;

  // Resolves a pronoun mention to the most recent compatible salient
  // mention: a singular one to a person or the last claim's speaker first.
  void resolve_pronoun(int m);
  // The antecedent resolve_pronoun gives pronoun `p` (mention `m`), or kNone.
  int antecedent_of_pronoun(const MentionInfo& p, int m);
  // The gender of the given name that opens person `cand`'s name, while
  // by_given_name_ is set (resolve_pronoun); '?' otherwise or when unknown.
  Gender given_name_gender(const MentionInfo& cand) const;
  bool by_given_name_ = false;
  // The antecedent of third-person pronoun mention `pronoun`, which stands
  // inside a quotation opening at token `quote_begin` spoken by `speaker`
  // (a root mention, or kNone): such a pronoun never names the one who
  // speaks (« J'ai demandé une explication à l'arbitre, il m'a dit que … »
  // takes up l'arbitre, never the speaker). The last one named in the
  // quotation before the pronoun who agrees with it, else the most recent
  // compatible salient mention that is not `speaker`; kNone when none.
  int antecedent_in_quotation(int pronoun, std::uint32_t quote_begin, int speaker);

  void note_salient(int m);

  // The subject of a previous main clause is what a subject pronoun takes
  // up (« Le sélectionneur a échangé avec l'attaquant Hugo Bernard. « … »,
  // a-t-il averti »): for the salient mention `entry`, the subject noted for
  // its sentence (note_sentence_subject) when it comes before it, is not
  // `entry` itself and agrees with `pronoun`; kNone otherwise.
  int subject_before_in_sentence(const MentionInfo& pronoun, int entry) const;
  // The subject noted for the sentence of `pronoun` (before it) or for the
  // sentence before, when it agrees with it, whatever it names; kNone.
  int recent_subject(const MentionInfo& pronoun) const;
  // Which of the persons named before a pronoun or a description takes it
  // up (named_before).
  enum class NamedPick { kFirst, kLast, kLastNotAgent, kFirstOfPair, kSecondOfPair };
  // The phrases that name someone (a name, a title, an article and a role
  // noun, with an apposition after it) in the sentence before token `at` and
  // in its own sentence up to `at` (at most kNamedLookBack tokens), outside
  // quotation marks, in text order.
  std::vector<Np> phrases_naming_before(std::uint32_t at) const;
  // The mention, made anew, of the one `probe` (a pronoun or a description
  // standing for someone) takes up among phrases_naming_before(`at`) by
  // `pick`: the first or the last who agrees with it, the last who is no
  // agent after par, or the first or second of the last two persons named;
  // kNone when none agrees.
  int named_before(const MentionInfo& probe, std::uint32_t at, NamedPick pick);
  // « ce dernier », « l'intéressée », « le premier », « la seconde » as the
  // whole phrase [b, e): sets the gender and number of `m` and returns the
  // mention of the one it names again (kNone when it is no such
  // description or names no one).
  int anaphoric_description(std::uint32_t b, std::uint32_t e, MentionInfo& m);
  // Per sentence, the subject mention note_sentence_subject noted (kNone).
  std::vector<int> sentence_subjects_;

  // The mention a pronoun mention `m` stands for, through its antecedents;
  // `m` itself when it is no pronoun, kNone when the chain ends unresolved.
  int root_of(int m) const;

  // ---- Claims ----------------------------------------------------------

  // Where a report that starts at token `i` inside a subordinate clause
  // opening its sentence (lorsque, quand, puisque: words.tsv cut, not
  // one that needs que; or a participial clause, opens_participial_clause)
  // ends, before `e`: at the first comma that a subject (with a name in
  // apposition between commas or not) and its finite verb follow, the main
  // clause. `e` otherwise.
  std::uint32_t fronted_subordinate_end(std::uint32_t i, std::uint32_t e) const;
  // Whether the sentence whose first word is token `first` opens with a
  // participial clause: a present participle (ayant and étant too), past
  // en or tout en, before token `i`. Such a clause ends at the main
  // clause like a subordinate (fronted_subordinate_end).
  bool opens_participial_clause(std::uint32_t first, std::uint32_t i) const;
  // The subject of the main clause after a participial clause that opens
  // the sentence with cue h (« Tout en affirmant que …, le président a … »,
  // « Ayant affirmé que …, la ministre a … »): that subject speaks. kNone
  // when h does not open the sentence or no main clause follows its comma.
  int fronted_participle_subject(const CueHit& h, std::size_t s);
  // Where a reported clause that starts at token i ends: the sentence end,
  // or before a subordinate clause of time, an incise, a source marker or
  // the next cue.
  std::uint32_t clause_end(std::uint32_t i, std::uint32_t sentence_end, const std::vector<CueHit>& cues,
                           std::uint32_t after_cue) const;

  // A reported clause that opens on a quotation mark and whose quotation
  // closes before a comma ends with that quotation: what follows the comma
  // is the writer's (« déclare que « les prix vont baisser », avant de
  // partir »). `e` when the clause does not open so; i is the clause start.
  std::uint32_t quoted_clause_end(std::uint32_t i, std::uint32_t e) const;

  // False when mention `m` cannot be a speaker: its head is an adverb
  // (« a d'ailleurs affirmé »), a coordination (Or, Mais), a preposition,
  // a verb form, a time word or a place that stands for no state, or a
  // common noun that names no one who speaks (« la crise du coronavirus »,
  // « la case de ce jeu »: see speaks_as_noun).
  bool speaker_head_ok(int m) const;
  // Whether tokens [first, last) are a well-formed noun phrase for a
  // speaker: not ending on a preposition or an article (a phrase cut out
  // of a complement), not a heading paragraph with no name in it.
  bool well_formed_phrase(std::uint32_t first, std::uint32_t last) const;

  // True when the common noun at token `head` (the phrase runs to `last`)
  // can name a speaker: a role (ministre), a noun of speaking_nouns.tsv
  // (voisine, association, rapport), alone or as a compound from the head
  // on (partie civile), or an acronym. Any noun when the file is absent.
  bool speaks_as_noun(std::uint32_t head, std::uint32_t last) const;
  // The end of the longest noun of roles.tsv or speaking_nouns.tsv that
  // opens at token `head`, alone or as a compound of up to four words
  // before `last` (enseignants; metteur en scène, haute autorité, mis en
  // cause: a compound may open with an adjective or a participle and hold
  // a preposition); `head` when there is none.
  std::uint32_t speaking_noun_end(std::uint32_t head, std::uint32_t last) const;
  bool speaking_key(std::uint32_t head, bool alone, const std::string& key) const;
  // Whether the preposition at token `p` (en, à) lies inside a compound of
  // the speaker lexicons that opens on the word before it and ends by
  // `last`: « le metteur en scène », « l'aide à domicile ».
  bool inside_speaking_compound(std::uint32_t p, std::uint32_t last) const;

  // The several-word source marker starting at token i (aux yeux de, à
  // en croire, à ses yeux), with `end` set past it; kNone when there is none.
  WordClasses::SourceMarker source_marker_at(std::uint32_t i, std::uint32_t sentence_end, std::uint32_t& end) const;

  // The most recent salient mention before code point `before` that
  // stands for an entity (through its antecedent for a pronoun); kNone
  // when there is none.
  int salient_entity(std::uint32_t before) const;

  // True when tokens from k read "(cette|la) (même) source(s)": a source
  // named before; `end` is set past it.
  bool same_source_at(std::uint32_t k, std::uint32_t sentence_end, std::uint32_t& end) const;
  // The speaker of the last claim a source marker introduced.
  int last_marker_speaker_ = kNone;

  void add_claim(ClaimKind kind, std::uint32_t b, std::uint32_t e, const std::string& cue,
                 Relation rel, int speaker, std::vector<int> targets);
  // Merges into `same` the claim of a later cue of the same subject that
  // reaches the same content: the later cue and the union of the targets
  // (no duplicate); the later relation unless it only states what `same`
  // found targets for.
  void merge_coordinated_claim(AttributedClaim& same, const std::string& cue, Relation rel,
                               const std::vector<int>& targets);

  std::string cue_text(const CueHit& h) const { return text_of(h.first, h.last); }
  // Whether cue_text(h) == text, without making the string.
  bool cue_text_is(const CueHit& h, std::string_view text) const {
    return utf8_equals(doc.slice(tok(h.first).begin, tok(h.last - 1).end), text);
  }

  // ---- Targets ---------------------------------------------------------

  // Splits a coordinated phrase "Séoul et Washington" into mentions.
  std::vector<int> conjunct_mentions(const Np& np);

  bool is_entity_mention(int m) const;
  // « Le boulanger est inquiet. Il a ajouté … »: when mention `m` is a
  // definite description by a person noun of speaking_nouns.tsv (le
  // prévenu, la plaignante, la quadragénaire), with no name and no role,
  // types it a person, so that a later il, elle takes it up, and returns
  // true; false, `m` unchanged, otherwise.
  bool type_person_description(int m);

  // Entities a claim's content is aimed at:
  //  - the object of a cue inside the content (« Nous exhortons
  //    Washington à … », avoir demandé au président russe X …);
  //  - states named in argument position, not as a place (en Arménie, au
  //    Karabakh, dans la région) nor as the complement of an ordinary noun
  //    (le territoire de l'Azerbaïdjan, le président de la Turquie), but
  //    as the complement of a noun of blame (les actions de l'Azerbaïdjan);
  //  - a nationality adjective on a noun of blame (les forces azerbaïdjanaises).
  // The speaker's own side is removed later, in the entity stage.
  std::vector<int> content_targets(std::uint32_t tb, std::uint32_t te);

  // The one a verb of saying with no slot of its own, cue `h`, tells to do
  // something: the phrase after its à (au, aux) when de and an infinitive
  // follow it before token `limit` (« nous disons au préfet de nous
  // respecter », « il répète aux élus de voter »). Not « dire à ce
  // que … » nor the speaker's own side (« je dis à nos élus de … »); an
  // invalid Np when there is none.
  Np told_to_act(const CueHit& h, std::uint32_t limit) const;

  // True when token `k` lies inside one of `mentions`.
  bool inside_any(const std::vector<int>& mentions, std::uint32_t k) const;

  // Adds to `found` the entities that cues inside content [tb, te) take
  // as objects; returns where the content's own tokens end: at the first
  // nested cue that is not the speaker's own (je pense que …).
  std::uint32_t add_nested_cue_objects(std::uint32_t tb, std::uint32_t te, std::vector<int>& found);

  // The state of nationality adjective `k` after a noun of blame (les
  // forces azerbaïdjanaises); kNone when `k` is none.
  int blamed_nationality(std::uint32_t k);

  // A person named in full at name run [k, e) as the subject of content
  // [tb, te_all) or after a noun of blame or report; kNone otherwise.
  int person_in_argument(std::uint32_t k, std::uint32_t e, std::uint32_t tb, std::uint32_t te_all);

  // State `s` named at [k, e) in argument position, not as a place (en
  // Arménie) nor as the complement of a noun that is not one of blame;
  // kNone otherwise.
  int state_in_argument(std::uint32_t k, std::uint32_t e, const State& s, std::uint32_t tb);

  // ---- Judged targets (target_judgement.cpp) ---------------------------

  // After the pass: adds to every reported claim the entities its content
  // judges or addresses (subjects of its clauses, complements of nouns of
  // deed, vocatives, pronouns after pour/contre), and gives a claim whose
  // cue is neutral the relation of the judgement words in it
  // (inacceptable -> criticises, remarquable -> supports).
  void finish_targets();

  // ---- Learned target scorer (target_scorer.cpp) ------------------------

  // The document-wide clues of the scorer, read after the rules.
  ScorerClues scorer_clues() const;
  // Adds to claim `ci` (content tokens [tb, te), reporting sentence
  // `sentence`) the entities the content or the sentence names, other than
  // its speaker, its side and its targets, that data/target_scorer.tsv
  // weighs above its threshold. True when it added one.
  bool add_scored_targets(std::size_t ci, std::uint32_t tb, std::uint32_t te, const Sentence& sentence,
                          const ScorerClues& clues);
  // The clues of candidate mention `m` of claim `ci`, read inside tokens
  // [lo, hi) (the claim's sentence and content).
  TargetFeatures target_features(int m, std::size_t ci, std::uint32_t tb, std::uint32_t te, std::uint32_t lo,
                                 std::uint32_t hi, const ScorerClues& clues) const;
  // The mention of a candidate target in tokens [b, e): one target_mention
  // accepts, or a name of no known kind; kNone (the mention dropped) else.
  int candidate_mention(std::uint32_t b, std::uint32_t e);
  // Whether mention `m` can be no candidate of claim `c`: a pronoun, one
  // of its targets, its speaker or the speaker's state.
  bool candidate_excluded(int m, const AttributedClaim& c) const;
  // Writes candidate `m` of claim `c` and its clues `f` to stderr
  // (QUOTEGRAPH_TARGET_DUMP=1, for scripts/train_target_scorer.py).
  void dump_candidate(const AttributedClaim& c, int m, const TargetFeatures& f) const;

  // Drops from claim `c` (content tokens [tb, te), cue relation
  // `cue_relation`) the states that content_targets took for being named
  // in argument position, when neither the cue nor the sentence of the
  // content that names them judges: « La Suisse a la capacité d'éviter une
  // deuxième vague » aims at no one, nor does « on attendait le Sénégal en
  // finale » after « C'est inadmissible ! ». In a story between states
  // (three named) each state named is a party, but for a rival the
  // speaker's side met and a state given as an example (« des pays comme
  // les États-Unis »), which need a judgement in their own clause.
  void drop_bare_states(AttributedClaim& c, std::uint32_t tb, std::uint32_t te, Relation cue_relation);

  // Entities that content tokens [tb, te) names as the subject of one of
  // its clauses (« la CENI a fabriqué ses chiffres »), as the complement of
  // a noun of deed (la décision du Conseil constitutionnel), as a vocative
  // (« Monsieur le Président, … ») or as a pronoun after pour or contre.
  // A subject counts only when the content judges (a word of
  // data/judgements.tsv) or the claim's cue, of relation `cue_relation`,
  // judges (accuses, criticises, warns …): « le PIB a augmenté » aims at
  // no one.
  std::vector<int> judged_targets(std::uint32_t tb, std::uint32_t te, Relation cue_relation);

  // The person or institution named from token `k` (content [tb, te))
  // when pour comes just before and a word of blame shortly before that:
  // « une humiliation pour la ministre X » -> X. kNone otherwise.
  int blame_pour_target(std::uint32_t k, std::uint32_t tb, std::uint32_t te);

  // A mention for tokens [b, e) when they name an entity a claim can aim
  // at (a named person, organisation or state, a group or institution
  // noun); otherwise the mention is dropped and kNone returned.
  int target_mention(std::uint32_t b, std::uint32_t e);

  // The one a cue's object slot names in tokens [b, e) (accuser X,
  // appeler X à, remercier X): as target_mention, and besides a bare role
  // after its definite article that no one the text names holds (« a
  // accusé l'arbitre », « a critiqué la préfète : « … » »): the one
  // accused, called upon or thanked is an entity even unnamed. Two holders
  // named leave the role ambiguous (kNone).
  int slot_target_mention(std::uint32_t b, std::uint32_t e);

  // A person named in full right by a describing word (a role noun of a
  // family of roles.tsv, a nationality word): the word's token z and the
  // name's tokens [b, e) (target_judgement.cpp, holder_span).
  struct DescribedPerson {
    std::uint32_t z = 0, b = 0, e = 0;
  };
  // The people the document names in full by a role noun of family
  // `family` (roles.tsv's fifth column), in token order; the index is
  // made on first use, once per document, so that each definite role
  // reads the described people of its window, not every token of it.
  const std::vector<DescribedPerson>& described_by_family(std::string_view family) const;
  // The same for nationality word `word` (lowered: « belge »).
  const std::vector<DescribedPerson>& described_by_nationality(std::string_view word) const;
  // Makes both indexes (target_judgement.cpp).
  void index_described_people() const;
  // The tokens written `lower` (their lowered form), in order; the index
  // of every form is made on first use, once per document, so that each
  // role head (holders_of_head) reads the tokens written as its first
  // word, not every token of the document.
  const std::vector<std::uint32_t>& tokens_written(std::string_view lower) const;
  mutable std::unordered_map<std::string_view, std::vector<std::uint32_t>> tokens_by_form_;
  // The holders the document names with role head `head` (folded, its
  // words split by spaces: « premier ministre »), in token order: z the
  // head's first word, [b, e) the holder's name (« le maire de Vierzon,
  // Henri Castel »). Made on first use of each head, once per document, so
  // that each bare role reads the holders named in its window, not every
  // token of it (target_judgement.cpp, holders_named).
  const std::vector<DescribedPerson>& holders_of_head(const std::string& head) const;
  mutable std::unordered_map<std::string, std::vector<DescribedPerson>> role_holders_;
  mutable bool described_indexed_ = false;
  mutable std::unordered_map<std::string_view, std::vector<DescribedPerson>> family_described_;
  mutable std::unordered_map<std::string_view, std::vector<DescribedPerson>> nationality_described_;

  // Whether the phrase opening at token `b` is someone's circle by its
  // possessive, never an entity a claim aims at: of the first person, the
  // speaker's own side (notre parti, mes collègues); when `any_person`,
  // also of another person (ses collègues, leurs voisins).
  bool possessive_circle(std::uint32_t b, bool any_person) const;

  // Targets of cue `h` that cue_object_targets leaves out, read up to
  // token `limit` and added to `targets` when new: further objects after a
  // repeated preposition (« je demande à la Cenco, à la Symocel … »), an
  // object after an adverb in -ment (« appelons solennellement le
  // président ») or an aside (« a critiqué, mardi soir, X »), the named
  // author of a deed in object position (critiquer la communication de
  // Jean-François Delfraissy), and for a neutral cue the author of a noun
  // of judgement in object position (« a souligné l'échec de X »).
  void extend_cue_targets(const CueHit& h, std::uint32_t limit, std::vector<int>& targets);
  // When noun phrase `np` holds a noun of deed followed by de, within its
  // first words (la décision du Conseil, la base légale de l'arrêt de X),
  // adds the deed's author to `targets` when it is an entity (or the
  // organisation of its members) and returns true; false when `np` holds
  // no deed.
  bool deed_author(const Np& np, std::vector<int>& targets);

  // The ones asked after à, from token `k` up to `limit`, added to
  // `targets`: « je demande à la Cenco, à la Symocel … », demander une aide
  // à X; « demander à ce que … » names no one.
  void add_indirect_objects(std::uint32_t k, std::uint32_t limit, std::vector<int>& targets);

  // ---- Targets of the reporting sentence (target_reporting.cpp) -------

  // The entity that tokens [b, e) aim a claim at: the author of a deed
  // (les propos de M. X -> M. X), else a named entity or institution
  // (target_mention), else the state whose forces the phrase names (les
  // troupes azerbaïdjanaises -> Azerbaïdjan); kNone when none.
  int deed_or_entity_target(std::uint32_t b, std::uint32_t e);

  // True when token `j` is a noun whose complement "de X" names the one a
  // claim aims at: a noun of deed or blame (la gestion de X), or a noun of
  // judgement after its determiner (le courage de X, l'arrogance de X).
  bool deed_noun(std::uint32_t j) const;

  // The named organisation that a phrase of members [b, e) belongs to:
  // les bénévoles de la Croix-Rouge, les syndicats de Ferrovia -> the
  // organisation. kNone when the phrase holds no "de" + named organisation.
  int organisation_of_members(std::uint32_t b, std::uint32_t e);

  // The target an object clitic on cue `h` stands for: the noun phrase
  // that ends just before the clitic's clause in the same sentence
  // (starting at token `sentence_begin`): « a déploré les mouvements de troupes X,
  // les qualifiant d'… » -> X; likewise the antecedent of a relative que
  // that a qualifying cue takes as its object (les estimations du fisc
  // qu'elle juge « … » -> fisc). kNone when the cue has neither.
  int clitic_antecedent_target(const CueHit& h, std::uint32_t sentence_begin);

  // Adds to `targets` the ones that sentence tokens [sentence_begin, sentence_end), outside the
  // content [tb, te), say the claim answers, contradicts or appeals to:
  // contrairement aux affirmations de X, contredisant les propos de X, en
  // réponse à X, réagissant à X (responds_to), un appel explicite au
  // parti X à … (calls_on). Returns the relation of the last one added,
  // kStates when none. `reply_words`: the tokens of the sentence that are
  // words of reply, appeal or contradiction, in order (SentenceIndex).
  // True when no conjunction (que, mais, tandis), semicolon or quotation
  // mark among tokens [from, to) opens another clause.
  bool same_clause(std::uint32_t from, std::uint32_t to) const;
  Relation reply_targets(std::uint32_t sentence_begin, std::uint32_t sentence_end, std::uint32_t tb, std::uint32_t te,
                         const std::vector<std::uint32_t>& reply_words, std::vector<int>& targets);

  // Adds to `targets` the one a claim is said to blame or to expect
  // something of, where the sentence names them outside a cue's slot
  // (`letdown_words`: SentenceIndex::letdown_words, in order): the phrase
  // after par or de of a word of disappointment (« Déçue par les annonces
  // du ministre, la maire a dénoncé … », « pas satisfaits du préfet »),
  // the one after « attendre de » (« On attendait du maire un plan »),
  // and, for a cue of blame or demand (`cue_relation`), the phrase after
  // an avec right after a quoted fragment (« regrette « un rendez-vous
  // manqué » avec le ministre »). Inside the content [tb, te) or in the
  // claim's clause before or after it, at most kLetdownReach tokens away.
  // Returns the relation of the last one added (criticises, or calls_on
  // for an expectation), kStates when none.
  // A word of disappointment outside the content counts only when set
  // apart at the sentence start (`sentence_begin`) or after a comma.
  Relation letdown_targets(std::uint32_t sentence_begin, std::uint32_t tb, std::uint32_t te, Relation cue_relation,
                           const std::vector<std::uint32_t>& letdown_words, std::vector<int>& targets);

  // Adds to `targets` the partners of a conversation that the sentence
  // ending at token `sentence_end`, outside the content [tb, te), names
  // (words.tsv class talkword): « Lors d'un entretien avec Vladimir
  // Poutine, Emmanuel Macron a appelé à … » aims the call at Poutine. Read
  // for a cue that calls on or warns; the first conversation only.
  // `talk_words`: the sentence's words of talk that are no preposition,
  // in order (SentenceIndex).
  void interlocutor_targets(std::uint32_t sentence_end, std::uint32_t tb, std::uint32_t te,
                            const std::vector<std::uint32_t>& talk_words, std::vector<int>& targets);

  // True when token `k` opens a clause of content starting at `tb` with
  // a verb in -ez and no subject, the imperative of the second person
  // plural: « Démissionnez ! », « Écoutez les agriculteurs » (a word the
  // dictionary lacks counts, not a name: Martinez).
  bool imperative_at(std::uint32_t k, std::uint32_t tb) const;

  // True when content [tb, te) speaks to someone: a word of the second
  // person (vous, votre, tu: words.tsv class person2), an imperative of
  // the second person plural opening a clause (« Démissionnez ! »), or a
  // bare title set apart as a vocative (« Ça suffit, madame ! »).
  bool addressed_content(std::uint32_t tb, std::uint32_t te) const;

  // Whether content tokens [tb, te) speak to someone the narration names:
  // addressed_content, or a verb with its second-person subject after it
  // (« Avez-vous menti ? », « Veux-tu m'affronter ? »). Read where the
  // reporting sentence or the one before names whom the speaker turns to
  // (addressee_targets, a verb of address), not for the turns of a
  // dialogue, which the narration does not name.
  bool questioned_content(std::uint32_t tb, std::uint32_t te) const;

  // The one a verb at token `k` says its subject turns to, named by the
  // phrase after it before `limit` (the content's first token or the
  // sentence end `sentence_end`): the object of a verb of address
  // (interroger, interpeller X: words.tsv class addressverb; not the
  // reflexive « s'interroge », not the noun « l'apostrophe ») or the à or
  // vers after a word of address (s'adresser à X, se tourner vers X). A
  // person, or a group or institution by its common noun, as
  // addressee_targets takes them; kNone when none.
  int turned_to_at(std::uint32_t k, std::uint32_t limit, std::uint32_t sentence_end);

  // Adds to `targets` the one that sentence tokens [sentence_begin,
  // sentence_end), outside the content [tb, te), say is spoken to, for a
  // content that speaks to someone (questioned_content): the à, au, aux or
  // vers after a word of address (s'adresser à X, se tourner vers X, une
  // lettre ouverte à X: words.tsv class addressword), or the à after a
  // neutral cue and its inverted subject `speaker` (« a lancé Paul Roux au
  // maire »). A person or a group or institution by its common noun, not
  // an audience (words.tsv class audiencenoun) nor a people. Returns true
  // when it added one. `spoken_to`, when given, is set when the sentence
  // names someone spoken to in the claim's clause, target or not (« a
  // confié aux journalistes »).
  bool addressee_targets(std::uint32_t sentence_begin, std::uint32_t sentence_end, std::uint32_t tb,
                         std::uint32_t te, int speaker, std::vector<int>& targets, bool* spoken_to = nullptr);

  // True when token `v` is a form of être that puts a verb of demand in
  // the passive before à or de (« sont invités à », « a été sommé de »):
  // the clause's subject is the one called upon. Reads up to token `te`.
  bool summoned_at(std::uint32_t v, std::uint32_t te) const;

  // True when token `v` is a form of devoir of obligation (words.tsv class
  // obligationverb) followed, past a negation and adverbs, by an
  // infinitive before token `te`: « la mairie doit rouvrir la piscine »,
  // « le club ne doit pas céder » put the duty on their subject, who is
  // called upon; so do se devoir de and ne avoir qu'à + infinitive (« la
  // mairie n'a qu'à rouvrir la piscine »).
  bool obliged_at(std::uint32_t v, std::uint32_t te) const;

  // True when the verb at token `p` (before token `te`) is impersonal, its
  // il naming no one: a word of words.tsv's class impersonal (faut,
  // semble, falloir) or a clitic with its verb (y a, y avoir, s'agit),
  // not the clitic alone (« il y va », « il doit s'excuser »).
  bool impersonal_verb_at(std::uint32_t p, std::uint32_t te) const;

  // True when token `k` is the subject il of an impersonal verb, right
  // after it past ne (« il n'y a », « il faut ») or as the infinitive of
  // the verb after it, which lends it its il (« il doit y avoir un
  // malentendu », « il peut s'agir d'une erreur », « il va falloir »).
  bool impersonal_il_at(std::uint32_t k, std::uint32_t te) const;

  // True when token `q` is a que that a word of necessity or of demand
  // (words.tsv class necessityword) asks for, that word coming after il,
  // a first person or a form of être, past ne and a negation, no further
  // back than token `lo`: « il faut que », « il est urgent que », « nous
  // ne demandons pas que ». The subject of the clause after `q` is called
  // upon.
  bool demanded_by_que(std::uint32_t q, std::uint32_t lo) const;

  // True when token `n`, no further back than token `lo`, is a word of
  // necessity or demand (words.tsv class necessityword) after il, a first
  // person or a form of être, past ne: « il faut », « nous exigeons ».
  bool demand_word_at(std::uint32_t n, std::uint32_t lo) const;

  // The one a verb of demand asks after de, right before the que at
  // token `q` (the verb no further back than `lo`): « nous exigeons de la
  // direction qu'elle retire son plan », « j'attends du ministre qu'il
  // tienne parole » name the direction and the minister. An invalid Np
  // when there is none (« nous exigeons que … », « exige de rouvrir »).
  Np demand_addressee_before(std::uint32_t q, std::uint32_t lo) const;

  // The noun phrase after the de at token `d` when it runs right up to a
  // que before token `limit`: the one a verb of demand asks (« exige de la
  // direction de Michelin qu'elle … », « attend du ministre qu'il … »).
  // One reading of « exiger de X que » for the pass (asked_before_que) and
  // for the targets of a content (demand_addressee_before). An invalid Np
  // otherwise.
  Np asked_after_de(std::uint32_t d, std::uint32_t limit) const;

  // True when token `q` is a que that opens a sentence (after a quotation
  // mark or a full stop) which ends with an exclamation mark before token
  // `te`, with no comma: the subjunctive of an order or a wish, « Que le
  // ministre démissionne ! », calls on the subject of its clause. Not a
  // que inside a sentence (« Je sais que le ministre viendra ! »).
  bool jussive_que(std::uint32_t q, std::uint32_t te) const;

  // The noun phrase after the à of a verb of duty (words.tsv class
  // dutyword, after il) or of « c'est » at token `v`, when de and an
  // infinitive follow it before token `te`: « il appartient au ministre de
  // trancher », « c'est à la mairie de payer ». An invalid Np otherwise.
  Np duty_holder_at(std::uint32_t v, std::uint32_t te) const;

  // Whether the subject of the verb at `v` is called upon (summoned_at,
  // obliged_at, the que of demanded_by_que or jussive_que), or the one a
  // duty names.
  bool called_upon_at(std::uint32_t v, std::uint32_t te) const {
    return summoned_at(v, te) || obliged_at(v, te) || demanded_by_que(v, 0) || jussive_que(v, te) ||
           duty_holder_at(v, te).valid();
  }

  // The relation of the judgement words in tokens [tb, te): criticises
  // when negative ones outnumber positive ones, supports for the reverse,
  // states otherwise. Negations (ne … pas) invert a judgement.
  Relation judgement_relation(std::uint32_t tb, std::uint32_t te) const;

  // ---- The document pass -----------------------------------------------

  // The first token that ends after `offset` (Document::token_at), found
  // between the bounds of its block of code points (token_of_block_).
  std::uint32_t tok_of(std::uint32_t offset) const {
    const std::size_t block = offset >> kTokenBlockBits;
    if (block + 1 >= token_of_block_.size()) return doc.token_at(offset);
    const auto first = doc.tokens.begin() + token_of_block_[block];
    const auto past = doc.tokens.begin() + token_of_block_[block + 1];
    return static_cast<std::uint32_t>(
        std::upper_bound(first, past, offset, [](std::uint32_t o, const Token& t) { return o < t.end; }) -
        doc.tokens.begin());
  }
  // For each block of 2^kTokenBlockBits code points of the document, the
  // first token that ends after its first code point: tok_of then searches
  // the three or four tokens of one block instead of bisecting the whole
  // document (asked a dozen times a claim; a paragraph of quotations has
  // millions of tokens). A sixteenth of the text's memory.
  static constexpr unsigned kTokenBlockBits = 4;
  std::vector<std::uint32_t> token_of_block_;
  void index_token_blocks();

  void run(const std::vector<Quote>& quotes);
  // Whether the document has lines of dialogue opened by a dash (a novel,
  // a story): set before run(); news conventions of the discourse steps
  // (subject_of_paragraph_before) are not applied there.
  bool narrative_ = false;

  // Whether `np` can name a speaker: a stressed pronoun, a name, a title or
  // a role of roles.tsv at its head.
  bool speaker_like(const Np& np) const;
  // Whether `np` after a source marker (selon, d'après) can name its
  // source: speaker_like, or a common noun of speaking_nouns.tsv that is no
  // text (speaking_common_noun).
  bool source_like(const Np& np) const;
  // The sentence after a quotation whose closing mark is token `close`:
  // its index `ns` and its tokens [nb, ne); false when the paragraph ends
  // there, the quotation is never closed (`close` past the last token) or
  // the words after the mark go on in lower case (an incise).
  bool sentence_after_quotation(std::uint32_t close, std::size_t& ns, std::uint32_t& nb, std::uint32_t& ne) const;
  // The source a sentence opens on before its clause (« Selon X, … »,
  // « Pour X, … », « D'après X, … », also after et, mais), its noun phrase
  // read up to `np_limit` and its apposition up to `sentence_end`: a new
  // mention, or kNone; `marker` and `source_begin` are where the marker
  // and its source begin. After selon and d'après the author of a text
  // named speaks (« selon le communiqué de la mairie »), or the text itself
  // (marker_source_like: « selon une étude »); after pour a source_like
  // phrase, which must also hold an opinion (holds_opinion: not « Pour le
  // Stade toulousain, la saison s'est achevée ») when `pour_holds_opinion`,
  // that is when no quotation follows the comma to show it speaks.
  int fronted_source(std::uint32_t sentence_begin, std::uint32_t np_limit, std::uint32_t sentence_end,
                     std::uint32_t& marker, std::uint32_t& source_begin, bool pour_holds_opinion);
  // source_like, or a study, a report or an inquiry with no author named,
  // brought in by an indefinite or demonstrative determiner (words.tsv
  // findingtext, text_speaks: « selon une étude publiée lundi », « d'après
  // cette enquête », not « d'après le rapport »), which states its own
  // findings.
  bool marker_source_like(const Np& np) const;
  // Whether `np` is a study, a report or an inquiry after an indefinite or
  // demonstrative determiner, which speaks for itself (findingtext).
  bool text_speaks(const Np& np) const;
  // The head of a source phrase: past its determiner, numerals and
  // prenominal adjectives (selon les deux anciens ministres: ministres).
  std::uint32_t source_head(const Np& np) const;
  // Where the noun phrase after a phrase of quantity and its de begins in
  // `np` (la plupart des experts: experts), or np.begin when none opens it.
  std::uint32_t head_past_quantity(const Np& np) const;

  // The subject of the first verb of sentence [sb, colon) when it opens
  // the sentence and names someone (a person, group, institution or state,
  // or a singular pronoun that refers back to one): "La juge hausse le
  // ton : « … »"; or, first, that of a clause of time or cause (quand,
  // lorsque, puisque …) right before the colon, when it opens its clause
  // so: « … quand une fille se lève : « … » ». kNone otherwise.
  int subject_before_colon(std::uint32_t sentence_begin, std::uint32_t colon, std::uint32_t sentence_end);
  // The first of the two: the clause runs from `sentence_begin`.
  int subject_of_clause_before_colon(std::uint32_t sentence_begin, std::uint32_t colon, std::uint32_t sentence_end);
  // The first token from `from` on where subject_of_clause_before_colon
  // stops: a mark of punctuation but the comma, or a finite verb or an
  // auxiliary in lower case after no determiner; doc.tokens.size() when
  // none. Each token's answer is kept (clause_stop_), so that a sentence of
  // thousands of colons is not read from its start once per colon.
  std::uint32_t first_clause_stop(std::uint32_t from);
  std::vector<std::uint32_t> clause_stop_;  // by token: its first_clause_stop + 1, 0 when not known yet
  // True when token q is an object clitic that can only be a dative (lui,
  // me, te, nous, vous), the one an act is addressed to.
  bool dative_clitic(std::uint32_t q) const;

  // « Prêt ! » lance l'huissier: when a quotation closes its sentence
  // (« … ! », « … ? ») and the next sentence of the paragraph opens with a
  // lower-case word, that sentence holds the incise: returns its index
  // and sets `k` to its first word and `ce` to its end; else returns `cs`.
  std::uint32_t incise_in_next_sentence(std::uint32_t cs, std::uint32_t& k, std::uint32_t& ce) const;

  // The deeds of a state stand for the state as a target: "l'opération
  // azérie", "les objectifs de la dernière opération militaire de X".
  void deed_to_state(int m);

  // Object targets of a cue: accuser X, reprocher à X, exhorter X.
  std::vector<int> cue_object_targets(const CueHit& h, std::uint32_t limit);
  // Mention `m`, a person named by a role alone (le directeur de
  // l'hôpital) whose phrase ends at token `np_end`, or the person a name
  // in apposition after its comma names, within `limit`, when the name
  // ends there or on punctuation: « s'en est pris au directeur de
  // l'hôpital, Marc Duval : … » aims at Marc Duval.
  int apposed_person(int m, std::uint32_t np_end, std::uint32_t limit);

  // The speaker of a cue that no quotation consumed.
  int speaker_of_cue(CueHit& h, std::size_t s, int previous_speaker);
  // The subject of cue `h`, whose subject pronoun is inverted (h.clitic):
  // in a complex inversion, after a fronted adverb or in a question, the
  // noun phrase right before the verb group (« Aussi le club a-t-il
  // confirmé que … », « Peut-être Paul Martin a-t-il dit … »), else a
  // mention of the pronoun itself (« …, a-t-il dit »).
  int clitic_subject(const CueHit& h, std::uint32_t sentence_begin);
  // When subject mention `subject` is followed by et and a second full
  // phrase (« La CGT et la CFDT ont signé »), a plural mention of both,
  // for the plural pronouns after it; kNone otherwise.
  int coordinated_subject(int subject, std::uint32_t sentence_end);
  // The subject of the clause that infinitive cue `h` depends on (« Sa
  // mère s'est levée pour dire … »), read from the start of sentence
  // [sentence_begin, sentence_end); kNone when the clause has none or its
  // subject cannot speak.
  int subject_of_infinitive(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // The author named in de after a noun of speech act (words.tsv
  // speechactnoun) that ends right before the participle at `first`
  // (« une consigne du cabinet interdisant aux députés de … »: the
  // cabinet), as a new mention; kNone when there is none or it cannot speak.
  int speech_noun_author_before(std::uint32_t first, std::uint32_t sentence_begin);

  void absorb_quotes(std::uint32_t b, std::uint32_t e, const std::vector<Quote>& quotes,
                     std::vector<char>& quote_done, bool& has_quote);

  // The noun phrase coordinated after token `e` when `e` is et (or a comma,
  // with `over_commas`) and the phrase opens with a name or a determiner
  // (par X, Y et Z; selon X et Y); invalid when there is none.
  Np conjunct_after(std::uint32_t e, std::uint32_t sentence_end, bool over_commas) const;
  // "L'attaque a été condamnée par la France, l'Allemagne et l'Italie": one
  // act per agent, aimed at the subject when it names an entity.
  void handle_passive_act(CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // The claim of impersonal report `h` (see impersonal_report) whose que
  // is token `que`: said by the agent after par before que, else by no one.
  void add_impersonal_report(const CueHit& h, std::uint32_t que, std::uint32_t sentence_end,
                             const std::vector<CueHit>& cues, const std::vector<Quote>& quotes,
                             std::vector<char>& quote_done);
  // Whether the complement of cue `h` starting at token `k` is the que of
  // a comparative adverb: « fait comprendre mieux que tout autre … »,
  // « raconte plus que quiconque … » compare and report nothing.
  bool comparative_que(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const;
  // Whether token `q`, after cue `h`, is the que that closes a
  // conjunctive locution with the word before it (avant que, après que,
  // sans que, pour que, bien que, alors que, dès que, parce que): it opens
  // a circumstance of the saying, never the cue's content, which only the
  // complementiser que opens (« a parlé avant que le conseil ne vote »).
  bool locution_que(const CueHit& h, std::uint32_t q) const;
  // Whether the locution's tail of cue `h` ends on au or aux, whose
  // article opens the noun at token k right after it (« s'en est pris au
  // préfet », « a rendu hommage aux pompiers »).
  bool tail_holds_article(const CueHit& h, std::uint32_t k) const;
  // Whether token `k` is the sur or contre after which cue `h` puts its
  // content (words.tsv surcontent: « a insisté sur la nécessité de … »),
  // which is no circumstance to skip.
  bool opens_sur_content(const CueHit& h, std::uint32_t k) const;
  // Whether « à ce que » at token `k` opens the clause of cue `h`, the
  // clause form of à + infinitive (appeler à ce que …) and the spoken
  // form of que after a demand (demander à ce que …): cues with frame a or
  // of demand; the clause starts after que. After other cues ce que is a
  // headless relative (« a répondu à ce que disait le ministre »).
  bool opens_a_ce_que(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const;
  // A passive cue: an accusation or a demand (« Le gardien du musée est accusé d'avoir
  // revendu des tableaux », see passive_de_report) gives the content after
  // de, said by no one the sentence names, aimed at the one accused when it
  // names an entity, outside quotations (`quoted`); an impersonal report
  // (see impersonal_report) gives the clause after que; any other is
  // handle_passive_act's.
  void handle_passive(CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                      const std::vector<CueHit>& cues, const std::vector<Quote>& quotes,
                      std::vector<char>& quote_done, const std::vector<char>& quoted);

  // True (and sets h.speaker) when h is an incise closing its sentence:
  // after a comma, an inverted subject (a-t-il dit, a insisté M. Peskov)
  // and nothing after the subject but punctuation or circumstances.
  bool mark_incise(CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end);

  // mark_incise for a cue with an inverted subject (a-t-il dit): the
  // clitic speaks, or the source after "a-t-on précisé de source …".
  bool mark_clitic_incise(CueHit& h, std::uint32_t sentence_end);

  // True when the words between the last quotation mark (or the sentence
  // start `sentence_begin`) and the comma before cue `h` hold no verb: they are the
  // cue's subject, not a clause it closes.
  bool follows_verbless_segment(const CueHit& h, std::uint32_t sentence_begin) const;

  // True when an incise whose subject ends at token `me` closes a
  // statement: only circumstances follow the subject, and before the
  // comma stands a clause of five words or more, not a subject with its
  // apposition.
  bool incise_closes_sentence(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                              std::uint32_t me) const;

  // The comma that closes an incise without quotation marks set inside
  // the clause it reports, whose subject (or clitic) ends before token
  // `me`: after connectors only (« Aussi, indique X, le pouvoir a … ») or
  // between the clause's subject and its verb (« Les travaux, explique X,
  // dureront … »); 0 otherwise.
  std::uint32_t incise_inside_close(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                    std::uint32_t me) const;
  // True when incise `h` comes right after a relative pronoun and its
  // comma (« l'État qui, disent-ils, doit sévir »), qui, dont or lequel:
  // the relative clause, pronoun included, is what the incise reports.
  bool incise_opens_relative(const CueHit& h, std::uint32_t sentence_begin) const;
  // For a clitic incise inside a relative (incise_opens_relative): its
  // speaker becomes the subject of the main clause when the pronoun
  // agrees with it (« Les vignerons interpellent la préfecture qui,
  // estiment-ils, doit … »).
  void take_main_subject(CueHit& h, std::uint32_t sentence_begin);
  // True when the noun phrase `sp` after cue `h` (a verb that takes an
  // object, after a clause with a verb) is a thing, neither a speaker nor
  // a speaking noun: the cue's object, the cue coordinated with the verbs
  // before (« menace de …, déplore l'agressivité de l'avocat »), no incise.
  bool object_after_coordinated_verb(const CueHit& h, int sp, std::uint32_t sentence_begin) const;
  // True when cue `h` is a verb of words.tsv's thingmodal class (promettre,
  // menacer, exiger …) right after a subject that is a thing, neither a
  // speaker nor a speaking noun (« Le match promet d'être long »): no report.
  bool thing_subject_modal(const CueHit& h) const;
  // The comma closing participial or gerund cue `c` set between commas
  // right after the verbless subject of the clause that starts at token
  // `i` (« la junte, en ordonnant de tirer sur la foule, a violé … »),
  // when the clause's verb comes right after it, within [i, e); 0
  // otherwise. Such a phrase ends no content of the clause.
  std::uint32_t participial_close(std::uint32_t i, const CueHit& c, std::uint32_t e) const;
  // participial_close for cue `h` itself, the clause opening after the
  // punctuation or que before its subject: where h's own content ends.
  std::uint32_t own_participial_close(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) const;
  // The subject of the clause that participial cue `h` stands inside
  // (own_participial_close): « que le médecin, en assurant à la patiente
  // que …, avait … » is the doctor's assurance; kNone for any other cue.
  int subject_of_inner_participle(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // Whether token `k` (before `e`) opens a quotation of a capitalised
  // statement right after a word that ends with its abbreviation's period
  // (« …, clientélisme, etc. « Tout y est passé … » »): the period also
  // ended the sentence, which the splitter kept whole; the clause before
  // ends there.
  bool quotation_after_abbreviation(std::uint32_t k, std::uint32_t e) const;
  // Whether [b, e) holds only connectors and adverbs (Aussi, Par ailleurs, Et ensuite).
  bool only_connectors(std::uint32_t b, std::uint32_t e) const;
  // Whether [b, e) is only connectors or one fronted circumstance: a
  // preposition's phrase with no verb or comma of its own (Pendant la
  // réunion, Depuis janvier, Dans les prochains jours), not de (De
  // nombreux élus is a subject).
  bool fronts_clause(std::uint32_t b, std::uint32_t e) const;
  // Whether a finite verb opens the clause at `k`, past its negation,
  // object clitics and adverbs (« ne lui ont pas », « n'a »).
  bool finite_verb_opens(std::uint32_t k, std::uint32_t sentence_end) const;

  // Turns cue `h` of sentence `s`, which no quotation consumed, into
  // claims: indirect speech (que, infinitive, de/à complements), an incise
  // without quotation marks or a speech act. `all` are the sentence's cues.
  void handle_cue(CueHit& h, std::size_t s, const std::vector<Quote>& quotes, std::vector<char>& quote_done,
                  const std::vector<char>& quoted, int previous_speaker, const std::vector<CueHit>& all);
  // The claims of cue `h` whose complement was read and whose subject
  // gives `speakers` (one each): a speech act on the complement's object
  // phrase, or the clauses reported from its content to their end (after
  // a participle's, the voice stays the clause's before it).
  void add_claims_of_complement(const CueHit& h, const CueComplement& complement, const std::vector<int>& speakers,
                                std::uint32_t sentence_begin, std::uint32_t sentence_end, const std::vector<CueHit>& all,
                                const std::vector<Quote>& quotes, std::vector<char>& quote_done);

  // True when a present participle among `all`, between cue `h` and its
  // complement at `k`, carries the content instead (conclure en affirmant que).
  bool gerund_carries_content(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end,
                              const std::vector<CueHit>& all) const;

  // True when finite cue `h` has for subject a headless relative that
  // opens its clause (« ce qui s'est passé confirme que … »): a thing.
  // A finite verb or an auxiliary among the tokens [from, to).
  bool verb_between(std::uint32_t from, std::uint32_t to) const;
  bool headless_relative_subject(const CueHit& h, std::uint32_t sentence_begin) const;

  // True when speaker `sp` of cue `h` names a thing, not someone, and the
  // cue stands inside another claim's content: that cue reports nothing.
  // « Comme l'a rappelé le préfet, la baignade reste interdite », « …,
  // comme le souligne X », « …, ce qu'a confirmé X »: a cue after
  // comparative comme or ainsi que and an object clitic, or after ce que
  // (find_comparison), reports the main clause, before or after it. True
  // (and adds the claim) when `h` is such a cue of sentence `s`.
  bool comparative_incise(CueHit& h, std::size_t s, const std::vector<CueHit>& cues,
                          const std::vector<Quote>& quotes, std::vector<char>& quote_done);
  // The source asked after « auprès de » in an incise of a verb of
  // learning, read from token `k` past its subject: « a appris l'AFP
  // auprès de la cour », « a-t-on appris auprès des pompiers »; kNone
  // when the cue is none or no source follows.
  int source_asked(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end);
  bool comma_closes_incise(std::uint32_t from, std::uint32_t sentence_end) const;
  // Whether token `k` opens a comparison of statements: comme, or the que
  // of ainsi que or ce que (comme l'a rappelé X, ainsi que l'a indiqué X,
  // ce qu'a confirmé X).
  bool opens_comparison(std::uint32_t k, std::uint32_t sentence_begin) const;
  // Whether the words [sentence_begin, ce) before ce que are a presentative
  // that takes up the sentence before (« C'est ce que révèle X. », « C'est
  // du moins ce qu'affirme X. », « Voilà ce qu'a dit X. »).
  bool presents_sentence_before(std::uint32_t ce, std::uint32_t sentence_begin) const;
  // The sentence before sentence `s` (past a byline and a date, lines
  // with no verb) as the content that « C'est ce que … » takes up: its
  // tokens [cb, ce) without the final stop; false when it is in an earlier
  // paragraph than the one before, longer than a window, has no finite
  // verb, is a question, holds a quotation mark or already a claim.
  bool sentence_taken_up(std::size_t s, std::uint32_t& cb, std::uint32_t& ce) const;
  // Whether cue `h` (finite or a past participle) follows a comparison
  // that gives it a clause of its sentence for content: comme or ainsi que
  // and an object clitic (comme l'a dit X, comme X l'a dit), or ce que
  // after a comma (…, ce qu'a confirmé X). Sets `comme` to the token of
  // comme or que and `opener` to its first word (comme, ainsi, ce).
  bool find_comparison(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t& comme,
                       std::uint32_t& opener) const;
  bool names_someone(int m) const;
  bool thing_speaks_inside_claim(const CueHit& h, int sp) const;
  // The furthest end of claims 0 to j, for each j counted so far: an upper
  // bound, as a claim's end grows only where claims_changed_at notes it
  // (thing_speaks_inside_claim). The claims from an erased or grown one on
  // are counted again.
  mutable std::vector<std::uint32_t> claims_end_max_;
  // Claim `c` was erased, or its end grew (handle_source_markers): the
  // running maxima of the ends from it on are counted again.
  void claims_changed_at(std::size_t c) {
    if (claims_end_max_.size() > c) claims_end_max_.resize(c);
    claims_changed_from_ = std::min(claims_changed_from_, c);
  }
  // The first claim erased, or whose end grew, since the quotation pass
  // last read this (QuotePass::drop_nested_own_claims indexes the ends of
  // the claims before it); the largest size_t when none.
  std::size_t claims_changed_from_ = static_cast<std::size_t>(-1);

  // The claim of an incise without quotation marks (mark_incise): the
  // clause from the sentence start `sentence_begin` to the comma before
  // the cue; for an incise inside its clause (h.incise_close), the clause
  // over the incise to its end, or after connectors only the words after
  // the incise. `all` are the sentence's cues.
  void add_incise_claim(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                        const std::vector<CueHit>& all, const std::vector<Quote>& quotes,
                        std::vector<char>& quote_done, const std::vector<char>& quoted);

  // The claim of incise `h` on [cb, ce): mixed when it holds a quotation.
  void add_incise_content(const CueHit& h, std::uint32_t cb, std::uint32_t ce, const std::vector<Quote>& quotes,
                          std::vector<char>& quote_done);
  // After an incise that closes a clause, the clause the speaker goes on
  // with past the incise's comma, opened by a subordinator or mais
  // (« Rien n'a été voté, indique-t-elle, alors que les fonds existent »):
  // a claim of its own (docs/GOLD_FORMAT.md: an incise between two clauses
  // splits the report).
  void add_clause_after_incise(const CueHit& h, std::uint32_t sentence_end, const std::vector<CueHit>& all,
                               const std::vector<Quote>& quotes, std::vector<char>& quote_done);

  // True when `h` is a present participle right after a noun that names
  // no one (des rapports évoquant un retrait): it describes the noun.
  bool participle_describes_noun(const CueHit& h, std::uint32_t sentence_begin) const;

  // Where the complement of cue `h` starts, past adverbs, time words, the
  // audience (à la presse) and adverbials in en (en privé); up to `sentence_end`.
  std::uint32_t complement_start(const CueHit& h, std::uint32_t sentence_end) const;

  // The que, infinitive, or de or à before an infinitive of cue `h` after
  // circumstances set off by commas right after it (a affirmé, lors d'un
  // déplacement à Arles, que …; a avoué, lors de son audition, être …; a
  // menacé, le 3 mars, par la voix de X, de …): given the opening comma
  // `k`, that token, or `k` when none follows up to three circumstances of
  // at most kMaxParentheticalTokens tokens each.
  std::uint32_t que_after_parenthetical(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const;

  // Reads the complement of cue `h` that starts at token `k`: que,
  // infinitive, s'est dit + adjective, sur, or the object and what
  // follows it (read_complement_after_object).
  CueComplement read_complement(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end);

  // For a cue of frame deque at token `k`: the one asked, the noun phrase
  // after de that a que follows (« exige du gouvernement qu'il … »), when
  // it may speak; an invalid Np otherwise.
  Np asked_before_que(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end);

  // Past the object `c.targets` of cue `h`: de/à + infinitive, pour +
  // clause, de + noun of an accusation, que, or the object as the act's or
  // the content itself.
  void read_complement_after_object(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end, CueComplement& c);

  // A cue with no complement: an object holding a quoted word leaves the
  // claim to the quotation; an object clitic (« l'a affirmé ») reports the
  // sentence before in the same paragraph.
  void claim_of_object_clitic(CueHit& h, std::size_t s, std::uint32_t k, const std::vector<char>& quoted,
                              int previous_speaker);

  // Whether cue `h`, with a statement clitic, is coordinated by et (and
  // its subject pronoun) to the clause that opens its sentence at
  // `sentence_begin`, a clause of the writer's with a verb and no
  // quotation: « Le club ne vendra pas son attaquant, et il l'a fait
  // savoir ». Sets that clause's tokens [pb, pe) when it is.
  bool clause_before_coordinated_cue(const CueHit& h, std::uint32_t sentence_begin, const std::vector<char>& quoted,
                                     std::uint32_t& pb, std::uint32_t& pe) const;

  // The speakers of a cue whose subject is mention `sp`: each conjunct
  // when it coordinates full phrases that name entities ("Le candidat et
  // son avocat"), also when `sp` is a plural pronoun that stands for such
  // a phrase (selon eux), else `sp` alone.
  std::vector<int> conjunct_speakers(int sp);
  // When mention `sp` is « les deux » and a plural noun (les deux partis,
  // les deux hommes), the last two distinct entities spoken of before it
  // (persons when the noun names persons), most recent first; empty
  // otherwise or when fewer than two came before.
  std::vector<int> pair_named_before(int sp) const;
  // « Le président de la CGEM, Chakib Alj, et son vice-président, Mehdi
  // Tazi, ont estimé »: when mention `sp` is one of two named persons
  // with their appositions joined by « , et » around a plural verb, both
  // (in text order); « X, role, et son équipe ont dit »: X alone; empty
  // otherwise.
  std::vector<int> apposed_conjuncts(int sp);
  // The salient mention joined to mention `m` by et in the text (« les
  // riverains et le maire »), with `m`, in text order; empty when none.
  std::vector<int> pair_with_conjunct(int m) const;
  // The named person whose phrase (with an apposition) ends at token `at`
  // (`ends_at`) or starts there, within `lo`..`hi`; kNone when it names no
  // person.
  int apposed_person(std::uint32_t at, bool ends_at, std::uint32_t lo, std::uint32_t hi);
  // Token `i` is a finite verb of the third person plural (ont, sont,
  // estiment) or the auxiliary of one.
  bool plural_verb_at(std::uint32_t i) const;
  // Whether mention `m` coordinates phrases: a lower-case et inside it.
  bool coordinates(int m) const;

  // Adds one claim per speaker for each coordinated clause of the content
  // [content_begin, ce) of cue `h`; a reflexive plural cue (se sont
  // mutuellement accusés) aims each speaker at the others.
  void add_reported_clauses(const CueHit& h, std::uint32_t content_begin, std::uint32_t ce,
                            const std::vector<int>& speakers, const std::vector<int>& targets,
                            const std::vector<Quote>& quotes, std::vector<char>& quote_done);

  // Splits content [content_begin, ce) at "et (adverbs,) que": "que A et
  // surtout, que B" gives two clauses, as token ranges.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> coordinated_clauses(std::uint32_t content_begin,
                                                                           std::uint32_t ce) const;

  // Turns the source markers of sentence `s` (selon X, d'après X, pour
  // X, aux yeux de X, à ses yeux) that no quotation consumed into claims.
  void handle_source_markers(std::size_t s, const std::vector<char>& quoted, const std::vector<CueHit>& cues,
                             const std::vector<Quote>& quotes, std::vector<char>& quote_done);
  // Turns the nouns of a speech act of sentence `s` that name their author
  // in de and their content in de or à + infinitive (« la demande de la
  // défense de surseoir ») into claims, where no cue reported it already.
  void handle_speech_act_nouns(std::size_t s, const std::vector<char>& quoted, const std::vector<CueHit>& cues,
                               const std::vector<Quote>& quotes, std::vector<char>& quote_done);
  // The token of de or à that opens the content after the author of a
  // speech act noun at `noun`, the author's phrase in `author`; 0 when the
  // noun has no author and content in that order.
  std::uint32_t speech_act_content(std::uint32_t noun, std::uint32_t sentence_end, Np& author) const;

  // True when the words before token i, from the sentence's start, are a
  // dateline: a place in capitals (hyphens allowed) and a bullet or a dash
  // (« GROS-DE-VAUD • Pour les élus, … »), at most a few tokens.
  bool after_dateline(std::uint32_t i, std::uint32_t sentence_begin) const;
  // True (and fills `marker`) when a source marker starts at token i of
  // sentence [sentence_begin, sentence_end).
  bool read_source_marker(std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                          SourceMarkerAt& marker) const;

  // « les allégations de X selon lesquelles … »: the claim of the clause
  // after the relative, spoken by the author of the allegations; also the
  // source before selon qui (« a déploré le soldat selon qui … »).
  void add_allegation_claim(std::uint32_t i, std::uint32_t source_begin, std::uint32_t sentence_begin,
                            std::uint32_t sentence_end, const std::vector<CueHit>& cues,
                            const std::vector<Quote>& quotes, std::vector<char>& quote_done);

  // The antecedent of the qui of « selon qui » at selon token `i`: the noun
  // phrase right before it (past a comma), as a new mention; kNone when
  // there is none.
  int antecedent_of_selon_qui(std::uint32_t i, std::uint32_t sentence_begin);
  // The author of report mention `sp` (les allégations du premier
  // ministre -> le premier ministre), kNone for a report with no author
  // (les rumeurs), else `sp`.
  int author_of_report(int sp);

  // The speaker that `marker` at token i names (kNone when none), with
  // `after` set past the source.
  int source_of_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_end, std::uint32_t& after);

  // The source named after `marker`: the author of a document (selon un
  // communiqué du ministère), a person with an apposition; kNone when none.
  // The author in np's complement in de when np's head is a text, a
  // figure or a noun of speech (« le communiqué de la mairie », « les
  // explications du maire »): the one who speaks through it; an invalid
  // Np when no author is named, but np itself for a study that speaks for
  // itself (text_speaks); np itself for any other head.
  Np author_of_text(const Np& np) const;
  int named_source(const SourceMarkerAt& marker, std::uint32_t sentence_end, std::uint32_t& after);

  // True when the source phrase of a marker is headed by a common noun of
  // speaking_nouns.tsv (selon le chirurgien, d'après les protestataires).
  bool speaking_common_noun(const Np& np) const;

  // Whether `np` after a fronted pour can hold an opinion: a person, a
  // state, a pronoun, a body that takes positions (words.tsv opinionbody:
  // Pour le syndicat, …), or any entity in a contrast (Si pour X …).
  bool holds_opinion(const Np& np, bool contrast);
  // True when np, people named by a plural role (les élus, les experts),
  // is followed by a comma and a verbless judgement: an adjective opening
  // its de or que complement (« Pour les élus, difficile de … »).
  bool group_judges(const Np& np, std::uint32_t sentence_end);

  // Helpers of holds_opinion and read_complement_after_object.
  // Whether the head of `np`, past its determiners and numerals, is a body
  // that takes positions (le parti, les trois syndicats, le gouvernement).
  // True when name word `k` is the surname of a person named before it
  // in full, after a given name or a title (« Rabah Madjer … Madjer »).
  bool surname_of_person_before(std::uint32_t k) const;
  bool heads_opinion_body(const Np& np) const;
  // The comma `j` after a cue's object opens an apposition to it, or a
  // relative clause on it, that a second comma closes before de or à and
  // an infinitive (« invite les élus, les maires en premier, à … »,
  // « accuse certains élus, qu'elle refuse de nommer, de … »): returns the
  // token of that de or à; `j` when there is no such apposition.
  std::uint32_t past_object_apposition(std::uint32_t j, std::uint32_t sentence_end) const;
  // Past a list of the object's complements in de (« reprochaient aux
  // préfets de la Vendée, de la Sarthe et du Maine d'avoir … »): the de
  // that opens the infinitive after them, or `j` when none follows.
  std::uint32_t past_de_complements(std::uint32_t j, std::uint32_t sentence_end) const;
  // Past a relative clause at `r` on the object, closed by a comma, to the
  // de that opens an infinitive after that comma; `j` when there is none.
  std::uint32_t past_relative_to_de(std::uint32_t r, std::uint32_t j, std::uint32_t sentence_end) const;
  // True when the object read from token `k` ends with its apposition
  // between commas, the closing one at `j`, and de or à + infinitive come
  // next (« accuse la directrice, Anne Morel, d'avoir menti »).
  bool apposition_closed(std::uint32_t k, std::uint32_t j, std::uint32_t sentence_end) const;
  // The comma that closes the relative clause (« , qui lui reprochait son
  // inaction, ») holding cue `h`, whose content runs over [cb, ce), when
  // a clause with its own subject and verb follows it; 0 otherwise.
  std::uint32_t relative_close(const CueHit& h, std::uint32_t cb, std::uint32_t ce) const;
  // The token of the ")" that closes the "(" at token `c` within
  // kMaxNpTokens tokens of the sentence; `c` when `c` opens none.
  std::uint32_t past_parenthesis(std::uint32_t c, std::uint32_t sentence_end) const;
  // Where the clause of a noun of a held thought (words.tsv contentnoun)
  // that a cue's object starting at token `k` heads begins: after its que
  // or its de before an infinitive (a exprimé l'espoir que …, a fait part
  // de sa volonté de …). 0 when the object is no such noun.
  std::uint32_t held_thought_clause(std::uint32_t k, std::uint32_t sentence_end) const;
  // Whether the noun phrase at token `k` (a determiner first) states a
  // fact or a judgement: its head, after at most two adjectives, is an
  // event or abstract noun (words.tsv factnoun or contentnoun, or their
  // plural in -s or -x): « l'importance de … », « ses récents échecs »;
  // not a name or a concrete thing (« le maire », « la voiture »).
  bool states_a_fact(std::uint32_t k, std::uint32_t sentence_end) const;
  // Whether the folded word `lower` is such a noun.
  bool fact_noun(std::string_view lower) const;
  // Whether token `k`, before `e`, opens another statement that ends a
  // reported clause: a comma before selon, d'après or cité par, a colon
  // before a quotation.
  bool opens_other_statement(std::uint32_t k, std::uint32_t e) const;
  // Whether token `k` right after cue `h` opens an indirect question that
  // is its content: a verb of asking or explaining (words.tsv
  // questionverb) before si, pourquoi, comment … (questionword): « a
  // demandé si le train partirait », « a expliqué pourquoi il votait
  // contre ». Not « quand même », « si bien que ».
  bool opens_indirect_question(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const;
  // Whether a colon or a quotation mark stands among tokens [from, end):
  // a question that one follows introduces a quotation (« lui demanda où
  // il habitait : « … » »). The last such token before `end` is kept, so
  // the cues of one sentence read its tokens once between them, not once
  // each (issue 11).
  bool colon_or_quote_from(std::uint32_t from, std::uint32_t end) const;
  mutable std::uint32_t colon_quote_end_ = 0;   // the `end` the memo is for, 0 for none
  mutable std::uint32_t colon_quote_low_ = 0;   // tokens [low, end) have been read
  mutable std::uint32_t colon_quote_last_ = 0;  // 1 + the last one found there, 0 for none
  // Whether cue `h` is a verb of asking made reflexive without being a
  // pronominal entry of its own: se demander, one's own wondering, which
  // reports no question (docs/GOLD_FORMAT.md).
  bool wonders(const CueHit& h) const;
  // Where the indirect question of cue `h` (a words.tsv questionverb)
  // begins past the one asked, named in à right after the cue or by a
  // clitic before it: « a demandé au maire si le projet serait voté »,
  // « a demandé aux élus pourquoi … », « lui demande ce qui motive son
  // témoignage », « leur a demandé quelles étaient les mesures ». The
  // span opens on si, the question word or ce qui / ce que / ce dont.
  // 0 when no such question follows; `k` is the token after the cue.
  std::uint32_t question_after_asked(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end);
  // Whether cue `h` sits inside a noun phrase, the subject of another
  // verb: in a relative (« le médecin qui dit que … est parti ») or as a
  // participle right after its noun (« les élus affirmant que … ont voté »).
  bool cue_in_noun_phrase(const CueHit& h) const;
  // For such a cue, where its content starting at `i` ends before `e`: at
  // the finite verb (or auxiliary) past the content's own verb that no
  // comma, conjunction or que joins to it, the verb of the main clause;
  // `e` when there is none. An infinitive content has no finite verb of
  // its own.
  std::uint32_t before_main_verb(std::uint32_t i, std::uint32_t e) const;

  // True when tokens [b, c) before the comma c are a participle phrase on a
  // source (« affilié à la CGT », « interrogé par l'AFP »): a past participle
  // with no verb, que or punctuation, and a clause after the comma (a
  // subject pronoun, or a noun phrase and its finite verb).
  bool participle_apposition(std::uint32_t b, std::uint32_t c) const;

  // True (and sets the content [cb, ce)) when the marker at token i whose
  // source ends at `after` reports a clause: the one after its comma, the
  // concession of "Si pour X", or the clause before a final "…, selon X.".
  bool content_of_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                         std::uint32_t sentence_end, std::uint32_t after, const std::vector<CueHit>& cues,
                         std::uint32_t& cb, std::uint32_t& ce) const;
  // The clause after the comma at `after` that ends the source of the
  // marker at token i (fronted when it opens the sentence), as
  // content_of_marker sets it; false when a quotation or a relative clause
  // opens there.
  // The content of selon or d'après at token `i` set with no comma
  // between an adjective and its complement in de or à (« coupables selon
  // eux d'avoir modifié le score »): the adjective phrase, in [cb, ce).
  bool adjective_around_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                               std::uint32_t sentence_end, std::uint32_t after, const std::vector<CueHit>& cues,
                               std::uint32_t& cb, std::uint32_t& ce) const;
  bool content_after_source(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                            std::uint32_t sentence_end, std::uint32_t after, bool fronted,
                            const std::vector<CueHit>& cues, std::uint32_t& cb, std::uint32_t& ce) const;
  // Past the appositions that follow a fronted source before the content
  // opening at `b`: an age, a bare noun or adjective phrase, or a relative
  // clause with qui or dont, each closed by a comma (Pour Cécile, 38 ans,
  // infirmière dans le Loiret, la crise …).
  std::uint32_t past_source_appositions(std::uint32_t b, std::uint32_t sentence_end) const;
  // Past an apposition with its article that describes the source of
  // « Pour X, » at `b` (a role or a person noun, no verb, up to a comma)
  // when a subject pronoun opens the clause after its comma: « Pour Paul
  // Morin, l'élu surnommé le Sage, il s'agit … »; `b` otherwise.
  std::uint32_t past_described_apposition(std::uint32_t b, std::uint32_t sentence_end) const;

  // The first token of the clause that a marker reports before it, the
  // clause ending at token `end`: past the nearest colon, semicolon or
  // subordinator after a comma (« Les prix ont augmenté, selon l'Insee,
  // alors que les salaires ont stagné, selon la CGT »: « les salaires ont
  // stagné »), not before the previous marker of the sentence
  // (marker_floor_), else the sentence's start. kNoToken when a quotation
  // mark or a cue comes first, or no start within 80 tokens.
  std::uint32_t clause_start_before(std::uint32_t end, std::uint32_t sentence_begin,
                                    const std::vector<CueHit>& cues) const;
  // The content of selon or d'après set with no comma after a noun phrase
  // or an adjunct that it closes (« une grève suivie par 27 % des
  // professeurs selon le ministère, et … », « Le bilan s'élève à douze
  // morts selon la police. »): the participle phrase it closes, else its
  // clause, in [cb, ce). False when a cue or a quotation sources the
  // clause, or the marker is followed by more of its clause.
  bool clause_before_postposed_marker(const SourceMarkerAt& marker, std::uint32_t i, std::uint32_t sentence_begin,
                                      std::uint32_t sentence_end, std::uint32_t after, const std::vector<CueHit>& cues,
                                      std::uint32_t& cb, std::uint32_t& ce) const;
  // Token `k`, or the first token past the commas and the et or mais
  // that join a clause to the one before (« …, selon l'Insee, et les
  // salaires … »), at most `end`.
  std::uint32_t past_joints(std::uint32_t k, std::uint32_t end) const;
  // Whether the claim at `c`, a report of the sentence, takes in the
  // marker at token i whose source is mention `sp`: the marker stands in
  // or right after its content and names the same speaker (« le ministre
  // affirme que … les récoltes ont été, selon lui, détruites sur place »).
  bool report_takes_marker(const AttributedClaim& c, std::uint32_t i, int sp) const;

  // True when no cue and no quotation mark of the sentence opening at
  // `sentence_begin` comes before token `i`: a marker there is the only
  // source of the words before it.
  bool unsourced_before(std::uint32_t i, std::uint32_t sentence_begin, const std::vector<CueHit>& cues) const;
  // Whether the words from token `k` go on with a clause begun before
  // them: a verb (its clitics first), a participle, an infinitive or a
  // preposition, with no subject of their own.
  bool clause_goes_on(std::uint32_t k, std::uint32_t sentence_end) const;
  // Whether token `k` opens a subordinate or adversative clause: a
  // subordinator of the cut class (alors que, tandis que, lorsque) or
  // mais. After « …, selon X, » such a clause is no content of the
  // marker, which then closes the clause before it.
  bool opens_subordinate(std::uint32_t k, std::uint32_t sentence_end) const;
  // The clause that a marker at token i after a comma reports, its source
  // ending at `after`: the aside the marker closes (« – 12 morts, selon la
  // police – ») or the sentence before a final « …, selon X. » when no cue
  // or quotation of the sentence comes before it. False when neither.
  bool clause_before_marker(std::uint32_t i, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                            std::uint32_t after, const std::vector<CueHit>& cues, std::uint32_t& cb,
                            std::uint32_t& ce) const;

  // The dash or "(" that opens an aside closed at token `closing` by the
  // same dash or ")", scanning back from token `comma` (the comma before a
  // marker) over the writer's words: « – 12 morts, selon la police – ».
  // `comma` when `closing` closes no aside of the sentence.
  std::uint32_t aside_opening(std::uint32_t comma, std::uint32_t sentence_begin, std::uint32_t closing) const;

  // Whether the words from token `k` to the end of the sentence, past its
  // final punctuation, hold no verb, que or mark: what may follow the
  // source of a final « …, selon X » (a second source, a modifier: selon
  // des médias et des habitants contactés par l'AFP). True when none follows.
  bool verbless_to_end(std::uint32_t k, std::uint32_t sentence_end) const;

  // Start offset of a content [cb, ce): an opening quotation mark that
  // starts it is not part of the span (que « si … » starts at "si").
  std::uint32_t content_begin_offset(std::uint32_t cb, std::uint32_t ce) const;

  // End offset of a content [cb, ce): a closing quotation mark that ends
  // the clause is not part of the span (GOLD_FORMAT.md).
  std::uint32_t content_end_offset(std::uint32_t cb, std::uint32_t ce) const;

  void mark_mixed(AttributedClaim& c, std::uint32_t b, std::uint32_t e) const;

  // ---- Discourse context (attribution_discourse.cpp) -------------------

  // A name signing the quotation that closes at token `close_token`:
  // « … » (Martin Fayulu). kNone when the parentheses hold no name.
  int signature_after(std::uint32_t close_token, std::uint32_t limit);

  // Gives speakers to quotations left without one, from their signature,
  // from the same words quoted elsewhere with a speaker, or from the claim
  // just before them (continue_previous_speaker).
  void speakers_from_discourse();

  // Paragraphs in the first person singular with no quotation mark, right
  // after a paragraph that closes on a speaker's direct quotation: that
  // speaker's words, their marks lost (attribution_discourse.cpp).
  void quotations_without_marks();

  // True when no word or number of the sentences holding code points
  // [b, e) lies outside [b, e): a quotation alone in its sentence or
  // paragraph, with no cue of its own.
  bool fills_its_sentences(std::uint32_t b, std::uint32_t e) const;

  // True when tokens [from, to) name a person other than mention
  // `speaker` (and the mentions it refers back to): a given name or
  // surname, or a name after a title or a role (Le gardien Hugo Lenoir).
  // Also the subject of a sentence in between when it is a common noun
  // that names someone who speaks (see subject_speaking_noun): « Sa voisine
  // décrit un homme discret. », « Le syndicat se montre plus prudent. »
  // bring in another possible speaker; an object (« a expulsé deux
  // joueurs ») does not.
  bool other_person_between(std::uint32_t from, std::uint32_t to, int speaker) const;
  // The words of mention `speaker` and of the mentions it refers back to,
  // lower-case, each between spaces (" le maire "); tokens from `to` on
  // are left out.
  std::string words_of_speaker(int speaker, std::uint32_t to) const;
  // Whether token `k` is a name that names a person: a given name or a
  // surname, or a name after a title or a role word past token `from`.
  bool names_person_at(std::uint32_t k, std::uint32_t from) const;
  // The person that tokens [from, to) name, other than mention `speaker`,
  // as a new mention of their name (« Pour Cécile, 38 ans, … » gives
  // Cécile); kNone when they name no one else or two other persons.
  int person_named_in(std::uint32_t from, std::uint32_t to, int speaker);

  // True when token `k`, before the first finite verb of its sentence
  // (which opens at token `sentence_first`), is a common noun of roles.tsv
  // or speaking_nouns.tsv (voisine, syndicat, arbitre, rapport) right after
  // a determiner that opens the sentence or follows a comma or a
  // coordination. False for a name, a noun that names no speaker (budget,
  // saison), a noun inside a complement (« Pour les deux partis ») and
  // for every noun when speaking_nouns.tsv is absent.
  bool subject_speaking_noun(std::uint32_t k, std::uint32_t sentence_first) const;

  // A direct quotation with no speaker, alone in its sentence and holding
  // a verb (not a title of a work), continues the speaker of the claim
  // just before it when that claim is at most two paragraphs back and no
  // other person is named in between: « … », a déclaré l'avocate. ¶ « … ».
  void continue_previous_speaker();
  // Whether code points [b, e) hold a finite verb or an auxiliary: a
  // statement, not a title of a work or a slogan.
  bool holds_finite_verb(std::uint32_t b, std::uint32_t e) const;
  // Whether the quotation opening at token `open` follows a colon that
  // closes a passive with no agent (« La question a aussi été posée :
  // « … » »): the text says who was asked, not who asked, and the
  // quotation is no one's that the context could name.
  bool after_agentless_passive(std::uint32_t open, std::uint32_t sentence_begin) const;
  // The subject of the first sentence of the paragraph of code point `at`
  // (at most kSubjectSentencesBack sentences back; `at`'s own sentence
  // only when `own_sentence`) that names a person, a group or a body able
  // to speak by a name, a role or a speaking noun, noted before `at`;
  // kNone when there is none. For a quoted fragment the subject of its own
  // sentence is left to the sentence's rules (a body there is more often
  // the topic than the source).
  int paragraph_subject_before(std::uint32_t at, bool own_sentence) const;
  // The subject sentence s leaves out and takes up from the sentence before
  // it in its paragraph, when s opens on its finite verb (with only object
  // clitics, se or ne before it) and is no question, exclamation, imperative
  // or impersonal verb; kNone otherwise. Reads the subjects noted
  // so far (sentence_subjects_), so a run of such sentences keeps it.
  int subject_left_out(std::size_t s) const;
  // A quotation [begin, end) that opens its sentence and is followed by a
  // colon and a clause, the press's headline « « On ne lâchera rien » :
  // les agriculteurs bloquent la préfecture »: that clause's subject when
  // it can speak, else kNone.
  int subject_after_quote_colon(std::uint32_t begin, std::uint32_t end);
  // Whether the quotation [begin, end) opens its paragraph and fills it.
  bool quote_only_paragraph(std::uint32_t begin, std::uint32_t end) const;
  // For a quotation at `at` that fills its paragraph: the nearest subject
  // (or fronted source, « Pour X, … ») of the paragraph before it that can
  // speak, at most kSubjectSentencesBack sentences back; kNone otherwise.
  int subject_of_paragraph_before(std::uint32_t at);
  // A direct or mixed quotation with a verb that no rule gave a speaker
  // takes the subject of its paragraph (attribution_discourse.cpp).
  void speakers_from_paragraph_subject();
  // The speaker speakers_from_paragraph_subject gives claim `c`, or kNone;
  // `speaker_near` tells that a claim with a speaker stands at most
  // kParagraphsBack paragraphs before it.
  int default_speaker(const AttributedClaim& c, bool speaker_near);

  // ---- Speakers named again or by no one (attribution_mentions.cpp) ------

  // When [b, e) is a definite description headed by homme or femme with a
  // complement in à (« l'homme aux 111 sélections »), the person of that
  // gender last spoken of, which it names again; kNone otherwise (« un
  // homme », « la femme du maire »), or when no such person came before.
  int epithet_antecedent(std::uint32_t b, std::uint32_t e) const;
  // Mentions that begin at or after this code point are no antecedent of a
  // pronoun: set while the pronoun of an incise is resolved, to the start
  // of the content it closes (the antecedent is never inside it).
  std::uint32_t antecedent_limit_ = static_cast<std::uint32_t>(-1);
  // The token before which no content of a source marker of the sentence
  // begins: past the source of the last marker that gave a claim
  // (handle_source_markers).
  std::uint32_t marker_floor_ = 0;
  // The speaker of the claim add_claim took last (kNone before the first)
  // when it is no prepositional complement (selon X): the antecedent a
  // subject pronoun favours (resolve_pronoun).
  int last_claim_speaker_ = kNone;
};

// The sentence-by-sentence part of Run::run (quote_pass.cpp): gives each of
// `quotes` (the document's quotations, ordered by their opening mark) its
// speaker, cue and kind, turns the cues and source markers no quotation
// consumed into claims and adds the quotations' claims to run.out, unsorted.
void attribute_sentences(Run& run, const std::vector<Quote>& quotes);

}  // namespace quotegraph::detail
