// Targets that a claim's content judges or addresses, found after the
// attribution pass over every reported claim: the entities named as the
// subject of one of its clauses (« la CENI a fabriqué ses propres
// chiffres »), as the complement of a noun of deed (la décision du Conseil
// constitutionnel, les propos de M. Durand), as a vocative (« Monsieur le
// Président, … ») or as a resolved pronoun after pour or contre (« j'ai de
// l'affection pour lui »), and the topic a reporting sentence fronts
// (Quant à X, …). Each source is French grammar; what counts as a judgement
// is data (data/judgements.tsv). The speaker and the speaker's own side are
// removed later, by the entity stage, as for every other target.
#include "attribution_run.h"
#include "target_clitics.h"
#include "sentence_index.h"
#include "target_grammar.h"
#include "quotegraph/lexicon/tsv.h"

#include <limits>
#include <map>

namespace quotegraph::detail {

namespace {

// Distinct states a document names from which it reads as a story
// between states, where a state named in argument position is a party.
constexpr std::size_t kPartiesOfInternationalStory = 3;
// How many words before a state the word that gives it as an example may
// stand (« tels que le Sénégal », « à l'instar de la France »).
constexpr std::uint32_t kExampleReach = 4;
// The suffix of French manner adverbs, formed on the feminine adjective
// (fermement, clairement): an adverb of manner between a cue and its target.
constexpr std::string_view kMannerSuffix = "ment";
// The longest quoted fragment read as a phrase of deed whose complement
// follows it: « le travail exceptionnel » des sauveteurs.
constexpr std::uint32_t kDeedFragmentWords = 4;
// At most ne and two object clitics between a subject and its verb
// (« je ne le lui reproche pas »).
constexpr std::uint32_t kCliticsBeforeVerb = 4;
// How many words before a participle of care its negation may stand (« n'
// avons jamais été consultés »: n', avons, jamais, été).
constexpr std::uint32_t kNegationBeforeParticiple = 4;
// The longest aside read between a cue and its object (« a critiqué, mardi
// soir, le ministre X »).
constexpr std::uint32_t kAsideWords = 8;
// How many cues of the claim's cue text, on each side of its content, are
// read as the claim's own (add_cue_arguments).
constexpr std::size_t kSameCueWindow = 8;

// The entry of data/judging_verbs.tsv whose form stands at token `k` with
// its whole tail after it (« fait fausse route », « manqué de respect »; a
// tail's de reads du, des and d' as well: « se moque des élus »), or null;
// `after` is set on the token after the tail.
const CueEntry* judging_verb(const Run& run, std::uint32_t k, std::uint32_t te, std::uint32_t& after) {
  if (run.tok(k).kind != TokenKind::kWord) return nullptr;
  for (const CueForm& f : *run.facts(k).judging) {  // Lexicon::judging_forms, once per form
    std::uint32_t j = k + 1;
    bool whole = true;
    for (const std::string& w : f.entry->tail) {
      whole = j < te && (run.is(j, w) || (run.words.has_extra(w, WordClasses::kDeForm) && run.is_de(j)) ||
                         (run.words.has_extra(w, WordClasses::kAForm) && run.has_extra(j, WordClasses::kAuForm)));
      if (!whole) break;
      ++j;
    }
    if (!whole) continue;
    after = j;
    return f.entry;
  }
  return nullptr;
}

// Whether the verb at `k` judges its subject (data/judging_verbs.tsv, slot
// subject): « X a menti », « X fait fausse route ».
bool judges_subject(const Run& run, std::uint32_t k, std::uint32_t te) {
  std::uint32_t after = k;
  const CueEntry* e = judging_verb(run, k, te, after);
  return e != nullptr && e->target == TargetSlot::kSubject;
}

// Possessives of the first person: "notre parti", "mon gouvernement" are
// the speaker's own side, never a target.
bool first_person_possessive(const WordClasses& words, const std::string& w) {
  return words.has(w, WordClasses::kFirstPossessive);
}

// Verbs of answering: the one answered follows à (répondre à X). Read
// as such even where a lexicon gives them no target slot, and the claim
// then answers (responds_to) when the one answered is named.
bool answers(const WordClasses& words, const CueEntry& e) {
  return words.has(e.lemma, WordClasses::kAnswerVerb);
}

// How many sentences apart a pronoun target and its antecedent may stand.
constexpr std::size_t kPronounReach = 6;

// How far back, in tokens, a surname looks for the full name the text gave
// (a long article); a bound keeps a document of many surnames linear.
constexpr std::uint32_t kFullNameLookBack = 4000;

// The full name, in the text before token `b` (at most kFullNameLookBack
// tokens back), of the person whose surname is `surname`: « Claire Morvan »
// before « Morvan ». Empty when the text gives none.
std::string named_in_text_before(const Run& run, std::uint32_t b, const std::string& surname) {
  // The text itself may have named the person in full though no mention
  // was made there: « le pourvoi de Claire Morvan » … « Morvan n'a
  // jamais ». A capitalised name word just before the same surname, not
  // at a sentence start (« Affaire Morvan » in a headline).
  const std::string folded = fold_utf8(surname);
  for (std::uint32_t z = b > kFullNameLookBack ? b - kFullNameLookBack : 1; z < b; ++z) {
    if (run.tok(z).lower != folded || !run.is_name_word(z - 1) || !run.tok(z - 1).capitalized) continue;
    if (run.doc.sentences[run.doc.sentence_at(run.tok(z - 1).begin)].token_begin != z - 1)
      return run.text_of(z - 1, z + 1);
  }
  return {};
}

// Whether role phrase `role` names an office in full, its head with the
// complement of what it heads after a preposition of words.tsv's class
// complementprep or a form of de (class deform, which adds des: la
// ministre des Armées), elided or not (la ministre de la Santé, le préfet
// du Rhône, le directeur d'Airbus).
bool office_in_full(const Run& run, const std::string& role) {
  std::size_t at = role.find(' ');
  while (at != std::string::npos) {
    const std::size_t next = role.find(' ', at + 1);
    std::string word = fold_utf8(role.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1));
    const std::size_t elided = word.find('\'');
    if (elided != std::string::npos) word.resize(elided + 1);
    if (run.words.has_extra(word, WordClasses::kComplementPrep | WordClasses::kDeForm)) return true;
    at = next;
  }
  return false;
}

// Mention `m` past the pronouns that stand for it (at most eight).
int pronoun_root(const Run& run, int m) {
  for (int guard = 0; m != kNone && run.out.mentions[m].pronoun && guard < 8; ++guard)
    m = run.out.mentions[m].antecedent;
  return m;
}

// Whether pronoun mention `mi` stands at most kPronounReach sentences from
// a mention of the one it takes up: a pronoun takes up someone named a few
// sentences away; further off (a long letter, a novel's chapter) it is a
// guess. The resolver may point at another mention of the same person (a
// later incise), so every mention of that name counts.
bool pronoun_within_reach(const Run& run, const MentionInfo& mi) {
  if (mi.antecedent == kNone) return false;
  const std::size_t at = run.doc.sentence_at(mi.begin);
  const auto near = [&](const MentionInfo& o) {
    const std::size_t from = run.doc.sentence_at(o.begin);
    return (at > from ? at - from : from - at) <= kPronounReach;
  };
  const MentionInfo& antecedent = run.out.mentions[mi.antecedent];
  if (near(antecedent)) return true;
  const int root = pronoun_root(run, mi.antecedent);
  if (root == kNone || run.out.mentions[root].name.empty()) return false;
  const std::string& name = run.out.mentions[root].name;
  for (const MentionInfo& o : run.out.mentions)
    if (!o.pronoun && o.name == name && near(o)) return true;
  return false;
}

// Whether surname `surname`, at token `b`, belongs to a person the
// document named in full: a mention of a longer name ending with it, or
// the text before `b` (named_in_text_before).
bool surname_named_in_full(const Run& run, const std::string& surname, std::uint32_t b) {
  for (int j = 0; j + 1 < static_cast<int>(run.out.mentions.size()); ++j) {
    const MentionInfo& o = run.out.mentions[j];
    if (o.type != EntityType::kPerson || o.name.size() <= surname.size()) continue;
    const std::string& n = o.name;
    if (n.compare(n.size() - surname.size(), surname.size(), surname) == 0 && n[n.size() - surname.size() - 1] == ' ')
      return true;
  }
  return !named_in_text_before(run, b, surname).empty();
}

// How far, in tokens, a role and the name of its holder may stand apart:
// « le maire de Vierzon, Henri Castel » (the role's complement between).
constexpr std::uint32_t kRoleToHolder = 6;

// The tokens [b, e) of a person named in full (two name words or more)
// that starts within `reach` tokens after the describing word `z`, in its
// sentence, or ends right before its first word `first` (« Henri Castel,
// maire de … »; at the sentence's start only when `at_start`). Empty (b ==
// e) when none. `s` is the sentence of `z`. A describing word written with
// a capital (« le Belge Paul Martin ») is no part of the name after it.
struct HolderSpan {
  std::uint32_t b = 0, e = 0;
};
HolderSpan holder_span(const Run& run, std::uint32_t first, std::uint32_t z, const Sentence& s, std::uint32_t reach,
                       bool at_start) {
  for (std::uint32_t k = z + 1; k < s.token_end && k <= z + reach; ++k) {
    if (!run.is_name_word(k) || (k > z + 1 && run.is_name_word(k - 1))) continue;
    std::uint32_t e = k;
    while (e < s.token_end && run.is_name_word(e)) ++e;
    if (e >= k + 2) return HolderSpan{k, e};
  }
  std::uint32_t e = first;
  while (e > s.token_begin && (run.is_comma(e - 1) || run.has(e - 1, WordClasses::kDet))) --e;
  std::uint32_t b = e;
  while (b > s.token_begin && run.is_name_word(b - 1)) --b;
  return e >= b + 2 && (at_start || b > s.token_begin) ? HolderSpan{b, e} : HolderSpan{};
}

// The people that `described` (Run::described_by_family or
// described_by_nationality) lists in the window of kFullNameLookBack tokens
// before token `b` for which `fits(z)` holds: the first one's tokens, or
// an empty span when there is none or two people (two surnames) are so
// described: « le footballeur Paul Martin » for « le défenseur », « Paul
// Martin, footballeur belge » for « le Belge ».
template <class Fits>
HolderSpan one_described_person(const Run& run, const std::vector<Run::DescribedPerson>& described, std::uint32_t b,
                                Fits fits) {
  const std::uint32_t from = b > kFullNameLookBack ? b - kFullNameLookBack : 0;
  auto it = std::lower_bound(described.begin(), described.end(), from,
                             [](const Run::DescribedPerson& d, std::uint32_t z) { return d.z < z; });
  HolderSpan first;
  for (; it != described.end() && it->z < b; ++it) {
    if (!fits(it->z)) continue;
    if (first.e <= first.b) first = HolderSpan{it->b, it->e};
    else if (run.tok(first.e - 1).lower != run.tok(it->e - 1).lower) return HolderSpan{};
  }
  return first;
}

// Whether genders `a` and `b` of roles.tsv may name the same person.
bool genders_fit(Gender a, Gender b) { return a == b || a == 'e' || b == 'e' || a == '?' || b == '?'; }

// Whether definite description `mi`, a bare role no one was named with,
// takes up the one person named before token `b` with another noun of
// its family (roles.tsv, fifth column): « le footballeur Paul Martin … le
// défenseur », « la procureure Anne Roy … la magistrate ». False when the
// role has no family, or no single person of it is named there.
bool family_holder(const Run& run, const MentionInfo& mi, std::uint32_t b) {
  const Role* mine = run.gaz.role(fold_utf8(mi.role_head));
  if (!mine || mine->family.empty()) return false;
  const HolderSpan h = one_described_person(run, run.described_by_family(mine->family), b, [&](std::uint32_t z) {
    const Role* r = run.role_of(z);
    return r != mine && genders_fit(r->gender, mine->gender);
  });
  return h.e > h.b;
}

// The full name of the one person that [b, e), a definite article and a
// nationality noun in the singular (« le Belge », « la Française »), takes
// up: the person the text before named in full with that same word (« le
// Belge Paul Martin », « Paul Martin, footballeur belge »). Empty else.
std::string nationality_holder(const Run& run, const MentionInfo& mi, std::uint32_t b, std::uint32_t e) {
  if (e != b + 2 || mi.plural || !run.has_extra(b, WordClasses::kDefiniteArticle) || !run.tok(b + 1).capitalized ||
      !run.nationality_of(b + 1))
    return {};
  const HolderSpan h = one_described_person(run, run.described_by_nationality(run.tok(b + 1).lower), b,
                                            [](std::uint32_t) { return true; });
  return h.e > h.b ? run.text_of(h.b, h.e) : std::string();
}

// How many holders of the role of bare role mention `m` the text before
// token `b` names, by surname (0, 1, or 2 for two or more): « le maire de
// Vierzon, Henri Castel » is one holder of « le maire ».
int holders_named(const Run& run, int m, std::uint32_t b) {
  const std::string head = fold_utf8(run.out.mentions[m].role_head);
  if (head.empty()) return 0;
  const std::vector<Run::DescribedPerson>& held = run.holders_of_head(head);
  const auto words = static_cast<std::uint32_t>(split_fields(head, ' ').size());
  const std::uint32_t from = b > kFullNameLookBack ? b - kFullNameLookBack : 0;
  std::string_view holder;
  for (auto it = std::lower_bound(held.begin(), held.end(), from,
                                  [](const Run::DescribedPerson& d, std::uint32_t z) { return d.z < z; });
       it != held.end() && it->z < b; ++it) {
    if (it->z + words > b) continue;  // the head's last word at b or past it
    const std::string_view surname = run.tok(it->e - 1).lower;
    if (!holder.empty() && holder != surname) return 2;
    holder = surname;
  }
  return holder.empty() ? 0 : 1;
}


// How many tokens a preposition of stance (contre, envers, encontre) may
// stand before the victim's phrase (« à l'encontre de la maire »), and a
// word of harm before it (« les violences répétées contre … »).
constexpr std::uint32_t kHarmReach = 3;

// Whether the phrase whose first token is `first` is the victim of a
// threat or of violence: contre, envers or à l'encontre de stands right
// before it, a word of harm (data/words.tsv harmword) right before that
// (« la menace envers le maire », « les agressions contre les pompiers »).
// The victim is no one blamed.
bool harm_victim(const Run& run, std::uint32_t first) {
  for (std::uint32_t a = first; a-- > 0 && a + kHarmReach >= first;) {
    if (!run.has_anchor(a, WordClasses::kAgainstWord)) continue;
    for (std::uint32_t h = a; h-- > 0 && h + kHarmReach >= a;)
      if (run.has_anchor(h, WordClasses::kHarmWord)) return true;
    return false;
  }
  return false;
}

}  // namespace

void Run::index_described_people() const {
  described_indexed_ = true;
  const auto& sentences = doc.sentences;
  if (sentences.empty()) return;
  // The sentence of each word, found by walking forward with it (as
  // Document::sentence_at finds it: the first sentence ending after the
  // word's start).
  std::size_t si = 0;
  for (std::uint32_t z = 0; z < doc.tokens.size(); ++z) {
    const Role* r = role_of(z);
    const bool family = r && r->type == EntityType::kPerson && !r->plural && !r->family.empty();
    const bool nationality = nationality_of(z) != nullptr;
    if (!family && !nationality) continue;
    while (si + 1 < sentences.size() && sentences[si].end <= tok(z).begin) ++si;
    // The noun a nationality adjective follows is part of the description
    // (« Paul Martin, footballeur belge »).
    const Role* noun = z > sentences[si].token_begin ? role_of(z - 1) : nullptr;
    const std::uint32_t first = noun && noun->type == EntityType::kPerson ? z - 1 : z;
    if (family)
      if (const HolderSpan h = holder_span(*this, first, z, sentences[si], kRoleToHolder, true); h.e > h.b)
        family_described_[r->family].push_back(DescribedPerson{z, h.b, h.e});
    if (nationality)
      if (const HolderSpan h = holder_span(*this, first, z, sentences[si], 1, true); h.e > h.b)
        nationality_described_[tok(z).lower].push_back(DescribedPerson{z, h.b, h.e});
  }
}

const std::vector<std::uint32_t>& Run::tokens_written(std::string_view lower) const {
  static const std::vector<std::uint32_t> kNoToken;
  if (tokens_by_form_.empty() && !doc.tokens.empty())
    for (std::uint32_t z = 0; z < doc.tokens.size(); ++z) tokens_by_form_[doc.tokens[z].lower].push_back(z);
  const auto it = tokens_by_form_.find(lower);
  return it == tokens_by_form_.end() ? kNoToken : it->second;
}

const std::vector<Run::DescribedPerson>& Run::holders_of_head(const std::string& head) const {
  const auto known = role_holders_.find(head);
  if (known != role_holders_.end()) return known->second;
  std::vector<DescribedPerson>& held = role_holders_[head];
  // A head of several words (« premier ministre », « chef de cabinet »)
  // is read word by word; the holder is looked for after its last word.
  const std::vector<std::string> head_words = split_fields(head, ' ');
  const auto& sentences = doc.sentences;
  if (head_words.empty() || sentences.empty()) return held;
  const auto head_at = [&](std::uint32_t z) {
    for (std::size_t w = 0; w < head_words.size(); ++w)
      if (z + w >= doc.tokens.size() || tok(z + static_cast<std::uint32_t>(w)).lower != head_words[w]) return false;
    return true;
  };
  // The sentence of each role's last word, found by walking forward (as
  // Document::sentence_at finds it: the first sentence ending after the
  // word's start).
  std::size_t si = 0;
  for (const std::uint32_t z : tokens_written(head_words[0])) {
    if (!head_at(z)) continue;
    const std::uint32_t last = z + static_cast<std::uint32_t>(head_words.size()) - 1;
    while (si + 1 < sentences.size() && sentences[si].end <= tok(last).begin) ++si;
    const HolderSpan h = holder_span(*this, z, last, sentences[si], kRoleToHolder, false);
    if (h.e > h.b) held.push_back(DescribedPerson{z, h.b, h.e});
  }
  return held;
}

const std::vector<Run::DescribedPerson>& Run::described_by_family(std::string_view family) const {
  static const std::vector<DescribedPerson> kNoOne;
  if (!described_indexed_) index_described_people();
  const auto it = family_described_.find(family);
  return it == family_described_.end() ? kNoOne : it->second;
}

const std::vector<Run::DescribedPerson>& Run::described_by_nationality(std::string_view word) const {
  static const std::vector<DescribedPerson> kNoOne;
  if (!described_indexed_) index_described_people();
  const auto it = nationality_described_.find(word);
  return it == nationality_described_.end() ? kNoOne : it->second;
}

namespace {

// Whether [b, e) is one capitalised given name alone (a token the tagger
// reads as a given name), not opening its sentence nor a quotation (where
// a capital tells nothing: « Pierre après pierre, … »): the person a text
// calls by the given name only (a defendant, a witness, a child).
bool lone_given_name(const Run& run, std::uint32_t b, std::uint32_t e) {
  if (e != b + 1 || run.tags_.empty() || !(run.tags_[b].readings & kPosGivenName) || !run.tok(b).capitalized ||
      run.tok(b).all_caps)
    return false;
  const Sentence& s = run.doc.sentences[run.doc.sentence_at(run.tok(b).begin)];
  return s.token_begin != b && run.tok(b - 1).kind != TokenKind::kQuoteMark;
}

}  // namespace

