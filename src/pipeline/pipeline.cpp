// Pipeline: decode, segment, detect quotations, attribute, then group the
// mentions of one document into entities (in-document coreference) and
// hand them to the corpus-wide registry.
#include "quotegraph/pipeline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "quotegraph/attribution/attributor.h"
#include "quotegraph/lexicon/dialogue_verbs.h"
#include "quotegraph/lexicon/gazetteer.h"
#include "quotegraph/lexicon/lexicon.h"
#include "quotegraph/quotes/dialogue.h"
#include "quotegraph/quotes/quote_detector.h"
#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"
#include "quotegraph/pipeline/stage_clock.h"

namespace quotegraph {

namespace {

bool has_lexicons(const std::string& dir) {
  struct stat st {};
  return ::stat((dir + "/speech_verbs.tsv").c_str(), &st) == 0;
}

}  // namespace

std::string find_data_dir(const std::string& executable, const char* env_value) {
  if (env_value != nullptr && *env_value != '\0') return env_value;
  if (!executable.empty()) {
    // bin/quotegraph -> share/quotegraph/data, wherever the prefix was moved.
    const std::size_t slash = executable.rfind('/');
    const std::string bin = slash == std::string::npos ? "." : executable.substr(0, slash);
    const std::string beside = bin + "/../share/quotegraph/data";
    if (has_lexicons(beside)) return beside;
  }
  if (has_lexicons(QUOTEGRAPH_SOURCE_DATA_DIR)) return QUOTEGRAPH_SOURCE_DATA_DIR;
  return QUOTEGRAPH_INSTALL_DATA_DIR;
}

std::string default_data_dir() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  const std::string exe = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  return find_data_dir(exe, std::getenv("QUOTEGRAPH_DATA"));
}

struct Pipeline::Impl {
  Lexicon lexicon;
  Gazetteer gazetteer;
  WordClasses words;
  DialogueVerbs dialogue_verbs;
  Segmenter segmenter;
  mutable GazetteerCache cache;  // look-ups remembered across documents
  bool profiling = false;
  mutable StageTimes times;      // filled only when profiling
  std::unique_ptr<PosLexicon> pos = PosLexicon::open_default();  // null without hunspell-fr
  Limits limits;
  Impl(Lexicon l, Gazetteer g, WordClasses w, DialogueVerbs d)
      : lexicon(std::move(l)), gazetteer(std::move(g)), words(std::move(w)), dialogue_verbs(std::move(d)),
        cache(gazetteer, &lexicon, &words) {}
};

Pipeline::Pipeline() = default;
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::create(const std::string& data_dir, Diagnostics& diags) {
  auto lexicon = Lexicon::load(data_dir, diags);
  lexicon.status().report(diags);
  auto gazetteer = Gazetteer::load(data_dir, diags);
  gazetteer.status().report(diags);
  auto words = WordClasses::load(data_dir, diags);
  words.status().report(diags);
  if (!lexicon) return lexicon.status();
  if (!gazetteer) return gazetteer.status();
  if (!words) return words.status();
  auto dialogue_verbs = DialogueVerbs::load(data_dir, *lexicon, diags);
  dialogue_verbs.status().report(diags);
  if (!dialogue_verbs) return dialogue_verbs.status();
  // French infinitives from Debian's hunspell-fr dictionary; without it the
  // attributor falls back to the endings of infinitives.
  for (const char* dic : {"/usr/share/hunspell/fr_FR.dic", "/usr/share/hunspell/fr.dic"})
    if (words->load_infinitives(dic)) break;
  Pipeline p;
  p.impl_ = std::make_unique<Impl>(std::move(*lexicon), std::move(*gazetteer), std::move(*words),
                                   std::move(*dialogue_verbs));
  return p;
}

StageTimes& StageTimes::operator+=(const StageTimes& o) {
  decode += o.decode;
  segment += o.segment;
  quotes += o.quotes;
  attribution += o.attribution;
  entities += o.entities;
  documents += o.documents;
  return *this;
}

void Pipeline::set_profiling(bool on) {
  impl_->profiling = on;
  impl_->times = StageTimes{};
}

StageTimes Pipeline::stage_times() const { return impl_->times; }

