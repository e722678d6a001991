// Claims JSONL with nlohmann::json, for writing as for reading. Writing
// never fails: bytes that are not UTF-8 are replaced by U+FFFD when the line
// is dumped, and the keys keep the documented order (ordered_json). Reading is lenient
// about what is optional (other tools write only document, start, end,
// kind, a speaker name and target names) and strict about types, so a
// malformed line is reported with the field at fault instead of being
// half-read.
#include "quotegraph/export/claims_io.h"
#include "claims_json.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <string_view>

#include <nlohmann/json.hpp>

// plain_ascii_end reads sixteen bytes at a time with SSE2 (x86-64's
// baseline), eight at a time elsewhere with GCC or Clang.
#if defined(__SSE2__) && defined(__x86_64__)
#define QUOTEGRAPH_JSON_SSE2 1
#include <emmintrin.h>
#endif

#include "quotegraph/text/excerpt.h"

namespace quotegraph {

namespace {

using detail::bad_field;
using detail::first_error;

using Json = nlohmann::json;
// Written lines keep the documented key order; reading does not care.
using OrderedJson = nlohmann::ordered_json;

// Excerpts in diagnostics stay one short line.
constexpr std::size_t kMaxExcerptBytes = 80;

OrderedJson string_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

// replace: invalid UTF-8 from an article must not abort the export. Each
// ill-formed sequence (a stray byte, an overlong form, an encoded surrogate,
// a code point above U+10FFFF) becomes U+FFFD, so every line written is
// valid UTF-8 and reads back with claim_from_json.
template <typename J>
std::string dump(const J& j) {
  return j.dump(-1, ' ', false, J::error_handler_t::replace);
}

// A bad value as quoted in an error message, cut to stay one short line.
std::string shown(const Json& j) { return cut_excerpt(dump(j), kMaxExcerptBytes); }

// Field readers: each returns an error Status (kBadClaims, no file: the
// caller names the line) whose message names the field.

// The value of `field` in `obj`, nullptr when it is absent or null; an
// error when it is absent or null and `required`.
Result<const Json*> field_value(const Json& obj, const char* field, bool required) {
  auto it = obj.find(field);
  if (it != obj.end() && !it->is_null()) return &*it;
  if (required) return bad_field(std::string("missing \"") + field + "\"");
  return static_cast<const Json*>(nullptr);
}

Status read_offset(const Json& obj, const char* field, bool required, std::uint32_t& out) {
  const Result<const Json*> value = field_value(obj, field, required);
  if (!value || !*value) return value.status();
  const Json& it = **value;
  // nlohmann parses non-negative integers as unsigned, negative ones as
  // signed, anything with a dot or exponent as float.
  if (!it.is_number_unsigned() || it.get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max())
    return bad_field(std::string("\"") + field + "\" must be an integer from 0 to 4294967295, got " + shown(it));
  out = static_cast<std::uint32_t>(it.get<std::uint64_t>());
  return Status();
}

Status read_string(const Json& obj, const char* field, bool required, std::string& out) {
  const Result<const Json*> value = field_value(obj, field, required);
  if (!value || !*value) return value.status();
  const Json& it = **value;
  if (!it.is_string()) return bad_field(std::string("\"") + field + "\" must be a string, got " + shown(it));
  out = it.get<std::string>();
  return Status();
}

Status read_mention(const Json& j, const std::string& where, Mention& out) {
  if (j.is_null()) return Status();
  if (!j.is_object()) return bad_field(where + " must be an object {text, start, end} or null, got " + shown(j));
  const Status fields = first_error({read_string(j, "text", false, out.text),
                                     read_offset(j, "start", false, out.begin),
                                     read_offset(j, "end", false, out.end)});
  if (!fields) return bad_field(where + ": " + fields.message());
  if (out.end < out.begin)
    return bad_field(where + ": end " + std::to_string(out.end) + " is before start " + std::to_string(out.begin));
  return Status();
}

Status read_entity_type(const Json& obj, const char* field, EntityType& out) {
  std::string name;
  if (Status s = read_string(obj, field, false, name); !s) return s;
  if (name.empty()) return Status();
  auto type = parse_entity_type(name);
  if (!type) return bad_field(std::string("unknown \"") + field + "\" \"" + name + "\"");
  out = *type;
  return Status();
}

// A list field aligned with "targets": nullptr when absent or null, else
// an array of the same length.
Result<const Json*> aligned_list(const Json& obj, const char* field, std::size_t size) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return static_cast<const Json*>(nullptr);
  if (!it->is_array()) return bad_field(std::string("\"") + field + "\" must be an array");
  if (it->size() != size) {
    return bad_field(std::string("\"") + field + "\" has " + std::to_string(it->size()) +
                     " entries but \"targets\" has " + std::to_string(size));
  }
  return &*it;
}

Status read_speaker(const Json& obj, Claim& claim) {
  auto it = obj.find("speaker");
  const bool has_id = obj.contains("speaker_id") && !obj["speaker_id"].is_null();
  if (it == obj.end() || it->is_null()) {
    if (has_id) return bad_field("\"speaker_id\" is set but \"speaker\" is null");
    return Status();
  }
  if (!it->is_string()) return bad_field("\"speaker\" must be a name string or null, got " + shown(*it));
  EntityRef ref;
  ref.name = it->get<std::string>();
  if (Status s = first_error({read_string(obj, "speaker_id", false, ref.id),
                              read_entity_type(obj, "speaker_type", ref.type)});
      !s) {
    return s;
  }
  if (auto m = obj.find("speaker_mention"); m != obj.end()) {
    if (Status s = read_mention(*m, "\"speaker_mention\"", ref.mention); !s) return s;
  }
  claim.speaker = std::move(ref);
  return Status();
}

// Target `i` of "targets" (`name`), with its id and mention when the
// aligned lists give them.
Status read_target(const Json& name, std::size_t i, const Json* ids, const Json* mentions, EntityRef& ref) {
  if (!name.is_string())
    return bad_field("\"targets\"[" + std::to_string(i) + "] must be a name string, got " + shown(name));
  ref.name = name.get<std::string>();
  if (ids != nullptr) {
    const Json& id = (*ids)[i];
    if (id.is_string()) {
      ref.id = id.get<std::string>();
    } else if (!id.is_null()) {
      return bad_field("\"target_ids\"[" + std::to_string(i) + "] must be a string or null, got " + shown(id));
    }
  }
  if (mentions == nullptr) return Status();
  return read_mention((*mentions)[i], "\"target_mentions\"[" + std::to_string(i) + "]", ref.mention);
}

Status read_targets(const Json& obj, Claim& claim) {
  auto it = obj.find("targets");
  if (it == obj.end() || it->is_null()) {
    for (const char* field : {"target_ids", "target_mentions"}) {
      auto other = obj.find(field);
      if (other != obj.end() && other->is_array() && !other->empty())
        return bad_field(std::string("\"") + field + "\" is set but \"targets\" is missing");
    }
    return Status();
  }
  if (!it->is_array()) return bad_field("\"targets\" must be an array of names, got " + shown(*it));
  const Result<const Json*> ids = aligned_list(obj, "target_ids", it->size());
  if (!ids) return ids.status();
  const Result<const Json*> mentions = aligned_list(obj, "target_mentions", it->size());
  if (!mentions) return mentions.status();
  for (std::size_t i = 0; i < it->size(); ++i) {
    EntityRef ref;
    if (Status s = read_target((*it)[i], i, *ids, *mentions, ref); !s) return s;
    claim.targets.push_back(std::move(ref));
  }
  return Status();
}

Status read_claim(const Json& obj, Claim& claim) {
  if (!obj.is_object()) return bad_field("a claim must be a JSON object, got " + std::string(obj.type_name()));
  std::string kind;
  if (Status s = first_error({read_string(obj, "document", true, claim.document),
                              read_offset(obj, "start", true, claim.begin),
                              read_offset(obj, "end", true, claim.end),
                              read_string(obj, "kind", true, kind),
                              read_string(obj, "text", false, claim.text),
                              read_string(obj, "cue", false, claim.cue)});
      !s) {
    return s;
  }
  if (claim.end < claim.begin) {
    return bad_field("\"end\" " + std::to_string(claim.end) + " is before \"start\" " +
                     std::to_string(claim.begin));
  }
  auto parsed_kind = parse_claim_kind(kind);
  if (!parsed_kind) return bad_field("unknown \"kind\" \"" + kind + "\" (expected direct, mixed, indirect or act)");
  claim.kind = *parsed_kind;

  std::string relation;
  if (Status s = read_string(obj, "relation", false, relation); !s) return s;
  if (!relation.empty()) {
    auto parsed = parse_relation(relation);
    if (!parsed) return bad_field("unknown \"relation\" \"" + relation + "\"");
    claim.relation = *parsed;
  }
  if (Status s = read_speaker(obj, claim); !s) return s;
  return read_targets(obj, claim);
}

// The first bytes of `line`, cut on a UTF-8 boundary.
std::string excerpt_of(const std::string& line) { return cut_excerpt(line, kMaxExcerptBytes); }

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Length of the well-formed UTF-8 sequence at `s[i]` (Unicode table 3-7:
// no overlong form, no surrogate, nothing above U+10FFFF), 0 when it is
// ill-formed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
  else if (b0 >= 0xE0 && b0 <= 0xEF) n = 3, low = b0 == 0xE0 ? 0xA0 : 0x80, high = b0 == 0xED ? 0x9F : 0xBF;
  else if (b0 >= 0xF0 && b0 <= 0xF4) n = 4, low = b0 == 0xF0 ? 0x90 : 0x80, high = b0 == 0xF4 ? 0x8F : 0xBF;
  else return 0;
  if (i + n > s.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

// Whether byte `c` goes into a JSON string as it is and is ASCII: a
// printable character other than " and \.
bool plain_ascii(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// The end of the run of plain_ascii bytes of `s` that starts at `i`.
// Sixteen or eight bytes at a time: a claim's text is most of its line,
// and most of it such bytes between two accented letters.
std::size_t plain_ascii_end(std::string_view s, std::size_t i) {
#if defined(QUOTEGRAPH_JSON_SSE2)
  // Read as signed bytes, those >= 0x80 are negative: one comparison with
  // 0x20 flags them and the control characters together.
  const __m128i spaces = _mm_set1_epi8(0x20), quotes = _mm_set1_epi8('"'), backslashes = _mm_set1_epi8('\\');
  while (i + 16 <= s.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i stops = _mm_or_si128(
        _mm_cmplt_epi8(bytes, spaces), _mm_or_si128(_mm_cmpeq_epi8(bytes, quotes), _mm_cmpeq_epi8(bytes, backslashes)));
    const int mask = _mm_movemask_epi8(stops);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  while (i + 8 <= s.size()) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);  // s[i] in the lowest byte
    // The lowest byte flagged by each test is a byte that is not plain
    // (a flag above it may be a borrow's): bytes >= 0x80, bytes < 0x20
    // (exact once no byte is >= 0x80), and bytes equal to " or \.
    const std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
    const std::uint64_t stop = (w | ((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
                                ((backslash - kOnes) & ~backslash)) & kHigh;
    if (stop != 0) return i + static_cast<std::size_t>(__builtin_ctzll(stop) / 8);
    i += 8;
  }
#endif
  while (i < s.size() && plain_ascii(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// Appends `s` as a JSON string exactly as nlohmann's dump() writes it with
// ensure_ascii off: the two-character escapes, \u00xx for the other
// control characters, every other character as it is. A string that is
// not well-formed UTF-8 goes through dump() itself, whose replacement of
// each ill-formed sequence by U+FFFD is the contract.
void append_json_string(std::string& out, std::string_view s) {
  const std::size_t mark = out.size();
  out += '"';
  // Bytes written as they are go out in runs, not one call per byte: a
  // claim's text is most of its line.
  std::size_t run = 0;
  for (std::size_t i = plain_ascii_end(s, 0); i < s.size(); i = plain_ascii_end(s, i)) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence_length(s, i);
      if (n == 0) {
        out.resize(mark);
        out += dump(OrderedJson(std::string(s)));
        return;
      }
      i += n;
      continue;
    }
    out.append(s, run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char code[8];
        std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(c));
        out += code;
      }
    }
    run = ++i;
  }
  out.append(s, run, s.size() - run);
  out += '"';
}

// Appends `"key":` (keys are ASCII words with nothing to escape), put
// together on the stack and appended at once: one library call a key, not
// three (a claim line has a dozen keys).
void append_key(std::string& out, std::string_view key) {
  char buffer[32];
  if (key.size() + 3 > sizeof buffer) {
    out += '"';
    out.append(key.data(), key.size());
    out.append("\":", 2);
    return;
  }
  buffer[0] = '"';
  std::copy(key.begin(), key.end(), buffer + 1);
  buffer[key.size() + 1] = '"';
  buffer[key.size() + 2] = ':';
  out.append(buffer, key.size() + 3);
}

// Appends ,"start":B,"end":E through a buffer on the stack: no string is
// made per number (every claim and every mention has two).
void append_offsets(std::string& out, std::uint32_t begin, std::uint32_t end) {
  constexpr std::string_view kStart = ",\"start\":", kEnd = ",\"end\":";
  char buffer[64];
  char* p = std::copy(kStart.begin(), kStart.end(), buffer);
  p = std::to_chars(p, buffer + sizeof buffer, begin).ptr;
  p = std::copy(kEnd.begin(), kEnd.end(), p);
  p = std::to_chars(p, buffer + sizeof buffer, end).ptr;
  out.append(buffer, p);
}

void append_string_or_null(std::string& out, const std::string& s) {
  if (s.empty()) out += "null";
  else append_json_string(out, s);
}

void append_mention(std::string& out, const Mention& m) {
  if (m.text.empty() && m.begin == 0 && m.end == 0) {
    out += "null";
    return;
  }
  out += "{\"text\":";
  append_json_string(out, m.text);
  append_offsets(out, m.begin, m.end);
  out += '}';
}

// Appends the speaker's four keys, each null when the claim has none.
void append_speaker(std::string& out, const std::optional<EntityRef>& speaker) {
  if (!speaker) {
    out += ",\"speaker\":null,\"speaker_id\":null,\"speaker_type\":null,\"speaker_mention\":null";
    return;
  }
  out += ',';
  append_key(out, "speaker");
  append_json_string(out, speaker->name);
  out += ',';
  append_key(out, "speaker_id");
  append_string_or_null(out, speaker->id);
  out += ',';
  append_key(out, "speaker_type");
  append_json_string(out, entity_type_name(speaker->type));
  out += ',';
  append_key(out, "speaker_mention");
  append_mention(out, speaker->mention);
}

// Appends the three parallel arrays of the targets: names, ids, mentions.
void append_targets(std::string& out, const std::vector<EntityRef>& targets) {
  const auto append_array = [&](const char* key, auto&& append_one) {
    out += ',';
    append_key(out, key);
    out += '[';
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (i > 0) out += ',';
      append_one(targets[i]);
    }
    out += ']';
  };
  append_array("targets", [&](const EntityRef& t) { append_json_string(out, t.name); });
  append_array("target_ids", [&](const EntityRef& t) { append_string_or_null(out, t.id); });
  append_array("target_mentions", [&](const EntityRef& t) { append_mention(out, t.mention); });
}

// The claim's line without its closing brace, the keys in the documented
// order, byte for byte what dump() of the ordered object gave (written
// directly: building a JSON tree per claim cost more than the analysis of
// a short quotation).
std::string open_claim_line(const Claim& claim) {
  std::string out;
  out.reserve(256 + claim.text.size());
  out += "{\"document\":";
  append_json_string(out, claim.document);
  append_offsets(out, claim.begin, claim.end);
  out += ',';
  append_key(out, "text");
  append_json_string(out, claim.text);
  out += ',';
  append_key(out, "kind");
  append_json_string(out, claim_kind_name(claim.kind));
  append_speaker(out, claim.speaker);
  out += ',';
  append_key(out, "cue");
  append_string_or_null(out, claim.cue);
  out += ',';
  append_key(out, "relation");
  append_json_string(out, relation_name(claim.relation));
  append_targets(out, claim.targets);
  return out;
}

// The metadata keys after the claim's own, each only when the document
// gives it, in the documented order: date, source, url, title.
void append_meta(std::string& out, const DocumentMeta& meta) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"date", &meta.date}, {"source", &meta.source}, {"url", &meta.url}, {"title", &meta.title}};
  for (const auto& [key, value] : fields) {
    if (value->empty()) continue;
    out += ',';
    append_key(out, key);
    append_json_string(out, *value);
  }
}

}  // namespace

