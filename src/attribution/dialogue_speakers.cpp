// Dialogue speakers: claims for dialogue turns and interview answers, the
// speaker of each from its incise, its label, the interviewee or the
// alternation of the dialogue, and pronouns in incises resolved against
// the persons of the narration and the speakers of the turns before.
#include "dialogue_speakers.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "quotegraph/text/quote_marks.h"
#include "quotegraph/text/text.h"

namespace quotegraph::detail {
namespace {

constexpr int kNoMention = -1;

// How many candidates a look-back for a person reads at most (resolve,
// utterance_owner): an antecedent is near its pronoun, and a long text
// must not make every pronoun slower.
constexpr std::ptrdiff_t kLookBack = 256;

// The key of the narrator's turns: a first person named nowhere in the
// text. The other keys open with name:, role: or text: (key_of), so it
// equals none of them.
constexpr const char* kNarratorKey = "<narrator>";

// Who speaks a turn: a mention (or none) and a key that is equal for two
// turns of the same speaker.
struct Speaker {
  int mention = kNoMention;
  std::string key;  // empty: unknown; kNarratorKey: the narrator
  bool known() const { return !key.empty(); }
};

class DialoguePass {
 public:
  DialoguePass(const Document& doc, Attribution& out, const DialogueHooks& hooks)
      : doc_(doc), out_(out), hooks_(hooks) {}

  void run(const std::vector<Turn>& turns);

 private:
  const Token& tok(std::uint32_t i) const { return doc_.tokens[i]; }
  std::string text_of(std::uint32_t b, std::uint32_t e) const {
    return to_utf8(doc_.slice(tok(b).begin, tok(e - 1).end));
  }
  std::uint32_t token_from(std::uint32_t offset) const {
    auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), offset,
                               [](const Token& t, std::uint32_t o) { return t.begin < o; });
    return static_cast<std::uint32_t>(it - doc_.tokens.begin());
  }

  // The mention a pronoun stands for (following antecedents), or itself.
  int root(int m) const {
    for (int guard = 0; m >= 0 && out_.mentions[m].pronoun && guard < 64; ++guard) m = out_.mentions[m].antecedent;
    return m;
  }
  std::string key_of(int m) const;
  // The narrator's je, j', moi, nous as a mention.
  bool first_person(int m) const {
    return hooks_.words->has_grammar(fold_utf8(out_.mentions[m].text), WordClasses::kFirstPerson);
  }
  // A mention that may speak: a name, a person, or a described person.
  bool person_like(int m, bool described) const;
  // True when the folded phrase's first word after its determiners is a
  // noun that may speak (data/roles.tsv, data/speaking_nouns.tsv): « Oncle
  // meunier », « la voisine ».
  bool opens_with_person_noun(const std::string& folded) const;
  // False when mention `m` has a name that no capital vouches for: every
  // capitalised word of it stands only where any word takes a capital
  // (sentence start, after a quotation mark or a dash), is no given name,
  // and no gazetteer knows it as a person (« Est-ce la faute de l'aimant ? »,
  // « Combien ils avaient été indulgents »). True in a text without dialogue.
  bool name_vouched(int m) const;
  // True for a folded word that is never a name: a closed-class word of
  // words.tsv (notname, conj, adv, interjection) or a verb with its
  // inverted clitic (est-ce, sais-tu).
  bool closed_class_word(const std::string& folded) const;
  // Collects inner_capitals_ over the whole document.
  void collect_inner_capitals();
  // True for a folded phrase opening with tout and more words (tout le monde).
  bool opens_with_tout(const std::string& folded) const;
  bool compatible(const MentionInfo& pronoun, const MentionInfo& cand) const {
    if (pronoun.plural != cand.plural) return false;
    const Gender g = gender_of(cand);
    return pronoun.gender == '?' || g == '?' || pronoun.gender == g;
  }
  // The gender the text gives a mention, or that of its given name
  // (Jeanne, Pierre) from the dictionary.
  // A name of no known gender takes the one its apposition gives it
  // (collect_apposed_genders).
  Gender gender_of(const MentionInfo& m) const {
    if (m.gender != '?' || m.name.empty()) return m.gender;
    const std::string folded = fold_utf8(m.name);
    const std::string first = folded.substr(0, folded.find(' '));
    const Gender given = hooks_.given_name_gender(first);
    if (given != '?' || first != folded) return given;
    auto it = apposed_gender_.find(folded);
    return it == apposed_gender_.end() ? '?' : it->second;
  }
  // The gender a name of one word takes from an apposition of a noun of a
  // person after a singular article (« Manine, la jeune veuve du garçon
  // meunier », « Firmin, un bon garçon »), over the whole document; a
  // name given both genders keeps none.
  void collect_apposed_genders();
  // The speaker an incise names; a pronoun never stands for one of
  // `called`, the persons the turn addresses by name.
  Speaker incise_speaker(const Incise& inc, const std::string& avoid_key,
                         const std::vector<Speaker>& called = {});
  // Resolves pronoun mention m, said at `pos`, to the latest compatible
  // person before it, someone other than `avoid_key` first, never one of
  // `called`.
  void resolve(int m, std::uint32_t pos, const std::string& avoid_key, const std::vector<Speaker>& called = {});
  Speaker interviewee(std::uint32_t before);
  // True when the name in tokens [b, e) of the question opening at token
  // `question` calls the one asked: it opens the question before a comma,
  // or follows a comma and ends it (before ? or !).
  // After a word of the second person (words.tsv person2: vous,
  // toi) and a comma, a name set off by a second
  // comma calls the one asked too (« Et vous, Jean Kervella, êtes-vous
  // prêt … ? »).
  // Each form puts its sentence in the second person (vous, votre,
  // as-tu): « Hervé Cadoret, le chef de l'opposition, juge … » speaks of
  // the man, set off as he is.
  bool vocative(std::uint32_t b, std::uint32_t e, std::uint32_t question) const {
    if (e >= doc_.tokens.size()) return false;
    const std::string_view next = tok(e).lower;
    bool set_off = false;
    if (b <= question) set_off = b == question && next == ",";
    else if (tok(b - 1).lower == ",")
      set_off = next == "?" || next == "!" ||
                (next == "," && b >= question + 2 && hooks_.words->has_extra(tok(b - 2).lower, WordClasses::kSecondPerson));
    return set_off && second_person_sentence(b);
  }
  // True when the sentence holding token `k` has a word of the second
  // person (vous, votre, ton), or a verb with one after its hyphen
  // (avez-vous, as-tu).
  // Each sentence is read once (second_person_): a question calling many
  // names set off by commas asks for its sentence once per name.
  bool second_person_sentence(std::uint32_t k) const {
    if (second_person_.size() != doc_.sentences.size()) second_person_.assign(doc_.sentences.size(), -1);
    const std::size_t s = doc_.sentence_at(tok(k).begin);
    if (second_person_[s] < 0) {
      const Sentence& S = doc_.sentences[s];
      second_person_[s] = 0;
      for (std::uint32_t j = S.token_begin; j < S.token_end && second_person_[s] == 0; ++j) {
        const std::string_view w = tok(j).lower;
        const std::size_t hyphen = w.rfind('-');
        if (hooks_.words->has_extra(w, WordClasses::kSecondPerson) ||
            (hyphen != std::string_view::npos &&
             hooks_.words->has_extra(w.substr(hyphen + 1), WordClasses::kSecondPerson)))
          second_person_[s] = 1;
      }
    }
    return second_person_[s] == 1;
  }
  // The one question line `question` calls by name (vocative): a name
  // whose every word is a first name or one the dictionary writes only
  // with a capital (not « Alors, », « Bref, »), that may speak. Unknown
  // when the question calls no one. At a round table or a debate of two
  // guests the answer is the one called's (« Anne Lozac'h, votre commune
  // perd son guichet. Que comptez-vous faire ? »).
  Speaker called_in_question(const TextSpan& question);
  // Whether each word of tokens [b, e) is a first name or one the
  // dictionary writes only with a capital: « Olivier, », « Anne
  // Lozac'h, » call someone, « Alors, », « Bref, » call no one.
  bool name_words(std::uint32_t b, std::uint32_t e) const {
    for (std::uint32_t k = b; k < e; ++k)
      if (tok(k).kind == TokenKind::kWord && hooks_.given_name_gender(fold_utf8(tok(k).lower)) == '?' &&
          hooks_.common_in_lower_case(k))
        return false;
    return true;
  }
  // called_in_question's reading of the question, done once per question.
  Speaker read_called_in_question(const TextSpan& question);
  // End of the run of capitalised words (and initials, M.) from token `k`,
  // before `end` and within one line: "Dominique Simonnot", "M. KONE Marc".
  std::uint32_t name_run_end(std::uint32_t k, std::uint32_t end) const;
  Speaker mention_speaker(int m) const {
    Speaker s;
    s.mention = m;
    if (m != kNoMention) s.key = key_of(m);
    return s;
  }
  void add_claim(const TextSpan& piece, const std::string& cue, int speaker) {
    AttributedClaim c;
    c.kind = ClaimKind::kDirect;
    c.begin = piece.begin;
    c.end = piece.end;
    c.cue = cue;
    c.speaker = speaker;
    added_.push_back(std::move(c));
  }
  void split_quotation(const Turn& t);
  // The interviewee reports others' words too (« J'ai entendu un élu dire
  // que … », « Il a indiqué que … »): the indirect claims the other rules
  // found inside answer line `line` with a speaker of the third person
  // stand, and so do the mixed ones a speech verb reports (« Beaucoup de
  // détenus nous disent qu'ils vont ‘chier’ »). With je or nous, words
  // said before (a compound past: « je lui ai demandé où … ») are a quote
  // of answer speaker `sp`, while the answer's own present performs its
  // act (« Je reconnais qu'il y a eu des erreurs »: no report,
  // GOLD_FORMAT). With no speaker the words are the answer's; a quoted
  // fragment with no cue is as often a slogan or a title (« la
  // génération “touche pas à mon pote” »): they give way to the answer.
  void keep_reported_speech(const TextSpan& line, const Speaker& sp);
  // True when cue text `cue` holds an auxiliary (« lui ai demandé »,
  // « avons dit »): a compound past.
  bool told_in_past(const std::string& cue) const;
  // True when the paragraph holding `offset` opens with a quotation mark.
  bool pull_quote(std::uint32_t offset) const {
    const Paragraph& para = doc_.paragraphs[doc_.sentences[doc_.sentence_at(offset)].paragraph];
    std::uint32_t k = para.begin;
    while (k < para.end && is_space(doc_.text[k])) ++k;
    if (k >= para.end) return false;
    const char32_t c = doc_.text[k];
    return c == 0x00AB || c == 0x201C || c == 0x201E || c == 0x2039 || is_straight_double_quote(c);
  }
  // What run() needs before the text order pass: the lines of the turns,
  // the other rules' claims inside them, the speakers the incises name.
  void prepare(const std::vector<Turn>& turns);
  // Narrative sentence `s`: its subject is a candidate for the pronouns
  // that follow, and introduces the turn after it when it ends on a colon.
  void narrate(std::uint32_t s);
  // When name subject `m` of narrative sentence `s` is one of two persons
  // named together (« Paul et Virginie reprirent ensemble : »), a plural
  // mention of the pair, which speaks as one and which a later ils, elles
  // stands for; `m` otherwise. Never one of the two.
  int pair_of(std::uint32_t s, int m);
  // The one whose words subject `subject` of narrative sentence `s`, a
  // noun of one utterance, announces before a colon: the person who acted
  // last in the two sentences before, when a possessive opens the subject
  // (« Le marquis hésita. Son premier mot fut : ») or a dative clitic
  // follows it (« Cette exclamation lui échappa : »). Unknown otherwise.
  Speaker utterance_owner(std::uint32_t s, int subject) const;
  // When narrative sentence `s`, with no colon, reports a question its
  // actor asked someone (« Je lui demandai pourquoi il arrivait si tard »,
  // « Julien demanda à Hélène si le poisson mordait »), the one asked
  // becomes the actor, who answers the next line, and the asker the one
  // it turns to. For lui, leur: the last person acting or named in the
  // three sentences before who is not the asker.
  void asked_answers(std::uint32_t s);
  // The speaker of the last candidate before narrative sentence `s`, in
  // the `sentences_back` sentences before it and at most kLookBack
  // candidates back (as resolve reads them), that `accept(candidate,
  // speaker)` takes; unknown when there is none.
  template <class Accept>
  Speaker last_person_before(std::uint32_t s, std::uint32_t sentences_back, Accept accept) const {
    const std::uint32_t begin = doc_.sentences[s].begin;
    auto from = std::lower_bound(candidates_.begin(), candidates_.end(), begin,
                                 [](const Candidate& c, std::uint32_t o) { return c.pos < o; });
    const auto stop = from - std::min<std::ptrdiff_t>(from - candidates_.begin(), kLookBack);
    for (auto it = std::make_reverse_iterator(from); it != std::make_reverse_iterator(stop); ++it) {
      if (doc_.sentence_at(it->pos) + sentences_back < s) break;
      const int r = root(it->mention);
      if (r < 0) continue;
      const Speaker sp = mention_speaker(r);
      if (accept(*it, sp)) return sp;
    }
    return Speaker();
  }
  // The person narrative sentence `s` turns to or addresses after its
  // subject `subject`: named after vers, or after à, au, aux following a
  // verb of words.tsv's addressword (« Le médecin se tourna vers
  // Hortense », « … leva les yeux vers le curé », « s'adressa au
  // notaire »). Unknown otherwise.
  Speaker turned_to(std::uint32_t s, int subject);
  // A subject pronoun at `pronoun_pos` in a later clause of sentence `s`
  // goes back first to the subject of its main clause, a person: « Mon
  // père se taisait ; ensuite, sans colère, il me dit : ».
  // Not when a person of the pronoun's gender is named between them: « Le
  // commissaire interrogea Mathieu ; enfin il répondit : » is Mathieu.
  void add_main_clause_subject(std::uint32_t s, int pronoun);
  // The initials of the words of code points [begin, end): of a label
  // written in capitals only, one or two to a word (« AD », « K M »), when
  // `label`, else of the capitalised words of a name, titles left out
  // (« M. Koné Marc » gives KM). Empty when a label is no such
  // abbreviation or there are more than four.
  std::u32string initials_of(std::uint32_t begin, std::uint32_t end, bool label) const;
  // The person a label of initials stands for: an earlier answer's
  // labelled speaker or the interviewee whose name's initials it
  // abbreviates (« JR : » after « M. Jean Roux : »); unknown otherwise.
  Speaker initials_speaker(const TextSpan& label);
  // An interview answer, its speaker from its label or the interviewee.
  void answer(const Turn& t);
  // True when label mention `m` names no one: no name, no noun of a
  // person (« Le problème » before a colon inside an answer).
  bool names_no_one(int m) const;
  // A dialogue turn (the `i`th of the document), its speaker from its
  // incise, the sentence that introduces it or the exchange.
  void dialogue_turn(const Turn& t, std::size_t i);
  // Counts the names turn speaker `sp` calls (`to`), `said` when an
  // incise names that speaker: who may be the narrator.
  void note_calls(const Speaker& sp, const std::vector<Speaker>& to, bool said);
  // Gives the narrator's turns the name the others call the narrator by.
  void name_narrator();
  // The speaker of dialogue turn `t` before the check on whom it calls;
  // sets `cue` from its incise.
  Speaker turn_speaker(const Turn& t, std::size_t i, const std::vector<Speaker>& to, std::string& cue);
  // The persons turn `t` addresses by name (Regarde, Marthe, …), as speakers.
  std::vector<Speaker> addressees(const Turn& t);
  static bool addressed(const std::vector<Speaker>& to, const std::string& key) {
    for (const Speaker& a : to)
      if (a.key == key) return true;
    return false;
  }
  // A quotation inside another or inside a turn, opened after a colon:
  // a claim of its own, its speaker the subject before the colon.
  void nested_quotation(const Turn& t);
  // Gives the quotations of narrative sentence `s` that opened after a
  // colon and got no speaker the subject of the clause before the colon:
  // « Elle murmurait : « Lui qui voulait une chambre rose. » ».
  void introduce_quotations(std::uint32_t s);
  // In a narrative, a quotation running over several paragraphs (each
  // reopening with «) gives one claim per paragraph, as a line of dialogue
  // does.
  void split_at_paragraphs();

