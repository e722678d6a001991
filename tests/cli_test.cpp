// End-to-end tests of `quotegraph extract`, run as a separate process from
// a scratch directory: exit codes (0 ok, 1 bad input, 2 usage), one bad
// document reported with its byte offset without stopping the others,
// standard input and output, the claims JSONL contract (keys, and `text`
// equal to the document's code points [start, end)), no temporary files
// left behind, and GraphML / DOT files that networkx and Graphviz read.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "catch.hpp"
#include "support/cli_run.h"
#include "support/test_support.h"
#include "quotegraph/text/text.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using quotegraph_test::read_text_file;
using quotegraph_test::shell_quote;
using quotegraph_test::write_text_file;

const char* const kSeedA = "000_df129b15e3c6ff2f.txt";
const char* const kSeedB = "003_6fe3999efee659f4.txt";

// A scratch directory for this file's tests.
struct TempDir : quotegraph_test::TempDir {
  TempDir() : quotegraph_test::TempDir("quotegraph_cli_test") {}
};

using RunResult = quotegraph_test::CliResult;

// Runs a shell command line in `dir` with TMPDIR pointing at `dir`/tmp (so
// that spool files are visible to the test), capturing both streams.
RunResult run_in(const TempDir& dir, const std::string& command_line, const std::string& stdin_path = "") {
  return quotegraph_test::run_shell(dir, command_line, stdin_path);
}

RunResult run_cli(const TempDir& dir, const std::string& args, const std::string& stdin_path = "") {
  return run_in(dir, shell_quote(QUOTEGRAPH_CLI_PATH) + " " + args, stdin_path);
}

std::vector<json> parse_jsonl(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    INFO("JSONL line " << n << ": " << line);
    json j = json::parse(line, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    REQUIRE(j.is_object());
    lines.push_back(std::move(j));
  }
  return lines;
}

std::string seed(const char* name) { return std::string(QUOTEGRAPH_SEEDS_DIR) + "/" + name; }

std::u32string u32(const std::string& bytes) {
  auto r = quotegraph::decode_utf8(bytes);
  REQUIRE(r);
  return r.text();
}

std::string slice(const std::u32string& text, std::uint64_t start, std::uint64_t end) {
  REQUIRE(start <= end);
  REQUIRE(end <= text.size());
  return quotegraph::to_utf8(std::u32string_view(text).substr(start, end - start));
}

// Checks every claim line against the contract of README.md ("Claims
// JSONL"): the documented keys with their types, and text, speaker_mention
// and target_mentions equal to the document at their offsets.
void check_claims(const std::vector<json>& claims, const std::map<std::string, std::u32string>& documents) {
  static const std::set<std::string> kKinds = {"direct", "mixed", "indirect", "act"};
  for (const json& c : claims) {
    INFO(c.dump());
    for (const char* key : {"document", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue",
                            "targets"}) {
      INFO("key " << key);
      CHECK(c.contains(key));
    }
    REQUIRE(c["document"].is_string());
    REQUIRE(c["start"].is_number_unsigned());
    REQUIRE(c["end"].is_number_unsigned());
    CHECK(kKinds.count(c["kind"].get<std::string>()) == 1);
    CHECK((c["speaker"].is_null() || c["speaker"].is_string()));
    CHECK((c["cue"].is_null() || c["cue"].is_string()));
    REQUIRE(c["targets"].is_array());
    for (const json& t : c["targets"]) CHECK(t.is_string());
    auto doc = documents.find(c["document"].get<std::string>());
    REQUIRE(doc != documents.end());
    const std::u32string& text = doc->second;
    const auto start = c["start"].get<std::uint64_t>(), end = c["end"].get<std::uint64_t>();
    CHECK(start < end);
    CHECK(c["text"].get<std::string>() == slice(text, start, end));
    if (c["speaker_mention"].is_object()) {
      const json& m = c["speaker_mention"];
      CHECK(c["speaker"].is_string());
      CHECK(m["text"].get<std::string>() ==
            slice(text, m["start"].get<std::uint64_t>(), m["end"].get<std::uint64_t>()));
    } else {
      CHECK(c["speaker_mention"].is_null());
    }
    if (c.contains("target_mentions")) {
      for (const json& m : c["target_mentions"]) {
        CHECK(m["text"].get<std::string>() ==
              slice(text, m["start"].get<std::uint64_t>(), m["end"].get<std::uint64_t>()));
      }
    }
  }
}

