// StringTable: a map from byte strings to values, looked up by
// std::string_view without building a std::string. Open addressing over
// small slots (a hash and an index, 16 bytes), the values in one vector and
// the keys in one arena, so that a look-up touches one slot, one entry and
// its key bytes. The interning tables of the lexicon and syntax stages
// (WordTable, PosLexicon's cache) are built on it. Not thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quotegraph {

template <class Value>
class StringTable {
 public:
  StringTable() = default;
  // A table with room for `expected_keys` keys before it first grows: a
  // table made for one document's few hundred words, not 4,096 slots.
  explicit StringTable(std::size_t expected_keys) {
    std::size_t slots = 16;
    while (slots < 2 * expected_keys) slots *= 2;
    slots_.resize(slots);
    entries_.reserve(expected_keys);
  }

  // The value of `key`, or nullptr when it was never added (or the table
  // was cleared since). The pointer is valid until the next add() or clear().
  Value* find(std::string_view key) { return const_cast<Value*>(find_hashed(key, hash_of(key))); }
  // The same on a table no longer added to: it changes nothing, so
  // several threads may look up at once.
  const Value* find(std::string_view key) const { return find_hashed(key, hash_of(key)); }

  // The value of `key`, adding `make()` under it when it is absent. The
  // reference is valid until the next add(), find_or_add() or clear().
  template <class Make>
  Value& find_or_add(std::string_view key, Make&& make) {
    const std::uint64_t hash = hash_of(key);
    if (const Value* v = find_hashed(key, hash)) return *const_cast<Value*>(v);
    return add_hashed(key, hash, make());
  }

  // Adds `value` under `key`, which must be absent. Never fails. Keys are
  // stored with 32-bit offsets: callers keep the table under 4 GiB of key
  // bytes (WordTable clears at 64 MiB, PosLexicon's cache at 32 MiB).
  Value& add(std::string_view key, Value value) { return add_hashed(key, hash_of(key), std::move(value)); }

  // Forgets every key (the memory of the slots is given back).
  void clear() {
    slots_.clear();
    slots_.shrink_to_fit();
    entries_.clear();
    keys_.clear();
  }

  std::size_t size() const { return entries_.size(); }
  // Bytes of all the keys added since the last clear().
  std::size_t key_bytes() const { return keys_.size(); }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t entry = kEmpty;  // index into entries_, kEmpty for a free slot
  };
  struct Entry {
    std::uint32_t key_begin = 0, key_size = 0;
    Value value;
  };
  static constexpr std::uint32_t kEmpty = 0xffffffffu;
  static constexpr std::size_t kInitialSlots = 4096;

  // Keys are words and short phrases, looked up for every token: eight
  // bytes at a time, each block multiplied in (the constants of
  // splitmix64), then a final mix so that the low bits the slot mask
  // keeps depend on every byte. Inline, where std::hash's out-of-line
  // murmur costs more than the probe itself on a word of six letters.
  static std::uint64_t hash_of(std::string_view key) {
    constexpr std::uint64_t kMultiply = 0xbf58476d1ce4e5b9ull;
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ key.size();
    const char* p = key.data();
    std::size_t n = key.size();
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t block;
      std::memcpy(&block, p, 8);
      h = (h ^ block) * kMultiply;
      h ^= h >> 31;
    }
    if (n > 0) {
      h = (h ^ tail_block(p, n)) * kMultiply;
      h ^= h >> 31;
    }
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 29);
  }

  // The `n` bytes at `p` (1 to 8) as one little-endian number, the bytes
  // past `n` zero: the value a byte-by-byte loop would build, from two
  // overlapping loads (or three bytes below 4) and never a byte past `n`.
  static std::uint64_t tail_block(const char* p, std::size_t n) {
    if (n >= 4) {
      std::uint32_t low, high;
      std::memcpy(&low, p, 4);
      std::memcpy(&high, p + n - 4, 4);
      return std::uint64_t{low} | (std::uint64_t{high} << (8 * (n - 4)));
    }
    const auto byte = [p](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    return byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
  }

  // Whether the `n` key bytes at `a` and `b` are equal: short keys (most
  // words) by one or two loads each, without a call to memcmp.
  static bool same_bytes(const char* a, const char* b, std::size_t n) {
    if (n == 0) return true;
    if (n <= 8) return tail_block(a, n) == tail_block(b, n);
    return std::memcmp(a, b, n) == 0;
  }

  const Value* find_hashed(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].entry != kEmpty; i = (i + 1) & mask) {
      if (slots_[i].hash != hash) continue;
      const Entry& e = entries_[slots_[i].entry];
      if (e.key_size == key.size() && same_bytes(keys_.data() + e.key_begin, key.data(), key.size()))
        return &e.value;
    }
    return nullptr;
  }

  Value& add_hashed(std::string_view key, std::uint64_t hash, Value value) {
    // At most half full, so that probe runs stay short.
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i].entry != kEmpty) i = (i + 1) & mask;
    slots_[i].hash = hash;
    slots_[i].entry = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(Entry{static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()),
                             std::move(value)});
    keys_.append(key);
    return entries_.back().value;
  }

  void grow() {
    std::vector<Slot> old(slots_.empty() ? kInitialSlots : slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.entry == kEmpty) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].entry != kEmpty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;     // empty, or a power of two at most half full
  std::vector<Entry> entries_;  // in the order they were added
  std::string keys_;            // every key, one after the other
};

}  // namespace quotegraph
