// Tests for the HTML reader: page names, pages whose highlighted claims
// equal the claims (nested and crossing claims included, read back by an
// independent HTML parser, tests/support/html_claims.py), escaping of
// hostile text, the index with its tables and network, no external assets.
#include "quotegraph/export/html.h"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "support/cli_run.h"
#include "support/graph_fixture.h"
#include "quotegraph/text/text.h"
#include "support/lexicons.h"

namespace {

using namespace quotegraph;
using quotegraph_test::TempDir;

Claim span_claim(std::uint32_t begin, std::uint32_t end, const std::u32string& text,
                 std::optional<EntityRef> speaker, ClaimKind kind = ClaimKind::kDirect) {
  Claim c;
  c.document = "doc";
  c.begin = begin;
  c.end = end;
  c.text = to_utf8(text.substr(begin, end - begin));
  c.kind = kind;
  c.cue = "a dit";
  c.relation = Relation::kAccuses;
  c.speaker = std::move(speaker);
  return c;
}

// What html_claims.py reads from a page.
nlohmann::json read_page(const TempDir& dir, const std::string& page) {
  const std::string out = dir.file("page.json");
  const std::string cmd = "python3 " + quotegraph_test::shell_quote(std::string(QUOTEGRAPH_TESTS_DIR) + "/support/html_claims.py") +
                          " " + quotegraph_test::shell_quote(page) + " > " + quotegraph_test::shell_quote(out);
  REQUIRE(std::system(cmd.c_str()) == 0);
  nlohmann::json j = nlohmann::json::parse(quotegraph_test::read_text_file(out), nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

}  // namespace

TEST_CASE("page names keep the number and a safe part of the name", "[html][bad-input]") {
  CHECK(html_page_name(0, "a.txt") == "articles/000000-a.txt.html");
  CHECK(html_page_name(17, "../../etc/passwd") == "articles/000017-.._.._etc_passwd.html");
  CHECK(html_page_name(3, "Élysée «x»") == "articles/000003-__lys__e___x__.html");
  CHECK(html_page_name(1234567, "") == "articles/1234567.html");
  CHECK(html_page_name(1, std::string(200, 'a')).size() == std::string("articles/000001-.html").size() + 60);
}

TEST_CASE("an article page highlights every claim, nested and crossing ones included", "[html][unit]") {
  TempDir dir("quotegraph_html_test");
  EntityRegistry registry{quotegraph_test::shared_words()};
  EntityRef macron = quotegraph_test::resolved(registry, "Emmanuel Macron", EntityType::kPerson);
  macron.mention = Mention{0, 6, "Macron"};
  EntityRef hostile = quotegraph_test::unresolved("<script>alert(1)</script>");
  const std::string utf8 = "Macron a dit « Paris & Berlin <b>négocient</b> » et « l'Élysée répond ».\nFin.";
  const std::u32string text = decode_utf8(utf8).text();
  const auto find = [&](const char* s) { return static_cast<std::uint32_t>(text.find(decode_utf8(s).text())); };
  std::vector<Claim> claims;
  const std::uint32_t a = find("Paris"), b = find(" »"), c = find("Berlin"), d = find("répond") + 6;
  claims.push_back(span_claim(a, b, text, macron));                              // outer
  EntityRef berlin = quotegraph_test::resolved(registry, "Allemagne", EntityType::kCountry);
  berlin.mention = Mention{c, c + 6, "Berlin"};
  claims.back().targets.push_back(berlin);
  claims.push_back(span_claim(c, find("négocient") + 9, text, hostile, ClaimKind::kAct));  // nested
  claims.push_back(span_claim(find("<b>"), d, text, std::nullopt, ClaimKind::kIndirect));  // crosses the outer one
  HtmlSite site;
  DocumentMeta meta;
  meta.title = "Un <titre>";
  meta.date = "2024-03-01";
  site.add_document("doc", meta, utf8, claims);
  site.add_document("vide", {}, "Rien à signaler.", {});
  CHECK(site.document_count() == 2);
  ClaimGraph graph;
  for (const Claim& cl : claims) graph.add_claim(cl, registry, meta);
  REQUIRE(site.write(dir.path.string(), registry, graph));

  const std::string page = dir.file(html_page_name(0, "doc"));
  REQUIRE(std::filesystem::exists(page));
  REQUIRE(std::filesystem::exists(dir.file(html_page_name(1, "vide"))));
  const nlohmann::json read = read_page(dir, page);
  REQUIRE(read["claims"].size() == 3);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    INFO("claim " << i);
    CHECK(read["claims"][std::to_string(i)]["text"] == claims[i].text);
  }
  CHECK(read["claims"]["0"]["speaker"] == "Emmanuel Macron");
  CHECK(read["claims"]["1"]["kind"] == "act");
  CHECK(read["side"] == 3);

  const std::string html = quotegraph_test::read_text_file(page);
  CHECK(html.find("<script>") == std::string::npos);  // the hostile name is escaped
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  CHECK(html.find("Un &lt;titre&gt;") != std::string::npos);
  // No external assets: no script, stylesheet link, image or font fetched.
  for (const char* tag : {"<script", "<link", "<img", "@import", "src=\""}) CHECK(html.find(tag) == std::string::npos);

  const std::string index = quotegraph_test::read_text_file(dir.file("index.html"));
  CHECK(index.find("<svg") != std::string::npos);
  CHECK(index.find("Emmanuel Macron") != std::string::npos);
  CHECK(index.find(html_page_name(0, "doc")) != std::string::npos);
  CHECK(quotegraph_test::read_text_file(dir.file("articles.html")).find(html_page_name(1, "vide")) != std::string::npos);
}

TEST_CASE("an HTML site that cannot be written says where", "[html][bad-input]") {
  TempDir dir("quotegraph_html_test");
  quotegraph_test::write_text_file(dir.file("articles"), "a file where the folder should be");
  HtmlSite site;
  site.add_document("doc", {}, "Texte.", {});
  EntityRegistry registry{quotegraph_test::shared_words()};
  ClaimGraph graph;
  const Status written = site.write(dir.path.string(), registry, graph);
  REQUIRE_FALSE(written);
  CHECK(written.message().find("articles") != std::string::npos);
  CHECK(written.diagnostic().file == dir.file("articles"));
}
