// Gold annotation files: parsing with every check of GOLD_FORMAT.md, the
// directory loader used by `quotegraph eval`, and the writers used by
// `quotegraph gold-draft` and by the evaluator's self-checks. nlohmann::json
// stays inside this file; its parse exceptions are caught here and turned
// into diagnostics with a line number.
#include "quotegraph/eval/gold.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

namespace detail {
namespace {

using nlohmann::json;

constexpr std::size_t kExcerptChars = 60;

// A short excerpt of `s` for a one-line message: at most kExcerptChars
// code points, an ellipsis marking the cut, control characters as \xNN.
std::string shorten(std::u32string_view s) {
  return escape_controls(cut_excerpt(s, 0, kExcerptChars));
}

std::string shorten_utf8(const std::string& s) {
  auto d = decode_utf8(s);
  return d ? shorten(d.text()) : escape_controls(cut_excerpt(s, 4 * kExcerptChars));
}

// The line and column (both from 1, column in bytes) of byte `index`.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t index) {
  index = std::min(index, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < index; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, index - line_start + 1};
}

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at
// line 3, column 7: syntax error while parsing value - unexpected ']'"; the
// position is reported separately, so keep only the explanation.
std::string parse_error_detail(std::string what) {
  if (!what.empty() && what[0] == '[') {
    const auto p = what.find("] ");
    if (p != std::string::npos) what.erase(0, p + 2);
  }
  if (what.rfind("parse error", 0) == 0) {
    const auto p = what.find(": ");
    if (p != std::string::npos) what.erase(0, p + 2);
  }
  return what;
}

std::string json_brief(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  return s.size() > 40 ? s.substr(0, 40) + "..." : s;
}

const char* json_type_name(const json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

// Collects the problems of one gold file; every message names the file.
class Checker {
 public:
  Checker(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void error(std::size_t offset, const std::string& message, const std::string& excerpt = {}) {
    ++errors_;
    diags_.error(DiagCode::kBadGold, file_, offset, message, excerpt);
  }
  void warning(std::size_t offset, const std::string& message) {
    diags_.warning(DiagCode::kBadGold, file_, offset, message);
  }
  std::size_t errors() const { return errors_; }

  // Field `key` of object `obj` as a string; `null_ok` accepts null (then
  // `out` stays empty and `is_null` is set). Reports a missing or mistyped
  // field under `where`.
  bool get_string(const json& obj, const char* key, const std::string& where, std::size_t offset,
                  std::string& out, bool null_ok = false, bool* is_null = nullptr) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      error(offset, where + "missing field \"" + key + "\"");
      return false;
    }
    if (it->is_string()) {
      out = it->get<std::string>();
      if (is_null) *is_null = false;
      return true;
    }
    if (null_ok && it->is_null()) {
      if (is_null) *is_null = true;
      return true;
    }
    error(offset, where + "field \"" + key + "\" must be a string" + (null_ok ? " or null" : "") +
                      ", not " + json_type_name(*it) + " " + json_brief(*it));
    return false;
  }

  bool get_string_array(const json& obj, const char* key, const std::string& where,
                        std::size_t offset, std::vector<std::string>& out) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      error(offset, where + "missing field \"" + key + "\"");
      return false;
    }
    if (!it->is_array()) {
      error(offset, where + "field \"" + key + "\" must be an array of strings, not " +
                        json_type_name(*it) + " " + json_brief(*it));
      return false;
    }
    bool ok = true;
    for (const json& v : *it) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      } else {
        error(offset, where + "field \"" + key + "\" holds " + json_type_name(v) + " " +
                          json_brief(v) + " where a string is expected");
        ok = false;
      }
    }
    return ok;
  }

  // A code point offset: a non-negative integer that fits in 32 bits.
  bool get_offset(const json& obj, const char* key, const std::string& where, std::size_t offset,
                  std::uint32_t& out) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      error(offset, where + "missing field \"" + key + "\"");
      return false;
    }
    if (it->is_number_unsigned() && it->get<std::uint64_t>() <= 0xFFFFFFFFull) {
      out = static_cast<std::uint32_t>(it->get<std::uint64_t>());
      return true;
    }
    error(offset, where + "field \"" + key + "\" must be a non-negative integer (a code point " +
                      "offset), not " + json_brief(*it));
    return false;
  }

  void warn_unknown_fields(const json& obj, std::initializer_list<const char*> known,
                           const std::string& where, std::size_t offset) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (std::none_of(known.begin(), known.end(),
                       [&](const char* k) { return it.key() == k; })) {
        warning(offset, where + "unknown field \"" + it.key() + "\" ignored");
      }
    }
  }

 private:
  std::string file_;
  Diagnostics& diags_;
  std::size_t errors_ = 0;
};

