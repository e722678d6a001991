// Map records with nlohmann::json: a claim record is the claims JSONL line
// (claim_to_json, the public contract) with the record type and the indices
// of its entities spliced in, so a map output reads like a claims file to
// jq or Spark; an entity record carries every field of a DocEntity. Reading
// checks each field's type and each index against the counts the document
// record announced, so a truncated or shuffled shard is reported, never
// merged half.
#include "quotegraph/export/map_records.h"

#include <array>
#include <limits>
#include <utility>

#include <nlohmann/json.hpp>

#include "claims_json.h"
#include "quotegraph/entities/entities.h"
#include "quotegraph/export/claims_io.h"
#include "quotegraph/text/excerpt.h"

namespace quotegraph {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Quotes in diagnostics stay one short line.
constexpr std::size_t kMaxExcerptBytes = 80;
// A document record announcing more is damage (the longest article gives a
// few hundred claims): refused before anything is allocated for it.
constexpr std::size_t kMaxRecordsPerDocument = 1u << 20;

std::string excerpt_of(std::string_view line) { return cut_excerpt(line, kMaxExcerptBytes); }

OrderedJson string_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

void append_dump(std::string& out, const OrderedJson& j) {
  out += j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
  out += '\n';
}

// The key under which the registry compares a name: persons by surname when
// the document knows it, everything else by the whole name.
std::string record_key(const DocEntity& e) {
  if (e.type == EntityType::kPerson && !e.surname.empty()) return name_key(e.surname);
  return name_key(e.name);
}

// The metadata keys of a document record, in the order claims carry them.
std::array<std::pair<const char*, const std::string*>, 4> meta_fields(const DocumentMeta& m) {
  return {{{"date", &m.date}, {"source", &m.source}, {"url", &m.url}, {"title", &m.title}}};
}

Status read_string(const Json& obj, const char* field, std::string& out) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return Status();
  if (!it->is_string()) return detail::bad_field(std::string("\"") + field + "\" must be a string or null");
  out = it->get<std::string>();
  return Status();
}

Status read_count(const Json& obj, const char* field, std::size_t& out) {
  auto it = obj.find(field);
  if (it == obj.end() || !it->is_number_unsigned() ||
      it->get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max()) {
    return detail::bad_field(std::string("\"") + field + "\" must be an integer from 0 to 4294967295");
  }
  out = static_cast<std::size_t>(it->get<std::uint64_t>());
  return Status();
}

// An entity index of the document: an integer below `entities`, or null
// (-1: the claim names someone the document could not make an entity of).
Status read_entity_index(const Json& j, std::size_t entities, int& out, const std::string& where) {
  if (j.is_null()) {
    out = -1;
    return Status();
  }
  if (!j.is_number_unsigned() || j.get<std::uint64_t>() >= entities)
    return detail::bad_field(where + " must be null or an entity index below " + std::to_string(entities));
  out = static_cast<int>(j.get<std::uint64_t>());
  return Status();
}

// The "mentions" of an entity record, absent, null or an array of strings.
Status read_mentions(const Json& obj, std::vector<std::string>& out) {
  auto mentions = obj.find("mentions");
  if (mentions == obj.end() || mentions->is_null()) return Status();
  const Status bad = detail::bad_field("\"mentions\" must be an array of strings");
  if (!mentions->is_array()) return bad;
  for (const Json& m : *mentions) {
    if (!m.is_string()) return bad;
    out.push_back(m.get<std::string>());
  }
  return Status();
}

Status read_entity(const Json& obj, DocEntity& e) {
  std::string type, gender;
  if (Status s = detail::first_error({read_string(obj, "name", e.name), read_string(obj, "given_name", e.given_name),
                              read_string(obj, "surname", e.surname), read_string(obj, "type", type),
                              read_string(obj, "role", e.role), read_string(obj, "state", e.state),
                              read_string(obj, "gender", gender)});
      !s) {
    return s;
  }
  if (!type.empty()) {
    auto parsed = parse_entity_type(type);
    if (!parsed) return detail::bad_field("unknown \"type\" \"" + type + "\"");
    e.type = *parsed;
  }
  if (gender.size() > 1) return detail::bad_field("\"gender\" must be \"m\", \"f\" or null");
  e.gender = gender.empty() ? '?' : gender[0];
  return read_mentions(obj, e.aliases);
}

