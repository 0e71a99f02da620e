// The harness's on-disk cache of generated inputs (`--input-cache DIR`; verify/inputcache.py).
//
// A case's master input (what task::generate returns for repetition 0) is a pure function of
// (family, size, seed) and of the generator code, which is compiled into this executable: the
// caller names DIR after this executable's digest, so a file here is looked up by (family, size,
// seed) alone. Timing seeds are stable across evaluations (verify/measure.py `_reuse_plan`), so
// the baseline, the candidate, the reference, the profile run and every later evaluation of the
// same timing set read the input instead of generating it again.
//
// A file: a fixed header (magic, format version, key length, payload length, checksum), the key
// text "FAMILY SIZE SEED", then the input in parevo::wire's format. It is written to a temporary
// file and renamed (atomic), and read through a read-only private mapping. Anything that does not
// check out (owner, size, magic, version, key, checksum, a payload that `wire::get` rejects or
// does not consume exactly) is ignored: the input is generated again and the file replaced. The
// checksum is against torn or damaged files, not an adversary: only the trusted harness (root)
// reaches DIR (0700, bound into its sandbox alone); the candidate process runs as `nobody` and was
// forked before any file here was opened.
//
// An Input type the wire format cannot carry faithfully (a pointer, a class with constructors of
// its own) is not cached: `storable` decides at compile time, and such a task generates as before.
#pragma once
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "output_digest.hpp"
#include "parevo/wire.hpp"

namespace parevo::input_cache {

namespace detail {
using namespace parevo::wire::detail;

template <class... A> struct types {};
template <class T> using bare = std::remove_cvref_t<T>;

template <class T> constexpr bool storable();

template <class... A> constexpr bool all_storable(types<A...>) { return (storable<A>() && ...); }

// The fields' types, found the way wire::for_fields finds the fields (structured bindings).
template <std::size_t N, class T>
auto field_types(T& v) {
  if constexpr (N == 1) { auto& [a] = v; return types<bare<decltype(a)>>{}; }
  else if constexpr (N == 2) { auto& [a, b] = v; return types<bare<decltype(a)>, bare<decltype(b)>>{}; }
  else if constexpr (N == 3) { auto& [a, b, c] = v; return types<bare<decltype(a)>, bare<decltype(b)>, bare<decltype(c)>>{}; }
  else if constexpr (N == 4) { auto& [a, b, c, d] = v; return types<bare<decltype(a)>, bare<decltype(b)>, bare<decltype(c)>, bare<decltype(d)>>{}; }
  else if constexpr (N == 5) { auto& [a, b, c, d, e] = v; return types<bare<decltype(a)>, bare<decltype(b)>, bare<decltype(c)>, bare<decltype(d)>, bare<decltype(e)>>{}; }
  else if constexpr (N == 6) { auto& [a, b, c, d, e, f] = v; return types<bare<decltype(a)>, bare<decltype(b)>, bare<decltype(c)>, bare<decltype(d)>, bare<decltype(e)>, bare<decltype(f)>>{}; }
  else if constexpr (N == 7) { auto& [a, b, c, d, e, f, g] = v; return types<bare<decltype(a)>, bare<decltype(b)>, bare<decltype(c)>, bare<decltype(d)>, bare<decltype(e)>, bare<decltype(f)>, bare<decltype(g)>>{}; }
  else if constexpr (N == 8) { auto& [a, b, c, d, e, f, g, h] = v; return types<bare<decltype(a)>, bare<decltype(b)>, bare<decltype(c)>, bare<decltype(d)>, bare<decltype(e)>, bare<decltype(f)>, bare<decltype(g)>, bare<decltype(h)>>{}; }
  else return types<void>{};  // more fields than the cache looks into: not cached
}

template <class T>
constexpr bool aggregate_storable() {
  if constexpr (!std::is_aggregate_v<T> || std::is_union_v<T> || std::is_polymorphic_v<T>) return false;
  else {
    constexpr std::size_t n = field_count<T>();
    if constexpr (n < 1 || n > 8) return false;
    else return all_storable(decltype(field_types<n>(std::declval<T&>())){});
  }
}

template <class T>
constexpr bool storable() {
  if constexpr (std::is_void_v<T> || std::is_pointer_v<T> || std::is_member_pointer_v<T> || std::is_reference_v<T>) return false;
  else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || is_complex<T>::value) return true;
  else if constexpr (std::is_same_v<T, std::string>) return true;
  else if constexpr (is_vector<T>::value) return storable<typename T::value_type>();
  else if constexpr (is_array<T>::value) return storable<typename T::value_type>();
  else if constexpr (is_pair<T>::value) return storable<typename T::first_type>() && storable<typename T::second_type>();
  else if constexpr (is_tuple<T>::value) return all_storable([]<class... A>(std::tuple<A...>*) { return types<A...>{}; }(static_cast<T*>(nullptr)));
  else if constexpr (std::is_class_v<T>) return aggregate_storable<T>();
  else return false;
}
}  // namespace detail