int Run::target_mention(std::uint32_t b, std::uint32_t e) {
  if (e <= b) return kNone;
  if (possessive_circle(b, false)) return kNone;
  const int m = make_mention(b, e);
  const MentionInfo& mi = out.mentions[m];
  bool ok = false;
  if (harm_victim(*this, tok_of(mi.begin))) {
    ok = false;  // « la menace envers le maire »: the victim
  } else if (mi.pronoun) {
    ok = pronoun_within_reach(*this, mi);
  } else if (std::string described = nationality_holder(*this, mi, b, e); !described.empty()) {
    // « le Belge » after « le Belge Paul Martin »: that person.
    ok = true;
    out.mentions[m].type = EntityType::kPerson;
    out.mentions[m].name = std::move(described);
  } else if (mi.type == EntityType::kCountry || (!mi.state.empty() && mi.name == mi.state)) {
    ok = true;
  } else if (mi.type == EntityType::kPerson && mi.name.empty() &&
             office_in_full(*this, mi.role)) {
    // An office named in full is one person: le président de la
    // République, la ministre de la Santé, le préfet du Rhône (the entity
    // stage finds who).
    ok = true;
  } else if (mi.type == EntityType::kPerson && mi.name.empty() && !mi.role_head.empty() && !mi.plural) {
    // A bare role (les propos du ministre, le maire a menti) is the one
    // holder of that role the text names (« le maire Henri Castel »),
    // whom the entity stage ties it to; a role no one named holds stays
    // unknown and aims at no one. A definite one no one was named with
    // may take up the one person named with a noun of its family (« le
    // footballeur Paul Martin … le défenseur »).
    const int holders = holders_named(*this, m, b);
    ok = holders == 1;
    if (holders == 0 && (has_extra(b, WordClasses::kDefiniteArticle) ||
                         (has(b, WordClasses::kDet) && has_extra(b, WordClasses::kElision)))) {
      ok = family_holder(*this, mi, b);
    }
  } else if (mi.type == EntityType::kPerson && !mi.name.empty()) {
    // A full name or a titled one; a surname alone only when the document
    // has named that person in full before (« Delfraissy » after
    // « Jean-François Delfraissy »), a given name alone when the text
    // calls that person so (lone_given_name).
    ok = mi.name.find(' ') != std::string::npos || !mi.role.empty() || mi.text != mi.name ||
         surname_named_in_full(*this, mi.name, b) || lone_given_name(*this, b, e);
  } else if (mi.type == EntityType::kUnknown && lone_given_name(*this, b, e)) {
    // « le comportement de Youcef », « se tourne vers Jean-François »: a
    // person the text calls by the given name alone.
    ok = true;
    out.mentions[m].type = EntityType::kPerson;
  } else if (mi.type == EntityType::kUnknown && !mi.name.empty() && mi.name == mi.text &&
             mi.name.find(' ') == std::string::npos && !has_extra(b, WordClasses::kElision)) {
    // A lone capitalised word the text gave earlier as the surname of a
    // full name is that person: « Yves Carrel » … « Carrel a humilié ».
    // Not an elided word opening a sentence (« C'est … » after « Manine
    // c'était »).
    std::string full = named_in_text_before(*this, b, mi.name);
    ok = !full.empty();
    if (ok) {
      out.mentions[m].type = EntityType::kPerson;
      out.mentions[m].name = std::move(full);
    }
  } else if (mi.type == EntityType::kOrganization && !mi.name.empty()) {
    ok = true;  // le Conseil constitutionnel, la CENI, UBS
  } else if (mi.type == EntityType::kGroup || mi.type == EntityType::kOrganization) {
    ok = !mi.role_head.empty();  // les syndicats, l'opposition, le gouvernement
  }
  if (!ok) {
    if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
    return kNone;
  }
  return m;
}

int Run::slot_target_mention(std::uint32_t b, std::uint32_t e) {
  const int found = target_mention(b, e);
  // The definite article, or its elided l' (a determiner and an elision).
  const bool definite = has_extra(b, WordClasses::kDefiniteArticle) ||
                        (has(b, WordClasses::kDet) && has_extra(b, WordClasses::kElision));
  // « a lancé X au préfet »: au holds the article, the role stands alone.
  const bool after_au = b > 0 && has_extra(b - 1, WordClasses::kAuForm) && !has(b, WordClasses::kDet);
  if (found != kNone || (e <= b + 1 && !after_au) || !(definite || after_au)) return found;
  // « a accusé l'arbitre », « appelle le préfet à … »: the role alone
  // after its article (no complement, no name), which the entity stage
  // ties to its holder when the text names one, else keeps as the role.
  const int m = make_mention(b, e);
  const MentionInfo& mi = out.mentions[m];
  const bool bare_role = mi.type == EntityType::kPerson && mi.name.empty() && !mi.role_head.empty() &&
                         !mi.plural && !mi.pronoun && !office_in_full(*this, mi.role);
  if (bare_role && holders_named(*this, m, b) == 0) return m;
  if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
  return kNone;
}

bool Run::possessive_circle(std::uint32_t b, bool any_person) const {
  if (has(b, WordClasses::kFirstPossessive)) return true;
  return any_person && (has(b, WordClasses::kPoss) || has_grammar(b, WordClasses::kThirdPossessive));
}

bool Run::deed_noun(std::uint32_t j) const {
  if (has(j, WordClasses::kBlame | WordClasses::kDeed)) return true;
  // A word of judgement read as a noun, after its determiner: « le
  // courage des pompiers », « l'arrogance de l'arbitre ».
  return j > 0 && has(j, WordClasses::kNegative | WordClasses::kPositive) && has(j - 1, WordClasses::kDet) &&
         !is_name_word(j) && !tags_.empty() && (tags_[j].readings & kPosNoun);
}

int Run::organisation_of_members(std::uint32_t b, std::uint32_t e) {
  // The members are a plural common noun after its determiner (les
  // salariés, des bénévoles), not a name (« le Parlement de Wallonie » is
  // an institution of its own) nor a deed (l'attaque du Haut-Karabakh).
  if (e <= b + 3 || !has(b, WordClasses::kDet) || !has(b, WordClasses::kPlural) || is_name_word(b + 1) ||
      deed_noun(b + 1))
    return kNone;
  for (std::uint32_t j = b + 1; j + 1 < e && j < b + 4; ++j) {
    if (!is_de(j)) continue;
    const std::uint32_t ob = has(j, WordClasses::kDet) ? j + 1 : (j + 1 < e && has(j + 1, WordClasses::kDet) ? j + 2 : j + 1);
    if (ob >= e || !is_name_word(ob)) return kNone;
    const int m = make_mention(j + 1, e);
    const MentionInfo& mi = out.mentions[m];
    // A name of no known type counts unless the tagger knows it as a
    // place: les pompiers de Marseille name no organisation.
    const bool place = !tags_.empty() && (tags_[ob].readings & kPosPlace);
    const bool organisation =
        mi.type == EntityType::kOrganization || (mi.type == EntityType::kUnknown && !place && mi.state.empty());
    if (organisation && !mi.name.empty() && !mi.pronoun) return m;
    if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
    return kNone;
  }
  return kNone;
}

namespace {

// The search of judged_targets over one content: its tokens, whether it
// or its cue judges, and the targets found so far. One method per kind of
// target; each returns the token where the scan goes on, or `k` itself
// when it found nothing at `k`.
class JudgedTargetSearch {
 public:
  JudgedTargetSearch(Run& run, std::uint32_t tb, std::uint32_t te, Relation cue_relation)
      : run_(run),
        tb_(tb),
        te_(te),
        judging_cue_(cue_relation != Relation::kStates && cue_relation != Relation::kRespondsTo),
        cue_blames_(cue_relation == Relation::kAccuses || cue_relation == Relation::kCriticises),
        cue_judges_deeds_(cue_relation == Relation::kAccuses || cue_relation == Relation::kCriticises ||
                          cue_relation == Relation::kSupports || cue_relation == Relation::kThanks),
        cues_(run.find_cues(tb, te)) {
    // Whether the content judges at all: a state, a group or an unnamed
    // institution is a target only then (« le chômage a baissé en France »,
    // « les travailleurs sont en recherche de sens » aim at no one).
    // The same scan notes the content's first sentence end and its first
    // determiner or name, so that each pronoun subject asks in O(1)
    // whether it is in the first sentence and has an antecedent before it.
    for (std::uint32_t k = tb; k < te; ++k) {
      judged_ = judged_ || run_.has(k, WordClasses::kNegative | WordClasses::kPositive);
      if (first_stop_ == te && ends_sentence(k)) first_stop_ = k;
      if (first_named_ == te && (run_.has(k, WordClasses::kDet) || run_.is_name_word(k))) first_named_ = k;
      if (content_first_ == te && run_.tok(k).kind != TokenKind::kQuoteMark) content_first_ = k;
    }
  }

  std::vector<int> search() {
    for (std::uint32_t k = tb_; k < te_ && found_.size() < 6; ++k) {
      if (!may_open(k) || covered(k)) continue;
      if (clause_subjects(k)) continue;
      if (cleft_subject(k)) continue;
      if (pronoun_subject(k)) continue;
      if (judgement_addressed_to(k)) continue;
      if (duty_holder(k)) continue;
      if (judged_object(k)) continue;
      if (judged_phrase(k)) continue;
      if (demand_addressee(k)) continue;
      if (deed_complement(k)) continue;
      if (vocative(k)) continue;
      if (passive_agent(k)) continue;
      if (relative_subject(k)) continue;
      // 5. A named person or institution after pour, shortly after a word
      // of blame: « un désaveu pour X », « le déshonneur pour X ».
      if (const int m = run_.blame_pour_target(k, tb_, te_); m != kNone) {
        found_.push_back(m);
        k = run_.tok_of(run_.out.mentions[m].end - 1);
        continue;
      }
      pronoun_after_preposition(k);
    }
    return found_;
  }

 private:
  // Whether mention `m` names its entity: a pronoun, a named person or
  // organisation, or an institution named by its capitalised title (le
  // Conseil constitutionnel, le Ministère public, not at a sentence start).
  bool named(int m) const {
    const MentionInfo& mi = run_.out.mentions[m];
    if (mi.pronoun || ((mi.type == EntityType::kPerson || mi.type == EntityType::kOrganization) &&
                       !mi.name.empty() && mi.name != mi.state))
      return true;
    if (mi.type != EntityType::kOrganization || mi.role_head.empty()) return false;
    std::uint32_t b = run_.tok_of(mi.begin);
    if (run_.has(b, WordClasses::kDet)) ++b;
    return b < run_.doc.tokens.size() && run_.tok(b).capitalized && !run_.tok(b).all_caps &&
           run_.doc.sentences[run_.doc.sentence_at(run_.tok(b).begin)].token_begin != b &&
           !opens_clause(run_, b - 1) && run_.tok(b - 1).kind != TokenKind::kQuoteMark;
  }

  // Whether some kind of target search() tries may open at token `k`: the
  // first test of each, joined, so that a token none could open costs a
  // few bit tests of its form's facts, not thirteen calls (most tokens of
  // a content open none). Each kind asks for one of these at `k` before
  // anything else, and makes no mention without it:
  // - a determiner, a name word or a courtesy title (clause_subjects,
  //   cleft_subject, judged_phrase, vocative, relative_subject);
  // - a word of judgement (judgement_addressed_to, deed_complement), a
  //   noun of blame or of a deed (deed_complement);
  // - a verb of duty or a form of être (duty_holder), a judging verb form
  //   (judged_object), que (demand_addressee), a definite article, a
  //   demonstrative or ce (judged_phrase), a title of address (vocative);
  // - par, pour, or a preposition of a pronoun target right before
  //   (passive_agent, blame_pour_target, pronoun_after_preposition);
  // - the start of a clause (pronoun_subject).
  bool may_open(std::uint32_t k) const {
    const Run::FormFacts& f = run_.facts(k);
    if ((f.classes & (WordClasses::kDet | WordClasses::kNegative | WordClasses::kPositive | WordClasses::kBlame |
                      WordClasses::kDeed | WordClasses::kEtreForm)) != 0 ||
        (f.extra & (WordClasses::kDutyWord | WordClasses::kQueForm | WordClasses::kDefiniteArticle |
                    WordClasses::kVocativeTitle)) != 0 ||
        (f.grammar & (WordClasses::kDemonstrative | WordClasses::kCeWord)) != 0 ||
        (f.judging != nullptr && !f.judging->empty()) || run_.is_name_word(k))
      return true;
    if (k == tb_ || run_.has_extra(k - 1, WordClasses::kParWord | WordClasses::kPourWord |
                                              WordClasses::kPronounTargetPrep))
      return true;
    return run_.title_of(k) || opens_clause(run_, k - 1) || run_.tok(k - 1).kind == TokenKind::kQuoteMark;
  }

  // Whether token `k` opens the content: only quotation marks before it.
  bool opens_content(std::uint32_t k) const { return k == content_first_; }

  // Drops mention `m` when it is the last one made.
  void drop(int m) {
    if (m + 1 == static_cast<int>(run_.out.mentions.size())) run_.out.mentions.pop_back();
  }

  // Whether token `z` ends a sentence or a clause of its own (. ! ? ;).
  bool ends_sentence(std::uint32_t z) const {
    return run_.tok(z).kind == TokenKind::kPunct &&
           (run_.is(z, ".") || run_.is(z, "!") || run_.is(z, "?") || run_.is(z, ";"));
  }

  // Whether the speaker of the claim whose content starts at tb_ is a
  // pronoun of gender `gender` and number `plural` (« « Il a choisi de
  // … », a-t-il dénoncé »): two such pronouns of one sentence stand for
  // two people the reader tells apart by sense alone, so the one of the
  // content is not resolved on the cue's word only.
  bool speaker_pronoun_like(Gender gender, bool plural) const {
    const auto& claims = run_.out.claims;
    const std::uint32_t at = run_.tok(tb_).begin;
    auto it = std::lower_bound(claims.begin(), claims.end(), at,
                               [](const AttributedClaim& cl, std::uint32_t b) { return cl.begin < b; });
    for (; it != claims.end() && it->begin == at; ++it) {
      if (it->speaker == kNone) continue;
      const MentionInfo& sp = run_.out.mentions[it->speaker];
      if (sp.pronoun && sp.plural == plural && sp.gender == gender) return true;
    }
    return false;
  }

  // Whether the clause from token `from` to its end judges.
  bool clause_judged(std::uint32_t from) {
    const std::uint32_t z = next_mark(from);
    if (z < te_ && !ends_sentence(z)) return true;
    return verb_judges_subject(from);
  }

  // The first token at `from` or after that ends a sentence or holds a
  // word of judgement, or te_. The last answer is kept: no such token
  // stands in [mark_from_, mark_), so a later query inside that range
  // gets it at once, and the subjects of a content, asked in order, read
  // each token once (a content of thousands of clauses none of which
  // judges read the rest of it for each subject otherwise).
  std::uint32_t next_mark(std::uint32_t from) {
    if (from >= mark_from_ && from <= mark_) return mark_;
    mark_from_ = from;
    mark_ = from;
    while (mark_ < te_ && !ends_sentence(mark_) && !run_.has(mark_, WordClasses::kNegative | WordClasses::kPositive))
      ++mark_;
    return mark_;
  }

  // Whether the verb at `v` (its auxiliaries, clitics and adverbs
  // skipped) judges its own subject (data/judging_verbs.tsv, slot
  // subject): « X a fait fausse route », « X se moque de nous ». Not a
  // passive: with être and no se, the subject of « les budgets ont été
  // bloqués » suffered the deed.
  bool verb_judges_subject(std::uint32_t v) const {
    std::uint32_t head = v;
    bool passive = false, reflexive = false;
    while (head < te_ && (run_.has(head, WordClasses::kAux) || run_.has(head, WordClasses::kObj))) {
      passive |= run_.has(head, WordClasses::kEtreForm) || run_.has_grammar(head, WordClasses::kEteWord);
      reflexive |= run_.has_extra(head, WordClasses::kSeForm);
      head = run_.skip_adverbs(head + 1, te_);
    }
    if (head < te_ && !(passive && !reflexive)) head = past_semi_auxiliary(head);
    return head < te_ && !(passive && !reflexive) && judges_subject(run_, head, te_);
  }

  // The infinitive that a semi-auxiliary at `v` (words.tsv semiauxiliary,
  // semiauxiliaryne after ne) carries past its de or à, an inverted
  // subject and object clitics: the subject of « le gouvernement continue
  // à mentir », « le préfet ne cesse de mépriser les élus », « pourquoi le
  // maire continue-t-il de tromper … », « la direction ose mentir » does
  // what the infinitive says.
  // Without ne, cesser and manquer tell that the deed stopped or failed:
  // `v` itself then.
  std::uint32_t past_semi_auxiliary(std::uint32_t v) const {
    bool negated = false;
    for (std::uint32_t z = v; z > tb_ && z + 4 > v && !negated;) negated = run_.has_extra(--z, WordClasses::kNeForm);
    if (!(run_.has_grammar(v, WordClasses::kSemiAuxiliary) ||
          (negated && run_.has_grammar(v, WordClasses::kSemiAuxiliaryNe))))
      return v;
    std::uint32_t p = v + 1;
    while (p < te_ && p < v + 3 && run_.tok(p).kind == TokenKind::kClitic) ++p;
    p = run_.skip_adverbs(p, te_);
    if (p + 1 < te_ && (run_.is_de(p) || run_.has_extra(p, WordClasses::kAForm))) ++p;
    std::uint32_t i = p;
    while (i < te_ && i < p + 3 && run_.has(i, WordClasses::kObj)) ++i;
    return run_.is_infinitive_like(i, te_) ? i : v;
  }

  // Whether the verb at `v` is a passive (est, a été + a participle) of
  // a judging word: « X a été agressé » judges the agent, not X.
  bool passive_judgement(std::uint32_t v) const { return passive_of_judgement(run_, v, te_); }

  // Whether token `k` lies inside a target already found.
  bool covered(std::uint32_t k) const { return run_.inside_any(found_, k); }