std::string offset_text(const json& q, const char* key) {
  auto it = q.find(key);
  if (it != q.end() && it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return "?";
}

void parse_entities(const json& array, Checker& check, GoldDocument& gold) {
  std::set<std::string> seen;
  std::size_t n = 0;
  for (const json& e : array) {
    ++n;
    std::string where = "entity " + std::to_string(n) + ": ";
    if (!e.is_object()) {
      check.error(0, where + "must be an object, not " + json_type_name(e) + " " + json_brief(e));
      continue;
    }
    if (auto it = e.find("id"); it != e.end() && it->is_string())
      where = "entity " + std::to_string(n) + " (" + it->get<std::string>() + "): ";
    GoldEntity entity;
    std::string type;
    const bool id_ok = check.get_string(e, "id", where, 0, entity.id);
    bool ok = id_ok;
    ok &= check.get_string(e, "name", where, 0, entity.name);
    const bool type_ok = check.get_string(e, "type", where, 0, type);
    ok &= type_ok;
    ok &= check.get_string_array(e, "aliases", where, 0, entity.aliases);
    check.warn_unknown_fields(e, {"id", "name", "type", "aliases"}, where, 0);
    if (type_ok) {
      auto parsed = parse_entity_type(type);
      if (parsed && *parsed != EntityType::kUnknown) {
        entity.type = *parsed;
      } else {
        check.error(0, where + "unknown type \"" + type +
                           "\" (expected person, organization, country or group)");
        ok = false;
      }
    }
    if (id_ok && entity.id.empty()) {
      check.error(0, where + "empty id");
      ok = false;
    } else if (id_ok && !seen.insert(entity.id).second) {
      check.error(0, where + "duplicate entity id \"" + entity.id + "\"");
      ok = false;
    }
    if (ok) gold.entities.push_back(std::move(entity));
  }
}

// Checks the span of `quote` against the document `text`: it must lie
// inside the document and not be empty; only then, when `text_ok`, is its
// text compared with the document's. Reports each problem to `check` at
// offset `at` after `where`; false when there was one.
bool span_matches(const std::u32string& text, const GoldQuote& quote, bool text_ok, const std::string& where,
                  std::size_t at, Checker& check) {
  if (quote.end > text.size() || quote.start > text.size()) {
    check.error(at, where + "offsets out of range: the document has " +
                        std::to_string(text.size()) + " code points");
    return false;
  }
  if (quote.start >= quote.end) {
    check.error(at, where + (quote.start == quote.end ? "empty span" : "start after end"));
    return false;
  }
  if (!text_ok) return true;
  const std::u32string_view actual = std::u32string_view(text).substr(quote.start, quote.end - quote.start);
  auto decoded = decode_utf8(quote.text);
  if (decoded && decoded.text() == actual) return true;
  std::string message = where + "text does not match the document at these offsets: gold \xC2\xAB" +
                        shorten_utf8(quote.text) + "\xC2\xBB, document \xC2\xAB" + shorten(actual) +
                        "\xC2\xBB";
  // Say where the annotated text really is, the commonest cause being
  // offsets counted in bytes or UTF-16 units.
  if (decoded && !decoded.text().empty()) {
    const auto found = text.find(decoded.text());
    if (found != std::u32string::npos) {
      message += " (the gold text is at " + std::to_string(found) + "-" +
                 std::to_string(found + decoded.text().size()) + ")";
    }
  }
  check.error(at, message);
  return false;
}

// Checks that the speakers and targets of `quote` are entity ids of the
// file (`ids`), reporting each unknown one; false when there was one.
bool ids_known(const GoldQuote& quote, const std::set<std::string>& ids, const std::string& where, std::size_t at,
               Checker& check) {
  bool ok = true;
  auto check_id = [&](const std::string& id, const char* field) {
    if (ids.count(id) == 0) {
      check.error(at, where + "unknown entity id \"" + id + "\" in " + field);
      ok = false;
    }
  };
  if (quote.speaker) check_id(*quote.speaker, "speaker");
  for (const auto& id : quote.speaker_also) check_id(id, "speaker_also");
  for (const auto& id : quote.targets) check_id(id, "targets");
  return ok;
}

void parse_quotes(const json& array, Checker& check, const std::set<std::string>& ids,
                  GoldDocument& gold) {
  const std::u32string& text = gold.text;
  std::size_t n = 0;
  for (const json& q : array) {
    ++n;
    if (!q.is_object()) {
      check.error(0, "quote " + std::to_string(n) + ": must be an object, not " +
                         json_type_name(q) + " " + json_brief(q));
      continue;
    }
    const std::string where = "quote " + std::to_string(n) + " (" + offset_text(q, "start") +
                              "-" + offset_text(q, "end") + "): ";
    std::size_t at = 0;
    if (auto it = q.find("start"); it != q.end() && it->is_number_unsigned())
      at = it->get<std::size_t>();
    GoldQuote quote;
    std::string kind, speaker, cue;
    bool speaker_null = false, cue_null = false;
    const bool kind_ok = check.get_string(q, "kind", where, at, kind);
    const bool start_ok = check.get_offset(q, "start", where, at, quote.start);
    const bool end_ok = check.get_offset(q, "end", where, at, quote.end);
    const bool text_ok = check.get_string(q, "text", where, at, quote.text);
    const bool speaker_ok = check.get_string(q, "speaker", where, at, speaker, true, &speaker_null);
    bool ok = kind_ok && start_ok && end_ok && text_ok && speaker_ok;
    ok &= check.get_string_array(q, "speaker_also", where, at, quote.speaker_also);
    const bool cue_ok = check.get_string(q, "cue", where, at, cue, true, &cue_null);
    ok &= cue_ok;
    ok &= check.get_string_array(q, "targets", where, at, quote.targets);
    check.warn_unknown_fields(
        q, {"kind", "start", "end", "text", "speaker", "speaker_also", "cue", "targets"}, where,
        at);

    if (kind_ok) {
      auto k = parse_claim_kind(kind);
      if (k && *k != ClaimKind::kAct) {
        quote.kind = *k;
      } else {
        check.error(at, where + "unknown kind \"" + kind + "\" (expected direct, mixed or indirect)");
        ok = false;
      }
    }
    if (speaker_ok && !speaker_null) quote.speaker = speaker;
    if (cue_ok && !cue_null) quote.cue = cue;

    if (start_ok && end_ok) ok &= span_matches(text, quote, text_ok, where, at, check);

    ok &= ids_known(quote, ids, where, at, check);
    if (ok) gold.quotes.push_back(std::move(quote));
  }
}

// The JSON object of a gold file, or nullopt after reporting bad JSON (with
// its line and column) or another value than an object.
std::optional<json> parse_object(std::string_view json_text, const std::string& source_name, Checker& check,
                                 Diagnostics& diags) {
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    // e.byte counts from 1 and points at the character that broke the parse.
    const auto [line, column] = line_and_column(json_text, e.byte == 0 ? 0 : e.byte - 1);
    diags.error(DiagCode::kBadGold, source_name, line,
                "bad JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                    ": " + parse_error_detail(e.what()),
                {}, "line");
    return std::nullopt;
  } catch (const json::exception& e) {
    // Other parser failures (a number too large for a double) carry no
    // position.
    check.error(0, "bad JSON: " + parse_error_detail(e.what()));
    return std::nullopt;
  }
  if (!root.is_object()) {
    check.error(0, std::string("the file must hold one JSON object, not ") +
                       json_type_name(root));
    return std::nullopt;
  }
  return root;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::string_view kGoldSuffix = ".gold.json";

}  // namespace
}  // namespace detail

