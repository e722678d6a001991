// Entities: merges what each document knows about a speaker or target into
// corpus-wide canonical entities. Persons meet under a phonetic key of their
// surname (name_key) so that the French, English and German transliterations
// of one Slavic, Caucasian, Arabic or Korean name fall together, and are kept
// apart by their given names, their states and their grammatical gender.
// States and organisations meet on their folded, accent-free name; role-only
// persons ("un ministre") never leave their document.
#include "quotegraph/entities/entities.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "quotegraph/lexicon/word_classes.h"
#include "quotegraph/text/text.h"

namespace quotegraph {
namespace {

// Names longer than this are cut: no real name comes close, and the cut
// keeps keys, ids and the work per add bounded whatever the input.
constexpr std::size_t kMaxNameChars = 256;
// Ids are cut to this many characters (at a hyphen when there is one).
constexpr std::size_t kMaxIdChars = 64;

// What sanitize does with code point `c`: keeps it, drops it (an invisible
// format character) or reads it as a space (white space, a control
// character). Printable ASCII other than the space, most of a name, is
// kept without asking ICU.
enum class NameChar { kKeep, kDrop, kSpace };
NameChar name_char(UChar32 c) {
  if (c > 0x20 && c < 0x7F) return NameChar::kKeep;
  const int8_t category = u_charType(c);
  if (is_space(static_cast<char32_t>(c)) || category == U_CONTROL_CHAR) return NameChar::kSpace;
  return category == U_FORMAT_CHAR ? NameChar::kDrop : NameChar::kKeep;
}

// Whether sanitize(s) is `s` itself, asked byte by byte without ICU (most
// names the registry sees: every entity of every document passes here):
// at most kMaxNameChars bytes of printable ASCII and Latin-1 letters
// (U+00C0-U+00FF, which ICU keeps), with single spaces between words.
bool clean_name(std::string_view s) {
  if (s.size() > kMaxNameChars || s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b > 0x20 && b < 0x7F) continue;
    if (b == 0x20 && s[i - 1] != ' ') continue;  // not the first byte, nor the last
    if (b == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0xBF) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

// Makes any bytes a clean one-line name: invalid UTF-8 becomes U+FFFD,
// control characters (NUL included) and white space runs become one space,
// invisible format characters (soft hyphen, zero-width joiners) are dropped,
// the ends are trimmed and the result is cut at kMaxNameChars code points.
std::string sanitize(std::string_view s) {
  if (clean_name(s)) return std::string(s);
  std::string out;
  out.reserve(std::min(s.size(), kMaxNameChars * 4));
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = s.size() > static_cast<std::size_t>(INT32_MAX) ? INT32_MAX
                                                                   : static_cast<int32_t>(s.size());
  int32_t i = 0;
  std::size_t kept = 0;
  bool pending_space = false;
  while (i < n && kept < kMaxNameChars) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    const NameChar what = name_char(c);
    if (what == NameChar::kSpace) {
      pending_space = !out.empty();
      continue;
    }
    if (what == NameChar::kDrop) continue;
    if (pending_space) {
      out += ' ';
      ++kept;
      pending_space = false;
    }
    append_utf8(out, static_cast<char32_t>(c));
    ++kept;
  }
  return out;
}

// True when `s` (valid UTF-8) holds at least one letter or digit: a name
// made only of punctuation names nothing.
bool has_alnum(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && is_letter(static_cast<char32_t>(c))) return true;
  }
  return false;
}

// The cached ICU transliterator. Creating one parses rule tables and takes
// milliseconds, so it is built once; transliterate() keeps state in the
// object, hence the mutex. Russian-Latin/BGN comes first because the generic
// Any-Latin renders Cyrillic in ISO 9 (Пашинян -> Pašinân), whose haček
// letters Latin-ASCII flattens to "pasinan"; BGN writes "pashinyan", the
// spelling the English press uses and the phonetic key then meets. It only
// touches Cyrillic; Latin text passes through to Latin-ASCII (Erdoğan ->
// erdogan, Œ -> oe, ß -> ss).
struct AsciiTransliterator {
  std::mutex mutex;
  std::unique_ptr<icu::Transliterator> transliterator;

