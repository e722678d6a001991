// DocEntityBuilder: in-document coreference. The mentions of one attributed
// document are grouped into entities: a pronoun joins its antecedent, a
// surname the full name given before or after it, a bare role the named
// person holding it, a definite description the person the article is
// about, and organisations meet on their description and state.
#include "quotegraph/entities/doc_entities.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "quotegraph/text/text.h"

namespace quotegraph {

namespace {

// The display name of the foreign ministry that "la diplomatie russe"
// stands for, as the press writes it, and the part of a ministry's name
// that makes it the foreign ministry. Names, not word lists: words.tsv
// keeps folded words, these keep their capitals for the output.
constexpr std::string_view kForeignMinistry = "ministère des Affaires étrangères";
constexpr std::string_view kForeignAffairs = kForeignMinistry.substr(kForeignMinistry.find("Affaires"));

// Particles that belong to a surname: Noël Le Graët, Ursula von der Leyen
// (words.tsv classes particle and capparticle).
bool is_particle(const WordClasses& words, std::string_view w) {
  return words.has(fold_utf8(w), WordClasses::kParticle | WordClasses::kCapParticle);
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void split_person_name(const WordClasses& words, const std::string& name, std::string& given,
                       std::string& surname) {
  auto w = split_words(name);
  if (w.empty()) return;
  std::size_t s = w.size() - 1;
  while (s > 0 && is_particle(words, w[s - 1])) --s;
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::string& dst = i < s ? given : surname;
    if (!dst.empty()) dst += ' ';
    dst += w[i];
  }
}

// Drops a leading article (words.tsv class article) from a mention text:
// "le porte-parole" -> "porte-parole", "L’Élysée" -> "Élysée". The article
// is written in lower case or with a capital initial, followed by a space
// or, elided, by its apostrophe.
std::string without_article(const WordClasses& words, const std::string& text) {
  static constexpr std::string_view kCurly = "\xE2\x80\x99";  // ’
  const std::size_t word_end = std::min({text.find(' '), text.find('\''), text.find(kCurly)});
  if (word_end == 0 || word_end == std::string::npos) return text;
  const bool elided = text[word_end] != ' ';
  const std::string article = text.substr(0, word_end) + (elided ? "'" : "");
  for (std::size_t i = 1; i < article.size(); ++i)
    if (article[i] >= 'A' && article[i] <= 'Z') return text;
  if (!words.has(fold_utf8(article), WordClasses::kArticle)) return text;
  const std::size_t mark = elided && text[word_end] != '\'' ? kCurly.size() : 1;
  return text.substr(word_end + mark);
}

// Role heads that name any leader of a state: le dirigeant arménien.
bool generic_leader(const WordClasses& words, const std::string& head) {
  return words.has(head, WordClasses::kGenericLeader);
}

// Role heads of those who lead a state or government, whom "le dirigeant
// arménien" or "le chef de l'État" may designate.
bool leader_role(const WordClasses& words, const std::string& head) {
  return words.has(head, WordClasses::kLeader);
}

struct Cluster {
  DocEntity entity;
  std::string key;
  std::vector<std::string> role_heads;
  std::uint32_t first_offset = 0;
};

}  // namespace

struct DocEntityBuilder::Impl {
  Impl(const Attribution& a, const Gazetteer& gaz, const WordClasses& words)
      : a_(a), gaz_(gaz), words_(words), complement_preps_(words.extra_members(WordClasses::kComplementPrep)) {
    cluster_of_.assign(a.mentions.size(), -1);
  }

  // Cluster index of mention m (following pronoun antecedents), creating
  // clusters as needed; -1 for an unresolved pronoun.
  int cluster(int m) {
    if (m < 0) return -1;
    if (cluster_of_[m] >= 0) return cluster_of_[m];
    const MentionInfo& mi = a_.mentions[m];
    int c = -1;
    if (mi.pronoun) {
      c = mi.antecedent >= 0 ? cluster(mi.antecedent) : -1;
    } else {
      c = place(mi);
    }
    cluster_of_[m] = c;
    if (c >= 0 && !mi.pronoun) clusters_[c].entity.aliases.push_back(mi.text);
    return c;
  }

  // True when a claim by cluster `speaker` aimed at cluster `target` is
  // aimed at the speaker's own side: a spokesman of Russia naming Russia,
  // Russia naming its own president.
  bool same_side(int speaker, int target) const {
    if (speaker < 0 || target < 0) return false;
    if (speaker == target) return true;
    const DocEntity& s = clusters_[speaker].entity;
    const DocEntity& t = clusters_[target].entity;
    if (!s.state.empty() && (t.name == s.state || t.state == s.state) &&
        (t.type == EntityType::kCountry || t.type == EntityType::kPerson)) return true;
    if (s.type == EntityType::kCountry && t.state == s.name && t.type == EntityType::kPerson) return true;
    return false;
  }

  std::vector<DocEntity> take() {
    std::vector<DocEntity> out;
    for (auto& c : clusters_) out.push_back(std::move(c.entity));
    return out;
  }

  int find_key(const std::string& key) const {
    auto it = cluster_by_key_.find(key);
    return it == cluster_by_key_.end() ? -1 : it->second;
  }

  int add(Cluster c) {
    const int index = static_cast<int>(clusters_.size());
    cluster_by_key_.emplace(c.key, index);
    if (!c.entity.surname.empty()) {
      persons_by_surname_[surname_key(c.entity.surname)].push_back(index);
      // Korean names put the family name first and hyphenate the given name
      // (Kim Yong-bok): "Kim" alone names him too.
      if (c.entity.surname.find('-') != std::string::npos && !c.entity.given_name.empty() &&
          c.entity.given_name.find(' ') == std::string::npos)
        persons_by_surname_[surname_key(c.entity.given_name)].push_back(index);
    }
    if (c.key.rfind("org|", 0) == 0) {
      std::string desc = c.key.substr(4);
      orgs_by_head_[desc.substr(0, desc.find(' '))].push_back(index);
      orgs_by_description_[desc].push_back(index);
    }
    clusters_.push_back(std::move(c));
    return index;
  }

