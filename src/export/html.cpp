// HtmlSite: documents are spooled as records (name, metadata, text, and per
// claim its offsets, kind, relation, cue, speaker and targets with their
// mentions); write() reads them back once, writing each article page and
// its row of articles.html, then the index. Highlights are nested elements
// built from intervals: claims (<mark>), speaker and target mentions
// (<span>); an interval that crosses another is closed and reopened around
// it, so every claim's text is the concatenated text of its elements.
#include "quotegraph/export/html.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "palette.h"
#include "quotegraph/export/dot.h"
#include "quotegraph/graph/graph_view.h"
#include "quotegraph/text/text.h"
#include "xml_safe.h"

namespace quotegraph {

namespace {

// The index lists this many speakers, targets and articles; articles.html
// lists every article.
constexpr std::size_t kIndexRows = 100;
constexpr std::size_t kMaxPageName = 60;

const char kStyle[] = R"CSS(
body{font:16px/1.55 Georgia,'DejaVu Serif',serif;margin:0;color:#202124;background:#f6f7f9}
header{padding:.7em 1.5em;background:#fff;border-bottom:1px solid #dadce0;font-family:Helvetica,Arial,sans-serif}
header h1{font-size:1.3em;margin:.2em 0}
header .meta{color:#5f6368;font-size:.9em}
a{color:#1a56c4}
main{display:flex;gap:1.5em;padding:1em 1.5em;align-items:flex-start}
article{flex:3;min-width:0;background:#fff;padding:1em 1.5em;white-space:pre-wrap;border:1px solid #e0e0e0;border-radius:4px}
aside{flex:2;min-width:16em;position:sticky;top:0;max-height:100vh;overflow:auto;font:14px/1.4 Helvetica,Arial,sans-serif}
aside ol{padding-left:1.6em;margin:0}
aside li{margin:0 0 .7em 0;padding:.4em .5em;background:#fff;border-left:5px solid var(--d);border-radius:3px}
aside li a{color:inherit;text-decoration:none}
aside q{display:block;color:#3c4043;margin-top:.2em}
mark.claim{background:var(--c);color:inherit;border-bottom:2px solid var(--d);padding:0 1px}
mark.k-mixed{border-bottom-style:double;border-bottom-width:3px}
mark.k-indirect{border-bottom-style:dotted}
mark.k-act{background:transparent;border:1px dashed var(--d);border-radius:3px}
mark.claim:hover,mark.claim:target{outline:2px solid var(--d)}
span.who{font-weight:bold;box-shadow:inset 0 -3px 0 var(--d)}
span.tgt{text-decoration:underline wavy #d93025}
.kind,.rel{font-size:.85em;padding:0 .3em;border-radius:3px;background:#eef0f2}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:baseline}
table{border-collapse:collapse;background:#fff;font:14px Helvetica,Arial,sans-serif;margin:.5em 0 1.5em}
td,th{border:1px solid #e0e0e0;padding:.25em .6em;text-align:right}
td:first-child,th:first-child,td.l{text-align:left}
section{padding:0 1.5em}
section h2{font:bold 1.15em Helvetica,Arial,sans-serif}
.network svg{max-width:100%;height:auto;background:#fff;border:1px solid #e0e0e0}
.legend span{margin-right:1em}
)CSS";

// HTML text: cleaned of what XML forbids (the pages stay XHTML-clean) and
// with the five special characters escaped; line breaks written as
// character references (kept in attribute values, such as tooltips) or,
// with `keep_lines`, as they are (text content).
std::string escape(std::string_view text, bool keep_lines) {
  const std::string clean = detail::xml_safe(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n':
        if (keep_lines) out += c;
        else out += "&#10;";
        break;
      default: out += c;
    }
  }
  return out;
}

std::string esc(std::string_view text) { return escape(text, false); }

// A speaker's colours: a hue from the id (FNV-1a), pale for the
// background, deep for borders; no speaker gives grey.
std::pair<std::string, std::string> speaker_colours(const std::string& id) {
  if (id.empty()) return {"#eceff1", "#9aa0a6"};
  std::uint32_t h = 2166136261u;
  for (unsigned char c : id) h = (h ^ c) * 16777619u;
  const int hue = static_cast<int>(h % 360);
  return {"hsl(" + std::to_string(hue) + ",90%,86%)", "hsl(" + std::to_string(hue) + ",65%,38%)"};
}

std::string relation_hex(Relation r) { return detail::hex_colour(detail::relation_colour(r)); }

struct MentionRec {
  std::uint32_t begin = 0, end = 0;
};

struct TargetRec {
  std::string id, name;
  MentionRec mention;
};

struct ClaimRec {
  std::uint32_t begin = 0, end = 0;
  ClaimKind kind = ClaimKind::kDirect;
  Relation relation = Relation::kStates;
  std::string cue, text;
  std::string speaker_id, speaker_name;
  bool has_speaker = false;
  MentionRec speaker_mention;
  std::vector<TargetRec> targets;
};

struct DocRec {
  std::string name;
  DocumentMeta meta;
  std::string text;
  std::vector<ClaimRec> claims;
};

bool read_doc(std::string_view bytes, DocRec& d) {
  RecordReader in(bytes);
  std::uint32_t n = 0;
  (void)(in.str(d.name) && in.str(d.meta.date) && in.str(d.meta.source) && in.str(d.meta.url) &&
         in.str(d.meta.title) && in.str(d.text) && in.u32(n));
  d.claims.assign(in.ok() ? n : 0, ClaimRec{});
  for (ClaimRec& c : d.claims) {
    std::uint32_t kind = 0, relation = 0, has = 0, targets = 0;
    (void)(in.u32(c.begin) && in.u32(c.end) && in.u32(kind) && in.u32(relation) && in.str(c.cue) &&
           in.str(c.text) && in.u32(has) && in.str(c.speaker_id) && in.str(c.speaker_name) &&
           in.u32(c.speaker_mention.begin) && in.u32(c.speaker_mention.end) && in.u32(targets));
    c.kind = static_cast<ClaimKind>(kind);
    c.relation = static_cast<Relation>(relation);
    c.has_speaker = has != 0;
    c.targets.assign(in.ok() ? targets : 0, TargetRec{});
    for (TargetRec& t : c.targets)
      (void)(in.str(t.id) && in.str(t.name) && in.u32(t.mention.begin) && in.u32(t.mention.end));
  }
  return in.ok() && in.at_end();
}

// The name to show for an entity: the registry's final name when it knows
// the id, else the name the claim carried.
std::string name_of(const EntityRegistry& registry, const std::string& id, const std::string& fallback) {
  if (!id.empty())
    if (const Entity* e = registry.find(id)) return e->name;
  return fallback;
}

std::string page_head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         esc(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
}

// One highlighted stretch of the text.
struct Interval {
  std::uint32_t begin = 0, end = 0;
  int order = 0;         // claims first, then mentions, each in claim order
  std::string element;   // "mark" or "span"
  std::string open;      // the opening tag of the first fragment
  std::string reopen;    // the opening tag of later fragments (no id)
};

// The text with its intervals as nested elements.
std::string highlight(const std::u32string& text, std::vector<Interval> intervals) {
  const std::uint32_t size = static_cast<std::uint32_t>(text.size());
  for (Interval& iv : intervals) {
    iv.end = std::min(iv.end, size);
    iv.begin = std::min(iv.begin, iv.end);
  }
  intervals.erase(std::remove_if(intervals.begin(), intervals.end(),
                                 [](const Interval& iv) { return iv.begin == iv.end; }),
                  intervals.end());
  // Longer first at one start, so that they enclose the shorter ones.
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
    return std::tie(a.begin, b.end, a.order) < std::tie(b.begin, a.end, b.order);
  });
  std::set<std::uint32_t> bounds = {0, size};
  for (const Interval& iv : intervals) {
    bounds.insert(iv.begin);
    bounds.insert(iv.end);
  }
  std::string out;
  std::vector<std::size_t> open;  // indices into `intervals`, innermost last
  std::size_t next = 0;
  std::uint32_t at = 0;
  for (std::uint32_t p : bounds) {
    if (at < p) {
      out += escape(to_utf8(std::u32string_view(text).substr(at, p - at)), true);
      at = p;
    }
    // Close what ends here; intervals above it that go on are reopened.
    std::vector<std::size_t> reopen;
    while (std::any_of(open.begin(), open.end(), [&](std::size_t i) { return intervals[i].end == p; })) {
      const std::size_t top = open.back();
      open.pop_back();
      out += "</" + intervals[top].element + ">";
      if (intervals[top].end != p) reopen.push_back(top);
    }
    for (auto it = reopen.rbegin(); it != reopen.rend(); ++it) {
      out += intervals[*it].reopen;
      open.push_back(*it);
    }
    for (; next < intervals.size() && intervals[next].begin == p; ++next) {
      out += intervals[next].open;
      open.push_back(next);
    }
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it) out += "</" + intervals[*it].element + ">";
  return out;
}

// The page head and the article's header: title, name, date, source,
// link to the original, number of claims.
void write_article_header(std::ostream& out, const DocRec& d, const std::string& title) {
  out << page_head(title);
  out << "<header><a href=\"../index.html\">Index</a> \xC2\xB7 <a href=\"../articles.html\">All articles</a>";
  out << "\n<h1>" << esc(title) << "</h1>\n<div class=\"meta\">" << esc(d.name);
  if (!d.meta.date.empty()) out << " \xC2\xB7 " << esc(d.meta.date);
  if (!d.meta.source.empty()) out << " \xC2\xB7 " << esc(d.meta.source);
  if (!d.meta.url.empty()) out << " \xC2\xB7 <a href=\"" << esc(d.meta.url) << "\">original</a>";
  out << " \xC2\xB7 " << d.claims.size() << " claims</div></header>\n";
}

// Claim `i` in the list beside the article: speaker, cue, kind, relation,
// targets and the quoted text, linking to its mark in the article.
void write_claim_list_item(std::ostream& side, std::size_t i, const ClaimRec& c, const std::string& speaker,
                           const std::string& deep, const std::string& targets) {
  side << "<li style=\"--d:" << deep << "\"><a href=\"#c" << i << "\"><span class=\"dot\" style=\"background:"
       << deep << "\"></span><b>" << esc(speaker.empty() ? std::string("(no speaker)") : speaker) << "</b>";
  if (!c.cue.empty()) side << " <i>" << esc(c.cue) << "</i>";
  side << " <span class=\"kind\">" << claim_kind_name(c.kind) << "</span> <span class=\"rel\" style=\"color:"
       << relation_hex(c.relation) << "\">" << relation_name(c.relation) << "</span>";
  if (!targets.empty()) side << " \xE2\x86\x92 " << esc(targets);
  side << "<q>" << esc(claim_label(c.text)) << "</q></a></li>\n";
}

// The article's text as code points; a text that is not UTF-8 (no claims
// come from such a text) is shown as well as it can.
std::u32string article_text(const std::string& bytes) {
  DecodeResult decoded = decode_utf8(bytes);
  if (decoded) return std::move(decoded.text());
  auto lossy = decode_utf8(detail::xml_safe(bytes));
  return lossy ? std::move(lossy.text()) : std::u32string();
}

bool write_article(const std::string& path, const DocRec& d, const EntityRegistry& registry) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  const std::string title = d.meta.title.empty() ? d.name : d.meta.title;
  write_article_header(out, d, title);

  std::vector<Interval> intervals;
  std::set<std::tuple<std::uint32_t, std::uint32_t, int>> mentions_seen;
  std::ostringstream side;
  for (std::size_t i = 0; i < d.claims.size(); ++i) {
    const ClaimRec& c = d.claims[i];
    const std::string speaker = c.has_speaker ? name_of(registry, c.speaker_id, c.speaker_name) : "";
    const auto [fill, deep] = speaker_colours(c.has_speaker ? (c.speaker_id.empty() ? speaker : c.speaker_id) : "");
    std::string targets;
    for (const TargetRec& t : c.targets) {
      if (!targets.empty()) targets += ", ";
      targets += name_of(registry, t.id, t.name);
    }
    const std::string tip = "Speaker: " + (speaker.empty() ? std::string("(none)") : speaker) +
                            "\nCue: " + (c.cue.empty() ? std::string("(none)") : c.cue) +
                            "\nKind: " + claim_kind_name(c.kind) + "\nRelation: " + relation_name(c.relation) +
                            "\nTargets: " + (targets.empty() ? std::string("(none)") : targets);
    const std::string style = " style=\"--c:" + fill + ";--d:" + deep + "\"";
    const std::string attrs = " class=\"claim k-" + std::string(claim_kind_name(c.kind)) + "\" data-claim=\"" +
                              std::to_string(i) + "\" data-speaker=\"" + esc(speaker) + "\" data-kind=\"" +
                              claim_kind_name(c.kind) + "\" data-relation=\"" + relation_name(c.relation) +
                              "\"" + style + " title=\"" + esc(tip) + "\"";
    Interval claim;
    claim.begin = c.begin;
    claim.end = c.end;
    claim.order = static_cast<int>(i);
    claim.element = "mark";
    claim.open = "<mark id=\"c" + std::to_string(i) + "\"" + attrs + ">";
    claim.reopen = "<mark" + attrs + ">";
    intervals.push_back(std::move(claim));
    auto mention = [&](const MentionRec& m, const char* cls, const std::string& colour) {
      if (m.end <= m.begin || !mentions_seen.insert({m.begin, m.end, cls[0]}).second) return;
      Interval iv;
      iv.begin = m.begin;
      iv.end = m.end;
      iv.order = 1000000 + static_cast<int>(intervals.size());
      iv.element = "span";
      iv.open = iv.reopen = "<span class=\"" + std::string(cls) + "\" style=\"--d:" + colour + "\">";
      intervals.push_back(std::move(iv));
    };
    if (c.has_speaker) mention(c.speaker_mention, "who", deep);
    for (const TargetRec& t : c.targets) mention(t.mention, "tgt", deep);

    write_claim_list_item(side, i, c, speaker, deep, targets);
  }
  out << "<main>\n<article>" << highlight(article_text(d.text), std::move(intervals)) << "</article>\n";
  out << "<aside><h2>Claims</h2>\n<ol>\n" << side.str() << "</ol></aside>\n</main>\n</body>\n</html>\n";
  out.flush();
  return static_cast<bool>(out);
}

std::string relation_header() {
  std::string h;
  for (Relation r : detail::kRelations)
    h += "<th style=\"color:" + relation_hex(r) + "\">" + relation_name(r) + "</th>";
  return h;
}

// A table of entities ranked by claims said (speakers) or aimed at (targets).
std::string entity_table(const ActorGraph& g, bool speakers, std::size_t& listed, std::size_t& total) {
  std::vector<std::pair<int, int>> ranked;  // (count, vertex)
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    const auto& counts = speakers ? g[v].said_by_relation : g[v].targeted_by_relation;
    int n = 0;
    for (int c : counts) n += c;
    if (n > 0) ranked.emplace_back(n, static_cast<int>(v));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return g[a.second].label < g[b.second].label;
  });
  total = ranked.size();
  listed = std::min(total, kIndexRows);
  std::string t = "<table><tr><th>" + std::string(speakers ? "speaker" : "target") +
                  "</th><th>type</th><th>claims</th>" + relation_header() + "</tr>\n";
  for (std::size_t i = 0; i < listed; ++i) {
    const EntityNode& e = g[ranked[i].second];
    const auto& counts = speakers ? e.said_by_relation : e.targeted_by_relation;
    t += "<tr><td><span class=\"dot\" style=\"background:" +
         detail::hex_colour(detail::entity_colour(e.entity_type)) + "\"></span>" + esc(e.label) +
         "</td><td class=\"l\">" + entity_type_name(e.entity_type) + "</td><td>" +
         std::to_string(ranked[i].first) + "</td>";
    for (Relation r : detail::kRelations) {
      const int n = counts[static_cast<std::size_t>(r)];
      t += "<td>" + (n ? std::to_string(n) : std::string()) + "</td>";
    }
    t += "</tr>\n";
  }
  return t + "</table>\n";
}

Status cannot_write(const std::string& path) {
  return Status::error(DiagCode::kIoError, path, 0, path + ": cannot write");
}

// What the article pages leave for the index: its first rows of the
// article list and the number of claims.
struct ArticleTotals {
  std::string first_rows;
  std::size_t claims = 0;
};

// The row of article number `index` (from 0), whose page is `page`, in the
// article lists.
std::string article_row(std::size_t index, const std::string& page, const DocRec& d) {
  return "<tr><td>" + std::to_string(index + 1) + "</td><td class=\"l\"><a href=\"" + esc(page) + "\">" +
         esc(d.meta.title.empty() ? d.name : d.meta.title) + "</a></td><td class=\"l\">" + esc(d.meta.date) +
         "</td><td class=\"l\">" + esc(d.meta.source) + "</td><td>" + std::to_string(d.claims.size()) +
         "</td></tr>\n";
}

// Writes the page of every document of `spool` (may be null) and
// `dir`/articles.html listing them; fills `totals`. An error names the file
// that could not be written, or says the spool is damaged.
Status write_articles(RecordSpool* spool, const std::string& dir, std::size_t total,
                      const EntityRegistry& registry, ArticleTotals& totals) {
  const std::string list_path = dir + "/articles.html";
  std::ofstream list(list_path, std::ios::binary | std::ios::trunc);
  if (!list) return cannot_write(list_path);
  list << page_head("Articles") << "<header><a href=\"index.html\">Index</a><h1>" << total
       << " articles</h1></header>\n<section><table><tr><th>#</th><th>article</th><th>date</th><th>source</th><th>claims</th></tr>\n";
  Status status;
  if (spool != nullptr) {
    std::size_t index = 0;
    DocRec d;
    Status read = spool->for_each([&](std::string_view bytes) {
      if (!read_doc(bytes, d)) {
        status = Status::error(DiagCode::kIoError, "", 0, "the HTML spool is damaged");
        return false;
      }
      const std::string page = html_page_name(index, d.name);
      if (!write_article(dir + "/" + page, d, registry)) {
        status = cannot_write(dir + "/" + page);
        return false;
      }
      const std::string row = article_row(index, page, d);
      list << row;
      if (index < kIndexRows) totals.first_rows += row;
      totals.claims += d.claims.size();
      ++index;
      return true;
    });
    if (status) status = read;
  }
  list << "</table></section>\n</body>\n</html>\n";
  list.flush();
  if (status && !list) status = cannot_write(list_path);
  return status;
}

// The actor network of the index, drawn by render_svg; nothing when the
// graph has no edge or cannot be drawn.
void write_network(std::ostream& out, const ClaimGraph& graph) {
  if (boost::num_edges(graph.graph()) == 0) return;
  ViewOptions actors;
  actors.layer = GraphLayer::kActors;
  const Result<SvgResult> network = render_svg(GraphView(graph, actors), DotOptions{});
  if (!network) return;
  const std::size_t at = network->svg.find("<svg");
  if (at == std::string::npos) return;
  out << "<section class=\"network\"><h2>Actor network</h2><p>Who aims at whom: arrows from speaker to target, "
         "coloured by relation, thicker for more claims; the "
      << kSvgTopEntities << " entities with most claims.</p>\n"
      << network->svg.substr(at) << "</section>\n";
}

// Writes `dir`/index.html: the corpus counts, the actor network, the
// speaker and target tables and the first rows of the article list.
Status write_index(const std::string& dir, const ClaimGraph& graph, std::size_t total,
                   const ArticleTotals& totals) {
  const std::string path = dir + "/index.html";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return cannot_write(path);
  const ActorGraph& g = graph.graph();
  out << page_head("quotegraph: who says what about whom");
  out << "<header><h1>Who says what about whom</h1><div class=\"meta\">" << total << " articles \xC2\xB7 "
      << totals.claims << " claims \xC2\xB7 " << boost::num_vertices(g) << " speakers and targets \xC2\xB7 <a href=\"articles.html\">all articles</a></div></header>\n";
  write_network(out, graph);
  std::size_t listed = 0, ranked = 0;
  const std::string speakers = entity_table(g, true, listed, ranked);
  out << "<section><h2>Speakers</h2><p>Claims said, per relation" << (listed < ranked ? " (the " + std::to_string(listed) + " of " + std::to_string(ranked) + " with most claims)" : std::string()) << ".</p>\n" << speakers;
  const std::string targets = entity_table(g, false, listed, ranked);
  out << "<h2>Targets</h2><p>Claims aimed at them, per relation" << (listed < ranked ? " (the " + std::to_string(listed) + " of " + std::to_string(ranked) + " most aimed at)" : std::string()) << ".</p>\n" << targets;
  out << "<h2>Articles</h2><table><tr><th>#</th><th>article</th><th>date</th><th>source</th><th>claims</th></tr>\n"
      << totals.first_rows << "</table>\n";
  if (total > kIndexRows) out << "<p><a href=\"articles.html\">All " << total << " articles</a></p>\n";
  out << "</section>\n</body>\n</html>\n";
  out.flush();
  if (!out) return cannot_write(path);
  return Status();
}

}  // namespace

std::string html_page_name(std::size_t index, std::string_view name) {
  char number[24];
  std::snprintf(number, sizeof number, "%06zu", index);
  std::string out = std::string("articles/") + number;
  if (!name.empty()) {
    out += '-';
    for (char c : name.substr(0, kMaxPageName)) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '-' || c == '_';
      out += keep ? c : '_';
    }
  }
  return out + ".html";
}

HtmlSite::HtmlSite() : spool_(std::make_unique<RecordSpool>()) {}
HtmlSite::~HtmlSite() = default;
HtmlSite::HtmlSite(HtmlSite&&) noexcept = default;
HtmlSite& HtmlSite::operator=(HtmlSite&&) noexcept = default;

std::size_t HtmlSite::document_count() const { return spool_ ? spool_->size() : 0; }

void HtmlSite::add_document(std::string_view name, const DocumentMeta& meta, std::string_view text,
                            const std::vector<Claim>& claims) {
  if (!spool_) spool_ = std::make_unique<RecordSpool>();
  RecordWriter r;
  r.str(name).str(meta.date).str(meta.source).str(meta.url).str(meta.title).str(text);
  r.u32(static_cast<std::uint32_t>(claims.size()));
  for (const Claim& c : claims) {
    r.u32(c.begin).u32(c.end).u32(static_cast<std::uint32_t>(c.kind)).u32(static_cast<std::uint32_t>(c.relation));
    r.str(c.cue).str(c.text).u32(c.speaker ? 1 : 0);
    const EntityRef none;
    const EntityRef& s = c.speaker ? *c.speaker : none;
    r.str(s.id).str(s.name).u32(s.mention.begin).u32(s.mention.end);
    r.u32(static_cast<std::uint32_t>(c.targets.size()));
    for (const EntityRef& t : c.targets) r.str(t.id).str(t.name).u32(t.mention.begin).u32(t.mention.end);
  }
  spool_->append(r.data());
}

Status HtmlSite::write(const std::string& dir, const EntityRegistry& registry, const ClaimGraph& graph) {
  const std::string articles_dir = dir + "/articles";
  std::error_code ec;
  if (!std::filesystem::create_directories(articles_dir, ec) && ec) {
    return Status::error(DiagCode::kIoError, articles_dir, 0,
                         articles_dir + ": cannot create folder: " + ec.message());
  }
  const std::size_t total = document_count();
  ArticleTotals totals;
  if (Status written = write_articles(spool_.get(), dir, total, registry, totals); !written) return written;
  return write_index(dir, graph, total, totals);
}

}  // namespace quotegraph