// Files a run left behind that it should have removed.
std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find(".tmp.") != std::string::npos || name.find(".spool.") != std::string::npos)
      found.push_back(e.path().string());
  }
  return found;
}

bool has_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace

TEST_CASE("extract: a bad document is reported and the good ones still processed", "[cli][bad-input]") {
  TempDir dir;
  fs::create_directories(dir.path / "in");
  fs::create_directories(dir.path / "out");
  fs::copy_file(seed(kSeedA), dir.file(std::string("in/") + kSeedA));
  fs::copy_file(seed(kSeedB), dir.file(std::string("in/") + kSeedB));
  const std::string good_prefix = "Le ministre a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Nous partirons \xC2\xBB.\n";
  write_text_file(dir.file("in/bad.txt"), good_prefix + "\xFF" + "la suite\n");

  RunResult r = run_cli(dir,
                           "extract in --claims out/claims.jsonl --graphml out/graph.graphml "
                           "--dot out/graph.dot --entities out/entities.jsonl -q");
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  // file:line:column: error: … (byte N), the bad byte escaped
  CHECK(r.err.find("bad.txt:2:1: error: invalid UTF-8 byte 0xFF (byte " +
                   std::to_string(good_prefix.size()) + ")") != std::string::npos);
  CHECK(r.err.find("\\xFF") != std::string::npos);
  CHECK(r.err.find('\xFF') == std::string::npos);

  std::vector<json> claims = parse_jsonl(read_text_file(dir.file("out/claims.jsonl")));
  std::map<std::string, int> per_document;
  for (const json& c : claims) ++per_document[c.value("document", "")];
  CHECK(per_document[kSeedA] > 0);
  CHECK(per_document[kSeedB] > 0);
  CHECK(per_document.count("bad.txt") == 0);
  CHECK(per_document.size() == 2);
  check_claims(claims, {{kSeedA, u32(read_text_file(seed(kSeedA)))}, {kSeedB, u32(read_text_file(seed(kSeedB)))}});

  // GraphML: well formed, complete, one claim node per claim line.
  pugi::xml_document graphml;
  REQUIRE(graphml.load_file(dir.file("out/graph.graphml").c_str()));
  pugi::xml_node graph = graphml.child("graphml").child("graph");
  REQUIRE(graph);
  std::size_t claim_nodes = 0, nodes = 0;
  for (pugi::xml_node n : graph.children("node")) {
    ++nodes;
    for (pugi::xml_node d : n.children("data")) {
      if (std::string(d.attribute("key").value()) == "n_kind" && std::string(d.text().get()) == "claim")
        ++claim_nodes;
    }
  }
  CHECK(claim_nodes == claims.size());
  CHECK(nodes > claim_nodes);

  // DOT: a whole digraph.
  const std::string dot = read_text_file(dir.file("out/graph.dot"));
  CHECK(dot.find("digraph") != std::string::npos);
  REQUIRE(dot.find_last_not_of(" \n") != std::string::npos);
  CHECK(dot[dot.find_last_not_of(" \n")] == '}');

  // Entities: one JSON object per line with an id and a name.
  std::vector<json> entities = parse_jsonl(read_text_file(dir.file("out/entities.jsonl")));
  CHECK_FALSE(entities.empty());
  for (const json& e : entities) {
    CHECK(e.contains("id"));
    CHECK(e.contains("name"));
  }
  CHECK(leftovers(dir.path).empty());
}

