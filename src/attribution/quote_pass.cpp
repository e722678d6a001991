// The sentence-by-sentence pass of attribution: gives each quotation its
// speaker, cue and kind (direct or mixed) by one strategy at a time (the
// incise after it, an incise inside it, a source marker, a subject and cue
// after it, an introduction before it, a colon ending the sentence before),
// turns the cues and source markers no quotation consumed into claims, and
// adds the quotations' claims.
#include "attribution_run.h"

#include <algorithm>
#include <map>

#include "quotegraph/text/text.h"

namespace quotegraph::detail {
namespace {

// What the pass found for one quotation before its claim is added.
struct QuoteFinding {
  int speaker = kNone;
  std::string cue;
  Relation relation = Relation::kStates;
  std::vector<int> targets;  // objects of a cue that governs a fragment
  bool direct = false;       // a whole statement, not a fragment of the writer's sentence
  // Where the claim starts when not at the quotation's first character: a
  // fragment that ends the clause an incise reports (clause_reported_by_incise).
  static constexpr std::uint32_t kQuoteBegin = 0xFFFFFFFFu;
  std::uint32_t begin = kQuoteBegin;
};

// Where a quotation of sentence `sentence` sits, in tokens.
struct QuoteSpan {
  std::size_t quote = 0;     // index in the quotations
  std::size_t sentence = 0;  // the sentence it opens in
  std::uint32_t sentence_begin = 0, sentence_end = 0;
  std::uint32_t open = 0, close = 0;   // its opening and closing marks (its end when unbalanced)
  std::uint32_t close_sentence = 0;    // the sentence where it closes
  std::uint32_t close_sentence_end = 0;
  // Where an incise after it would start, in which sentence and up to
  // which token (the next sentence when « … ! » ends the first one).
  std::uint32_t after_close = 0, incise_sentence = 0, incise_end = 0;
};

// Spans added one by one, and whether one of them holds a given span
// (starts by its begin and ends at its end or past it), in a logarithmic
// number of steps: only the spans that no other holds are kept, so that,
// sorted by begin, they are sorted by end as well.
class SpanCover {
 public:
  void add(std::uint32_t b, std::uint32_t e);
  bool holds(std::uint32_t b, std::uint32_t e) const;

 private:
  std::map<std::uint32_t, std::uint32_t> stairs_;  // begin -> end
};

class QuotePass {
 public:
  QuotePass(Run& run, const std::vector<Quote>& quotes);

  // Attributes every sentence of the document in order.
  void run();