std::string claim_to_json(const Claim& claim) { return open_claim_line(claim) + '}'; }

std::string claim_to_json(const Claim& claim, const DocumentMeta& meta) {
  std::string out = open_claim_line(claim);
  append_meta(out, meta);
  out += '}';
  return out;
}

Result<Claim> claim_from_json(const std::string& line) {
  Json j;
  try {
    j = Json::parse(line);
  } catch (const Json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: …"
    std::string what = e.what();
    const auto pos = what.find("] ");
    if (what.rfind("[json.exception", 0) == 0 && pos != std::string::npos) what.erase(0, pos + 2);
    return Status::error(DiagCode::kBadClaims, "", 0, "invalid JSON: " + what);
  }
  return detail::claim_from_json_object(j);
}

std::string rename_claim_line(const std::string& line, const EntityRegistry& registry) {
  Result<Claim> claim = claim_from_json(line);
  if (!claim) return line;
  auto rename = [&](EntityRef& ref) {
    if (ref.id.empty()) return;
    if (const Entity* e = registry.find(ref.id)) ref.name = e->name;
  };
  if (claim->speaker) rename(*claim->speaker);
  for (EntityRef& t : claim->targets) rename(t);
  // The metadata keys are no part of Claim: carried over from the line.
  return claim_to_json(*claim, document_meta_from_json(line));
}