TEST_CASE("extract: --help, --version and usage errors", "[cli][bad-input]") {
  TempDir dir;
  RunResult help = run_cli(dir, "--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("extract") != std::string::npos);
  CHECK(help.out.find("eval") != std::string::npos);
  CHECK(help.out.find("gold-draft") != std::string::npos);

  RunResult extract_help = run_cli(dir, "extract --help");
  CHECK(extract_help.status == 0);
  CHECK(extract_help.out.find("--claims") != std::string::npos);
  CHECK(extract_help.out.find("--graphml") != std::string::npos);

  RunResult version = run_cli(dir, "--version");
  CHECK(version.status == 0);
  CHECK(version.out.find(std::string("quotegraph ") + QUOTEGRAPH_VERSION) != std::string::npos);

  RunResult unknown = run_cli(dir, "extract --no-such-option x.txt");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("--no-such-option") != std::string::npos);

  RunResult no_subcommand = run_cli(dir, "");
  CHECK(no_subcommand.status == 2);

  RunResult no_input = run_cli(dir, "extract --claims out.jsonl");
  CHECK(no_input.status == 2);

  RunResult bad_command = run_cli(dir, "frobnicate");
  CHECK(bad_command.status == 2);
}

TEST_CASE("extract: a missing input file is bad input (exit 1) and named", "[cli][bad-input]") {
  TempDir dir;
  fs::copy_file(seed(kSeedA), dir.file(kSeedA));
  RunResult r = run_cli(dir, std::string("extract missing.txt ") + kSeedA + " --claims claims.jsonl -q");
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("missing.txt") != std::string::npos);
  // The existing file is still processed.
  std::vector<json> claims = parse_jsonl(read_text_file(dir.file("claims.jsonl")));
  CHECK_FALSE(claims.empty());
  for (const json& c : claims) CHECK(c["document"] == kSeedA);
}

TEST_CASE("extract: - reads standard input and --claims - writes standard output", "[cli][unit]") {
  TempDir dir;
  RunResult r = run_cli(dir, "extract - --claims - -q", seed(kSeedA));
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  std::vector<json> claims = parse_jsonl(r.out);
  REQUIRE_FALSE(claims.empty());
  for (const json& c : claims) CHECK(c["document"] == "stdin");
  check_claims(claims, {{"stdin", u32(read_text_file(seed(kSeedA)))}});
  // Nothing but claims on standard output, no spool file left in TMPDIR.
  CHECK(r.out.back() == '\n');
  CHECK(leftovers(dir.path).empty());
  CHECK(fs::is_empty(dir.path / "tmp"));
}

TEST_CASE("extract: --claims - with file inputs, claims match the documents", "[cli][unit]") {
  TempDir dir;
  fs::copy_file(seed(kSeedA), dir.file(kSeedA));
  fs::copy_file(seed(kSeedB), dir.file(kSeedB));
  RunResult r = run_cli(dir, std::string("extract ") + kSeedA + " " + kSeedB + " --claims -");
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  std::vector<json> claims = parse_jsonl(r.out);
  REQUIRE_FALSE(claims.empty());
  check_claims(claims, {{kSeedA, u32(read_text_file(seed(kSeedA)))}, {kSeedB, u32(read_text_file(seed(kSeedB)))}});
  // Claims come document by document, in input order, by start offset.
  CHECK(claims.front()["document"] == kSeedA);
  CHECK(claims.back()["document"] == kSeedB);
  for (std::size_t i = 1; i < claims.size(); ++i) {
    if (claims[i]["document"] != claims[i - 1]["document"]) continue;
    CHECK(claims[i - 1]["start"].get<std::uint64_t>() <= claims[i]["start"].get<std::uint64_t>());
  }
  // Standard error is no terminal here: no summary or progress line, and
  // nothing of it leaks into the JSONL.
  CHECK(r.err.find("documents") == std::string::npos);
  CHECK(leftovers(dir.path).empty());
}

TEST_CASE("extract: with no output option, writes output/ and leaves no temporary file", "[cli][unit]") {
  TempDir dir;
  fs::copy_file(seed(kSeedA), dir.file(kSeedA));
  RunResult r = run_cli(dir, std::string("extract -q ") + kSeedA);
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(fs::file_size(dir.file("output/claims.jsonl")) > 0);
  CHECK(fs::file_size(dir.file("output/graph.graphml")) > 0);
  CHECK(fs::file_size(dir.file("output/graph.dot")) > 0);
  CHECK(leftovers(dir.path).empty());
  CHECK(fs::is_empty(dir.path / "tmp"));
}