  // Person named in the document whose surname or full name matches.
  // A surname's key: accents and a leading particle dropped, so that
  // "Le Graët" and "Graët" meet.
  std::string surname_key(const std::string& surname) const {
    std::vector<std::string> w = split_words(surname);
    while (w.size() > 1 && is_particle(words_, w.front())) w.erase(w.begin());
    std::string joined;
    for (const std::string& x : w) joined += (joined.empty() ? "" : " ") + x;
    return strip_accents(joined);
  }

  int find_person(const std::string& given, const std::string& surname) const {
    std::string s = surname_key(surname);
    auto found = persons_by_surname_.find(s);
    if (found == persons_by_surname_.end()) return -1;
    for (int i : found->second) {
      const DocEntity& e = clusters_[i].entity;
      if (e.type != EntityType::kPerson && e.type != EntityType::kUnknown) continue;
      if (e.surname.empty()) continue;
      // "Jean François" and "Jean-François" are one given name.
      auto given_key = [](const std::string& g) {
        std::string k = strip_accents(g);
        std::replace(k.begin(), k.end(), '-', ' ');
        return k;
      };
      if (!given.empty() && !e.given_name.empty() && given_key(e.given_name) != given_key(given)) continue;
      return i;
    }
    return -1;
  }

  // The named persons a bare role mention may stand for: those whose role
  // has its head, or, when the role is a generic leader's (« le dirigeant
  // arménien »), those who lead a state. In position order.
  const std::vector<int>& role_candidates(const MentionInfo& mi) {
    static const std::vector<int> kNoCandidates;
    if (!named_persons_built_) list_named_persons();
    if (generic_leader(words_, mi.role_head)) return leaders_;
    auto same_role = named_persons_.find(mi.role_head);
    return same_role == named_persons_.end() ? kNoCandidates : same_role->second;
  }

  // Lists, once per document and by position, the named persons with a
  // role by role head (named_persons_) and those who lead: a state and a
  // leader's role (leaders_).
  void list_named_persons() {
    for (std::size_t k = 0; k < a_.mentions.size(); ++k) {
      const MentionInfo& o = a_.mentions[k];
      if (o.pronoun || o.name.empty() || o.role_head.empty() || o.type != EntityType::kPerson) continue;
      named_persons_[o.role_head].push_back(static_cast<int>(k));
      if (!o.state.empty() && leader_role(words_, o.role_head)) leaders_.push_back(static_cast<int>(k));
    }
    auto by_position = [this](int x, int y) {
      return std::make_pair(a_.mentions[x].begin, x) < std::make_pair(a_.mentions[y].begin, y);
    };
    for (auto& [head, list] : named_persons_) std::sort(list.begin(), list.end(), by_position);
    std::sort(leaders_.begin(), leaders_.end(), by_position);
    named_persons_built_ = true;
  }

  // The cluster of the speaker of the direct claim (a quotation) that
  // holds mention `mi`, or -1 when none does. Looks at no more than
  // kClaimsBack claims that begin before it (claims are ordered by begin),
  // and follows no more than kMaxNesting quotations whose speaker is
  // itself a description inside a quotation.
  int quoting_speaker(const MentionInfo& mi) {
    constexpr int kClaimsBack = 8;
    constexpr int kMaxNesting = 4;
    if (quoting_depth_ >= kMaxNesting) return -1;
    const std::vector<AttributedClaim>& claims = a_.claims;
    auto it = std::upper_bound(claims.begin(), claims.end(), mi.begin,
                               [](std::uint32_t b, const AttributedClaim& c) { return b < c.begin; });
    for (int looked = 0; it != claims.begin() && looked < kClaimsBack; ++looked) {
      --it;
      if (it->kind != ClaimKind::kDirect || it->end < mi.end || it->speaker < 0) continue;
      const MentionInfo& speaker = a_.mentions[it->speaker];
      if (speaker.begin == mi.begin && speaker.end == mi.end) return -1;  // the speaker itself
      ++quoting_depth_;
      const int c = cluster(it->speaker);
      --quoting_depth_;
      return c;
    }
    return -1;
  }

  // True when named mention `k` is the person excluded_ keeps a
  // description from taking up (the speaker of its quotation): its
  // cluster when it has one, else its surname. Makes no cluster, so that
  // no entity is made for a mention no claim holds.
  bool excluded(int k) const {
    if (excluded_ < 0) return false;
    if (cluster_of_[k] >= 0) return cluster_of_[k] == excluded_;
    const DocEntity& e = clusters_[excluded_].entity;
    return !e.surname.empty() && person_key(a_.mentions[k]) == surname_key(e.surname);
  }

  // The gender of mention `o`: its own (article, title, role), else, for a
  // person, the one its given name tells (« Jean Dupont » is a man: « la
  // voisine » is not him); '?' when neither does.
  Gender gender_of(const MentionInfo& o) const {
    if (o.gender != '?' || o.type != EntityType::kPerson) return o.gender;
    const std::size_t space = o.name.find(' ');
    if (space == std::string::npos) return '?';
    return words_.given_name_gender(fold_utf8(std::string_view(o.name).substr(0, space)));
  }