 private:
  void mark_quoted_tokens();
  void find_sentence_cues();
  void attribute_sentence(std::size_t s);
  void note_sentence_subject(std::size_t s, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  std::vector<std::size_t> quotes_opening_in(const Sentence& sentence);
  QuoteSpan span_of(std::size_t qi, std::size_t s) const;

  // Strategies for a quotation's speaker, tried in this order until one
  // finds a speaker.
  void find_speaker(std::size_t qi, std::size_t s);
  // Where the claim of fragment `at`, given its cue by an incise right
  // after it, starts: see the definition.
  std::uint32_t clause_reported_by_incise(const QuoteSpan& at) const;
  // Quotation `qi` closes right before `next` opens, with a comma, et or
  // ou between: items of one list.
  bool listed_before(std::size_t qi, std::size_t next) const;
  void incise_after(const QuoteSpan& at);
  // `sp`, or the coordination it opens when each conjunct names someone.
  int coordinated_incise_subject(int sp, std::uint32_t incise_end);
  void incise_inside(const QuoteSpan& at);
  // « … », grince Sylvie Laporte; « … », dégaine-t-il: a finite verb the
  // lexicon lacks, right after the quotation's comma, with its subject
  // inverted after it.
  void inverted_incise_after(const QuoteSpan& at);
  // Whether the quotation of `at` stands in a relative clause still open
  // at its opener (« Marie Duval, qui a dénoncé « … », a démissionné »):
  // the verb after its closing comma is the main clause's, no incise.
  bool inside_open_relative(const QuoteSpan& at) const;
  // Whether a cue of sentence `s` stands within tokens [from, to].
  bool cue_between(std::size_t s, std::uint32_t from, std::uint32_t to) const;
  void verbless_name_after(const QuoteSpan& at);
  void marker_after(const QuoteSpan& at);
  void subject_and_cue_after(const QuoteSpan& at);
  // « … » C'est ce qu'a affirmé X. / Ainsi s'est exprimé X. / X l'a
  // répété.: the sentence after a quotation that fills its own takes it up
  // as the object of a verb of saying, whose subject speaks it.
  void statement_taken_up_after(const QuoteSpan& at);
  // The sentence after the quotation of `at` when the quotation opens its
  // own: its index and its tokens [nb, ne); false when there is none.
  bool sentence_after_quote(const QuoteSpan& at, std::size_t& ns, std::uint32_t& nb, std::uint32_t& ne) const;
  // « … » Les mots sont de X.: a noun of speech that takes the quotation
  // up and names its author (words.tsv's speechsource).
  void author_named_after(const QuoteSpan& at);
  // The subject of cue `h` when it is an incise set off by commas before a
  // quotation, its subject inverted up to `comma`; kNone otherwise.
  int incise_subject_before_quote(const CueHit& h, std::uint32_t comma, std::uint32_t sentence_begin);
  // True when cue `h`, in a sentence ending at token `ne`, has a
  // complement of its own (que, an infinitive, de / à + infinitive,
  // past its circumstances): it reports that, not the quotation before it.
  bool cue_reports_own_complement(const CueHit& h, std::uint32_t ne) const;
  // Whether a verb or que stands between tokens `from` and `to`: what
  // follows opens a clause of its own.
  bool opens_clause(std::uint32_t from, std::uint32_t to) const;
  // The inverted subject of cue `h` when it is an incise after a comma
  // that closes the clause of a quotation ending before `from`, else kNone.
  int incise_subject_after_comma(const CueHit& h, std::uint32_t from, std::uint32_t ne);
  // True when de or à at token `k` opens an infinitive that cue `h` takes
  // (frames de, a), object clitics included (« de le faire évacuer »).
  bool infinitive_after_preposition(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const;
  void cue_before(const QuoteSpan& at);
  void narrated_act_before_colon(const QuoteSpan& at);
  // « Le constat du maire : « … » », « La réponse de la ministre ne s'est
  // pas fait attendre : « … » »: a noun of speech opening the sentence
  // (words.tsv's speechsource) announces the words after the colon, and
  // its complement in de names who says them.
  void speech_noun_before_colon(const QuoteSpan& at);
  // « La question a été posée par un habitant : « … » »: the agent of a
  // passive that ends on the colon speaks.
  void passive_agent_before_colon(const QuoteSpan& at);
  void name_before_colon(const QuoteSpan& at);
  void marker_before(const QuoteSpan& at);
  // « Pour Marc Lenoir, il s'agit d'une erreur : « … » »: a fronted pour
  // whose opinion runs to the colon gives its holder the words after it,
  // when no one acts in that clause (narrated_act_before_colon).
  void marker_clause_before_colon(const QuoteSpan& at);
  // « une édition qualifiée de « réussie » par son directeur »: a fragment
  // after a participle of a cue, whose passive agent follows it, is the
  // agent's.
  void passive_agent_after(const QuoteSpan& at);
  // Whether ne (n') stands in cue `h`'s group or right before it: any
  // negation at all, unlike target_grammar.h's cue_negated, which needs a
  // negation word after ne and leaves « pas seulement » out.
  bool cue_group_has_ne(const CueHit& h, std::uint32_t sentence_begin) const;
  // Whether cue `h` is a verb of observation (words.tsv observationverb)
  // whose subject is on, inverted or before it: the writer saw it on the
  // spot (« …, a-t-on constaté sur place »), no one said it.
  bool writer_observes(const CueHit& h, std::uint32_t sentence_begin) const;
  bool negated_content(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) const;
  void colon_ending_previous_sentence(const QuoteSpan& at);
  // Whether cue `h` is a verb of showing (words.tsv showingverb) whose
  // subject before it is a thing, not someone or a source: « Le panneau
  // indique tourner à gauche » reports no one, « Une étude de l'Inserm
  // montre que … » does. Leaves the mentions as they were.
  bool thing_shows(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // Whether cue `h` asks, with its subject inverted, whether something was
  // said: « A-t-il dit que le pont était fermé ? ».
  bool open_question(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) const;

  // Gives quotation `qi` speaker `sp` and the cue of `h`, which is used up.
  void give_quote(std::size_t qi, CueHit& h, int sp);
  // Gives quotation `qi` speaker `sp` with no cue.
  void give_speaker(std::size_t qi, int sp);

  int handle_sentence_cues(std::size_t s, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                           std::uint32_t paragraph);
  void share_cue_along_list(const std::vector<std::size_t>& here);
  // Whether cue `h`, inside the clause that the incise without quotation
  // marks `incise` closes, reports the words of a subject named before it
  // who is not the incise's speaker or the body that speaker speaks for.
  bool reports_own_subject(const CueHit& h, const CueHit& incise, std::uint32_t sentence_begin,
                           std::uint32_t sentence_end);
  // Whether subject mention `subject` of a cue inside the clause of
  // `incise` is a voice of its own beside the incise's speaker.
  bool own_voice_beside_incise(int subject, const CueHit& incise) const;
  // The speaker handle_cue takes for cue `h` when no subject of its own
  // speaks: `previous_speaker`, except for an infinitive inside the
  // content of a claim of the sentence (`sentence_claims`), which has the
  // subject of that content's clause (« Le syndicat affirme que le
  // ministre a appelé les patrons pour leur demander de … »: the
  // minister), or none.
  int infinitive_speaker(const CueHit& h, const SpanCover& sentence_claims, int previous_speaker,
                         std::uint32_t sentence_begin, std::uint32_t sentence_end);
  // Whether cue `h` has reported words after it: que or an infinitive,
  // right after it or past the one addressed, de or à and an infinitive
  // (« a demandé au préfet de fermer la route », « appelle les élus à
  // voter », « a dit au maire que … »), or an indirect question (« leur a
  // demandé quelles étaient les mesures »).
  bool reports_content(const CueHit& h, std::uint32_t sentence_end);
  // Whether cue `h` inside a quotation tells of the quotation speaker's own
  // words said before, with je or nous for subject and a compound past
  // (« Nous avons demandé au ministre de … », « Je lui ai dit que … »): a
  // quote of its own (GOLD_FORMAT: a first-person subject names the
  // speaker). A present performs its act in the quotation itself
  // (« Nous demandons au préfet de … »): no report. Not in a narrative,
  // whose dialogue tells of its speakers' words in every line.
  bool tells_own_past_words(const CueHit& h, std::uint32_t quote_begin) const;
  // Whether the subject of cue `h`, in a quotation that starts at token
  // `quote_begin`, is je or nous.
  bool first_person_subject(const CueHit& h, std::uint32_t quote_begin) const;
  // Whether cue `h` is a verb of opinion (words.tsv opinionverb) with on
  // for subject, before it or inverted (« on estime que », « estime-t-on »).
  bool own_opinion_with_on(const CueHit& h, std::uint32_t quote_begin) const;
  // Whether that subject is il, elle, ils or elles.
  bool third_person_subject(const CueHit& h, std::uint32_t quote_begin) const;
  // The token of the subject pronoun of cue `h`, the first of the clitics
  // before its verb when they open their clause; kNoSubjectPronoun when
  // the subject is no pronoun.
  static constexpr std::uint32_t kNoSubjectPronoun = static_cast<std::uint32_t>(-1);
  std::uint32_t subject_pronoun(const CueHit& h, std::uint32_t quote_begin) const;
  // Whether cue `h` reports no one's words: remembering (se rappeler), the
  // writer's observation, a negated content, a thing that shows, an open
  // question.
  bool reports_nothing(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end);
  int speaker_root(int m) const;
  void drop_nested_own_claims(std::size_t first_new);
  // No end of the claims before `first_new` is past the value returned: a
  // claim ending further holds in none of them (drop_nested_own_claims
  // then scans nothing, which keeps a paragraph of n reports linear).
  std::uint32_t claims_end_before(std::size_t first_new);
  // Reported speech nested in a direct quotation of sentence `s`'s
  // quotations: « J'ai demandé une explication à l'arbitre, il m'a dit
  // qu'il s'excusait », « Le préfet m'a dit qu'il viendrait ».
  void handle_quoted_cues(std::size_t s);
  // A quotation nested in the direct claim `outer` (an index of the
  // claims), opening at token `open` (the token after the colon that
  // follows cue `h`): a direct claim of the cue's subject.
  void nested_quote_after_colon(CueHit& h, std::size_t s, std::size_t outer, std::uint32_t open);
  // The first claim, in order, that is a direct quotation holding offset
  // `at` (a quoted cue's verb), or the claims' end.
  std::vector<AttributedClaim>::const_iterator direct_claim_holding(std::uint32_t at);
  // A count of leading claims passed over for good, and the offset they
  // were passed at.
  struct ClaimCursor {
    std::size_t passed = 0;
    std::uint32_t at = 0;
  };
  // Moves `cursor` past the leading claims for which `done(claim, at)`
  // holds and returns its count. The offsets asked come in text order, so a
  // claim done at one offset is done at every later one, and a paragraph of
  // n quotations costs n steps, not n * n / 2; the cursor starts again when
  // an offset goes back or claims were dropped. Claims are only ever
  // erased past the ones there were when a cue was handled, and a claim's
  // end only shrinks.
  template <class Done>
  std::size_t pass_claims(ClaimCursor& cursor, std::uint32_t at, Done done);
  // Settles the claims from `first_new` on, made by a cue inside the
  // direct quotation [quote_begin, quote_end) (a token, an offset) of
  // speaker `outer` (a root mention or kNone) whose subject is the
  // third-person pronoun mention `pronoun` (or kNone): see handle_quoted_cues.
  // With `own_past_words` (tells_own_past_words), a claim whose subject is
  // je or nous is the quotation speaker's `outer` own report, kept.
  void settle_quoted_claims(std::size_t first_new, std::uint32_t quote_begin, std::uint32_t quote_end, int outer,
                            int pronoun, bool own_past_words = false);
  void add_quote_claim(std::size_t qi, std::size_t s, int previous_speaker);
  void take_governing_cue(QuoteFinding& claim, std::uint32_t open, std::size_t s, int previous_speaker);
  bool is_quoted_name(const Quote& q) const;
  // The speaker a quotation opening at token `open` of the sentence that
  // starts at `sentence_begin` takes from the claims before it, when it
  // has no cue of its own: last_speaker_, unless another person is named
  // since the last claim.
  int speaker_going_on(std::uint32_t open, std::uint32_t sentence_begin);
  // The speaker a quotation alone in sentence `s` takes, with no cue of its
  // own, from the sentence just before it (« Le maire de Vannes, David
  // Roussel, a réagi sur les réseaux sociaux. « Je suis consterné. » »),
  // before the last claim's speaker: that sentence's subject, when the
  // sentence (of at most kIntroducingSentenceTokens tokens, read once) has
  // a finite verb, asks no question (« ? », « a demandé
  // si »), holds no quotation, and either has a cue and a person or named organisation for
  // subject, or tells a stance (an attitudeword: « Le syndicat reste
  // sceptique. ») of any speaker but a thing; kNone otherwise.
  int subject_introducing(std::size_t s);
  // Whether quotation `q` says je, nous, me, mon … (a first person).
  bool says_first_person(const Quote& q) const;
  // Notes `sp` the speaker of a claim that ends before token `end` in
  // `paragraph`, for the quotations that go on with it.
  void note_last_speaker(int sp, std::uint32_t paragraph, std::uint32_t end);
  // Whether the indefinite on is a word of sentence [sentence_begin,
  // sentence_end) before token `open`, outside quotations:
  // « Sur la banderole, on pouvait lire : « … » » quotes no one named.
  bool introduced_by_on(std::uint32_t open, std::uint32_t sentence_begin, std::uint32_t sentence_end) const;
  bool is_quoted_title(const Quote& q, std::uint32_t open_token) const;

  Run& run_;
  const std::vector<Quote>& quotes_;
  // Tokens inside quotations: cues there belong to the quoted speaker, or
  // report someone else's words nested in the quotation (handle_quoted_cues).
  std::vector<char> quoted_;
  // Cue verb groups of each sentence, outside quotations, and inside.
  std::vector<std::vector<CueHit>> cues_;
  std::vector<std::vector<CueHit>> quoted_cues_;
  std::vector<char> quote_done_;  // quotations whose claim is added or absorbed in another
  std::vector<QuoteFinding> found_;
  // The first token of a sentence [begin, end) that is of some kind, or
  // end (first_in_sentence): the last sentence asked is kept, as its
  // quotations ask in turn (a sentence of thousands of quotations would
  // else be read from its start once per quotation).
  struct FirstInSentence {
    std::uint32_t begin = 0, end = 0, first = 0;
  };
  template <class Pred>
  static std::uint32_t first_in_sentence(FirstInSentence& memo, std::uint32_t begin, std::uint32_t end, Pred pred) {
    if (begin != memo.begin || end != memo.end) {
      memo = FirstInSentence{begin, end, begin};
      while (memo.first < end && !pred(memo.first)) ++memo.first;
    }
    return memo.first;
  }
  FirstInSentence first_quote_mark_;  // a quotation mark (marker_clause_before_colon)
  mutable FirstInSentence first_on_;  // on outside quotations (introduced_by_on)
  // The speaker of the last claim and its paragraph, for the quotations
  // that go on with it.
  int last_speaker_ = kNone;
  std::uint32_t last_speaker_paragraph_ = 0;
  std::uint32_t last_speaker_end_ = 0;  // the token past the last claim's end
  std::size_t next_quote_ = 0;  // the first quotation not yet seen by quotes_opening_in
  // The last quotation that gave a claim, and what was found for it.
  static constexpr std::size_t kNoQuote = static_cast<std::size_t>(-1);
  std::size_t listed_claim_ = kNoQuote;
  QuoteFinding listed_finding_;
  // The leading claims that no quoted cue from offset closed_claims_.at on
  // can fall in (see direct_claim_holding), and those that end before the
  // quotation nested_quote_after_colon last looked at.
  ClaimCursor closed_claims_;
  ClaimCursor claims_ended_;
  // The furthest end of the first ends_counted_ claims (claims_end_before).
  std::size_t ends_counted_ = 0;
  std::uint32_t furthest_end_ = 0;
  // The furthest end of each block of kEndBlock claims among the first
  // ends_blocked_ (index_claim_ends): an upper bound, as a claim's end
  // grows only where Run::claims_changed_from_ notes it.
  static constexpr std::size_t kEndBlock = 64;
  std::vector<std::uint32_t> block_end_max_;
  std::size_t ends_blocked_ = 0;
  // The furthest end of each run of kEndBlock whole blocks (a superblock),
  // so that a sentence of a hundred thousand reports asks a few hundred
  // maxima per claim, not a few thousand.
  std::vector<std::uint32_t> super_end_max_;
  void index_claim_ends(std::size_t first_new);
};

void SpanCover::add(std::uint32_t b, std::uint32_t e) {
  if (holds(b, e)) return;
  // The spans it holds go: they start no earlier and end no later.
  for (auto it = stairs_.lower_bound(b); it != stairs_.end() && it->second <= e;) it = stairs_.erase(it);
  stairs_[b] = e;
}

bool SpanCover::holds(std::uint32_t b, std::uint32_t e) const {
  // The last span starting by b ends furthest of those that start by b.
  const auto after = stairs_.upper_bound(b);
  return after != stairs_.begin() && std::prev(after)->second >= e;
}

QuotePass::QuotePass(Run& run, const std::vector<Quote>& quotes)
    : run_(run),
      quotes_(quotes),
      quoted_(run.doc.tokens.size(), 0),
      cues_(run.doc.sentences.size()),
      quoted_cues_(run.doc.sentences.size()),
      quote_done_(quotes.size(), 0),
      found_(quotes.size()) {}

void QuotePass::run() {
  mark_quoted_tokens();
  find_sentence_cues();
  for (std::size_t s = 0; s < run_.doc.sentences.size(); ++s) attribute_sentence(s);
}

void QuotePass::mark_quoted_tokens() {
  // Marked through interval ends and one running count, so that quotations
  // that nest or run to the paragraph end (unbalanced openers) cost their
  // number, not their number times their length.
  std::vector<int> starts(run_.doc.tokens.size() + 1, 0);
  for (const Quote& q : quotes_) {
    const std::uint32_t a =
        std::min<std::uint32_t>(run_.tok_of(q.begin), static_cast<std::uint32_t>(run_.doc.tokens.size()));
    const auto past = std::lower_bound(run_.doc.tokens.begin() + a, run_.doc.tokens.end(), q.end,
                                       [](const Token& t, std::uint32_t e) { return t.begin < e; });
    const auto b = static_cast<std::size_t>(past - run_.doc.tokens.begin());
    if (b <= a) continue;
    ++starts[a];
    --starts[b];
  }
  int open = 0;
  for (std::size_t k = 0; k < run_.doc.tokens.size(); ++k) quoted_[k] = (open += starts[k]) > 0;
}

void QuotePass::find_sentence_cues() {
  const auto& sentences = run_.doc.sentences;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const CueHit& h : run_.cues_of_sentence(s)) (quoted_[h.verb] ? quoted_cues_ : cues_)[s].push_back(h);
  }
}

void QuotePass::attribute_sentence(std::size_t s) {
  run_.consumed_markers.clear();
  const Sentence& sentence = run_.doc.sentences[s];
  const std::uint32_t sentence_begin = sentence.token_begin, sentence_end = sentence.token_end;
  if (last_speaker_ != kNone && sentence.paragraph > last_speaker_paragraph_ + 1) last_speaker_ = kNone;
  note_sentence_subject(s, sentence_begin, sentence_end);
  // (a) Quotations opening in this sentence.
  const std::vector<std::size_t> here = quotes_opening_in(sentence);
  for (std::size_t qi : here) find_speaker(qi, s);
  // (b) Cues of this sentence that no quotation consumed.
  const int previous_speaker = handle_sentence_cues(s, sentence_begin, sentence_end, sentence.paragraph);
  // (c) Source markers.
  run_.handle_source_markers(s, quoted_, cues_[s], quotes_, quote_done_);
  run_.handle_speech_act_nouns(s, quoted_, cues_[s], quotes_, quote_done_);
  // (d) Quotations not absorbed by a clause.
  share_cue_along_list(here);
  for (std::size_t qi : here) add_quote_claim(qi, s, previous_speaker);
  // (e) Reports nested in the direct quotations, now that they have their speakers.
  handle_quoted_cues(s);
}

// Whether tokens [b, e) list things with no verb: they hold a comma and
// no finite verb or auxiliary, read as Run::holds_finite_verb does (any
// finite reading) but for a word the tagger reads as a noun after a
// determiner (« sa fuite », « son vol »). A line with no comma (a title, a
// name heading the text) is no list.
static bool verbless_list(const Run& run, std::uint32_t b, std::uint32_t e) {
  bool comma = false;
  for (std::uint32_t k = b; k < e; ++k) {
    comma |= run.is_comma(k);
    if (run.has(k, WordClasses::kAux) || (run.tags_[k].pos & kPosFiniteVerb)) return false;
    if ((run.tags_[k].readings & kPosFiniteVerb) && !(k > b && (run.tags_[k - 1].pos & kPosDeterminer))) return false;
  }
  return comma;
}

// How far into its sentence the infinitive after « on entend X » is
// looked for (issue 11: a bounded scan).
constexpr std::uint32_t kPerceivedInfinitiveTokens = 30;

// « on entend / voit / écoute X + infinitive »: the subject of the
// infinitive (Run::perceived_speaker) when the verb of perception has on
// for subject, as a new mention if it names a person; kNone otherwise.
static int perceived_by_on(Run& run, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  const std::uint32_t end = std::min(sentence_end, sentence_begin + kPerceivedInfinitiveTokens);
  for (std::uint32_t k = sentence_begin + 1; k < end; ++k) {
    if (!(run.tags_[k].pos & kPosInfinitive)) continue;
    const Np np = run.perceived_speaker(k, sentence_begin);
    if (!np.valid() || np.begin < sentence_begin + 2 || !run.has_grammar(np.begin - 2, WordClasses::kOnWord)) continue;
    const std::size_t made = run.out.mentions.size();
    const int m = run.mention_with_apposition(np, k);
    if (m != kNone && run.out.mentions[m].type == EntityType::kPerson && run.is_entity_mention(m)) return m;
    run.out.mentions.resize(made);
    return kNone;
  }
  return kNone;
}

void QuotePass::note_sentence_subject(std::size_t s, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  // The subject of the sentence, for pronouns later on.
  if (quoted_[sentence_begin] || run_.tok(sentence_begin).kind == TokenKind::kQuoteMark) return;
  int subject = run_.sentence_subject(sentence_begin, sentence_end, sentence_end);
  // « Le président se redresse. Lui demande de répéter. »: the subject left out.
  if (subject == kNone) subject = run_.subject_left_out(s);
  // A sentence with no finite verb that lists things (« La voiture, son
  // ADN, sa fuite. »): an item of it is no one the pronouns after it take
  // up (« …, dit-elle » is still the judge's).
  // The list may end on an ellipsis that the quotation after it opens no
  // new sentence after (« La voiture, son ADN, sa fuite… « Cet homme ment »
  // dira-t-elle. »); a quotation inside the sentence otherwise goes on
  // with it (« Me X, « venu soutenir un confrère », hausse le ton »).
  std::uint32_t list_end = sentence_begin;
  while (list_end < sentence_end && run_.tok(list_end).kind != TokenKind::kQuoteMark) ++list_end;
  if (list_end < sentence_end && !(list_end > sentence_begin && (run_.tok(list_end - 1).lower == "\u2026" ||
                                                                 run_.tok(list_end - 1).lower == "...")))
    list_end = sentence_end;
  // Not a label that opens on the person, a name or a role, with an
  // apposition (« Marc Delorme, éleveur dans le Cantal. » introduces his
  // words).
  const std::uint32_t head = run_.has(sentence_begin, WordClasses::kDet) ? sentence_begin + 1 : sentence_begin;
  const bool label = head < list_end && (run_.is_name_word(head) || run_.title_of(head) || run_.role_of(head));
  if (subject != kNone && !label && run_.tok_of(run_.out.mentions[subject].end - 1) < list_end &&
      verbless_list(run_, sentence_begin, list_end))
    subject = kNone;
  // An intertitle (« Déception générale. ») is no subject the sentences
  // after it take up (well_formed_phrase).
  if (subject != kNone && !run_.out.mentions[subject].pronoun &&
      !run_.well_formed_phrase(run_.tok_of(run_.out.mentions[subject].begin),
                               run_.tok_of(run_.out.mentions[subject].end - 1) + 1))
    subject = kNone;
  // « Dans le reportage, on entend le maire Luc Petit prononcer des
  // insultes. Il … »: with on for subject, the one perceived speaking,
  // subject of the infinitive, is whom the sentence is about.
  if (subject == kNone || run_.out.mentions[subject].pronoun)
    if (const int perceived = perceived_by_on(run_, sentence_begin, sentence_end); perceived != kNone)
      subject = perceived;
  // A description by a person noun (le prévenu, la plaignante) is someone
  // the pronouns after it take up as well as a role is: a subject that is
  // no entity mention is typed as a person here when it is one
  // (type_person_description sets its type), else it is no subject.
  if (subject != kNone && !run_.is_entity_mention(subject) && !run_.type_person_description(subject))
    subject = kNone;
  if (subject != kNone) {
    run_.note_salient(subject);
    if (run_.sentence_subjects_.size() != run_.doc.sentences.size())
      run_.sentence_subjects_.assign(run_.doc.sentences.size(), kNone);
    run_.sentence_subjects_[s] = subject;
    // « La CGT et la CFDT ont signé l'accord. Selon elles, … »: the
    // coordinated subject is the antecedent of a plural pronoun.
    if (const int both = run_.coordinated_subject(subject, sentence_end); both != kNone) run_.note_salient(both);
  }
  // The voice a body speaks through comes after it: the nearer antecedent.
  run_.note_salient(run_.voice_named_in(sentence_begin, sentence_end));
}

std::vector<std::size_t> QuotePass::quotes_opening_in(const Sentence& sentence) {
  std::vector<std::size_t> here;
  while (next_quote_ < quotes_.size() && quotes_[next_quote_].open < sentence.end) {
    if (quotes_[next_quote_].depth == 0 && quotes_[next_quote_].open >= sentence.begin) here.push_back(next_quote_);
    ++next_quote_;
  }
  return here;
}

QuoteSpan QuotePass::span_of(std::size_t qi, std::size_t s) const {
  const Quote& q = quotes_[qi];
  QuoteSpan at;
  at.quote = qi;
  at.sentence = s;
  at.sentence_begin = run_.doc.sentences[s].token_begin;
  at.sentence_end = run_.doc.sentences[s].token_end;
  at.open = run_.tok_of(q.open);
  at.close = q.balanced ? run_.tok_of(q.close) : run_.tok_of(q.end);
  at.close_sentence = run_.doc.sentence_at(q.balanced ? q.close : (q.end ? q.end - 1 : 0));
  at.close_sentence_end = run_.doc.sentences[at.close_sentence].token_end;
  std::uint32_t k = at.close + 1;
  if (k < at.close_sentence_end && run_.is_comma(k)) ++k;
  std::uint32_t incise_s = at.close_sentence, incise_end = at.close_sentence_end;
  if (k >= at.close_sentence_end) incise_s = run_.incise_in_next_sentence(at.close_sentence, k, incise_end);
  at.after_close = k;
  at.incise_sentence = incise_s;
  at.incise_end = incise_end;
  return at;
}

void QuotePass::give_quote(std::size_t qi, CueHit& h, int sp) {
  if (const int side = run_.side_speaking_as_on(sp); side != kNone) sp = side;  // Chez X, on dénonce « … »
  h.used = true;
  h.speaker = sp;
  run_.note_salient(sp);
  found_[qi].speaker = sp;
  found_[qi].cue = run_.cue_text(h);
  found_[qi].relation = h.entry->relation;
}

void QuotePass::give_speaker(std::size_t qi, int sp) {
  run_.note_salient(sp);
  found_[qi].speaker = sp;
}

void QuotePass::find_speaker(std::size_t qi, std::size_t s) {
  const QuoteSpan at = span_of(qi, s);
  QuoteFinding& f = found_[qi];
  // Direct: nothing of the writer's own sentence before the opener but an
  // introduction (X a déclaré :, Selon X,).
  f.direct = at.open == at.sentence_begin || (at.open > at.sentence_begin && run_.tok(at.open - 1).lower == ":");
  incise_after(at);
  if (f.speaker == kNone) inverted_incise_after(at);
  if (f.speaker != kNone && !f.direct) f.begin = clause_reported_by_incise(at);
  if (f.speaker == kNone) incise_inside(at);
  if (f.speaker == kNone) marker_after(at);
  if (f.speaker == kNone) statement_taken_up_after(at);
  if (f.speaker == kNone) author_named_after(at);
  if (f.speaker == kNone) subject_and_cue_after(at);
  if (f.speaker == kNone) verbless_name_after(at);
  if (at.open > at.sentence_begin) {
    if (f.speaker == kNone) cue_before(at);
    if (f.speaker == kNone) speech_noun_before_colon(at);
    if (f.speaker == kNone) passive_agent_before_colon(at);
    if (f.speaker == kNone) narrated_act_before_colon(at);
    if (f.speaker == kNone) marker_clause_before_colon(at);
    if (f.speaker == kNone) name_before_colon(at);
    if (f.speaker == kNone) marker_before(at);
    if (f.speaker == kNone) passive_agent_after(at);
  }
  if (f.speaker == kNone && at.open == at.sentence_begin && s > 0) colon_ending_previous_sentence(at);
}

std::uint32_t QuotePass::clause_reported_by_incise(const QuoteSpan& at) const {
  // An incise after a fragment reports the clause the fragment ends, begun
  // by the writer before the opening mark (GOLD_FORMAT: a fragment inside
  // a reported clause gives the whole clause): « Les urgences « sont
  // vitales », a déclaré le maire », « Le chantier « prendra deux ans »,
  // a prévenu l'architecte ». The clause starts after the last comma,
  // colon or semicolon before the mark, past a connector (car, mais, or),
  // and within kMaxClauseTokens; not when a quotation or a cue stands in it
  // (the fragment is then that cue's complement, or one of a list), nor
  // after que, which leaves the clause to the cue before it.
  constexpr std::uint32_t kMaxClauseTokens = 40;
  const Quote& q = quotes_[at.quote];
  if (!q.balanced || at.open <= at.sentence_begin) return QuoteFinding::kQuoteBegin;
  // A word ending in a period before the mark (« etc. « … ») ends a
  // sentence the segmenter read as an abbreviation.
  const std::string_view before = run_.tok(at.open - 1).lower;
  if (!before.empty() && before.back() == '.') return QuoteFinding::kQuoteBegin;
  std::uint32_t b = at.open;
  for (; b > at.sentence_begin; --b) {
    const std::uint32_t k = b - 1;
    const std::string_view w = run_.tok(k).lower;
    if (w == "," || w == ":" || w == ";" || w == "(" || w == ")" || w == "-" || w == "–" || w == "—") break;
    if (run_.tok(k).kind == TokenKind::kQuoteMark || quoted_[k] || run_.is_que(k) || at.open - k > kMaxClauseTokens)
      return QuoteFinding::kQuoteBegin;
  }
  while (b < at.open && run_.has(b, WordClasses::kConj)) ++b;
  if (b >= at.open) return QuoteFinding::kQuoteBegin;
  // The sentence's cues are in token order: the first at or after b
  // decides, found by bisection (a sentence of many fragments and
  // incises would cost the square of its cues otherwise).
  const std::vector<CueHit>& cues = cues_[at.sentence];
  const auto h = std::lower_bound(cues.begin(), cues.end(), b,
                                  [](const CueHit& c, std::uint32_t token) { return c.first < token; });
  if (h != cues.end() && h->first < at.open) return QuoteFinding::kQuoteBegin;
  return run_.tok(b).begin;
}

// How many tokens back from a quotation's opener the qui of a relative
// clause holding it is looked for: a relative's verb group and adjuncts.
constexpr std::uint32_t kRelativeReach = 12;

bool QuotePass::inside_open_relative(const QuoteSpan& at) const {
  for (std::uint32_t k = at.open; k > at.sentence_begin + 2 && at.open - k < kRelativeReach;) {
    --k;
    if (run_.is_punct(k) || run_.tok(k).kind == TokenKind::kQuoteMark) return false;
    // « X, qui … »: the relative set off by a comma after its antecedent.
    if (run_.has_extra(k, WordClasses::kQuiWord)) return run_.is_comma(k - 1);
  }
  return false;
}

void QuotePass::incise_after(const QuoteSpan& at) {
  // « … », a déclaré X; « … », a-t-il dit.
  if (inside_open_relative(at)) return;
  // Only the cues starting right after the closing mark: in order
  // (cues_in_order), found by bisection (a sentence of many quotations
  // and incises would cost the square of its cues otherwise).
  std::vector<CueHit>& cues = cues_[at.incise_sentence];
  const bool in_order = cues_in_order(cues);
  auto from = cues.begin();
  if (in_order)
    from = std::lower_bound(cues.begin(), cues.end(), at.after_close,
                            [](const CueHit& c, std::uint32_t token) { return c.first < token; });
  for (auto it = from; it != cues.end(); ++it) {
    CueHit& h = *it;
    if (in_order && h.first > at.after_close) break;
    if (h.used || h.first != at.after_close) continue;
    if (!(h.entry->frames & (kFrameIncise | kFrameQue | kFrameObject))) continue;
    // A participle after the quotation opens no incise: its next noun
    // is its object (« … », appelant à porter une attention particulière …).
    if (h.form == VerbForm::kPresentParticiple && h.clitic == kNone) continue;
    int sp = kNone;
    if (h.clitic != kNone)
      sp = run_.make_mention(static_cast<std::uint32_t>(h.clitic), static_cast<std::uint32_t>(h.clitic) + 1);
    else sp = coordinated_incise_subject(run_.subject_after(h.last, at.incise_end), at.incise_end);
    if (sp == kNone && h.form == VerbForm::kFinite) continue;
    give_quote(at.quote, h, sp);
    break;
  }
}

int QuotePass::coordinated_incise_subject(int sp, std::uint32_t incise_end) {
  // The inverted subject of an incise may be coordinated (« … »,
  // s'indignent Bernard Roux et Anne Petit): the whole pair speaks when
  // each conjunct names someone; otherwise the first subject alone.
  if (sp == kNone) return sp;
  const std::size_t mentions = run_.out.mentions.size();
  const int both = run_.coordinated_subject(sp, incise_end);
  if (both != kNone && run_.conjunct_speakers(both).size() >= 2) return both;
  run_.out.mentions.resize(mentions);
  return sp;
}

void QuotePass::inverted_incise_after(const QuoteSpan& at) {
  // French inverts the subject after a verb only in a question or in an
  // incise: right after a quotation and its comma, « V + subject » is the
  // incise that says who spoke and how, whatever the verb (« … », grince
  // l'infirmière; « … », dégaine le coach; « … », sourit-elle). The verbs
  // of speech_verbs.tsv are incise_after's; this takes the others, of
  // manner, gesture or metaphor, by their finite reading (a compound tense
  // too: « … », a grogné X, a-t-il soupiré).
  // The incise follows the quotation's comma, or, after « … ! » and
  // « … ? », which take no comma, the closing mark itself (« Bah non ! »
  // grogne-t-il).
  const std::uint32_t end = at.incise_end;
  if (at.after_close >= end || at.after_close <= at.close || inside_open_relative(at)) return;
  // After « … ? » or « … ! » the comma may open the next sentence.
  const bool after_comma = at.incise_sentence <= at.close_sentence + 1 && at.after_close == at.close + 2 &&
                           run_.is_comma(at.close + 1);
  const std::string_view mark = at.close > 0 ? run_.tok(at.close - 1).lower : std::string_view();
  const bool after_exclamation = (mark == "!" || mark == "?") && !run_.is_comma(at.close + 1);
  if (!after_comma && !after_exclamation) return;
  std::uint32_t v = at.after_close;
  bool clitic = false;  // the subject is the clitic before the participle or after the verb
  if (run_.has(v, WordClasses::kAux) && v + 1 < end) {
    clitic = run_.tok(v + 1).kind == TokenKind::kClitic;
    v += clitic ? 2 : 1;
    if (v >= end || !(run_.tags_[v].readings & kPosPastParticiple)) return;
  } else if (!(run_.tags_[v].readings & kPosFiniteVerb)) {
    return;
  }
  // A form of être opens no incise: « … », soit la majorité (that is),
  // « … », sont-ils écrits (a passive, no speaker).
  const Token& verb = run_.tok(v);
  if (verb.kind != TokenKind::kWord || verb.capitalized || run_.has_extra(v, WordClasses::kPassiveEtre) ||
      run_.has(v, WordClasses::kSubj | WordClasses::kDet | WordClasses::kObj | WordClasses::kPrep))
    return;
  // The verb may govern an infinitive in de, à or par that carries the
  // speech (« … », a tenté de couper court la présidente; « … », finit par
  // lâcher X): the subject follows the chain and one adverb or adjective
  // of the phrase (court, net) that a determiner or a name must follow.
  std::uint32_t chain_end = v + 1;
  if (!clitic) {
    for (int links = 0; links < 2 && chain_end + 1 < end; ++links) {
      if (!(run_.is_bare_de(chain_end) || run_.has_extra(chain_end, WordClasses::kAForm | WordClasses::kParWord)) ||
          !(run_.tags_[chain_end + 1].readings & kPosInfinitive))
        break;
      chain_end += 2;
    }
    if (chain_end > v + 1 && chain_end + 1 < end && run_.tok(chain_end).kind == TokenKind::kWord &&
        (run_.tags_[chain_end].readings & (kPosAdverb | kPosAdjective)) &&
        (run_.has(chain_end + 1, WordClasses::kDet) || run_.tok(chain_end + 1).capitalized))
      ++chain_end;
  }
  const std::uint32_t subject = clitic ? at.after_close + 1 : chain_end;
  clitic = clitic || (subject < end && run_.tok(subject).kind == TokenKind::kClitic);
  const std::size_t mentions_before = run_.out.mentions.size();
  const int sp = clitic ? run_.make_mention(subject, subject + 1) : run_.subject_after(subject, end);
  // The subject closes the incise: the sentence ends or goes on past a
  // comma or a circumstance (« …, grince X, infirmière », « …, sourit-il
  // en quittant la salle »); a verb or que after it makes a clause of its
  // own (« …, pense le public qui … » is no incise of the quotation).
  bool closes = sp != kNone && (clitic || (run_.speaker_head_ok(sp) && run_.is_entity_mention(sp)));
  if (closes) {
    const std::uint32_t after = clitic ? std::max(subject, v) + 1 : run_.tok_of(run_.out.mentions[sp].end - 1) + 1;
    closes = after >= end || run_.is_punct(after) || (run_.tags_[after].pos & kPosPreposition) != 0;
  }
  if (!closes) {
    run_.out.mentions.resize(mentions_before);
    return;
  }
  give_speaker(at.quote, sp);
  found_[at.quote].cue = run_.text_of(at.after_close, clitic ? std::max(subject, v) + 1 : chain_end);
}

void QuotePass::incise_inside(const QuoteSpan& at) {
  // « Nous ne céderons pas, a-t-il déclaré, car la loi est de notre côté. »
  const Quote& q = quotes_[at.quote];
  std::uint32_t cb = run_.tok_of(q.begin), cend = std::min<std::uint32_t>(at.close, at.close_sentence_end);
  for (CueHit& h : run_.find_cues(cb, cend)) {
    // An incise inverts its subject: no subject pronoun opens it
    // (« D'heure en heure, nous espérons … » is a clause of the quotation).
    if (!(h.entry->frames & kFrameIncise) || h.first == cb || !run_.is_comma(h.first - 1) ||
        run_.has(h.first, WordClasses::kSubj))
      continue;
    int sp = kNone;
    if (h.clitic != kNone) {
      sp = run_.make_mention(static_cast<std::uint32_t>(h.clitic), static_cast<std::uint32_t>(h.clitic) + 1);
    } else if (h.form == VerbForm::kPastParticiple || h.form == VerbForm::kFinite) {
      // The incise ends at a comma or with its sentence (« …, a déclaré
      // Paul Girard. Cette situation … »).
      std::uint32_t close = h.last;
      while (close < cend && !run_.is_comma(close) && !run_.is_punct(close)) ++close;
      const bool ends_sentence =
          close < cend && run_.doc.sentences[run_.doc.sentence_at(run_.tok(close).begin)].token_end == close + 1;
      if (close < cend && (run_.is_comma(close) || ends_sentence)) sp = run_.subject_after(h.last, close);
    }
    if (sp == kNone) continue;
    give_speaker(at.quote, sp);
    found_[at.quote].cue = run_.cue_text(h);
    found_[at.quote].relation = h.entry->relation;
    break;
  }
}

void QuotePass::marker_after(const QuoteSpan& at) {
  // « … », selon son président, X.
  const std::uint32_t k = at.after_close, ce = at.close_sentence_end;
  if (!(k < ce && (run_.has_extra(k, WordClasses::kSelonWord) ||
                   (run_.is_bare_de(k) && k + 1 < ce && run_.has_extra(k + 1, WordClasses::kApresWord)))))
    return;
  const std::uint32_t source_begin = run_.has_extra(k, WordClasses::kSelonWord) ? k + 1 : k + 2;
  Np np = run_.np_forward(source_begin, ce);
  if (!np.valid() || !run_.source_like(np)) return;
  int sp = run_.mention_with_apposition(np, ce);
  if (sp == kNone) return;
  give_speaker(at.quote, sp);
  found_[at.quote].cue = run_.text_of(k, source_begin);
  if (at.open == at.sentence_begin) found_[at.quote].direct = true;
  run_.consumed_markers.push_back(k);
}

void QuotePass::verbless_name_after(const QuoteSpan& at) {
  // « Nous avons isolé le feu », le sergent-chef Georges Taho, des
  // sapeurs-pompiers: the press's incise without its verb, a person named
  // after the comma that closes the quotation, with nothing but
  // appositions after the name (no verb: « … », le maire l'a promis is
  // subject_and_cue_after's).
  // The quotation opens its sentence: a fragment inside one is the
  // sentence's own (« une « dérive », Paul Girard l'a dit »).
  const std::uint32_t k = at.after_close, ce = at.close_sentence_end;
  if (at.open != at.sentence_begin || k >= ce || k == at.close + 1 || at.incise_sentence != at.close_sentence)
    return;
  for (std::uint32_t q = k; q < ce; ++q)
    if ((run_.tags_[q].pos & (kPosFiniteVerb | kPosPresentParticiple | kPosPastParticiple | kPosInfinitive)) ||
        run_.has(q, WordClasses::kAux) || run_.tok(q).kind == TokenKind::kQuoteMark)
      return;
  const Np np = run_.np_forward(k, ce);
  if (!np.valid() || !run_.speaker_like(np)) return;
  const int sp = run_.mention_with_apposition(np, ce);
  if (sp == kNone || run_.out.mentions[sp].type != EntityType::kPerson) return;
  give_speaker(at.quote, sp);
}

bool QuotePass::opens_clause(std::uint32_t from, std::uint32_t to) const {
  for (std::uint32_t t = from; t < to; ++t)
    if (run_.is_que(t) || (run_.tags_[t].pos & (kPosFiniteVerb | kPosPresentParticiple)) != 0) return true;
  return false;
}

int QuotePass::incise_subject_after_comma(const CueHit& h, std::uint32_t from, std::uint32_t ne) {
  // After a comma, a finite cue followed by its subject is an incise that
  // ends the sentence's clause (« Il y a « de la colère » chez les agents, a
  // expliqué le délégué »): the inverted subject speaks, not a noun before
  // the comma. Not a participle, whose next noun is its object
  // (« …, contredisant les propos de la ministre »), nor an incise inside a
  // clause of its own after the quotation (« … » qui, soulignent certains,
  // …): no verb, que or relative pronoun between the quotation and the cue.
  if (!run_.is_comma(h.first - 1) || h.form == VerbForm::kPresentParticiple || h.form == VerbForm::kInfinitive)
    return kNone;
  if (opens_clause(from, h.first)) return kNone;
  for (std::uint32_t t = from; t < h.first; ++t)
    if (run_.has_grammar(t, WordClasses::kRelativePronoun)) return kNone;
  return coordinated_incise_subject(run_.subject_after(h.last, ne), ne);
}

bool QuotePass::cue_reports_own_complement(const CueHit& h, std::uint32_t ne) const {
  // Right after the cue and its adverbs, or past its circumstances and
  // audience (« a reconnu en conférence de presse que … »): que, an
  // infinitive, a quotation, or de / à + infinitive when the cue takes
  // them (« Le juge menace de le faire évacuer »).
  for (const std::uint32_t after : {run_.skip_adverbs(h.last, ne), run_.complement_start(h, ne)}) {
    if (after >= ne) continue;
    if (run_.is_que(after) || run_.is_infinitive_like(after, ne) || run_.tok(after).kind == TokenKind::kQuoteMark)
      return true;
    if (infinitive_after_preposition(h, after, ne)) return true;
  }
  return false;
}

// How far after a quotation the cue whose subject follows it may start
// (« … » Blinken a déclaré): the subject's noun phrase.
constexpr std::uint32_t kCueAfterQuoteTokens = 6;

void QuotePass::subject_and_cue_after(const QuoteSpan& at) {
  // « … » Blinken a déclaré mardi dans un communiqué: the subject then
  // the cue after the quote, in the same sentence or the next one.
  const auto& sentences = run_.doc.sentences;
  std::uint32_t ns = at.close_sentence;
  std::uint32_t from = at.close + 1;
  if (from >= at.close_sentence_end && at.close_sentence + 1 < sentences.size() &&
      sentences[at.close_sentence + 1].paragraph == sentences[at.sentence].paragraph) {
    ns = at.close_sentence + 1;
    from = sentences[ns].token_begin;
  }
  const std::uint32_t ne = sentences[ns].token_end;
  // Only the cues starting in (from, from + kCueAfterQuoteTokens]: in order
  // (cues_in_order), found by bisection (a sentence of many quotations
  // after cues would cost the square of its cues otherwise).
  std::vector<CueHit>& cues = cues_[ns];
  const bool in_order = cues_in_order(cues);
  auto first = cues.begin();
  if (in_order)
    first = std::upper_bound(cues.begin(), cues.end(), from,
                             [](std::uint32_t token, const CueHit& c) { return token < c.first; });
  for (auto it = first; it != cues.end(); ++it) {
    CueHit& h = *it;
    if (in_order && h.first > from + kCueAfterQuoteTokens) break;
    if (h.used || h.first <= from || h.first > from + kCueAfterQuoteTokens) continue;
    // The cue must have no complement of its own.
    std::uint32_t after = run_.skip_adverbs(h.last, ne);
    // Its clitic le is its object, the statement just quoted: a verb of
    // hearing used only as an incise takes it (« Les salariés l'ont appris
    // par la presse »), it is no speaker's (statement_taken_up_after); nor
    // is it the speaker's of a verb that denies, blames or praises it (« La
    // direction l'a démenti », « le maire l'a salué »): only a verb of
    // relation states takes up one's own words.
    if (run_.has_grammar(h.first, WordClasses::kStatementClitic) &&
        (!(h.entry->frames & (kFrameQue | kFrameObject)) || h.entry->relation != Relation::kStates))
      continue;
    if (cue_reports_own_complement(h, ne)) continue;
    if (after < ne && run_.tok(after).lower == ":") continue;
    // In the next sentence a cue with a noun phrase for its object says
    // something new of its own (« « La demande a chuté. » L'entreprise
    // met en avant le contexte »): a quotation that goes on with an earlier
    // speaker is not its. With no earlier speaker, the sentence after a
    // quotation introduces who spoke (« « On a tout perdu. » Les sinistrés
    // attendent leurs indemnisations »).
    if (ns != at.close_sentence && last_speaker_ != kNone) {
      const std::uint32_t object = run_.complement_start(h, ne);
      if (object < ne && run_.has(object, WordClasses::kDet) && !run_.has(object, WordClasses::kPrep)) continue;
    }
    const int inverted = h.clitic == kNone ? incise_subject_after_comma(h, from, ne) : kNone;
    int sp = h.clitic != kNone ? run_.make_mention(h.clitic, h.clitic + 1)
             : inverted != kNone ? inverted
                                 : run_.subject_before(h.first, from, ne);
    if (sp == kNone) continue;
    // A subject inside a clause of its own speaks no quotation before
    // it (« … » et estime que la reprise se confirmera; « … »,
    // exigeant une révision complète).
    const bool own_clause =
        h.clitic == kNone && inverted == kNone && opens_clause(from, run_.tok_of(run_.out.mentions[sp].begin));
    if (own_clause) continue;
    give_quote(at.quote, h, sp);
    if (at.open == at.sentence_begin) found_[at.quote].direct = true;
    break;
  }
}

// How far into the sentence after a quotation the verb that takes it up
// may stand: past a subject with its apposition (« Le préfet de la Sarthe,
// Emmanuel Aubry, l'a répété »).
constexpr std::uint32_t kTakenUpTokens = 20;

bool QuotePass::sentence_after_quote(const QuoteSpan& at, std::size_t& ns, std::uint32_t& nb, std::uint32_t& ne) const {
  return at.open == at.sentence_begin && run_.sentence_after_quotation(at.close, ns, nb, ne);
}

void QuotePass::author_named_after(const QuoteSpan& at) {
  // « … » Les mots sont de X. / L'annonce a été faite par X. / Ces propos
  // du maire … : the sentence after the quotation opens on a noun of
  // speech (words.tsv's speechsource) that takes it up, and names its
  // author by de right after the noun or after être, or by par after a
  // participle (the agent of a passive).
  std::size_t ns = 0;
  std::uint32_t nb = 0, ne = 0;
  if (!sentence_after_quote(at, ns, nb, ne) || nb + 3 >= ne || !run_.has(nb, WordClasses::kDet) ||
      !run_.has_anchor(nb + 1, WordClasses::kSpeechSource))
    return;
  for (std::uint32_t p = nb + 2; p + 1 < ne && p < nb + kTakenUpTokens; ++p) {
    // De right after the noun names the author of the words taken up only
    // after a demonstrative (« Ces propos du maire … »); « La déclaration
    // de la CGT allait dans le même sens » reports another statement.
    const bool de = run_.is_de(p) && ((p == nb + 2 && run_.has_grammar(nb, WordClasses::kDemonstrative)) ||
                                      run_.has(p - 1, WordClasses::kAux));
    // The participle, then perhaps a time word: « a été faite samedi par ».
    const std::uint32_t participle = p - 1 > nb + 1 && run_.bare_time_word(p - 1) ? p - 2 : p - 1;
    const bool par =
        run_.has_extra(p, WordClasses::kParWord) && (run_.tags_[participle].readings & kPosPastParticiple) != 0;
    if (!de && !par) continue;
    // du, des are de and the article of the source's noun phrase.
    const Np np = run_.np_forward(run_.has(p, WordClasses::kDet) ? p : p + 1, ne);
    if (!np.valid() || !run_.source_like(np)) return;
    const int sp = run_.mention_with_apposition(np, ne);
    if (sp != kNone) give_speaker(at.quote, sp);
    return;
  }
}

void QuotePass::statement_taken_up_after(const QuoteSpan& at) {
  // French takes up a statement just quoted by ce que (« C'est ce qu'a
  // affirmé X », « Voilà ce que X a assuré »), by ainsi (« Ainsi s'est
  // exprimé X ») or by the clitic le (« X l'a répété mardi »), the object
  // of a verb of saying: its subject, after or before the verb, speaks.
  std::size_t ns = 0;
  std::uint32_t nb = 0, ne = 0;
  if (!sentence_after_quote(at, ns, nb, ne)) return;
  for (CueHit& h : cues_[ns]) {
    if (h.first > nb + kTakenUpTokens) break;
    if (h.used || h.clitic != kNone || h.first == nb ||
        (h.form != VerbForm::kFinite && h.form != VerbForm::kPastParticiple))
      continue;
    // Le and ce que are the verb's object: a verb that reports a statement
    // (a que clause or an object), not one of hearing used as an incise
    // (« Les salariés l'ont appris par la presse »); ainsi, an adverb of
    // manner, goes with any verb of saying (« Ainsi s'est exprimé X »).
    // Only a verb of relation states: the subject of « C'est ce qu'a nié
    // (dénoncé, salué) X » answers someone else's words (a fear, warns in
    // speech_verbs.tsv, is no statement either: « C'est ce que redoutent
    // les habitants »).
    const bool ainsi = run_.has_extra(h.first - 1, WordClasses::kAinsiWord) && h.first - 1 == nb;
    if ((!ainsi && !(h.entry->frames & (kFrameQue | kFrameObject))) || h.entry->relation != Relation::kStates)
      continue;
    int sp = kNone;
    if (ainsi || run_.has_grammar(h.first, WordClasses::kStatementClitic)) {
      sp = run_.subject_before(h.first, nb, ne);  // X l'a répété
      if (sp == kNone) sp = run_.subject_after(h.last, ne);  // Ainsi l'a dit X, Ainsi parle X
    } else {
      // ce que, then the verb and its subject, or the subject and the verb.
      std::uint32_t que = h.first;
      while (que > nb && h.first - que < kMaxNpTokens && !run_.is_que(que - 1) && !run_.is_punct(que - 1)) --que;
      if (que <= nb + 1 || !run_.is_que(que - 1) || !run_.has_grammar(que - 2, WordClasses::kCeWord)) continue;
      sp = que == h.first ? run_.subject_after(h.last, ne) : run_.subject_before(h.first, que, ne);
    }
    // Someone who speaks: a study that brings out a fact (« C'est ce que
    // met en évidence une étude ») confirms the quotation, it did not say it.
    if (sp == kNone || !run_.names_someone(sp)) continue;
    give_quote(at.quote, h, sp);
    found_[at.quote].direct = true;
    return;
  }
}

// How many tokens may stand between an introducing cue and its colon: a
// few adjuncts (a déclaré devant les préfets : « … »), and more when they
// hold no finite verb, as a long adjunct of manner (« a fait part de sa
// colère, parfois en des termes vifs et sans détour : « … » »). Bounded.
constexpr std::uint32_t kIntroAdjunctTokens = 10;
constexpr std::uint32_t kIntroLongAdjunctTokens = 18;

// The first of `cues` that may end within `reach` tokens before `token`:
// in order (cues_in_order), the first ending at token - reach or after,
// found by bisection; else the first of all.
static std::vector<CueHit>::iterator first_cue_within(std::vector<CueHit>& cues, std::uint32_t token,
                                                      std::uint32_t reach) {
  if (!cues_in_order(cues) || token <= reach) return cues.begin();
  return std::lower_bound(cues.begin(), cues.end(), token - reach,
                          [](const CueHit& c, std::uint32_t at) { return c.last < at; });
}

void QuotePass::cue_before(const QuoteSpan& at) {
  // X a déclaré : « … »
  const std::uint32_t open_token = at.open;
  std::uint32_t before = open_token;
  if (run_.tok(before - 1).lower == ":" || run_.is_comma(before - 1)) --before;
  // A cue ending more than kIntroReach tokens before `before` is too far
  // both as an introduction (kIntroLongAdjunctTokens) and as an incise
  // (incise_subject_before_quote, kMaxNpTokens): in order (cues_in_order),
  // only the cues from the first ending within that reach are read, found
  // by bisection (a sentence of many quotations after cues would cost the
  // square of its cues otherwise).
  constexpr std::uint32_t kIntroReach = std::max(kIntroLongAdjunctTokens, kMaxNpTokens);
  std::vector<CueHit>& cues = cues_[at.sentence];
  const bool in_order = cues_in_order(cues);
  for (auto it = first_cue_within(cues, before, kIntroReach); it != cues.end(); ++it) {
    CueHit& h = *it;
    if (in_order && h.last > before) break;
    if (h.used || h.last > before) continue;
    // A bare participle qualifying a noun (« … à X accusé d'avoir … : « … » »)
    // introduces no quotation: its report is passive.
    if (h.passive && h.first == h.verb) continue;
    // Adjuncts may stand between the cue and the colon (a déclaré
    // devant les préfets : « … »), but no clause of its own.
    bool adjuncts_only = h.last == before || run_.tok(open_token - 1).lower == ":";
    for (std::uint32_t t = h.last; t < before && adjuncts_only; ++t)
      if (run_.is_que(t) || run_.tok(t).kind == TokenKind::kQuoteMark || (run_.is_punct(t) && !run_.is_comma(t)))
        adjuncts_only = false;
    const int inverted = adjuncts_only ? kNone : incise_subject_before_quote(h, before, at.sentence_begin);
    const std::uint32_t gap = before - h.last;
    const bool too_far = gap > kIntroLongAdjunctTokens ||
                         (gap > kIntroAdjunctTokens &&
                          run_.holds_finite_verb(run_.tok(h.last).begin, run_.tok(before).begin));
    if (inverted == kNone && (!adjuncts_only || too_far)) continue;
    if (cue_between(at.sentence, h.last, before)) continue;
    // A present participle after a comma (« ont critiqué la défense,
    // parlant de « … » ») has the main verb's subject, never the noun
    // before the comma: speaker_of_cue reads the finite clause before it.
    const bool detached_participle = h.form == VerbForm::kPresentParticiple && h.clitic == kNone &&
                                     h.first > at.sentence_begin && run_.is_comma(h.first - 1);
    // « Le maire a entendu le ministre dire « … » »: the one heard speaks,
    // never the one who hears (as speaker_of_cue reads a que clause).
    const Np perceived = h.form == VerbForm::kInfinitive && h.clitic == kNone
                             ? run_.perceived_speaker(h.first, at.sentence_begin)
                             : Np{};
    int sp = inverted != kNone ? inverted
             : h.clitic != kNone ? run_.clitic_subject(h, at.sentence_begin)
             : perceived.valid() ? run_.make_mention(perceived.begin, perceived.end)
             : h.form == VerbForm::kInfinitive
                 ? run_.subject_of_infinitive(h, at.sentence_begin, at.sentence_end)
             : detached_participle ? run_.speaker_of_cue(h, at.sentence, kNone)
                                   : run_.subject_before(h.first, at.sentence_begin, at.sentence_end);
    if (sp == kNone) sp = last_speaker_;
    // "Et d'ajouter : « … »" continues the last subject or speaker.
    if (sp == kNone && h.form == VerbForm::kInfinitive && !run_.salience.empty()) sp = run_.salience.back();
    give_quote(at.quote, h, sp);
    if (run_.tok(open_token - 1).lower == ":") found_[at.quote].direct = true;
    break;
  }
}

int QuotePass::incise_subject_before_quote(const CueHit& h, std::uint32_t comma, std::uint32_t sentence_begin) {
  // « Pour l'instant, précise le procureur, Julien Roux, « … » », « En
  // effet, nous dit X, « … » »: a verb of saying set off by commas before
  // the quotation (past the object clitic of its audience), its subject
  // inverted after it and closed by the comma that opens the quotation.
  if (h.clitic != kNone || h.form != VerbForm::kFinite || !run_.is_comma(comma) || comma - h.last > kMaxNpTokens)
    return kNone;
  std::uint32_t lead = h.first;
  while (lead > sentence_begin && run_.has(lead - 1, WordClasses::kObj) && !run_.has(lead - 1, WordClasses::kDet)) --lead;
  if (lead <= sentence_begin || !run_.is_comma(lead - 1)) return kNone;
  const std::size_t mentions_before = run_.out.mentions.size();
  const int sp = run_.subject_after(h.last, comma);
  // Someone, not a thing that tells (« raconte une vieille chanson »).
  if (sp != kNone && run_.tok_of(run_.out.mentions[sp].end - 1) + 1 == comma && run_.names_someone(sp)) return sp;
  run_.out.mentions.resize(mentions_before);
  return kNone;
}

void QuotePass::narrated_act_before_colon(const QuoteSpan& at) {
  // "Jean-François se tortille : « … »", "La juge hausse le ton : « … »":
  // the subject of the act before the colon speaks.
  if (run_.tok(at.open - 1).lower != ":" || at.open - 1 <= at.sentence_begin) return;
  int sp = run_.subject_before_colon(at.sentence_begin, at.open - 1, at.sentence_end);
  if (sp == kNone) return;
  give_speaker(at.quote, sp);
  found_[at.quote].direct = true;
}

// How many tokens a verb group may take between the author of a noun of
// speech and the colon: « ne s'est pas fait attendre », « est sans appel ».
constexpr std::uint32_t kSpeechNounVerbTokens = 8;

// The author of a noun of speech (words.tsv's speechsource) that opens
// tokens [nb, end) after its article, named by its complement in de, a
// source (Run::source_like): « La réponse de la ministre », « Le constat
// du maire »; with `article_optional`, the noun may go without its
// article, as a heading does (« Réaction du maire : »). An invalid Np
// when there is none.
static Np author_of_speech_noun(const Run& run, std::uint32_t nb, std::uint32_t end, bool article_optional) {
  const bool article = run.has(nb, WordClasses::kDet);
  if (!article && !article_optional) return Np{};
  const std::uint32_t noun = article ? nb + 1 : nb;
  if (noun + 2 >= end || !run.has_anchor(noun, WordClasses::kSpeechSource) || !run.is_de(noun + 1)) return Np{};
  // du, des are de and the article of the author's noun phrase.
  const Np np = run.np_forward(run.has(noun + 1, WordClasses::kDet) ? noun + 1 : noun + 2, end);
  return np.valid() && run.source_like(np) ? np : Np{};
}

void QuotePass::speech_noun_before_colon(const QuoteSpan& at) {
  const std::uint32_t colon = at.open - 1;
  if (run_.tok(colon).lower != ":") return;
  const Np np = author_of_speech_noun(run_, at.sentence_begin, colon, true);
  if (!np.valid() || np.end > colon || colon - np.end > kSpeechNounVerbTokens) return;
  // Between the author and the colon, a verb group with its adverbs at
  // most, or only words of time (« La réponse de la ministre mardi : »):
  // no clause of its own, no other quotation.
  bool time_only = true;
  for (std::uint32_t k = np.end; k < colon; ++k) {
    if (run_.is_punct(k) || run_.is_que(k) || run_.tok(k).kind == TokenKind::kQuoteMark) return;
    time_only = time_only && (run_.tags_[k].pos & (kPosTime | kPosAdverb | kPosNumber)) != 0;
  }
  if (np.end < colon && !time_only && !run_.holds_finite_verb(run_.tok(np.end).begin, run_.tok(colon - 1).end))
    return;
  const int sp = run_.mention_with_apposition(np, colon);
  if (sp == kNone || !run_.names_someone(sp)) return;
  give_speaker(at.quote, sp);
  found_[at.quote].direct = true;
}

void QuotePass::passive_agent_before_colon(const QuoteSpan& at) {
  const std::uint32_t colon = at.open - 1;
  if (run_.tok(colon).lower != ":" || colon < at.sentence_begin + 4) return;
  for (std::uint32_t p = colon; p-- > at.sentence_begin + 2 && colon - p <= kSpeechNounVerbTokens;) {
    if (run_.is_punct(p) && !run_.is_comma(p)) return;
    if (!run_.has_extra(p, WordClasses::kParWord)) continue;
    // été and the participle right before par, as a passive is written.
    if (!(run_.tags_[p - 1].readings & kPosPastParticiple) || !run_.has_grammar(p - 2, WordClasses::kEteWord)) return;
    const Np np = run_.np_forward(p + 1, colon);
    if (!np.valid() || np.end != colon || !run_.speaker_like(np)) return;
    const int sp = run_.mention_with_apposition(np, colon);
    if (sp == kNone || !run_.names_someone(sp)) return;
    give_speaker(at.quote, sp);
    found_[at.quote].direct = true;
    return;
  }
}

void QuotePass::name_before_colon(const QuoteSpan& at) {
  // A headline or lead-in "X : « … »" with no verb: the name before the
  // colon speaks ("Emmanuel Macron : « Nous tiendrons »").
  if (run_.tok(at.open - 1).lower != ":" || at.open - 1 <= at.sentence_begin) return;
  Np np = run_.np_backward(at.open - 1, at.sentence_begin);
  bool apposition = false;
  if (!np.valid() || np.begin != at.sentence_begin) {
    // The name, then its apposition up to the colon, with no verb: « Lucas
    // Belvaux, réalisateur du film « Chez Nous » : « … » ».
    np = run_.np_forward(at.sentence_begin, at.open - 1, false);
    if (!np.valid() || !run_.is_comma(np.end)) return;
    for (std::uint32_t k = np.end; k < at.open - 1; ++k)
      if (run_.tags_[k].pos & (kPosFiniteVerb | kPosPresentParticiple)) return;
    apposition = true;
  }
  if (!run_.speaker_like(np)) return;
  int sp = run_.mention_with_apposition(np, at.open - 1);
  // Only someone: a named person or a state, not a topic
  // ("Réforme des retraites : « … »").
  if (sp != kNone) {
    const MentionInfo& mi = run_.out.mentions[sp];
    bool someone = (mi.type == EntityType::kPerson && (!mi.name.empty() || !mi.role_head.empty())) ||
                   (mi.type == EntityType::kCountry && !apposition);
    if (!someone) sp = kNone;
  }
  if (sp == kNone) return;
  give_speaker(at.quote, sp);
  found_[at.quote].direct = true;
}

void QuotePass::marker_before(const QuoteSpan& at) {
  // Selon X, « … » / Pour X, « … » / D'après X, « … »
  const std::uint32_t open_token = at.open;
  if (!run_.is_comma(open_token - 1)) return;
  std::uint32_t marker = 0, source_begin = 0;
  const int sp = run_.fronted_source(at.sentence_begin, open_token - 1, at.sentence_end, marker, source_begin, false);
  if (sp == kNone || run_.tok_of(run_.out.mentions[sp].end - 1) + 1 < open_token - 1) return;
  give_speaker(at.quote, sp);
  found_[at.quote].cue = run_.text_of(marker, source_begin);
  found_[at.quote].direct = true;
}

void QuotePass::marker_clause_before_colon(const QuoteSpan& at) {
  const std::uint32_t colon = at.open - 1;
  if (run_.tok(colon).lower != ":" || colon <= at.sentence_begin + 3) return;
  // Only a fronted pour gives the words after the colon (below): read on
  // the sentence's first word (after et or mais, as fronted_source reads
  // it) before anything is scanned.
  const std::uint32_t first = at.sentence_begin +
      (run_.has_extra(at.sentence_begin, WordClasses::kEtWord | WordClasses::kMaisWord) ? 1 : 0);
  if (!run_.has_extra(first, WordClasses::kPourWord)) return;
  // The comma that closes the source (and its apposition), within a noun
  // phrase's reach of the sentence's start; no quotation before the colon.
  const auto quote_mark = [this](std::uint32_t k) { return run_.tok(k).kind == TokenKind::kQuoteMark; };
  if (first_in_sentence(first_quote_mark_, at.sentence_begin, at.sentence_end, quote_mark) < colon) return;
  std::uint32_t marker = 0, source_begin = 0;
  const std::size_t mentions_before = run_.out.mentions.size();
  const int sp = run_.fronted_source(at.sentence_begin, colon, at.sentence_end, marker, source_begin, true);
  if (sp == kNone) return;
  // Pour gives an opinion its holder argues for after the colon; selon
  // reports what may be someone else's act (« Selon la police, le suspect
  // se lève : « … » »).
  const std::uint32_t after = run_.tok_of(run_.out.mentions[sp].end - 1) + 1;
  if (!run_.has_extra(marker, WordClasses::kPourWord) || after + 1 >= colon || !run_.is_comma(after) ||
      !run_.names_someone(sp)) {
    run_.out.mentions.resize(mentions_before);
    return;
  }
  give_speaker(at.quote, sp);
  found_[at.quote].cue = run_.text_of(marker, source_begin);
  found_[at.quote].direct = true;
}

void QuotePass::passive_agent_after(const QuoteSpan& at) {
  // The participle stands before the fragment, past de, comme or an
  // article (qualifiée de « … », jugée « … », décrite comme « … »).
  std::uint32_t p = at.open;
  while (p > at.sentence_begin && at.open - p < 3 &&
         (p == at.open || run_.is_bare_de(p) || run_.has(p, WordClasses::kDet) ||
          run_.has_grammar(p, WordClasses::kCommeWord)))
    --p;
  const bool participle = std::any_of(run_.forms(p).begin(), run_.forms(p).end(),
                                      [](const CueForm& f) { return f.form == VerbForm::kPastParticiple; });
  if (!participle || p == at.sentence_begin || run_.has(p - 1, WordClasses::kAux) || at.close + 2 >= at.close_sentence_end ||
      !run_.has_extra(at.close + 1, WordClasses::kParWord))
    return;
  Np agent = run_.np_forward(at.close + 2, at.close_sentence_end);
  if (!agent.valid() || !run_.speaker_like(agent)) return;
  const int sp = run_.mention_with_apposition(agent, at.close_sentence_end);
  if (sp == kNone) return;
  give_speaker(at.quote, sp);
  found_[at.quote].cue = run_.text_of(p, p + 1);
}

bool QuotePass::writer_observes(const CueHit& h, std::uint32_t sentence_begin) const {
  if (!run_.words.has_grammar(h.entry->verb, WordClasses::kObservationVerb)) return false;
  if (h.clitic != kNone) return run_.has_grammar(static_cast<std::uint32_t>(h.clitic), WordClasses::kOnWord);
  return h.first > sentence_begin && run_.has_grammar(h.first - 1, WordClasses::kOnWord);
}

bool QuotePass::cue_group_has_ne(const CueHit& h, std::uint32_t sentence_begin) const {
  const std::uint32_t from = h.first > sentence_begin ? h.first - 1 : h.first;
  for (std::uint32_t k = from; k <= h.last; ++k)
    if (run_.has_extra(k, WordClasses::kNeForm)) return true;
  return false;
}

bool QuotePass::negated_content(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) const {
  // « Le joueur n'a pas dit qu'il voulait partir », « L'UDC n'a pas
  // souhaité prendre position »: a negated cue reports no content; the
  // litotes (n'a pas exclu que, ne manque pas de rappeler) still do. An
  // attribute (ne s'est pas dit opposé) is what was said, and stays.
  // The ne of the cue group itself, not the one opening its content (a
  // affirmé ne pas se sentir en sécurité reports).
  // Ne … pas seulement restricts and says more (il n'a pas seulement dit
  // que …); a negative question with an inverted subject asserts (n'a-t-il
  // pas affirmé que … ?). The ne of « n'a cessé de rappeler » belongs to
  // the semi-auxiliary and makes it say more, like a litotes. A de
  // complement of a cue that takes one is its content too, a noun as well
  // as an infinitive (« elle ne se doutait nullement de la manœuvre »).
  bool negated = false, restricted = false;
  for (std::uint32_t k = h.first > sentence_begin ? h.first - 1 : h.first; k < h.last; ++k) {
    negated |= run_.has_extra(k, WordClasses::kNeForm);
    restricted |= run_.has_grammar(k, WordClasses::kRestrictiveWord | WordClasses::kSemiAuxiliaryNe);
  }
  const bool rhetorical_question = h.clitic != kNone && sentence_end > 0 && run_.tok(sentence_end - 1).lower == "?";
  if (!negated || restricted || rhetorical_question) return false;
  if (run_.words.has_grammar(h.entry->verb, WordClasses::kLitotesVerb)) return false;
  const std::uint32_t k = run_.complement_start(h, sentence_end);
  return k < sentence_end && (run_.is_que(k) || run_.is_infinitive_like(k, sentence_end) ||
                              run_.opens_indirect_question(h, k, sentence_end) ||
                              infinitive_after_preposition(h, k, sentence_end) ||
                              (run_.is_de(k) && (h.entry->frames & kFrameDe)));
}

bool QuotePass::infinitive_after_preposition(const CueHit& h, std::uint32_t k, std::uint32_t sentence_end) const {
  // De or à + infinitive right after the cue, when it takes them (« n'a
  // jamais osé lui demander de l'y conduire »).
  const bool de_or_a = (run_.is_de(k) && (h.entry->frames & kFrameDe)) ||
                       (run_.has_extra(k, WordClasses::kAForm) && (h.entry->frames & kFrameA));
  return de_or_a && run_.opens_infinitive(k + 1, sentence_end);
}

bool QuotePass::thing_shows(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  // An incise (…, indique son service de presse) has its speaker already;
  // so has a cue right after que, whose subject follows it (…, ce qu'a
  // confirmé le parquet): the rule that reads it judges that subject.
  if (h.incise || h.clitic != kNone || (h.form != VerbForm::kFinite && h.form != VerbForm::kPastParticiple) ||
      (h.first > sentence_begin && run_.is_que(h.first - 1)))
    return false;
  if (!run_.words.has_grammar(h.entry->verb, WordClasses::kShowingVerb)) return false;
  const bool document_verb = run_.words.has_grammar(h.entry->verb, WordClasses::kDocumentVerb);
  const std::size_t mentions_before = run_.out.mentions.size();
  // The subject stands after the que that opens the cue's clause (« …, ce
  // que le procureur a confirmé », « il dit que l'étude montre que … »).
  std::uint32_t clause_begin = sentence_begin;
  for (std::uint32_t k = h.first; k-- > sentence_begin;)
    if (run_.is_que(k)) {
      clause_begin = k + 1;
      break;
    }
  const int subject = run_.subject_before(h.first, clause_begin, sentence_end);
  // Montrer, prouver need their document or body named before them.
  bool thing = document_verb && subject == kNone;
  if (subject != kNone) {
    const MentionInfo& m = run_.out.mentions[subject];
    // A pronoun may stand for someone; a noun must name someone or a
    // source. Montrer, prouver: a person or a state shows by deeds (le
    // joueur a montré qu'il était en forme); only a document or a body
    // reports through them.
    thing = !m.pronoun && !run_.speaker_head_ok(subject);
    if (document_verb)
      thing |= m.pronoun || m.type == EntityType::kPerson || m.type == EntityType::kCountry ||
               m.type == EntityType::kGroup;
  }
  run_.out.mentions.resize(mentions_before);
  return thing;
}

bool QuotePass::open_question(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) const {
  // « Pourquoi a-t-elle voulu dire que … ? », « Le maire a-t-il annoncé
  // que … ? » ask whether it was said and report nothing. A negated one
  // asserts (n'a-t-il pas affirmé que … ?); an incise after a quoted
  // question (« Pourquoi ? », demande-t-il) and a cue before a quotation
  // report the quotation.
  if (h.incise || h.clitic == kNone || sentence_end <= h.last || run_.tok(sentence_end - 1).lower != "?")
    return false;
  for (std::uint32_t k = h.last; k < sentence_end; ++k)
    if (quoted_[k] || run_.tok(k).kind == TokenKind::kQuoteMark) return false;
  return !cue_group_has_ne(h, sentence_begin);
}

void QuotePass::colon_ending_previous_sentence(const QuoteSpan& at) {
  // A quotation opening its sentence after a sentence that ends on a
  // colon, in the paragraph before ("X a détaillé le dispositif :" ¶
  // « … »): the cue before the colon introduces it.
  const Sentence& previous = run_.doc.sentences[at.sentence - 1];
  const std::uint32_t pe = previous.token_end;
  if (pe <= previous.token_begin || quoted_[previous.token_begin]) return;
  // « Le maire a réagi. » then the quotation: a cue that ends its sentence
  // with no content of its own introduces it as a colon would.
  const bool colon = run_.tok(pe - 1).lower == ":";
  if (!colon && run_.tok(pe - 1).lower != ".") return;
  auto& previous_cues = cues_[at.sentence - 1];
  for (auto it = previous_cues.rbegin(); it != previous_cues.rend(); ++it) {
    CueHit& h = *it;
    if (h.used || h.last > pe - 1 || pe - 1 - h.last > 10) continue;
    // « Le maire n'a pas réagi. », « Personne n'a répondu. »: a negated
    // cue (personne and aucun always take ne) reports no speech.
    if (!colon && (h.speaker != kNone || !(h.form == VerbForm::kFinite || h.form == VerbForm::kPastParticiple) ||
                   !(h.entry->frames & kFrameIntro) || cue_group_has_ne(h, previous.token_begin) ||
                   run_.complement_start(h, pe - 1) != pe - 1))
      continue;
    bool adjuncts_only = true;
    for (std::uint32_t t = h.last; t < pe - 1 && adjuncts_only; ++t)
      if (run_.is_que(t) || run_.tok(t).kind == TokenKind::kQuoteMark || (run_.is_punct(t) && !run_.is_comma(t)))
        adjuncts_only = false;
    if (!adjuncts_only) continue;
    int sp = h.speaker != kNone  ? h.speaker
             : h.clitic != kNone ? run_.clitic_subject(h, previous.token_begin)
                                 : run_.subject_before(h.first, previous.token_begin, pe);
    if (sp == kNone) return;
    give_quote(at.quote, h, sp);
    found_[at.quote].direct = true;
    return;
  }
}

int QuotePass::handle_sentence_cues(std::size_t s, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                                    std::uint32_t paragraph) {
  // An incise without quotation marks takes the whole clause before it,
  // cues inside that clause included (« La Russie espère que …, a déclaré X »).
  std::vector<CueHit>& cues = cues_[s];
  std::size_t incise_at = 0;  // the cues before it sit in the clause an incise closes
  for (std::size_t c = cues.size(); c-- > 0;) {
    CueHit& h = cues[c];
    if (h.used || !run_.mark_incise(h, sentence_begin, sentence_end)) continue;
    for (std::size_t d = 0; d < c; ++d)
      if (!reports_own_subject(cues[d], h, sentence_begin, sentence_end)) cues[d].used = true;
    incise_at = c;
    break;
  }
  int previous_speaker = kNone;
  for (const CueHit& h : cues)
    if (h.used && h.speaker != kNone) previous_speaker = h.speaker;
  // The spans of the claims the sentence's cues made so far (they are
  // neither erased nor cut while its cues are handled).
  SpanCover sentence_claims;
  for (std::size_t at = 0; at < cues.size(); ++at) {
    CueHit& h = cues[at];
    if (h.used) {
      if (h.speaker != kNone) previous_speaker = h.speaker;
      continue;
    }
    if (reports_nothing(h, sentence_begin, sentence_end)) {
      h.used = true;
      continue;
    }
    const std::size_t first_new = run_.out.claims.size();
    const int voice = run_.last_claim_speaker_;
    run_.handle_cue(h, s, quotes_, quote_done_, quoted_, infinitive_speaker(h, sentence_claims, previous_speaker, sentence_begin, sentence_end),
                    cues);
    // A report kept inside the clause an incise closes is told by the
    // incise's speaker: its subject is not the voice the incise's pronoun
    // goes on with (« Le gouvernement demande au peuple de …, a-t-il
    // asséné »: the one who reports it).
    if (at < incise_at) run_.last_claim_speaker_ = voice;
    drop_nested_own_claims(first_new);
    // A cue inside the content reported by an earlier cue of the sentence
    // reports in the reported speaker's words (« attend des autorités
    // qu'elles recadrent les multinationales »): its subject is no voice
    // that a later quotation goes on with.
    const bool nested = sentence_claims.holds(run_.tok(h.first).begin, run_.tok(h.last - 1).end);
    for (std::size_t c = first_new; c < run_.out.claims.size(); ++c) {
      const AttributedClaim& made = run_.out.claims[c];
      if (made.kind != ClaimKind::kAct) sentence_claims.add(made.begin, made.end);
    }
    // Nor is it the antecedent of the next incise's il before the speaker
    // who reports it (« X rappelle que M. Y a annoncé … « … », a-t-il
    // dénoncé »: X): the outer speaker is made salient again.
    if (h.speaker != kNone && nested && previous_speaker != kNone) run_.note_salient(previous_speaker);
    if (h.speaker != kNone && !nested) {
      previous_speaker = h.speaker;
      std::uint32_t end = h.last;
      for (std::size_t c = first_new; c < run_.out.claims.size(); ++c)
        end = std::max(end, run_.tok_of(run_.out.claims[c].end - 1) + 1);
      note_last_speaker(h.speaker, paragraph, end);
    }
  }
  return previous_speaker;
}

bool QuotePass::reports_nothing(const CueHit& h, std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  // « La victime se rappelle avoir croisé le suspect »: remembering, no speech.
  const bool self_addressed = h.reflexive && run_.words.has_grammar(h.entry->verb, WordClasses::kSelfVerb);
  return self_addressed || writer_observes(h, sentence_begin) || negated_content(h, sentence_begin, sentence_end) ||
         thing_shows(h, sentence_begin, sentence_end) || open_question(h, sentence_begin, sentence_end);
}

bool QuotePass::reports_own_subject(const CueHit& h, const CueHit& incise, std::uint32_t sentence_begin,
                                    std::uint32_t sentence_end) {
  // « Le ministre m'a dit que tout irait bien, raconte la maire »: a cue
  // inside the clause an incise closes still reports its own subject's
  // words when that subject is named and its content follows (que, an
  // infinitive): the incise's speaker reports a report (GOLD_FORMAT,
  // nested reports: « … le gouvernement leur a demandé quelles …,
  // explique la syndicaliste », « Le club interdit à ses joueurs de …,
  // signale l'opposition »).
  if (h.clitic != kNone || (h.form != VerbForm::kFinite && h.form != VerbForm::kPastParticiple)) return false;
  if (!reports_content(h, sentence_end)) return false;
  const std::size_t mentions_before = run_.out.mentions.size();
  const int subject = run_.subject_before(h.first, sentence_begin, sentence_end);
  const bool own = subject != kNone && run_.speaker_head_ok(subject) && own_voice_beside_incise(subject, incise);
  run_.out.mentions.resize(mentions_before);
  return own;
}

bool QuotePass::own_voice_beside_incise(int subject, const CueHit& incise) const {
  const int incise_speaker = incise.speaker;
  const MentionInfo& named = run_.out.mentions[subject];
  // A pronoun of the third person whose antecedent is another than the
  // incise's speaker (« Le ministre montre qu'il … lorsqu'il accuse les
  // syndicats de …, estiment les partis »); a first-person pronoun is the
  // speaker's own voice (« Nous avons dit que …, a déclaré X »).
  if (named.pronoun && !run_.has_grammar(run_.tok_of(named.begin), WordClasses::kThirdPersonSubject)) return false;
  const int root = run_.root_of(subject);
  const int speaker_root = incise_speaker == kNone ? kNone : run_.root_of(incise_speaker);
  if (root == kNone || root == speaker_root) return false;
  const MentionInfo& who = run_.out.mentions[root];
  if (speaker_root != kNone) {
    const MentionInfo& incise_who = run_.out.mentions[speaker_root];
    if (who.name.empty() ? who.text == incise_who.text : who.name == incise_who.name) return false;
  }
  if (who.type == EntityType::kPerson) return true;
  // A body speaks for itself, unless the incise's speaker is its own
  // voice: « La Russie espère que …, a déclaré son porte-parole », « Le
  // club a demandé …, a indiqué le président du club » are the
  // spokesman's statements of the body's view.
  if (who.type != EntityType::kOrganization && who.type != EntityType::kCountry && who.type != EntityType::kGroup)
    return false;
  if (speaker_root == kNone || incise.clitic != kNone) return speaker_root != kNone;
  const std::uint32_t subject_at = run_.skip_adverbs(incise.last, run_.tok_of(run_.out.mentions[incise_speaker].end - 1) + 1);
  if (run_.has(subject_at, WordClasses::kPoss) || run_.has_grammar(subject_at, WordClasses::kThirdPossessive)) return false;
  // A state's own officials speak for it (« La France souhaite que …, a
  // déclaré le porte-parole du Quai d'Orsay »).
  const MentionInfo& voice_of = run_.out.mentions[incise_speaker];
  if (!who.state.empty() && (voice_of.state == who.state || run_.out.mentions[speaker_root].state == who.state))
    return false;
  const std::string body = fold_utf8(who.name.empty() ? who.role_head : who.name);
  const std::string voice = " " + fold_utf8(voice_of.text) + " ";
  return body.empty() || voice.find(" " + body + " ") == std::string::npos;
}

int QuotePass::infinitive_speaker(const CueHit& h, const SpanCover& sentence_claims, int previous_speaker,
                                  std::uint32_t sentence_begin, std::uint32_t sentence_end) {
  if (h.form != VerbForm::kInfinitive || !sentence_claims.holds(run_.tok(h.first).begin, run_.tok(h.last - 1).end))
    return previous_speaker;
  // The content's clause opens after the last que before the infinitive
  // (a bounded look back: a clause of the content, not the sentence).
  constexpr std::uint32_t kMaxClauseTokens = 40;
  std::uint32_t que = h.first;
  while (que > sentence_begin && h.first - que < kMaxClauseTokens && !run_.is_que(que - 1)) --que;
  if (que == sentence_begin || !run_.is_que(que - 1)) return kNone;
  const int sp = run_.sentence_subject(que, h.first, sentence_end);
  if (sp == kNone || run_.speaker_head_ok(sp)) return sp;
  run_.out.mentions.pop_back();
  return kNone;
}

bool QuotePass::reports_content(const CueHit& h, std::uint32_t sentence_end) {
  const std::uint32_t k = run_.complement_start(h, sentence_end);
  if (k >= sentence_end) return false;
  if (run_.is_que(k) || run_.is_infinitive_like(k, sentence_end)) return true;
  // An indirect question, right after a finite cue or past the one asked
  // (« leur a demandé quelles étaient les mesures »), not one's own
  // wondering (se demander), nor a participle's (« me demandant pourquoi
  // … » is as often wondering as asking).
  const bool finite = h.form == VerbForm::kFinite || h.form == VerbForm::kPastParticiple;
  if (finite && !run_.wonders(h)) {
    if (run_.opens_indirect_question(h, k, sentence_end)) return true;
    const std::size_t mentions_asked = run_.out.mentions.size();
    const bool asked = run_.question_after_asked(h, k, sentence_end) != 0;
    run_.out.mentions.resize(mentions_asked);
    if (asked) return true;
  }
  // The complement as the cue's own reading finds it past the one
  // addressed, its mentions left unmade; only que or an infinitive after
  // de or à counts (an object read as the content is no report of words).
  const std::size_t mentions_before = run_.out.mentions.size();
  const CueComplement c = run_.read_complement(h, k, sentence_end);
  run_.out.mentions.resize(mentions_before);
  const std::uint32_t b = c.content_begin;
  if (b <= k || c.act) return false;
  // Que past the one told, after à (« a dit au maire que »); after a noun
  // it opens a relative (« indique le chemin que nous devons prendre »).
  if (run_.is_que(b - 1)) return run_.has_extra(k, WordClasses::kAForm | WordClasses::kAuForm);
  return (run_.is_de(b - 1) || run_.has_extra(b - 1, WordClasses::kAForm)) && run_.opens_infinitive(b, sentence_end);
}

bool QuotePass::tells_own_past_words(const CueHit& h, std::uint32_t quote_begin) const {
  return !run_.narrative_ && h.form == VerbForm::kPastParticiple && first_person_subject(h, quote_begin);
}

bool QuotePass::first_person_subject(const CueHit& h, std::uint32_t quote_begin) const {
  const std::uint32_t p = subject_pronoun(h, quote_begin);
  return p != kNoSubjectPronoun && run_.has_grammar(p, WordClasses::kFirstPerson) &&
         !(run_.has(p, WordClasses::kObj) && !run_.has(p, WordClasses::kSubj));
}

bool QuotePass::own_opinion_with_on(const CueHit& h, std::uint32_t quote_begin) const {
  if (!run_.words.has_anchor(h.entry->verb, WordClasses::kOpinionVerb)) return false;
  if (h.clitic != kNone) return run_.has_grammar(static_cast<std::uint32_t>(h.clitic), WordClasses::kOnWord);
  const std::uint32_t p = subject_pronoun(h, quote_begin);
  return p != kNoSubjectPronoun && run_.has_grammar(p, WordClasses::kOnWord);
}

bool QuotePass::third_person_subject(const CueHit& h, std::uint32_t quote_begin) const {
  const std::uint32_t p = subject_pronoun(h, quote_begin);
  return p != kNoSubjectPronoun && run_.has(p, WordClasses::kSubj) && !run_.has(p, WordClasses::kPerson12) &&
         !run_.has_grammar(p, WordClasses::kFirstPerson);
}

std::uint32_t QuotePass::subject_pronoun(const CueHit& h, std::uint32_t quote_begin) const {
  if (h.clitic != kNone) return kNoSubjectPronoun;
  // The subject is the first of the pronouns before the verb (« Nous
  // lui avons dit », not « Il nous a dit »), and opens its clause (not
  // « Des élus nous ont dit »). The group may open with its clitics
  // (« nous sommes »); a few pronouns at most.
  const auto pronoun = [&](std::uint32_t i) {
    return run_.has(i, WordClasses::kSubj | WordClasses::kObj) || run_.has_grammar(i, WordClasses::kFirstPerson);
  };
  std::uint32_t p = h.first;
  while (p > quote_begin && p + 3 > h.first && pronoun(p - 1)) --p;
  if (!pronoun(p) || run_.has(p, WordClasses::kDet)) return kNoSubjectPronoun;
  const bool opens_clause =
      p == quote_begin || run_.is_punct(p - 1) || run_.has(p - 1, WordClasses::kConj) || run_.is_que(p - 1);
  return opens_clause ? p : kNoSubjectPronoun;
}

int QuotePass::speaker_root(int m) const {
  // A pronoun stands for its antecedent: « il » after « François X ».
  for (int guard = 0; m != kNone && run_.out.mentions[m].antecedent != kNone && guard < 8; ++guard)
    m = run_.out.mentions[m].antecedent;
  return m;
}

std::uint32_t QuotePass::claims_end_before(std::size_t first_new) {
  // Counted once per claim: the claims before `first_new` are never erased
  // (only those a cue has just made are), and a claim's end only shrinks
  // but where Run::claims_changed_from_ notes its growth: index_claim_ends
  // counts those again into the running maximum, so that it stays an
  // upper bound of their ends.
  const auto& claims = run_.out.claims;
  if (ends_counted_ > first_new) {
    ends_counted_ = 0;
    furthest_end_ = 0;
  }
  for (; ends_counted_ < first_new; ++ends_counted_)
    furthest_end_ = std::max(furthest_end_, claims[ends_counted_].end);
  return furthest_end_;
}

void QuotePass::index_claim_ends(std::size_t first_new) {
  // From the first block an erased or grown claim (or a claim past
  // first_new) falls in, the blocks are counted again.
  const std::size_t valid = std::min({ends_blocked_, first_new, run_.claims_changed_from_});
  run_.claims_changed_from_ = static_cast<std::size_t>(-1);
  if (valid < ends_blocked_) {
    block_end_max_.resize(valid / kEndBlock);
    ends_blocked_ = block_end_max_.size() * kEndBlock;
    super_end_max_.resize(std::min(super_end_max_.size(), block_end_max_.size() / kEndBlock));
  }
  const auto& claims = run_.out.claims;
  for (; ends_blocked_ < first_new; ++ends_blocked_) {
    if (ends_blocked_ % kEndBlock == 0) block_end_max_.push_back(0);
    block_end_max_.back() = std::max(block_end_max_.back(), claims[ends_blocked_].end);
    if (ends_blocked_ < ends_counted_) furthest_end_ = std::max(furthest_end_, claims[ends_blocked_].end);
  }
  // A superblock is made once its blocks hold all their claims.
  const std::size_t whole_blocks = ends_blocked_ / kEndBlock;
  while ((super_end_max_.size() + 1) * kEndBlock <= whole_blocks) {
    const auto first = block_end_max_.begin() + static_cast<std::ptrdiff_t>(super_end_max_.size() * kEndBlock);
    super_end_max_.push_back(*std::max_element(first, first + kEndBlock));
  }
}

void QuotePass::drop_nested_own_claims(std::size_t first_new) {
  // « Il explique qu'il s'était engagé à se retirer … »: a cue inside the
  // content of the same speaker's claim reports nothing more than that
  // claim. Nested claims of another speaker stay (« Le Kremlin affirme
  // que Poutine a exigé … »).
  // The earlier claims are asked by blocks of kEndBlock (and superblocks
  // of kEndBlock blocks), skipping those that all end before the inner
  // one: a sentence of thousands of nested
  // reports (« … et que le ministre a appelé les patrons pour leur
  // demander de payer 3 et que … ») asked every earlier claim for each.
  auto& claims = run_.out.claims;
  claims_end_before(first_new);
  index_claim_ends(first_new);  // after: it counts a grown end into furthest_end_
  const std::uint32_t furthest_end = furthest_end_;
  for (std::size_t c = claims.size(); c-- > first_new;) {
    const AttributedClaim& inner = claims[c];
    if (inner.kind == ClaimKind::kAct || inner.speaker == kNone || inner.end > furthest_end) continue;
    const int root = speaker_root(inner.speaker);
    bool nested = false;
    for (std::size_t b = 0; b < block_end_max_.size() && !nested; ++b) {
      if (b % kEndBlock == 0 && b / kEndBlock < super_end_max_.size() && super_end_max_[b / kEndBlock] < inner.end) {
        b += kEndBlock - 1;
        continue;
      }
      if (block_end_max_[b] < inner.end) continue;
      const std::size_t past = std::min(first_new, (b + 1) * kEndBlock);
      for (std::size_t j = b * kEndBlock; j < past && !nested; ++j) {
        const AttributedClaim& outer = claims[j];
        nested = outer.kind != ClaimKind::kAct && outer.begin <= inner.begin && inner.end <= outer.end &&
                 outer.speaker != kNone && speaker_root(outer.speaker) == root;
      }
    }
    if (nested) {
      claims.erase(claims.begin() + static_cast<std::ptrdiff_t>(c));
      run_.claims_changed_at(c);
    }
  }
}

void QuotePass::handle_quoted_cues(std::size_t s) {
  // The speaker of a quotation may report someone else's words in it; the
  // report is a claim of its own, with its own speaker (GOLD_FORMAT:
  // quotes may nest). Only a cue with que or an infinitive after it: the
  // cues of incises inside the quotation are the quotation's own.
  const std::uint32_t sentence_begin = run_.doc.sentences[s].token_begin, sentence_end = run_.doc.sentences[s].token_end;
  for (CueHit& h : quoted_cues_[s]) {
    const auto& claims = run_.out.claims;
    const auto outer = direct_claim_holding(run_.tok(h.verb).begin);
    if (outer == claims.end()) continue;
    const std::uint32_t k = run_.complement_start(h, sentence_end);
    if (k + 1 < sentence_end && run_.tok(k).lower == ":") {
      nested_quote_after_colon(h, s, static_cast<std::size_t>(outer - claims.begin()), k + 1);
      continue;
    }
    if (!reports_content(h, sentence_end)) continue;
    // « La décision du Conseil montre que … » in a quotation is the
    // speaker's argument from evidence, not a report of someone's words.
    if (reports_nothing(h, sentence_begin, sentence_end) ||
        run_.words.has_grammar(h.entry->verb, WordClasses::kDocumentVerb))
      continue;
    const std::uint32_t quote_begin = run_.tok_of(outer->begin), quote_end = outer->end;
    // Je and nous report the speaker's own words only in a past told
    // (« Nous exhortons X à … » performs its act: no report).
    const bool own_past_words = tells_own_past_words(h, quote_begin);
    if (!own_past_words && first_person_subject(h, quote_begin)) continue;
    // « On estime que … » in a quotation is the speaker's own view, as
    // « nous estimons » is; « on dit que … » still tells hearsay.
    if (own_opinion_with_on(h, quote_begin)) continue;
    // A demand read past the one asked (« a demandé aux familles de … »)
    // is a quote of its own when the quotation names who asks (GOLD_FORMAT:
    // its sentence names its speaker); « il m'a prié de … » is left to the
    // quotation, whose il may stand for anyone.
    const bool content_right_after = run_.is_que(k) || run_.is_infinitive_like(k, sentence_end);
    if (!content_right_after && third_person_subject(h, quote_begin)) continue;
    const int speaker = outer->speaker == kNone ? kNone : speaker_root(outer->speaker);
    // An infinitive (« Le groupe a fermé l'usine pour ensuite dire que … »)
    // has the subject of the quotation's clause; with none named (a
    // pronoun, a generic « pour dire que »), it gives no quote of its own.
    int infinitive_subject = kNone;
    if (h.form == VerbForm::kInfinitive && !run_.perceived_speaker(h.first, sentence_begin).valid()) {
      const std::size_t mentions_before = run_.out.mentions.size();
      infinitive_subject = run_.sentence_subject(std::max(quote_begin, sentence_begin), h.first, sentence_end);
      if (infinitive_subject == kNone || run_.out.mentions[infinitive_subject].pronoun ||
          !run_.speaker_head_ok(infinitive_subject)) {
        run_.out.mentions.resize(mentions_before);
        continue;
      }
    }
    // A subject pronoun of the third person right before the cue's group
    // (« il m'a dit que », « elle lui répond que »).
    const std::uint32_t p = h.first - 1;
    const bool third_person = h.first > quote_begin && run_.has(p, WordClasses::kSubj) &&
                              !run_.has(p, WordClasses::kPerson12) && !run_.has_grammar(p, WordClasses::kOnWord);
    const std::size_t first_new = claims.size();
    // The nested report leaves the narration's salient entities as they
    // were: the quotations after it go on with the quotation's speaker.
    const std::vector<int> salience = run_.salience;
    run_.handle_cue(h, s, quotes_, quote_done_, quoted_, infinitive_subject, quoted_cues_[s]);
    run_.salience = salience;
    const int pronoun = third_person && claims.size() > first_new ? run_.make_mention(p, p + 1) : kNone;
    settle_quoted_claims(first_new, quote_begin, quote_end, speaker, pronoun, own_past_words);
  }
}

void QuotePass::nested_quote_after_colon(CueHit& h, std::size_t s, std::size_t outer, std::uint32_t open) {
  // « Mes clients me disent : “On n'a plus les moyens.” Alors je baisse
  // les prix »: a quotation nested after a cue of introduction and its
  // colon gives the words of the cue's subject (GOLD_FORMAT: quotes may
  // nest), settled like the nested reports (je, nous: the speaker's own).
  if (!(h.entry->frames & kFrameIntro)) return;
  // The mark may be a token of its own (“) or stick to the word (‘Le).
  // Quotations are ordered by their opening mark (detect_quotes).
  const std::uint32_t from_mark = run_.tok(open - 1).end, to_mark = run_.tok(open).end;
  auto q = std::lower_bound(quotes_.begin(), quotes_.end(), from_mark,
                            [](const Quote& x, std::uint32_t at) { return x.open < at; });
  while (q != quotes_.end() && q->open < to_mark && q->depth == 0) ++q;
  if (q == quotes_.end() || q->open >= to_mark) return;
  // Words another reading gave a claim already (a dialogue turn) keep it.
  const auto& claims = run_.out.claims;
  const std::uint32_t quote_at = q->begin;
  const std::size_t live = pass_claims(claims_ended_, quote_at,
                                       [](const AttributedClaim& c, std::uint32_t at) { return c.end <= at; });
  for (std::size_t c = live; c < claims.size(); ++c)
    if (c != outer && claims[c].begin < q->end && q->begin < claims[c].end) return;
  const AttributedClaim outer_claim = run_.out.claims[outer];
  const std::uint32_t quote_begin = run_.tok_of(outer_claim.begin);
  const std::uint32_t from = std::max(quote_begin, run_.doc.sentences[s].token_begin);
  const int outer_speaker = outer_claim.speaker == kNone ? kNone : speaker_root(outer_claim.speaker);
  const std::uint32_t sentence_end = run_.doc.sentences[s].token_end;
  int sp = h.clitic != kNone ? run_.make_mention(h.clitic, h.clitic + 1) : run_.subject_before(h.first, from, sentence_end);
  // An infinitive has the subject of the verb that governs it (« Le maire
  // se permet de dire : « … » », « Il ose dire : « … » »).
  if (sp == kNone && h.form == VerbForm::kInfinitive) sp = run_.sentence_subject(from, h.first, sentence_end);
  const bool third_person = sp != kNone && run_.out.mentions[sp].pronoun &&
                            !run_.has(run_.tok_of(run_.out.mentions[sp].begin), WordClasses::kPerson12);
  const std::size_t first_new = run_.out.claims.size();
  run_.add_claim(ClaimKind::kDirect, q->begin, q->end, run_.cue_text(h), h.entry->relation, third_person ? kNone : sp,
                 run_.content_targets(run_.tok_of(q->begin), run_.tok_of(q->end)));
  h.used = true;
  settle_quoted_claims(first_new, quote_begin, outer_claim.end, outer_speaker, third_person ? sp : kNone);
}

template <class Done>
std::size_t QuotePass::pass_claims(ClaimCursor& cursor, std::uint32_t at, Done done) {
  const auto& claims = run_.out.claims;
  if (at < cursor.at || cursor.passed > claims.size()) cursor.passed = 0;
  cursor.at = at;
  while (cursor.passed < claims.size() && done(claims[cursor.passed], at)) ++cursor.passed;
  return cursor.passed;
}

std::vector<AttributedClaim>::const_iterator QuotePass::direct_claim_holding(std::uint32_t at) {
  // A leading claim that cannot hold this quoted cue (not direct, or ended
  // before it) holds no later one either.
  const auto& claims = run_.out.claims;
  const std::size_t live = pass_claims(closed_claims_, at, [](const AttributedClaim& c, std::uint32_t offset) {
    return c.kind != ClaimKind::kDirect || c.end <= offset;
  });
  return std::find_if(claims.begin() + static_cast<std::ptrdiff_t>(live), claims.end(),
                      [&](const AttributedClaim& c) {
                        return c.kind == ClaimKind::kDirect && c.begin <= at && at < c.end;
                      });
}

void QuotePass::settle_quoted_claims(std::size_t first_new, std::uint32_t quote_begin, std::uint32_t quote_end,
                                     int outer, int pronoun, bool own_past_words) {
  // The report ends with the quotation. Je and nous report the quotation's
  // speaker's own words (« je lui ai dit que … »): no claim of another;
  // my and our name others (« mes clients me disent que … »). A
  // third-person pronoun never names the one who speaks the quotation
  // (« il m'a dit qu'il s'excusait »): it takes up another, or no one.
  auto& claims = run_.out.claims;
  const int antecedent = pronoun == kNone ? kNone : run_.antecedent_in_quotation(pronoun, quote_begin, outer);
  for (std::size_t c = claims.size(); c-- > first_new;) {
    AttributedClaim& inner = claims[c];
    inner.end = std::min(inner.end, quote_end);
    // Nor do its targets go past it (the incise's speaker after the
    // closing mark is no one the nested report aims at).
    inner.targets.erase(std::remove_if(inner.targets.begin(), inner.targets.end(),
                                       [&](int t) { return run_.out.mentions[t].begin >= quote_end; }),
                        inner.targets.end());
    bool drop = inner.kind == ClaimKind::kAct || inner.end <= inner.begin;
    if (pronoun != kNone) {
      inner.speaker = antecedent;
    } else if (!drop && inner.speaker != kNone) {
      const std::uint32_t first = run_.tok_of(run_.out.mentions[inner.speaker].begin);
      const bool first_person = run_.has(first, WordClasses::kPerson12) && !run_.has(first, WordClasses::kDet);
      if (first_person && own_past_words && outer != kNone) inner.speaker = outer;
      else drop = first_person || speaker_root(inner.speaker) == outer;
    }
    if (drop) {
      claims.erase(claims.begin() + static_cast<std::ptrdiff_t>(c));
      run_.claims_changed_at(c);
    }
  }
}

void QuotePass::share_cue_along_list(const std::vector<std::size_t>& here) {
  // In a list of quotations (« sombre et pesante », « chaotique »
  // renchérissent les autres) the cue of the last one serves them all:
  // walk the list from its end.
  for (std::size_t j = here.size(); j-- > 1;) {
    std::size_t qi = here[j - 1], next = here[j];
    if (found_[qi].speaker != kNone || found_[next].speaker == kNone || !listed_before(qi, next)) continue;
    found_[qi].speaker = found_[next].speaker;
    found_[qi].cue = found_[next].cue;
    found_[qi].relation = found_[next].relation;
  }
}

bool QuotePass::listed_before(std::size_t qi, std::size_t next) const {
  if (!quotes_[qi].balanced) return false;
  const std::uint32_t gap = run_.tok_of(quotes_[qi].close) + 1;
  const bool linked = run_.is_comma(gap) || run_.has_extra(gap, WordClasses::kEtWord) ||
                      run_.has_grammar(gap, WordClasses::kOuWord);
  return linked && gap + 1 == run_.tok_of(quotes_[next].open);
}

void QuotePass::add_quote_claim(std::size_t qi, std::size_t s, int previous_speaker) {
  if (quote_done_[qi]) return;
  const Quote& q = quotes_[qi];
  const Sentence& sentence = run_.doc.sentences[s];
  quote_done_[qi] = 1;
  QuoteFinding claim = found_[qi];
  const std::uint32_t open_token = run_.tok_of(q.open);
  // A quoted "oui" or "non" inside a sentence is a vote or an answer.
  if (!claim.direct) {
    std::string f = fold(run_.doc.slice(q.begin, q.end));
    if (run_.words.has_grammar(f, WordClasses::kAnswerWord)) return;
    if (is_quoted_title(q, open_token)) return;
  }
  bool fragment_of_subject = false;  // a fragment given to its sentence's subject
  if (claim.speaker == kNone && !claim.direct) {
    take_governing_cue(claim, open_token, s, previous_speaker);
    if (claim.cue.empty()) {
      if (is_quoted_name(q)) return;
      // A fragment in a sentence about a person is theirs: « Le maire a
      // « pris acte » de la décision ». Only a person: a state or an
      // institution as subject is more often the topic than the source
      // ("la Confédération a agi de manière « juste »" reports someone
      // else's judgement).
      int subject = run_.sentence_subject(sentence.token_begin, open_token, sentence.token_end);
      if (subject != kNone && (run_.out.mentions[subject].type != EntityType::kPerson ||
                               !run_.speaker_head_ok(subject) || run_.out.mentions[subject].end > q.open))
        subject = kNone;
      if (subject != kNone) {
        claim.speaker = subject;
        fragment_of_subject = true;
      } else if (last_speaker_ != kNone &&
                 sentence.paragraph <= last_speaker_paragraph_ + (says_first_person(q) ? 1 : 0)) {
        // A fragment in the first person (« un défaut « qui nous oblige à
        // tout reprendre » ») is someone's words: the last speaker's, from
        // the paragraph before too.
        claim.speaker = speaker_going_on(open_token, sentence.token_begin);
      } else if (listed_claim_ != kNoQuote && listed_before(listed_claim_, qi)) {
        // A list of quoted words (« Épuisés », « oubliés », « méprisés »…):
        // each item is reported as the one before it was.
        claim.speaker = listed_finding_.speaker;
        claim.cue = listed_finding_.cue;
        claim.relation = listed_finding_.relation;
      } else if (cues_[s].empty() && run_.holds_finite_verb(q.begin, q.end) &&
                 (claim.speaker = run_.paragraph_subject_before(q.open, false)) != kNone) {
        // A fragment that is a statement (it has a verb: « Ses nuits sont
        // « épuisantes, on ne s'arrête jamais » ») is the paragraph's
        // subject's, as a quotation with no cue is (speakers_from_paragraph_subject);
        // the subject of its own sentence was read just above. Not in a
        // sentence that reports someone's words (« D'aucuns disent que … »):
        // the fragment is that report's.
        fragment_of_subject = true;
      } else {
        return;  // scare quotes with no source in sight
      }
    }
  }
  // A quotation continuing the speaker of the paragraph or the one before;
  // one with a cue of its own whose subject was not read (« … », a estimé
  // sur Twitter X) only within the paragraph: its own sentence names
  // someone else as often as not, and the previous paragraph's speaker is
  // no better guess than none.
  const std::uint32_t last_paragraph_reached = last_speaker_paragraph_ + (claim.cue.empty() ? 1 : 0);
  const bool unsaid = claim.speaker == kNone && run_.after_agentless_passive(open_token, sentence.token_begin);
  // A quotation alone in its sentence after a sentence about a speaker
  // (« La ministre a réagi. », « Le syndicat se montre prudent. ») is that
  // speaker's before it is the last quotation's.
  const bool alone = claim.speaker == kNone && claim.direct && !unsaid && run_.fills_its_sentences(q.begin, q.end);
  if (alone) claim.speaker = subject_introducing(s);
  if (claim.speaker == kNone && claim.direct && last_speaker_ != kNone && !unsaid &&
      sentence.paragraph <= last_paragraph_reached && !introduced_by_on(open_token, sentence.token_begin, sentence.token_end))
    claim.speaker = speaker_going_on(open_token, sentence.token_begin);
  for (int t : run_.content_targets(run_.tok_of(q.begin), run_.tok_of(q.end))) claim.targets.push_back(t);
  // Coordinated speakers each say it (« … », s'indignent Paul Roux et
  // Anne Petit): a claim for each (GOLD_FORMAT: quotes may share a span).
  std::uint32_t claim_begin = claim.begin == QuoteFinding::kQuoteBegin ? q.begin : claim.begin;
  // A fragment that opens on que (« … a regretté « qu'aucune date ne soit
  // fixée » ») reports the clause after it: the span leaves que out, as an
  // indirect quote's does (GOLD_FORMAT).
  if (!claim.direct && claim_begin == q.begin) {
    const std::uint32_t first = run_.tok_of(q.begin);
    if (run_.is_que(first) && first + 1 < run_.doc.tokens.size() && run_.tok(first + 1).begin < q.end &&
        run_.tok(first + 1).kind == TokenKind::kWord)
      claim_begin = run_.tok(first + 1).begin;
  }
  for (int sp : run_.conjunct_speakers(claim.speaker))
    run_.add_claim(claim.direct ? ClaimKind::kDirect : ClaimKind::kMixed, claim_begin, q.end, claim.cue,
                   claim.relation, sp, claim.targets);
  if (claim.speaker != kNone && !fragment_of_subject)
    note_last_speaker(claim.speaker, q.last_paragraph, run_.tok_of(q.end - 1) + 1);
  listed_claim_ = qi;
  listed_finding_ = claim;
}

// How many tokens a sentence that introduces the quotation after it may
// hold: a reporting sentence is short (« Le maire a réagi sur les réseaux
// sociaux. »), and a longer one is read no further (issue 11: each look
// at it is bounded).
constexpr std::uint32_t kIntroducingSentenceTokens = 80;

// « La réponse de Paul Martin est sèche. « … » »: the sentence has for
// subject a noun of speech (speechsource: réponse, plaidoirie,
// réquisitoire) with its author after de, and says by être what that
// speech is like (« est sèche », « va être véhémente »): a quotation alone
// in the sentence after it is that speech, the author's words, as after
// « La réponse de Paul Martin : ». Not a sentence that tells what the
// speech did (« La réponse du maire a déçu les habitants. »): the words
// after that may be anyone's. The author as a new mention, or kNone.
static int author_of_speech_subject(Run& run, const Sentence& before) {
  const std::uint32_t end = before.token_end;
  // The article, the noun, de, the author and a verb at least.
  if (before.token_begin + 4 >= end) return kNone;
  const Np np = author_of_speech_noun(run, before.token_begin, end, false);
  if (!np.valid() || np.end >= end) return kNone;
  // The verb of the sentence, a few words after the author at most (« pour
  // la défense »): a form of être, or a verb before the infinitive of an
  // auxiliary (va être; words.tsv auxinfinitive).
  for (std::uint32_t k = np.end; k < end && k < np.end + kSpeechNounVerbTokens; ++k) {
    if (run.is_punct(k)) return kNone;
    if (!((run.tags_[k].pos & kPosFiniteVerb) || run.has(k, WordClasses::kAux))) continue;
    if (!run.has(k, WordClasses::kEtreForm) && !(k + 1 < end && run.has_grammar(k + 1, WordClasses::kAuxInfinitive))) return kNone;
    const std::size_t mentions_before = run.out.mentions.size();
    const int sp = run.mention_with_apposition(np, end);
    if (sp != kNone && run.names_someone(sp)) return sp;
    run.out.mentions.resize(mentions_before);
    return kNone;
  }
  return kNone;
}

int QuotePass::subject_introducing(std::size_t s) {
  // The press introduces a quotation by a sentence whose verb of speech
  // has no content of its own, and puts the words after it, alone in
  // their sentence or paragraph: « Le maire a réagi sur les réseaux
  // sociaux. », « Sa voisine témoigne sous couvert d'anonymat. ». Only from
  // the sentence right before, in the same paragraph or closing the one
  // before, and only with such a verb: a sentence that only tells what
  // someone did (« Le gardien est resté au vestiaire. ») introduces no
  // words of theirs. An unnamed body is the topic more often than the
  // source, so only persons and named organisations speak here, unless
  // the sentence tells the body's stance.
  // A sentence that tells its subject's stance (« X s'est montré
  // optimiste. », « La ministre ne cache pas son agacement. ») introduces
  // their words as one with a verb of speech does. Not a question (an
  // interviewer's) nor a heading with no verb.
  const auto& sentences = run_.doc.sentences;
  if (s == 0 || sentences[s - 1].paragraph + 1 < sentences[s].paragraph) return kNone;
  const Sentence& before = sentences[s - 1];
  if (before.token_end <= before.token_begin + 2 || before.token_end - before.token_begin > kIntroducingSentenceTokens ||
      run_.tok(before.token_end - 1).lower == "?" ||
      !run_.holds_finite_verb(run_.tok(before.token_begin).begin, run_.tok(before.token_end - 1).end))
    return kNone;
  bool stance = false;
  for (std::uint32_t k = before.token_begin; k < before.token_end; ++k) {
    if (run_.tok(k).kind == TokenKind::kQuoteMark) return kNone;
    stance |= run_.has_anchor(k, WordClasses::kAttitudeWord);
  }
  if (before.paragraph == sentences[s].paragraph)
    if (const int author = author_of_speech_subject(run_, before); author != kNone) return author;
  if (!stance && cues_[s - 1].empty()) return kNone;
  // « La présidente lui a demandé si l'équipe était prête. »: a sentence
  // that reports a question introduces the answer, someone else's words.
  for (const CueHit& h : cues_[s - 1])
    for (std::uint32_t k = h.verb + 1; k < before.token_end && k <= h.last + 2; ++k)
      if (run_.has_grammar(k, WordClasses::kQuestionWord)) return kNone;
  const std::size_t mentions_before = run_.out.mentions.size();
  const int subject = run_.sentence_subject(before.token_begin, before.token_end, before.token_end);
  const int named = run_.root_of(subject);
  bool someone = named != kNone && run_.speaker_head_ok(named) && run_.is_entity_mention(named);
  if (someone) {
    const MentionInfo& mi = run_.out.mentions[named];
    someone = mi.type == EntityType::kPerson || (mi.type == EntityType::kOrganization && !mi.name.empty()) ||
              (stance && mi.type != EntityType::kUnknown);
  }
  if (someone) return subject;
  run_.out.mentions.resize(mentions_before);
  return kNone;
}

bool QuotePass::says_first_person(const Quote& q) const {
  for (std::uint32_t k = run_.tok_of(q.begin); k < run_.doc.tokens.size() && run_.tok(k).begin < q.end; ++k)
    if ((run_.has_grammar(k, WordClasses::kFirstPerson) || run_.has_anchor(k, WordClasses::kFirstSingular)) &&
        !run_.maitre_title(k))
      return true;
  return false;
}

void QuotePass::note_last_speaker(int sp, std::uint32_t paragraph, std::uint32_t end) {
  last_speaker_ = sp;
  last_speaker_paragraph_ = paragraph;
  last_speaker_end_ = end;
}

int QuotePass::speaker_going_on(std::uint32_t open, std::uint32_t sentence_begin) {
  // « Stéphanie a ouvert sa boutique en 2019. Pour Cécile, 38 ans, c'est
  // différent : « J'ai tout perdu » »: a person named since the last claim
  // is the new topic, and the quotation is theirs when the sentence that
  // introduces it names them alone; no one's when the person was named
  // in a sentence before, or two persons are named.
  if (last_speaker_ == kNone || last_speaker_end_ >= open) return last_speaker_;
  // The rest of the sentence that reported the last speaker is that
  // speaker's clause: a name in it is a complement (« », a déclaré le
  // maire à l'Agence France-Presse. « … » »), no new topic, as
  // continue_previous_speaker reads it.
  std::uint32_t topic_from = last_speaker_end_;
  if (topic_from > 0) {
    const std::uint32_t rest_end = run_.doc.sentences[run_.doc.sentence_at(run_.tok(topic_from - 1).begin)].token_end;
    if (rest_end <= sentence_begin) topic_from = rest_end;
  }
  if (!run_.other_person_between(topic_from, open, last_speaker_)) return last_speaker_;
  const std::uint32_t from = std::max(sentence_begin, last_speaker_end_);
  return run_.person_named_in(from, open, last_speaker_);
}

void QuotePass::take_governing_cue(QuoteFinding& claim, std::uint32_t open, std::size_t s, int previous_speaker) {
  // A fragment governed by a cue just before it: qualifié d'« … »,
  // appelé à « … », a évoqué une alliance « … », ce qu'il appelle « … ».
  // In order (cues_in_order), only the cues from the first ending within
  // kGoverningReach tokens of the quotation are read, found by bisection
  // (a sentence of many fragments would cost the square of its cues
  // otherwise).
  constexpr std::uint32_t kGoverningReach = 8;
  std::vector<CueHit>& cues = cues_[s];
  const bool in_order = cues_in_order(cues);
  for (auto it = first_cue_within(cues, open, kGoverningReach); it != cues.end(); ++it) {
    CueHit& h = *it;
    if (in_order && h.last > open) break;
    if (h.last > open || open - h.last > kGoverningReach) continue;
    bool only_np = true;
    for (std::uint32_t k = h.last; k < open; ++k)
      if (run_.is_punct(k) && !run_.is_comma(k)) only_np = false;
    if (!only_np || cue_between(s, h.last, open)) continue;
    claim.speaker = h.speaker != kNone ? h.speaker : run_.speaker_of_cue(h, s, previous_speaker);
    claim.cue = run_.cue_text(h);
    claim.relation = h.entry->relation;
    if (h.entry->target != TargetSlot::kNone) {
      for (int t : run_.cue_object_targets(h, open)) claim.targets.push_back(t);
    }
    h.used = true;
    return;
  }
}

bool QuotePass::cue_between(std::size_t s, std::uint32_t from, std::uint32_t to) const {
  // The verb nearest a quotation governs it: a cue with another cue between
  // it and the quotation (« Le syndicat, même s'il s'en défend, fustige un
  // « … » », « bien qu'elles saluent l'effort, dénoncent un « … » ») sits
  // in a clause of its own, a subordinate one or the first of two verbs.
  // In order (cues_in_order), the first cue starting at `from` or after
  // ends before every later one: it alone decides, found by bisection.
  const std::vector<CueHit>& cues = cues_[s];
  if (cues_in_order(cues)) {
    const auto first = std::lower_bound(cues.begin(), cues.end(), from,
                                        [](const CueHit& c, std::uint32_t token) { return c.first < token; });
    return first != cues.end() && first->last <= to;
  }
  for (const CueHit& other : cues)
    if (other.first >= from && other.last <= to) return true;
  return false;
}

bool QuotePass::introduced_by_on(std::uint32_t open, std::uint32_t sentence_begin, std::uint32_t sentence_end) const {
  const auto on = [this](std::uint32_t k) { return run_.has_grammar(k, WordClasses::kOnWord) && !quoted_[k]; };
  return first_in_sentence(first_on_, sentence_begin, sentence_end, on) < open;
}

bool QuotePass::is_quoted_name(const Quote& q) const {
  // A title or name in quotation marks is no speech: « Ulchi Freedom Shield ».
  for (std::uint32_t k = run_.tok_of(q.begin); k < run_.doc.tokens.size() && run_.tok(k).begin < q.end; ++k)
    if (run_.tok(k).kind == TokenKind::kWord && !run_.tok(k).capitalized &&
        !run_.has(k, WordClasses::kDet | WordClasses::kPrep))
      return false;
  return true;
}

bool QuotePass::is_quoted_title(const Quote& q, std::uint32_t open_token) const {
  // French titles of works, names of operations, ships and places take a
  // capital on their first word only and follow the noun, article or verb
  // that names them: l'opération « Bouclier du désert », le navire « Étoile
  // du matin », reprend « Le Misanthrope ». No title: a fragment after a
  // colon, an auxiliary, or a cue that takes an object or an attribute (a
  // fustigé une « Dérive »), or one with a subject pronoun or a final mark.
  // A cue that only qualifies (parler de « honte ») also names a topic, so
  // a title may follow it (parle de « Madame Bovary »).
  constexpr std::uint32_t kMaxTitleWords = 6;
  constexpr unsigned kFragmentFrames = kFrameObject | kFrameA | kFrameDe | kFrameAct;
  if (!q.balanced || open_token == 0) return false;
  const std::uint32_t before = open_token - 1;
  const Token& b = run_.tok(before);
  if (b.kind != TokenKind::kWord || b.capitalized || run_.has(before, WordClasses::kAux | WordClasses::kAdv))
    return false;
  // The cue may stand before the fragment's article or preposition (a
  // dénoncé une « … », a qualifié la réforme de « … », a répondu par un
  // « … »); a verb of saying names what was said (a murmuré un « Merci »).
  std::uint32_t governor = before;
  while (governor > 0 && before - governor < 2 &&
         (run_.has(governor, WordClasses::kDet | WordClasses::kPrep) || run_.is_bare_de(governor)))
    --governor;
  for (const CueForm& f : run_.forms(governor))
    if (f.entry->frames & (kFragmentFrames | kFrameQue)) return false;
  std::uint32_t words = 0;
  for (std::uint32_t k = run_.tok_of(q.begin); k < run_.doc.tokens.size() && run_.tok(k).begin < q.end; ++k) {
    const Token& t = run_.tok(k);
    if (t.kind == TokenKind::kWord) {
      if ((words == 0 && !t.capitalized) || run_.has(k, WordClasses::kSubj)) return false;
      ++words;
    } else if (t.lower == "!" || t.lower == "?" || t.lower == "." || t.lower == ":" ||
               t.kind == TokenKind::kQuoteMark) {
      return false;
    }
  }
  return words > 0 && words <= kMaxTitleWords;
}

}  // namespace

void attribute_sentences(Run& run, const std::vector<Quote>& quotes) { QuotePass(run, quotes).run(); }

}  // namespace quotegraph::detail