  // 1. The subject of a clause: a noun phrase at the start of the content
  // or after a word that opens a clause, followed by its finite verb (with
  // ne, clitics and adverbs between). True (and `k` set on the subject's
  // last token) when it found one.
  bool clause_subjects(std::uint32_t& k) {
    bool clause_start =
        k == tb_ || opens_clause(run_, k - 1) || run_.tok(k - 1).kind == TokenKind::kQuoteMark;
    // A capitalised conjunction or adverb opening a sentence is no name:
    // « Si Alassane Ouattara se présente », « Mais la CENI … ».
    const bool function_word =
        !run_.tags_.empty() &&
        (run_.tags_[k].pos & (kPosSubordination | kPosCoordination | kPosAdverb | kPosPreposition));
    if (!clause_start || opens_clause(run_, k) ||
        !(run_.has(k, WordClasses::kDet) || (run_.is_name_word(k) && !function_word) || run_.title_of(k)) ||
        run_.is_de(k))
      return false;
    const std::uint32_t first = k;
    Np np = run_.np_forward(k, te_, true);
    // An object clitic after the subject belongs to the verb: « Ingrid
    // Halvorsen m'a assuré ».
    while (np.end > np.begin + 1 && run_.has(np.end - 1, WordClasses::kObj) &&
           run_.tok(np.end - 1).kind == TokenKind::kClitic)
      --np.end;
    // A judging phrase's head read as a noun ends the subject: « le
    // ministre change de discours » (change, a noun too, then de).
    for (std::uint32_t z = np.begin + 1; z < np.end; ++z)
      if (!run_.is_name_word(z) && judges_subject(run_, z, te_)) {
        np.end = z;
        break;
      }
    // An adjective coordinated at the end of the subject, right before
    // its verb: « les travailleurs du secteur public et privé sont … ».
    if (np.valid() && np.end + 2 < te_ && run_.has_extra(np.end, WordClasses::kEtWord) && !run_.tags_.empty() &&
        run_.tok(np.end + 1).kind == TokenKind::kWord && !run_.tok(np.end + 1).capitalized &&
        !run_.has(np.end + 1, WordClasses::kDet | WordClasses::kPrep | WordClasses::kObj | WordClasses::kAux) &&
        (run_.has(np.end + 2, WordClasses::kAux) || (run_.tags_[np.end + 2].pos & kPosFiniteVerb)))
      np.end += 2;
    // A complement of state without article between the subject and its
    // verb belongs to the subject: « la junte au pouvoir a menti », « le
    // régime en place trahit … », « les enseignants en grève sont … ». (En
    // before a verb is its clitic: « le ministre en parle ».)
    if (np.valid() && np.end + 2 < te_ && run_.has_extra(np.end, WordClasses::kAuForm | WordClasses::kEnWord) &&
        run_.tok(np.end + 1).kind == TokenKind::kWord && !run_.tok(np.end + 1).capitalized &&
        !run_.has(np.end + 1, WordClasses::kDet | WordClasses::kPrep | WordClasses::kObj | WordClasses::kAux) &&
        !(run_.tags_[np.end + 1].pos & (kPosFiniteVerb | kPosPastParticiple)) &&
        (run_.has(np.end + 2, WordClasses::kAux) || (run_.tags_[np.end + 2].pos & kPosFiniteVerb)))
      np.end += 2;
    std::uint32_t v = np.end;
    // Coordinated subjects: « la CENI et la Cour constitutionnelle veulent ».
    std::vector<Np> parts{np};
    while (np.valid() && v + 1 < te_ && run_.has_extra(v, WordClasses::kEtWord) &&
           (run_.has(v + 1, WordClasses::kDet) || run_.is_name_word(v + 1)) && parts.size() < 4) {
      Np more = run_.np_forward(v + 1, te_, true);
      if (!more.valid()) break;
      parts.push_back(more);
      v = more.end;
    }
    // A parenthesis between subject and verb: « Karl Tremblay, pour moi, était ».
    if (np.valid() && v < te_ && run_.is_comma(v)) {
      std::uint32_t c = v + 1;
      while (c < te_ && c < v + 6 && !run_.is_comma(c) && !run_.is_punct(c)) ++c;
      if (c < te_ && c > v + 1 && run_.is_comma(c) && run_.has(v + 1, WordClasses::kPrep)) v = c + 1;
    }
    // A name in apposition between subject and verb is the subject's own
    // name: « Le directeur du zoo, Paul Mercier, est incompétent ».
    if (np.valid() && parts.size() == 1 && v + 2 < te_ && run_.is_comma(v) && run_.is_name_word(v + 1)) {
      std::uint32_t c = v + 1;
      while (c < te_ && run_.is_name_word(c)) ++c;
      if (c < te_ && c >= v + 3 && run_.is_comma(c)) parts = {Np{v + 1, c}}, v = c + 1;
    }
    if (!np.valid() || !run_.np_has_content(np)) return false;
    bool accused = false;
    if (!subject_of_judging_verb(np, v, &accused) || passive_judgement(v)) return false;
    bool any = false;
    // « Les riverains sont invités à … »: called upon, judged or not.
    const bool summoned = run_.summoned_at(v, te_) || accused;
    // « Il faut que le gouvernement retire … »: the subject of a clause
    // that a word of necessity or demand asks for has the duty, as with
    // devoir.
    const bool obliged = run_.obliged_at(v, te_) ||
                         (first > tb_ && (run_.demanded_by_que(first - 1, tb_) || run_.jussive_que(first - 1, te_)));
    for (const Np& part : parts) {
      const int m = subject_target(part, v, summoned, obliged);
      if (m != kNone) found_.push_back(m), any = true;
    }
    if (any) k = parts.back().end - 1;
    return any;
  }

  // 1a. The focus of a cleft sentence: « ce sont les arbitres qui nous
  // ont volé la victoire », « c'est la direction qui a menti »: the phrase
  // between c'est (ce sont, c'était) and qui is the subject of the verb
  // after qui, read as a clause subject. A determiner right before a form
  // of être can only be the pronoun ce. True (and `k` on the phrase's last
  // token) when it found one.
  bool cleft_subject(std::uint32_t& k) {
    if (k < tb_ + 2 || !run_.has(k - 1, WordClasses::kEtreForm) ||
        !(run_.has_grammar(k - 2, WordClasses::kDemonstrativePronoun) || run_.has(k - 2, WordClasses::kDet)) ||
        !(run_.has(k, WordClasses::kDet) || run_.is_name_word(k)))
      return false;
    const Np np = run_.np_forward(k, te_, true);
    if (!np.valid() || np.end + 1 >= te_ || !run_.has_extra(np.end, WordClasses::kQuiWord) ||
        !run_.np_has_content(np))
      return false;
    std::uint32_t v = np.end + 1;
    if (!subject_of_judging_verb(np, v) || passive_judgement(v)) return false;
    const int m = subject_target(np, v, false, run_.obliged_at(v, te_));
    if (m == kNone) return false;
    found_.push_back(m);
    k = np.end - 1;
    return true;
  }

  // The target that subject `part` of the verb at `v` names, or kNone: a
  // named one when the content or the cue judges, another (a state, a
  // group, an institution by its common noun) when its own clause judges;
  // any when `summoned` (called upon or accused in the passive). « Le
  // Conseil départemental doit rouvrir … », « le gouvernement doit … »:
  // when `obliged`, an institution, a person by its name or a state; not a
  // description of people (« les responsables de cette débâcle doivent … »
  // names no one).
  int subject_target(const Np& part, std::uint32_t v, bool summoned, bool obliged) {
    int m = run_.target_mention(part.begin, part.end);
    // « Le préfet doit rouvrir la route »: a bare role no one named holds
    // is called upon as the role itself, as in a cue's slot, when its
    // clause puts a duty on it. (A clause that merely holds a word of
    // judgement is too coarse a sign for an unnamed role: « l'arbitre est
    // venu s'excuser d'une erreur ».) So is it when its own verb judges
    // its doer (data/judging_verbs.tsv, subject slot): « le Premier
    // ministre change de discours », « l'arbitre a menti ».
    const bool judging_verb = m == kNone && !obliged && verb_judges_subject(v);
    const bool role_alone =
        m == kNone && (obliged || judging_verb) && (m = run_.slot_target_mention(part.begin, part.end)) != kNone;
    if (m == kNone) return kNone;
    if (role_alone && judging_verb) return m;
    const EntityType type = run_.out.mentions[m].type;
    if (obliged && (role_alone || named(m) || type == EntityType::kCountry || type == EntityType::kOrganization))
      return m;
    // « Le gouvernement « profite de la pandémie » », a accusé X: an
    // institution by its common noun that opens the content of a cue of
    // blame is the one blamed, as a named subject is (a subject further
    // on, « pour dire que l'équipe visait … », may be the speaker's side).
    const bool blamed_institution =
        type == EntityType::kOrganization && cue_blames_ && opens_content(part.begin);
    const bool judged =
        named(m) ? judged_ || judging_cue_ || verb_judges_subject(v) : clause_judged(v) || blamed_institution;
    if (judged || summoned) return m;
    drop(m);
    return kNone;
  }

  // Whether subject `np` is followed at `v` (past ne, clitics, an opening
  // quotation mark and adverbs, with `v` moved there) by a finite verb
  // that reports no speech: the subject of a report inside the content is
  // its speaker (« la ministre a affirmé que … »). `accused`, when given,
  // is set when the verb is a cue of blame or warning in the passive (« X
  // est accusé de … »).
  bool subject_of_judging_verb(const Np& np, std::uint32_t& v, bool* accused = nullptr) const {
    // A quotation mark may open between subject and verb: le parquet
    // « viole la présomption d'innocence ».
    while (v < te_ && (run_.has_extra(v, WordClasses::kNeForm | WordClasses::kEnWord) ||
                       run_.has(v, WordClasses::kObj) || run_.has_grammar(v, WordClasses::kYWord) ||
                       run_.tok(v).kind == TokenKind::kQuoteMark))
      ++v;
    v = run_.skip_adverbs(v, te_);
    // A judging phrase's head is a verb whatever the tagger read (« fait
    // fausse route », « change de discours »).
    // So is a semi-auxiliary before its infinitive (« ne cesse de … »,
    // cesse read as a noun too).
    bool verb = v < te_ && !run_.tags_.empty() &&
                ((run_.tags_[v].pos & kPosFiniteVerb) || run_.has(v, WordClasses::kAux) ||
                 judges_subject(run_, v, te_) || past_semi_auxiliary(v) != v);
    std::uint32_t head = v;
    while (head < te_ && (run_.has(head, WordClasses::kAux) || run_.has(head, WordClasses::kObj))) ++head;
    head = run_.skip_adverbs(head, te_);
    bool speech = false;
    // (A passive accusation reports what unnamed others say of the subject.)
    // Cues in order (cues_in_order): only those from the first with its
    // verb at np.end, up to head; a content of thousands of cues asked each
    // of them for each of its subjects.
    const bool in_order = cues_in_order(cues_);
    auto from = cues_.begin();
    if (in_order)
      from = std::partition_point(cues_.begin(), cues_.end(), [&](const CueHit& h) { return h.verb < np.end; });
    for (auto h = from; h != cues_.end() && !(in_order && h->verb > head); ++h)
      speech |= h->verb >= np.end && h->verb <= head && !(h->passive && run_.passive_de_report(*h->entry, h->last, te_));
    // « X est accusé de … », « X a été mis en garde »: a cue in the
    // passive (a participle after a form of être) tells what others say
    // of the subject, who is its object: blamed or warned, aimed at. With
    // its agent (« X est accusé par ses voisins »), the agents blame, as
    // the victim of a passive of wrongdoing is no target; so is the one
    // threatened (« X a été menacé », a harm word), no one warned.
    if (accused != nullptr && head < te_ && passive_auxiliary(v, head) &&
        !(head + 1 < te_ && run_.has_extra(head + 1, WordClasses::kParWord)))
      for (const CueForm& f : run_.forms(head))
        *accused |= f.form == VerbForm::kPastParticiple &&
                    (accusing(f.entry->relation) || f.entry->relation == Relation::kWarns) &&
                    !run_.has_anchor(head, WordClasses::kHarmWord);
    // « X se moque des élus », « X dénigre nos soignants »: a verb that
    // judges its subject does so even when it reports speech too.
    // « continue » is a cue of its own (« … », continue-t-il): « X continue
    // de mentir » judges X all the same.
    return verb && (!speech || (head < te_ && judges_subject(run_, past_semi_auxiliary(head), te_)));
  }

  // Whether a form of être (est, sont, été) stands among tokens [from, to):
  // the auxiliary of a passive.
  bool passive_auxiliary(std::uint32_t from, std::uint32_t to) const {
    for (std::uint32_t z = from; z < to; ++z)
      if (run_.has(z, WordClasses::kEtreForm) || run_.has_grammar(z, WordClasses::kEteWord)) return true;
    return false;
  }

  // 1b. A pronoun of the third person, subject of a verb of wrongdoing
  // or praise (a verb of data/judgements.tsv: mentir, trahir, falsifier)
  // or of a duty (devoir + infinitive, or the clause a demand asks for
  // after que), resolved where it stands: « Paul Girard est mis en cause.
  // « Il n'a jamais menti » », « … « Il doit démissionner » », or of any
  // verb in the content's first sentence under a cue that judges (« « Il
  // a choisi de fermer la maternité », a dénoncé X »). Such a
  // verb has someone for subject; an adjective
  // may judge a thing (« il est scandaleux » is left alone), and a passive
  // (« il a été trompé ») judges its agent.
  bool pronoun_subject(std::uint32_t k) {
    Gender gender;
    bool plural;
    const bool clause_start =
        k == tb_ || opens_clause(run_, k - 1) || run_.tok(k - 1).kind == TokenKind::kQuoteMark;
    if (!clause_start || run_.tags_.empty() || !run_.words.subject(run_.tok(k).lower, gender, plural) ||
        gender == '?' || run_.has_grammar(k, WordClasses::kOnWord) || run_.impersonal_il_at(k, te_))
      return false;
    std::uint32_t v = k + 1;
    while (v < te_ && (run_.has_extra(v, WordClasses::kNeForm | WordClasses::kEnWord) ||
                       run_.has(v, WordClasses::kObj) || run_.has_grammar(v, WordClasses::kYWord)))
      ++v;
    v = run_.skip_adverbs(v, te_);
    if (passive_judgement(v)) return false;
    // A verb with avoir or none: with être the participle tells a state
    // or a passive (« il est corrompu »).
    std::uint32_t head = v;
    bool etre = false;
    while (head < te_ && run_.has(head, WordClasses::kAux)) {
      etre |= run_.has(head, WordClasses::kEtreForm);
      head = run_.skip_adverbs(head + 1, te_);
    }
    const bool verb = !etre && head < te_ && (run_.tags_[head].readings & (kPosFiniteVerb | kPosPastParticiple));
    // « Il doit démissionner », « il faut qu'elle revienne sur sa
    // décision »: a duty put on the subject calls upon the one the pronoun
    // stands for, as it does a named subject.
    // « Qu'il démissionne ! »: a que opening an exclamation with the
    // subjunctive gives an order to the third person, as a named subject's
    // (« Que le ministre démissionne ! »).
    const bool jussive = k > tb_ && run_.jussive_que(k - 1, te_);
    const bool obliged = run_.obliged_at(head, te_) || (k > tb_ && run_.demanded_by_que(k - 1, tb_)) || jussive;
    // « Il a choisi de s'amuser durant l'été », a dénoncé X: under a cue
    // that judges a deed (accuse, criticise, support, thank), the pronoun
    // subject of the content's first sentence is the one judged, whatever
    // its verb, as a named subject is (the judgement is the cue's). A
    // warning, a denial or a call judges no deed of the subject: « Il
    // reviendra en juin », a prévenu X.
    // Only the first pronoun subject: the subject of the content's first
    // clause is the one the cue is about (which also keeps the search
    // linear in a long content).
    const bool cue_judges_subject =
        cue_judges_deeds_ && !cue_subject_seen_ && k < first_stop_ && !speaker_pronoun_like(gender, plural);
    cue_subject_seen_ = true;
    if (!verb || !(obliged || cue_judges_subject || run_.has(head, WordClasses::kNegative | WordClasses::kPositive) ||
                   judges_subject(run_, head, te_)))
      return false;
    // A phrase earlier in the content may be the antecedent (« Mon voisin
    // est venu. Il a menti »), of which the pass made no mention; the
    // jussive que itself is none (the range from it to the pronoun is empty).
    if (!jussive && first_named_ < k) return false;
    MentionInfo p;
    p.begin = run_.tok(k).begin;
    p.end = run_.tok(k).end;
    p.text = run_.text_of(k, k + 1);
    p.pronoun = true;
    p.gender = gender;
    p.plural = plural;
    const std::uint32_t before = p.begin;
    const int m = pronoun_resolved_where_it_stands(run_, std::move(p), before, false);
    if (m == kNone) return false;
    found_.push_back(m);
    return true;
  }

  // 1c. A word of praise, thanks or blame that opens a clause without a
  // verb, followed by à and the one it is addressed to: « Merci à la
  // Croix-Rouge », « Bravo aux pompiers », « Honte au gouvernement ! ».
  // Only an entity (« merci à tous », « honte à moi » aim at no one named;
  // « bienvenue à Lomé » at a place),
  // and only right after the clause opens (« une honte à l'échelle du
  // pays » is no address). True (and `k` on the target's last token) when
  // it found one.
  bool judgement_addressed_to(std::uint32_t& k) {
    const bool clause_start =
        k == tb_ || opens_clause(run_, k - 1) || run_.tok(k - 1).kind == TokenKind::kQuoteMark;
    if (!clause_start || k + 2 >= te_ || !run_.has(k, WordClasses::kNegative | WordClasses::kPositive) ||
        run_.tags_.empty() || (run_.tags_[k].readings & kPosVerb) ||
        !run_.has_extra(k + 1, WordClasses::kAuForm | WordClasses::kAForm))
      return false;
    return take_addressee(run_.np_forward(k + 2, te_, true), false, k);
  }

  // 1e. The object of a verb that judges its object or complement
  // (data/judging_verbs.tsv, slot object or indirect): « nous saluons
  // Paul Girard », « elle rend hommage aux pompiers de Lyon ». The verb's
  // tail ends with its preposition; the one judged is someone named or an
  // institution, never a pronoun, a place or the speaker's own side.
  bool judged_object(std::uint32_t& k) {
    std::uint32_t after = k;
    const CueEntry* e = judging_verb(run_, k, te_, after);
    if (e == nullptr || e->target == TargetSlot::kSubject) return false;
    // « On ne salue pas un élu »: a negated verb judges no one.
    for (std::uint32_t z = k; z-- > tb_ && z + 3 > k;)
      if (run_.has_extra(z, WordClasses::kNeForm)) return false;
    const std::uint32_t b = run_.skip_adverbs(after, te_);
    return b < te_ && !covered(b) && take_addressee(run_.np_forward(b, te_, true), true, k);
  }

  // 1f. A phrase that its own adjective blames, wherever it stands: « on
  // a hérité de ce gouvernement incompétent », « nous subissons le régime
  // corrompu », « ces dirigeants incapables »: a definite determiner, the head
  // noun and a negative word of data/judgements.tsv read as an adjective
  // right after it or right before it (« la pire direction »). The one
  // blamed is whom the phrase names (target_mention: someone named, an
  // institution, a group, a role whose holder the text names); not the
  // speaker's side (« notre maire »). A noun of judgement (« l'arrogance
  // de X ») is a deed, read by deed_complement.
  bool judged_phrase(std::uint32_t& k) {
    // A definite or demonstrative phrase names someone; an indefinite one
    // is a kind (« nommer un conseil fantoche » blames whoever named it).
    const bool definite = run_.has_extra(k, WordClasses::kDefiniteArticle) ||
                          run_.has_grammar(k, WordClasses::kDemonstrative | WordClasses::kCeWord) ||
                          (run_.has(k, WordClasses::kDet) && run_.has_extra(k, WordClasses::kElision));
    if (!definite || run_.tags_.empty() || run_.possessive_circle(k, false)) return false;
    const Np np = run_.np_forward(k, te_, false);
    if (!np.valid() || np.end > k + 5) return false;
    // The phrase without an adjective after its head names the one blamed
    // (« ce régime » of « ce régime corrompu »); one before its head stays
    // (« la pire direction »). 0 while no adjective blames.
    std::uint32_t named_end = 0;
    for (std::uint32_t j = k + 1; j < np.end && named_end == 0; ++j) {
      if (!run_.has(j, WordClasses::kNegative) || run_.has(j, WordClasses::kPositive) ||
          !(run_.tags_[j].readings & kPosAdjective))
        continue;
      const bool before_head = j + 1 < np.end && (run_.tags_[j + 1].pos & kPosNoun) &&
                               !run_.has(j + 1, WordClasses::kNegative | WordClasses::kPositive);
      const bool after_head = j > k + 1 && (run_.tags_[j - 1].pos & kPosNoun) &&
                              !run_.has(j - 1, WordClasses::kNegative | WordClasses::kPositive);
      if (before_head || after_head) named_end = before_head ? np.end : j;
    }
    if (named_end <= k + 1) return false;
    const int m = run_.target_mention(np.begin, named_end);
    if (m == kNone) return false;
    if (run_.out.mentions[m].pronoun) {
      drop(m);
      return false;
    }
    found_.push_back(m);
    k = np.end - 1;
    return true;
  }