  // False when `a` and `b` tell two genders.
  bool genders_agree(const MentionInfo& a, const MentionInfo& b) const {
    const Gender ga = gender_of(a), gb = gender_of(b);
    return ga == '?' || gb == '?' || ga == gb;
  }

  // A named person holding the role of a bare role mention, looking at
  // every mention of the document (appositions may come later:
  // « le porte-parole du département d'État … » … « Matthew Miller,
  // porte-parole du département d'État »): the nearest one, an earlier one
  // counting as four times nearer, of compatible state and gender; on a
  // tie the first mention made. A role with a complement names the holder
  // of that role only: a candidate whose role's complement differs is
  // someone else (« le maire de Nantes » is not « Yann Quéré, maire de
  // Rennes »), and one whose complement agrees goes before one who is
  // given none (see complement_agreement). Candidates are sorted by
  // position, so the search walks outwards from the role and stops as soon
  // as nothing further can be better, or after kRoleLookAround candidates
  // each way, so that the cost stays linear in the document.
  int person_for_role(const MentionInfo& mi) {
    constexpr int kRoleLookAround = 32;
    if (mi.role_head.empty()) return -1;
    const std::vector<int>& candidates = role_candidates(mi);
    const std::vector<std::string> complement = complement_words(mi.role);
    int best = -1;
    int best_rank = 2;  // 0: the complements agree, 1: not told
    std::uint32_t best_distance = ~0u;
    auto consider = [&](int k, std::uint32_t d) {
      const MentionInfo& o = a_.mentions[k];
      if (!mi.state.empty() && !o.state.empty() && mi.state != o.state) return;
      if (!genders_agree(mi, o) || excluded(k)) return;
      const int agreement = complement_agreement(complement, o.role);
      if (agreement < 0) return;
      const int rank = agreement > 0 ? 0 : 1;
      if (std::tie(rank, d, k) < std::tie(best_rank, best_distance, best)) {
        best_rank = rank;
        best_distance = d;
        best = k;
      }
    };
    // Nothing further than the best can beat it, unless the best's
    // complement is not told and a further one may agree.
    auto done = [&](std::uint32_t d, int looked) {
      return looked >= kRoleLookAround || (d > best_distance && (best_rank == 0 || complement.empty()));
    };
    // Those at or before the role, nearest first, then those after it.
    auto split = std::upper_bound(candidates.begin(), candidates.end(), mi.begin,
                                  [this](std::uint32_t b, int k) { return b < a_.mentions[k].begin; });
    int looked = 0;
    for (auto it = split; it != candidates.begin(); ++looked) {
      --it;
      const std::uint32_t d = (mi.begin - a_.mentions[*it].begin) / 4;  // prefer earlier
      if (done(d, looked)) break;
      consider(*it, d);
    }
    looked = 0;
    for (auto it = split; it != candidates.end(); ++it, ++looked) {
      const std::uint32_t d = a_.mentions[*it].begin - mi.begin;
      if (done(d, looked)) break;
      consider(*it, d);
    }
    if (best < 0) return -1;
    return cluster(best);
  }

  // True when folded `text` opens with a definite article (words.tsv class
  // definite), followed by a space or, elided, by nothing: "le ministre",
  // "l'immunologue"; not "les ministres".
  bool definite(const std::string& text) const {
    const std::size_t end = text.find_first_of(" '");
    if (end == std::string::npos) return false;
    return words_.has_extra(text.substr(0, text[end] == '\'' ? end + 1 : end), WordClasses::kDefinite);
  }

  // True when `role` holds, after a space, a word that opens with a
  // preposition of words.tsv class complementprep ("ministre de la Santé",
  // "porte-parole du Kremlin"; like the prepositions, " de" catches "des").
  bool has_complement(const std::string& role) const {
    for (const std::string& prep : complement_preps_)
      if (role.find(" " + prep) != std::string::npos) return true;
    return false;
  }

  // The words of a role's complement, from its first preposition of
  // words.tsv class complementprep on, without those prepositions and the
  // articles (class article), folded and without accents: « directrice de
  // l'hôpital Nord » gives {hopital, nord}, « président du syndicat
  // chrétien » {syndicat, chretien}; a role without complement gives none.
  // A word that only says the state (a nationality, a state, a capital or
  // seat of power) is left out, the state being compared apart: « le
  // porte-parole de la présidence russe » gives {presidence}, « porte-parole
  // du Kremlin » none.
  std::vector<std::string> complement_words(const std::string& role) const {
    std::vector<std::string> out;
    bool in_complement = false;
    for (const std::string& token : split_words(fold_utf8(role))) {
      // An elided article or preposition is a word of its own: l'hôpital.
      const std::size_t apostrophe = token.find('\'');
      std::vector<std::string> parts{token};
      if (apostrophe != std::string::npos && apostrophe + 1 < token.size())
        parts = {token.substr(0, apostrophe + 1), token.substr(apostrophe + 1)};
      for (const std::string& w : parts) {
        const bool prep = words_.has_extra(w, WordClasses::kComplementPrep);
        in_complement |= prep;
        const bool says_state = gaz_.nationality(w) || gaz_.state(w) || gaz_.seat(w);
        if (in_complement && !prep && !says_state && !words_.has(w, WordClasses::kArticle))
          out.push_back(strip_accents(w));
      }
    }
    return out;
  }

  // Whether a role of complement `complement` (complement_words) may be
  // the role `other` of a named person of the same head: 1 when the words
  // of one complement are all in the other (« le président du syndicat »
  // and « président du syndicat des boulangers », « le procureur de Lyon »
  // and « procureur de la République de Lyon »), -1 when both have one and
  // neither holds the other (« le maire de Nantes » and « maire de
  // Rennes »), 0 when either has none.
  int complement_agreement(const std::vector<std::string>& complement, const std::string& other) const {
    if (complement.empty()) return 0;
    const std::vector<std::string> theirs = complement_words(other);
    if (theirs.empty()) return 0;
    auto within = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
      return std::all_of(a.begin(), a.end(), [&b](const std::string& w) { return std::find(b.begin(), b.end(), w) != b.end(); });
    };
    return within(complement, theirs) || within(theirs, complement) ? 1 : -1;
  }