TEST_CASE("extract: odd characters in a document name keep DOT and GraphML valid", "[cli][bad-input]") {
  // Claim node names carry the document name, so quotes, backslashes and
  // braces in a file name reach the DOT and GraphML writers.
  TempDir dir;
  const std::string odd = "we\"ird\\{doc} <&>.txt";
  fs::copy_file(seed(kSeedA), dir.path / odd);
  RunResult r = run_cli(dir, "extract " + shell_quote(odd) + " --claims c.jsonl --graphml g.graphml --dot g.dot -q");
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  std::vector<json> claims = parse_jsonl(read_text_file(dir.file("c.jsonl")));
  REQUIRE_FALSE(claims.empty());
  for (const json& c : claims) CHECK(c["document"] == odd);
  pugi::xml_document graphml;
  CHECK(graphml.load_file(dir.file("g.graphml").c_str()));
  if (has_program("dot")) {
    RunResult dot = run_in(dir, "dot -Tsvg -o /dev/null g.dot");
    INFO("dot: " << dot.err);
    CHECK(dot.status == 0);
  }
}

TEST_CASE("extract: networkx reads the GraphML and dot renders the DOT", "[cli][interop]") {
  TempDir dir;
  fs::copy_file(seed(kSeedA), dir.file(kSeedA));
  fs::copy_file(seed(kSeedB), dir.file(kSeedB));
  RunResult r = run_cli(dir, std::string("extract ") + kSeedA + " " + kSeedB +
                                    " --graphml g.graphml --dot g.dot --svg g.svg -q");
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);

  if (fs::exists("/usr/bin/python3") &&
      std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0) {
    RunResult nx = run_in(dir,
                          "/usr/bin/python3 -c 'import networkx as nx, sys; g=nx.read_graphml(sys.argv[1]); "
                          "assert g.number_of_nodes()>0 and g.number_of_edges()>0' g.graphml");
    INFO("networkx: " << nx.err);
    CHECK(nx.status == 0);
  } else {
    WARN("networkx not available: GraphML interop not checked");
  }
  if (has_program("dot")) {
    RunResult dot = run_in(dir, "dot -Tsvg -o /dev/null g.dot");
    INFO("dot: " << dot.err);
    CHECK(dot.status == 0);
  } else {
    WARN("dot not available: DOT interop not checked");
  }
  // The SVG rendered in-process is a whole SVG document.
  const std::string svg = read_text_file(dir.file("g.svg"));
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("</svg>") != std::string::npos);
}

TEST_CASE("extract: an output that is a pipe or device is written in place and not replaced", "[cli][unit]") {
  TempDir dir;
  fs::copy_file(fs::path(QUOTEGRAPH_SEEDS_DIR) / kSeedA, dir.path / kSeedA);
  const std::string fifo = dir.file("claims.fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A reader drains the pipe while extract writes into it.
  REQUIRE(std::system(("cat " + shell_quote(fifo) + " > " + shell_quote(dir.file("got.jsonl")) + " &").c_str()) == 0);
  RunResult r = run_cli(dir, "extract " + shell_quote(kSeedA) + " --claims " + shell_quote(fifo) + " -q");
  CHECK(r.status == 0);
  // The reader may still be copying: wait until the file stops growing.
  std::string got, previous = "-";
  for (int i = 0; i < 100 && (got.empty() || got != previous || got.back() != '\n'); ++i) {
    ::usleep(20000);
    previous = got;
    got = read_text_file(dir.file("got.jsonl"));
  }
  struct stat st {};
  REQUIRE(::stat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));  // a rename over it would have made it a regular file
  std::vector<json> claims = parse_jsonl(got);
  CHECK_FALSE(claims.empty());
}