  const Document& doc_;
  Attribution& out_;
  const DialogueHooks& hooks_;
  // The candidates for a pronoun, by position: a subject of the narration
  // that names a person or a speaker of a turn (rank 0), another person the
  // narration names (rank 1), a subject described by a noun no lexicon
  // knows as a person (rank 2). A person of rank 1 may still be the subject
  // of a subordinate clause (« quand Martine entra »).
  struct Candidate {
    std::uint32_t pos;
    int mention;
    int rank = 0;
    bool clause_subject = false;
  };
  std::vector<Candidate> candidates_;  // ordered by position
  // True when a candidate stands at a position in [begin, end).
  bool candidate_between(std::uint32_t begin, std::uint32_t end) const {
    auto it = std::lower_bound(candidates_.begin(), candidates_.end(), begin,
                               [](const Candidate& c, std::uint32_t o) { return c.pos < o; });
    return it != candidates_.end() && it->pos < end;
  }
  // True when candidate `c` of the sentence just before a pronoun surely
  // names a person: a subject described by a noun of a person (la voisine,
  // not son grand chapeau), a name that is the subject of a clause.
  bool recent_person(const Candidate& c) const;
  // Where the sentence just before the pronoun being resolved begins: the
  // narration right before a turn, or the sentence before a narrative
  // sentence. Its candidates come first (resolve). The end of the text
  // when there is none.
  std::uint32_t recent_from_ = UINT32_MAX;
  // Where the last narrative sentence read begins.
  std::uint32_t last_narration_ = UINT32_MAX;
  void add_candidate(const Candidate& c) {
    auto at = std::upper_bound(candidates_.begin(), candidates_.end(), c.pos,
                               [](std::uint32_t o, const Candidate& x) { return o < x.pos; });
    candidates_.insert(at, c);
  }
  // The other rules' claims stay in out_.claims, ordered by begin, while
  // the pass runs: those it drops are marked, those it adds wait in added_.
  std::vector<char> dropped_;
  // Per sentence: 1 when it holds a word of the second person, 0 when not,
  // -1 not read yet (second_person_sentence).
  mutable std::vector<std::int8_t> second_person_;
  std::vector<AttributedClaim> added_;
  // The lines of dialogue and interview turns, ordered and disjoint.
  std::vector<TextSpan> lines_;
  bool inside_turn(std::uint32_t b, std::uint32_t e) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), b,
                               [](std::uint32_t o, const TextSpan& l) { return o < l.end; });
    return it != lines_.end() && it->begin < e;
  }
  // Index of the first claim of the other rules that begins at or after `offset`.
  std::size_t first_claim(std::uint32_t offset) const {
    auto it = std::lower_bound(out_.claims.begin(), out_.claims.end(), offset,
                               [](const AttributedClaim& c, std::uint32_t o) { return c.begin < o; });
    return static_cast<std::size_t>(it - out_.claims.begin());
  }
  std::set<std::string> speaking_;  // keys of those named as speakers in incises
  std::set<int> pairs_;  // the mentions pair_of made: two persons named together
  // Folded words written with a capital somewhere inside a sentence, after
  // another word or a comma: Marthe in « la lettre de Marthe ».
  std::set<std::string, std::less<>> inner_capitals_;
  std::map<std::string, Gender, std::less<>> apposed_gender_;  // folded name -> 'f', 'm' or '?' (both)
  bool narrative_ = false;  // the document has lines of dialogue: a narrative
  bool interviewee_done_ = false;
  Speaker interviewee_;
  // The text order pass (run).
  std::vector<Speaker> named_;  // the speaker each turn's incise names, when no clitic
  std::uint32_t interview_start_ = 0;
  // Where the names that may be the interviewee's end: the end of the
  // first question, which often calls them (« Pieter Timmermans, vous
  // êtes le patron de … ? »), else the interview's start.
  std::uint32_t interviewee_names_end_ = 0;
  std::uint32_t sentence_ = 0;  // the next narrative sentence
  std::vector<Speaker> block_;  // speakers of the dialogue turns of the current exchange
  std::vector<Speaker> called_;  // the persons the last turn of the exchange addressed by name
  const Turn* previous_ = nullptr;
  Speaker previous_answer_;
  // Index in added_ of the claim of the last answer turn, SIZE_MAX when none.
  std::size_t answer_claim_ = SIZE_MAX;
  TextSpan last_answer_;  // the line of the last answer turn seen
  TextSpan last_question_;  // the line of the last question turn seen
  // called_in_question's last answer and the question it read (none yet).
  std::uint32_t question_called_at_ = std::numeric_limits<std::uint32_t>::max();
  Speaker question_called_;
  std::vector<Speaker> answerers_;  // the speakers of labelled answers named in full
  std::string previous_cue_;
  Speaker introducer_;  // the subject of a sentence ending on a colon just before
  std::uint32_t introducer_end_ = 0;
  // The person subject of the last narrative sentence, whatever its end
  // (« Le docteur leva les yeux. »), and where that sentence ends: the one
  // who acts just before a line of dialogue with no incise opens it.
  Speaker actor_;
  std::uint32_t actor_end_ = 0;
  // The person that sentence turns to (« Le médecin se tourna vers
  // Hortense. »): the one the actor's first line speaks to, who answers it.
  Speaker actor_to_;
  // True when the turn being read took its speaker from actor_ or
  // introducer_ (turn_speaker).
  bool from_narration_ = false;
  // The narrator's name (name_narrator): the names called in the others'
  // turns (count, a mention), those the narrator calls, the narrator's
  // claims in added_.
  std::map<std::string, std::pair<int, int>> calls_;
  std::set<std::string> self_called_;
  std::set<std::string> spoke_;  // keys of the speakers of dialogue turns
  std::vector<std::pair<std::size_t, std::vector<Speaker>>> narrator_claims_;  // with the names they call
};