  // A definite description that takes up a person named before with its
  // role: "la procureure Isabelle Fournier … la magistrate", "Jean-François
  // Delfraissy, immunologue, … L'immunologue a créé la controverse". Only
  // "le/la/l'" + a person noun and adjectives (no complement, no name),
  // resolved to the nearest named person before it who holds a role of
  // that head or family, no more than kDescriptionReach code points back,
  // of compatible gender and state. An indefinite "un ministre" is someone
  // else.
  int person_for_description(const MentionInfo& mi) {
    constexpr std::uint32_t kDescriptionReach = 1500;
    if (!definite(fold_utf8(mi.text)) || mi.plural || has_complement(mi.role)) return -1;
    const std::vector<std::pair<std::uint32_t, int>>& named = named_by_position();
    // Candidates in position order: the nearest one before the description
    // first, then further back until the reach. Among mentions at the same
    // position the earliest made wins (the list holds them in reverse).
    auto it = std::lower_bound(named.begin(), named.end(), mi.begin,
                               [](const std::pair<std::uint32_t, int>& e, std::uint32_t b) { return e.first < b; });
    // The text links the description to a person named with a role of its
    // head or family (« la juge Anne Caron … Me Paul Girard … la magistrate
    // »): the nearest such person. Failing that, the one person of unknown
    // role the reach names last (« Michel Barnier a reçu les syndicats. Le
    // Premier ministre a assuré »); when another such person is named in the
    // same clause (kOneClause code points before it), the description stays
    // as written (« Selon François Chérèque, Xavier Bertrand aurait … Le
    // secrétaire général a affirmé »): the nearest is no better a guess.
    constexpr std::uint32_t kOneClause = 30;
    if (const int titled = titled_person_before(mi, kDescriptionReach); titled >= 0) return titled;
    int only = -1;
    bool ambiguous = false;
    while (it != named.begin()) {
      --it;
      const MentionInfo& o = a_.mentions[it->second];
      if (mi.begin - o.begin > kDescriptionReach) break;
      if (!genders_agree(mi, o) || excluded(it->second)) continue;
      if (!mi.state.empty() && !o.state.empty() && mi.state != o.state) continue;
      const int relation = role_relation(mi, it->second);
      if (relation > 0) return cluster(it->second);
      if (relation < 0) continue;
      if (only < 0) only = it->second;
      else if (a_.mentions[only].begin - o.begin <= kOneClause && person_key_of(it->second) != person_key_of(only))
        ambiguous = true;
    }
    return only < 0 || ambiguous ? -1 : cluster(only);
  }

  // The person named with a title of the description's head or family
  // by a surname alone (« a rétorqué la juge Roy … La magistrate »), the
  // nearest one no more than `reach` code points back, of compatible
  // gender; -1 when there is none.
  int titled_person_before(const MentionInfo& mi, std::uint32_t reach) {
    if (!person_role(mi.role_head)) return -1;
    int found = -1;
    const RoleHead head = role_head(mi.role_head);
    for_roles_before(mi.begin, reach, [&](int k) {
      const MentionInfo& r = a_.mentions[k];
      if (r.name.empty() || r.type != EntityType::kPerson) return false;
      if (!genders_agree(mi, r) || !same_role_head(role_head_of(k), head) || excluded(k)) return false;
      found = k;
      return true;
    });
    return found < 0 ? -1 : cluster(found);
  }

  // Calls `visit` on the role mentions (roles_by_position) that begin before
  // code point `at`, nearest first, no more than `reach` back, until it
  // returns true.
  template <class Visit>
  void for_roles_before(std::uint32_t at, std::uint32_t reach, Visit visit) {
    const std::vector<std::pair<std::uint32_t, int>>& roles = roles_by_position();
    auto it = std::lower_bound(roles.begin(), roles.end(), std::make_pair(at, -1));
    while (it != roles.begin()) {
      --it;
      if (at - it->first > reach || visit(it->second)) return;
    }
  }

  // How the roles the person of named mention `candidate` holds, by a
  // title or an apposition before description `mi` (or a description
  // already taken up as them), relate to the description's head: 1 when one
  // has that head (or a head of its family), -1 when they all differ
  // (« John Fust, coach vaudois … L'arbitre est venu s'excuser » is not John
  // Fust; « L'accusé Karim Benali … a estimé le procureur » is not Karim
  // Benali: noun_of_named), 0 when none is known. Only the roles of the kRoleMemory code
  // points before the description are read (an article's length), so that
  // the cost stays linear.
  int role_relation(const MentionInfo& mi, int candidate) {
    constexpr std::uint32_t kRoleMemory = 10000;
    if (!person_role(mi.role_head)) return 0;
    const int key = person_key_of(candidate);
    const int c = cluster_of_[candidate];
    bool differs = false, taken_up = false, named = false;
    const RoleHead head = role_head(mi.role_head);
    for_roles_before(mi.begin, kRoleMemory, [&](int k) {
      const MentionInfo& r = a_.mentions[k];
      const bool same = (c >= 0 && cluster_of_[k] == c) || (!r.name.empty() && person_key_of(k) == key);
      if (!same) return false;
      // A role given with the name links them; a description taken up as
      // them before is no link of the text's own (it was this same guess),
      // but a person may hold several roles: it keeps them from differing.
      if (!same_role_head(role_head_of(k), head)) differs = true;
      else if (r.name.empty()) taken_up = true;
      else named = true;
      return named;
    });
    return named ? 1 : (differs && !taken_up ? -1 : 0);
  }

