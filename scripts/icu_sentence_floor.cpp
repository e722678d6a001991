// icu_sentence_floor: the throughput floor of the benchmark. Reads every
// *.txt file below the folders given (or the files given), converts each
// from UTF-8 to UTF-16 and breaks it into sentences with ICU's French
// sentence iterator (fr@ss=standard, as quotegraph's segmenter), on one
// thread. What quotegraph does on top of this is its own cost: comparing
// its MB/s with this program's, in the same run, tells how far it is from
// the floor on this machine whatever the machine's speed.
// Usage: icu_sentence_floor PATH... ; prints "files bytes sentences seconds MB/s".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: icu_sentence_floor PATH...\n");
    return 2;
  }
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    if (fs::is_directory(argv[i], ec)) {
      for (auto it = fs::recursive_directory_iterator(argv[i], ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") files.push_back(it->path().string());
    } else {
      files.push_back(argv[i]);
    }
  }
  std::sort(files.begin(), files.end());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("fr@ss=standard"), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "icu_sentence_floor: no French sentence iterator: %s\n", u_errorName(status));
    return 1;
  }
  const auto started = std::chrono::steady_clock::now();
  std::size_t bytes = 0, sentences = 0;
  std::string text;
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "icu_sentence_floor: cannot read %s\n", path.c_str());
      return 1;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += text.size();
    icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(text);
    it->setText(utf16);
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) ++sentences;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%zu files %zu bytes %zu sentences %.3f s %.1f MB/s\n", files.size(), bytes, sentences, secs,
              secs > 0 ? bytes / 1e6 / secs : 0.0);
  return 0;
}