  // 1d. « Il appartient au ministre de trancher », « c'est à la mairie
  // de payer »: the one a duty is put on after its à, someone or a state
  // (« c'est à la France de … ») and not a city, is called upon.
  bool duty_holder(std::uint32_t& k) {
    return !run_.tags_.empty() && take_addressee(run_.duty_holder_at(k, te_), true, k);
  }

  // 1e. « Nous exigeons de la direction qu'elle retire son plan », « j'attends
  // du ministre qu'il tienne parole »: the one a verb of demand asks after
  // de, before its que (at `k`), is called upon; the scan goes on at the que.
  bool demand_addressee(std::uint32_t k) {
    const Np np = run_.demand_addressee_before(k, tb_);
    std::uint32_t last = k;
    return np.valid() && !covered(np.begin) && take_addressee(np, true, last);
  }

  // Takes `np`, the one a word of judgement or of duty addresses after
  // its à, as a target and moves `k` to its last token: someone named or
  // an institution, a state only when `state_ok`, never another place
  // (« Bienvenue à Lomé »), a pronoun or the speaker's own side.
  bool take_addressee(const Np& np, bool state_ok, std::uint32_t& k) {
    if (!np.valid() || !run_.np_has_content(np) || run_.possessive_circle(np.begin, false)) return false;
    const int m = run_.make_mention(np.begin, np.end);
    const MentionInfo& mi = run_.out.mentions[m];
    // Someone, not a place: « Bienvenue à Lomé » welcomes to a city.
    const bool country = mi.type == EntityType::kCountry;
    const bool place = (country && !state_ok) || (!country && !mi.state.empty()) ||
                       (!country && run_.is_name_word(np.begin) && (run_.tags_[np.begin].readings & kPosPlace));
    if (mi.pronoun || place || !run_.is_entity_mention(m) || (mi.type == EntityType::kUnknown && mi.name.empty())) {
      drop(m);
      return false;
    }
    found_.push_back(m);
    k = np.end - 1;
    return true;
  }

  // 2. The complement of a noun of deed: la décision du Conseil
  // constitutionnel, la vision du ministre Vandenbroucke (up to two
  // adjectives between the noun and de).
  bool deed_complement(std::uint32_t& k) {
    if (!run_.deed_noun(k) || run_.is_name_word(k)) return false;
    std::uint32_t j = k + 1;
    while (j < te_ && j < k + 3 && run_.tok(j).kind == TokenKind::kWord && !run_.is_de(j) && run_.is_np_word(j) &&
           !run_.has(j, WordClasses::kPrep | WordClasses::kDet))
      ++j;
    if (j + 1 >= te_ || !run_.is_de(j)) return false;
    // The mention starts after de, du or des: a name after "du" would
    // read as a complement (le ministre du Conseil …). After du, a role
    // alone is a bare role (les propos du maire), not a common noun (la
    // réforme des retraites).
    Np np = run_.np_forward(j + 1, te_, true);
    // A word that can be a finite verb ends the complement: « la
    // décision du Conseil constitutionnel montre … ».
    while (np.end > np.begin + 1 && !run_.tags_.empty() && (run_.tags_[np.end - 1].readings & kPosFiniteVerb) &&
           !run_.tok(np.end - 1).capitalized)
      --np.end;
    bool named_np = false;
    for (std::uint32_t z = np.begin; z < np.end && !named_np; ++z) named_np = run_.is_name_word(z);
    const bool bare_role = run_.has(j, WordClasses::kDet) && run_.role_of(np.begin) != nullptr;
    if (!np.valid() || covered(np.begin) ||
        !(named_np || run_.title_of(np.begin) || run_.has(np.begin, WordClasses::kDet) || bare_role))
      return false;
    // A neutral deed (le discours de X, la position du parti) aims at
    // its author only when the content judges or the deed opens a
    // clause: « la décision du Conseil montre … ».
    bool deed_subject = false;
    for (std::uint32_t z = k; z-- > tb_ && z + 3 > k && !deed_subject;) {
      if (!run_.has(z, WordClasses::kDet)) continue;
      deed_subject =
          z == tb_ || opens_clause(run_, z - 1) || run_.tok(z - 1).kind == TokenKind::kQuoteMark;
    }
    int m = run_.target_mention(np.begin, np.end);
    // A role alone after du or des holds their definite article (de le,
    // de les), as after de la: one person (les propos du maire) or an
    // institution (les promesses du gouvernement, les mensonges des
    // syndicats). Not a group: roles are read without accents, and « la
    // réforme des retraites » would name the retraités.
    if (m != kNone && !named_np && !run_.title_of(np.begin) && !run_.has(np.begin, WordClasses::kDet)) {
      const MentionInfo& mi = run_.out.mentions[m];
      if (mi.type == EntityType::kPerson ? mi.plural : mi.type != EntityType::kOrganization) drop(m), m = kNone;
    }
    if (m != kNone && !judged_ && !judging_cue_ && !deed_subject &&
        !run_.has(k, WordClasses::kNegative | WordClasses::kPositive))
      drop(m), m = kNone;
    // « La déclaration de la représentante outrepasse son mandat »: a deed
    // opening a clause whose verb judges its subject judges its author.
    const bool deed_judged = judged_ || (deed_subject && verb_judges_subject(np.end));
    if (m != kNone && !named(m) && !deed_judged) drop(m), m = kNone;
    if (m == kNone) return false;
    found_.push_back(m);
    k = np.end - 1;
    return true;
  }

  // 3. A vocative: « Monsieur le Président, … », « …, Madame la ministre ! ».
  bool vocative(std::uint32_t& k) {
    // The article after the title: Monsieur le Président; written with an
    // abbreviated title (M. le maire, Mme la ministre) only where a
    // vocative stands, between punctuation: « Oui, M. le président, … ».
    std::uint32_t article = 0;
    if (run_.has_extra(k, WordClasses::kVocativeTitle)) article = k + 1;
    if (article != 0 && titled_name_vocative(k)) return true;
    // Set apart: opening the content, or after one word and a comma
    // (« Oui, M. le maire, … »), or after a comma and closing the
    // sentence (« …, Mme la ministre. »); after a longer fronted adverbial
    // the title is the subject (« Hier soir, Mme la ministre, émue, a … »).
    const bool opens = k == tb_ || run_.tok(k - 1).kind == TokenKind::kQuoteMark;
    const bool after_one_word =
        k >= tb_ + 2 && run_.is_comma(k - 1) && (k - 2 == tb_ || run_.tok(k - 3).kind != TokenKind::kWord);
    const bool after_comma = k > tb_ && run_.is_comma(k - 1);
    const bool abbreviated = article == 0 && run_.title_of(k) && (opens || after_one_word || after_comma);
    if (abbreviated) article = k + 1 < te_ && run_.is_punct(k + 1) ? k + 2 : k + 1;
    if (article == 0 || article + 1 >= te_ || !run_.has_extra(article, WordClasses::kDefiniteArticle)) return false;
    // A vocative is a noun phrase alone: a verb after the role makes the
    // title the subject of a clause (« que monsieur le Président est très
    // calme, … ») and the phrase is then not closed by punctuation.
    std::uint32_t e = article + 1;
    while (e < te_ && run_.tok(e).kind == TokenKind::kWord && !run_.has(e, WordClasses::kPrep | WordClasses::kDet) &&
           !run_.has(e, WordClasses::kAux) && !(!run_.tags_.empty() && (run_.tags_[e].pos & kPosFiniteVerb)) &&
           e < article + 5)
      ++e;
    bool closed = e >= te_ || run_.is_punct(e);
    // An abbreviated title after a longer clause closes the sentence.
    if (abbreviated && !opens && !after_one_word) closed = e >= te_ || (run_.is_punct(e) && !run_.is_comma(e));
    bool role = false;
    for (std::uint32_t z = article + 1; z < e && !role; ++z) role = run_.role_of(z) != nullptr;
    if (!closed || !role) return false;
    // The addressee is a person by the title, named or not. The mention
    // leaves the article out: a vocative addresses the holder of the role,
    // not the person the text was last about, so it is no definite
    // description taking that person up (the entity stage ties « le
    // maire » to the nearest named person); it is tied only to one the
    // text names with that role, else it stays the role.
    int m = run_.make_mention(article + 1, e);
    if (run_.out.mentions[m].type != EntityType::kPerson) {
      drop(m);
      return false;
    }
    found_.push_back(m);
    k = e - 1;
    return true;
  }

  // 3b. A title written out with a name, set apart as a vocative: « Retirez
  // ce texte, Madame Vasseur ! », « Monsieur Girard, vous … » (opening the
  // content or after a comma, and closed by punctuation). Not a title and
  // name inside a clause: « J'ai croisé Monsieur Girard ce matin ». True
  // (and `k` on the name's last token) when it found one.
  bool titled_name_vocative(std::uint32_t& k) {
    const bool set_apart = k == tb_ || run_.tok(k - 1).kind == TokenKind::kQuoteMark || run_.is_comma(k - 1);
    std::uint32_t e = k + 1;
    while (e < te_ && run_.is_name_word(e)) ++e;
    if (!set_apart || e == k + 1 || (e < te_ && !run_.is_punct(e))) return false;
    // One speaks to the one so named: the content says vous (votre, tu),
    // or the vocative ends an exclamation or a question. « Monsieur
    // Girard, notre voisin, est arrivé » is an apposition.
    bool addressed = e < te_ && (run_.is(e, "!") || run_.is(e, "?"));
    for (std::uint32_t z = tb_; z < te_ && !addressed; ++z) addressed = run_.has_extra(z, WordClasses::kSecondPerson);
    if (!addressed) return false;
    const int m = run_.make_mention(k, e);
    if (run_.out.mentions[m].type != EntityType::kPerson || run_.out.mentions[m].name.empty()) {
      drop(m);
      return false;
    }
    found_.push_back(m);
    k = e - 1;
    return true;
  }

  // 6. The author or leader of a judged thing, the agent of a participle
  // of authorship in a content that judges: « un cabinet présidé par Habib
  // Khedher », « ce plan signé par Thomas Berger », « le budget voté
  // jeudi par le Conseil départemental » (a person or organisation by its
  // name or capitalised title). Not the agent of any participle: « cette
  // réforme, saluée par X, est une honte » does not aim at X.
  // 6b. The agent of a passive of wrongdoing (a participle of
  // data/judgements.tsv's negative class: trahi, censuré, méprisé) has
  // done the wrong, judged or not elsewhere: « mon film a été censuré par
  // le préfet », « nous avons été trahis par la direction » (the victim,
  // the subject, is no target). So is the agent of a negated passive of
  // care (« ne pas être écoutés par le gouvernement »). An institution by
  // its common noun, a state or a group counts then, as the author of a
  // deed judged.
  bool passive_agent(std::uint32_t& k) {
    if (k < tb_ + 2 || !run_.has_extra(k - 1, WordClasses::kParWord)) return false;
    // A date or an adverb may stand between the participle and par (« le
    // projet présenté vendredi par le gouvernement »).
    std::uint32_t p = k - 2;
    while (p > tb_ && p + 4 > k && (run_.has(p, WordClasses::kTime | WordClasses::kAdv) && !run_.has(p, WordClasses::kDet)))
      --p;
    const bool wrong = wrongdoing_participle(p) || neglect_participle(p);
    // The agent is named, or an institution or a role after its article
    // (« par le Conseil fédéral », « par le ministre X »): named() below
    // decides.
    const std::uint32_t head = run_.has(k, WordClasses::kDet) && k + 1 < te_ ? k + 1 : k;
    if (!wrong && (!judged_ || !run_.has_grammar(p, WordClasses::kAuthorParticiple) ||
                   !(run_.is_name_word(head) || run_.title_of(head) || (head > k && run_.role_of(head) != nullptr))))
      return false;
    // The wrongdoer keeps its complement: « par la mairie de Perpignan ».
    Np np = run_.np_forward(k, te_, wrong);
    if (!np.valid()) return false;
    int m = run_.target_mention(np.begin, np.end);
    if (m == kNone) return false;
    const MentionInfo& mi = run_.out.mentions[m];
    // The wrongdoer may be an office (« par le préfet de Police »), which
    // target_mention has checked names one person.
    // A group by a possessive (« par ses collègues », « par leurs
    // voisins », « par nos proches ») is someone's circle, no entity the
    // text names.
    const bool circle = run_.possessive_circle(np.begin, true) && !named(m);
    const bool agent = wrong ? !mi.pronoun && !circle && (named(m) || mi.type != EntityType::kUnknown)
                             : !mi.pronoun && named(m) && mi.type != EntityType::kCountry;
    if (!agent) {
      drop(m);
      return false;
    }
    found_.push_back(m);
    k = np.end - 1;
    return true;
  }

  // Whether token `p` is the past participle of a verb of wrongdoing
  // (negative in data/judgements.tsv) whose agent is no speaker: a cue of
  // blame in the passive (« critiqué par X », « accusé par X ») reports
  // what X says, and X is its speaker.
  bool wrongdoing_participle(std::uint32_t p) const {
    if (!run_.has(p, WordClasses::kNegative) || run_.tags_.empty() || !(run_.tags_[p].readings & kPosPastParticiple))
      return false;
    for (const CueForm& f : run_.forms(p))
      if (accusing(f.entry->relation) || f.entry->relation == Relation::kWarns) return false;
    return true;
  }

  // Whether token `p` is the past participle of a verb of care (words.tsv
  // class careparticiple: écouté, consulté, soutenu) negated in its clause,
  // ne or a negation word a few words before it: « ne pas être écoutés par
  // le gouvernement », « nous n'avons jamais été consultés par la
  // direction » complain that the agent failed them, a wrong as much as
  // « méprisés par X ». Not negated (« reçus par le maire »), no complaint.
  bool neglect_participle(std::uint32_t p) const {
    if (!run_.has_anchor(p, WordClasses::kCareParticiple) || run_.tags_.empty() ||
        !(run_.tags_[p].readings & kPosPastParticiple))
      return false;
    for (std::uint32_t z = p; z-- > tb_ && z + kNegationBeforeParticiple >= p;) {
      if (run_.is_punct(z)) return false;
      if (run_.has(z, WordClasses::kNegation) || run_.has_extra(z, WordClasses::kNeForm)) return true;
    }
    return false;
  }

  // 7. The antecedent of a relative qui whose clause judges: « Samia
  // Valette, qui a menti aux électeurs, … » (a name of two words or more,
  // a person or organisation, then a comma and qui).
  bool relative_subject(std::uint32_t& k) {
    if (!run_.is_name_word(k) || (k > tb_ && run_.is_name_word(k - 1))) return false;
    std::uint32_t e = k;
    while (e < te_ && run_.is_name_word(e)) ++e;
    if (e < k + 2 || e + 2 >= te_ || !run_.is_comma(e) || !run_.has_extra(e + 1, WordClasses::kQuiWord)) return false;
    std::uint32_t v = e + 2;
    if (!subject_of_judging_verb(Np{k, e}, v) || !clause_judged(v) || passive_judgement(v)) return false;
    const int m = run_.target_mention(k, e);
    if (m == kNone) return false;
    if (!named(m) || run_.out.mentions[m].type == EntityType::kCountry) {
      drop(m);
      return false;
    }
    found_.push_back(m);
    k = e - 1;
    return true;
  }

  // 4. A pronoun after pour, contre or envers, resolved to its entity:
  // « j'ai beaucoup d'affection pour lui ».
  void pronoun_after_preposition(std::uint32_t k) {
    if (k > tb_ && run_.has_extra(k - 1, WordClasses::kPronounTargetPrep) &&
        run_.has(k, WordClasses::kStressedPronoun)) {
      int m = run_.target_mention(k, k + 1);
      if (m != kNone) found_.push_back(m);
    }
  }

  Run& run_;
  const std::uint32_t tb_, te_;
  const bool judging_cue_;       // the cue accuses, criticises, warns … (not states, responds_to)
  const bool cue_blames_;        // the cue accuses or criticises (a warning blames no subject)
  const bool cue_judges_deeds_;  // the cue accuses, criticises, supports or thanks
  bool judged_ = false;          // the content holds a word of judgement
  std::uint32_t first_stop_ = te_;   // the content's first sentence end, or te_
  std::uint32_t first_named_ = te_;  // the content's first determiner or name word, or te_
  std::uint32_t content_first_ = te_;  // the content's first token that is no quotation mark, or te_
  bool cue_subject_seen_ = false;    // pronoun_subject met the content's first pronoun subject
  // next_mark's last answer mark_ for the query at mark_from_ (none yet:
  // an empty range past te_).
  std::uint32_t mark_from_ = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t mark_ = 0;
  const std::vector<CueHit> cues_;
  std::vector<int> found_;
};

}  // namespace

std::vector<int> Run::judged_targets(std::uint32_t tb, std::uint32_t te, Relation cue_relation) {
  return JudgedTargetSearch(*this, tb, te, cue_relation).search();
}

int Run::blame_pour_target(std::uint32_t k, std::uint32_t tb, std::uint32_t te) {
  if (k < tb + 2 || !has_extra(k - 1, WordClasses::kPourWord) ||
      !(is_name_word(k) || title_of(k) || has(k, WordClasses::kDet)))
    return kNone;
  bool blamed = false;
  for (std::uint32_t z = k - 1; z-- > tb && z + 5 > k && !blamed;) blamed = has(z, WordClasses::kNegative);
  std::uint32_t e = k + (is_name_word(k) ? 0 : 1);
  while (e < te && (is_name_word(e) || role_of(e) || title_of(e))) ++e;
  const int m = blamed && e > k ? target_mention(k, e) : kNone;
  if (m == kNone) return kNone;
  // A person or institution by its name; states keep their own rules.
  const MentionInfo& mi = out.mentions[m];
  const bool named = !mi.pronoun && (mi.type == EntityType::kPerson || mi.type == EntityType::kOrganization) &&
                     !mi.name.empty() && mi.name != mi.state;
  if (named) return m;
  if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
  return kNone;
}

void Run::add_indirect_objects(std::uint32_t k, std::uint32_t limit, std::vector<int>& targets) {
  // The thing asked for may come first: demander une aide à X. Without
  // the one asked, a deed asked for names its author: « nous demandons la
  // démission du ministre X » calls on the minister to go.
  if (k < limit && has(k, WordClasses::kDet) && !has_extra(k, WordClasses::kAuForm | WordClasses::kAForm)) {
    const Np thing = np_forward(k, limit, true);
    if (thing.valid() && thing.end < limit && has_extra(thing.end, WordClasses::kAuForm | WordClasses::kAForm))
      k = thing.end;
    else if (thing.valid())
      deed_author(thing, targets);
  }
  for (int guard = 0; guard < 4 && k < limit && has_extra(k, WordClasses::kAuForm | WordClasses::kAForm); ++guard) {
    // au and aux hold the article: the phrase starts after them.
    const std::uint32_t b = k + 1;
    Np np = np_forward(b, limit, true);
    for (std::uint32_t j = np.begin; j < np.end; ++j)
      if (is_de(j) && j + 1 < limit && is_infinitive_like(j + 1, limit)) {
        np.end = j;
        break;
      }
    // « demander à ce que … » opens a clause, names no one.
    if (!np.valid() || !np_has_content(np) || has_grammar(np.begin, WordClasses::kCeWord)) break;
    // The one asked is named there: any entity, as cue_object_targets
    // takes it (à la Symocel).
    if (!possessive_circle(np.begin, false)) {
      int m = make_mention(np.begin, np.end);
      const MentionInfo& mi = out.mentions[m];
      if (is_entity_mention(m) && !(mi.type == EntityType::kUnknown && mi.name.empty())) targets.push_back(m);
      else if (m + 1 == static_cast<int>(out.mentions.size())) out.mentions.pop_back();
    }
    k = np.end;
    if (k + 1 < limit && (is_comma(k) || has_extra(k, WordClasses::kEtWord))) ++k;
    else break;
  }
}