std::vector<Claim> read_claims(std::istream& in, const std::string& source_name,
                               Diagnostics& diags) {
  std::vector<Claim> claims;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
    if (is_blank(line)) continue;
    if (auto claim = claim_from_json(line)) {
      claims.push_back(std::move(*claim));
    } else {
      diags.error(DiagCode::kBadClaims, source_name, line_number,
                  "line " + std::to_string(line_number) + ": " + claim.status().message(), excerpt_of(line),
                  "line");
    }
  }
  if (in.bad()) {
    diags.error(DiagCode::kIoError, source_name, line_number,
                "read error after line " + std::to_string(line_number), {}, "line");
  }
  return claims;
}

DocumentMeta document_meta_from_json(const std::string& line) {
  DocumentMeta meta;
  Json j = Json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return meta;
  for (auto [key, out] : {std::pair<const char*, std::string*>{"date", &meta.date},
                          {"source", &meta.source}, {"url", &meta.url}, {"title", &meta.title}}) {
    auto it = j.find(key);
    if (it != j.end() && it->is_string()) *out = it->get<std::string>();
  }
  return meta;
}

std::string entity_to_json(const Entity& entity) {
  OrderedJson j = OrderedJson::object();
  j["id"] = entity.id;
  j["name"] = entity.name;
  j["type"] = entity_type_name(entity.type);
  j["role"] = string_or_null(entity.role);
  j["state"] = string_or_null(entity.state);
  OrderedJson aliases = OrderedJson::array();
  for (const auto& [text, count] : entity.aliases) {
    aliases.push_back(OrderedJson{{"text", text}, {"count", count}});
  }
  j["aliases"] = std::move(aliases);
  OrderedJson documents = OrderedJson::array();
  for (std::string_view document : entity.documents) documents.push_back(std::string(document));
  j["documents"] = std::move(documents);
  j["claims_said"] = entity.claims_said;
  j["claims_targeted"] = entity.claims_targeted;
  if (!entity.first_date.empty()) {
    j["first_date"] = entity.first_date;
    j["last_date"] = entity.last_date;
  }
  return dump(j);
}

namespace detail {

Result<Claim> claim_from_json_object(const nlohmann::json& obj) {
  Claim claim;
  if (Status s = read_claim(obj, claim); !s) return s;
  return claim;
}

}  // namespace detail

}  // namespace quotegraph