// Whether inputs of type T are cached: every part of it is a value the wire format copies whole.
template <class T> constexpr bool storable = detail::storable<T>();

constexpr char kMagic[8] = {'P', 'A', 'R', 'E', 'V', 'O', 'I', 'N'};
constexpr std::uint32_t kVersion = 1;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t key_bytes;
  std::uint64_t payload_bytes;
  std::uint64_t checksum;  // of the key text and the payload
};

// 64-bit words, multiply-mixed: several GB/s, enough to tell a torn or damaged file.
inline std::uint64_t checksum(const char* p, std::size_t n, std::uint64_t h = 0x9E3779B97F4A7C15ULL) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
  }
  for (; i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31) ^ n;
}

inline std::string key_text(const std::string& family, long long size, unsigned long long seed) {
  return family + " " + std::to_string(size) + " " + std::to_string(seed);
}

inline std::string file_name(const std::string& dir, const std::string& key) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(checksum(key.data(), key.size())));
  return dir + "/" + hex + ".in";
}

// Reads the input stored for `key` into `out`; false (and `out` untouched) when there is none or
// the file does not check out.
template <class Input>
bool load(const std::string& dir, const std::string& key, Input& out) {
  const std::string path = file_name(dir, key);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  struct stat st{};
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
            static_cast<std::size_t>(st.st_size) >= sizeof(Header);
  void* map = ok ? mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  close(fd);
  if (map == MAP_FAILED) return false;
  const char* base = static_cast<const char*>(map);
  const std::size_t size = static_cast<std::size_t>(st.st_size);
  Header h;
  std::memcpy(&h, base, sizeof h);
  const char* body = base + sizeof h;
  ok = std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.version == kVersion && h.key_bytes == key.size() &&
       h.payload_bytes == size - sizeof h - h.key_bytes && std::memcmp(body, key.data(), key.size()) == 0 &&
       checksum(body, size - sizeof h) == h.checksum;
  if (ok) {
    Input in{};
    parevo::wire::Reader rd{body + key.size(), base + size};
    parevo::wire::get(rd, in);
    ok = !rd.bad && rd.p == rd.end;
    if (ok) out = std::move(in);
  }
  munmap(map, size);
  if (ok) utimensat(AT_FDCWD, path.c_str(), nullptr, AT_SYMLINK_NOFOLLOW);  // recently used: evicted last
  return ok;
}

// Stores `in` for `key`; a failure (a full disk, a file above this process's size limit) only
// means the next run generates it again.
template <class Input>
void store(const std::string& dir, const std::string& key, const Input& in) {
  parevo::wire::Writer probe{nullptr, nullptr};
  parevo::wire::put(probe, in);
  const std::size_t total = sizeof(Header) + key.size() + probe.needed;
  struct rlimit fsize{};
  if (getrlimit(RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY && total > fsize.rlim_cur) return;
  const std::string path = file_name(dir, key);
  // A name of its own: harnesses in other sandboxes share pid numbers, and one killed while
  // writing leaves its file behind (verify/inputcache.py removes it later).
  unsigned long long nonce = 0;
  if (getrandom(&nonce, sizeof nonce, 0) != sizeof nonce) nonce = static_cast<unsigned long long>(getpid());
  char tail[24];
  std::snprintf(tail, sizeof tail, ".tmp%016llx", nonce);
  const std::string tmp = path + tail;
  int fd = open(tmp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return;
  // Blocks reserved first: a full disk is then an error here, not a SIGBUS while writing the mapping.
  void* map = posix_fallocate(fd, 0, static_cast<off_t>(total)) == 0
                  ? mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) : MAP_FAILED;
  bool ok = map != MAP_FAILED;
  if (ok) {
    char* base = static_cast<char*>(map);
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kVersion;
    h.key_bytes = static_cast<std::uint32_t>(key.size());
    h.payload_bytes = probe.needed;
    std::memcpy(base + sizeof h, key.data(), key.size());
    parevo::wire::Writer w{base + sizeof h + key.size(), base + total};
    parevo::wire::put(w, in);
    ok = w.needed == probe.needed;
    h.checksum = checksum(base + sizeof h, total - sizeof h);
    std::memcpy(base, &h, sizeof h);
    munmap(map, total);
  }
  close(fd);
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0) unlink(tmp.c_str());
}