const GoldEntity* GoldDocument::find(std::string_view id) const {
  for (const auto& e : entities)
    if (e.id == id) return &e;
  return nullptr;
}

std::optional<GoldDocument> parse_gold(std::string_view json_text, const std::string& source_name,
                                       const std::string& document_name,
                                       const std::u32string& text, Diagnostics& diags) {
  using detail::json;
  detail::Checker check(source_name, diags);
  std::optional<json> parsed = detail::parse_object(json_text, source_name, check, diags);
  if (!parsed) return std::nullopt;
  const json& root = *parsed;

  GoldDocument gold;
  gold.gold_path = source_name;
  gold.text = text;
  if (check.get_string(root, "document", "", 0, gold.name) && !document_name.empty() &&
      gold.name != document_name) {
    check.error(0, "field \"document\" gives \"" + gold.name + "\" but this gold file belongs to \"" +
                       document_name + "\"");
  }
  check.warn_unknown_fields(root, {"document", "entities", "quotes"}, "", 0);

  auto entities = root.find("entities");
  if (entities == root.end()) {
    check.error(0, "missing field \"entities\"");
  } else if (!entities->is_array()) {
    check.error(0, "field \"entities\" must be an array");
  } else {
    detail::parse_entities(*entities, check, gold);
  }
  // Ids are checked against every entity that has a string id, even one
  // rejected for another reason, so one mistake is not reported twice.
  std::set<std::string> ids;
  if (entities != root.end() && entities->is_array()) {
    for (const json& e : *entities)
      if (auto id = e.is_object() ? e.find("id") : e.end(); id != e.end() && id->is_string())
        ids.insert(id->get<std::string>());
  }

  auto quotes = root.find("quotes");
  if (quotes == root.end()) {
    check.error(0, "missing field \"quotes\"");
  } else if (!quotes->is_array()) {
    check.error(0, "field \"quotes\" must be an array");
  } else {
    detail::parse_quotes(*quotes, check, ids, gold);
  }
  if (check.errors() > 0) return std::nullopt;
  return gold;
}

