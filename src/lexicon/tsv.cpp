// The data file reader shared by the lexicon, the gazetteer and the word
// classes.
#include "quotegraph/lexicon/tsv.h"

#include <fstream>
#include <string_view>

#include "quotegraph/text/excerpt.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

namespace {

constexpr std::size_t kMaxExcerptBytes = 80;

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::vector<std::string> split_fields(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t pos = s.find(sep, start);
    out.push_back(trim(std::string_view(s).substr(start, pos == std::string::npos ? pos : pos - start)));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return out;
}

std::optional<std::vector<TsvLine>> read_tsv(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<TsvLine> lines;
  std::string raw;
  std::size_t number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (number == 1 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);  // BOM
    const std::size_t first = raw.find_first_not_of(" \t");
    if (first == std::string::npos || raw[first] == '#') continue;
    if (auto decoded = decode_utf8(raw); !decoded) {
      diags.error(DiagCode::kBadData, path, number, "line is not UTF-8: " + decoded.error().message,
                  cut_excerpt(raw, kMaxExcerptBytes), "line");
      continue;
    }
    TsvLine line;
    line.number = number;
    line.fields = split_fields(raw, '\t');
    line.text = std::move(raw);
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace quotegraph
