// Global operator new and delete of the command line: large blocks (the
// per-token and per-claim arrays of a document of several megabytes) are
// asked to be backed by transparent huge pages, so that touching them costs
// one page fault per 2 MiB instead of one per 4 KiB. On a 12.6 MB paragraph
// the arrays of tokens, mentions and claims are about 500 MiB touched once:
// 210,000 page faults, a third of the run's CPU, before this.
//
// The kernel honours the advice when transparent huge pages are in
// "madvise" mode (the Debian default) or "always"; with "never" it is
// ignored and nothing changes. Every block still comes from malloc and goes
// back through free, so sanitizers and malloc's own accounting see the
// usual pairs. Only the quotegraph executable replaces operator new; the
// library and its tests keep the default.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

// Below this size a block is not worth a madvise call: huge pages cover
// 2 MiB, and small blocks share pages with others.
constexpr std::size_t kHugeAdviceBytes = std::size_t{4} << 20;
constexpr std::uintptr_t kPageBytes = 4096;

// malloc(size), with the pages wholly inside a large block advised to be
// huge ones. Null when malloc fails.
void* allocate(std::size_t size) noexcept {
  void* block = std::malloc(size == 0 ? 1 : size);
  if (block != nullptr && size >= kHugeAdviceBytes) {
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    const std::uintptr_t first_page = (start + kPageBytes - 1) & ~(kPageBytes - 1);
    const std::uintptr_t last_page = (start + size) & ~(kPageBytes - 1);
    // Advice only: a failure (an old kernel, THP off) leaves normal pages.
    if (last_page > first_page)
      (void)::madvise(reinterpret_cast<void*>(first_page), last_page - first_page, MADV_HUGEPAGE);
  }
  return block;
}

void* allocate_or_throw(std::size_t size) {
  if (void* block = allocate(size)) return block;
  throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { std::free(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { std::free(block); }