  AsciiTransliterator() {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    transliterator.reset(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) {
      // Without the BGN table (a trimmed ICU data file) the generic chain
      // still gives usable keys.
      status = U_ZERO_ERROR;
      transliterator.reset(icu::Transliterator::createInstance(
          "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, parse_error, status));
    }
    if (U_FAILURE(status)) transliterator.reset();
  }
};

// Lower-case ASCII rendering of `clean` (sanitized UTF-8). Characters the
// transliterator cannot render stay non-ASCII; callers ignore them. Without
// ICU data it falls back to strip_accents, which still serves Latin names.
std::string ascii_lower(const std::string& clean) {
  // Latin letters with accents need no transliterator: dropping the marks
  // is what Latin-ASCII does to them, and it is many times faster.
  {
    std::string stripped = strip_accents(clean);
    bool ascii = std::all_of(stripped.begin(), stripped.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return stripped;
  }
  static AsciiTransliterator instance;
  std::string out;
  if (instance.transliterator) {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(clean.data(), static_cast<int32_t>(clean.size())));
    {
      std::lock_guard<std::mutex> lock(instance.mutex);
      instance.transliterator->transliterate(u);
    }
    u.toUTF8String(out);
  } else {
    out = strip_accents(clean);
  }
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

void collapse_doubles(std::string& s) {
  s.erase(std::unique(s.begin(), s.end()), s.end());
}

// The phonetic key of one word of lower-case ASCII letters and digits.
//
// Transliterating one name into French, English and German gives different
// spellings of the same sounds. The rules below map each family of
// spellings to one symbol, and nothing else, so that genuinely different
// names keep different keys (Macron/Micron, Kim/Kin, Peskov/Pesko):
//   ш, ж, ч, х as French/English/German write them:
//     sh, ch (French), sch, tch, tsh, tsch  -> S  (Pachinian/Pashinyan,
//       Chevtchenko/Shevchenko/Schewtschenko, Khrouchtchev/Khrushchev;
//       French ch is English sh, French tch is English ch, and both sides
//       use the other spelling too, so all of them share one symbol)
//     j, dj, zh, dzh                         -> J  (Djeyhoun/Jeyhun, Joukov/Zhukov)
//     kh                                     -> h  (Mikhaïl/Mihail, Ilkham/Ilham)
//   y is i in every transliteration of й, ы, ий and of y between vowels:
//     y                                      -> i  (Aliyev/Aliev, Zelensky/Zelenski,
//                                                   Yuri/Iouri, Sergey/Sergei)
//   French spellings of single sounds:
//     ou -> u (Poutine, Iouri), gu before e/i -> g (Sergueï, Guennadi),
//     qu, q, ck, c before anything but e/i/y -> k, ph -> f, x -> ks
//     (Alexeï/Aleksei), w -> v (German -ow, Wladimir)
//   Then doubled symbols collapse (Zelenskyy, Mohammed/Mohamed, Smirnoff),
//   a final silent e after a single consonant drops when `drop_final_e`
//   (Poutine/Putin; but Jeanne stays apart from Jean, since French -nne,
//   -lle, -tte are spellings, not transliterations) and a final f is v
//   (Smirnoff/Smirnov, Rachmaninoff).
// The first step of word_key(): each spelling mapped to its sound class,
// left to right, before doubles collapse.
// Spellings of one sound, tried in this order at each position (a longer
// spelling before its prefix), and their sound class.
struct Spelling {
  std::string_view letters;
  std::string_view sound;
};
constexpr Spelling kSpellings[] = {
    {"tsch", "S"}, {"sch", "S"}, {"tch", "S"}, {"tsh", "S"}, {"sh", "S"}, {"ch", "S"},
    {"dzh", "J"}, {"dj", "J"}, {"zh", "J"}, {"j", "J"}, {"kh", "h"}, {"ck", "k"}, {"qu", "k"},
    {"ph", "f"}, {"ou", "u"}, {"q", "k"}, {"x", "ks"}, {"w", "v"}, {"y", "i"}};

bool soft_vowel(char c) { return c == 'e' || c == 'i' || c == 'y'; }

std::string sound_classes(std::string_view w) {
  std::string s;
  s.reserve(w.size() + 2);
  auto at = [&](std::size_t i) { return i < w.size() ? w[i] : '\0'; };
  std::size_t i = 0;
  while (i < w.size()) {
    const Spelling* spelling = nullptr;
    for (const Spelling& candidate : kSpellings) {
      // The first letter rules out nearly every spelling without a compare.
      if (candidate.letters[0] != w[i]) continue;
      if (w.compare(i, candidate.letters.size(), candidate.letters) == 0) {
        spelling = &candidate;
        break;
      }
    }
    if (spelling != nullptr) {
      s += spelling->sound;
      i += spelling->letters.size();
    } else if (w[i] == 'g' && at(i + 1) == 'u' && soft_vowel(at(i + 2))) {
      s += 'g';  // Sergueï, Guennadi: the u only keeps the g hard
      i += 2;
    } else {
      s += w[i] == 'c' ? (soft_vowel(at(i + 1)) ? 'c' : 'k') : w[i];
      i += 1;
    }
  }
  return s;
}

// The key of one word, as described above: its sound classes, then doubles
// collapsed, the final silent e dropped and a final f made v.
std::string word_key(std::string_view w, bool drop_final_e = true) {
  std::string s = sound_classes(w);
  const std::size_t n = s.size();
  const bool after_double = n >= 3 && s[n - 2] == s[n - 3];
  collapse_doubles(s);
  if (drop_final_e && !after_double && s.size() > 2 && s.back() == 'e' &&
      !is_vowel(s[s.size() - 2])) {
    s.pop_back();
  }
  if (s.size() > 1 && s.back() == 'f') s.back() = 'v';
  collapse_doubles(s);
  return s;
}

// One part of a given name: "Jean", "D." in "Jean-D.", "J" in "J. R.".
struct GivenPart {
  std::string ascii;  // its letters and digits in lower-case ASCII
  std::string key;    // word_key(ascii)
  bool abbreviated = false;  // "J.", "J", "Ch."
};

// Splits a given name at spaces, hyphens and dots. A part ended by a dot,
// or of a single letter, is an abbreviation. Part keys are word_key without
// the final-e rule.
std::vector<GivenPart> given_parts(std::string_view given) {
  std::vector<GivenPart> parts;
  const std::string ascii = ascii_lower(sanitize(given));
  std::string word;
  auto flush = [&](char terminator) {
    if (word.empty()) return;
    GivenPart part;
    part.abbreviated = terminator == '.' || word.size() == 1;
    // French marks the feminine of a given name with a final -e (Michel,
    // Michèle; Martin, Martine): given names keep it.
    part.key = word_key(word, false);
    part.ascii = std::move(word);
    parts.push_back(std::move(part));
    word.clear();
  };
  for (char c : ascii) {
    if (is_ascii_alnum(c)) {
      word += c;
    } else if (c != '\'') {
      flush(c);
    }
  }
  flush('\0');
  return parts;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// One abbreviated part matches a part it may stand for: the letters are a
// prefix of the other spelling ("Ch." / "Charles"), or for a one-letter
// initial the keys begin alike ("Y." / "Iouri": y and i are one sound).
bool parts_match(const GivenPart& a, const GivenPart& b) {
  if (!a.abbreviated && !b.abbreviated) return a.key == b.key;
  if (starts_with(a.ascii, b.ascii) || starts_with(b.ascii, a.ascii)) return true;
  const GivenPart& initial = a.abbreviated ? a : b;
  const GivenPart& other = a.abbreviated ? b : a;
  return initial.ascii.size() == 1 && !initial.key.empty() && !other.key.empty() &&
         initial.key[0] == other.key[0];
}

// Accent-free folded form: the key of non-person names.
std::string plain_key(const std::string& clean) { return strip_accents(clean); }

// A key for a person's name: the phonetic key, or for a script the
// transliterator cannot render (key empty) the accent-free folded name, so
// such names still merge when written identically.
std::string person_key(const std::string& clean) {
  std::string key = name_key(clean);
  if (key.empty() && has_alnum(clean)) key = "#" + plain_key(clean);
  return key;
}

// A lower-case ASCII slug: "Nikol Pachinian" -> "nikol-pachinian".
std::string slug(const std::string& clean) {
  const std::string ascii = ascii_lower(clean);
  std::string out;
  for (char c : ascii) {
    if (is_ascii_alnum(c)) {
      out += c;
    } else if (c == '\'') {
      continue;  // "d'Estaing" -> "destaing", not "d-estaing"
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  if (out.size() > kMaxIdChars) {
    std::size_t cut = out.rfind('-', kMaxIdChars);
    out.resize(cut == std::string::npos || cut == 0 ? kMaxIdChars : cut);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  // A name in a script ICU cannot romanise still needs an id.
  if (out.empty()) out = "entity";
  return out;
}

// True for a determiner that opens a description rather than a name
// ("un ministre", "le porte-parole", "l'ambassadrice", "des manifestants"):
// words.tsv's descdet class. `folded` is a word without its apostrophe,
// which the class writes with the elided ones ("l" for "l'").
bool is_determiner(const std::string& folded, const WordClasses& words) {
  return words.has(folded, WordClasses::kDescriptionDeterminer) ||
         words.has(folded + "'", WordClasses::kDescriptionDeterminer);
}

// True when a person's "name" is a description ("un ministre", "une source
// au sein de l'exécutif", "Le porte-parole du département d'État") rather
// than a proper name: French writes names capitalised, so a description
// starts lower-case, or with a determiner followed by a lower-case word
// ("Le porte-parole", but not "Le Pen" or "De Gaulle"), or contains the
// role the document gave.
bool is_description(const std::string& clean_name, const std::string& clean_role,
                    const WordClasses& word_classes) {
  const auto decoded = decode_utf8(clean_name);
  if (!decoded) return false;
  const std::u32string& text = decoded.text();
  // Words are runs of letters; apostrophes end them ("l'ambassadrice").
  std::vector<std::u32string> words;
  std::u32string word;
  for (char32_t c : text) {
    if (is_letter(c) || (is_word_hyphen(c) && !word.empty())) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
    if (words.size() >= 2) break;
  }
  if (!word.empty() && words.size() < 2) words.push_back(word);
  if (words.empty()) return false;
  // u_islower, not !is_upper: scripts without case (Korean, Arabic) write
  // names that are neither.
  auto lower = [](char32_t c) { return u_islower(static_cast<UChar32>(c)) != 0; };
  if (lower(words[0][0])) return true;
  if (words.size() >= 2 && is_determiner(strip_accents(to_utf8(words[0])), word_classes) && lower(words[1][0])) {
    return true;
  }
  if (!clean_role.empty()) {
    const std::string folded_role = plain_key(clean_role);
    if (!folded_role.empty() && plain_key(clean_name).find(folded_role) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The key of a whole given name: its part keys joined ("Jean-Marc" and
// "Jean Marc" meet, "Michel" and "Michèle" do not).
std::string given_key(std::string_view given) {
  std::string key;
  for (const GivenPart& p : given_parts(given)) key += p.key;
  return key;
}

bool given_is_abbreviated(const std::string& given) {
  for (const GivenPart& p : given_parts(given)) {
    if (p.abbreviated) return true;
  }
  return false;
}

Gender clean_gender(Gender g) {
  if (g == 'm' || g == 'M') return 'm';
  if (g == 'f' || g == 'F') return 'f';
  return '?';
}

// How an entity is matched.
enum class Kind : unsigned char {
  kSplitPerson,  // a person with a surname: matched on name_key(surname)
  kWholePerson,  // a person known only by an unsplit name ("Kim Jong-un")
  kDescribed,    // a role-only person ("un ministre"): one document only
  kNamed,        // a state, organisation, group or unknown: exact folded key
};

// A surface form competing to be the canonical name.
struct NameForm {
  std::string text;
  int fullness = 0;  // persons: 1 surname only, 2 initial + surname, 3 full name
  int count = 0;
};

// Each document's name once, back to back in blocks that never move (so
// the views of Entity::documents stay valid while the table lives), and an
// open-addressing table of their indices to find a name again: about 60
// bytes a document, where a string and a hash-map node each took 130.
class DocumentNames {
 public:
  // The index of `name`, given in order of first sight.
  std::uint32_t intern(std::string_view name) {
    if (!views_.empty() && views_.back() == name) return static_cast<std::uint32_t>(views_.size() - 1);
    if ((views_.size() + 1) * 2 > slots_.size()) grow();
    std::size_t slot = find_slot(name);
    if (slots_[slot] != 0) return slots_[slot] - 1;
    views_.push_back(store(name));
    slots_[slot] = static_cast<std::uint32_t>(views_.size());
    return slots_[slot] - 1;
  }
  std::string_view name(std::uint32_t index) const { return views_[index]; }

 private:
  static constexpr std::size_t kBlockBytes = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_size_ = 0, block_used_ = 0;  // of blocks_.back()
  std::vector<std::string_view> views_;  // by index
  std::vector<std::uint32_t> slots_;     // index + 1; 0 is empty

  std::size_t find_slot(std::string_view name) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = std::hash<std::string_view>{}(name) & mask;
    while (slots_[slot] != 0 && views_[slots_[slot] - 1] != name) slot = (slot + 1) & mask;
    return slot;
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), 0);
    for (std::size_t i = 0; i < views_.size(); ++i) slots_[find_slot(views_[i])] = static_cast<std::uint32_t>(i + 1);
  }
  std::string_view store(std::string_view name) {
    if (name.size() > block_size_ - block_used_) {
      block_size_ = std::max(kBlockBytes, name.size());
      blocks_.push_back(std::make_unique<char[]>(block_size_));
      block_used_ = 0;
    }
    char* at = blocks_.back().get() + block_used_;
    std::copy(name.begin(), name.end(), at);
    block_used_ += name.size();
    return std::string_view(at, name.size());
  }
};

struct Record {
  Entity entity;
  Kind kind = Kind::kNamed;
  std::size_t rank = 0;   // order of creation among all entities ever made
  std::string match_key;  // document-local entities: their by_key key
  std::string given;      // the fullest given name seen (split persons)
  std::string given_key;  // given_key(given)
  std::string surname;    // the surname as first seen (split persons)
  std::string state_key;  // plain_key(state), for the state agreement test
  int mentions = 0;       // adds merged here: the frequency tie-break
  std::vector<NameForm> forms;
  // A corpus run replays documents in canonical order, so the indices of
  // an entity's documents grow and the last one tells whether a document is
  // new; `sorted_doc_ids` is only built once one comes out of order.
  uint32_t last_doc_id = 0;
  bool docs_ascending = true;
  std::vector<uint32_t> sorted_doc_ids;
  // Each alias's index in entity.aliases, made once the entity has
  // kAliasesByScan of them (count_aliases): an entity named in thousands
  // of ways asked each of them for each new one.
  std::unordered_map<std::string, std::size_t> alias_at;
};

// What add() has cleaned up from a DocEntity.
struct Incoming {
  Kind kind = Kind::kNamed;
  std::string name;       // sanitized
  std::string display;    // the form this add proposes as canonical name
  int fullness = 0;
  std::string given;
  std::string given_key;
  std::string surname;
  std::string match_key;  // surname key, whole-name key or exact key
  std::string role;
  std::string state;
  std::string state_key;
  Gender gender = '?';
};

bool contains(std::string_view haystack, std::string_view needle) {
  return !needle.empty() && haystack.find(needle) != std::string_view::npos;
}

}  // namespace

std::string name_key(std::string_view name) {
  const std::string ascii = ascii_lower(sanitize(name));
  std::string key;
  std::string word;
  // Spaces, hyphens and other punctuation separate words, whose keys are
  // then joined (so "Le Graët" and "Legraet", "Jong-un" and "Jongun" meet);
  // apostrophes vanish inside a word (O'Neill, Zelens'kiy).
  for (char c : ascii) {
    if (is_ascii_alnum(c)) {
      word += c;
    } else if (c != '\'') {
      if (!word.empty()) key += word_key(word);
      word.clear();
    }
  }
  if (!word.empty()) key += word_key(word);
  return key;
}

bool given_names_compatible(std::string_view a, std::string_view b) {
  const std::vector<GivenPart> pa = given_parts(a);
  const std::vector<GivenPart> pb = given_parts(b);
  if (pa.empty() || pb.empty()) return true;
  std::string key_a, key_b;
  bool abbreviated = false;
  for (const GivenPart& p : pa) key_a += p.key, abbreviated |= p.abbreviated;
  for (const GivenPart& p : pb) key_b += p.key, abbreviated |= p.abbreviated;
  if (key_a == key_b) return true;
  // Without an abbreviation the keys decide: "Jean" is not
  // "Jean-Dominique", who is another person in French usage.
  if (!abbreviated) return false;
  // An abbreviation may stand for a compound name ("J." for
  // "Jean-Dominique"), but a compound abbreviation never for a simple name
  // ("J.-D." is not "Jean"): with unequal part counts, the shorter side must
  // be all abbreviations and match the first parts of the longer one.
  const std::vector<GivenPart>& shorter = pa.size() <= pb.size() ? pa : pb;
  const std::vector<GivenPart>& longer = pa.size() <= pb.size() ? pb : pa;
  if (shorter.size() != longer.size()) {
    for (const GivenPart& p : shorter) {
      if (!p.abbreviated) return false;
    }
  }
  for (std::size_t i = 0; i < shorter.size(); ++i) {
    if (!parts_match(shorter[i], longer[i])) return false;
  }
  return true;
}

struct EntityRegistry::Impl {
  explicit Impl(const WordClasses& word_classes) : words(word_classes) {}
  const WordClasses& words;  // descdet: the determiners of descriptions
  // Entities that may recur in other documents, in order of creation (a
  // deque keeps Entity pointers stable).
  std::deque<Record> records;
  // Document-local entities (anonymous descriptions: "un ministre" of one
  // article), by index with kLocal set, until retire_document() hands them
  // out; `open_locals` lists those not retired yet, in order of creation.
  static constexpr std::size_t kLocal = std::size_t{1} << (sizeof(std::size_t) * 8 - 1);
  std::unordered_map<std::size_t, Record> locals;
  std::vector<std::size_t> open_locals;
  std::size_t next_local = 0;
  std::size_t created = 0;  // entities ever made: the next rank
  // Ids of retired entities, never given again. A numbered id
  // ("le-ministre-7") needs no entry: numbered_id_given() knows it from
  // next_suffix. Only the others are kept ("le-ministre"), as many as the
  // distinct slugs of retired entities, not one per retired entity.
  std::unordered_set<std::string> retired_plain_ids;
  Record& record(std::size_t index) { return index & kLocal ? locals.at(index) : records[index]; }
  const Record& record(std::size_t index) const { return index & kLocal ? locals.at(index) : records[index]; }
  std::unordered_map<std::string, std::vector<std::size_t>> by_surname;
  std::unordered_map<std::string, std::vector<std::size_t>> by_whole_name;
  std::unordered_map<std::string, std::size_t> by_key;
  std::unordered_map<std::string, std::size_t> by_id;
  std::unordered_map<std::string, int> next_suffix;
  DocumentNames doc_names;

  Incoming prepare(const DocEntity& e, const std::string& name, std::string_view document) const;
  std::size_t find_person(const Incoming& in) const;
  std::size_t create(const Incoming& in);
  void merge(std::size_t index, const Incoming& in, const DocEntity& e, std::string_view document);
  void index_whole_names(std::size_t index);
  void note_document(Record& r, std::string_view document);
  bool numbered_id_given(std::string_view id) const;
  bool id_taken(const std::string& id) const;
  std::string unique_id(const std::string& display);
};

Incoming EntityRegistry::Impl::prepare(const DocEntity& e, const std::string& name,
                                       std::string_view document) const {
  Incoming in;
  in.name = name;
  in.display = name;
  in.role = sanitize(e.role);
  in.state = sanitize(e.state);
  if (!has_alnum(in.state)) in.state.clear();
  in.state_key = plain_key(in.state);
  in.gender = clean_gender(e.gender);
  if (e.type != EntityType::kPerson) {
    in.kind = Kind::kNamed;
    // Groups ("les manifestants", "des séparatistes") are only one entity
    // when they also belong to the same state.
    in.match_key = e.type == EntityType::kGroup
                       ? "g\x1f" + plain_key(name) + "\x1f" + in.state_key
                       : "n\x1f" + plain_key(name);
    return in;
  }
  in.given = sanitize(e.given_name);
  if (!has_alnum(in.given)) in.given.clear();
  in.surname = sanitize(e.surname);
  if (!has_alnum(in.surname)) in.surname.clear();
  // An unsplit name of one word ("Pachinyan") is a surname; an unsplit
  // name of several ("Kim Jong-un", whose surname comes first) is keyed
  // whole, since which word is the surname is unknown.
  if (in.surname.empty() && in.given.empty() && !is_description(name, in.role, words) &&
      name.find(' ') == std::string::npos) {
    in.surname = name;
  }
  if (!in.surname.empty()) {
    in.kind = Kind::kSplitPerson;
    in.match_key = person_key(in.surname);
    in.given_key = given_key(in.given);
    if (in.given.empty()) {
      in.display = in.surname;
      in.fullness = 1;
    } else {
      // Keep the document's own order when it wrote both parts
      // ("Kim Jong-un"); otherwise the French order, given name first.
      in.display = contains(name, in.given) && contains(name, in.surname)
                       ? name
                       : in.given + " " + in.surname;
      in.fullness = given_is_abbreviated(in.given) ? 2 : 3;
    }
  } else if (!in.given.empty() || !is_description(name, in.role, words)) {
    in.kind = Kind::kWholePerson;
    in.match_key = person_key(name);
    in.fullness = in.given.empty() ? 3 : 1;  // a given name alone is the least
  } else {
    // "un ministre" in one article is not "un ministre" in another.
    in.kind = Kind::kDescribed;
    in.match_key = "a\x1f" + std::string(document) + "\x1f" + plain_key(name);
  }
  return in;
}

// The person `in` names, or npos. Among compatible candidates (given names
// compatible, states and genders not in conflict) the one with the same
// given name wins, then the most frequent, then the first created: an
// ambiguous surname alone ("Dupont" with Jean and Marie Dupont known) goes
// to the Dupont mentioned most so far. An incoming name with no compatible
// candidate makes a new person.
std::size_t EntityRegistry::Impl::find_person(const Incoming& in) const {
  const std::size_t npos = static_cast<std::size_t>(-1);
  std::size_t best = npos;
  std::tuple<bool, int> best_score{false, -1};
  auto consider = [&](std::size_t index) {
    const Record& r = records[index];
    if (!in.state_key.empty() && !r.state_key.empty() && in.state_key != r.state_key) return;
    if (in.gender != '?' && r.entity.gender != '?' && in.gender != r.entity.gender) return;
    if (r.kind == Kind::kSplitPerson && !given_names_compatible(r.given, in.given)) return;
    const bool same_given = !in.given_key.empty() && in.given_key == r.given_key;
    const std::tuple<bool, int> score{same_given, r.mentions};
    // Strictly greater keeps the first created on ties (indices ascend).
    if (best == npos || score > best_score) {
      best = index;
      best_score = score;
    }
  };
  if (in.kind == Kind::kSplitPerson) {
    auto it = by_surname.find(in.match_key);
    if (it != by_surname.end()) {
      for (std::size_t index : it->second) consider(index);
    }
    if (best != npos || in.given.empty()) return best;
    // A person first met unsplit ("Kim Jong-un") meets its split form
    // through the whole-name key, in either order of the parts.
    for (const std::string& key :
         {name_key(in.given + " " + in.surname), name_key(in.surname + " " + in.given)}) {
      auto whole = by_whole_name.find(key);
      if (whole == by_whole_name.end()) continue;
      for (std::size_t index : whole->second) {
        if (records[index].kind == Kind::kWholePerson) consider(index);
      }
    }
    return best;
  }
  auto whole = by_whole_name.find(in.match_key);
  if (whole != by_whole_name.end()) {
    for (std::size_t index : whole->second) consider(index);
  }
  return best;
}

// True when `id` is "BASE-N" and unique_id() has already looked at N for
// BASE: it tries BASE-2, BASE-3, ... in turn from next_suffix[BASE], so
// every number below next_suffix[BASE] was either given or already taken.
// N is written without leading zeros, as std::to_string writes it.
bool EntityRegistry::Impl::numbered_id_given(std::string_view id) const {
  const std::size_t dash = id.rfind('-');
  if (dash == std::string_view::npos) return false;
  const std::string_view digits = id.substr(dash + 1);
  if (digits.empty() || digits.size() > 9 || digits[0] == '0') return false;
  int number = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    number = number * 10 + (c - '0');
  }
  auto it = next_suffix.find(std::string(id.substr(0, dash)));
  return number >= 2 && it != next_suffix.end() && number < it->second;
}

// True when `id` was ever given: to a live entity or to a retired one.
bool EntityRegistry::Impl::id_taken(const std::string& id) const {
  return by_id.count(id) != 0 || retired_plain_ids.count(id) != 0 || numbered_id_given(id);
}

std::string EntityRegistry::Impl::unique_id(const std::string& display) {
  const std::string base = slug(display);
  if (!id_taken(base)) return base;
  int& suffix = next_suffix[base];
  if (suffix < 2) suffix = 2;
  for (;; ++suffix) {
    std::string candidate = base + "-" + std::to_string(suffix);
    if (!id_taken(candidate)) {
      ++suffix;
      return candidate;
    }
  }
}

void EntityRegistry::Impl::index_whole_names(std::size_t index) {
  const Record& r = records[index];
  std::vector<std::string> keys;
  if (r.kind == Kind::kWholePerson) {
    keys.push_back(person_key(r.forms.front().text));
  } else if (r.kind == Kind::kSplitPerson && !r.given.empty() && !given_is_abbreviated(r.given)) {
    keys.push_back(name_key(r.given + " " + r.surname));
    keys.push_back(name_key(r.surname + " " + r.given));
  }
  for (const std::string& key : keys) {
    if (key.empty()) continue;
    std::vector<std::size_t>& list = by_whole_name[key];
    if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
  }
}

std::size_t EntityRegistry::Impl::create(const Incoming& in) {
  std::size_t index;
  Record* created_record;
  if (in.kind == Kind::kDescribed) {
    index = kLocal | next_local++;
    created_record = &locals[index];
    open_locals.push_back(index);
  } else {
    index = records.size();
    records.emplace_back();
    created_record = &records.back();
  }
  Record& r = *created_record;
  r.rank = created++;
  r.kind = in.kind;
  r.entity.id = unique_id(in.display);
  r.entity.name = in.display;
  r.forms.push_back(NameForm{in.display, in.fullness, 0});
  by_id.emplace(r.entity.id, index);
  switch (in.kind) {
    case Kind::kSplitPerson:
      r.surname = in.surname;
      by_surname[in.match_key].push_back(index);
      break;
    case Kind::kWholePerson:
      index_whole_names(index);
      break;
    case Kind::kDescribed:
    case Kind::kNamed:
      by_key.emplace(in.match_key, index);
      if (in.kind == Kind::kDescribed) r.match_key = in.match_key;
      break;
  }
  return index;
}

namespace {

// How many aliases an entity may have before count_aliases finds them by
// r.alias_at rather than by a scan.
constexpr std::size_t kAliasesByScan = 16;

// Aliases: each surface form once per occurrence. A DocEntity without
// aliases still occurred once, under its name.
void count_aliases(Record& r, const Incoming& in, const DocEntity& e) {
  std::vector<std::pair<std::string, int>>& aliases = r.entity.aliases;
  auto count_alias = [&](const std::string& alias) {
    if (!has_alnum(alias)) return;
    if (aliases.size() < kAliasesByScan) {
      for (auto& pair : aliases) {
        if (pair.first == alias) {
          ++pair.second;
          return;
        }
      }
    } else {
      // Every alias is in the vector once (this is the only place that
      // adds one), so the index is whole when its size is the vector's.
      if (r.alias_at.size() != aliases.size()) {
        r.alias_at.clear();
        for (std::size_t i = 0; i < aliases.size(); ++i) r.alias_at.emplace(aliases[i].first, i);
      }
      const auto [at, added] = r.alias_at.emplace(alias, aliases.size());
      if (!added) {
        ++aliases[at->second].second;
        return;
      }
    }
    aliases.emplace_back(alias, 1);
  };
  if (e.aliases.empty()) {
    count_alias(in.name);
  } else {
    for (const std::string& alias : e.aliases) count_alias(sanitize(alias));
  }
}

}  // namespace

// Adds `document` to the documents of `r`, once.
void EntityRegistry::Impl::note_document(Record& r, std::string_view document) {
  const uint32_t doc_id = doc_names.intern(document);
  std::vector<std::string_view>& documents = r.entity.documents;
  if (r.docs_ascending) {
    if (!documents.empty() && doc_id == r.last_doc_id) return;
    if (documents.empty() || doc_id > r.last_doc_id) {
      r.last_doc_id = doc_id;
      documents.push_back(doc_names.name(doc_id));
      return;
    }
    // Out of order: index the list from now on.
    r.docs_ascending = false;
    for (std::string_view name : documents) r.sorted_doc_ids.push_back(doc_names.intern(name));
    std::sort(r.sorted_doc_ids.begin(), r.sorted_doc_ids.end());
  }
  auto pos = std::lower_bound(r.sorted_doc_ids.begin(), r.sorted_doc_ids.end(), doc_id);
  if (pos == r.sorted_doc_ids.end() || *pos != doc_id) {
    r.sorted_doc_ids.insert(pos, doc_id);
    documents.push_back(doc_names.name(doc_id));
  }
}

void EntityRegistry::Impl::merge(std::size_t index, const Incoming& in, const DocEntity& e,
                                 std::string_view document) {
  Record& r = record(index);
  Entity& entity = r.entity;
  ++r.mentions;

  // The canonical name: fullest form, then most frequent, then first seen.
  auto form = std::find_if(r.forms.begin(), r.forms.end(),
                           [&](const NameForm& f) { return f.text == in.display; });
  if (form == r.forms.end()) {
    r.forms.push_back(NameForm{in.display, in.fullness, 0});
    form = r.forms.end() - 1;
  }
  form->fullness = std::max(form->fullness, in.fullness);
  ++form->count;
  const NameForm* best = &r.forms.front();
  for (const NameForm& f : r.forms) {
    if (std::tie(f.fullness, f.count) > std::tie(best->fullness, best->count)) best = &f;
  }
  entity.name = best->text;

  // A surname-only or initial-only person learns the full given name, which
  // then guards it against other given names.
  if (r.kind == Kind::kSplitPerson && !in.given.empty() &&
      (r.given.empty() || (given_is_abbreviated(r.given) && !given_is_abbreviated(in.given)))) {
    r.given = in.given;
    r.given_key = in.given_key;
    index_whole_names(index);
  }

  if (entity.type == EntityType::kUnknown) entity.type = e.type;
  if (entity.role.empty()) entity.role = in.role;
  if (entity.state.empty() && !in.state.empty()) {
    entity.state = in.state;
    r.state_key = in.state_key;
  }
  if (entity.gender == '?') entity.gender = in.gender;

  count_aliases(r, in, e);
  note_document(r, document);
}

EntityRegistry::EntityRegistry(const WordClasses& words)
    : words_(&words), impl_(std::make_unique<Impl>(words)) {}
EntityRegistry::~EntityRegistry() = default;
EntityRegistry::EntityRegistry(EntityRegistry&&) noexcept = default;
EntityRegistry& EntityRegistry::operator=(EntityRegistry&&) noexcept = default;

std::string EntityRegistry::add(const DocEntity& e, std::string_view document) {
  // A moved-from registry starts afresh rather than crash.
  if (!impl_) impl_ = std::make_unique<Impl>(*words_);
  const std::string name = sanitize(e.name);
  // A name of punctuation or invisible characters names nothing.
  if (!has_alnum(name)) return "";
  const Incoming in = impl_->prepare(e, name, document);
  std::size_t index = static_cast<std::size_t>(-1);
  if (in.kind == Kind::kSplitPerson || in.kind == Kind::kWholePerson) {
    index = impl_->find_person(in);
  } else {
    auto it = impl_->by_key.find(in.match_key);
    if (it != impl_->by_key.end()) index = it->second;
  }
  if (index == static_cast<std::size_t>(-1)) index = impl_->create(in);
  impl_->merge(index, in, e, document);
  return impl_->record(index).entity.id;
}

void EntityRegistry::count_claim(std::string_view id, bool as_speaker) {
  if (!impl_) return;
  auto it = impl_->by_id.find(std::string(id));
  if (it == impl_->by_id.end()) return;
  Entity& entity = impl_->record(it->second).entity;
  ++(as_speaker ? entity.claims_said : entity.claims_targeted);
}

void EntityRegistry::note_date(std::string_view id, std::string_view day) {
  if (!impl_ || day.empty()) return;
  auto it = impl_->by_id.find(std::string(id));
  if (it == impl_->by_id.end()) return;
  Entity& entity = impl_->record(it->second).entity;
  if (entity.first_date.empty() || day < entity.first_date) entity.first_date = std::string(day);
  if (entity.last_date.empty() || day > entity.last_date) entity.last_date = std::string(day);
}

const Entity* EntityRegistry::find(std::string_view id) const {
  if (!impl_) return nullptr;
  auto it = impl_->by_id.find(std::string(id));
  return it == impl_->by_id.end() ? nullptr : &impl_->record(it->second).entity;
}

std::vector<const Entity*> EntityRegistry::entities() const {
  std::vector<const Entity*> out;
  for (const RankedEntity& r : ranked_entities()) out.push_back(r.entity);
  return out;
}

std::vector<EntityRegistry::RankedEntity> EntityRegistry::ranked_entities() const {
  std::vector<RankedEntity> out;
  if (!impl_) return out;
  out.reserve(impl_->records.size() + impl_->open_locals.size());
  for (const Record& r : impl_->records) out.push_back(RankedEntity{r.rank, &r.entity});
  for (std::size_t index : impl_->open_locals) {
    const Record& r = impl_->locals.at(index);
    out.push_back(RankedEntity{r.rank, &r.entity});
  }
  std::sort(out.begin(), out.end(), [](const RankedEntity& a, const RankedEntity& b) { return a.rank < b.rank; });
  return out;
}

std::vector<EntityRegistry::RetiredEntity> EntityRegistry::retire_local_entities() {
  std::vector<RetiredEntity> out;
  if (!impl_) return out;
  out.reserve(impl_->open_locals.size());
  for (std::size_t index : impl_->open_locals) {
    auto it = impl_->locals.find(index);
    Record& r = it->second;
    impl_->by_id.erase(r.entity.id);
    if (!impl_->numbered_id_given(r.entity.id)) impl_->retired_plain_ids.insert(r.entity.id);
    impl_->by_key.erase(r.match_key);
    out.push_back(RetiredEntity{r.rank, std::move(r.entity)});
    impl_->locals.erase(it);
  }
  impl_->open_locals.clear();
  return out;
}

}  // namespace quotegraph