namespace {

// The token after an aside that stands between a cue and its object at
// `k`: a circumstance between commas (« a critiqué, mardi soir, le
// ministre X », « a appelé, dans un communiqué, X à … ») or opened by a
// preposition of circumstance other than à and en (« a salué lors d'une
// conférence de presse le ministre X »). `k` itself when there is none,
// when the aside holds a verb, que or a quotation mark (« a critiqué,
// estimant que … »), or when no noun phrase follows it before `limit`.
std::uint32_t past_aside(const Run& run, std::uint32_t k, std::uint32_t limit) {
  if (run.tags_.empty() || k + 2 >= limit) return k;
  auto starts_np = [&](std::uint32_t j) {
    return j < limit && (run.has(j, WordClasses::kDet) || run.is_name_word(j));
  };
  if (run.is_comma(k)) {
    std::uint32_t c = k + 1;
    while (c < limit && c <= k + kAsideWords &&
           (run.tok(c).kind == TokenKind::kWord || run.tok(c).kind == TokenKind::kNumber) && !run.is_que(c) &&
           !(run.tags_[c].pos & kPosFiniteVerb) && run.forms(c).empty())
      ++c;
    return c > k + 1 && c < limit && run.is_comma(c) && starts_np(c + 1) ? c + 1 : k;
  }
  if (!run.has(k, WordClasses::kCircumstancePrep) || run.has_extra(k, WordClasses::kAForm | WordClasses::kAuForm) ||
      run.has_extra(k, WordClasses::kEnWord))
    return k;
  const std::uint32_t b = run.is_de(k + 1) ? k + 2 : k + 1;  // lors de, lors d'
  const Np circumstance = run.np_forward(b, limit, true);
  return circumstance.valid() && circumstance.end <= k + kAsideWords && starts_np(circumstance.end)
             ? circumstance.end
             : k;
}

}  // namespace

bool Run::deed_author(const Np& np, std::vector<int>& targets) {
  // The deed may sit a few words in: la base légale de l'arrêt de X.
  for (std::uint32_t j = np.begin; j + 2 < np.end && j < np.begin + 6; ++j) {
    if (!deed_noun(j) || !is_de(j + 1)) continue;
    const Np author = np_forward(j + 2, np.end, true);
    int m = author.valid() ? target_mention(author.begin, author.end) : kNone;
    if (m == kNone && author.valid()) m = organisation_of_members(author.begin, author.end);
    if (m != kNone) targets.push_back(m);
    return true;
  }
  return false;
}

void Run::extend_cue_targets(const CueHit& h, std::uint32_t limit, std::vector<int>& targets) {
  // An answer names the one answered after à: répondre à X (the lexicon
  // gives these verbs no slot, so that their incises read as before).
  const TargetSlot slot = h.entry->target == TargetSlot::kNone && answers(words, *h.entry) ? TargetSlot::kIndirect
                                                                                   : h.entry->target;
  if (slot == TargetSlot::kNone) {
    // « a souligné l'échec du ministre X : « … » », « a rappelé le courage
    // des sauveteurs de X »: the object of a neutral cue that opens with a
    // noun of judgement after its determiner judges the author its de
    // names (a deed alone, « a évoqué la décision de X », judges no one).
    const std::uint32_t o = past_aside(*this, skip_adverbs(h.last, limit), limit);
    if (o + 3 < limit && has(o, WordClasses::kDet) && has(o + 1, WordClasses::kNegative | WordClasses::kPositive))
      deed_author(Np{o, np_forward(o, limit, true).end}, targets);
    return;
  }
  const std::uint32_t sentence_begin = doc.sentences[doc.sentence_at(tok(h.verb).begin)].token_begin;
  const int antecedent = clitic_antecedent_target(h, sentence_begin);
  if (antecedent != kNone) targets.push_back(antecedent);
  std::uint32_t k = skip_adverbs(h.last, limit);
  while (k < limit && !tags_.empty() && (tags_[k].pos & kPosAdverb) &&
         !has(k, WordClasses::kDet | WordClasses::kPrep) && tok(k).lower.size() > kMannerSuffix.size() + 2 &&
         tok(k).lower.compare(tok(k).lower.size() - kMannerSuffix.size(), kMannerSuffix.size(), kMannerSuffix) == 0)
    k = skip_adverbs(k + 1, limit);
  while (k < limit && has(k, WordClasses::kTime) && !has(k, WordClasses::kDet)) ++k;
  // « je ne remercierai jamais assez X », « je ne critique pas seulement
  // X »: a negation word with its emphasis praises or blames all the more.
  // The cue's group may hold the negation word already (h.last past it).
  if (k + 1 < limit && (has(k, WordClasses::kNegation) || has_grammar(k, WordClasses::kNegationWord)) &&
      has_grammar(k + 1, WordClasses::kNegationEmphasis))
    ++k;
  if (k < limit && k > h.verb && has_grammar(k, WordClasses::kNegationEmphasis) &&
      (has(k - 1, WordClasses::kNegation) || has_grammar(k - 1, WordClasses::kNegationWord)))
    k = skip_adverbs(k + 1, limit);
  k = past_aside(*this, k, limit);
  if (slot == TargetSlot::kIndirect && tail_holds_preposition(*this, h)) {
    // The cue has read the à: the one aimed at comes next, any entity
    // as add_indirect_objects takes it, not a thing (la météo).
    const Np np{k, np_forward(k, limit, true).end};
    if (k >= limit || has_grammar(k, WordClasses::kCeWord) || !np.valid() || !np_has_content(np)) return;
    const std::size_t before = targets.size();
    for (int m : conjunct_mentions(np))
      if (is_entity_mention(m) && !(out.mentions[m].type == EntityType::kUnknown && out.mentions[m].name.empty()))
        targets.push_back(m);
    if (targets.size() == before + 1) targets.back() = apposed_person(targets.back(), np.end, limit);
    return;
  }
  if (slot == TargetSlot::kIndirect) {
    add_indirect_objects(k, limit, targets);
    return;
  }
  if (k >= limit || !(has(k, WordClasses::kDet) || is_name_word(k))) return;
  Np np = np_forward(k, limit, true);
  np.end = with_coordinated_adjective(*this, np, limit);
  if (!deed_author(np, targets)) {
    int m = slot_target_mention(np.begin, np.end);
    if (m == kNone) m = organisation_of_members(np.begin, np.end);
    if (m != kNone) targets.push_back(apposed_person(m, np.end, limit));
  }
}

Relation Run::judgement_relation(std::uint32_t tb, std::uint32_t te) const {
  int negative = 0, positive = 0;
  for (std::uint32_t k = tb; k < te; ++k) {
    const bool neg_word = has(k, WordClasses::kNegative), pos_word = has(k, WordClasses::kPositive);
    if (neg_word && pos_word) continue;
    bool against = neg_word;
    if (!neg_word && !pos_word) {
      // The verbs of data/judging_verbs.tsv count as such words (« il
      // fait fausse route », « elle a été à la hauteur »).
      std::uint32_t after = k;
      const CueEntry* e = judging_verb(*this, k, te, after);
      if (e == nullptr) continue;
      against = e->relation == Relation::kCriticises || e->relation == Relation::kAccuses;
    }
    // "ce n'est pas acceptable", "il n'a jamais été incompétent": a
    // negation shortly before a judgement inverts it.
    bool negated = false;
    for (std::uint32_t z = k; z-- > tb && z + 4 > k;)
      if (has(z, WordClasses::kNegation)) negated = true;
    ((against != negated) ? negative : positive) += 1;
  }
  if (negative > positive) return Relation::kCriticises;
  if (positive > negative) return Relation::kSupports;
  return Relation::kStates;
}

std::size_t Run::states_named() {
  if (states_named_ >= 0) return static_cast<std::size_t>(states_named_);
  std::vector<const State*> seen;
  auto note = [&](const State* st) {
    if (st && std::find(seen.begin(), seen.end(), st) == seen.end()) seen.push_back(st);
  };
  const std::uint32_t n = static_cast<std::uint32_t>(doc.tokens.size());
  for (std::uint32_t k = 0; k < n; ++k) {
    // Names only: a nationality adjective (une étude américaine) often
    // names no party.
    if (tok(k).kind != TokenKind::kWord || !tok(k).capitalized) continue;
    // Longest run naming a state: Corée du Sud, États-Unis.
    for (std::uint32_t e = std::min(n, k + 4); e > k; --e) {
      if (tok(e - 1).kind != TokenKind::kWord) continue;
      if (const State* st = state_of_tokens(k, e)) {
        note(st);
        break;
      }
    }
  }
  states_named_ = static_cast<int>(seen.size());
  return seen.size();
}

namespace {

// The longest clause read back from a state to its subject (« on fait
// jouer une équipe B prétextant éviter le favori l'Angola »).
constexpr std::uint32_t kSubjectReach = 12;

// Whether a word of judgement stands in the part of content [tb, te) that
// lies in the sentence of token `k`: a state is judged by its own
// sentence, not by a « C'est inadmissible ! » two sentences before.
bool judged_in_sentence(const Run& run, std::uint32_t k, std::uint32_t tb, std::uint32_t te) {
  const Sentence& s = run.doc.sentences[run.doc.sentence_at(run.tok(k).begin)];
  for (std::uint32_t z = std::max(tb, s.token_begin); z < std::min(te, s.token_end); ++z)
    if (run.has(z, WordClasses::kNegative | WordClasses::kPositive)) return true;
  return false;
}

// Whether the state at token `k` (content from `tb`) is the object of a
// clause whose subject is the speaker's side, the first person or on:
// « nous avions battu le Cameroun », « on attendait le Sénégal en
// finale ». A rival met or awaited is what the speaker did, not whom the
// statement judges, even under a cue of blame.
bool object_of_first_person(const Run& run, std::uint32_t k, std::uint32_t tb) {
  for (std::uint32_t z = k; z-- > tb && z + kSubjectReach > k;) {
    if (opens_clause(run, z) && !run.has_grammar(z, WordClasses::kOnWord)) return false;
    const std::string_view w = run.tok(z).lower;
    const bool first_person = run.words.has(w, WordClasses::kSubj12) ||
                              (run.words.has(w, WordClasses::kPerson12) &&
                               !run.words.has(w, WordClasses::kObj | WordClasses::kPoss));
    if ((first_person && !run.has_extra(z, WordClasses::kSecondPerson)) || run.has_grammar(z, WordClasses::kOnWord))
      return true;
  }
  return false;
}

// Whether the state whose mention opens at token `k` (content from `tb`)
// is given as an example of a kind, after a word of words.tsv's class
// exampleword: « des pays comme les États-Unis ou le Canada », « les pays
// voisins tels que le Sénégal », « notamment le Mali ».
bool example_of_kind(const Run& run, std::uint32_t k, std::uint32_t tb) {
  // An et or ou passed makes room for one more item of the list (« comme
  // les États-Unis ou le Canada »): the reach grows to the coordination
  // plus twice the reach, and stops growing once it is three times the
  // reach or more.
  std::uint32_t reach = kExampleReach;
  for (std::uint32_t z = k; z-- > tb && z + reach > k;) {
    if (run.has_anchor(z, WordClasses::kExampleWord)) return true;
    if (run.is_punct(z) && !run.is_comma(z)) return false;
    const bool coordination = run.has_extra(z, WordClasses::kEtWord) || run.has_grammar(z, WordClasses::kOuWord);
    if (coordination && reach < 3 * kExampleReach)
      reach = k - z + kExampleReach + kExampleReach;
  }
  return false;
}

// Whether a word of judgement stands in the clause of token `k`, inside
// content [tb, te): from the word that opens it to the next one, or to et
// (« nous avions battu le Cameroun et nous perdons contre des amateurs »:
// the amateurs are judged, not Cameroon).
bool judged_in_clause(const Run& run, std::uint32_t k, std::uint32_t tb, std::uint32_t te) {
  std::uint32_t b = k;
  while (b > tb && !opens_clause(run, b - 1)) --b;
  for (std::uint32_t z = b; z < te && (z <= k || !(opens_clause(run, z) || run.has_extra(z, WordClasses::kEtWord)));
       ++z)
    if (run.has(z, WordClasses::kNegative | WordClasses::kPositive)) return true;
  return false;
}

// How many tokens a state's coordination may be read back through to the
// clause it opens (« si la Corée du Sud et les États-Unis … »).
constexpr std::uint32_t kCoordinatedSubjectReach = 8;

// Whether the state whose mention opens at token `k` (content from `tb`)
// is the subject of its clause, alone or coordinated: it opens the
// content, or follows a word that opens a clause (« Je pense que la
// Russie a montré … ») or a quotation mark, or it is coordinated by et
// with such a subject (« si la Corée du Sud et les États-Unis … »); not
// the object of a preposition or a verb (« les sanctions prises contre le
// Mali »).
bool state_as_subject(const Run& run, std::uint32_t k, std::uint32_t tb) {
  const auto opens_here = [&](std::uint32_t b) {
    return b == tb || opens_clause(run, b - 1) || run.tok(b - 1).kind == TokenKind::kQuoteMark;
  };
  if (opens_here(k)) return true;
  if (!run.has_extra(k - 1, WordClasses::kEtWord)) return false;
  // Back over the first conjunct (its determiner, its name and the de of
  // a name such as Corée du Sud) to the word that opens the clause.
  std::uint32_t z = k - 1;
  for (; z > tb && z + kCoordinatedSubjectReach > k; --z) {
    if (opens_here(z)) return true;
    if (!(run.has(z - 1, WordClasses::kDet) || run.is_name_word(z - 1) || run.is_de(z - 1))) return false;
  }
  return z == tb;
}

}  // namespace

void Run::drop_bare_states(AttributedClaim& c, std::uint32_t tb, std::uint32_t te, Relation cue_relation) {
  // A cue of blame or praise judges what its content names, but not a
  // rival that the speaker's side met (object_of_first_person), unless
  // its own clause judges it.
  const bool judging_cue = cue_relation != Relation::kStates && cue_relation != Relation::kRespondsTo;
  // A story between states (three or more named) makes each of them a
  // party where it is the subject of its clause: « la Russie a montré
  // qu'elle n'était pas un partenaire fiable », not « les sanctions prises
  // contre le Mali »; an international organisation (l'OMS, l'UE) is no
  // state of the story. In a story about one or two, a state named is the
  // setting, unless its own sentence judges it. In any story a state given
  // as an example (« des pays comme les États-Unis ») is none either.
  const bool between_states = states_named() >= kPartiesOfInternationalStory;
  c.targets.erase(std::remove_if(c.targets.begin(), c.targets.end(),
                                 [&](int m) {
                                   if (static_cast<std::size_t>(m) >= bare_state_.size() || !bare_state_[m])
                                     return false;
                                   const std::uint32_t k = tok_of(out.mentions[m].begin);
                                   if (object_of_first_person(*this, k, tb) || example_of_kind(*this, k, tb))
                                     return !judged_in_clause(*this, k, tb, te);
                                   const bool party = between_states &&
                                                      out.mentions[m].type == EntityType::kCountry &&
                                                      state_as_subject(*this, k, tb);
                                   return !(judging_cue || party || judged_in_sentence(*this, k, tb, te));
                                 }),
                  c.targets.end());
}

