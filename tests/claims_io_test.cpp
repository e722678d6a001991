// Tests for the claims JSONL: the documented keys, a lossless round trip,
// the minimal objects other tools write, and malformed lines reported with
// their line number instead of stopping the read.
#include "quotegraph/export/claims_io.h"

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/lexicons.h"

namespace {

using namespace quotegraph;

Claim full_claim() {
  Claim c;
  c.document = "article-01.txt";
  c.begin = 120;
  c.end = 164;
  c.text = "Kiev « ment » \\ et \"triche\"\nencore";
  c.kind = ClaimKind::kMixed;
  c.cue = "a-t-il accusé";
  c.relation = Relation::kAccuses;
  EntityRef speaker;
  speaker.id = "dmitri-peskov";
  speaker.name = "Dmitri Peskov";
  speaker.type = EntityType::kPerson;
  speaker.mention = Mention{80, 118, "le porte-parole du Kremlin, Dmitri Peskov"};
  c.speaker = speaker;
  EntityRef kiev;
  kiev.id = "ukraine";
  kiev.name = "Ukraine";
  kiev.type = EntityType::kCountry;
  kiev.mention = Mention{120, 124, "Kiev"};
  EntityRef unresolved;
  unresolved.name = "les séparatistes";
  c.targets = {kiev, unresolved};
  return c;
}

}  // namespace

TEST_CASE("claim_to_json writes exactly the documented keys in order", "[claims_io][unit]") {
  const std::string line = claim_to_json(full_claim());
  CHECK(line.find('\n') == std::string::npos);
  const auto j = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (const auto& item : j.items()) keys.push_back(item.key());
  CHECK(keys == std::vector<std::string>{"document", "start", "end", "text", "kind", "speaker",
                                         "speaker_id", "speaker_type", "speaker_mention", "cue",
                                         "relation", "targets", "target_ids", "target_mentions"});
  CHECK(j["document"] == "article-01.txt");
  CHECK(j["start"] == 120);
  CHECK(j["kind"] == "mixed");
  CHECK(j["speaker"] == "Dmitri Peskov");
  CHECK(j["speaker_type"] == "person");
  CHECK(j["speaker_mention"]["start"] == 80);
  CHECK(j["relation"] == "accuses");
  CHECK(j["targets"] == nlohmann::ordered_json({"Ukraine", "les séparatistes"}));
  CHECK(j["target_ids"][1].is_null());
  CHECK(j["target_mentions"][1].is_null());
  CHECK(j["target_mentions"][0]["text"] == "Kiev");
}

TEST_CASE("a claim without speaker or cue writes nulls", "[claims_io][unit]") {
  Claim c;
  c.document = "a.txt";
  c.kind = ClaimKind::kAct;
  const auto j = nlohmann::json::parse(claim_to_json(c));
  CHECK(j["speaker"].is_null());
  CHECK(j["speaker_id"].is_null());
  CHECK(j["speaker_type"].is_null());
  CHECK(j["speaker_mention"].is_null());
  CHECK(j["cue"].is_null());
  CHECK(j["kind"] == "act");
  CHECK(j["targets"].empty());
}

TEST_CASE("claims round-trip through JSON", "[claims_io][unit]") {
  const Claim in = full_claim();
  auto out = claim_from_json(claim_to_json(in));
  REQUIRE(out);
  CHECK(out.status().ok());
  CHECK(out->document == in.document);
  CHECK(out->begin == in.begin);
  CHECK(out->end == in.end);
  CHECK(out->text == in.text);
  CHECK(out->kind == in.kind);
  CHECK(out->cue == in.cue);
  CHECK(out->relation == in.relation);
  REQUIRE(out->speaker);
  CHECK(out->speaker->id == "dmitri-peskov");
  CHECK(out->speaker->name == "Dmitri Peskov");
  CHECK(out->speaker->type == EntityType::kPerson);
  CHECK(out->speaker->mention.text == in.speaker->mention.text);
  CHECK(out->speaker->mention.begin == 80);
  CHECK(out->speaker->mention.end == 118);
  REQUIRE(out->targets.size() == 2);
  CHECK(out->targets[0].id == "ukraine");
  CHECK(out->targets[0].name == "Ukraine");
  CHECK(out->targets[0].mention.text == "Kiev");
  CHECK(out->targets[0].mention.end == 124);
  CHECK(out->targets[1].id.empty());
  CHECK(out->targets[1].name == "les séparatistes");
  // Written again, the line is identical.
  Claim again = *out;
  again.targets[0].type = in.targets[0].type;  // target types are not carried
  CHECK(claim_to_json(again) == claim_to_json(in));
}