// The counts and metadata of a `document` record: `claims` and `entities`,
// and into `doc` its date, source, url, title and length. An error Status
// names the bad field, or says the counts are beyond kMaxRecordsPerDocument.
Status read_document_record(const Json& j, MappedDocument& doc, std::size_t& claims, std::size_t& entities) {
  if (Status s = detail::first_error({read_count(j, "claims", claims), read_count(j, "entities", entities),
                              read_string(j, "date", doc.meta.date), read_string(j, "source", doc.meta.source),
                              read_string(j, "url", doc.meta.url), read_string(j, "title", doc.meta.title)});
      !s) {
    return s;
  }
  if (auto length = j.find("length"); length != j.end() && !length->is_null()) {
    if (!length->is_number_unsigned()) return detail::bad_field("\"length\" must be a non-negative integer");
    doc.length = length->get<std::uint64_t>();
  }
  if (claims > kMaxRecordsPerDocument || entities > kMaxRecordsPerDocument) {
    return detail::bad_field("more than " + std::to_string(kMaxRecordsPerDocument) +
                      " claims or entities announced for one document");
  }
  return Status();
}

// A `claim` record, as claim number `index` of `result`: the claim, and the
// indices (below `entities`, or null) of its speaker's and targets' entities.
// An error Status names the bad field.
Status read_claim_record(const Json& j, std::size_t entities, std::size_t index, DocumentResult& result) {
  Result<Claim> claim = detail::claim_from_json_object(j);
  if (!claim) return claim.status();
  int speaker = -1;
  auto sp = j.find("speaker_entity");
  if (sp != j.end()) {
    if (Status s = read_entity_index(*sp, entities, speaker, "\"speaker_entity\""); !s) return s;
  }
  std::vector<int> targets(claim->targets.size(), -1);
  auto ts = j.find("target_entities");
  if (ts != j.end() && !ts->is_null()) {
    if (!ts->is_array() || ts->size() != claim->targets.size())
      return detail::bad_field("\"target_entities\" must be an array as long as \"targets\"");
    for (std::size_t t = 0; t < targets.size(); ++t) {
      const std::string where = "\"target_entities\"[" + std::to_string(t) + "]";
      if (Status s = read_entity_index((*ts)[t], entities, targets[t], where); !s) return s;
    }
  }
  result.claims[index] = std::move(*claim);
  result.speaker_entity[index] = speaker;
  result.target_entities[index] = std::move(targets);
  return Status();
}

}  // namespace

void append_map_records(std::string& out, std::string_view name, const DocumentResult& result,
                        const DocumentMeta& meta, std::uint64_t length) {
  const std::string document(name);
  OrderedJson head = OrderedJson::object();
  head["record"] = "document";
  head["document"] = document;
  head["claims"] = result.claims.size();
  head["entities"] = result.entities.size();
  head["length"] = length;
  for (const auto& [key, value] : meta_fields(meta)) {
    if (!value->empty()) head[key] = *value;
  }
  append_dump(out, head);

  for (std::size_t i = 0; i < result.entities.size(); ++i) {
    const DocEntity& e = result.entities[i];
    OrderedJson j = OrderedJson::object();
    j["record"] = "entity";
    j["document"] = document;
    j["index"] = i;
    j["name"] = e.name;
    j["type"] = entity_type_name(e.type);
    j["given_name"] = string_or_null(e.given_name);
    j["surname"] = string_or_null(e.surname);
    j["role"] = string_or_null(e.role);
    j["state"] = string_or_null(e.state);
    j["gender"] = e.gender == 'm' || e.gender == 'f' ? OrderedJson(std::string(1, e.gender)) : OrderedJson(nullptr);
    j["key"] = record_key(e);
    j["mentions"] = e.aliases;
    append_dump(out, j);
  }

  for (std::size_t k = 0; k < result.claims.size(); ++k) {
    Claim claim = result.claims[k];
    claim.document = document;
    std::string line = claim_to_json(claim);
    // claim_to_json writes one object: open it to put the record type first
    // and the entity indices last.
    line.pop_back();
    out += "{\"record\":\"claim\",";
    out.append(line, 1, std::string::npos);
    out += ",\"index\":" + std::to_string(k) + ",\"speaker_entity\":";
    const int speaker = k < result.speaker_entity.size() ? result.speaker_entity[k] : -1;
    out += speaker < 0 ? std::string("null") : std::to_string(speaker);
    out += ",\"target_entities\":[";
    for (std::size_t t = 0; t < claim.targets.size(); ++t) {
      if (t) out += ',';
      const int target = k < result.target_entities.size() && t < result.target_entities[k].size()
                             ? result.target_entities[k][t]
                             : -1;
      out += target < 0 ? std::string("null") : std::to_string(target);
    }
    out += "]}\n";
  }
}