std::string DialoguePass::key_of(int m) const {
  const int r = root(m);
  if (r < 0) return {};
  const MentionInfo& mi = out_.mentions[r];
  if (pairs_.count(r)) return "pair:" + fold_utf8(mi.name);
  if (!mi.name.empty()) {
    // The surname names the person: Bouvard, François Bouvard, M. Bouvard.
    const std::string folded = fold_utf8(mi.name);
    const std::size_t space = folded.rfind(' ');
    return "name:" + (space == std::string::npos ? folded : folded.substr(space + 1));
  }
  if (!mi.role_head.empty()) return "role:" + mi.role_head;
  return "text:" + fold_utf8(mi.text);
}

bool DialoguePass::opens_with_tout(const std::string& folded) const {
  const std::size_t space = folded.find(' ');
  return space != std::string::npos && hooks_.words->has_extra(folded.substr(0, space), WordClasses::kToutWord);
}

void DialoguePass::collect_inner_capitals() {
  for (const Sentence& S : doc_.sentences) {
    for (std::uint32_t k = S.token_begin + 1; k < S.token_end; ++k) {
      const Token& prev = tok(k - 1);
      const bool after_opening = prev.kind == TokenKind::kQuoteMark || (prev.kind == TokenKind::kPunct && prev.lower != ",");
      if (tok(k).kind == TokenKind::kWord && tok(k).capitalized && !after_opening)
        inner_capitals_.emplace(tok(k).lower);
    }
  }
}

void DialoguePass::collect_apposed_genders() {
  const WordClasses& w = *hooks_.words;
  // The noun of a person within two words of the article: la veuve, la
  // jeune veuve.
  constexpr std::uint32_t kNounWithin = 2;
  for (const Sentence& S : doc_.sentences) {
    for (std::uint32_t k = S.token_begin; k + 3 < S.token_end; ++k) {
      if (tok(k).kind != TokenKind::kWord || !tok(k).capitalized || tok(k + 1).lower != ",") continue;
      const std::string article = fold_utf8(tok(k + 2).lower);
      if (!w.has(article, WordClasses::kArticle) || w.has(article, WordClasses::kPlural)) continue;
      const Gender g = w.has(article, WordClasses::kFeminine) ? 'f' : w.has(article, WordClasses::kMasculine) ? 'm' : '?';
      if (g == '?') continue;
      bool noun = false;
      for (std::uint32_t n = k + 3; n < S.token_end && n <= k + 2 + kNounWithin && !noun; ++n)
        noun = tok(n).kind == TokenKind::kWord && hooks_.speaking_noun(fold_utf8(tok(n).lower));
      if (!noun) continue;
      const std::string name = fold_utf8(tok(k).lower);
      if (closed_class_word(name)) continue;
      auto [it, fresh] = apposed_gender_.emplace(name, g);
      if (!fresh && it->second != g) it->second = '?';
    }
  }
}

bool DialoguePass::closed_class_word(const std::string& folded) const {
  const WordClasses& w = *hooks_.words;
  constexpr std::uint64_t kNeverNames =
      WordClasses::kConj | WordClasses::kAdv | WordClasses::kInterjection | WordClasses::kClauseOpener;
  constexpr std::uint64_t kNeverNamesGrammar = WordClasses::kNotName | WordClasses::kCeWord | WordClasses::kRelativePronoun;
  if (w.has_grammar(folded, kNeverNamesGrammar) || w.has(folded, kNeverNames)) return true;
  // A verb with its inverted clitic: Est-ce, Sais-tu, Souviens-toi.
  const std::size_t hyphen = folded.rfind('-');
  if (hyphen == std::string::npos || hyphen == 0) return false;
  const std::string clitic = folded.substr(hyphen + 1);
  return w.has_grammar(clitic, kNeverNamesGrammar) || w.has(clitic, WordClasses::kSubj | WordClasses::kObj);
}

bool DialoguePass::name_vouched(int m) const {
  const MentionInfo& mi = out_.mentions[m];
  if (!narrative_ || mi.pronoun || mi.name.empty() || mi.type == EntityType::kPerson) return true;
  bool first = true;
  for (std::uint32_t k = token_from(mi.begin); k < doc_.tokens.size() && tok(k).begin < mi.end; ++k) {
    if (tok(k).kind != TokenKind::kWord || !tok(k).capitalized) continue;
    const std::string folded = fold_utf8(tok(k).lower);
    // A closed-class word or a verb form opening the name makes it none.
    if (first && closed_class_word(folded)) return false;
    first = false;
    // A name, a word the dictionary does not know as a common word
    // (Brémond), or a noun of a person written with a capital (Oncle meunier).
    if (inner_capitals_.count(tok(k).lower) || hooks_.given_name_gender(folded) != '?' ||
        !hooks_.common_in_lower_case(k) || hooks_.speaking_noun(folded))
      return true;
  }
  return false;
}

bool DialoguePass::person_like(int m, bool described) const {
  const int r = root(m);
  if (r < 0) return false;
  const MentionInfo& mi = out_.mentions[r];
  if (!mi.state.empty() && mi.name == mi.state) return false;  // a state standing for its government
  // Demonstratives and indefinites refer to no one: C'est …, Tout …
  const std::string folded = fold_utf8(mi.text);
  if (folded.empty() || folded.back() == '\'' ||
      hooks_.words->has_grammar(folded, WordClasses::kReferencesNoOne) ||
      opens_with_tout(folded) || !hooks_.can_speak(r) || !name_vouched(r))
    return false;
  if (mi.type == EntityType::kPerson || pairs_.count(r)) return true;
  // A capitalised noun of a person opening the phrase names a person, even
  // when the name reader took the capitals for an organisation's
  // (« Oncle meunier les regarda »).
  if (mi.type == EntityType::kOrganization && described && opens_with_person_noun(folded)) return true;
  if (mi.type != EntityType::kUnknown) return false;
  return !mi.name.empty() || (described && !mi.role_head.empty());
}