  // The mentions that give a person's role (no pronoun; a role head of
  // roles.tsv naming one person, or the person noun a name is given with:
  // noun_of_named), as (begin, index) in position order; listed once per
  // document.
  const std::vector<std::pair<std::uint32_t, int>>& roles_by_position() {
    if (!roles_by_position_built_) {
      roles_by_position_ = mentions_by_position(
          [this](const MentionInfo& r) { return !r.pronoun && (person_role(r.role_head) || noun_of_named(r)); });
      roles_by_position_built_ = true;
    }
    return roles_by_position_;
  }

  // The mentions for which `keep` holds, as (begin, index) in position
  // order: the lists the look-backs of descriptions walk from a position.
  // Mentions at one position come in the order they were made, or, with
  // `earliest_made_last`, in reverse, so that a look-back walking towards
  // the start meets the earliest made first.
  template <class Keep>
  std::vector<std::pair<std::uint32_t, int>> mentions_by_position(Keep keep, bool earliest_made_last = false) const {
    std::vector<std::pair<std::uint32_t, int>> out;
    const int sign = earliest_made_last ? -1 : 1;
    for (std::size_t k = 0; k < a_.mentions.size(); ++k)
      if (keep(a_.mentions[k])) out.emplace_back(a_.mentions[k].begin, sign * static_cast<int>(k));
    std::sort(out.begin(), out.end());
    if (earliest_made_last)
      for (auto& entry : out) entry.second = -entry.second;
    return out;
  }

  // True when `head` is a role noun of roles.tsv that names one person
  // (not « la situation du sélectionneur X »: situation is no role).
  bool person_role(const std::string& head) const {
    const Role* r = head.empty() ? nullptr : gaz_.role(head);
    return r && r->type == EntityType::kPerson;
  }

  // True when named person `r` is given, before or after the name, a noun
  // of speaking_nouns.tsv that is no role of roles.tsv (« l'accusé Karim
  // Benali », « le prévenu », « la plaignante », « la voisine Marie Dupont
  // », « Paul Roux, boulanger »): that noun is what the text says they are,
  // so an office of another head (« le procureur », « la juge ») is someone
  // else (role_relation). Not an adjective written before a name (« le
  // jeune Paul Martin »: words.tsv class prenominal), nor a source noun.
  bool noun_of_named(const MentionInfo& r) const {
    if (r.name.empty() || r.role_head.empty() || r.type != EntityType::kPerson) return false;
    const std::string head = fold_utf8(r.role_head);
    return !gaz_.role(head) && gaz_.speaking_noun(head) && !gaz_.source_noun(head) &&
           !words_.has(head, WordClasses::kPrenominal);
  }

  // The surname key of a named mention (empty without a name).
  std::string person_key(const MentionInfo& o) const {
    if (o.name.empty()) return "";
    std::string given, surname;
    split_person_name(words_, o.name, given, surname);
    return surname_key(surname);
  }

  // person_key of mention `k` as a number (equal numbers for equal keys),
  // made once per mention: role_relation compares the keys of every role
  // in its memory for each candidate of each description (a dense text of
  // named persons pays ~130 comparisons each).
  int person_key_of(int k) {
    constexpr int kNotMade = -1;
    if (person_keys_.size() != a_.mentions.size()) person_keys_.assign(a_.mentions.size(), kNotMade);
    if (person_keys_[k] == kNotMade)
      person_keys_[k] = key_numbers_.emplace(person_key(a_.mentions[k]), static_cast<int>(key_numbers_.size()))
                            .first->second;
    return person_keys_[k];
  }

  // A role head without accents and its entry of roles.tsv (nullptr when
  // it has none): what same_role_head compares.
  struct RoleHead {
    std::string bare;
    const Role* role = nullptr;
  };
  RoleHead role_head(const std::string& head) const { return RoleHead{strip_accents(head), gaz_.role(head)}; }

  // Two role heads may name one person: the same head, in either gender
  // when the feminine adds an e (président, présidente), or two heads of
  // one family of roles.tsv (procureure and magistrate).
  static bool same_role_head(const RoleHead& x, const RoleHead& y) {
    const auto feminine_of = [](const std::string& m, const std::string& f) {
      return f.size() == m.size() + 1 && f.back() == 'e' && f.compare(0, m.size(), m) == 0;
    };
    if (x.bare == y.bare || feminine_of(x.bare, y.bare) || feminine_of(y.bare, x.bare)) return true;
    return x.role && y.role && !x.role->family.empty() && x.role->family == y.role->family;
  }
  // The RoleHead of mention `k`'s role head, made once per mention: the
  // look-backs of descriptions compare it with every role in their reach.
  const RoleHead& role_head_of(int k) {
    if (role_head_made_.size() != a_.mentions.size()) {
      role_head_made_.assign(a_.mentions.size(), 0);
      role_heads_.assign(a_.mentions.size(), RoleHead{});
    }
    if (!role_head_made_[k]) {
      role_heads_[k] = role_head(a_.mentions[k].role_head);
      role_head_made_[k] = 1;
    }
    return role_heads_[k];
  }

