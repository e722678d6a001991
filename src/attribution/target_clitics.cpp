// The one an object clitic on a cue stands for (target_clitics.h): « Paul
// Girard a fermé l'usine. « Je lui reproche son silence » » aims at Paul
// Girard. French grammar: lui and leur stand for the one asked or blamed,
// le, la, l', les for the one accused or called upon; they take up someone
// named shortly before, of their gender and number (la, leur; the
// participle after avoir agrees with a direct clitic: « l'a accusée »);
// the subject of the cue, who speaks, is never its own object.
#include "target_clitics.h"

#include <algorithm>

namespace quotegraph::detail {

namespace {

// How many sentences before the clitic's own its antecedent may stand:
// a clitic takes up someone just named, and the bound keeps a document of
// many clitics linear.
constexpr std::uint32_t kSentencesBack = 2;
// How many paragraphs back those sentences may stand: wire copy puts one
// sentence to a line, so the sentences before may each be a paragraph.
constexpr std::uint32_t kParagraphsBack = 2;
// How many claims before the clitic's sentence may still cover it (a long
// quotation that opened earlier); a bound, not a search of every claim.
constexpr int kClaimsBack = 16;
// The acute e of the past participle's ending (-é, -ée, -és, -ées), which
// tells the gender and number of a direct clitic it agrees with.
constexpr char32_t kAcuteE = U'\u00E9';

// The first entry of the position index (Run::mentions_by_position_)
// whose mention begins at or after code point `at`.
std::vector<int>::const_iterator first_indexed_from(const Run& run, std::uint32_t at) {
  const auto& index = run.mentions_by_position_;
  return std::lower_bound(index.begin(), index.end(), at,
                          [&](int m, std::uint32_t p) { return run.out.mentions[m].begin < p; });
}

// Whether mention `mi` names someone a clitic can stand for.
bool names_someone(const MentionInfo& mi) {
  if (mi.pronoun) return false;
  switch (mi.type) {
    case EntityType::kPerson:
    case EntityType::kOrganization:
    case EntityType::kGroup:
      return !mi.name.empty() || !mi.role_head.empty();
    case EntityType::kCountry:
      return !mi.name.empty();
    default:
      return false;
  }
}

// Whether mentions `a` and `b` name one entity: the same name, or no name
// and the same role.
bool same_referent(const MentionInfo& a, const MentionInfo& b) {
  if (!a.name.empty() || !b.name.empty()) return a.name == b.name;
  return !a.role.empty() && a.role == b.role;
}

// The speakers (root mentions) of the claims that cover any part of
// sentence `s`: none of them is the one its clitics stand for.
std::vector<int> speakers_of_sentence(const Run& run, const Sentence& s) {
  std::vector<int> speakers;
  const auto& claims = run.out.claims;
  auto it = std::lower_bound(claims.begin(), claims.end(), s.end,
                             [](const AttributedClaim& c, std::uint32_t at) { return c.begin < at; });
  for (int back = 0; it != claims.begin() && back < kClaimsBack; ++back) {
    --it;
    if (it->end <= s.begin || it->speaker == kNone) continue;
    int m = it->speaker;
    for (int guard = 0; m != kNone && run.out.mentions[m].pronoun && guard < 8; ++guard)
      m = run.out.mentions[m].antecedent;
    if (m != kNone) speakers.push_back(m);
  }
  return speakers;
}

// The most recent mention of the index that begins in [from, before),
// agrees with `pronoun`, and is none of `speakers`; persons first when
// `persons_first`. kNone when none.
int antecedent_in_window(const Run& run, const MentionInfo& pronoun, std::uint32_t from, std::uint32_t before,
                         const std::vector<int>& speakers, bool persons_first) {
  const auto& index = run.mentions_by_position_;
  const auto end = first_indexed_from(run, before);
  for (int pass = persons_first ? 0 : 1; pass < 2; ++pass) {
    for (auto it = end; it != index.begin();) {
      --it;
      const MentionInfo& cand = run.out.mentions[*it];
      if (cand.begin < from) break;
      if (pass == 0 && cand.type != EntityType::kPerson) continue;
      bool speaker = false;
      for (int sp : speakers) {
        const MentionInfo& s = run.out.mentions[sp];
        speaker |= same_referent(s, cand) || (s.begin < cand.end && cand.begin < s.end);
      }
      if (!speaker && run.compatible(pronoun, cand)) return *it;
    }
  }
  return kNone;
}

// Whether a mention of the index overlaps code points [b, e).
bool indexed(const Run& run, std::uint32_t b, std::uint32_t e) {
  const auto& index = run.mentions_by_position_;
  auto it = first_indexed_from(run, e);
  for (int back = 0; it != index.begin() && back < kClaimsBack; ++back) {
    --it;
    if (run.out.mentions[*it].end > b) return true;
  }
  return false;
}

// The most recent person named in full (two name words or more, or a
// title and a name) in code points [from, before) of which the pass made
// no mention: an object is no subject nor speaker (« La juge a interrogé
// Paul Girard. Elle lui a demandé … »). It must agree with `pronoun` and
// be none of `speakers`; its mention is made, or kNone.
int named_person_in_window(Run& run, const MentionInfo& pronoun, std::uint32_t from, std::uint32_t before,
                           const std::vector<int>& speakers, bool any_gender) {
  if (before <= from) return kNone;
  const std::uint32_t first = run.tok_of(from);
  for (std::uint32_t e = run.tok_of(before); e > first; --e) {
    if (!run.is_name_word(e - 1) || run.tok(e - 1).end > before) continue;
    std::uint32_t b = e - 1;
    while (b > first && run.is_name_word(b - 1)) --b;
    const bool titled = b > first && run.title_of(b - 1).has_value();
    if (titled) --b;
    const std::uint32_t words = e - b;
    e = b + 1;  // the loop goes on before this run
    if (words < 2 || indexed(run, run.tok(b).begin, run.tok(b + words - 1).end)) continue;
    const int m = run.make_mention(b, b + words);
    const MentionInfo& cand = run.out.mentions[m];
    bool speaker = false;
    for (int sp : speakers) speaker |= same_referent(run.out.mentions[sp], cand);
    // A name seldom tells its gender: only lui, leur and the elided l',
    // which tell none either, take it unless a title does (« la » needs
    // Mme X; « l'a accusée » is feminine by its participle).
    const bool gender = any_gender || pronoun.gender == '?' || cand.gender == pronoun.gender;
    if (cand.type == EntityType::kPerson && !cand.name.empty() && !cand.pronoun && !speaker && gender &&
        run.compatible(pronoun, cand))
      return m;
    if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
  }
  return kNone;
}

// The most recent person called by a role with the definite article (le
// premier ministre, la présidente) in code points [from, before) of which
// the pass made no mention: the subject of a clause inside a longer
// sentence (« …, mais le maire a décidé de fermer la piscine. « Il ne
// peut même plus … » »). Singular, of `pronoun`'s gender as the role
// tells it, none of `speakers`; its mention is made, or kNone.
int described_person_in_window(Run& run, const MentionInfo& pronoun, std::uint32_t from, std::uint32_t before,
                               const std::vector<int>& speakers) {
  if (before <= from || pronoun.plural || pronoun.gender == '?') return kNone;
  const std::uint32_t first = run.tok_of(from);
  const std::uint32_t last = run.tok_of(before);
  for (std::uint32_t k = last; k-- > first;) {
    if (!run.has_extra(k, WordClasses::kDefiniteArticle) || run.has_extra(k, WordClasses::kElision)) continue;
    const Np np = run.np_forward(k, last, false);
    if (!np.valid() || np.end > last || !run.person_role_head(np) || !run.bare_description(np) ||
        indexed(run, run.tok(np.begin).begin, run.tok(np.end - 1).end))
      continue;
    const int m = run.make_mention(np.begin, np.end);
    const MentionInfo& cand = run.out.mentions[m];
    bool speaker = false;
    for (int sp : speakers) speaker |= same_referent(run.out.mentions[sp], cand);
    if (cand.type == EntityType::kPerson && !cand.plural && cand.gender == pronoun.gender && !speaker &&
        run.compatible(pronoun, cand))
      return m;
    if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
    return kNone;  // the most recent role only: an earlier one is further from the pronoun
  }
  return kNone;
}

// The most recent noun phrase in code points [from, before) that names
// a collective or an institution by its common noun (les syndicats, la
// direction, le gouvernement), of which the pass made no mention: « Le
// maire s'en est pris aux syndicats. Il les accuse de … ». It must agree
// with `pronoun` in number (and gender, when both tell it) and be none of
// `speakers`; its mention is made, or kNone. Persons are left to the
// passes above, which read names and titles.
int collective_in_window(Run& run, const MentionInfo& pronoun, std::uint32_t from, std::uint32_t before,
                         const std::vector<int>& speakers) {
  if (before <= from) return kNone;
  // At most kCollectiveReach tokens back, whatever the sentences' length:
  // the window is its sentence and the two before, and a sentence as long
  // as the document would make every clitic read all of it.
  constexpr std::uint32_t kCollectiveReach = 120;
  constexpr std::size_t kNearestSpeakers = 16;
  const std::uint32_t last = run.tok_of(before);
  const std::uint32_t first = std::max(run.tok_of(from), last > kCollectiveReach ? last - kCollectiveReach : 0u);
  std::vector<Np> phrases;
  for (std::uint32_t z = first; z < last; ++z) {
    if (!run.has(z, WordClasses::kDet) || run.tok(z).end > before) continue;
    // au, aux hold the preposition à: the phrase starts after them.
    const std::uint32_t b = run.has_extra(z, WordClasses::kAuForm) ? z + 1 : z;
    const Np np = b == z ? run.np_forward(z, last, true) : Np{b, run.np_forward(b, last, true).end};
    if (!np.valid() || np.end <= z + 1) continue;
    phrases.push_back(np);
    z = np.end - 1;
  }
  for (auto it = phrases.rbegin(); it != phrases.rend(); ++it) {
    if (indexed(run, run.tok(it->begin).begin, run.tok(it->end - 1).end)) continue;
    const int m = run.target_mention(it->begin, it->end);
    if (m == kNone) continue;
    const MentionInfo& cand = run.out.mentions[m];
    // The speakers nearest the clitic: in a sentence as long as the
    // document the list holds every claim's, and a real sentence has a
    // handful.
    bool speaker = false;
    for (std::size_t k = speakers.size() > kNearestSpeakers ? speakers.size() - kNearestSpeakers : 0;
         k < speakers.size(); ++k)
      speaker |= same_referent(run.out.mentions[speakers[k]], cand);
    const bool collective = (cand.type == EntityType::kOrganization || cand.type == EntityType::kGroup) &&
                            cand.name.empty() && !cand.role_head.empty();
    if (collective && !cand.pronoun && !speaker && run.compatible(pronoun, cand)) return m;
    if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
  }
  return kNone;
}

}  // namespace

void participle_agreement(const Run& run, std::uint32_t participle, Gender& gender, bool& plural) {
  const Token& t = run.tok(participle);
  const std::u32string_view w = run.doc.slice(t.begin, t.end);
  const std::size_t n = w.size();
  // No masculine past participle ends in e (déclaré, averti, entendu, pris,
  // dit, ouvert, peint): a final e is the feminine's (déclarée, avertie,
  // entendue, prise, dite), es the feminine plural's, és the masculine
  // plural's (a final s alone may be the stem's: pris, mis, promis).
  if (n >= 3 && w[n - 2] == U'e' && w[n - 1] == U's') gender = 'f', plural = true;
  else if (n >= 2 && w[n - 1] == U'e') gender = 'f';
  else if (n >= 2 && w[n - 2] == kAcuteE && w[n - 1] == U's') plural = true;
}

bool content_names_before(const Run& run, std::uint32_t from, std::uint32_t k) {
  for (std::uint32_t z = from; z < k; ++z)
    if (run.has(z, WordClasses::kDet) || run.is_name_word(z)) return true;
  return false;
}

void index_mentions_by_position(Run& run) {
  run.mentions_by_position_.clear();
  for (int m = 0; m < static_cast<int>(run.out.mentions.size()); ++m)
    if (names_someone(run.out.mentions[m])) run.mentions_by_position_.push_back(m);
  std::stable_sort(run.mentions_by_position_.begin(), run.mentions_by_position_.end(),
                   [&](int a, int b) { return run.out.mentions[a].begin < run.out.mentions[b].begin; });
}

bool indirect_clitic(const Run& run, std::uint32_t c) {
  // lui is the stressed pronoun among the clitics; leur the one that is
  // also a determiner but no article (le, la, les) nor elided (l').
  return run.has(c, WordClasses::kStressedPronoun) ||
         (run.has(c, WordClasses::kDet) && !run.has_extra(c, WordClasses::kDefiniteArticle | WordClasses::kElision));
}

namespace {

// How far before a clitic, in tokens, its antecedent inside the quotation
// is looked for: a clause or two (« J'ai vu le ministre de la Justice
// vendredi et je lui ai demandé … »).
constexpr std::uint32_t kQuotedAntecedentReach = 24;

// The antecedent of clitic `p` at token `c` inside a quotation that names
// phrases before it from token `from`: the last noun phrase before the
// clitic, when it names someone (target_mention: a person, an office, an
// institution) of the clitic's number and gender; else kNone, also when
// that last phrase names no one (« Mon voisin est venu. Je lui reproche
// … », a thing, the speaker's circle).
int antecedent_in_quotation(Run& run, const MentionInfo& p, std::uint32_t from, std::uint32_t c) {
  from = std::max(from, c > kQuotedAntecedentReach ? c - kQuotedAntecedentReach : 0U);
  Np last;
  for (std::uint32_t z = from; z < c; ++z) {
    if (!(run.has(z, WordClasses::kDet) || run.is_name_word(z))) continue;
    const Np np = run.np_forward(z, c, true);
    if (!np.valid()) continue;
    last = np;
    z = np.end - 1;
  }
  if (!last.valid()) return kNone;
  const int m = run.target_mention(last.begin, last.end);
  if (m == kNone) return kNone;
  const MentionInfo& mi = run.out.mentions[m];
  const bool agrees = mi.plural == p.plural && (p.gender == '?' || mi.gender == '?' || mi.gender == p.gender);
  if (!mi.pronoun && agrees) return m;
  if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
  return kNone;
}

}  // namespace

int clitic_pronoun_target(Run& run, const CueHit& h, std::uint32_t c, bool answering, bool third_person) {
  const bool indirect = indirect_clitic(run, c);
  const Relation r = h.entry->relation;
  // An answer's clitic (« lui a rétorqué ») names the one spoken to, the
  // audience of an exchange, not a target.
  if (indirect && (h.entry->target != TargetSlot::kIndirect || answering)) return kNone;
  if (!indirect && (h.entry->target != TargetSlot::kObject ||
                    !(r == Relation::kAccuses || r == Relation::kCallsOn || r == Relation::kWarns ||
                      r == Relation::kThanks)))
    return kNone;
  // A call names the deed asked after à or de (« je l'appelle à la
  // raison »); without it the verb may mean something else (« je
  // l'appelle tous les jours » telephones).
  if (!indirect && r == Relation::kCallsOn) {
    const std::uint32_t after = run.skip_adverbs(std::max(h.last, h.verb + 1), run.doc.tokens.size());
    if (after >= run.doc.tokens.size() || !(run.has_extra(after, WordClasses::kAForm | WordClasses::kAuForm) ||
                                            run.is_de(after)))
      return kNone;
  }
  MentionInfo p;
  p.begin = run.tok(c).begin;
  p.end = run.tok(c).end;
  p.text = run.text_of(c, c + 1);
  p.pronoun = true;
  // lui and l' tell no gender; leur and les are plural, la feminine.
  p.plural = run.has(c, WordClasses::kPlural) || (indirect && run.has(c, WordClasses::kDet));
  if (run.has(c, WordClasses::kFeminine)) p.gender = 'f';
  else if (run.has(c, WordClasses::kMasculine) && !indirect) p.gender = 'm';
  if (!indirect && h.form == VerbForm::kPastParticiple && h.verb > c) participle_agreement(run, h.verb, p.gender, p.plural);
  // Inside a quotation, a phrase before the clitic may be its antecedent,
  // which the pass made no mention of: « Mon voisin est venu. Je lui
  // reproche … ». Only a clitic with nothing named before it in the
  // content is read from the sentences before; else the last phrase the
  // content names is its antecedent (antecedent_in_quotation).
  if (!third_person) {
    const auto& claims = run.out.claims;
    auto it = std::upper_bound(claims.begin(), claims.end(), p.begin,
                               [](std::uint32_t at, const AttributedClaim& cl) { return at < cl.begin; });
    for (int back = 0; it != claims.begin() && back < kClaimsBack; ++back) {
      --it;
      if (it->kind == ClaimKind::kAct || it->end <= p.begin) continue;
      if (content_names_before(run, run.tok_of(it->begin), c))
        return antecedent_in_quotation(run, p, run.tok_of(it->begin), c);
      break;
    }
  }
  // A clitic never takes up the subject of its own verb (that would be
  // se): in a verb group of the third person, whose subject stands in the
  // same sentence, the antecedent is named in a sentence before (« M. X
  // se pencha vers Y et lui demanda … » is not about X).
  const std::uint32_t sentence_begin = run.doc.sentences[run.doc.sentence_at(p.begin)].begin;
  const std::uint32_t before = third_person ? sentence_begin : p.begin;
  return pronoun_resolved_where_it_stands(run, std::move(p), before, indirect, true);
}

int pronoun_resolved_where_it_stands(Run& run, MentionInfo&& p, std::uint32_t before, bool names_of_any_gender,
                                     bool collectives) {
  const std::size_t si = run.doc.sentence_at(p.begin);
  std::size_t first = si >= kSentencesBack ? si - kSentencesBack : 0;
  const std::uint32_t paragraph = run.doc.sentences[si].paragraph;
  while (first < si && run.doc.sentences[first].paragraph + kParagraphsBack < paragraph) ++first;
  std::vector<int> speakers = speakers_of_sentence(run, run.doc.sentences[si]);
  // The subject of the pronoun's verb group stands before it in its
  // sentence; when no claim there has a speaker, that subject is unknown
  // and could be the very one found before.
  if (before < p.begin && speakers.empty()) return kNone;
  // Those named between `before` and the pronoun hold the subject of its
  // verb: neither they nor an earlier mention of them is the antecedent.
  // The window is the pronoun's sentence and those before it, and at most
  // kWindowChars code points: a sentence as long as the document would
  // otherwise make every clitic read all of it (issue 11).
  constexpr std::uint32_t kWindowChars = 1000;
  const std::uint32_t window =
      std::max(run.doc.sentences[first].begin, p.begin > kWindowChars ? p.begin - kWindowChars : 0u);
  const auto& index = run.mentions_by_position_;
  for (auto it = first_indexed_from(run, std::max(before, window));
       it != index.end() && run.out.mentions[*it].begin < p.begin; ++it)
    speakers.push_back(*it);
  p.antecedent = antecedent_in_window(run, p, window, before, speakers, !p.plural);
  // A person the window names in full after it (or, when it is no
  // person, anywhere in the window) is more recent, or a person first.
  // A candidate of the pronoun's own gender stands.
  const bool person = p.antecedent != kNone && run.out.mentions[p.antecedent].type == EntityType::kPerson;
  const bool same_gender = p.antecedent != kNone && p.gender != '?' && run.out.mentions[p.antecedent].gender == p.gender;
  const std::uint32_t runs_from = person ? run.out.mentions[p.antecedent].end : window;
  if (!p.plural && !same_gender)
    if (const int named = named_person_in_window(run, p, runs_from, before, speakers, names_of_any_gender);
        named != kNone)
      p.antecedent = named;
  if (p.antecedent == kNone) p.antecedent = described_person_in_window(run, p, window, before, speakers);
  if (p.antecedent == kNone && collectives) p.antecedent = collective_in_window(run, p, window, before, speakers);
  if (p.antecedent == kNone) return kNone;
  return run.push_mention(std::move(p));
}

}  // namespace quotegraph::detail