bool DialoguePass::opens_with_person_noun(const std::string& folded) const {
  // The first word after the determiners: « Oncle meunier », « la voisine »,
  // not « le vieux marin » (an adjective first) nor « le chien de ma voisine ».
  for (std::size_t b = 0; b < folded.size();) {
    const std::size_t e = std::min(folded.find(' ', b), folded.size());
    const std::string word = folded.substr(b, e - b);
    if (!hooks_.words->has(word, WordClasses::kDet)) return hooks_.speaking_noun(word);
    b = e + 1;
  }
  return false;
}

void DialoguePass::resolve(int m, std::uint32_t pos, const std::string& avoid_key, const std::vector<Speaker>& called) {
  MentionInfo& p = out_.mentions[m];
  p.antecedent = kNoMention;
  // At most kLookBack candidates back.
  auto from = std::lower_bound(candidates_.begin(), candidates_.end(), pos,
                               [](const Candidate& c, std::uint32_t o) { return c.pos < o; });
  const auto stop = from - std::min<std::ptrdiff_t>(from - candidates_.begin(), kLookBack);
  auto take = [&](const Candidate& cand, bool avoid) {
    const int c = root(cand.mention);
    if (c < 0 || c == m || !compatible(p, out_.mentions[c])) return false;
    if (avoid && !avoid_key.empty() && key_of(c) == avoid_key) return false;
    // Nobody calls himself by name: « — Quant à toi, Pauline, dit-elle »
    // is said to Pauline, by someone else.
    if (!called.empty() && addressed(called, key_of(c))) return false;
    p.antecedent = c;
    return true;
  };
  // The persons of the sentence just before come first, its subjects
  // before the others: « Hélène rangeait la vaisselle. Le soir tombait
  // quand Martine entra. — Il gèle, soupira-t-elle » is Martine's.
  constexpr int kRecentRanks[] = {0, 2, 1};
  for (int rank : kRecentRanks) {
    for (int avoid = 1; avoid >= 0; --avoid) {
      for (auto it = std::make_reverse_iterator(from); it != std::make_reverse_iterator(stop); ++it) {
        if (it->pos < recent_from_) break;
        if (it->rank == rank && recent_person(*it) && take(*it, avoid == 1)) return;
      }
    }
  }
  // Then the latest compatible subject or speaker, someone other than the
  // last speaker first; failing that, a person named in the two sentences
  // before the pronoun (« Jeanne rangeait les dossiers quand Paul frappa.
  // — …, s'excusa-t-il »); failing that, the subject of one of those
  // sentences that no lexicon knows as a person (« Le vieux marin alluma
  // sa pipe. — …, raconta-t-il »).
  const std::uint32_t here = doc_.sentence_at(pos);
  for (int pass = 0; pass < 6; ++pass) {
    const int rank = pass / 2;
    for (auto it = std::make_reverse_iterator(from); it != std::make_reverse_iterator(stop); ++it) {
      if (it->rank != rank) continue;
      if (rank > 0 && doc_.sentence_at(it->pos) + 2 < here) break;
      if (take(*it, pass % 2 == 0)) return;
    }
  }
}

bool DialoguePass::recent_person(const Candidate& c) const {
  const int r = root(c.mention);
  if (r < 0) return false;
  const MentionInfo& mi = out_.mentions[r];
  if (c.rank == 2) {
    // A plural determiner anywhere in the phrase makes a group, whatever
    // opens it: « Toutes les dames des maisons voisines ».
    const std::string folded = fold_utf8(mi.text);
    for (std::size_t b = 0; b < folded.size();) {
      const std::size_t e = std::min(folded.find(' ', b), folded.size());
      if (hooks_.words->has(folded.substr(b, e - b), WordClasses::kPlural)) return false;
      b = e + 1;
    }
    return person_like(r, true) && (hooks_.speaking_noun(mi.role_head) || speaking_.count(key_of(r)) > 0);
  }
  if (c.rank == 1) return c.clause_subject && !out_.mentions[c.mention].pronoun && person_like(r, false);
  return true;
}

Speaker DialoguePass::incise_speaker(const Incise& inc, const std::string& avoid_key,
                                     const std::vector<Speaker>& called) {
  Speaker s;
  if (inc.first_person) {
    s.key = kNarratorKey;  // the narrator: named nowhere, a speaker of the dialogue all the same
    return s;
  }
  const std::uint32_t b = inc.subject_begin, e = inc.subject_end;
  if (e <= b) return s;
  // Indefinite subjects name no one: disait l'un, dit quelqu'un.
  if (inc.nobody) return s;
  const int m = hooks_.make_mention(b, e);
  if (m == kNoMention || !hooks_.can_speak(m)) return s;
  if (out_.mentions[m].pronoun) {
    resolve(m, tok(b).begin, avoid_key, called);
    s.mention = m;
    s.key = key_of(m);
    if (s.key.empty()) s.key = "pronoun:" + std::to_string(m);  // unresolved, but someone
    return s;
  }
  s = mention_speaker(m);
  add_candidate({tok(b).begin, m});
  return s;
}

std::uint32_t DialoguePass::name_run_end(std::uint32_t k, std::uint32_t end) const {
  auto attached = [this](std::uint32_t i) { return tok(i - 1).end == tok(i).begin; };
  // A nickname's elision ends a word of the name: « Mononc' Serge ».
  auto apostrophe = [this](std::uint32_t i) {
    return tok(i).end == tok(i).begin + 1 && is_apostrophe(doc_.text[tok(i).begin]);
  };
  std::uint32_t e = k;
  while (e < end && ((tok(e).kind == TokenKind::kWord && tok(e).capitalized) ||
                     (e > k && attached(e) && apostrophe(e) && e + 1 < end && tok(e + 1).capitalized) ||
                     (tok(e).lower == "." && e > k && attached(e) &&
                      (tok(e - 1).lower.size() == 1 ||
                       hooks_.words->has_grammar(tok(e - 1).lower, WordClasses::kNameTitle))))) {
    ++e;
    // A headline's last words and the lead's first ones are no name.
    if (e < end && doc_.slice(tok(e - 1).end, tok(e).begin).find(U'\n') != std::u32string_view::npos) break;
  }
  return e;
}

Speaker DialoguePass::interviewee(std::uint32_t before) {
  if (interviewee_done_) return interviewee_;
  interviewee_done_ = true;
  // The person named most often before the first question, by surname:
  // runs of capitalised words (two or more, or after a courtesy title),
  // not after "par" (a byline) nor opening with an article (Le Monde).
  std::map<std::string, std::pair<int, std::pair<std::uint32_t, std::uint32_t>>> seen;
  const std::uint32_t end = token_from(before);
  const std::uint32_t question = token_from(interview_start_);
  for (std::uint32_t k = 0; k < end;) {
    const Token& t = tok(k);
    if (t.kind != TokenKind::kWord || !t.capitalized) {
      ++k;
      continue;
    }
    const std::uint32_t e = name_run_end(k, end);
    const bool byline = k > 0 && hooks_.words->has_extra(tok(k - 1).lower, WordClasses::kParWord);
    const bool article = hooks_.words->has(t.lower, WordClasses::kArticle);
    // A headline capitalises its common nouns: « Questionnaire Coup de
    // cœur / Mononc' Serge », « Entretien Marc Lavigne ». They open no name.
    std::uint32_t b = k;
    while (b < e && tok(b).kind == TokenKind::kWord && hooks_.common_word(b) &&
           !hooks_.words->has_grammar(tok(b).lower, WordClasses::kNameTitle))
      ++b;
    std::uint32_t words = 0;
    for (std::uint32_t q = b; q < e; ++q) words += tok(q).kind == TokenKind::kWord;
    const bool titled = b < e && hooks_.words->has_grammar(tok(b).lower, WordClasses::kNameTitle) && e > b + 2;
    // Inside the first question a name counts only when it is called
    // (« Pieter Timmermans, vous êtes … ? », « Qu'en pensez-vous, Claire
    // Morin ? »); one the question speaks of is someone else (« Le maire,
    // Paul Riou, affirme que … Que lui répondez-vous ? »).
    const bool called = k < question || vocative(k, e, question);
    if (!article && !byline && called && (words >= 2 || titled)) {
      const std::string surname(tok(e - 1).lower);
      auto& entry = seen[surname];
      if (entry.first == 0 || e - b > entry.second.second - entry.second.first)
        entry.second = {b, e};  // the fullest form of the name
      ++entry.first;
    }
    k = e;
  }
  int best = 0;
  std::pair<std::uint32_t, std::uint32_t> range{0, 0};
  for (const auto& [surname, entry] : seen) {
    if (entry.first > best || (entry.first == best && entry.second.first < range.first)) {
      best = entry.first;
      range = entry.second;
    }
  }
  // Named nowhere else, the interviewee may be called by the first
  // question alone, by a first name set off by a comma (« Olivier,
  // qu'as-tu ressenti ? »): the one the questions are put to.
  if (best == 0 && interviewee_names_end_ > interview_start_) {
    const std::uint32_t q = token_from(interview_start_);
    const std::uint32_t e = name_run_end(q, end);
    if (e > q && e < end && tok(e).lower == "," && name_words(q, e)) {
      best = 1;
      range = {q, e};
    }
  }
  if (best == 0) return interviewee_;
  const int m = hooks_.make_mention(range.first, range.second);
  if (m == kNoMention || !person_like(m, false)) return interviewee_;
  // A capitalised word elided before the name is part of it, not an
  // article: « Mononc' Serge », « P'tit Louis ».
  MentionInfo& mi = out_.mentions[m];
  if (range.second > range.first + 2 && tok(range.first).kind == TokenKind::kWord &&
      tok(range.first).capitalized && tok(range.first + 1).end == tok(range.first + 1).begin + 1 &&
      is_apostrophe(doc_.text[tok(range.first + 1).begin]) && !mi.name.empty() && mi.name.size() < mi.text.size())
    mi.name = mi.text;
  interviewee_ = mention_speaker(m);
  return interviewee_;
}