// Outputs validated on a cached input, across runs: the harness's "validate an output once"
// rule (harness_main.cpp) within one run extends to every later run of the same timing set, so
// that the validator runs once per input and distinct output, not once per candidate. Each input
// file has `<name>.ok` beside it: fixed records (repetition, output length, keyed digest,
// checksum) appended by the harnesses that validated an output on that input (a single 32-byte
// O_APPEND write: atomic among concurrent harnesses). The digest's key is the directory's own
// (`digest.key`, 8 bytes drawn once by the first harness, 0600): the same secret for every run of
// this harness build and as unreachable to a candidate as the inputs themselves (see above), so
// output_digest.hpp's bound holds. Damaged or foreign records are ignored; a record only ever
// lets an output skip the validator when its digest matches, which wrong bytes do with
// probability below length / 2^61.
struct Record {
  std::uint32_t magic;
  std::uint32_t rep;
  std::uint64_t length;
  std::uint64_t value;
  std::uint64_t check;  // checksum of the fields above
};
constexpr std::uint32_t kRecordMagic = 0x4b4f5650;  // "PVOK"
constexpr std::size_t kMaxRecords = 4096;           // read at most this many per input

inline std::uint64_t record_check(const Record& r) { return checksum(reinterpret_cast<const char*>(&r), offsetof(Record, check)); }

inline std::string records_name(const std::string& dir, const std::string& key) {
  std::string name = file_name(dir, key);
  return name.substr(0, name.size() - 3) + ".ok";
}

// The directory's digest key (created on first use); 0 where it cannot be read or made.
inline std::uint64_t digest_key(const std::string& dir) {
  const std::string path = dir + "/digest.key";
  std::uint64_t k = 0;
  for (int attempt = 0; attempt < 2 && k == 0; ++attempt) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0) {
      struct stat st{};
      if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0 &&
          read(fd, &k, sizeof k) != static_cast<ssize_t>(sizeof k))
        k = 0;
      close(fd);
      if (k >= parevo::digest::kPrime) k = 0;
      continue;
    }
    // First use: written to a file of its own and linked into place, so no reader sees a torn key.
    // (The temporary name is a nonce of its own, never the key: a name is what a listing shows.)
    const std::uint64_t fresh = parevo::digest::fresh_key(), nonce = parevo::digest::fresh_key();
    const std::string tmp = path + ".tmp" + std::to_string(nonce);
    fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) return 0;
    const bool written = write(fd, &fresh, sizeof fresh) == static_cast<ssize_t>(sizeof fresh);
    close(fd);
    if (written) link(tmp.c_str(), path.c_str());  // loses to a concurrent first use: the loop reads the winner's
    unlink(tmp.c_str());
  }
  return k;
}

// The digests of outputs validated on `key`'s input, as (repetition, digest).
inline std::vector<std::pair<std::uint32_t, parevo::digest::Digest>> validated(const std::string& dir, const std::string& key) {
  std::vector<std::pair<std::uint32_t, parevo::digest::Digest>> out;
  const std::string path = records_name(dir, key);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return out;
  struct stat st{};
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid()) {
    std::vector<Record> recs(std::min<std::size_t>(kMaxRecords, static_cast<std::size_t>(st.st_size) / sizeof(Record)));
    const ssize_t got = recs.empty() ? 0 : read(fd, recs.data(), recs.size() * sizeof(Record));
    for (std::size_t i = 0; got > 0 && i < static_cast<std::size_t>(got) / sizeof(Record); ++i)
      if (recs[i].magic == kRecordMagic && recs[i].check == record_check(recs[i]))
        out.push_back({recs[i].rep, {static_cast<std::size_t>(recs[i].length), recs[i].value}});
  }
  close(fd);
  return out;
}

// Appends one validated output's record (a failure only means a later run validates it again).
inline void remember(const std::string& dir, const std::string& key, std::uint32_t rep, const parevo::digest::Digest& d) {
  Record r{kRecordMagic, rep, d.length, d.value, 0};
  r.check = record_check(r);
  int fd = open(records_name(dir, key).c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return;
  struct stat st{};
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
      static_cast<std::size_t>(st.st_size) < kMaxRecords * sizeof(Record))
    (void)!write(fd, &r, sizeof r);
  close(fd);
}

}  // namespace parevo::input_cache
