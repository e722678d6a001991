// Gazetteer: loads the world-knowledge TSV files of data/ (states, seats of
// power, nationality adjectives, role nouns and courtesy titles) into hash
// maps keyed by a lookup key that ignores case, accents, hyphen versus space
// and a leading article, so that « la Maison-Blanche », « maison blanche » and
// « Maison-Blanche » all find the same seat. Each file documents its columns
// in its own header comment.
#include "quotegraph/lexicon/gazetteer.h"

#include <algorithm>
#include <deque>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quotegraph/lexicon/tsv.h"
#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

const char* entity_type_name(EntityType t) {
  switch (t) {
    case EntityType::kUnknown: return "unknown";
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kCountry: return "country";
    case EntityType::kGroup: return "group";
  }
  return "unknown";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
  if (name == "unknown") return EntityType::kUnknown;
  if (name == "person") return EntityType::kPerson;
  if (name == "organization") return EntityType::kOrganization;
  if (name == "country") return EntityType::kCountry;
  if (name == "group") return EntityType::kGroup;
  return std::nullopt;
}

namespace detail {
namespace {

// The key under which every gazetteer name is stored and looked up: lower
// case, accents stripped, œ/æ spelt out, hyphens as spaces (Maison-Blanche
// and Maison Blanche are one seat), every apostrophe as ' with no space
// after it, runs of white space collapsed, ends trimmed. The leading article
// is kept here; Impl::strip_article removes it as a second try.
std::string gazetteer_key(std::string_view text) {
  // Plain ASCII (most keys: "moscou", "etats-unis") is lower-cased here,
  // byte by byte; other text goes through strip_accents (lower case, no
  // accents, ’ folded to ' and NBSP to a space) first.
  bool ascii = true;
  for (unsigned char c : text) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string stripped;
  if (!ascii) stripped = strip_accents(text);
  const std::string_view lowered = ascii ? text : std::string_view(stripped);
  // Written through a pointer into room for the whole key (a key is never
  // longer than `lowered`: each space stands for a separator, œ and æ take
  // two bytes as oe and ae), cut to its length at the end: this runs for
  // every look-up, where an append per byte costs a capacity test each.
  std::string out(lowered.size(), '\0');
  char* const first = out.data();
  char* put = first;
  bool pending_space = false;
  auto put_one = [&](char c) {
    if (pending_space && put != first && put[-1] != '\'') *put++ = ' ';
    pending_space = false;
    *put++ = c;
  };
  const std::size_t n = lowered.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(lowered[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-') {
      pending_space = true;
      continue;
    }
    if (c == '\'') {
      // "l' élysée" and "l'élysée" are one key: no space after an apostrophe.
      pending_space = false;
      *put++ = '\'';
      continue;
    }
    if (c < 0x80) {
      put_one(ascii && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    auto next_is = [&](unsigned char b1, unsigned char b2) {
      return i + 1 < n && static_cast<unsigned char>(lowered[i + 1]) == b1 &&
             (b2 == 0 || (i + 2 < n && static_cast<unsigned char>(lowered[i + 2]) == b2));
    };
    if (c == 0xE2 && (next_is(0x80, 0x90) || next_is(0x80, 0x91))) {
      // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN join words like '-'.
      pending_space = true;
      i += 2;
    } else if (c == 0xE2 && (next_is(0x80, 0x98) || next_is(0x80, 0x99))) {
      // ‘ and ’ (fold() already maps ’, but keys may come unfolded).
      pending_space = false;
      put_one('\'');
      i += 2;
    } else if (c == 0xC2 && next_is(0xA0, 0)) {
      pending_space = true;
      i += 1;
    } else if (c == 0xC5 && (next_is(0x93, 0) || next_is(0x92, 0))) {
      put_one('o');  // œ, Œ: NFD does not decompose ligatures
      *put++ = 'e';
      i += 1;
    } else if (c == 0xC3 && (next_is(0xA6, 0) || next_is(0x86, 0))) {
      put_one('a');  // æ, Æ
      *put++ = 'e';
      i += 1;
    } else {
      put_one(static_cast<char>(c));
    }
  }
  out.resize(static_cast<std::size_t>(put - first));
  return out;
}

// A courtesy title's key: "M." and "M" are one title.
std::string title_key(std::string_view text) {
  std::string key = gazetteer_key(text);
  while (!key.empty() && key.back() == '.') key.pop_back();
  return key;
}

// Regular feminine and plural forms of a nationality adjective, as
// documented in nationalities.tsv: russe -> russes; coréen -> coréenne,
// coréens, coréennes; français -> française, françaises; américain ->
// américaine, américains, américaines.
std::vector<std::string> nationality_forms(const std::string& masc) {
  auto ends_with = [&](std::string_view suffix) {
    return masc.size() >= suffix.size() &&
           std::string_view(masc).substr(masc.size() - suffix.size()) == suffix;
  };
  if (ends_with("e")) return {masc, masc + "s"};
  if (ends_with("en")) return {masc, masc + "ne", masc + "s", masc + "nes"};
  if (ends_with("s") || ends_with("x")) return {masc, masc + "e", masc + "es"};
  return {masc, masc + "e", masc + "s", masc + "es"};
}

// The feminine of a folded masculine noun of office or trade by French
// morphology, empty when no regular rule applies: -teur gives -trice,
// -teuse and -teure (directrice, lutteuse, auteure: which one a noun takes
// depends on its verb, and the forms it does not take are no words);
// another -eur gives -euse and -eure (entraîneuse, procureure); -en and -on
// double the n (gardienne, patronne); -f gives -ffe (cheffe); -er -ère
// (conseillère), -et -ète (préfète); -ant, -ent, -at, -é, -u, -ais, -ois,
// -and, -ard, -ot take an e (plaignante, avocate, députée, élue,
// bourgeoise). A noun in -in keeps its form (médecine, marine are other
// words), and so does one of fewer than four letters.
std::vector<std::string> feminine_forms(const std::string& masc) {
  auto ends_with = [&](std::string_view suffix) {
    return masc.size() >= suffix.size() && std::string_view(masc).substr(masc.size() - suffix.size()) == suffix;
  };
  if (masc.size() < 4) return {};
  const auto cut = [&](std::size_t n) { return masc.substr(0, masc.size() - n); };
  if (ends_with("teur")) return {cut(3) + "rice", cut(1) + "se", masc + "e"};
  if (ends_with("eur")) return {cut(1) + "se", masc + "e"};
  if (ends_with("en") || ends_with("on")) return {masc + "ne"};
  if (ends_with("f")) return {masc + "fe"};
  if (ends_with("er")) return {cut(2) + "ère"};
  if (ends_with("et")) return {cut(2) + "ète"};
  for (std::string_view suffix : {"ant", "ent", "at", "é", "u", "ais", "ois", "and", "ard", "ot"})
    if (ends_with(suffix)) return {masc + "e"};
  return {};
}

// feminine_forms of a noun's first word, for a noun of one word or one
// whose other words are a complement the feminine leaves alone (directeur
// de cabinet, directrice de cabinet): its second word one of `links`
// (words.tsv's complementlink class: de, d'); empty for a noun and its
// adjective, which agree (conseiller municipal).
std::vector<std::string> feminine_nouns(const std::string& noun, const std::vector<std::string>& links) {
  const std::size_t space = noun.find(' ');
  if (space != std::string::npos) {
    const std::string_view rest = std::string_view(noun).substr(space + 1);
    const auto opens = [&](const std::string& link) {
      return rest.size() > link.size() && rest.compare(0, link.size(), link) == 0 &&
             (link.back() == '\'' || rest[link.size()] == ' ');
    };
    if (std::none_of(links.begin(), links.end(), opens)) return {};
  }
  std::vector<std::string> out = feminine_forms(noun.substr(0, space));
  if (space != std::string::npos)
    for (std::string& f : out) f += noun.substr(space);
  return out;
}

}  // namespace
}  // namespace detail

namespace {

using Line = TsvLine;


// A short excerpt of a bad line for the diagnostic.
std::string excerpt_of(const std::string& line) { return cut_excerpt(line, 80); }

std::optional<Gender> parse_gender(std::string_view g, bool allow_epicene) {
  if (g == "m") return 'm';
  if (g == "f") return 'f';
  if (allow_epicene && g == "e") return '?';
  return std::nullopt;
}

std::optional<bool> parse_plural(std::string_view n) {
  if (n == "s") return false;
  if (n == "p") return true;
  return std::nullopt;
}

// The entity type a role of roles.tsv names (its second column: person,
// organization, group); none for another word (title is read apart).
std::optional<EntityType> parse_role_type(std::string_view t) {
  if (t == "person") return EntityType::kPerson;
  if (t == "organization") return EntityType::kOrganization;
  if (t == "group") return EntityType::kGroup;
  return std::nullopt;
}

}  // namespace

struct Gazetteer::Impl {
  // Deques keep the addresses the maps point to stable while loading.
  std::deque<State> states;
  std::deque<Role> roles;
  std::unordered_map<std::string, const State*> canonical;  // key of canonical names only
  std::unordered_map<std::string, const State*> state_by_key;
  std::unordered_map<std::string, const State*> seat_by_key;
  std::unordered_map<std::string, const State*> nationality_by_key;
  std::unordered_map<std::string, const Role*> role_by_key;
  std::unordered_map<std::string, Gender> titles;
  // speaking_nouns.tsv: keys of the singular nouns, with their kind.
  std::unordered_map<std::string, std::string> speaking_nouns;
  bool has_speaking_nouns = false;
  // What a key may open with and be looked up again without: the articles
  // of words.tsv's keyarticle class, an elided one as it is ("l'"), the
  // others with their space ("la ").
  std::vector<std::string> article_prefixes;
  // words.tsv's officeprefix class, each with the space a key puts after
  // it ("ex "), and its complementlink class (de, d').
  std::vector<std::string> office_prefixes;
  std::vector<std::string> complement_links;
  // Every key of state_by_key and seat_by_key, sorted: the keys that open
  // with a given text follow each other, from its lower bound on.
  std::vector<std::string> sorted_state_and_seat_keys;