TEST_CASE("extract: missing inputs, empty folders and empty files are each named with a reason",
          "[cli][bad-input]") {
  TempDir dir;
  fs::create_directories(dir.path / "empty_folder");
  fs::create_directories(dir.path / "in");
  fs::copy_file(seed(kSeedA), dir.file(std::string("in/") + kSeedA));
  write_text_file(dir.file("in/empty.txt"), "");
  RunResult r = run_cli(dir, "extract missing.txt empty_folder in --claims claims.jsonl -q");
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("missing.txt:0: error: cannot open: No such file or directory") != std::string::npos);
  CHECK(r.err.find("empty_folder:0: error: no .txt or .jsonl file in this folder or below it") != std::string::npos);
  CHECK(r.err.find("empty.txt:1:1: error: document is empty") != std::string::npos);
  // The summary counts the three failures among the four inputs.
  CHECK(r.err.find("quotegraph: 3 of 4 inputs failed, 1 documents read") != std::string::npos);
  std::vector<json> claims = parse_jsonl(read_text_file(dir.file("claims.jsonl")));
  CHECK_FALSE(claims.empty());
}

TEST_CASE("extract: an output that cannot be written gives the system's reason", "[cli][bad-input]") {
  TempDir dir;
  fs::copy_file(seed(kSeedA), dir.file(kSeedA));
  RunResult r = run_cli(dir, std::string("extract ") + kSeedA + " --claims no/such/dir/claims.jsonl -q");
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("no/such/dir/claims.jsonl: error: cannot write output: No such file or directory") !=
        std::string::npos);
}

TEST_CASE("extract: documents are named by their path under the input folder, never colliding",
          "[cli][unit]") {
  TempDir dir;
  fs::create_directories(dir.path / "a/sub");
  fs::create_directories(dir.path / "b");
  fs::copy_file(seed(kSeedA), dir.file("a/x.txt"));
  fs::copy_file(seed(kSeedA), dir.file("a/sub/y.txt"));
  fs::copy_file(seed(kSeedB), dir.file("b/x.txt"));

  // One folder: files directly in it keep their plain name, others their subpath.
  RunResult one = run_cli(dir, "extract a --claims one.jsonl -q");
  INFO("stderr: " << one.err);
  CHECK(one.status == 0);
  std::set<std::string> names;
  for (const json& c : parse_jsonl(read_text_file(dir.file("one.jsonl")))) names.insert(c["document"]);
  CHECK(names == std::set<std::string>{"x.txt", "sub/y.txt"});

  // Two inputs named x.txt: each named by its path under their common folder.
  RunResult two = run_cli(dir, "extract a/x.txt b --claims two.jsonl -q");
  INFO("stderr: " << two.err);
  CHECK(two.status == 0);
  names.clear();
  for (const json& c : parse_jsonl(read_text_file(dir.file("two.jsonl")))) names.insert(c["document"]);
  CHECK(names == std::set<std::string>{"a/x.txt", "b/x.txt"});
}

TEST_CASE("extract: --help documents the data folder search and the limits", "[cli][unit]") {
  TempDir dir;
  RunResult r = run_cli(dir, "extract --help");
  CHECK(r.status == 0);
  for (const char* word : {"QUOTEGRAPH_DATA", "../share/quotegraph/data", "--max-document-bytes",
                           "--max-paragraph-chars", "--max-quote-chars", "--max-quote-depth"}) {
    INFO(word);
    CHECK(r.out.find(word) != std::string::npos);
  }
}

TEST_CASE("extract: a document over --max-document-bytes is refused and counted, the others kept",
          "[cli][bad-input]") {
  TempDir dir;
  fs::copy_file(seed(kSeedA), dir.file(kSeedA));
  write_text_file(dir.file("big.txt"), std::string(4000000, 'a'));
  RunResult r = run_cli(dir, std::string("extract big.txt ") + kSeedA +
                                 " --max-document-bytes 3000000 --claims claims.jsonl -q");
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(r.err.find("big.txt:0: error: document of 4000000 bytes is larger than the limit of 3000000 bytes: "
                   "skipped") != std::string::npos);
  CHECK(r.err.find("quotegraph: 1 of 2 inputs failed, 1 documents read") != std::string::npos);
  std::vector<json> claims = parse_jsonl(read_text_file(dir.file("claims.jsonl")));
  REQUIRE_FALSE(claims.empty());
  for (const json& c : claims) CHECK(c["document"] == kSeedA);
}