Speaker DialoguePass::called_in_question(const TextSpan& question) {
  if (question.empty()) return Speaker();
  // Every answer to one question asks it: the question is read once.
  if (question.begin != question_called_at_) {
    question_called_at_ = question.begin;
    question_called_ = read_called_in_question(question);
  }
  return question_called_;
}

Speaker DialoguePass::read_called_in_question(const TextSpan& question) {
  const std::uint32_t qb = token_from(question.begin), qe = token_from(question.end);
  for (std::uint32_t k = qb; k < qe;) {
    if (tok(k).kind != TokenKind::kWord || !tok(k).capitalized) {
      ++k;
      continue;
    }
    const std::uint32_t e = std::max(name_run_end(k, qe), k + 1);
    if (vocative(k, e, qb) && name_words(k, e)) {
      const int m = hooks_.make_mention(k, e);
      if (m != kNoMention && person_like(m, false)) return mention_speaker(m);
    }
    k = e;
  }
  return Speaker();
}

std::vector<Speaker> DialoguePass::addressees(const Turn& t) {
  std::vector<Speaker> to;
  for (const auto& [b, e] : t.vocatives) {
    const int m = hooks_.make_mention(b, e);
    if (m == kNoMention) continue;
    // A name, or a noun of a person after a courtesy title (Monsieur le
    // comte): an article opens only the latter.
    const bool titled = e == b + 2 && hooks_.words->has(fold_utf8(tok(b).lower), WordClasses::kArticle);
    if (titled ? !hooks_.speaking_noun(fold_utf8(tok(b + 1).lower))
               : out_.mentions[m].name.empty() || !person_like(m, false))
      continue;
    to.push_back(mention_speaker(m));
  }
  // The one an incise speaks to: "demanda Laurence à Pauline", "dit-elle
  // à mon père" (a noun of a person will do: the incise says it is spoken to).
  for (const Incise& inc : t.incises) {
    if (inc.addressee_end <= inc.addressee_begin) continue;
    const int m = hooks_.make_mention(inc.addressee_begin, inc.addressee_end);
    if (m != kNoMention && !out_.mentions[m].pronoun && person_like(m, true)) to.push_back(mention_speaker(m));
  }
  return to;
}

void DialoguePass::split_quotation(const Turn& t) {
  recent_from_ = UINT32_MAX;
  if (t.nested) {
    nested_quotation(t);
    return;
  }
  // With no claim of the other rules, the incise alone says it is speech.
  AttributedClaim whole;
  whole.kind = ClaimKind::kDirect;
  for (std::size_t i = first_claim(t.line.begin); i < out_.claims.size() && out_.claims[i].begin == t.line.begin; ++i) {
    const AttributedClaim& c = out_.claims[i];
    if (dropped_[i] || c.end != t.line.end || c.kind == ClaimKind::kAct) continue;
    whole = c;
    dropped_[i] = 1;
    break;
  }
  // The incise inside the quotation names its speaker: a noun phrase
  // wins over what the other rules found (« Ça suffit ! siffle la juge. »),
  // a pronoun only fills a gap.
  const Incise& inc = t.incises.front();
  const bool pronoun = inc.first_person || tok(inc.subject_begin).kind == TokenKind::kClitic;
  if (whole.speaker == kNoMention || !pronoun) {
    Speaker s = incise_speaker(inc, {});
    if (s.mention != kNoMention || whole.speaker == kNoMention) {
      whole.speaker = s.key == kNarratorKey ? kNoMention : s.mention;
      whole.cue = text_of(inc.cue_begin, inc.cue_end);
    }
  }
  for (std::size_t i = 0; i < t.pieces.size(); ++i) {
    AttributedClaim c = whole;
    c.begin = t.pieces[i].begin;
    c.end = t.pieces[i].end;
    // Each target goes with the piece that names it, the others (named
    // by the incise: the one it speaks to) with the first, and with a later
    // piece that still speaks to someone (« « Vous avez menti, a lancé X
    // à M. Girard. Vous dites même … » »).
    c.targets.clear();
    const bool addressed = i > 0 && hooks_.addressed && hooks_.addressed(c.begin, c.end);
    for (int m : whole.targets) {
      const MentionInfo& mi = out_.mentions[m];
      const bool here = mi.begin >= c.begin && mi.begin < c.end;
      bool elsewhere = false;
      for (const TextSpan& p : t.pieces) elsewhere |= mi.begin >= p.begin && mi.begin < p.end;
      if (here || ((i == 0 || addressed) && !elsewhere)) c.targets.push_back(m);
    }
    added_.push_back(std::move(c));
  }
}

void DialoguePass::nested_quotation(const Turn& t) {
  // Only in a narrative: the press's nested quotations are the other
  // rules' (direct_nested). Inside an interview answer too: the claim
  // they found there stands, its speaker whoever the answer names (« Ce
  // sont ceux qui disent : “ … ” », « Mon voisin dit : « … » »).
  if (!narrative_) {
    if (last_answer_.begin > t.line.begin || t.line.end > last_answer_.end) return;
    for (std::size_t i = first_claim(t.line.begin); i < out_.claims.size() && out_.claims[i].begin < t.line.end; ++i)
      if (out_.claims[i].kind != ClaimKind::kAct && out_.claims[i].end <= t.line.end) dropped_[i] = 0;
    return;
  }
  int speaker = kNoMention;
  std::string cue;
  if (!t.incises.empty()) {
    Speaker sp = incise_speaker(t.incises.front(), {});
    speaker = sp.key == kNarratorKey ? kNoMention : sp.mention;
    cue = text_of(t.incises.front().cue_begin, t.incises.front().cue_end);
  } else {
    // The subject of the clause before the colon: « Il m'a dit : “ … ” ».
    std::uint32_t k = token_from(t.line.begin);
    while (k > 0 && tok(k - 1).kind == TokenKind::kQuoteMark) --k;
    if (k == 0) return;
    const std::uint32_t colon = k - 1;
    const std::uint32_t s = doc_.sentence_at(tok(colon).begin);
    const int m = hooks_.sentence_subject(s, colon);
    if (m != kNoMention && hooks_.can_speak(m) && !first_person(m) && token_from(out_.mentions[m].end) < colon) {
      if (out_.mentions[m].pronoun) resolve(m, out_.mentions[m].begin, {});
      speaker = m;
    }
  }
  for (const TextSpan& p : t.pieces) {
    // The quotation pass may have read the same nested words after a cue
    // and a colon: the narrative's reading replaces it.
    for (std::size_t i = first_claim(p.begin); i < out_.claims.size() && out_.claims[i].begin == p.begin; ++i)
      if (out_.claims[i].end == p.end && out_.claims[i].kind == ClaimKind::kDirect) dropped_[i] = 1;
    add_claim(p, cue, speaker);
  }
}

void DialoguePass::introduce_quotations(std::uint32_t s) {
  const Sentence& S = doc_.sentences[s];
  for (std::size_t i = first_claim(S.begin); i < out_.claims.size() && out_.claims[i].begin < S.end; ++i) {
    if (dropped_[i]) continue;
    AttributedClaim& c = out_.claims[i];
    // In a narrative, a pronoun speaker goes back to the narration's
    // subjects and the dialogue's speakers, as the incises' pronouns do.
    if (narrative_ && c.speaker != kNoMention && out_.mentions[c.speaker].pronoun &&
        hooks_.words->has_grammar(fold_utf8(out_.mentions[c.speaker].text), WordClasses::kThirdPersonSubject))
      resolve(c.speaker, out_.mentions[c.speaker].begin, {});
    // The narrator (je, me) is named nowhere: no speaker.
    if (narrative_ && c.speaker != kNoMention && first_person(c.speaker)) c.speaker = kNoMention;
    if (!narrative_ || c.kind != ClaimKind::kDirect || c.speaker != kNoMention) continue;
    // The opening mark, then the colon before it.
    std::uint32_t k = token_from(c.begin);
    if (k < S.token_begin + 2 || k > S.token_end) continue;
    if (tok(k - 1).kind == TokenKind::kQuoteMark) --k;
    if (k < S.token_begin + 2 || tok(k - 1).kind != TokenKind::kPunct || tok(k - 1).lower != ":") continue;
    const std::uint32_t colon = k - 1;
    const int m = hooks_.sentence_subject(s, colon);
    if (m == kNoMention || !hooks_.can_speak(m) || first_person(m) || !name_vouched(m)) continue;
    // A verb must follow the subject before the colon: "Elle murmurait :",
    // not a heading such as "Réforme des retraites :".
    if (token_from(out_.mentions[m].end) >= colon) continue;
    if (out_.mentions[m].pronoun) resolve(m, out_.mentions[m].begin, {});
    c.speaker = m;
  }
}