namespace detail {
namespace {

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

class DocEntityBuilder {
 public:
  DocEntityBuilder(const Attribution& a, const Gazetteer& gaz, const WordClasses& words)
      : a_(a), gaz_(gaz), words_(words) {
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

  const DocEntity& entity(int c) const { return clusters_[c].entity; }

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

 private:
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

  // A named person holding the role of a bare role mention, looking at
  // every mention of the document (appositions may come later:
  // « le porte-parole du département d'État … » … « Matthew Miller,
  // porte-parole du département d'État »): the nearest one, an earlier one
  // counting as four times nearer, of compatible state and gender; on a
  // tie the first mention made. Candidates are sorted by position, so the
  // search walks outwards from the role and stops as soon as nothing
  // further can be nearer.
  int person_for_role(const MentionInfo& mi) {
    if (mi.role_head.empty()) return -1;
    if (!named_persons_built_) {
      // The named persons with a role, by role head and, for "le dirigeant
      // arménien", those who lead (a state and a leader's role); listed
      // once per document, by position.
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
    auto same_role = named_persons_.find(mi.role_head);
    const std::vector<int> none;
    // Every candidate has the role's head, or leads a state when the role
    // is a generic leader's.
    const std::vector<int>& candidates =
        generic_leader(words_, mi.role_head) ? leaders_ : same_role == named_persons_.end() ? none : same_role->second;
    int best = -1;
    std::uint32_t best_distance = ~0u;
    auto consider = [&](int k, std::uint32_t d) {
      const MentionInfo& o = a_.mentions[k];
      if (!mi.state.empty() && !o.state.empty() && mi.state != o.state) return;
      if (mi.gender != '?' && o.gender != '?' && mi.gender != o.gender) return;
      if (d < best_distance || (d == best_distance && k < best)) {
        best_distance = d;
        best = k;
      }
    };
    // Those at or before the role, nearest first, then those after it.
    auto split = std::upper_bound(candidates.begin(), candidates.end(), mi.begin,
                                  [this](std::uint32_t b, int k) { return b < a_.mentions[k].begin; });
    for (auto it = split; it != candidates.begin();) {
      --it;
      const std::uint32_t d = (mi.begin - a_.mentions[*it].begin) / 4;  // prefer earlier
      if (d > best_distance) break;
      consider(*it, d);
    }
    for (auto it = split; it != candidates.end(); ++it) {
      const std::uint32_t d = a_.mentions[*it].begin - mi.begin;
      if (d > best_distance) break;
      consider(*it, d);
    }
    if (best < 0) return -1;
    return cluster(best);
  }

  // A definite description that takes up the person the article is about:
  // "Jean-François Delfraissy … L'immunologue a créé la controverse …",
  // "… le scientifique". Only "le/la/l'" + a person noun and adjectives (no
  // complement, no name), resolved to the nearest named person before it,
  // no more than kDescriptionReach code points back, of compatible gender
  // and state. An indefinite "un ministre" is someone else.
  int person_for_description(const MentionInfo& mi) {
    constexpr std::uint32_t kDescriptionReach = 1500;
    const std::string text = fold_utf8(mi.text);
    bool definite = text.rfind("le ", 0) == 0 || text.rfind("la ", 0) == 0 || text.rfind("l'", 0) == 0;
    if (!definite || mi.plural || mi.role.find(" de") != std::string::npos ||
        mi.role.find(" d'") != std::string::npos || mi.role.find(" du") != std::string::npos)
      return -1;
    const std::vector<std::pair<std::uint32_t, int>>& named = named_by_position();
    // Candidates in position order: the nearest one before the description
    // first, then further back until the reach. Among mentions at the same
    // position the earliest made wins (the list holds them in reverse).
    auto it = std::lower_bound(named.begin(), named.end(), mi.begin,
                               [](const std::pair<std::uint32_t, int>& e, std::uint32_t b) { return e.first < b; });
    while (it != named.begin()) {
      --it;
      const MentionInfo& o = a_.mentions[it->second];
      if (mi.begin - o.begin > kDescriptionReach) break;
      if (mi.gender != '?' && o.gender != '?' && mi.gender != o.gender) continue;
      if (!mi.state.empty() && !o.state.empty() && mi.state != o.state) continue;
      return cluster(it->second);
    }
    return -1;
  }

  // The named persons a description may take up (a person's name: given
  // name and surname, not an acronym such as BFM TV), as (begin, -index)
  // in position order; listed once per document, so that each description
  // looks only at the mentions within its reach.
  const std::vector<std::pair<std::uint32_t, int>>& named_by_position() {
    if (named_by_position_built_) return named_by_position_;
    for (std::size_t k = 0; k < a_.mentions.size(); ++k) {
      const MentionInfo& o = a_.mentions[k];
      if (o.pronoun || o.name.empty() || o.type != EntityType::kPerson) continue;
      std::string og, os;
      split_person_name(words_, o.name, og, os);
      bool acronym = false;
      for (const std::string& w : split_words(o.name)) {
        bool upper = w.size() > 1 && std::all_of(w.begin(), w.end(), [](char ch) {
          return static_cast<unsigned char>(ch) >= 0x80 || !(ch >= 'a' && ch <= 'z');
        });
        acronym |= upper;
      }
      if (og.empty() || acronym) continue;
      named_by_position_.emplace_back(o.begin, -static_cast<int>(k));
    }
    std::sort(named_by_position_.begin(), named_by_position_.end());
    for (auto& entry : named_by_position_) entry.second = -entry.second;
    named_by_position_built_ = true;
    return named_by_position_;
  }

  // The first mention of the document (in the order they were made) that
  // gives a person's full name whose surname, without accents, is
  // `surname_key`; -1 when none does. Indexed once per document.
  int full_name_for(const std::string& surname_key) {
    if (!full_names_built_) {
      for (std::size_t k = 0; k < a_.mentions.size(); ++k) {
        const MentionInfo& o = a_.mentions[k];
        if (o.pronoun || o.name.empty() || o.type != EntityType::kPerson) continue;
        std::string og, os;
        split_person_name(words_, o.name, og, os);
        if (!og.empty()) full_names_.emplace(strip_accents(os), static_cast<int>(k));
      }
      full_names_built_ = true;
    }
    auto found = full_names_.find(surname_key);
    return found == full_names_.end() ? -1 : found->second;
  }

  // An institution's description without its article and nationality
  // adjectives, folded: "le département d'État américain" and "le
  // Département d'État" give "departement d'etat"; "la diplomatie russe"
  // gives "ministere des affaires etrangeres" (the state is kept apart).
  std::string org_description(const MentionInfo& mi) const {
    if (mi.role_head == "diplomatie") return "ministere des affaires etrangeres";
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
    if (mi.role_head == "diplomatie" && !mi.state.empty()) {
      // la diplomatie russe is the foreign ministry of its state.
      cl.entity.name = "ministère des Affaires étrangères (" + mi.state + ")";
      for (const MentionInfo& o : a_.mentions)
        if (o.role_head == "ministère" && o.state == mi.state && o.text.find("Affaires étrangères") != std::string::npos)
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
      // a expliqué …"): take the given name from any mention.
      const int k = full_name_for(strip_accents(surname));
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
      int c = person_for_role(mi);
      if (c >= 0) return c;
      c = person_for_description(mi);
      if (c >= 0) return c;
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
  std::unordered_map<std::string, int> full_names_;  // surname without accents -> first mention
  bool full_names_built_ = false;
};

}  // namespace
}  // namespace detail

void Pipeline::set_limits(const Limits& limits) { impl_->limits = limits; }

const Limits& Pipeline::limits() const { return impl_->limits; }

DocumentResult Pipeline::process(std::string_view name, std::string_view bytes, Diagnostics& diags) const {
  const std::size_t first = diags.size();
  DocumentResult result;
  if (bytes.size() > impl_->limits.max_document_bytes) {
    diags.error(DiagCode::kLimit, std::string(name), 0,
                "document of " + std::to_string(bytes.size()) + " bytes is larger than the limit of " +
                    std::to_string(impl_->limits.max_document_bytes) + " bytes: skipped");
    return result;
  }
  StageClock clock(impl_->profiling);
  auto decoded = decode_utf8(bytes);
  clock.lap(impl_->times.decode);
  if (decoded) {
    result = process_text(name, std::move(decoded.text()), diags);
  } else {
    const auto& err = decoded.error();
    std::size_t from = err.byte_offset >= 16 ? err.byte_offset - 16 : 0;
    diags.error(DiagCode::kInvalidUtf8, std::string(name), err.byte_offset, err.message,
                std::string(bytes.substr(from, std::min<std::size_t>(32, bytes.size() - from))), "byte");
  }
  locate_diagnostics(diags, first, name, bytes);
  return result;
}

namespace {

// Checks a document's text before it is segmented: a blank text is an
// error, control characters a warning (once, with their count), a line
// longer than `max_paragraph` an error. False when the document is refused.
bool accept_text(std::string_view name, const std::u32string& text, std::size_t max_paragraph,
                 Diagnostics& diags) {
  bool blank = std::all_of(text.begin(), text.end(), [](char32_t c) { return is_space(c) || c == 0; });
  if (blank) {
    diags.error(DiagCode::kEmptyDocument, std::string(name), 0, "document is empty (no text)");
    return false;
  }
  // NUL and other C0 controls are no part of an article (a binary file or
  // a broken conversion): say so once, then analyse the text as it is.
  std::size_t controls = 0, first_control = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c >= 0x20 || (c >= U'\t' && c <= U'\r')) continue;
    if (controls++ == 0) first_control = i;
  }
  if (controls > 0) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(text[first_control]));
    diags.warning(DiagCode::kControlCharacter, std::string(name), first_control,
                  "document holds " + std::to_string(controls) + " control characters (first " + code +
                      "); GraphML and DOT leave them out");
  }
  // A paragraph holds whole lines (the segmenter breaks lines at LF, U+2028
  // and U+2029), so one line over the paragraph limit is enough to refuse
  // the document before the cost of segmenting it.
  for (std::size_t line_start = 0; line_start < text.size();) {
    std::size_t line_end = text.find_first_of(U"\n\u2028\u2029", line_start);
    if (line_end == std::u32string::npos) line_end = text.size();
    if (line_end - line_start > max_paragraph) {
      diags.error(DiagCode::kLimit, std::string(name), line_start,
                  "line of " + std::to_string(line_end - line_start) +
                      " characters is longer than the paragraph limit of " + std::to_string(max_paragraph) +
                      ": document skipped");
      return false;
    }
    line_start = line_end + 1;
  }
  return true;
}

}  // namespace