std::optional<GoldDocument> load_gold(const std::string& gold_path, const std::u32string& text,
                                      Diagnostics& diags) {
  std::string bytes;
  if (!detail::read_file(gold_path, bytes)) {
    diags.error(DiagCode::kIoError, gold_path, 0, "cannot read the gold file");
    return std::nullopt;
  }
  std::string document = std::filesystem::path(gold_path).filename().string();
  if (detail::ends_with(document, detail::kGoldSuffix)) {
    document.resize(document.size() - detail::kGoldSuffix.size());
    document += ".txt";
  } else {
    document.clear();  // not named NAME.gold.json: nothing to check the field against
  }
  return parse_gold(bytes, gold_path, document, text, diags);
}

std::vector<GoldDocument> load_gold_dir(const std::string& dir, Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::vector<GoldDocument> out;
  std::vector<fs::path> gold_files;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    diags.error(DiagCode::kIoError, dir, 0, "cannot list the gold directory: " + ec.message());
    return out;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (detail::ends_with(name, detail::kGoldSuffix) && it->is_regular_file(ec)) {
      gold_files.push_back(it->path());
    }
  }
  std::sort(gold_files.begin(), gold_files.end());
  if (gold_files.empty()) {
    diags.error(DiagCode::kIoError, dir, 0, "no NAME.gold.json file in the gold directory");
    return out;
  }
  for (const auto& gold_path : gold_files) {
    std::string name = gold_path.filename().string();
    name.resize(name.size() - detail::kGoldSuffix.size());
    const fs::path txt = gold_path.parent_path() / (name + ".txt");
    std::string bytes;
    if (!detail::read_file(txt.string(), bytes)) {
      diags.error(DiagCode::kIoError, gold_path.string(), 0,
                  "cannot read the document " + txt.string() + " this gold file annotates");
      continue;
    }
    auto decoded = decode_utf8(bytes);
    if (!decoded) {
      diags.error(DiagCode::kInvalidUtf8, txt.string(), decoded.error().byte_offset,
                  decoded.error().message, {}, "byte");
      continue;
    }
    if (auto gold = load_gold(gold_path.string(), decoded.text(), diags)) {
      out.push_back(std::move(*gold));
    }
  }
  return out;
}

std::string format_gold_diagnostic(const Diagnostic& d) {
  const std::string_view unit(d.offset_unit);
  if (unit == "byte") return format_diagnostic(d);
  std::string out = d.file;
  if (unit == "line") out += ':' + std::to_string(d.offset);
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  // Gold messages quote the input inside the message itself and carry no
  // excerpt; one from elsewhere is still shown, control bytes escaped.
  if (!d.excerpt.empty()) {
    out += " \xC2\xAB";
    out += escape_controls(d.excerpt);
    out += "\xC2\xBB";
  }
  return out;
}