namespace {

// The target of the previous quotation, for a third-person pronoun that
// continues it in the next quotation of the same speaker.
struct PreviousTopic {
  int target = kNone, speaker = kNone;
  std::uint32_t paragraph = 0;
  bool addressed = false;  // its content spoke to someone (vous, an imperative)
};

// Whether mentions `a` and `b` stand for one entity: the same mention or
// the same name once pronouns are resolved.
bool same_entity(const Run& run, int a, int b) {
  a = pronoun_root(run, a);
  b = pronoun_root(run, b);
  if (a == kNone || b == kNone) return false;
  if (a == b) return true;
  const MentionInfo& x = run.out.mentions[a];
  const MentionInfo& y = run.out.mentions[b];
  return !x.name.empty() && x.name == y.name;
}

// The cue that governs a quoted fragment recorded without one: the last
// cue of `cues` with a target slot before the content at token `tb`, in
// the same clause (a demandé à X de « … », a appelé X, sans préciser …,
// à « … »); a verb of saying without a slot in between (sans préciser) is
// passed over. Null when none.
const CueHit* governing_cue(const Run& run, const SentenceIndex& cues, std::uint32_t tb) {
  const CueHit* found = cues.last_slot_cue_by(tb);
  std::uint32_t to = tb;
  while (found != nullptr && to > found->last && run.tok(to - 1).kind == TokenKind::kQuoteMark) --to;
  return found != nullptr && run.same_clause(found->last, to) ? found : nullptr;
}

// The cue coordinated after the recorded cue `recorded` of a quoted
// fragment that starts at token `tb`: a past participle of the same
// subject and auxiliary, right after et, with a target slot, between the
// two (« a salué la décision et demandé à X de « … » »): that one, not
// the first verb, governs the fragment. Null when there is none (« a
// salué le maire, qui a demandé à … » has its own subject).
const CueHit* coordinated_cue(const Run& run, const SentenceIndex& cues, const std::string& recorded,
                              std::uint32_t tb) {
  const CueHit* first = cues.last_of_text_by(recorded, tb);
  const CueHit* later = governing_cue(run, cues, tb);
  if (first == nullptr || later == nullptr || later->first <= first->last) return nullptr;
  const bool bare_participle = later->form == VerbForm::kPastParticiple && later->first == later->verb;
  if (bare_participle && run.has_extra(later->first - 1, WordClasses::kEtWord)) return later;
  // « l'a rappelée à l'ordre, lui demandant de « … » »: a present
  // participle after a comma, with its object clitic, goes on with the
  // subject of the first verb and governs the fragment too.
  std::uint32_t before = later->first;
  if (before > first->last && run.has(before - 1, WordClasses::kObj) &&
      run.has(before - 1, WordClasses::kDet | WordClasses::kStressedPronoun))
    --before;
  const bool participle_clause = later->form == VerbForm::kPresentParticiple && before > first->last &&
                                 run.is_comma(before - 1);
  return participle_clause ? later : nullptr;
}

// How far back a participle coordinated by et, and its auxiliary, are looked for.
constexpr std::uint32_t kCoordinationTokens = 60;

// A demand that the cue finder leaves out because the verb coordinated
// before it is no verb of saying: « a pris acte de la décision et demandé
// à X de « … » ». The bare past participle right after et, with a target
// slot and no tail, shares the auxiliary of a verb group earlier in the
// sentence and governs the fragment at token `tb` when no clause opens
// between them. False when there is none.
bool coordinated_participle(const Run& run, std::uint32_t sentence_begin, std::uint32_t tb, CueHit& hit) {
  // The participle is looked for within kCoordinationTokens before the
  // content, and the auxiliary it shares within as many before it: a
  // sentence of thousands of quotations would else be read back to its
  // start once per quotation.
  const std::uint32_t low = std::max(sentence_begin + 2, tb > kCoordinationTokens ? tb - kCoordinationTokens : 0);
  for (std::uint32_t i = tb; i-- > low;) {
    if (!run.has_extra(i - 1, WordClasses::kEtWord) || run.tok(i).kind != TokenKind::kWord) continue;
    for (const CueForm& f : run.forms(i)) {
      if (f.form != VerbForm::kPastParticiple || f.entry->target == TargetSlot::kNone || !f.entry->tail.empty())
        continue;
      hit = CueHit{};
      hit.entry = f.entry;
      hit.form = f.form;
      hit.first = hit.verb = i;
      hit.last = i + 1;
      std::uint32_t to = tb;
      while (to > hit.last && run.tok(to - 1).kind == TokenKind::kQuoteMark) --to;
      // It shares an auxiliary before et (« a visité … et dénoncé »).
      bool auxiliary = false;
      const std::uint32_t aux_low = std::max(sentence_begin, i > 1 + kCoordinationTokens ? i - 1 - kCoordinationTokens : 0);
      for (std::uint32_t a = i - 1; a-- > aux_low && !auxiliary;) auxiliary = run.has(a, WordClasses::kAux);
      return auxiliary && run.same_clause(hit.last, to);
    }
  }
  return false;
}

// The cue that a present participle `h` continues after a comma: « a
// critiqué l'arrêt de la Cour d'appel, mentionnant … ». The claim of the
// participle goes on with the criticism or accusation of that earlier
// cue, so it aims at the same object. Null when `h` is no such
// participle or the cue before it neither criticises nor accuses.
const CueHit* continued_cue(const Run& run, const SentenceIndex& cues, const CueHit& h) {
  if (h.form != VerbForm::kPresentParticiple || h.first == 0 || !run.is_comma(h.first - 1)) return nullptr;
  const CueHit* found = cues.last_slot_cue_by(h.first - 1, true);
  if (found == nullptr || !(found->entry->relation == Relation::kCriticises ||
                            found->entry->relation == Relation::kAccuses))
    return nullptr;
  return run.same_clause(found->last, h.first - 1) ? found : nullptr;
}

// The present participle that opens `sentence` before cue `h` and is
// closed by a comma: « Dénonçant l'incompétence du ministre X, la
// syndicaliste a déclaré : « … » ». A detached participle has the main
// verb's subject, so the claim goes on with its blame, praise or demand
// and aims at its object. Null when there is none, when it only states,
// or when its clause does not end before `h`; `end` is set on its comma.
const CueHit* fronted_participle(const Run& run, const SentenceIndex& cues, const CueHit& h,
                                 const Sentence& sentence, std::uint32_t& end) {
  for (const std::uint32_t i : cues.openers()) {
    const CueHit& opener = cues.hits()[i];
    if (&opener == &h || opener.first != sentence.token_begin || opener.form != VerbForm::kPresentParticiple ||
        opener.entry->target == TargetSlot::kNone || opener.entry->relation == Relation::kStates)
      continue;
    for (end = opener.last; end < h.first && !run.is_comma(end) && !run.is_punct(end); ++end) {
    }
    return end < h.first && run.is_comma(end) ? &opener : nullptr;
  }
  return nullptr;
}

// How far after its cue a participle of blame may go on (« , a taclé le
// syndicat sur son site, fustigeant le maire »), and in a sentence of at
// most how many cues it is looked for (each claim reads them all).
constexpr std::uint32_t kTrailingReach = 12;
constexpr std::size_t kTrailingFewCues = 16;

// The present participle of blame that goes on after cue `h`, set apart
// by a comma or opened by en (a gerund): « « … », a taclé le syndicat en
// fustigeant le maire », « …, a dénoncé la maire, critiquant le préfet ». It has the subject of `h`, so the claim `h` reports aims at its
// object too (GOLD_FORMAT: the object of a criticism that a participle
// goes on with). Null when none stands within kTrailingReach tokens in the
// clause of `h`, or the sentence has more than kTrailingFewCues cues.
const CueHit* trailing_participle(const Run& run, const SentenceIndex& cues, const CueHit& h) {
  if (cues.hits().size() > kTrailingFewCues) return nullptr;
  for (const CueHit& p : cues.hits()) {
    if (p.form != VerbForm::kPresentParticiple || p.first <= h.last + 1 || p.first > h.last + kTrailingReach ||
        p.entry->target == TargetSlot::kNone ||
        !(p.entry->relation == Relation::kCriticises || p.entry->relation == Relation::kAccuses))
      continue;
    // The gerund's en may stand in the cue's group (« en fustigeant »).
    const bool apart = run.is_comma(p.first - 1) || run.has_extra(p.first - 1, WordClasses::kEnWord) ||
                       (p.first < p.verb && run.has_extra(p.first, WordClasses::kEnWord));
    if (apart && run.same_clause(h.last + 1, p.first)) return &p;
  }
  return nullptr;
}

// Whether cue `h`, inside a content starting at token `tb`, has a subject
// of the first person right before it, past ne and object clitics:
// « nous exhortons », « je ne lui reproche ».
bool first_person_verb(const Run& run, const CueHit& h, std::uint32_t tb) {
  // nous and vous are object clitics too: the first one met going back is
  // the subject.
  for (std::uint32_t s = h.first; s > tb && s + kCliticsBeforeVerb > h.first; --s) {
    const std::string_view w = run.tok(s - 1).lower;
    // j' is no subj12 (never inverted) but a person12 word that is
    // neither an object clitic nor a possessive.
    if (run.words.has(w, WordClasses::kSubj12) ||
        (run.words.has(w, WordClasses::kPerson12) && !run.words.has(w, WordClasses::kObj | WordClasses::kPoss)))
      return true;
    if (!run.has_extra(s - 1, WordClasses::kNeForm) && !run.has(s - 1, WordClasses::kObj)) return false;
  }
  return false;
}

// Adds to `extra` the arguments of the cue of claim `ci` (content tokens
// [tb, te), in `sentence`) and of the cues inside its content that
// cue_object_targets leaves out; the claim answers (responds_to) when its
// cue is a verb of answering whose argument is named. A claim without a
// cue takes the arguments of its governing cue, and a participle's claim
// those of the criticism it continues (continued_cue) too.
// `own_relation` gets the relation of the first cue inside the content
// whose subject is the first person (« nous exhortons X à … »).
// The claim records the text of its cue, not where it stands: of the cues
// of the sentence with that text, only the kSameCueWindow nearest the
// content on each side are read (all of them in any sentence of ours; a
// sentence of thousands of coordinated « et a dit que » read them all for
// each claim, at a cost growing with the square of its length). `cues`
// indexes the cues of `sentence`.
void add_cue_arguments(Run& run, std::size_t ci, std::uint32_t tb, std::uint32_t te, const Sentence& sentence,
                       const SentenceIndex& cues, std::vector<int>& extra, Relation& own_relation) {
  const std::string& recorded = run.out.claims[ci].cue;
  const CueHit* coordinated = recorded.empty() ? nullptr : coordinated_cue(run, cues, recorded, tb);
  const CueHit* governing = recorded.empty() ? governing_cue(run, cues, tb) : coordinated;
  // The others do nothing below: not inside the content, not governing,
  // another text (or passed over for the coordinated one).
  for (const std::uint32_t i :
       cues.near_content(tb, te, coordinated == nullptr ? &recorded : nullptr, kSameCueWindow, governing)) {
    const CueHit& h = cues.hits()[i];
    // The first verb of a coordination names the object of its own deed,
    // not the one the fragment aims at.
    if (coordinated != nullptr && &h != coordinated && cues.text_is(i, recorded)) continue;
    const bool inside = h.verb >= tb && h.verb < te;
    if (inside) {
      if (!aims_at_object(run, h, tb, te)) continue;
      run.extend_cue_targets(h, te, extra);
      // « Nous demandons à X de … », « je remercie X »: the speaker's own
      // verb of demand, thanks or blame gives the claim its relation; a
      // negated blame denies it (« je n'ai jamais traité X d'escroc »).
      if (own_relation == Relation::kStates && h.entry->target != TargetSlot::kNone && first_person_verb(run, h, tb))
        own_relation = cue_negated(run, h, te) ? Relation::kDenies : h.entry->relation;
    } else if (&h == governing || cues.text_is(i, run.out.claims[ci].cue)) {
      const std::size_t before = extra.size();
      run.extend_cue_targets(h, h.verb < tb ? tb : sentence.token_end, extra);
      if (answers(run.words, *h.entry) && extra.size() > before) run.out.claims[ci].relation = Relation::kRespondsTo;
      if (&h == governing && extra.size() > before &&
          (run.out.claims[ci].relation == Relation::kStates || &h == coordinated))
        run.out.claims[ci].relation = h.entry->relation;
      // A neutral cue's judged object (« a souligné l'échec de X ») gives
      // the claim the relation of its words of judgement.
      if (extra.size() > before && h.entry->target == TargetSlot::kNone && h.verb < tb &&
          run.out.claims[ci].relation == Relation::kStates)
        run.out.claims[ci].relation = run.judgement_relation(h.last, tb);
      std::uint32_t opener_end = 0;
      const CueHit* main = continued_cue(run, cues, h);
      if (main == nullptr && h.verb < tb) main = fronted_participle(run, cues, h, sentence, opener_end);
      if (main != nullptr) {
        const std::size_t own = extra.size();
        run.extend_cue_targets(*main, opener_end != 0 ? opener_end : h.first - 1, extra);
        if (extra.size() > own && run.out.claims[ci].relation == Relation::kStates)
          run.out.claims[ci].relation = main->entry->relation;
      }
      // « « … », a taclé le syndicat, fustigeant le maire »: the blame that
      // goes on after the cue.
      const CueHit* after = h.verb >= te ? trailing_participle(run, cues, h) : nullptr;
      if (after != nullptr) {
        const std::size_t own = extra.size();
        run.extend_cue_targets(*after, sentence.token_end, extra);
        if (extra.size() > own && run.out.claims[ci].relation == Relation::kStates)
          run.out.claims[ci].relation = after->entry->relation;
      }
    }
  }
  CueHit bare;
  if (recorded.empty() && governing == nullptr && coordinated_participle(run, sentence.token_begin, tb, bare)) {
    const std::size_t before = extra.size();
    run.extend_cue_targets(bare, tb, extra);
    if (extra.size() > before && run.out.claims[ci].relation == Relation::kStates)
      run.out.claims[ci].relation = bare.entry->relation;
  }
}

// « Nous vous demandons de … »: a demand of the speaker's own inside the
// content [tb, te) of `sentence`, addressed to vous, the object clitic of
// the second person. When the sentence before, in the same paragraph,
// calls on someone outside any quotation (« X appelle la communauté
// internationale à … »), vous are the ones called upon: they are added to
// `extra`. True when the claim then calls on them.
bool addressees_called_before(Run& run, std::uint32_t tb, std::uint32_t te, const Sentence& sentence,
                              std::vector<int>& extra) {
  const std::size_t si = run.doc.sentence_at(run.tok(sentence.token_begin).begin);
  if (si == 0 || run.doc.sentences[si - 1].paragraph != sentence.paragraph) return false;
  bool addressed = false;
  for (const CueHit& h : run.cues_of_sentence(si)) {
    // The verb group may hold its subject nous, read as a clitic.
    const bool first_person = first_person_verb(run, h, tb) ||
                              (h.first < h.verb && run.has(h.first, WordClasses::kPerson12) &&
                               !run.has_extra(h.first, WordClasses::kSecondPerson));
    // A call takes de + infinitive (in the cue or after it): « nous vous
    // demandons pardon » apologises.
    const std::uint32_t after = run.skip_adverbs(std::max(h.last, h.verb) + 1, te);
    const bool de_infinitive = run.is_de(h.last) || (after < te && run.is_de(after));
    if (h.verb < tb || h.verb >= te || h.entry->relation != Relation::kCallsOn || !first_person ||
        cue_negated(run, h, te) || !de_infinitive)
      continue;
    for (std::uint32_t z = h.first > tb + 2 ? h.first - 2 : tb; z < h.verb && !addressed; ++z)
      addressed = run.has(z, WordClasses::kObj) && run.has_extra(z, WordClasses::kSecondPerson);
  }
  if (!addressed) return false;
  const Sentence& before = run.doc.sentences[si - 1];
  const std::size_t count = extra.size();
  for (const CueHit& h : run.cues_of_sentence(si - 1)) {
    if (h.entry->relation != Relation::kCallsOn || h.entry->target == TargetSlot::kNone) continue;
    bool quoted = false;
    for (std::uint32_t z = before.token_begin; z < h.first && !quoted; ++z)
      quoted = run.tok(z).kind == TokenKind::kQuoteMark;
    if (!quoted && !cue_negated(run, h, before.token_end)) run.extend_cue_targets(h, before.token_end, extra);
  }
  return extra.size() > count;
}

// The topic the reporting sentence fronts before the content starting at
// token `tb`: « Quant à X, … », « Au sujet de X, … », « Concernant X, … »;
// the author when it is a deed. kNone when none.
// `openers`: the sentence's tokens that may open one (SentenceIndex).
int fronted_topic(Run& run, const Sentence& sentence, std::uint32_t tb, const std::vector<std::uint32_t>& openers) {
  for (const std::uint32_t k : openers) {
    if (k + 2 >= tb || k >= sentence.token_end) break;
    std::uint32_t b = 0;
    const bool quant = run.has_grammar(k, WordClasses::kQuantWord);
    if (quant && run.has_extra(k + 1, WordClasses::kAForm)) b = k + 2;
    if (quant && run.has_extra(k + 1, WordClasses::kAuForm)) b = k + 1;
    if (run.has_grammar(k, WordClasses::kTopicPrep) && run.has_grammar(k + 1, WordClasses::kTopicNoun) && k + 3 < tb &&
        run.is_de(k + 2))
      b = k + 3;
    if (run.has_extra(k, WordClasses::kTopicWord)) b = k + 1;  // Concernant X,
    if (b == 0 || (k > sentence.token_begin && !run.is_punct(k - 1))) continue;
    // The topic is someone, or the author of a deed (« Quant à la
    // décision du Conseil, … »), up to the comma that closes it: what
    // follows the comma is the reporting clause, no apposition.
    const Np np = run.np_forward(b, tb, true);
    std::uint32_t c = b;
    while (c < tb && c < np.end && !run.is_comma(c)) ++c;
    if (np.valid() && c < tb && c > b && run.is_comma(c)) return run.deed_or_entity_target(b, c);
    return kNone;
  }
  return kNone;
}

// The topic the reporting sentence names after the content that ends at
// token `te`, in an adjunct after a comma: « … », a-t-il déclaré, au
// sujet de la victoire de X. The topic itself when it is an entity, else
// the person or organisation its complement names (la victoire de X ->
// X). kNone when none.
// `commas`: the sentence's commas before « au sujet de » (SentenceIndex).
int trailing_topic(Run& run, const Sentence& sentence, std::uint32_t te, const std::vector<std::uint32_t>& commas) {
  // Only the first such comma from te counts.
  const auto it = std::lower_bound(commas.begin(), commas.end(), te);
  if (it == commas.end()) return kNone;
  const std::uint32_t k = *it;
  const std::uint32_t b = run.has(k + 3, WordClasses::kDet) ? k + 3 : k + 4;
  if (b >= sentence.token_end) return kNone;
  const Np np = run.np_forward(b, sentence.token_end, true);
  if (!np.valid()) return kNone;
  if (const int m = run.deed_or_entity_target(np.begin, np.end); m != kNone) return m;
  for (std::uint32_t j = np.begin + 1; j + 1 < np.end; ++j) {
    if (!run.is_de(j) || !(run.is_name_word(j + 1) || run.title_of(j + 1))) continue;
    const Np named = run.np_forward(j + 1, np.end, true);
    const int m = named.valid() ? run.target_mention(named.begin, named.end) : kNone;
    if (m == kNone) return kNone;
    const MentionInfo& mi = run.out.mentions[m];
    if (!mi.pronoun && !mi.name.empty() && (mi.type == EntityType::kPerson || mi.type == EntityType::kOrganization))
      return m;
    if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
    return kNone;
  }
  return kNone;
}

// The antecedent of dont right before the quoted fragment at token `tb`:
// « fustige la Haute Cour dont « tous les juges » sont acquis à … »: what
// the fragment says holds of the antecedent. Only when a cue of the
// reporting sentence before it judges (fustiger, accuser, saluer): a
// neutral report (« décrit l'usine dont « les chaînes tournent » ») aims
// at no one; and only a person or organisation by its name, the phrase
// itself or its complement after de. kNone when none.
int relative_antecedent(Run& run, const Sentence& sentence, std::uint32_t tb) {
  std::uint32_t r = tb;
  while (r > sentence.token_begin && run.tok(r - 1).kind == TokenKind::kQuoteMark) --r;
  // dont is the relative pronoun that is neither the subject qui nor the
  // object que (a clause opener too).
  if (r < sentence.token_begin + 2 || !run.has_grammar(r - 1, WordClasses::kRelativePronoun) ||
      run.has_extra(r - 1, WordClasses::kQuiWord) || run.has(r - 1, WordClasses::kClauseOpener))
    return kNone;
  bool judging = false;
  for (const CueHit& h : run.find_cues(sentence.token_begin, r - 1))
    judging |= h.entry->relation == Relation::kCriticises || h.entry->relation == Relation::kAccuses ||
               h.entry->relation == Relation::kSupports;
  const Np np = judging ? run.np_backward(r - 1, sentence.token_begin) : Np{};
  if (!np.valid()) return kNone;
  for (std::uint32_t b = np.begin; b < np.end; ++b) {
    if (b > np.begin && !run.is_de(b - 1)) continue;
    const int m = run.target_mention(b, np.end);
    if (m == kNone) continue;
    const MentionInfo& mi = run.out.mentions[m];
    if (!mi.pronoun && !mi.name.empty() && (mi.type == EntityType::kPerson || mi.type == EntityType::kOrganization))
      return m;
    if (m + 1 == static_cast<int>(run.out.mentions.size())) run.out.mentions.pop_back();
  }
  return kNone;
}

// A quoted adjective inside a noun phrase of deed: « l'action
// « précipitée » du Conseil fédéral »: the complement after the fragment
// [tb, te) names the one judged. After a call (`calls_on`), the fragment
// names the deed asked for and its complement the ones called upon:
// « appelle à un « rassemblement utile » de la gauche ». The agent of the
// deed after par is its author as well (« a appelé à « une fin immédiate
// des hostilités » par l'Azerbaïdjan »). kNone when there is none.
int deed_complement_after_fragment(Run& run, std::uint32_t tb, std::uint32_t te, const Sentence& sentence,
                                   bool calls_on) {
  std::uint32_t before = tb - 1, after = te;
  if (run.tok(before).kind == TokenKind::kQuoteMark) --before;
  while (after < run.doc.tokens.size() && after < te + 2 && run.tok(after).kind == TokenKind::kQuoteMark) ++after;
  // The fragment may hold the deed itself: a fustigé « l'arrogance » de
  // X, a salué « le travail exceptionnel » des sauveteurs de X.
  bool deed_inside = false;
  for (std::uint32_t j = tb; j < te && j < tb + kDeedFragmentWords && !deed_inside; ++j)
    deed_inside = run.deed_noun(j);
  if (after + 1 >= sentence.token_end || !(run.is_de(after) || run.has_extra(after, WordClasses::kParWord)) ||
      !(calls_on || run.has(before, WordClasses::kBlame | WordClasses::kDeed) ||
        (deed_inside && te <= tb + kDeedFragmentWords)))
    return kNone;
  Np np = run.np_forward(after + 1, sentence.token_end, true);
  if (!np.valid()) return kNone;
  const int m = run.target_mention(np.begin, np.end);
  return m != kNone ? m : run.organisation_of_members(np.begin, np.end);
}

// « Le syndicat exige que la direction retire son plan »: the subject of
// the clause a demand asks for (a cue that calls on, then que and the
// content [tb, te)) is the one called upon, whatever the clause says. Any
// entity (a person, an institution, a state), else kNone.
int demanded_subject(Run& run, std::uint32_t tb, std::uint32_t te, Relation cue_relation) {
  if (cue_relation != Relation::kCallsOn || tb == 0 || !run.has_extra(tb - 1, WordClasses::kQueForm) ||
      !(run.has(tb, WordClasses::kDet) || run.is_name_word(tb) || run.title_of(tb)))
    return kNone;
  const Np np = run.np_forward(tb, te, true);
  if (!np.valid() || !run.np_has_content(np)) return kNone;
  return run.target_mention(np.begin, np.end);
}

// Drops from `c` the speaker's own side, never a target: « mon
// médecin », « notre gouvernement ».
void drop_own_side(const Run& run, AttributedClaim& c) {
  c.targets.erase(std::remove_if(c.targets.begin(), c.targets.end(),
                                 [&](int m) {
                                   const std::string& w = run.out.mentions[m].text;
                                   const std::size_t sp = w.find(' ');
                                   return first_person_possessive(run.words, fold_utf8(w.substr(0, sp)));
                                 }),
                  c.targets.end());
}

// Adds to `c` the mentions of `extra` that overlap none of its targets
// nor its speaker.
// A claim that holds thousands of targets (one content as long as the
// sentence) asks them by position instead of one by one: their spans by
// begin, and the longest of them, bound those that can overlap.
void add_new_targets(const Run& run, AttributedClaim& c, const std::vector<int>& extra) {
  constexpr std::size_t kPairsByScan = 256;
  const auto& mentions = run.out.mentions;
  const bool indexed = extra.size() * c.targets.size() > kPairsByScan;
  // With many pairs, the targets by begin, and the furthest end of those
  // that begin before a position: a staircase of (begin, end) whose ends
  // grow with their begins (a span that begins no earlier and ends no
  // further than another is left out of it). A span overlaps the ones
  // that begin inside it, or the furthest reaching of those before it;
  // no target's length bounds the look-up.
  std::multimap<std::uint32_t, std::uint32_t> spans;  // begin -> end of each target
  std::map<std::uint32_t, std::uint32_t> reach;       // the staircase
  auto index_span = [&](int t) {
    const std::uint32_t b = mentions[t].begin, e = mentions[t].end;
    spans.emplace(b, e);
    auto next = reach.upper_bound(b);
    if (next != reach.begin() && std::prev(next)->second >= e) return;
    auto at = reach.insert_or_assign(b, e).first;
    for (next = std::next(at); next != reach.end() && next->second <= e;) next = reach.erase(next);
  };
  if (indexed)
    for (int t : c.targets) index_span(t);
  for (int m : extra) {
    const MentionInfo& mi = mentions[m];
    bool overlap = false;
    if (indexed) {
      // A span that begins where mi begins overlaps it unless both are
      // empty there (a target's begin < mi.end and mi.begin < its end).
      for (auto it = spans.lower_bound(mi.begin); it != spans.end() && it->first < mi.end && !overlap; ++it)
        overlap = it->first > mi.begin || it->second > mi.begin;
      const auto before = reach.lower_bound(mi.begin);
      if (before != reach.begin() && std::prev(before)->second > mi.begin) overlap = true;
    } else {
      for (int t : c.targets) overlap |= mentions[t].begin < mi.end && mi.begin < mentions[t].end;
    }
    // A speaker phrase may take in a phrase before it (« Lors d'une rencontre
    // avec la ministre X, le maire Y a appelé … » gives « la ministre X, le
    // maire Y »): a target that names another person is not the speaker.
    if (c.speaker != kNone) {
      const MentionInfo& s = mentions[c.speaker];
      const bool other = !mi.name.empty() && !s.name.empty() && mi.name != s.name;
      overlap |= s.begin < mi.end && mi.begin < s.end && !other;
    }
    if (overlap) continue;
    c.targets.push_back(m);
    if (indexed) index_span(m);
  }
}

// « Louis Nicollin a marqué le football … » then « Il était un père pour
// moi »: a third-person pronoun in the next quotation of the same
// speaker, in the same or the next paragraph, continues the previous
// quotation's one target when gender and number agree.
void continue_topic(const Run& run, AttributedClaim& c, std::uint32_t tb, std::uint32_t te,
                    const PreviousTopic& topic, std::uint32_t paragraph, bool may_address) {
  if (!c.targets.empty() || c.kind == ClaimKind::kIndirect || topic.target == kNone || c.speaker == kNone ||
      !same_entity(run, c.speaker, topic.speaker) || paragraph > topic.paragraph + 1)
    return;
  // « « Vous avez fermé l'école, a lancé X à M. Girard. Vous dites même
  // … » »: a quotation that goes on speaking to someone, in the paragraph
  // of a quotation that spoke to its target or the next, still speaks to
  // that one, unless its own sentence names whom it speaks to (« a-t-elle
  // confié aux journalistes »: `may_address` false). Across a paragraph
  // break only into a paragraph that opens on the quotation (alone, or
  // with an incise after it: « « Êtes-vous digne … ? », a-t-elle
  // ajouté »): a writer's introduction before the words (« Plus tard,
  // devant la presse, X a ajouté : « Vous savez … » ») sets a new scene
  // and a new audience.
  const std::uint32_t open = run.tok_of(c.begin);
  const bool same_scene = paragraph == topic.paragraph ||
                          (open > 0 && run.doc.paragraphs[paragraph].begin == run.tok(open - 1).begin);
  if (topic.addressed && may_address && same_scene && run.addressed_content(tb, te)) {
    c.targets.push_back(topic.target);
    return;
  }
  const MentionInfo& t = run.out.mentions[pronoun_root(run, topic.target)];
  for (std::uint32_t k = tb; k < te; ++k) {
    Gender g;
    bool plural;
    bool pronoun = run.words.subject(run.tok(k).lower, g, plural) && g != '?';
    if (!pronoun && run.has_extra(k, WordClasses::kStressedMasculine))
      pronoun = true, g = 'm', plural = run.has_extra(k, WordClasses::kStressedPlural);
    if (!pronoun || run.has_grammar(k, WordClasses::kOnWord)) continue;
    // The impersonal il: il faut, il y a, il s'agit, il doit y avoir.
    if (run.impersonal_il_at(k, te)) continue;
    if (plural == t.plural && (t.gender == '?' || g == t.gender)) {
      c.targets.push_back(topic.target);
      return;
    }
  }
}

// « François Bayrou a jugé la décision de X « courageuse » et estime que
// c'est un moyen de … »: the content of claim `ci` (from token `tb`) whose
// subject is a demonstrative pronoun (c', cela) takes up what the claim
// before it judged, when that claim is of the same speaker, in the same
// sentence, coordinated with it by et: it aims at that claim's targets.
void carry_coordinated_targets(Run& run, std::size_t ci, std::uint32_t tb, const Sentence& sentence) {
  AttributedClaim& c = run.out.claims[ci];
  if (!c.targets.empty() || c.speaker == kNone || !run.has_grammar(tb, WordClasses::kDemonstrativePronoun)) return;
  for (std::size_t j = ci; j-- > 0;) {
    const AttributedClaim& p = run.out.claims[j];
    if (p.end > c.begin) continue;  // a claim around this one
    if (p.begin < run.tok(sentence.token_begin).begin || p.targets.empty() || p.speaker == kNone ||
        !same_entity(run, p.speaker, c.speaker))
      return;
    bool coordinated = false;
    for (std::uint32_t z = run.tok_of(p.end - 1) + 1; z < tb && !coordinated; ++z)
      coordinated = run.has_extra(z, WordClasses::kEtWord);
    if (coordinated) add_new_targets(run, c, std::vector<int>(p.targets));
    return;
  }
}

// The last claim before claim `ci`, in its paragraph (or the one before
// when `reach` is 1), whose speaker is another one, named: claims of
// `ci`'s own speaker are passed over when `skip_own` (a speaker who goes
// on in a dialogue), else they end the search. Returns its index, or -1
// when there is none.
long previous_other_claim(const Run& run, std::size_t ci, bool skip_own, std::uint32_t reach) {
  const AttributedClaim& c = run.out.claims[ci];
  const std::uint32_t paragraph = run.doc.sentences[run.doc.sentence_at(c.begin)].paragraph;
  // A speaker's own turns passed over are few in a dialogue; a paragraph of
  // thousands of them would make this walk quadratic.
  constexpr int kMaxOwnTurns = 8;
  int own_turns = 0;
  for (std::size_t j = ci; j-- > 0;) {
    const AttributedClaim& p = run.out.claims[j];
    if (p.end > c.begin || p.kind == ClaimKind::kAct) continue;
    if (p.speaker == kNone || run.doc.sentences[run.doc.sentence_at(p.begin)].paragraph + reach < paragraph)
      return -1;
    if (same_entity(run, p.speaker, c.speaker)) {
      if (skip_own && ++own_turns <= kMaxOwnTurns) continue;
      return -1;
    }
    const int named = pronoun_root(run, p.speaker);
    return named != kNone && !run.out.mentions[named].pronoun ? static_cast<long>(j) : -1;
  }
  return -1;
}

// Aims claim `ci` at the named speaker of claim `j` (see
// previous_other_claim) with relation `r` when its own is states.
void aim_at_speaker_of(Run& run, std::size_t ci, long j, Relation r) {
  if (j < 0) return;
  AttributedClaim& c = run.out.claims[ci];
  add_new_targets(run, c, std::vector<int>{pronoun_root(run, run.out.claims[static_cast<std::size_t>(j)].speaker)});
  if (c.relation == Relation::kStates) c.relation = r;
}

// « En réaction, Miranda Ulens a rappelé que … »: a reporting sentence
// that opens on a reaction or an answer without naming whom it answers
// (en réaction, en réponse, réagissant, then a comma) answers the speaker
// of the claim before, another speaker in the same or the previous
// paragraph: claim `ci` then answers that speaker (responds_to).
void reaction_to_previous(Run& run, std::size_t ci, const Sentence& sentence) {
  const AttributedClaim& c = run.out.claims[ci];
  std::uint32_t k = sentence.token_begin;
  if (k + 2 >= sentence.token_end || c.speaker == kNone || !c.targets.empty()) return;
  if (run.has_extra(k, WordClasses::kEnWord) && run.has_extra(k + 1, WordClasses::kReplyNoun)) ++k;
  else if (!run.has_extra(k, WordClasses::kReplyAdverbial)) return;
  if (!run.is_comma(k + 1) || run.tok(k + 2).begin > c.begin) return;
  aim_at_speaker_of(run, ci, previous_other_claim(run, ci, false, 1), Relation::kRespondsTo);
}

// « Vous avez reçu une lettre … », objecte la présidente, after the
// defendant's « je voudrais un recours »: in a dialogue, a quotation
// [tb, te) that speaks to someone (vous, tu, votre, an imperative, a
// vocative: Run::addressed_content) addresses the one who spoke the
// quotation before, another speaker of the same paragraph: a dialogue
// told in one run. A quotation after a paragraph break more often speaks
// to the reader (« Faites le tour, vous verrez que … »). A quotation cut
// by its incise (« Ça suffit madame ! siffle la juge. Vous êtes … ») is
// read as a mixed one and answers the same.
//
// A reply (`reply`: a cue of answer, rétorquer, répliquer) answers what
// the other said, quoted or reported, in its paragraph or the one before:
// « La criminaliste a demandé à la juge de se retirer. » then « « Vous
// allez très loin, Maître », a rétorqué la juge » answers the lawyer.
void addressed_turn(Run& run, std::size_t ci, std::uint32_t tb, std::uint32_t te, bool reply) {
  const AttributedClaim& c = run.out.claims[ci];
  if (c.kind == ClaimKind::kIndirect || c.speaker == kNone || !c.targets.empty()) return;
  const long j = run.addressed_content(tb, te) ? previous_other_claim(run, ci, true, reply ? 1 : 0) : -1;
  if (j >= 0 && (reply || run.out.claims[static_cast<std::size_t>(j)].kind == ClaimKind::kDirect))
    aim_at_speaker_of(run, ci, j, reply ? Relation::kRespondsTo : Relation::kStates);
}

// How many tokens of a sentence are read for a verb of address: a
// narration sentence names the one turned to early (« Le juge interroge
// le prévenu. »); a sentence of thousands of words is not read whole for
// each claim.
constexpr std::uint32_t kTurnReach = 40;
// How many auxiliaries, clitics, adverbs and negation words may stand
// between a subject and its verb of address (« il ne l'a jamais interrogé »).
constexpr std::uint32_t kTurnSubjectGap = 4;

// Whether token `k` lies inside the content of a claim before claim `ci`.
bool in_claim_before(const Run& run, std::size_t ci, std::uint32_t k) {
  const std::uint32_t at = run.tok(k).begin;
  for (std::size_t j = ci, back = 0; j-- > 0 && back < kTurnReach; ++back)
    if (run.out.claims[j].begin <= at && at < run.out.claims[j].end) return true;
  return false;
}

// Whether the subject of the verb at token `k` of sentence `s` is speaker
// `speaker`: a mention of the same entity right before it (past
// auxiliaries, clitics, adverbs and ne), or a pronoun of the third person
// there, which in a narration sentence before its quotation takes up the
// one who speaks next (« Elle se tourne vers le témoin. « Vous … » »).
bool speaker_subject(const Run& run, std::uint32_t k, const Sentence& s, int speaker) {
  std::uint32_t z = k;
  for (std::uint32_t gap = 0; z > s.token_begin && gap < kTurnSubjectGap; ++gap) {
    const std::uint32_t p = z - 1;
    if (!(run.has(p, WordClasses::kAux | WordClasses::kObj | WordClasses::kAdv) ||
          run.has_extra(p, WordClasses::kNeForm)) ||
        run.has(p, WordClasses::kSubj))
      break;
    z = p;
  }
  if (z == s.token_begin) return false;
  if (run.has(z - 1, WordClasses::kSubj))
    return run.has_grammar(z - 1, WordClasses::kThirdPersonSubject) && !run.has(z - 1, WordClasses::kPerson12);
  // The mention that ends right before the verb.
  const auto& index = run.mentions_by_position_;
  const std::uint32_t at = run.tok(z - 1).end;
  auto it = std::lower_bound(index.begin(), index.end(), at,
                             [&](int m, std::uint32_t p) { return run.out.mentions[m].begin < p; });
  if (it == index.begin()) return false;
  const int m = *--it;
  return run.out.mentions[m].end == at && run.out.mentions[m].begin >= run.tok(s.token_begin).begin &&
         same_entity(run, m, speaker);
}

// « Le juge interroge le prévenu Paul Martin. « Pourquoi avez-vous
// menti ? », demande-t-il »: a quotation that speaks to someone (vous,
// an imperative, a vocative) addresses the one its speaker turns to with
// a verb of address (interroger, questionner, interpeller, apostropher X,
// s'adresser à X, se tourner vers X: Run::turned_to_at) in the narration
// of its own sentence, before the content at token `tb`, or of the
// sentence before (in the same paragraph or the one before). kNone when
// no such verb has the speaker of claim `ci` as its subject.
//
// So does a demand or a question of the same speaker that named the one
// asked in the same or the sentence before, with no other speaker's claim
// between (« La juge demande au témoin de s'approcher. « Vous étiez
// où ? », poursuit-elle »).
int turned_to_before(Run& run, std::size_t ci, std::uint32_t tb, std::size_t si) {
  const AttributedClaim& c = run.out.claims[ci];
  const Sentence& own = run.doc.sentences[si];
  for (std::size_t j = ci, back = 0; j-- > 0 && back < kTurnSubjectGap; ++back) {
    const AttributedClaim& p = run.out.claims[j];
    if (p.end > c.begin) continue;
    const std::size_t ps = run.doc.sentence_at(p.begin);
    if (ps + 1 < si || !same_entity(run, p.speaker, c.speaker)) break;
    if (p.relation == Relation::kCallsOn && p.targets.size() == 1) return p.targets.front();
  }
  for (std::size_t back = 0; back < 2 && back <= si; ++back) {
    const Sentence& s = run.doc.sentences[si - back];
    if (s.paragraph + 1 < own.paragraph) break;
    const std::uint32_t limit = back == 0 ? std::min(tb, s.token_end) : s.token_end;
    const std::uint32_t from = back == 0 && limit > s.token_begin + kTurnReach ? limit - kTurnReach : s.token_begin;
    const std::uint32_t to = std::min(limit, from + kTurnReach);
    for (std::uint32_t k = from; k < to; ++k) {
      if (!run.has_anchor(k, WordClasses::kAddressVerb | WordClasses::kAddressWord) || in_claim_before(run, ci, k) ||
          !speaker_subject(run, k, s, c.speaker))
        continue;
      if (const int m = run.turned_to_at(k, limit, s.token_end); m != kNone) return m;
    }
  }
  return kNone;
}

// Where the reporting sentence of a content ending at token `te` in
// `sentence` ends: a content that ends on ! or ? ends its sentence, and its
// incise stands in the next one when that opens on a comma or a lower-case
// word (« « Démissionnez ! », a lancé X au maire »).
std::uint32_t reporting_end(const Run& run, const Sentence& sentence, std::uint32_t te) {
  std::uint32_t z = te;
  while (z < run.doc.tokens.size() && run.tok(z).kind == TokenKind::kQuoteMark) ++z;
  if (z < run.doc.tokens.size() && z >= sentence.token_end && (run.is_comma(z) || !run.tok(z).capitalized))
    return run.doc.sentences[run.doc.sentence_at(run.tok(z).begin)].token_end;
  return sentence.token_end;
}

// « Le syndicat s'en prend au Département de la formation. D'après lui,
// « les enseignants ont le droit de s'exprimer » »: a speech act of
// dispute or praise (a claim of kind act that criticises, accuses, warns,
// calls on, supports or thanks: s'en prendre à X, condamner la
// déclaration de X) says whom its speaker's next words are about.
// An act of the headline or lead (the document's first two paragraphs)
// says what the article is about: its topic holds for the whole document.
struct DisputeTopic {
  int target = kNone, speaker = kNone;
  Relation relation = Relation::kStates;
  std::uint32_t paragraph = 0;
  bool lead = false;
};

// Notes claim `ci`, when it is an act, as the dispute topic when its
// object names an entity (target_mention) or the author of a deed (la
// déclaration de X), and as the lead's too when it is the first such act
// of the headline or lead. True when the claim is an act.
bool note_dispute(Run& run, std::size_t ci, DisputeTopic& topic, DisputeTopic& lead) {
  const AttributedClaim& a = run.out.claims[ci];
  if (a.kind != ClaimKind::kAct) return false;
  const Relation r = a.relation;
  // A speaker the text names as someone (« son fiancé » in a novel is
  // left alone).
  const int named = a.speaker == kNone ? kNone : pronoun_root(run, a.speaker);
  if (named == kNone || run.out.mentions[named].pronoun || run.out.mentions[named].type == EntityType::kUnknown ||
      !(r == Relation::kCriticises || r == Relation::kAccuses || r == Relation::kWarns || r == Relation::kCallsOn ||
        r == Relation::kSupports || r == Relation::kThanks))
    return true;
  const std::uint32_t b = run.tok_of(a.begin);
  std::uint32_t e = b;
  while (e < run.doc.tokens.size() && run.tok(e).begin < a.end) ++e;
  const Np np = run.np_forward(b, e, true);
  if (!np.valid()) return true;
  std::vector<int> authors;
  int m = kNone;
  if (run.deed_author(np, authors)) m = authors.empty() ? kNone : authors.front();
  else m = run.target_mention(np.begin, np.end);
  // Someone: a person, a group, an institution or a state (not a book's
  // title, « a défendu Les Fleurs du mal »), not of the speaker's own
  // circle (« a salué la victoire de ses joueuses »).
  if (m == kNone || run.out.mentions[m].pronoun || run.out.mentions[m].type == EntityType::kUnknown ||
      (run.tags_[run.tok_of(run.out.mentions[m].begin)].readings & kPosPossessive))
    return true;
  const std::uint32_t paragraph = run.doc.sentences[run.doc.sentence_at(a.begin)].paragraph;
  topic = DisputeTopic{m, a.speaker, r, paragraph, false};
  if (lead.target == kNone && paragraph <= run.doc.sentences.front().paragraph + 1)
    lead = DisputeTopic{m, a.speaker, r, paragraph, true};
  return true;
}

// Claim `c` [tb, te) of paragraph `paragraph`, with no target of its own,
// goes on with the dispute topic of its speaker (note_dispute): in the
// same paragraph, or in the next one when its content judges; a claim of
// another speaker ends the topic. The lead's topic holds for any later
// claim of its speaker whose content judges.
void follow_dispute(const Run& run, AttributedClaim& c, std::uint32_t tb, std::uint32_t te, DisputeTopic& topic,
                    const DisputeTopic& lead, std::uint32_t paragraph) {
  // A named speaker: a narrator's je is read apart.
  const int named = c.speaker == kNone ? kNone : pronoun_root(run, c.speaker);
  const bool speaks = named != kNone && !run.out.mentions[named].pronoun;
  if (topic.target != kNone && (!speaks || !same_entity(run, c.speaker, topic.speaker) ||
                                paragraph > topic.paragraph + 1))
    topic = DisputeTopic{};
  const bool of_lead = topic.target == kNone && lead.target != kNone && speaks && same_entity(run, c.speaker, lead.speaker);
  const DisputeTopic& t = of_lead ? lead : topic;
  if (t.target == kNone || !c.targets.empty()) return;
  bool judged = paragraph == t.paragraph;
  for (std::uint32_t k = tb; k < te && !judged; ++k) judged = run.has(k, WordClasses::kNegative | WordClasses::kPositive);
  if (!judged) return;
  c.targets.push_back(t.target);
  if (c.relation == Relation::kStates) c.relation = t.relation;
}

// A neutral cue takes the relation of the judgement in its content
// [tb, te), or calls on when the content puts a verb of demand in the
// passive or an obligation (devoir) on a subject, or opens a clause with
// an imperative; an answer to no one named (« a répondu à l'AFP », « a-t-il
// rétorqué ») only states.
void settle_relation(const Run& run, AttributedClaim& c, std::uint32_t tb, std::uint32_t te) {
  for (std::uint32_t k = tb; k < te && c.relation == Relation::kStates && !c.targets.empty(); ++k)
    if (run.called_upon_at(k, te)) c.relation = Relation::kCallsOn;
  // « Nous disons au préfet de nous respecter »: a verb of saying with
  // à X + de + infinitive gives an order, as demander à X de would.
  if (c.relation == Relation::kStates && !c.targets.empty())
    for (const CueHit& h : run.find_cues(tb, te))
      if (h.entry->target == TargetSlot::kNone && run.told_to_act(h, te).valid()) {
        c.relation = Relation::kCallsOn;
        break;
      }
  if (c.relation == Relation::kStates && !c.targets.empty()) c.relation = run.judgement_relation(tb, te);
  // « Retirez votre réforme ! », « Vous devez retirer ce décret »: an
  // imperative or a duty put on vous asks the one addressed.
  for (std::uint32_t k = tb; k < te && c.relation == Relation::kStates && !c.targets.empty(); ++k)
    if (run.imperative_at(k, tb) || (run.has_extra(k, WordClasses::kSecondPerson) && run.obliged_at(k + 1, te)))
      c.relation = Relation::kCallsOn;
  if (c.relation == Relation::kRespondsTo && c.targets.empty()) c.relation = Relation::kStates;
}

// The token after the content of claim `c`, which starts at token `tb`.
std::uint32_t content_end(const Run& run, const AttributedClaim& c, std::uint32_t tb) {
  std::uint32_t te = tb;
  while (te < run.doc.tokens.size() && run.tok(te).begin < c.end) ++te;
  return te;
}

// After the rules, over every claim but acts: the targets the learned
// scorer adds (target_scorer.cpp), with the relation their content gives
// a claim that had none.
void add_learned_targets(Run& run) {
  const TargetScorer& scorer = run.words.target_scorer();
  if (!scorer.active() && !scorer.dump) return;
  const ScorerClues clues = run.scorer_clues();
  for (std::size_t ci = 0; ci < run.out.claims.size(); ++ci) {
    AttributedClaim& c = run.out.claims[ci];
    if (c.kind == ClaimKind::kAct) continue;
    const std::uint32_t tb = run.tok_of(c.begin);
    const std::uint32_t te = content_end(run, c, tb);
    const Sentence& sentence = run.doc.sentences[run.doc.sentence_at(c.begin)];
    if (run.add_scored_targets(ci, tb, te, sentence, clues)) settle_relation(run, run.out.claims[ci], tb, te);
  }
}

// How many words the role or name of a vocative may hold.
constexpr std::uint32_t kVocativeWords = 4;

// Whether a vocative opens at token `k` of a content [tb, te): a title
// set apart (opening the content or after a comma), then a role after its
// article or a name, closed by punctuation (« Non, Madame la juge, rien »,
// « Merci, Madame Roy ! »); [w, e) are then the role's or the name's words.
bool vocative_at(const Run& run, std::uint32_t k, std::uint32_t tb, std::uint32_t te, std::uint32_t& w,
                 std::uint32_t& e) {
  if (run.tok(k).kind != TokenKind::kWord) return false;
  const bool set_apart = k == tb || run.tok(k - 1).kind == TokenKind::kQuoteMark || run.is_comma(k - 1);
  if (!set_apart || !(run.has_extra(k, WordClasses::kVocativeTitle) || run.title_of(k))) return false;
  w = k + 1;
  if (w < te && run.tok(w).lower == ".") ++w;  // M. le président
  const bool role = w < te && run.has_extra(w, WordClasses::kDefiniteArticle);
  if (role) ++w;
  if (w >= te || !(role ? run.role_of(w) != nullptr : run.is_name_word(w))) return false;
  e = w + 1;
  while (e < te && e < w + kVocativeWords && run.tok(e).kind == TokenKind::kWord &&
         (role ? !run.has(e, WordClasses::kPrep | WordClasses::kDet) : run.is_name_word(e)))
    ++e;
  return e >= te || run.is_punct(e);
}

// Whether the content [tb, te) of claim `c` calls by a vocative
// (vocative_at) the one it is given to, whose mention holds the role or
// the name: « Non, Madame la juge, rien. » given to la juge Anne Roy. One
// does not call oneself so: the words are someone else's.
bool calls_its_speaker(const Run& run, const AttributedClaim& c, std::uint32_t tb, std::uint32_t te) {
  if (c.speaker == kNone) return false;
  std::string speaker_words;  // built at the first vocative only
  std::uint32_t w = 0, e = 0;
  for (std::uint32_t k = tb; k + 1 < te; ++k) {
    if (!vocative_at(run, k, tb, te, w, e)) continue;
    if (speaker_words.empty())
      speaker_words = run.words_of_speaker(c.speaker, te) + run.words_of_speaker(run.root_of(c.speaker), te);
    for (std::uint32_t z = w; z < e; ++z)
      if (speaker_words.find(' ' + std::string(run.tok(z).lower) + ' ') != std::string::npos) return true;
  }
  return false;
}

// Whether claim `c` is a quotation with no cue ending on a question mark.
bool cueless_question(const Run& run, const AttributedClaim& c) {
  if (c.kind != ClaimKind::kDirect || !c.cue.empty() || c.end <= c.begin) return false;
  const std::u32string_view words = run.doc.slice(c.begin, c.end);
  const std::size_t last = words.find_last_not_of(U" \t\n\u00a0\u202f");
  return last != std::u32string_view::npos && words[last] == U'?';
}

// « « Avez-vous quelque chose à déclarer ? » ¶ « Non, Monsieur le
// président, rien à dire. » »: a question with no cue and no speaker,
// answered by the quotation with no cue right after it (in the same or the
// next paragraph) that calls someone by a vocative, is the one so
// called's. That person as a new mention, or kNone.
int asker_called_by_answer(Run& run, std::size_t ci, std::uint32_t tb, std::uint32_t te) {
  if (ci == 0) return kNone;
  const AttributedClaim& question = run.out.claims[ci - 1];
  const AttributedClaim& answer = run.out.claims[ci];
  if (question.speaker != kNone || question.end > answer.begin || !cueless_question(run, question)) return kNone;
  const auto paragraph = [&](std::uint32_t at) { return run.doc.sentences[run.doc.sentence_at(at)].paragraph; };
  if (paragraph(answer.begin) > paragraph(question.end - 1) + 1) return kNone;
  std::uint32_t w = 0, e = 0;
  for (std::uint32_t k = tb; k + 1 < te; ++k) {
    if (!vocative_at(run, k, tb, te, w, e)) continue;
    // The title too: the one so called is known by it (« Monsieur le
    // président »), not by the role alone, which may name another.
    const std::size_t made = run.out.mentions.size();
    const int m = run.make_mention(k, e);
    if (run.out.mentions[m].type == EntityType::kPerson) return m;
    run.out.mentions.resize(made);
    return kNone;
  }
  return kNone;
}

// The one claim `ci`'s speaker spoke to in the claim just before, if that
// one is theirs and names a person as its target (« La juge interroge le
// prévenu. ¶ « Avez-vous quelque chose à ajouter ? » ¶ « Non, Madame la
// juge, rien. » »: the accused answers); kNone otherwise.
int other_party(const Run& run, std::size_t ci) {
  const AttributedClaim& c = run.out.claims[ci];
  if (ci == 0 || c.speaker == kNone) return kNone;
  const AttributedClaim& before = run.out.claims[ci - 1];
  if (before.speaker == kNone || run.root_of(before.speaker) != run.root_of(c.speaker)) return kNone;
  for (int t : before.targets)
    if (t != kNone && run.out.mentions[t].type == EntityType::kPerson && run.root_of(t) != run.root_of(c.speaker))
      return t;
  return kNone;
}

// Whether the content [tb, te) holds a word of the second person (vous,
// tu, votre: words.tsv class person2; « Avez-vous … ? »), not a title
// alone, which may name a third person (« pour démonter Madame »).
bool second_person_content(const Run& run, std::uint32_t tb, std::uint32_t te) {
  for (std::uint32_t k = tb; k < te; ++k)
    if (run.has_extra(k, WordClasses::kSecondPerson)) return true;
  return run.questioned_content(tb, te) && !run.addressed_content(tb, te);
}

// Whether speaker mention `m` (or the name a pronoun takes up) is a person.
bool person_speaker(const Run& run, int m) {
  const int r = pronoun_root(run, m);
  return r != kNone && run.out.mentions[r].type == EntityType::kPerson;
}

// Whether claim `c`, whose content is [tb, te) and whose cue reads
// `cue_relation`, is a turn put to someone: a person's direct quotation in
// the second person that asks a question or retorts (« Vous savez, la
// bataille sera longue », « Venez au stade, vous verrez » are said to an
// audience as well).
bool turn_to_last_speaker(const Run& run, const AttributedClaim& c, std::uint32_t tb, std::uint32_t te,
                          Relation cue_relation) {
  if (c.kind != ClaimKind::kDirect || c.speaker == kNone || !person_speaker(run, c.speaker) ||
      !second_person_content(run, tb, te))
    return false;
  return cue_relation == Relation::kRespondsTo || run.doc.slice(c.begin, c.end).find(U'?') != std::u32string_view::npos;
}

// « Me Roux a plaidé la relaxe. « Vous allez trop loin, Maître », a
// rétorqué le juge »: a question or a retort of a person in the second
// person (see turn_to_last_speaker) with no one named as spoken to answers
// the one who spoke last: the speaker of the nearest claim before it, in
// its paragraph or the one before and at most kTurnSentenceGap sentences
// back, that is a person, not its own speaker, and did not speak to a third
// person. An earlier question or retort of its own speaker in that reach,
// in the second person to one person, says whom it goes on asking
// (« « Pourquoi avez-vous fermé l'école ? », lance X au maire Y. « Qui
// vous a donné cet ordre ? », ajoute-t-elle »); its relation goes with it
// into `carried`. At most kTurnSubjectGap claims back. That person, or
// kNone.
constexpr std::size_t kTurnSentenceGap = 4;

int last_other_speaker(const Run& run, std::size_t ci, std::size_t si, Relation& carried) {
  const AttributedClaim& c = run.out.claims[ci];
  const Sentence& own = run.doc.sentences[si];
  for (std::size_t j = ci, back = 0; j-- > 0 && back < kTurnSubjectGap; ++back) {
    const AttributedClaim& p = run.out.claims[j];
    if (p.end > c.begin || p.speaker == kNone) continue;
    const std::size_t ps = run.doc.sentence_at(p.begin);
    if (ps + kTurnSentenceGap < si || run.doc.sentences[ps].paragraph + 1 < own.paragraph) break;
    if (same_entity(run, p.speaker, c.speaker)) {
      const std::uint32_t pb = run.tok_of(p.begin);
      if (p.targets.size() != 1 || !turn_to_last_speaker(run, p, pb, content_end(run, p, pb), p.relation)) continue;
      const int t = p.targets.front();
      if (run.out.mentions[t].type != EntityType::kPerson || same_entity(run, t, c.speaker)) return kNone;
      carried = p.relation;
      return t;
    }
    // The one who spoke last to a third person (« X demande à Y de … »)
    // was not answered by this speaker.
    for (int t : p.targets)
      if (run.out.mentions[t].type == EntityType::kPerson && !same_entity(run, t, c.speaker)) return kNone;
    const int spoke = pronoun_root(run, p.speaker);
    return spoke != kNone && run.out.mentions[spoke].type == EntityType::kPerson ? spoke : kNone;
  }
  return kNone;
}

}  // namespace