  // The tail (key_tail) of every key of role_by_key and speaking_nouns,
  // sorted, each once: what speaking_noun() asks first, so that most keys
  // of several words, which end in no role's nor speaking noun's word,
  // cost one binary search. Views of the maps' keys (nodes that stay put
  // once loaded), 16 bytes a tail.
  std::vector<std::string_view> speaking_tails;

  bool opens_some_key(std::string_view text) const {
    auto it = std::lower_bound(sorted_state_and_seat_keys.begin(), sorted_state_and_seat_keys.end(), text,
                               [](const std::string& key, std::string_view t) { return std::string_view(key) < t; });
    return it != sorted_state_and_seat_keys.end() && std::string_view(*it).substr(0, text.size()) == text;
  }

  // The key without its leading article, or an empty view when it has
  // none or nothing would remain.
  // The key without an office prefix (co-président, ex-ministre: a co-,
  // a former or a deputy holder of an office speaks as well), or an empty
  // view when it has none or nothing would remain. A prefix is a word of
  // its own in a key (hyphens are spaces).
  std::string_view without_office_prefix(std::string_view key) const {
    for (const std::string& prefix : office_prefixes)
      if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0) return key.substr(prefix.size());
    return {};
  }

  std::string_view strip_article(std::string_view key) const {
    for (const std::string& article : article_prefixes) {
      if (key.size() > article.size() && key.substr(0, article.size()) == article) {
        return key.substr(article.size());
      }
    }
    return {};
  }