std::string gold_to_json(const GoldDocument& gold) {
  using ojson = nlohmann::ordered_json;
  ojson root;
  root["document"] = gold.name;
  root["entities"] = ojson::array();
  for (const auto& e : gold.entities) {
    ojson je;
    je["id"] = e.id;
    je["name"] = e.name;
    je["type"] = entity_type_name(e.type);
    je["aliases"] = e.aliases;
    root["entities"].push_back(std::move(je));
  }
  root["quotes"] = ojson::array();
  for (const auto& q : gold.quotes) {
    ojson jq;
    jq["kind"] = claim_kind_name(q.kind);
    jq["start"] = q.start;
    jq["end"] = q.end;
    jq["text"] = q.text;
    jq["speaker"] = q.speaker ? ojson(*q.speaker) : ojson(nullptr);
    jq["speaker_also"] = q.speaker_also;
    jq["cue"] = q.cue ? ojson(*q.cue) : ojson(nullptr);
    jq["targets"] = q.targets;
    root["quotes"].push_back(std::move(jq));
  }
  return root.dump(1, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::vector<Claim> gold_to_claims(const GoldDocument& gold) {
  auto ref = [&](const std::string& id) {
    EntityRef r;
    if (const GoldEntity* e = gold.find(id)) {
      r.id = e->id;
      r.name = e->name;
      r.type = e->type;
      r.mention.text = e->name;
    }
    return r;
  };
  std::vector<Claim> claims;
  for (const auto& q : gold.quotes) {
    Claim c;
    c.document = gold.name;
    c.begin = q.start;
    c.end = q.end;
    c.text = q.text;
    c.kind = q.kind;
    c.cue = q.cue.value_or("");
    if (q.speaker) c.speaker = ref(*q.speaker);
    for (const auto& t : q.targets) c.targets.push_back(ref(t));
    claims.push_back(std::move(c));
  }
  return claims;
}

std::string slugify(std::string_view name) {
  auto decoded = decode_utf8(strip_accents(name));
  std::string out;
  bool pending_hyphen = false;
  if (decoded) {
    for (char32_t c : decoded.text()) {
      if (is_letter(c) || is_digit(c)) {
        if (pending_hyphen && !out.empty()) out += '-';
        pending_hyphen = false;
        append_utf8(out, c);
      } else {
        pending_hyphen = true;
      }
    }
  }
  return out.empty() ? "entity" : out;
}

GoldDocument gold_draft(const std::string& name, const std::u32string& text,
                        const std::vector<Claim>& claims) {
  GoldDocument gold;
  gold.name = name;
  gold.text = text;
  std::unordered_map<std::string, std::size_t> index;  // id -> position in gold.entities

  // Registers `ref` and returns its id, or "" when it names nothing.
  auto add = [&](const EntityRef& ref) -> std::string {
    std::string entity_name = !ref.name.empty() ? ref.name : ref.mention.text;
    if (entity_name.empty() && ref.id.empty()) return {};
    if (entity_name.empty()) entity_name = ref.id;
    const std::string id = !ref.id.empty() ? ref.id : slugify(entity_name);
    auto [it, inserted] = index.emplace(id, gold.entities.size());
    if (inserted) {
      GoldEntity e;
      e.id = id;
      e.name = entity_name;
      e.type = EntityType::kUnknown;
      gold.entities.push_back(std::move(e));
    }
    GoldEntity& e = gold.entities[it->second];
    if (e.type == EntityType::kUnknown) e.type = ref.type;
    if (!ref.mention.text.empty() &&
        std::find(e.aliases.begin(), e.aliases.end(), ref.mention.text) == e.aliases.end()) {
      e.aliases.push_back(ref.mention.text);
    }
    return id;
  };

  for (const Claim& c : claims) {
    if (c.kind == ClaimKind::kAct) continue;
    const auto size = static_cast<std::uint32_t>(text.size());
    const std::uint32_t start = std::min(c.begin, size);
    const std::uint32_t end = std::min(std::max(c.end, start), size);
    if (start == end) continue;  // an empty span cannot be annotated
    GoldQuote q;
    q.kind = c.kind;
    q.start = start;
    q.end = end;
    q.text = to_utf8(std::u32string_view(text).substr(start, end - start));
    if (c.speaker) {
      std::string id = add(*c.speaker);
      if (!id.empty()) q.speaker = std::move(id);
    }
    if (!c.cue.empty()) q.cue = c.cue;
    for (const auto& t : c.targets) {
      std::string id = add(t);
      if (!id.empty() && std::find(q.targets.begin(), q.targets.end(), id) == q.targets.end())
        q.targets.push_back(std::move(id));
    }
    gold.quotes.push_back(std::move(q));
  }
  // The format has no "unknown" type; an organisation is the likeliest
  // reading of a source the extractor could not classify, and the person
  // correcting the draft sees it.
  for (auto& e : gold.entities)
    if (e.type == EntityType::kUnknown) e.type = EntityType::kOrganization;
  return gold;
}

}  // namespace quotegraph