  // A definite description of an organisation that takes up the one named
  // before it by the head of its name: « Le Syndicat national des
  // journalistes (SNJ) a réagi. Le syndicat juge que … », « le parquet de
  // Nanterre … le parquet », « l'association Vélo Cité … l'association »,
  // « les syndicats de cheminots … les syndicats ». Only a definite article
  // (le/la/l', les for a plural) + that one noun (a plural: those words) at
  // the beginning of the earlier one's description (a complement or an
  // adjective of its own makes another body: « le syndicat des cadres »,
  // « le parti présidentiel »), or its role noun when it was named (Vélo
  // Cité); the nearest such mention before it wins, no more than
  // kDescriptionReach code points back, of the same state when both have
  // one (a name the sentence reader read as a description or could not
  // type counts: its head says what it is).
  int organization_for_description(const MentionInfo& mi) {
    constexpr std::uint32_t kDescriptionReach = 1500;
    const std::string folded = fold_utf8(mi.text);
    if (!mi.name.empty() || !(mi.plural ? plural_definite(folded) : definite(folded))) return -1;
    // A plural of persons (« les élèves ») may mean them all, not the
    // ones named before (« les élèves des premiers bancs »); a plural of
    // bodies (« les syndicats ») takes them up. Groups are left alone.
    if (mi.type != EntityType::kOrganization) return -1;
    const std::string head = strip_accents(without_article(words_, folded));
    if (head.empty() || (!mi.plural && head.find(' ') != std::string::npos)) return -1;
    const std::vector<std::pair<std::uint32_t, int>>& bodies = bodies_by_position();
    auto it = std::lower_bound(bodies.begin(), bodies.end(), std::make_pair(mi.begin, -1));
    while (it != bodies.begin()) {
      --it;
      const MentionInfo& o = a_.mentions[it->second];
      if (mi.begin - o.begin > kDescriptionReach) break;
      if (mi.plural && !o.plural) continue;
      if (!mi.state.empty() && !o.state.empty() && mi.state != o.state) continue;
      const std::string name = org_description(o);
      const bool named_head = !o.name.empty() && strip_accents(o.role_head) == head;
      if ((name != head && name.rfind(head + " ", 0) == 0) || named_head) return cluster(it->second);
    }
    return -1;
  }

  // True when folded `text` opens with the plural definite article (class
  // definitearticle, not elided: les).
  bool plural_definite(const std::string& text) const {
    const std::size_t end = text.find(' ');
    return end != std::string::npos && words_.has_extra(text.substr(0, end), WordClasses::kDefiniteArticle) &&
           words_.has(text.substr(0, end), WordClasses::kPlural);
  }

  // The mentions of organisations and groups a description may take up
  // (no pronoun, person or state), as (begin, index) in position order;
  // listed once per document, so that each description looks only at the
  // mentions within its reach.
  const std::vector<std::pair<std::uint32_t, int>>& bodies_by_position() {
    if (!bodies_by_position_built_) {
      bodies_by_position_ = mentions_by_position([](const MentionInfo& o) {
        return !o.pronoun && o.type != EntityType::kPerson && o.type != EntityType::kCountry;
      });
      bodies_by_position_built_ = true;
    }
    return bodies_by_position_;
  }

  // The named persons a description may take up (named_person), as
  // (begin, index) in position order, those at one position the earliest
  // made last (person_for_description's look-back meets it first); listed
  // once per document, so that each description looks only at the
  // mentions within its reach.
  const std::vector<std::pair<std::uint32_t, int>>& named_by_position() {
    if (!named_by_position_built_) {
      named_by_position_ = mentions_by_position([this](const MentionInfo& o) { return named_person(o); }, true);
      named_by_position_built_ = true;
    }
    return named_by_position_;
  }

  // Whether mention `o` names a person by a given name and a surname, not
  // by an acronym (BFM TV), a word of two capitals or more.
  bool named_person(const MentionInfo& o) const {
    if (o.pronoun || o.name.empty() || o.type != EntityType::kPerson) return false;
    std::string og, os;
    split_person_name(words_, o.name, og, os);
    bool acronym = false;
    for (const std::string& w : split_words(o.name)) {
      bool upper = w.size() > 1 && std::all_of(w.begin(), w.end(), [](char ch) {
        return static_cast<unsigned char>(ch) >= 0x80 || !(ch >= 'a' && ch <= 'z');
      });
      acronym |= upper;
    }
    return !og.empty() && !acronym;
  }


  // The first mention of the document (in the order they were made) that
  // gives a person's full name whose surname, without accents, is
  // `key`; -1 when none does. With `given_name`, the same for a full name
  // whose given name is `key`, when only one surname goes with that given
  // name in the document (« Amina Diallo, 34 ans … raconte Amina »; two
  // Amina leave a lone Amina unknown). Indexed once per document.
  int full_name_for(const std::string& key, bool given_name = false) {
    constexpr int kAmbiguous = -2;
    if (!full_names_built_) {
      for (std::size_t k = 0; k < a_.mentions.size(); ++k) {
        const MentionInfo& o = a_.mentions[k];
        if (o.pronoun || o.name.empty() || o.type != EntityType::kPerson) continue;
        std::string og, os;
        split_person_name(words_, o.name, og, os);
        if (og.empty()) continue;
        full_names_.emplace(strip_accents(os), static_cast<int>(k));
        auto [it, added] = full_names_by_given_.emplace(strip_accents(og), static_cast<int>(k));
        if (!added && it->second >= 0 && person_key(a_.mentions[it->second]) != surname_key(os))
          it->second = kAmbiguous;
      }
      full_names_built_ = true;
    }
    const auto& index = given_name ? full_names_by_given_ : full_names_;
    auto found = index.find(key);
    return found == index.end() || found->second < 0 ? -1 : found->second;
  }

  // True when `mi`'s role head stands for its state's foreign ministry
  // (words.tsv class diplomacy: la diplomatie russe).
  bool diplomacy(const MentionInfo& mi) const { return words_.has_extra(mi.role_head, WordClasses::kDiplomacy); }