void Run::finish_targets() {
  PreviousTopic topic;
  DisputeTopic dispute, lead;
  SentenceIndex sentence_cues;
  index_mentions_by_position(*this);
  for (std::size_t ci = 0; ci < out.claims.size(); ++ci) {
    // A quotation with no cue given to the one it calls by a vocative goes
    // to the one they spoke to, or to no one.
    if (AttributedClaim& c = out.claims[ci]; c.kind == ClaimKind::kDirect && c.cue.empty()) {
      const std::uint32_t tb = tok_of(c.begin);
      if (calls_its_speaker(*this, c, tb, content_end(*this, c, tb))) c.speaker = other_party(*this, ci);
    }
    // A question with no speaker before such a quotation is the one it
    // calls: given before the question's own targets are found, so that
    // its speaker is none of them (drop_own_side).
    if (ci + 1 < out.claims.size() && out.claims[ci + 1].kind == ClaimKind::kDirect && out.claims[ci + 1].cue.empty()) {
      const std::uint32_t ab = tok_of(out.claims[ci + 1].begin);
      const std::uint32_t ae = content_end(*this, out.claims[ci + 1], ab);
      if (const int asker = asker_called_by_answer(*this, ci + 1, ab, ae); asker != kNone) out.claims[ci].speaker = asker;
    }
    if (note_dispute(*this, ci, dispute, lead)) continue;
    const std::uint32_t tb = tok_of(out.claims[ci].begin);
    const std::uint32_t te = content_end(*this, out.claims[ci], tb);
    const Relation cue_relation = out.claims[ci].relation;
    std::vector<int> extra = judged_targets(tb, te, cue_relation);
    const std::size_t si = doc.sentence_at(out.claims[ci].begin);
    const Sentence& sentence = doc.sentences[si];
    Relation own_relation = Relation::kStates;
    sentence_cues.index(*this, si);
    add_cue_arguments(*this, ci, tb, te, sentence, sentence_cues, extra, own_relation);
    // The one the reporting sentence says the claim answers, contradicts
    // or appeals to.
    const Relation reply =
        reply_targets(sentence.token_begin, sentence.token_end, tb, te, sentence_cues.reply_words(), extra);
    if (reply != Relation::kStates && out.claims[ci].relation == Relation::kStates) out.claims[ci].relation = reply;
    Relation letdown = letdown_targets(sentence.token_begin, tb, te, cue_relation, sentence_cues.letdown_words(), extra);
    // A content of several sentences: the words of its later ones too (« On
    // a manqué un rendez-vous. On attendait du président un cap »).
    if (te > sentence.token_end) {
      std::vector<std::uint32_t> later;
      for (std::uint32_t k = sentence.token_end; k < te; ++k)
        if (has_anchor(k, WordClasses::kLetdownWord | WordClasses::kPleasedWord | WordClasses::kExpectVerb))
          later.push_back(k);
      if (!later.empty()) {
        const Relation r = letdown_targets(sentence.token_end, tb, te, cue_relation, later, extra);
        if (r != Relation::kStates) letdown = r;
      }
    }
    if (letdown != Relation::kStates && out.claims[ci].relation == Relation::kStates)
      out.claims[ci].relation = letdown;
    if (cue_relation == Relation::kCallsOn || cue_relation == Relation::kWarns)
      interlocutor_targets(sentence.token_end, tb, te, sentence_cues.talk_words(), extra);
    bool spoken_to = false;
    addressee_targets(sentence.token_begin, reporting_end(*this, sentence, te), tb, te, out.claims[ci].speaker,
                      extra, &spoken_to);
    if (const int m = fronted_topic(*this, sentence, tb, sentence_cues.topic_openers()); m != kNone)
      extra.push_back(m);
    if (const int m = demanded_subject(*this, tb, te, cue_relation); m != kNone) extra.push_back(m);
    if (const int m = trailing_topic(*this, sentence, te, sentence_cues.trailing_topics()); m != kNone)
      extra.push_back(m);
    if (const int m = relative_antecedent(*this, sentence, tb); m != kNone) extra.push_back(m);
    if (out.claims[ci].kind == ClaimKind::kMixed && tb > 1) {
      const bool calls_on = cue_relation == Relation::kCallsOn;
      if (const int m = deed_complement_after_fragment(*this, tb, te, sentence, calls_on); m != kNone)
        extra.push_back(m);
    }
    AttributedClaim& c = out.claims[ci];
    drop_bare_states(c, tb, te, cue_relation);
    drop_own_side(*this, c);
    add_new_targets(*this, c, extra);
    continue_topic(*this, c, tb, te, topic, sentence.paragraph, !spoken_to);
    follow_dispute(*this, c, tb, te, dispute, lead, sentence.paragraph);
    carry_coordinated_targets(*this, ci, tb, sentence);
    reaction_to_previous(*this, ci, sentence);
    std::vector<int> called;
    // A reply (« a répondu X au préfet ») speaks to the one it answers,
    // not to those the sentence before called on.
    if (c.targets.empty() && c.kind == ClaimKind::kDirect && cue_relation != Relation::kRespondsTo &&
        addressees_called_before(*this, tb, te, sentence, called)) {
      add_new_targets(*this, c, called);
      own_relation = Relation::kCallsOn;
    }
    if (c.relation == Relation::kStates && !c.targets.empty()) c.relation = own_relation;
    addressed_turn(*this, ci, tb, te, cue_relation == Relation::kRespondsTo);
    if (c.targets.empty() && c.kind != ClaimKind::kIndirect && c.speaker != kNone && questioned_content(tb, te))
      if (const int m = turned_to_before(*this, ci, tb, si); m != kNone) add_new_targets(*this, c, {m});
    if (Relation carried = Relation::kStates; c.targets.empty() && turn_to_last_speaker(*this, c, tb, te, cue_relation))
      if (const int m = last_other_speaker(*this, ci, si, carried); m != kNone) {
        add_new_targets(*this, c, {m});
        if (c.relation == Relation::kStates) c.relation = carried;
      }
    if (c.kind != ClaimKind::kIndirect && c.speaker != kNone) {
      topic.target = c.targets.size() == 1 ? c.targets[0] : kNone;
      topic.speaker = c.speaker;
      topic.paragraph = sentence.paragraph;
      topic.addressed = addressed_content(tb, te);
    }
    settle_relation(*this, c, tb, te);
  }
  add_learned_targets(*this);
}

}  // namespace quotegraph::detail