DocumentResult Pipeline::process_text(std::string_view name, std::u32string text, Diagnostics& diags) const {
  DocumentResult result;
  const std::size_t max_paragraph = impl_->limits.max_paragraph_chars;
  StageClock clock(impl_->profiling);  // the checks count with segmenting
  if (!accept_text(name, text, max_paragraph, diags)) return result;
  Document doc;
  doc.name = std::string(name);
  doc.text = std::move(text);
  impl_->segmenter.segment(doc);
  for (const Paragraph& para : doc.paragraphs) {
    if (para.end - para.begin <= max_paragraph) continue;
    diags.error(DiagCode::kLimit, doc.name, para.begin,
                "paragraph of " + std::to_string(para.end - para.begin) +
                    " characters is longer than the limit of " +
                    std::to_string(max_paragraph) + ": document skipped");
    return result;
  }
  clock.lap(impl_->times.segment);
  std::vector<Quote> quotes = detect_quotes(doc, diags, impl_->limits.quotes);
  clock.lap(impl_->times.quotes);
  Attributor attributor(impl_->lexicon, impl_->gazetteer, impl_->words, &impl_->cache, impl_->pos.get());
  std::vector<Turn> turns = detect_dialogue(doc, quotes, impl_->dialogue_verbs, impl_->words);
  Attribution a = attributor.attribute(doc, quotes, turns);
  clock.lap(impl_->times.attribution);

  detail::DocEntityBuilder builder(a, impl_->gazetteer, impl_->words);
  result.claims.reserve(a.claims.size());
  result.speaker_entity.reserve(a.claims.size());
  result.target_entities.reserve(a.claims.size());
  for (const AttributedClaim& ac : a.claims) {
    Claim c;
    c.document = doc.name;
    c.begin = ac.begin;
    c.end = ac.end;
    c.text = to_utf8(doc.slice(ac.begin, ac.end));
    c.kind = ac.kind;
    c.cue = ac.cue;
    c.relation = ac.relation;
    int sc = builder.cluster(ac.speaker);
    if (ac.speaker >= 0) {
      const MentionInfo& mi = a.mentions[ac.speaker];
      EntityRef ref;
      ref.mention = Mention{mi.begin, mi.end, mi.text};
      c.speaker = ref;
    }
    std::vector<int> tcs;
    for (int t : ac.targets) {
      int tc = builder.cluster(t);
      if (tc < 0 || builder.same_side(sc, tc) || std::find(tcs.begin(), tcs.end(), tc) != tcs.end()) continue;
      tcs.push_back(tc);
      const MentionInfo& mi = a.mentions[t];
      EntityRef ref;
      ref.mention = Mention{mi.begin, mi.end, mi.text};
      c.targets.push_back(ref);
    }
    if (sc < 0) c.speaker.reset();
    result.speaker_entity.push_back(sc);
    result.target_entities.push_back(tcs);
    result.claims.push_back(std::move(c));
  }
  result.entities = builder.take();
  result.ok = true;
  clock.lap(impl_->times.entities);
  if (impl_->profiling) ++impl_->times.documents;
  return result;
}

void resolve_entities(DocumentResult& result, std::string_view document, EntityRegistry& registry,
                      std::string_view day) {
  std::vector<std::string> ids;
  ids.reserve(result.entities.size());
  for (const DocEntity& e : result.entities) {
    ids.push_back(registry.add(e, document));
    registry.note_date(ids.back(), day);
  }
  auto fill = [&](EntityRef& ref, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= ids.size()) return;
    ref.id = ids[index];
    if (const Entity* e = registry.find(ref.id)) {
      ref.name = e->name;
      ref.type = e->type;
    } else {
      ref.name = result.entities[index].name;
      ref.type = result.entities[index].type;
    }
  };
  for (std::size_t i = 0; i < result.claims.size(); ++i) {
    Claim& c = result.claims[i];
    if (c.speaker) {
      fill(*c.speaker, result.speaker_entity[i]);
      registry.count_claim(c.speaker->id, true);
    }
    for (std::size_t t = 0; t < c.targets.size(); ++t) {
      fill(c.targets[t], result.target_entities[i][t]);
      registry.count_claim(c.targets[t].id, false);
    }
  }
}

}  // namespace quotegraph