  // An institution's description without its article and nationality
  // adjectives, folded: "le département d'État américain" and "le
  // Département d'État" give "departement d'etat"; "la diplomatie russe"
  // gives "ministere des affaires etrangeres" (the state is kept apart).
  std::string org_description(const MentionInfo& mi) const {
    if (diplomacy(mi)) return strip_accents(kForeignMinistry);
    std::string text = strip_accents(without_article(words_, mi.name.empty() ? mi.text : mi.name));
    std::string out, word;
    auto flush = [&] {
      if (word.empty()) return;
      if (!gaz_.nationality(word)) {
        if (!out.empty()) out += ' ';
        out += word;
      }
      word.clear();
    };
    for (char ch : text) {
      if (ch == ' ') flush();
      else word += ch;
    }
    flush();
    return out;
  }

  // Organisations merge within the document on description and state; a
  // bare "le ministère russe" joins the latest ministry of that state.
  int place_organization(const MentionInfo& mi) {
    const std::string desc = org_description(mi);
    int best = -1;
    // A one-word description ("ministere") meets every description that
    // opens with it; a longer one only itself.
    const bool one_word = desc.find(' ') == std::string::npos;
    const auto& index = one_word ? orgs_by_head_ : orgs_by_description_;
    auto same_head = index.find(desc);
    const std::vector<int> none;
    const std::vector<int>& candidates = same_head == index.end() ? none : same_head->second;
    for (std::size_t n = candidates.size(); n-- > 0;) {
      const int i = candidates[n];
      const Cluster& c = clusters_[i];
      if (c.key.rfind("org|", 0) != 0) continue;
      const std::string& other = c.key.substr(4);
      bool states_agree = mi.state.empty() || c.entity.state.empty() || mi.state == c.entity.state;
      bool same = other == desc || (other.rfind(desc + " ", 0) == 0 && desc.find(' ') == std::string::npos);
      if (states_agree && same) {
        best = i;
        break;
      }
    }
    if (best >= 0) {
      DocEntity& e = clusters_[best].entity;
      if (e.state.empty() && !mi.state.empty()) {
        e.state = mi.state;
        // The fuller form names it: "département d'État américain".
        if (mi.name.empty()) e.name = without_article(words_, mi.text);
      }
      return best;
    }
    Cluster cl;
    cl.key = "org|" + desc;
    cl.entity.name = mi.name.empty() ? without_article(words_, mi.text) : mi.name;
    if (diplomacy(mi) && !mi.state.empty()) {
      // la diplomatie russe is the foreign ministry of its state.
      cl.entity.name = std::string(kForeignMinistry) + " (" + mi.state + ")";
      for (const MentionInfo& o : a_.mentions)
        if (words_.has_extra(o.role_head, WordClasses::kMinistry) && o.state == mi.state &&
            o.text.find(kForeignAffairs) != std::string::npos)
          cl.entity.name = without_article(words_, o.text);
    }
    cl.entity.type = EntityType::kOrganization;
    cl.entity.state = mi.state;
    return add(std::move(cl));
  }

  // The cluster of mention `mi` (not a pronoun), created when new.
  int place(const MentionInfo& mi) {
    // States, capitals and seats of power: the state itself.
    if ((mi.type == EntityType::kCountry || (mi.type == EntityType::kOrganization && mi.role.empty())) &&
        !mi.state.empty() && (mi.name == mi.state || mi.name.empty()))
      return place_state(mi);
    if (!mi.name.empty() && (mi.type == EntityType::kPerson || mi.type == EntityType::kUnknown))
      return place_named_person(mi);
    if (!mi.name.empty()) return place_named_group(mi);
    return place_description(mi);
  }

  // A state named, or designated by its capital or seat of power.
  int place_state(const MentionInfo& mi) {
    std::string key = "state:" + mi.state;
    int c = find_key(key);
    if (c >= 0) return c;
    Cluster cl;
    cl.key = key;
    cl.entity.name = mi.state;
    const State* s = gaz_.state(fold_utf8(mi.state));
    cl.entity.type = s ? s->type : EntityType::kCountry;
    cl.entity.state = mi.state;
    cl.entity.gender = s ? s->gender : '?';
    return add(std::move(cl));
  }

  // A person by name, merged with an earlier mention of the same surname
  // (Blinken -> Antony Blinken).
  int place_named_person(const MentionInfo& mi) {
    std::string given, surname;
    split_person_name(words_, mi.name, given, surname);
    int c = find_person(given, surname);
    if (c < 0 && given.empty()) {
      // A full name whose last word is this single name: Blinken -> Antony Blinken.
      c = find_person("", surname);
    }
    if (c < 0 && given.empty()) {
      // The full name may come in a sentence that carries no claim
      // ("Marc Delattre, président du groupe, était auditionné. M. Delattre
      // a expliqué …"): take the given name from any mention. A name
      // written alone (no title, no article) that is no surname may be a
      // given name (the press calls the witnesses of a report by their
      // first name).
      int k = full_name_for(strip_accents(surname));
      if (k < 0 && mi.text == mi.name) k = full_name_for(strip_accents(surname), true);
      if (k >= 0) {
        const MentionInfo& o = a_.mentions[k];
        MentionInfo fuller = mi;
        fuller.name = o.name;
        if (fuller.role.empty()) fuller.role = o.role;
        if (fuller.state.empty()) fuller.state = o.state;
        return place(fuller);
      }
    }
    if (c >= 0) {
      DocEntity& e = clusters_[c].entity;
      if (e.given_name.empty() && !given.empty()) {
        e.given_name = given;
        e.name = mi.name;
      }
      if (e.role.empty() && !mi.role.empty()) e.role = without_article(words_, mi.role);
      if (e.state.empty()) e.state = mi.state;
      if (e.gender == '?') e.gender = mi.gender;
      if (mi.type == EntityType::kPerson) e.type = EntityType::kPerson;
      return c;
    }
    Cluster cl;
    cl.key = "person:" + strip_accents(surname) + ":" + strip_accents(given);
    cl.entity.name = mi.name;
    cl.entity.given_name = given;
    cl.entity.surname = surname;
    cl.entity.type = mi.type == EntityType::kUnknown && given.empty() ? EntityType::kPerson : mi.type;
    if (cl.entity.type == EntityType::kUnknown) cl.entity.type = EntityType::kPerson;
    cl.entity.role = without_article(words_, mi.role);
    cl.entity.state = mi.state;
    cl.entity.gender = mi.gender;
    return add(std::move(cl));
  }