TEST_CASE("invalid UTF-8 never breaks the dump", "[claims_io][bad-input]") {
  Claim c = full_claim();
  c.text = "caf\xC3 \xFF\xFE fin";
  c.speaker->name = "Pe\x80skov";
  c.targets[0].mention.text = "\xE2\x82";
  std::string line;
  REQUIRE_NOTHROW(line = claim_to_json(c));
  const auto j = nlohmann::json::parse(line);  // valid JSON and UTF-8
  CHECK(j["text"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(j["speaker"].get<std::string>().find("skov") != std::string::npos);

  Entity e;
  e.id = "x";
  e.name = "bad\xC0name";
  e.aliases = {{"al\xFFias", 2}};
  REQUIRE_NOTHROW(nlohmann::json::parse(entity_to_json(e)));
}

TEST_CASE("claim_to_json writes strings byte for byte as nlohmann's dump", "[claims_io][bad-input]") {
  // claim_to_json writes its line directly; each string must come out as
  // dump() with ensure_ascii off and U+FFFD replacement writes it.
  const std::string strings[] = {
      "plain", "", "« guillemets » et \"droits\"", "back\\slash", "\b\f\n\r\t", std::string("nul\0x", 5),
      "\x01\x1f\x7f", "é€𝄞", "caf\xC3", "\xC0\xAF overlong", "\xED\xA0\x80 surrogate", "\xF4\x90\x80\x80 big",
      "\xE2\x82 cut", "\xF0\x9F\x98", "ok \xFF\xFE end"};
  for (const std::string& s : strings) {
    Claim c = full_claim();
    c.text = s;
    c.cue = s;
    c.speaker->mention.text = s;
    c.targets[0].name = s;
    const std::string line = claim_to_json(c);
    const std::string text_key = "\"text\":";
    const auto at = line.find(text_key, line.find("\"end\":"));
    REQUIRE(at != std::string::npos);
    const std::string expected = nlohmann::ordered_json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    CHECK(line.compare(at + text_key.size(), expected.size(), expected) == 0);
    CHECK(line.find("\"cue\":" + (s.empty() ? std::string("null") : expected)) != std::string::npos);
    CHECK(line.find("\"targets\":[" + expected) != std::string::npos);  // the first target
    REQUIRE_NOTHROW(nlohmann::json::parse(line));
  }
}

TEST_CASE("claim_from_json accepts the minimal objects other tools write", "[claims_io][unit]") {
  auto bare = claim_from_json(R"({"document":"a.txt","start":3,"end":10,"kind":"indirect"})");
  REQUIRE(bare);
  CHECK(bare->document == "a.txt");
  CHECK(bare->begin == 3);
  CHECK(bare->end == 10);
  CHECK(bare->kind == ClaimKind::kIndirect);
  CHECK_FALSE(bare->speaker);
  CHECK(bare->targets.empty());
  CHECK(bare->relation == Relation::kStates);

  auto named = claim_from_json(
      R"({"document":"b.txt","start":0,"end":4,"kind":"direct","speaker":"Emmanuel Macron",)"
      R"("targets":["Russie","OTAN"],"extra":{"ignored":true}})");
  REQUIRE(named);
  REQUIRE(named->speaker);
  CHECK(named->speaker->name == "Emmanuel Macron");
  CHECK(named->speaker->id.empty());
  REQUIRE(named->targets.size() == 2);
  CHECK(named->targets[1].name == "OTAN");

  auto null_speaker = claim_from_json(
      R"({"document":"c.txt","start":1,"end":1,"kind":"act","speaker":null,"cue":null,)"
      R"("targets":[]})");
  REQUIRE(null_speaker);
  CHECK_FALSE(null_speaker->speaker);
  CHECK(null_speaker->cue.empty());
}

TEST_CASE("claim_from_json rejects malformed lines with a reason", "[claims_io][bad-input]") {
  auto [line, reason] = GENERATE(table<std::string, std::string>({
      {"", "invalid JSON"},
      {"{\"document\":", "invalid JSON"},
      {"[1,2]", "object"},
      {"42", "object"},
      {R"({"start":0,"end":1,"kind":"direct"})", "document"},
      {R"({"document":"a","end":1,"kind":"direct"})", "start"},
      {R"({"document":"a","start":-1,"end":1,"kind":"direct"})", "start"},
      {R"({"document":"a","start":1.5,"end":2,"kind":"direct"})", "start"},
      {R"({"document":"a","start":"0","end":2,"kind":"direct"})", "start"},
      {R"({"document":"a","start":0,"end":99999999999,"kind":"direct"})", "end"},
      {R"({"document":"a","start":5,"end":2,"kind":"direct"})", "before"},
      {R"({"document":"a","start":0,"end":2})", "kind"},
      {R"({"document":"a","start":0,"end":2,"kind":"quote"})", "kind"},
      {R"({"document":7,"start":0,"end":2,"kind":"direct"})", "document"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","speaker":12})", "speaker"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","speaker_id":"x"})", "speaker"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","speaker":"X","speaker_type":"alien"})",
       "speaker_type"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","speaker":"X",)"
       R"("speaker_mention":"here"})",
       "speaker_mention"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","targets":"Russie"})", "targets"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","targets":[null]})", "targets"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","targets":["A"],"target_ids":[]})",
       "target_ids"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","targets":["A"],)"
       R"("target_mentions":[{"start":"x"}]})",
       "target_mentions"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","relation":"loves"})", "relation"},
      {R"({"document":"a","start":0,"end":2,"kind":"direct","cue":false})", "cue"},
      {"{\"document\":\"caf\xC3\",\"start\":0,\"end\":2,\"kind\":\"direct\"}", "invalid JSON"},
  }));
  auto claim = claim_from_json(line);
  INFO("line: " << line << "\nerror: " << claim.status().message());
  REQUIRE_FALSE(claim);
  CHECK(claim.status().diagnostic().code == quotegraph::DiagCode::kBadClaims);
  CHECK(claim.status().message().find(reason) != std::string::npos);
}

TEST_CASE("read_claims skips bad lines and names them", "[claims_io][bad-input]") {
  std::ostringstream text;
  text << claim_to_json(full_claim()) << "\n"                                        // 1
       << "\n"                                                                        // 2 blank
       << "{\"document\":\"a\",\"start\":0}\n"                                        // 3 bad
       << R"({"document":"b","start":0,"end":1,"kind":"direct"})" << "\r\n"           // 4 CRLF
       << "pas du JSON du tout\n"                                                     // 5 bad
       << R"({"document":"c","start":2,"end":3,"kind":"act","speaker":"ONU"})";      // 6, no EOL
  std::istringstream in(text.str());
  Diagnostics diags;
  const std::vector<Claim> claims = read_claims(in, "claims.jsonl", diags);

  REQUIRE(claims.size() == 3);
  CHECK(claims[0].document == "article-01.txt");
  CHECK(claims[1].document == "b");
  CHECK(claims[2].speaker->name == "ONU");

  REQUIRE(diags.items().size() == 2);
  const Diagnostic& first = diags.items()[0];
  CHECK(first.code == DiagCode::kBadClaims);
  CHECK(first.severity == Severity::kError);
  CHECK(first.file == "claims.jsonl");
  CHECK(first.offset == 3);
  CHECK(std::string(first.offset_unit) == "line");
  CHECK(first.message.find("line 3") != std::string::npos);
  CHECK(first.message.find("end") != std::string::npos);
  CHECK(first.excerpt == "{\"document\":\"a\",\"start\":0}");
  CHECK(diags.items()[1].offset == 5);
  CHECK(format_diagnostic(diags.items()[1]).rfind("claims.jsonl:5 (line): error: line 5", 0) == 0);
}

TEST_CASE("read_claims cuts long excerpts on a character boundary", "[claims_io][bad-input]") {
  std::string bad = "{\"document\":\"";
  for (int i = 0; i < 60; ++i) bad += "é";
  std::istringstream in(bad + "\n");
  Diagnostics diags;
  CHECK(read_claims(in, "x.jsonl", diags).empty());
  REQUIRE(diags.items().size() == 1);
  const std::string& excerpt = diags.items()[0].excerpt;
  CHECK(excerpt.size() < bad.size());
  CHECK(excerpt.rfind("\xE2\x80\xA6") == excerpt.size() - 3);
  // No half character before the ellipsis.
  const std::string body = excerpt.substr(0, excerpt.size() - 3);
  CHECK(body.substr(body.size() - 2) == "é");
}

TEST_CASE("entity_to_json writes the entity fields", "[claims_io][unit]") {
  Entity e;
  e.id = "dmitri-peskov";
  e.name = "Dmitri Peskov";
  e.type = EntityType::kPerson;
  e.role = "porte-parole du Kremlin";
  e.aliases = {{"Dmitri Peskov", 3}, {"M. Peskov", 1}};
  e.documents = {"a.txt", "b.txt"};
  e.claims_said = 4;
  e.claims_targeted = 1;
  const std::string line = entity_to_json(e);
  CHECK(line.find('\n') == std::string::npos);
  const auto j = nlohmann::json::parse(line);
  CHECK(j["id"] == "dmitri-peskov");
  CHECK(j["name"] == "Dmitri Peskov");
  CHECK(j["type"] == "person");
  CHECK(j["role"] == "porte-parole du Kremlin");
  CHECK(j["state"].is_null());
  REQUIRE(j["aliases"].size() == 2);
  CHECK(j["aliases"][1]["text"] == "M. Peskov");
  CHECK(j["aliases"][0]["count"] == 3);
  CHECK(j["documents"].size() == 2);
  CHECK(j["claims_said"] == 4);
  CHECK(j["claims_targeted"] == 1);
}

namespace {

// A registry that first met Peskov by his surname alone, in document
// "a.txt", and full_claim() said by him (no targets). rename_to_full()
// then shows the registry "Dmitri Peskov" in document "b.txt".
struct SurnameFirst {
  quotegraph::EntityRegistry registry{quotegraph_test::shared_words()};
  quotegraph::DocEntity surname;
  std::string id;
  Claim said = full_claim();
  SurnameFirst() {
    surname.name = surname.surname = "Peskov";
    surname.type = EntityType::kPerson;
    id = registry.add(surname, "a.txt");
    said.speaker->id = id;
    said.speaker->name = "Peskov";
    said.targets.clear();
  }
  // The claim as said by the full name, which the registry now knows.
  Claim rename_to_full() {
    quotegraph::DocEntity full = surname;
    full.name = "Dmitri Peskov";
    full.given_name = "Dmitri";
    REQUIRE(registry.add(full, "b.txt") == id);
    REQUIRE(registry.find(id)->name == "Dmitri Peskov");
    Claim expected = said;
    expected.speaker->name = "Dmitri Peskov";
    return expected;
  }
};

}  // namespace

TEST_CASE("rename_claim_line renames entities and keeps the documented key order",
          "[claims_io][unit]") {
  Claim c = full_claim();
  const std::string line = claim_to_json(c);
  quotegraph::EntityRegistry empty{quotegraph_test::shared_words()};
  // Unknown ids keep their names: the line comes back unchanged.
  CHECK(quotegraph::rename_claim_line(line, empty) == line);
  CHECK(quotegraph::rename_claim_line("not json", empty) == "not json");

  // A speaker first seen by surname gets a fuller name from a later document:
  // the rewritten line is the line claim_to_json writes with that name, so
  // its keys keep the documented order.
  SurnameFirst peskov;
  const std::string before = claim_to_json(peskov.said);
  const Claim expected = peskov.rename_to_full();
  const std::string after = quotegraph::rename_claim_line(before, peskov.registry);
  CHECK(after == claim_to_json(expected));
  CHECK(after.rfind("{\"document\":", 0) == 0);
}

TEST_CASE("claim_to_json with metadata appends date, source, url, title in order",
          "[claims_io][unit]") {
  Claim c = full_claim();
  // Empty metadata: exactly the line without it.
  CHECK(claim_to_json(c, DocumentMeta{}) == claim_to_json(c));
  DocumentMeta meta;
  meta.date = "2024-03-12";
  meta.url = "https://example.org/a?b=\"c\"";
  meta.title = "Titre « cité »";
  const std::string line = claim_to_json(c, meta);
  const std::string plain = claim_to_json(c);
  // The claim's own keys first, unchanged, then the metadata given (no source).
  CHECK(line.compare(0, plain.size() - 1, plain, 0, plain.size() - 1) == 0);
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (const auto& item : j.items()) keys.push_back(item.key());
  const std::vector<std::string> tail(keys.end() - 3, keys.end());
  CHECK(tail == std::vector<std::string>{"date", "url", "title"});
  CHECK(j["url"] == meta.url);
  CHECK(document_meta_from_json(line).title == meta.title);
}

TEST_CASE("rename_claim_line keeps a line's metadata keys", "[claims_io][unit]") {
  SurnameFirst peskov;
  DocumentMeta meta;
  meta.date = "2024-03-12T08:30:00+01:00";
  meta.source = "AFP";
  const std::string before = claim_to_json(peskov.said, meta);
  const Claim expected = peskov.rename_to_full();
  CHECK(quotegraph::rename_claim_line(before, peskov.registry) == claim_to_json(expected, meta));
}