void MapRecordReader::drop_pending(const std::string& source, std::size_t line_number,
                                   Diagnostics& diags) {
  if (pending_ && !broken_) {
    diags.error(DiagCode::kBadClaims, source, line_number,
                "document \"" + doc_.name + "\" (announced on line " + std::to_string(pending_line_) +
                    ") is incomplete: " + std::to_string(entities_seen_) + " of " +
                    std::to_string(entities_expected_) + " entities and " +
                    std::to_string(claims_seen_) + " of " + std::to_string(claims_expected_) +
                    " claims; it is left out",
                {}, "line");
  }
  pending_ = false;
  broken_ = false;
}

void MapRecordReader::finish(const std::string& source, std::size_t line_number, Diagnostics& diags) {
  drop_pending(source, line_number, diags);
}

bool MapRecordReader::feed(std::string_view line, const std::string& source, std::size_t line_number,
                           MappedDocument& done, Diagnostics& diags) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return false;
  auto fail = [&](const std::string& why) {
    diags.error(DiagCode::kBadClaims, source, line_number, "line " + std::to_string(line_number) + ": " + why,
                excerpt_of(line), "line");
    // The document this line belongs to cannot be merged whole.
    if (pending_) broken_ = true;
    return false;
  };
  Json j = Json::parse(line.begin(), line.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail("not a JSON object");
  std::string record, document;
  if (Status s = detail::first_error({read_string(j, "record", record), read_string(j, "document", document)}); !s)
    return fail(s.message());
  if (document.empty()) return fail("missing \"document\"");

  if (record == "document") {
    drop_pending(source, line_number, diags);
    begin_document(document, line_number);
    std::size_t claims = 0, entities = 0;
    if (Status read = read_document_record(j, doc_, claims, entities); !read) return fail(read.message());
    expect_records(claims, entities);
  } else if (record == "entity" || record == "claim") {
    if (!pending_ || document != doc_.name) {
      return fail("a " + record + " record of \"" + document + "\" outside that document's records");
    }
    if (broken_) return false;
    const bool is_claim = record == "claim";
    std::size_t index = 0;
    if (Status s = read_count(j, "index", index); !s) return fail(s.message());
    if (Status fits = check_index(is_claim, index); !fits) return fail(fits.message());
    if (is_claim) {
      Status read = read_claim_record(j, entities_expected_, index, doc_.result);
      if (!read) return fail(read.message());
      ++claims_seen_;
      claim_seen_[index] = 1;
    } else {
      DocEntity e;
      if (Status s = read_entity(j, e); !s) return fail(s.message());
      doc_.result.entities[index] = std::move(e);
      ++entities_seen_;
      entity_seen_[index] = 1;
    }
  } else {
    return fail("unknown \"record\" \"" + record + "\" (expected document, entity or claim)");
  }
  return take_complete(done);
}

void MapRecordReader::begin_document(const std::string& name, std::size_t line_number) {
  doc_ = MappedDocument{};
  doc_.name = name;
  // Pending before the counts are read, so that a bad count drops the
  // records that follow quietly, with this line's one error.
  pending_ = true;
  pending_line_ = line_number;
  claims_seen_ = entities_seen_ = 0;
  claims_expected_ = entities_expected_ = 0;
}

void MapRecordReader::expect_records(std::size_t claims, std::size_t entities) {
  claims_expected_ = claims;
  entities_expected_ = entities;
  claim_seen_.assign(claims, 0);
  entity_seen_.assign(entities, 0);
  doc_.result.ok = true;
  doc_.result.claims.resize(claims);
  doc_.result.speaker_entity.assign(claims, -1);
  doc_.result.target_entities.assign(claims, {});
  doc_.result.entities.resize(entities);
}

Status MapRecordReader::check_index(bool is_claim, std::size_t index) const {
  const std::string record = is_claim ? "claim" : "entity";
  const std::size_t expected = is_claim ? claims_expected_ : entities_expected_;
  const std::vector<char>& seen = is_claim ? claim_seen_ : entity_seen_;
  if (index >= expected) {
    return detail::bad_field("\"index\" " + std::to_string(index) + " but the document has " + std::to_string(expected) +
                      " " + record + (expected == 1 ? "" : "s"));
  }
  if (seen[index]) return detail::bad_field("a second " + record + " with \"index\" " + std::to_string(index));
  return Status();
}

bool MapRecordReader::take_complete(MappedDocument& done) {
  if (!pending_ || broken_ || claims_seen_ != claims_expected_ || entities_seen_ != entities_expected_)
    return false;
  pending_ = false;
  done = std::move(doc_);
  doc_ = MappedDocument{};
  return true;
}

}  // namespace quotegraph