  // A named organisation or group: KCNA, Renault, le Département d'État.
  int place_named_group(const MentionInfo& mi) {
    if (mi.type == EntityType::kOrganization) return place_organization(mi);
    std::string key = "org:" + strip_accents(mi.name);
    int c = find_key(key);
    if (c >= 0) return c;
    Cluster cl;
    cl.key = key;
    cl.entity.name = mi.name;
    cl.entity.type = mi.type;
    cl.entity.state = mi.state;
    cl.entity.role = without_article(words_, mi.role);
    return add(std::move(cl));
  }

  // A role, organisation or group without a name (le ministre, des
  // manifestants): the person the role names, or one entity per
  // description and state in the document.
  int place_description(const MentionInfo& mi) {
    if (mi.type == EntityType::kPerson) {
      // A description inside a quotation is someone its speaker speaks
      // about, never the speaker, who would say je (« L'arbitre est venu
      // s'excuser », affirmait le coach: the referee is not the coach).
      const int saved = excluded_;
      excluded_ = quoting_speaker(mi);
      int c = person_for_role(mi);
      if (c < 0) c = person_for_description(mi);
      excluded_ = saved;
      if (c >= 0) return c;
    }
    if (mi.type == EntityType::kOrganization) {
      if (const int c = organization_for_description(mi); c >= 0) return c;
    }
    // A role, organisation or group without a name: one entity per
    // description and state in the document.
    if (mi.type == EntityType::kOrganization) return place_organization(mi);
    std::string key = "desc:" + strip_accents(without_article(words_, mi.text));
    {
      int c = find_key(key);
      if (c >= 0) return c;
    }
    Cluster cl;
    cl.key = key;
    cl.entity.name = without_article(words_, mi.text);
    cl.entity.type = mi.type == EntityType::kUnknown ? EntityType::kUnknown : mi.type;
    cl.entity.role = mi.type == EntityType::kPerson ? without_article(words_, mi.role.empty() ? mi.text : mi.role) : "";
    cl.entity.state = mi.state;
    cl.entity.gender = mi.gender;
    return add(std::move(cl));
  }

  const Attribution& a_;
  const Gazetteer& gaz_;
  const WordClasses& words_;
  const std::vector<std::string> complement_preps_;  // words.tsv class complementprep
  std::vector<int> cluster_of_;
  std::vector<Cluster> clusters_;
  std::unordered_map<std::string, int> cluster_by_key_;
  std::unordered_map<std::string, std::vector<int>> persons_by_surname_;  // folded surname
  std::unordered_map<std::string, std::vector<int>> orgs_by_head_;        // first word of the description
  std::unordered_map<std::string, std::vector<int>> orgs_by_description_;  // the whole description
  std::unordered_map<std::string, std::vector<int>> named_persons_;  // by role head
  std::vector<int> leaders_;
  bool named_persons_built_ = false;
  std::vector<std::pair<std::uint32_t, int>> named_by_position_;  // (begin, mention)
  bool named_by_position_built_ = false;
  std::vector<std::pair<std::uint32_t, int>> bodies_by_position_;  // (begin, mention)
  bool bodies_by_position_built_ = false;
  std::vector<std::pair<std::uint32_t, int>> roles_by_position_;  // (begin, mention)
  bool roles_by_position_built_ = false;
  std::vector<int> person_keys_;                      // by mention (person_key_of), -1 when not made
  std::unordered_map<std::string, int> key_numbers_;  // person_key -> its number
  std::vector<RoleHead> role_heads_;       // by mention (role_head_of)
  std::vector<char> role_head_made_;       // by mention: role_heads_ holds its head
  std::unordered_map<std::string, int> full_names_;  // surname without accents -> first mention
  std::unordered_map<std::string, int> full_names_by_given_;  // given name -> first mention, -2 if several
  bool full_names_built_ = false;
  int excluded_ = -1;        // a cluster the description being placed may not take up
  int quoting_depth_ = 0;    // quoting_speaker() calls under way
};

DocEntityBuilder::DocEntityBuilder(const Attribution& attribution, const Gazetteer& gazetteer,
                                   const WordClasses& words)
    : impl_(std::make_unique<Impl>(attribution, gazetteer, words)) {}
DocEntityBuilder::~DocEntityBuilder() = default;

int DocEntityBuilder::cluster(int mention) {
  if (mention >= static_cast<int>(impl_->a_.mentions.size())) return -1;
  return impl_->cluster(mention);
}

bool DocEntityBuilder::same_side(int speaker, int target) const {
  const int n = static_cast<int>(impl_->clusters_.size());
  if (speaker >= n || target >= n) return false;
  return impl_->same_side(speaker, target);
}

std::vector<DocEntity> DocEntityBuilder::take() { return impl_->take(); }

}  // namespace quotegraph