void DialoguePass::prepare(const std::vector<Turn>& turns) {
  // The other rules read an incise as a speech verb and a quotation inside
  // a turn as a quotation of the narration: their claims there give way.
  for (const Turn& t : turns)
    if (t.kind != TurnKind::kQuotation) lines_.push_back(t.line);
  std::sort(lines_.begin(), lines_.end(), [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  dropped_.assign(out_.claims.size(), 0);
  for (std::size_t i = 0; i < out_.claims.size(); ++i)
    dropped_[i] = inside_turn(out_.claims[i].begin, out_.claims[i].end);

  // Those who speak in incises (dit la servante) are persons even when no
  // lexicon knows their noun: the narration's subjects with the same head
  // are candidates for the pronouns of later incises.
  named_.assign(turns.size(), Speaker());
  for (std::size_t i = 0; i < turns.size(); ++i) {
    const Turn& t = turns[i];
    if (t.kind != TurnKind::kDialogue || t.incises.empty()) continue;
    const Incise& inc = t.incises.front();
    if (inc.first_person || inc.subject_end != inc.subject_begin + 1 ||
        tok(inc.subject_begin).kind != TokenKind::kClitic) {
      named_[i] = incise_speaker(inc, {});
      if (named_[i].mention != kNoMention) speaking_.insert(named_[i].key);
    }
  }
  candidates_.clear();
  interview_start_ = static_cast<std::uint32_t>(doc_.text.size());
  for (const Turn& t : turns) {
    narrative_ |= t.kind == TurnKind::kDialogue;
    if (t.kind == TurnKind::kQuestion || t.kind == TurnKind::kAnswer)
      interview_start_ = std::min(interview_start_, t.line.begin);
  }
  if (narrative_) collect_inner_capitals(), collect_apposed_genders();
  interviewee_names_end_ = interview_start_;
  for (const Turn& t : turns)
    if (t.line.begin == interview_start_ && t.kind == TurnKind::kQuestion) interviewee_names_end_ = t.line.end;
}

void DialoguePass::run(const std::vector<Turn>& turns) {
  prepare(turns);
  // The narration and the turns in text order: each narrative sentence's
  // subject is a candidate for the pronouns that follow.
  for (std::size_t i = 0; i <= turns.size(); ++i) {
    const std::uint32_t limit = i < turns.size() ? turns[i].line.begin : static_cast<std::uint32_t>(doc_.text.size());
    for (; sentence_ < doc_.sentences.size() && doc_.sentences[sentence_].begin < limit; ++sentence_)
      narrate(sentence_);
    if (i == turns.size()) break;
    const Turn& t = turns[i];
    if (t.kind == TurnKind::kQuotation) split_quotation(t);
    else if (t.kind == TurnKind::kAnswer) answer(t), last_answer_ = t.line;
    else if (t.kind == TurnKind::kQuestion) last_question_ = t.line;
    else if (t.kind == TurnKind::kDialogue) dialogue_turn(t, i);
  }
  name_narrator();
  std::vector<AttributedClaim> claims;
  claims.reserve(out_.claims.size() + added_.size());
  for (std::size_t i = 0; i < out_.claims.size(); ++i)
    if (!dropped_[i]) claims.push_back(std::move(out_.claims[i]));
  for (AttributedClaim& c : added_) claims.push_back(std::move(c));
  out_.claims = std::move(claims);
  if (narrative_) split_at_paragraphs();
  std::stable_sort(out_.claims.begin(), out_.claims.end(),
                   [](const AttributedClaim& a, const AttributedClaim& b) { return a.begin < b.begin; });
}

void DialoguePass::narrate(std::uint32_t s) {
  const Sentence& S = doc_.sentences[s];
  if (inside_turn(S.begin, S.end)) return;
  // A pronoun of this sentence looks first at the sentence before, when
  // that one is narration too, and at its own sentence.
  const bool follows_narration = s > 0 && last_narration_ == doc_.sentences[s - 1].begin;
  recent_from_ = follows_narration ? last_narration_ : S.begin;
  last_narration_ = S.begin;
  int m = hooks_.sentence_subject(s, S.token_end);
  introducer_ = Speaker();
  actor_ = Speaker();
  actor_to_ = Speaker();
  introduce_quotations(s);
  const Token& last = tok(S.token_end - 1);
  const bool colon = last.kind == TokenKind::kPunct && last.lower == ":";
  if (colon && m != kNoMention) {
    const Speaker owner = utterance_owner(s, m);
    if (owner.known()) {
      introducer_ = owner;
      introducer_end_ = S.end;
      return;
    }
  }
  // A person named as the subject of a clause is as salient as the
  // sentence's subject: « Laurence fit l'autre, et Pauline se trouva
  // coiffée » ¶ « — Quelle adresse ! s'écria-t-elle » is Pauline's.
  for (int n : hooks_.person_names(s)) {
    const bool opens_clause = hooks_.before_its_verb(n);
    add_candidate({out_.mentions[n].begin, n, opens_clause ? 0 : 1, opens_clause || hooks_.subject_of_clause(n)});
  }
  if (m == kNoMention || !hooks_.can_speak(m) || !name_vouched(m)) return;
  if (first_person(m)) {
    // "Je lui dis :" introduces the narrator; "Je me levai." makes the
    // narrator the one who acts before the next line.
    actor_.key = kNarratorKey;
    actor_end_ = S.end;
    if (colon) {
      introducer_.key = kNarratorKey;
      introducer_end_ = S.end;
    } else {
      asked_answers(s);
    }
    return;
  }
  if (!out_.mentions[m].pronoun) {
    // A pair speaks as one; each of the two stays a candidate for il, elle.
    const int pair = pair_of(s, m);
    if (pair != m && person_like(m, false)) add_candidate({out_.mentions[m].begin, m});
    m = pair;
  }
  const std::uint32_t pos = out_.mentions[m].begin;
  if (out_.mentions[m].pronoun) {
    add_main_clause_subject(s, m);
    resolve(m, pos, {});
  }
  // A sentence ending on a colon introduces the turn after it; its
  // subject speaks, whatever its noun.
  if (!colon && !person_like(m, false) && !speaking_.count(key_of(m))) {
    if (person_like(m, true)) add_candidate({pos, m, 2});
    return;
  }
  add_candidate({pos, m});
  actor_ = mention_speaker(m);
  actor_end_ = S.end;
  actor_to_ = turned_to(s, m);
  if (colon) {
    introducer_ = mention_speaker(m);
    introducer_end_ = S.end;
  } else {
    asked_answers(s);
  }
}

int DialoguePass::pair_of(std::uint32_t s, int m) {
  if (out_.mentions[m].name.empty()) return m;
  const std::uint32_t b = token_from(out_.mentions[m].begin), e = token_from(out_.mentions[m].end);
  const Sentence& S = doc_.sentences[s];
  auto et = [&](std::uint32_t k) {
    return k >= S.token_begin && k < S.token_end && hooks_.words->has_extra(fold_utf8(tok(k).lower), WordClasses::kEtWord);
  };
  // The other person: a name ending right before et (Paul et Virginie, the
  // subject being the second) or opening right after it (the first).
  int other = kNoMention;
  for (int n : hooks_.person_names(s)) {
    const std::uint32_t nb = token_from(out_.mentions[n].begin), ne = token_from(out_.mentions[n].end);
    if ((b > S.token_begin && et(b - 1) && ne == b - 1) || (et(e) && nb == e + 1)) other = n;
  }
  // A name opening the sentence is none of person_names': « Bouvard et
  // Pécuchet reprirent ensemble : ». Its capitalised words, back from et.
  std::uint32_t first = b > S.token_begin ? b - 1 : b;
  while (other == kNoMention && first > S.token_begin && et(b - 1) && tok(first - 1).kind == TokenKind::kWord &&
         tok(first - 1).capitalized)
    --first;
  if (other == kNoMention && first == S.token_begin && first + 1 < b) {
    other = hooks_.make_mention(first, b - 1);
    if (other != kNoMention && other + 1 == static_cast<int>(out_.mentions.size()) &&
        (out_.mentions[other].pronoun || !person_like(other, false))) {
      out_.mentions.pop_back();  // not a person: the mention just made goes
      other = kNoMention;
    }
  }
  if (other == kNoMention || !person_like(other, false) || key_of(other) == key_of(m)) return m;
  const MentionInfo& a = out_.mentions[std::min(m, other, [this](int x, int y) {
    return out_.mentions[x].begin < out_.mentions[y].begin;
  })];
  const MentionInfo& z = out_.mentions[a.begin == out_.mentions[m].begin ? other : m];
  MentionInfo pair;
  pair.begin = a.begin;
  pair.end = z.end;
  pair.text = to_utf8(doc_.slice(pair.begin, pair.end));
  pair.name = a.name + " et " + z.name;
  pair.type = EntityType::kGroup;
  pair.plural = true;
  if (gender_of(a) == 'f' && gender_of(z) == 'f') pair.gender = 'f';
  else if (gender_of(a) == 'm' || gender_of(z) == 'm') pair.gender = 'm';
  out_.mentions.push_back(std::move(pair));
  const int made = static_cast<int>(out_.mentions.size()) - 1;
  pairs_.insert(made);
  return made;
}

void DialoguePass::asked_answers(std::uint32_t s) {
  bool dative = false;
  const int named = hooks_.asked(s, dative);
  Speaker asked = named != kNoMention ? mention_speaker(named) : Speaker();
  if (dative) {
    asked = last_person_before(s, 3, [this](const Candidate& c, const Speaker& sp) {
      return (c.rank != 2 || recent_person(c)) && sp.key != actor_.key;
    });
  }
  if (!asked.known() || asked.key == actor_.key) return;
  actor_to_ = actor_;
  actor_ = asked;
}

Speaker DialoguePass::turned_to(std::uint32_t s, int subject) {
  const Sentence& S = doc_.sentences[s];
  const WordClasses& w = *hooks_.words;
  auto address = [&](std::uint32_t k) { return w.has_anchor(fold_utf8(tok(k).lower), WordClasses::kAddressWord); };
  auto preposition = [&](std::uint32_t k) { return w.has(fold_utf8(tok(k).lower), WordClasses::kPrep); };
  for (std::uint32_t k = token_from(out_.mentions[subject].end); k + 1 < S.token_end; ++k) {
    // vers itself, or a verb of turning or addressing with à, au, aux or
    // vers after it (se tourna vers, s'adressa à).
    if (tok(k).kind != TokenKind::kWord || !address(k)) continue;
    std::uint32_t at = k + 1;
    bool contracted = false;  // au, aux: the article is in the preposition
    if (!preposition(k)) {
      const std::string next = fold_utf8(tok(k + 1).lower);
      if (!w.has_anchor(next, WordClasses::kDativeWord) && !(address(k + 1) && preposition(k + 1))) continue;
      contracted = w.has_extra(next, WordClasses::kAuForm);
      at = k + 2;
    }
    if (at >= S.token_end) return Speaker();
    // A name (vers Hortense) or a noun of a person after its determiner
    // (vers le médecin, au curé).
    for (int n : hooks_.person_names(s))
      if (token_from(out_.mentions[n].begin) == at) return mention_speaker(n);
    const bool det = !contracted && w.has(fold_utf8(tok(at).lower), WordClasses::kDet);
    const std::uint32_t noun = det ? at + 1 : at;
    if ((det || contracted) && noun < S.token_end && hooks_.speaking_noun(fold_utf8(tok(noun).lower))) {
      const int m = hooks_.make_mention(at, noun + 1);
      if (m != kNoMention) return mention_speaker(m);
    }
    return Speaker();
  }
  return Speaker();
}

Speaker DialoguePass::utterance_owner(std::uint32_t s, int subject) const {
  const MentionInfo& mi = out_.mentions[subject];
  if (mi.pronoun || mi.end <= mi.begin) return Speaker();
  const WordClasses& w = *hooks_.words;
  const std::uint32_t b = token_from(mi.begin), e = token_from(mi.end);
  bool utterance = false;
  for (std::uint32_t k = b; k < e; ++k)
    utterance |= tok(k).kind == TokenKind::kWord && w.has_anchor(fold_utf8(tok(k).lower), WordClasses::kUtteranceNoun);
  if (!utterance) return Speaker();
  // Whose words: a possessive of the third person opens the subject (Son
  // premier cri), or a dative clitic follows it, after ne at most (lui
  // échappa, ne lui échappa).
  bool owned = w.has_grammar(fold_utf8(tok(b).lower), WordClasses::kThirdPossessive);
  for (std::uint32_t k = e; !owned && k < e + 2 && k < doc_.sentences[s].token_end; ++k)
    owned = w.has_anchor(fold_utf8(tok(k).lower), WordClasses::kThirdDative);
  if (!owned) return Speaker();
  // The person who acted last in the two sentences before: the subject of
  // the narration or the speaker of a turn.
  return last_person_before(s, 2, [this](const Candidate& c, const Speaker&) {
    return c.rank != 1 && (c.rank != 2 || recent_person(c));
  });
}

void DialoguePass::add_main_clause_subject(std::uint32_t s, int pronoun) {
  const int main = hooks_.main_clause_subject(s);
  const std::uint32_t pronoun_pos = out_.mentions[pronoun].begin;
  if (main == kNoMention || out_.mentions[main].pronoun || out_.mentions[main].end > pronoun_pos) return;
  if (!person_like(main, true) && !speaking_.count(key_of(main))) return;
  // Between them: after the main subject's last word, so that the name
  // inside it (« Le petit Jean », « Le vieux Pierre ») is no other person.
  auto between = std::lower_bound(candidates_.begin(), candidates_.end(), out_.mentions[main].end,
                                  [](const Candidate& c, std::uint32_t o) { return c.pos < o; });
  for (; between != candidates_.end() && between->pos < pronoun_pos; ++between) {
    const int c = root(between->mention);
    if (c >= 0 && c != main && compatible(out_.mentions[pronoun], out_.mentions[c])) return;
  }
  add_candidate({out_.mentions[main].begin, main});
}

void DialoguePass::note_calls(const Speaker& sp, const std::vector<Speaker>& to, bool said) {
  if (sp.mention != kNoMention) spoke_.insert(sp.key);
  for (const Speaker& a : to) {
    // A turn the exchange gives the narrator may be another's: only an
    // incise (dis-je) makes the narrator's own calls sure.
    if (sp.key == kNarratorKey) {
      if (said) self_called_.insert(a.key);
      continue;
    }
    auto& [count, mention] = calls_[a.key];
    if (count++ == 0) mention = a.mention;
  }
}

void DialoguePass::name_narrator() {
  // The name others call the narrator by: called at least twice in turns
  // that are not the narrator's, never by the narrator, and never named
  // as a speaker (« — Tiens, Annette, prends ta fille. », « — Allons,
  // Annette, lève-toi. » in a story told by Annette).
  constexpr int kMinCalls = 2;
  int best = 0, narrator = kNoMention;
  std::string narrator_key;
  for (const auto& [key, entry] : calls_) {
    if (entry.first < kMinCalls || self_called_.count(key) || spoke_.count(key) || speaking_.count(key)) continue;
    if (entry.first > best) best = entry.first, narrator = entry.second, narrator_key = key;
  }
  if (narrator == kNoMention) return;
  // A turn given to the narrator that calls the narrator's name is
  // another's, speaker unknown.
  for (const auto& [i, to] : narrator_claims_)
    if (!addressed(to, narrator_key)) added_[i].speaker = narrator;
}

std::u32string DialoguePass::initials_of(std::uint32_t begin, std::uint32_t end, bool label) const {
  std::u32string initials;
  std::uint32_t i = begin;
  while (i < end) {
    while (i < end && !is_letter(doc_.text[i])) ++i;
    std::uint32_t j = i;
    while (j < end && is_letter(doc_.text[j])) ++j;
    if (j == i) break;
    const std::u32string_view word = doc_.slice(i, j);
    if (label) {
      // A label of initials: capitals only, one or two to a word (AD, K M).
      for (char32_t c : word)
        if (!is_upper(c)) return {};
      if (word.size() > 2) return {};
      initials += word;
    } else if (is_upper(word[0]) && !hooks_.words->has_grammar(fold(word), WordClasses::kNameTitle)) {
      initials += word[0];
    }
    i = j;
  }
  constexpr std::size_t kMaxInitials = 4;
  return initials.size() > kMaxInitials ? std::u32string() : initials;
}

Speaker DialoguePass::initials_speaker(const TextSpan& label) {
  const std::u32string initials = initials_of(label.begin, label.end, true);
  if (initials.size() < 2) return Speaker();
  // The first letters of a name, in order, the first one first: KM for
  // Koné Marc Kidjafolo, JR for Jean Roux.
  auto abbreviates = [&initials](const std::u32string& full) {
    if (full.empty() || full[0] != initials[0]) return false;
    std::size_t k = 0;
    for (char32_t c : full) k += k < initials.size() && c == initials[k];
    return k == initials.size();
  };
  std::vector<Speaker> known = answerers_;
  known.push_back(interviewee(interviewee_names_end_));
  for (const Speaker& person : known) {
    if (person.mention == kNoMention) continue;
    const MentionInfo& mi = out_.mentions[person.mention];
    if (abbreviates(initials_of(mi.begin, mi.end, false))) return person;
  }
  return Speaker();
}

bool DialoguePass::names_no_one(int m) const {
  const MentionInfo& mi = out_.mentions[m];
  return mi.type == EntityType::kUnknown && mi.name.empty() && !person_like(m, true);
}

void DialoguePass::answer(const Turn& t) {
  Speaker sp;
  std::vector<TextSpan> pieces = t.pieces;
  if (t.continues) {
    sp = previous_answer_;
  } else if (!t.label.empty()) {
    const std::uint32_t b = token_from(t.label.begin), e = token_from(t.label.end);
    if (e > b) sp = mention_speaker(hooks_.make_mention(b, e));
    const Speaker named = initials_speaker(t.label);
    if (named.known()) {
      sp = named;
    } else if (sp.mention != kNoMention && names_no_one(sp.mention) && pieces.size() == 1) {
      // « Le problème : … » inside an answer is the answer's own words,
      // not a label: they go on with its speaker, the phrase included;
      // opening the first answer (« Que la maternité ne ferme pas : elle
      // déménage »), they are the interviewee's.
      sp = previous_answer_.known() ? previous_answer_ : interviewee(interviewee_names_end_);
      pieces.front().begin = t.label.begin;
    } else if (sp.mention != kNoMention) {
      answerers_.push_back(sp);
    }
  } else {
    sp = interviewee(interviewee_names_end_);
    const Speaker called = called_in_question(last_question_);
    // The quotations before the first question are the interview's
    // title and lead-in: the interviewee's words when nobody else's.
    for (std::size_t k = 0; k < out_.claims.size() && out_.claims[k].begin < interview_start_; ++k) {
      AttributedClaim& c = out_.claims[k];
      if (!dropped_[k] && c.kind == ClaimKind::kDirect && c.speaker == kNoMention && c.end <= interview_start_)
        c.speaker = sp.mention;
    }
    if (called.known()) sp = called;
  }
  previous_answer_ = sp;
  keep_reported_speech(t.line, sp);
  // An answer that runs over several paragraphs with nothing between
  // them is one turn and one quote (« Q : Et la suite ? ¶ Nous rouvrirons
  // en mai. ¶ Le chantier sera fini avant l'été. »).
  // A paragraph opened by a quotation mark is a pull quote, no part of
  // the answer's run.
  if (t.continues && answer_claim_ != SIZE_MAX && answer_claim_ + 1 == added_.size() && pieces.size() == 1 &&
      added_.back().speaker == sp.mention && !pull_quote(added_.back().begin) && !pull_quote(pieces.front().begin)) {
    added_.back().end = pieces.front().end;
    return;
  }
  for (const TextSpan& p : pieces) add_claim(p, std::string(), sp.mention);
  answer_claim_ = pieces.empty() ? SIZE_MAX : added_.size() - 1;
}

void DialoguePass::keep_reported_speech(const TextSpan& line, const Speaker& sp) {
  for (std::size_t i = first_claim(line.begin); i < out_.claims.size() && out_.claims[i].begin < line.end; ++i) {
    AttributedClaim& c = out_.claims[i];
    const bool reported = c.kind == ClaimKind::kIndirect || (c.kind == ClaimKind::kMixed && !c.cue.empty());
    if (c.end > line.end || !reported || c.speaker == kNoMention) continue;
    if (first_person(c.speaker)) {
      if (!told_in_past(c.cue)) continue;
      c.speaker = sp.mention;
    }
    dropped_[i] = 0;
  }
}

bool DialoguePass::told_in_past(const std::string& cue) const {
  std::size_t i = 0;
  while (i < cue.size()) {
    std::size_t j = cue.find(' ', i);
    if (j == std::string::npos) j = cue.size();
    std::string word = fold_utf8(cue.substr(i, j - i));
    const std::size_t apostrophe = word.rfind('\'');
    if (apostrophe != std::string::npos) word = word.substr(apostrophe + 1);
    if (hooks_.words->has(word, WordClasses::kAux)) return true;
    i = j + 1;
  }
  return false;
}

void DialoguePass::dialogue_turn(const Turn& t, std::size_t i) {
  // A paragraph that goes on with the turn before: its speaker.
  if (t.continues && previous_ && !block_.empty()) {
    const int speaker = block_.back().key == kNarratorKey ? kNoMention : block_.back().mention;
    if (block_.back().key == kNarratorKey) narrator_claims_.push_back({added_.size(), {}});
    for (const TextSpan& p : t.pieces) add_claim(p, previous_cue_, speaker);
    previous_ = &t;
    return;
  }
  // An exchange is broken by a paragraph of narration, unless it names no
  // one who may speak (« Il faisait froid dans la chambre. »).
  if (!previous_ || (t.paragraph > previous_->paragraph + 1 && candidate_between(previous_->line.end, t.line.begin)))
    block_.clear(), called_.clear();
  // The pronoun of the incise looks first at the narration right before
  // the turn, if any.
  const bool after_narration = last_narration_ != UINT32_MAX && (!previous_ || last_narration_ >= previous_->line.end);
  recent_from_ = after_narration ? last_narration_ : UINT32_MAX;
  const std::vector<Speaker> to = addressees(t);
  std::string cue;
  from_narration_ = false;
  Speaker sp = turn_speaker(t, i, to, cue);
  // Nobody calls himself by name: the one addressed is the other one of
  // the exchange (« — Regarde, Marthe, à ta droite »).
  if (t.incises.empty() && sp.known() && addressed(to, sp.key)) {
    Speaker other;
    for (auto it = block_.rbegin(); it != block_.rend() && !other.known(); ++it)
      if (it->known() && it->key != sp.key && !addressed(to, it->key)) other = *it;
    sp = other;
  }
  called_ = to;
  // « Le médecin se tourna vers Hortense. » ¶ — Avez-vous peur ? ¶ — Un
  // peu. : the one the speaker turned to answers.
  if (called_.empty() && from_narration_ && actor_to_.known() && actor_to_.key != sp.key)
    called_.push_back(actor_to_);
  // "Il me dit :" ¶ — … : the narrator answers.
  if (t.to_narrator && sp.key != kNarratorKey) called_.insert(called_.begin(), Speaker{kNoMention, kNarratorKey});
  note_calls(sp, to, !t.incises.empty());
  introducer_ = Speaker();
  if (sp.mention != kNoMention) add_candidate({t.line.begin, sp.mention});
  const int speaker = sp.key == kNarratorKey ? kNoMention : sp.mention;
  for (const TextSpan& p : t.pieces) {
    if (sp.key == kNarratorKey) narrator_claims_.push_back({added_.size(), to});
    add_claim(p, cue, speaker);
  }
  block_.push_back(sp);
  previous_ = &t;
  previous_cue_ = cue;
}

Speaker DialoguePass::turn_speaker(const Turn& t, std::size_t i, const std::vector<Speaker>& to,
                                   std::string& cue) {
  const std::string last_key = block_.empty() ? std::string() : block_.back().key;
  if (!t.incises.empty()) {
    const Incise& inc = t.incises.front();
    Speaker sp = named_[i].known() ? named_[i] : incise_speaker(inc, last_key, to);
    cue = text_of(inc.cue_begin, inc.cue_end);
    // Celui-ci, celle-ci: the one named last, who was spoken to
    // (« — Me voit-elle ? demanda Laurence à Pauline. — Nullement,
    // répondit celle-ci »). A subject pronoun likewise answers the one the
    // turn before spoke to, when it may stand for that person (« — Je
    // crains le froid, dit-elle à mon père. — Bah, répondit-il, … »).
    const bool pronoun = !inc.first_person && inc.subject_end == inc.subject_begin + 1 &&
                         tok(inc.subject_begin).kind == TokenKind::kClitic && called_.size() == 1 &&
                         called_.front().mention != kNoMention;
    if ((inc.latter || pronoun) && !called_.empty() && called_.front().key != last_key &&
        (sp.mention == kNoMention || compatible(out_.mentions[sp.mention], out_.mentions[root(called_.front().mention)])))
      sp = called_.front();
    return sp;
  }
  if (introducer_.known() && introducer_end_ <= t.line.begin &&
      (!previous_ || previous_->line.end <= introducer_end_)) {
    from_narration_ = true;
    return introducer_;  // « Le médecin me demandait : » ¶ — Souffrez-vous beaucoup ?
  }
  // The first line of an exchange, right after a narrative sentence whose
  // subject is a person, is that person's: the narration shows the speaker
  // acting, then lets them speak (« Le docteur leva les yeux. » ¶ « — Vous
  // êtes en retard. »).
  if (block_.empty() && actor_.known() && actor_end_ <= t.line.begin &&
      (!previous_ || previous_->line.end <= actor_end_)) {
    from_narration_ = true;
    return actor_;
  }
  // The one the last turn called by name answers it: « — Voyons
  // Firmin, et cette fable ? — Je la sais, papa. »
  if (!called_.empty() && !block_.empty() && called_.front().key != last_key) return called_.front();
  // No incise: the speaker before the last one answers (A, B, A …).
  if (block_.size() >= 2 && block_[block_.size() - 2].known() && block_[block_.size() - 2].key != last_key)
    return block_[block_.size() - 2];
  // The other one of the exchange, when the last speaker is known.
  if (!block_.empty() && block_.back().known()) {
    for (auto it = block_.rbegin(); it != block_.rend(); ++it)
      if (it->known() && it->key != last_key) return *it;
  }
  return Speaker();
}

void DialoguePass::split_at_paragraphs() {
  std::vector<AttributedClaim> pieces;
  pieces.reserve(out_.claims.size());
  for (auto it = out_.claims.begin(); it != out_.claims.end(); ++it) {
    const std::uint32_t first = doc_.sentences[doc_.sentence_at(it->begin)].paragraph;
    const std::uint32_t last = doc_.sentences[doc_.sentence_at(it->end - 1)].paragraph;
    if (it->kind != ClaimKind::kDirect || first == last) {
      pieces.push_back(std::move(*it));
      continue;
    }
    for (std::uint32_t p = first; p <= last; ++p) {
      std::uint32_t b = std::max(it->begin, doc_.paragraphs[p].begin), e = std::min(it->end, doc_.paragraphs[p].end);
      // Each paragraph reopens with « and the last one closes with ».
      while (b < e && (is_space(doc_.text[b]) || doc_.text[b] == 0x00AB || doc_.text[b] == 0x00BB)) ++b;
      while (e > b && (is_space(doc_.text[e - 1]) || doc_.text[e - 1] == 0x00BB)) --e;
      if (e <= b) continue;
      AttributedClaim c = *it;
      c.begin = b;
      c.end = e;
      pieces.push_back(std::move(c));
    }
  }
  out_.claims = std::move(pieces);
}

}  // namespace

void attribute_dialogue(const Document& doc, const std::vector<Turn>& turns, Attribution& out,
                        const DialogueHooks& hooks) {
  if (turns.empty()) return;
  DialoguePass(doc, out, hooks).run(turns);
}

}  // namespace quotegraph::detail