  // Adds `key` -> `value`. A key that already names something else keeps
  // its first meaning and the clash becomes a warning, so a data error
  // never silently changes what an earlier line said.
  template <typename T>
  void add_key(std::unordered_map<std::string, const T*>& map, const std::string& key,
               const T* value, const std::string& file, const Line& line, Diagnostics& diags,
               std::string_view (*describe)(const T*)) {
    if (key.empty()) return;
    auto [it, inserted] = map.try_emplace(key, value);
    if (!inserted && it->second != value) {
      diags.warning(DiagCode::kBadData, file, line.number,
                    "'" + key + "' already stands for '" + std::string(describe(it->second)) +
                        "'; the first meaning is kept",
                    excerpt_of(line.text), "line");
    }
  }

  // A name that starts with an article (Le Caire, La Haye) is also found
  // without it (« au Caire » leaves "caire"), unless that key already means
  // something else.
  template <typename T>
  void add_articleless(std::unordered_map<std::string, const T*>& map, const std::string& key,
                       const T* value) const {
    std::string_view bare = strip_article(key);
    if (!bare.empty()) map.try_emplace(std::string(bare), value);
  }

  template <typename T>
  const T* find(const std::unordered_map<std::string, const T*>& map, std::string_view text) const {
    return find_key(map, detail::gazetteer_key(text));
  }

