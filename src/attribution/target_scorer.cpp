// The learned weighing of a claim's other named entities as its targets
// (issue 10). The rules of target_judgement.cpp find the targets that the
// constructions they know name; an article names many more of a claim's
// targets in ways no one rule reads (58 % of the gold targets of corpus
// tune are named inside the content). So every entity that the content or
// its reporting sentence names, and that the rules did not take, is a
// candidate; a few generic clues describe it (its kind, where it stands,
// the preposition before it, a word of judgement or blame near it, whether
// it speaks elsewhere …, listed in include/quotegraph/lexicon/
// target_scorer.h) and a logistic regression trained on corpus tune
// (scripts/train_target_scorer.py, weights in data/target_scorer.tsv)
// weighs them: a candidate above the threshold is added. The speaker and
// its own side are never candidates. Each clue reads a few tokens around
// the candidate, and a claim's candidates are bounded by its sentence.
#include <cmath>
#include <cstdio>

#include "attribution_run.h"
#include "target_grammar.h"

namespace quotegraph::detail {

namespace {

// How many words on each side of a candidate a word of judgement or blame
// is read as bearing on it.
constexpr std::uint32_t kClueWindow = 5;
// The longest candidate phrase, in tokens (le président de la commission
// des finances du Sénat).
constexpr std::uint32_t kLongestCandidate = 12;
// At most this many candidates per claim.
constexpr std::size_t kCandidatesPerClaim = 32;
// How far from its content the reporting sentence of a claim is read for
// candidates, in tokens (« Lors d'une réunion avec X mardi soir à Y, le
// ministre Z, visiblement agacé, a déclaré : »), and how many tokens of the
// sentence and the content are read in all.
constexpr std::uint32_t kReportingReach = 40;
constexpr std::uint32_t kScannedTokens = 400;
// How many words after a clause's subject its verb may stand (ne and two
// clitics).
constexpr std::uint32_t kVerbReach = 3;

// The key under which the document's mentions of one entity are counted:
// its name, else its role.
const std::string& key_of(const MentionInfo& mi) { return mi.name.empty() ? mi.role : mi.name; }

// The mention a pronoun stands for, else `m` itself.
int named_root(const Run& run, int m) {
  for (int hops = 0; hops < 8 && run.out.mentions[m].pronoun && run.out.mentions[m].antecedent >= 0; ++hops)
    m = run.out.mentions[m].antecedent;
  return m;
}

// Whether token `k` ends a sentence.
bool ends_sentence(const Run& run, std::uint32_t k) {
  const std::string_view w = run.tok(k).lower;
  return w == "." || w == "!" || w == "?";
}

// Whether a word of classes `bits` stands within kClueWindow words of
// tokens [b, e), inside [lo, hi) and the same sentence.
bool near(const Run& run, std::uint32_t b, std::uint32_t e, std::uint32_t lo, std::uint32_t hi, std::uint64_t bits) {
  for (std::uint32_t z = b; z > lo && z + kClueWindow > b;) {
    --z;
    if (ends_sentence(run, z)) break;
    if (run.has(z, bits)) return true;
  }
  for (std::uint32_t z = e; z < hi && z < e + kClueWindow; ++z) {
    if (ends_sentence(run, z)) break;
    if (run.has(z, bits)) return true;
  }
  return false;
}

// Whether the phrase [b, e) is a clause's subject: it opens the content or
// a clause, and a finite verb or an auxiliary follows within kVerbReach.
bool clause_subject_at(const Run& run, std::uint32_t b, std::uint32_t e, std::uint32_t tb, std::uint32_t hi) {
  const bool opens = b == tb || b == 0 || opens_clause(run, b - 1) || run.tok(b - 1).kind == TokenKind::kQuoteMark;
  if (!opens) return false;
  for (std::uint32_t z = e; z < hi && z < e + kVerbReach; ++z)
    if (run.has(z, WordClasses::kAux) || (!run.tags_.empty() && (run.tags_[z].pos & kPosFiniteVerb))) return true;
  return false;
}

}  // namespace

ScorerClues Run::scorer_clues() const {
  ScorerClues clues;
  // The headline and the lead: the first two paragraphs.
  const std::uint32_t lead_end = doc.paragraphs.size() > 2 ? doc.paragraphs[2].begin : static_cast<std::uint32_t>(doc.text.size());
  for (const MentionInfo& mi : out.mentions) {
    if (mi.pronoun || key_of(mi).empty()) continue;
    ++clues.named[key_of(mi)];
    if (mi.begin < lead_end) clues.in_lead.insert(key_of(mi));
  }
  for (const AttributedClaim& c : out.claims) {
    if (c.speaker != kNone) clues.speakers.insert(key_of(out.mentions[named_root(*this, c.speaker)]));
    for (int t : c.targets) clues.targets.insert(key_of(out.mentions[named_root(*this, t)]));
  }
  return clues;
}

TargetFeatures Run::target_features(int m, std::size_t ci, std::uint32_t tb, std::uint32_t te, std::uint32_t lo,
                                    std::uint32_t hi, const ScorerClues& clues) const {
  const MentionInfo& mi = out.mentions[m];
  const AttributedClaim& c = out.claims[ci];
  const std::uint32_t b = tok_of(mi.begin), e = tok_of(mi.end - 1) + 1;
  TargetFeatures f{};
  const bool state = mi.type == EntityType::kCountry || (!mi.state.empty() && mi.name == mi.state);
  f[kTfState] = state;
  f[kTfPersonNamed] = !state && mi.type == EntityType::kPerson && !mi.name.empty();
  f[kTfRole] = !state && mi.type == EntityType::kPerson && mi.name.empty();
  f[kTfOrganisation] = !state && mi.type == EntityType::kOrganization && !mi.name.empty();
  f[kTfGroup] = !state && (mi.type == EntityType::kGroup || (mi.type == EntityType::kOrganization && mi.name.empty()));
  f[kTfUnknownName] = mi.type == EntityType::kUnknown;
  f[kTfInContent] = b >= tb && e <= te;
  f[kTfBeforeContent] = e <= tb;
  f[kTfClauseSubject] = clause_subject_at(*this, b, e, tb, hi);
  // The preposition stands before the phrase, or is its first word when
  // contracted with the article (au Mali, du ministre).
  const std::uint32_t p = b > lo ? b - 1 : b;
  const auto before = [&](std::uint64_t anchor) { return has_anchor(p, anchor) || has_anchor(b, anchor); };
  f[kTfAfterAgainst] = before(WordClasses::kAgainstWord);
  f[kTfAfterDative] = before(WordClasses::kDativeWord);
  f[kTfAfterDe] = is_de(p) || is_de(b);
  const bool place = state || (!tags_.empty() && (tags_[e - 1].readings & kPosPlace));
  f[kTfPlaceUse] = place && before(WordClasses::kPlacePreposition);
  f[kTfJudgedNear] = near(*this, b, e, lo, hi, WordClasses::kNegative | WordClasses::kPositive);
  f[kTfBlameNear] = near(*this, b, e, lo, hi, WordClasses::kBlame | WordClasses::kDeed);
  f[kTfSpeaksElsewhere] = clues.speakers.count(key_of(mi)) != 0;
  const auto n = clues.named.find(key_of(mi));
  f[kTfNamedOften] = std::log2(1.0 + (n == clues.named.end() ? 0 : n->second));
  f[kTfTargetElsewhere] = clues.targets.count(key_of(mi)) != 0;
  f[kTfInLead] = clues.in_lead.count(key_of(mi)) != 0;
  f[kTfCueNotStates] = c.relation != Relation::kStates;
  f[kTfClaimHasTargets] = !c.targets.empty();
  return f;
}

int Run::candidate_mention(std::uint32_t b, std::uint32_t e) {
  const int m = target_mention(b, e);
  if (m != kNone || possessive_circle(b, false)) return m;
  // A name of no known kind (le FMI, Médavie, Opopo): the rules pass it
  // over unless it is a surname named in full before; the scorer weighs it
  // with its own clue.
  // Not at the start of a sentence or a quotation, where a capital says
  // nothing (« Faites le tour », « Non, … », « Excusez-moi »).
  const bool opening = b == 0 || ends_sentence(*this, b - 1) || tok(b - 1).kind == TokenKind::kQuoteMark ||
                       doc.sentences[doc.sentence_at(tok(b).begin)].token_begin == b;
  if (opening) return kNone;
  const int u = make_mention(b, e);
  const MentionInfo& mi = out.mentions[u];
  if (mi.type == EntityType::kUnknown && !mi.pronoun && !mi.name.empty()) return u;
  if (u + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
  return kNone;
}

bool Run::candidate_excluded(int m, const AttributedClaim& c) const {
  const MentionInfo& mi = out.mentions[m];
  if (mi.pronoun) return true;
  for (int t : c.targets) {
    const MentionInfo& ti = out.mentions[t];
    if ((ti.begin < mi.end && mi.begin < ti.end) || (!mi.name.empty() && ti.name == mi.name)) return true;
  }
  if (c.speaker == kNone) return false;
  const MentionInfo& s = out.mentions[named_root(*this, c.speaker)];
  const MentionInfo& said = out.mentions[c.speaker];
  return (said.begin < mi.end && mi.begin < said.end) || (s.begin < mi.end && mi.begin < s.end) ||
         (!key_of(mi).empty() && key_of(mi) == key_of(s)) || (!mi.state.empty() && mi.state == s.state);
}

void Run::dump_candidate(const AttributedClaim& c, int m, const TargetFeatures& f) const {
  const MentionInfo& mi = out.mentions[m];
  std::string row = "TGTCAND\t" + doc.name + '\t' + std::to_string(c.begin) + '\t' + std::to_string(c.end) + '\t' +
                    std::to_string(mi.begin) + '\t' + std::to_string(mi.end) + '\t' + mi.text;
  for (double v : f) row += '\t' + std::to_string(v);
  row += '\n';
  // One write per row: the rows of several workers do not interleave.
  std::fwrite(row.data(), 1, row.size(), stderr);
}

bool Run::add_scored_targets(std::size_t ci, std::uint32_t tb, std::uint32_t te, const Sentence& sentence,
                             const ScorerClues& clues) {
  const TargetScorer& scorer = words.target_scorer();
  // The reporting sentence around the content, but no further than
  // kReportingReach tokens from it, and at most kScannedTokens in all: a
  // sentence as long as the document costs each claim a bounded scan.
  const std::uint32_t lo = std::max(std::min(sentence.token_begin, tb), tb > kReportingReach ? tb - kReportingReach : 0);
  std::uint32_t hi = std::max(sentence.token_end, te);
  if (te > tb) hi = std::max(hi, doc.sentences[doc.sentence_at(tok(te - 1).begin)].token_end);
  hi = std::min({hi, te + kReportingReach, lo + kScannedTokens, static_cast<std::uint32_t>(doc.tokens.size())});
  bool second_person = false;
  for (std::uint32_t k = tb; k < te && k < hi && !second_person; ++k)
    second_person = has_extra(k, WordClasses::kSecondPerson);
  std::vector<int> chosen;
  std::size_t seen = 0;
  for (std::uint32_t k = lo; k < hi && seen < kCandidatesPerClaim;) {
    if (!(has(k, WordClasses::kDet) || is_name_word(k) || title_of(k))) {
      ++k;
      continue;
    }
    const Np np = np_forward(k, std::min(hi, k + kLongestCandidate), true);
    const int m = np.valid() ? candidate_mention(np.begin, np.end) : kNone;
    if (m == kNone) {
      ++k;
      continue;
    }
    k = np.end;
    AttributedClaim& c = out.claims[ci];
    if (candidate_excluded(m, c)) {
      if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
      continue;
    }
    ++seen;
    TargetFeatures f = target_features(m, ci, tb, te, lo, hi, clues);
    f[kTfSecondPerson] = second_person;
    if (scorer.dump) dump_candidate(c, m, f);
    const bool again = std::any_of(chosen.begin(), chosen.end(),
                                   [&](int o) { return key_of(out.mentions[o]) == key_of(out.mentions[m]); });
    if (!again && (scorer.dump || scorer.score(f) > scorer.threshold))
      chosen.push_back(m);
    else if (m + 1 == static_cast<int>(out.mentions.size()))
      out.mentions.pop_back();
  }
  for (int m : chosen) out.claims[ci].targets.push_back(m);
  return !chosen.empty();
}

}  // namespace quotegraph::detail