  // find() of a text whose gazetteer_key is `key`.
  template <typename T>
  const T* find_key(const std::unordered_map<std::string, const T*>& map, const std::string& key) const {
    if (key.empty()) return nullptr;
    if (auto it = map.find(key); it != map.end()) return it->second;
    std::string_view bare = strip_article(key);
    if (bare.empty()) return nullptr;
    auto it = map.find(std::string(bare));
    return it == map.end() ? nullptr : it->second;
  }

  void load_states(const std::string& file, const std::vector<Line>& lines, Diagnostics& diags);
  void load_seats(const std::string& file, const std::vector<Line>& lines, Diagnostics& diags);
  void load_nationalities(const std::string& file, const std::vector<Line>& lines,
                          Diagnostics& diags);
  void load_roles(const std::string& file, const std::vector<Line>& lines, Diagnostics& diags);
  void load_speaking_nouns(const std::string& file, const std::vector<Line>& lines, Diagnostics& diags);
  // Whether the noun (article stripped, or one of its singulars) is a noun
  // of speaking_nouns.tsv of that kind.
  bool noun_of_kind(std::string_view folded_noun, std::string_view kind) const;

  // The state a seat or nationality line names in its second column:
  // a canonical name of states.tsv, compared case- and accent-insensitively.
  const State* canonical_state(const std::string& name) const {
    auto it = canonical.find(detail::gazetteer_key(name));
    return it == canonical.end() ? nullptr : it->second;
  }
};

namespace {

std::string_view state_name(const State* s) { return s->name; }

void bad_line(Diagnostics& diags, const std::string& file, const Line& line,
              const std::string& message) {
  diags.error(DiagCode::kBadData, file, line.number, message, excerpt_of(line.text), "line");
}

}  // namespace

void Gazetteer::Impl::load_states(const std::string& file, const std::vector<Line>& lines,
                                  Diagnostics& diags) {
  for (const Line& line : lines) {
    const auto& f = line.fields;
    if (f.size() < 4 || f.size() > 5) {
      bad_line(diags, file, line,
               "expected 4 or 5 tab-separated columns (name, type, gender, number, aliases), got " +
                   std::to_string(f.size()));
      continue;
    }
    if (f[0].empty()) {
      bad_line(diags, file, line, "empty state name");
      continue;
    }
    State s;
    s.name = f[0];
    if (f[1] == "country") {
      s.type = EntityType::kCountry;
    } else if (f[1] == "organization") {
      s.type = EntityType::kOrganization;
    } else {
      bad_line(diags, file, line, "type must be 'country' or 'organization', got '" + f[1] + "'");
      continue;
    }
    auto gender = parse_gender(f[2], false);
    if (!gender) {
      bad_line(diags, file, line, "gender must be 'm' or 'f', got '" + f[2] + "'");
      continue;
    }
    auto plural = parse_plural(f[3]);
    if (!plural) {
      bad_line(diags, file, line, "number must be 's' or 'p', got '" + f[3] + "'");
      continue;
    }
    s.gender = *gender;
    s.plural = *plural;
    std::string key = detail::gazetteer_key(s.name);
    if (canonical.count(key)) {
      bad_line(diags, file, line, "duplicate state '" + s.name + "'");
      continue;
    }
    states.push_back(std::move(s));
    const State* added = &states.back();
    canonical.emplace(key, added);
    add_key(state_by_key, key, added, file, line, diags, state_name);
    if (f.size() == 5 && !f[4].empty()) {
      for (const std::string& alias : split_fields(f[4], '|')) {
        if (alias.empty()) continue;
        add_key(state_by_key, detail::gazetteer_key(alias), added, file, line, diags, state_name);
      }
    }
  }
  // Article-less variants go last so that they never shadow a real name.
  std::vector<std::pair<std::string, const State*>> named(state_by_key.begin(),
                                                          state_by_key.end());
  for (const auto& [key, state] : named) add_articleless(state_by_key, key, state);
}

void Gazetteer::Impl::load_seats(const std::string& file, const std::vector<Line>& lines,
                                 Diagnostics& diags) {
  for (const Line& line : lines) {
    const auto& f = line.fields;
    if (f.size() != 3) {
      bad_line(diags, file, line,
               "expected 3 tab-separated columns (name, state, kind), got " +
                   std::to_string(f.size()));
      continue;
    }
    if (f[0].empty()) {
      bad_line(diags, file, line, "empty seat name");
      continue;
    }
    if (f[2] != "capital" && f[2] != "seat") {
      bad_line(diags, file, line, "kind must be 'capital' or 'seat', got '" + f[2] + "'");
      continue;
    }
    const State* state = canonical_state(f[1]);
    if (!state) {
      bad_line(diags, file, line, "unknown state '" + f[1] + "' (not a name in states.tsv)");
      continue;
    }
    add_key(seat_by_key, detail::gazetteer_key(f[0]), state, file, line, diags, state_name);
  }
  std::vector<std::pair<std::string, const State*>> named(seat_by_key.begin(), seat_by_key.end());
  for (const auto& [key, state] : named) add_articleless(seat_by_key, key, state);
}

void Gazetteer::Impl::load_nationalities(const std::string& file, const std::vector<Line>& lines,
                                         Diagnostics& diags) {
  for (const Line& line : lines) {
    const auto& f = line.fields;
    if (f.size() < 2 || f.size() > 3) {
      bad_line(diags, file, line,
               "expected 2 or 3 tab-separated columns (adjective, state, other forms), got " +
                   std::to_string(f.size()));
      continue;
    }
    if (f[0].empty()) {
      bad_line(diags, file, line, "empty adjective");
      continue;
    }
    const State* state = canonical_state(f[1]);
    if (!state) {
      bad_line(diags, file, line, "unknown state '" + f[1] + "' (not a name in states.tsv)");
      continue;
    }
    std::vector<std::string> forms;
    if (f.size() == 3 && !f[2].empty()) {
      forms.push_back(f[0]);
      for (const std::string& form : split_fields(f[2], '|')) {
        if (!form.empty()) forms.push_back(form);
      }
    } else {
      forms = detail::nationality_forms(fold_utf8(f[0]));
    }
    for (const std::string& form : forms) {
      add_key(nationality_by_key, detail::gazetteer_key(form), state, file, line, diags,
              state_name);
    }
  }
}

void Gazetteer::Impl::load_roles(const std::string& file, const std::vector<Line>& lines,
                                 Diagnostics& diags) {
  for (const Line& line : lines) {
    const auto& f = line.fields;
    if (f.size() != 4 && f.size() != 5) {
      bad_line(diags, file, line,
               "expected 4 or 5 tab-separated columns (noun, type, gender, number, family), got " +
                   std::to_string(f.size()));
      continue;
    }
    if (f[0].empty()) {
      bad_line(diags, file, line, "empty noun");
      continue;
    }
    auto gender = parse_gender(f[2], true);
    if (!gender) {
      bad_line(diags, file, line, "gender must be 'm', 'f' or 'e', got '" + f[2] + "'");
      continue;
    }
    auto plural = parse_plural(f[3]);
    if (!plural) {
      bad_line(diags, file, line, "number must be 's' or 'p', got '" + f[3] + "'");
      continue;
    }
    if (f[1] == "title") {
      std::string key = detail::title_key(f[0]);
      auto [it, inserted] = titles.try_emplace(key, *gender);
      if (!inserted && it->second != *gender) {
        diags.warning(DiagCode::kBadData, file, line.number,
                      "title '" + key + "' is listed twice with different genders; the first is kept",
                      excerpt_of(line.text), "line");
      }
      continue;
    }
    const std::optional<EntityType> type = parse_role_type(f[1]);
    if (!type) {
      bad_line(diags, file, line,
               "type must be 'person', 'organization', 'group' or 'title', got '" + f[1] + "'");
      continue;
    }
    Role r;
    r.type = *type;
    r.noun = fold_utf8(f[0]);
    r.gender = *gender;
    r.plural = *plural;
    if (f.size() == 5) r.family = f[4];
    std::string key = detail::gazetteer_key(r.noun);
    if (auto it = role_by_key.find(key); it != role_by_key.end()) {
      diags.warning(DiagCode::kBadData, file, line.number,
                    "'" + r.noun + "' is already listed as '" + it->second->noun +
                        "'; the first is kept",
                    excerpt_of(line.text), "line");
      continue;
    }
    roles.push_back(std::move(r));
    role_by_key.emplace(std::move(key), &roles.back());
  }
  // The feminine of a masculine or epicene person's role, derived (and
  // never in place of a line of the file, whatever its order).
  const std::size_t listed = roles.size();
  for (std::size_t i = 0; i < listed; ++i) {
    const Role& masc = roles[i];
    if (masc.type != EntityType::kPerson || masc.plural || masc.gender == 'f') continue;
    for (const std::string& noun : detail::feminine_nouns(masc.noun, complement_links)) {
      std::string key = detail::gazetteer_key(noun);
      if (role_by_key.count(key)) continue;
      Role f = masc;
      f.noun = noun;
      f.gender = 'f';
      roles.push_back(std::move(f));
      role_by_key.emplace(std::move(key), &roles.back());
    }
  }
}

void Gazetteer::Impl::load_speaking_nouns(const std::string& file, const std::vector<Line>& lines,
                                          Diagnostics& diags) {
  has_speaking_nouns = true;
  for (const Line& line : lines) {
    const auto& f = line.fields;
    if (f.size() != 2 || f[0].empty()) {
      bad_line(diags, file, line, "expected 2 tab-separated columns (noun, kind), got " + std::to_string(f.size()));
      continue;
    }
    if (f[1] != "person" && f[1] != "group" && f[1] != "organization" && f[1] != "source") {
      bad_line(diags, file, line, "kind must be 'person', 'group', 'organization' or 'source', got '" + f[1] + "'");
      continue;
    }
    speaking_nouns.try_emplace(detail::gazetteer_key(f[0]), f[1]);
    if (f[1] == "person" || f[1] == "group")
      for (const std::string& noun : detail::feminine_nouns(fold_utf8(f[0]), complement_links))
        speaking_nouns.try_emplace(detail::gazetteer_key(noun), f[1]);
  }
}

namespace {

// The singular of one folded word of `key`, [begin, end): the plural
// mark -s or -x dropped, or -aux made -al (tribunaux, hôpitaux: French
// nouns in -al take -aux); an empty string when the word ends in neither s
// nor x or is too short to bear a mark.
std::string singular_word(const std::string& key, std::size_t begin, std::size_t end) {
  if (end < begin + 3 || (key[end - 1] != 's' && key[end - 1] != 'x')) return {};
  if (key.compare(end - 3, 3, "aux") == 0 && end >= begin + 5) return key.substr(begin, end - begin - 2) + "l";
  return key.substr(begin, end - begin - 1);
}

// The keys a plural `key` may stand for, most likely first: its first word
// made singular ("voisins proches" gives "voisin proches"), with -x for
// -aux (journaux, bureaux) and -al for it (tribunaux); then every word made
// singular, as a compound of a noun and its adjective or of two nouns
// agrees in both ("sages femmes", "casques bleus", "assistantes
// maternelles"); then its last word alone, as a compound of a word that
// does not vary and a noun agrees in the noun ("sous traitants", "contre
// manifestants", "black blocs"). Empty when the key bears no plural mark.
std::vector<std::string> singular_keys(const std::string& key) {
  std::vector<std::string> keys;
  const std::size_t end = std::min(key.find(' '), key.size());
  const std::size_t last = key.rfind(' ') == std::string::npos ? 0 : key.rfind(' ') + 1;
  if (last > 0)
    if (const std::string word = singular_word(key, last, key.size()); !word.empty())
      keys.push_back(key.substr(0, last) + word);
  if (end < 3 || (key[end - 1] != 's' && key[end - 1] != 'x')) return keys;
  keys.push_back(key.substr(0, end - 1) + key.substr(end));
  if (const std::string al = singular_word(key, 0, end); al.back() == 'l') keys.push_back(al + key.substr(end));
  if (end == key.size()) return keys;
  std::string every;
  for (std::size_t b = 0; b <= key.size();) {
    const std::size_t e = std::min(key.find(' ', b), key.size());
    const std::string word = singular_word(key, b, e);
    every += (b > 0 ? " " : "") + (word.empty() ? key.substr(b, e - b) : word);
    b = e + 1;
  }
  keys.push_back(std::move(every));
  return keys;
}

}  // namespace

namespace {

// The end of a key after its last space or apostrophe ("de l'assemblee"
// -> "assemblee"). Stripping an article (which ends in a space or an
// apostrophe and leaves something) keeps it, and gazetteer_key gives a key
// back unchanged, so every text speaking_noun() looks up for a key has the
// key's tail, or the tail with -s or -x dropped or -aux made -al
// (singular_keys, which changes the ends of words only).
std::string_view key_tail(std::string_view key) {
  const std::size_t cut = key.find_last_of(" '");
  return cut == std::string_view::npos ? key : key.substr(cut + 1);
}

// Whether the tail of `key`, or one of its singulars, is the tail of some
// key of `tails`: false only when no look-up of speaking_noun() can match.
bool tail_may_match(const std::vector<std::string_view>& tails, std::string_view key) {
  const auto known = [&](std::string_view t) { return std::binary_search(tails.begin(), tails.end(), t); };
  const std::string_view tail = key_tail(key);
  if (known(tail)) return true;
  if (tail.empty() || (tail.back() != 's' && tail.back() != 'x')) return false;
  if (tail.size() >= 3 && tail.substr(tail.size() - 3) == "aux" &&
      known(std::string(tail.substr(0, tail.size() - 3)) + "al"))
    return true;
  return known(tail.substr(0, tail.size() - 1));
}

}  // namespace

bool Gazetteer::Impl::noun_of_kind(std::string_view folded_noun, std::string_view kind) const {
  std::string key = detail::gazetteer_key(folded_noun);
  if (std::string_view bare = strip_article(key); !bare.empty()) key = std::string(bare);
  const auto of_kind = [&](const std::string& k) {
    auto it = speaking_nouns.find(k);
    return it != speaking_nouns.end() && it->second == kind;
  };
  if (key.empty() || of_kind(key)) return !key.empty();
  for (const std::string& singular : singular_keys(key))
    if (of_kind(singular)) return true;
  return false;
}

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

Result<Gazetteer> Gazetteer::load(const std::string& data_dir, const WordClasses& words,
                                  Diagnostics& diags) {
  const std::string dir = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
  const char* kFiles[] = {"states.tsv", "seats.tsv", "nationalities.tsv", "roles.tsv"};
  std::vector<Line> contents[4];
  std::vector<std::string> missing;
  // Every file is read before giving up so that one run names every
  // missing file.
  for (int i = 0; i < 4; ++i) {
    const std::string path = dir + kFiles[i];
    auto lines = read_tsv(path, diags);
    if (!lines) {
      missing.push_back(path);
      continue;
    }
    contents[i] = std::move(*lines);
  }
  if (!missing.empty()) {
    std::string message = "cannot open gazetteer file";
    for (std::size_t i = 1; i < missing.size(); ++i) message += (i == 1 ? " (nor " : ", ") + missing[i];
    if (missing.size() > 1) message += ")";
    return Status::error(DiagCode::kIoError, missing[0], 0, message);
  }

  Gazetteer g;
  for (std::string article : words.members(WordClasses::kKeyArticle)) {
    if (article.empty()) continue;
    if (article.back() != '\'') article += ' ';
    g.impl_->article_prefixes.push_back(std::move(article));
  }
  for (const std::string& prefix : words.anchor_members(WordClasses::kOfficePrefix))
    if (!prefix.empty()) g.impl_->office_prefixes.push_back(prefix + " ");
  g.impl_->complement_links = words.anchor_members(WordClasses::kComplementLink);
  // States first: seats and nationalities refer to them by name.
  g.impl_->load_states(dir + kFiles[0], contents[0], diags);
  g.impl_->load_seats(dir + kFiles[1], contents[1], diags);
  for (const auto* map : {&g.impl_->state_by_key, &g.impl_->seat_by_key})
    for (const auto& entry : *map) g.impl_->sorted_state_and_seat_keys.push_back(entry.first);
  std::sort(g.impl_->sorted_state_and_seat_keys.begin(), g.impl_->sorted_state_and_seat_keys.end());
  g.impl_->load_nationalities(dir + kFiles[2], contents[2], diags);
  g.impl_->load_roles(dir + kFiles[3], contents[3], diags);
  // Optional: without it every common noun may head a speaker, as before.
  if (auto nouns = read_tsv(dir + "speaking_nouns.tsv", diags)) {
    g.impl_->load_speaking_nouns(dir + "speaking_nouns.tsv", *nouns, diags);
    // Nouns of trade from the dictionary's morphology, after the hand-made
    // list so that a noun listed there keeps its kind.
    if (auto trades = read_tsv(dir + "professions.tsv", diags))
      g.impl_->load_speaking_nouns(dir + "professions.tsv", *trades, diags);
  }
  std::vector<std::string_view>& tails = g.impl_->speaking_tails;
  for (const auto& entry : g.impl_->role_by_key) tails.push_back(key_tail(entry.first));
  for (const auto& entry : g.impl_->speaking_nouns) tails.push_back(key_tail(entry.first));
  std::sort(tails.begin(), tails.end());
  tails.erase(std::unique(tails.begin(), tails.end()), tails.end());
  tails.shrink_to_fit();
  return g;
}

const State* Gazetteer::state(std::string_view folded_name) const {
  return impl_->find(impl_->state_by_key, folded_name);
}

const State* Gazetteer::seat(std::string_view folded_name) const {
  return impl_->find(impl_->seat_by_key, folded_name);
}

bool Gazetteer::may_open_state_or_seat(std::string_view folded_token) const {
  // gazetteer_key maps each code point on its own (strip_accents' fast
  // path and ICU agree on every letter the fast path takes, see
  // text_test) and only collapses or trims spaces, so the key of a token
  // opens the key of any text that opens with the token. find() succeeds
  // on a key or on an article followed by a key.
  const std::string key = detail::gazetteer_key(folded_token);
  if (impl_->opens_some_key(key)) return true;
  for (const std::string& article : impl_->article_prefixes) {
    if (key.size() <= article.size()) {
      if (std::string_view(article).substr(0, key.size()) == key) return true;
    } else if (key.compare(0, article.size(), article) == 0 &&
               impl_->opens_some_key(std::string_view(key).substr(article.size()))) {
      return true;
    }
  }
  return false;
}

const State* Gazetteer::nationality(std::string_view folded_adjective) const {
  return impl_->find(impl_->nationality_by_key, folded_adjective);
}

const Role* Gazetteer::role(std::string_view folded_noun) const {
  const std::string key = detail::gazetteer_key(folded_noun);
  if (const Role* r = impl_->find_key(impl_->role_by_key, key)) return r;
  std::string_view bare = impl_->strip_article(key);
  if (bare.empty()) bare = key;
  const std::string_view base = impl_->without_office_prefix(bare);
  return base.empty() ? nullptr : impl_->find_key(impl_->role_by_key, std::string(base));
}

bool Gazetteer::has_speaking_nouns() const { return impl_->has_speaking_nouns; }

bool Gazetteer::speaking_noun(std::string_view folded_noun) const {
  std::string key = detail::gazetteer_key(folded_noun);
  // An exact pre-test: a key none of whose looked-up forms can end as a
  // known key ends is no speaking noun (most keys of several words).
  if (key.empty() || !tail_may_match(impl_->speaking_tails, key)) return false;
  if (role(key)) return true;
  if (std::string_view bare = impl_->strip_article(key); !bare.empty()) key = std::string(bare);
  // co-présidente, ex-compagne, vice-cheffe: the office without its prefix.
  if (const std::string_view base = impl_->without_office_prefix(key); !base.empty()) key = std::string(base);
  if (impl_->speaking_nouns.count(key)) return true;
  for (const std::string& singular : singular_keys(key))
    if (impl_->speaking_nouns.count(singular) || role(singular)) return true;
  return false;
}

bool Gazetteer::source_noun(std::string_view folded_noun) const { return impl_->noun_of_kind(folded_noun, "source"); }

bool Gazetteer::person_noun(std::string_view folded_noun) const { return impl_->noun_of_kind(folded_noun, "person"); }

std::optional<Gender> Gazetteer::courtesy_title(std::string_view folded) const {
  auto it = impl_->titles.find(detail::title_key(folded));
  if (it == impl_->titles.end()) return std::nullopt;
  return it->second;
}

}  // namespace quotegraph
