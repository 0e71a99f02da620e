// parevo evolve: best program #5 of run bfs-openmp-example
// task bfs, model openmp: 2.39x over the sequential baseline at 2 threads, correct and race-free
// Direction-optimising BFS in a single parallel region, one barrier per level.
#include <algorithm>
#include <cstdint>
#include <vector>
#include <omp.h>
// EVOLVE-BLOCK-START

std::vector<std::int32_t> bfs_levels(const CSRGraph& g, std::int32_t source) {
  const std::int32_t n = g.n;
  std::vector<std::int32_t> level(n, -1);
  if (n == 0) return level;

  const std::int64_t* off = g.offsets.data();
  const std::int32_t* tgt = g.targets.data();
  std::int32_t* lv = level.data();
  const std::int64_t m = g.num_edges();

  constexpr std::int64_t kSmallWork = 16384;  // frontier edges below which a level runs sequentially
  constexpr std::int64_t kAlpha = 14;         // top-down -> bottom-up
  constexpr std::int64_t kBeta = 24;          // bottom-up -> top-down
  constexpr int kPad = 8;                     // int64 per slot: one cache line per thread

  const int nthreads = omp_get_max_threads();
  const std::size_t nwords = (static_cast<std::size_t>(n) + 63) / 64;
  const std::uint64_t tail_mask =
      (n % 64) ? ((std::uint64_t{1} << (n % 64)) - 1) : ~std::uint64_t{0};

  // Frontier lists, double-buffered by level parity: lists[parity * nthreads + thread].
  std::vector<std::vector<std::int32_t>> lists(2 * static_cast<std::size_t>(nthreads));
  // Per-thread (count, edges) of the level just built, double-buffered by parity.
  std::vector<std::int64_t> slots(2 * static_cast<std::size_t>(nthreads) * kPad, 0);
  std::vector<std::uint64_t> vis, bits;  // visited bitmap, two frontier bitmaps (by parity)

  lv[source] = 0;
  lists[0].push_back(source);
  int parity = 0;
  std::int32_t d = 0;
  std::int64_t nf = 1, prev_nf = 0;
  std::int64_t mf = off[source + 1] - off[source];  // edges leaving the frontier
  std::int64_t mu = m - mf;                         // edges leaving unvisited vertices

  while (nf > 0) {
    const bool want_bu = prev_nf < nf && mf > mu / kAlpha && mf >= kSmallWork;

    if (want_bu || mf >= kSmallWork) {
      // ---------------- large levels: one parallel region for as long as they last ----------
      if (vis.empty()) {
        vis.resize(nwords);
        bits.resize(2 * nwords);
      }
      std::uint64_t* visp = vis.data();
      std::uint64_t* bitsp = bits.data();
      std::int64_t* slotp = slots.data();
      std::int32_t out_d = d;
      std::int64_t out_nf = nf, out_pnf = prev_nf, out_mf = mf, out_mu = mu;
      int out_parity = parity;

#pragma omp parallel num_threads(nthreads)
      {
        const int t = omp_get_thread_num();
        // Control state: private, but identical on every thread (same inputs, same decisions).
        std::int32_t d_ = d;
        std::int64_t nf_ = nf, pnf_ = prev_nf, mf_ = mf, mu_ = mu;
        int p = parity;
        bool bu = false;

        while (nf_ > 0) {
          bool build = false;
          if (!bu) {
            if (pnf_ < nf_ && mf_ > mu_ / kAlpha && mf_ >= kSmallWork) {
              bu = true;
              build = true;
            } else if (mf_ < kSmallWork) {
              break;  // small level: hand back to the sequential loop
            }
          } else if (nf_ < pnf_ && nf_ < n / kBeta) {
            bu = false;
            if (mf_ < kSmallWork) break;
          }

          const std::int32_t nd = d_ + 1;
          const int q = p ^ 1;
          // lists[q] was the frontier of the previous level; everyone finished reading it
          // before the last barrier.
          std::vector<std::int32_t>& mine = lists[static_cast<std::size_t>(q) * nthreads + t];
          mine.clear();
          std::int64_t c = 0, e = 0;

          if (bu) {
            std::uint64_t* fcur = bitsp + static_cast<std::size_t>(p) * nwords;
            std::uint64_t* fnext = bitsp + static_cast<std::size_t>(q) * nwords;
            if (build) {
              // Visited and frontier bitmaps from level[] (read-only now); one writer per word.
#pragma omp for schedule(static)
              for (std::size_t w = 0; w < nwords; ++w) {
                const std::int32_t base = static_cast<std::int32_t>(w * 64);
                const std::int32_t end = static_cast<std::int32_t>(
                    std::min<std::int64_t>(n, static_cast<std::int64_t>(base) + 64));
                std::uint64_t vw = 0, fw = 0;
                for (std::int32_t v = base; v < end; ++v) {
                  const std::int32_t l = lv[v];
                  const std::uint64_t bit = std::uint64_t{1} << (v & 63);
                  if (l >= 0) vw |= bit;
                  if (l == d_) fw |= bit;
                }
                visp[w] = vw;
                fcur[w] = fw;
              }
              // (implicit barrier: bitmaps complete before anyone reads them)
            }
#pragma omp for schedule(dynamic, 16) nowait
            for (std::size_t w = 0; w < nwords; ++w) {
              std::uint64_t unv = ~visp[w];
              if (w + 1 == nwords) unv &= tail_mask;
              std::uint64_t out = 0;
              while (unv) {
                const int b = __builtin_ctzll(unv);
                unv &= unv - 1;
                const std::int32_t v = static_cast<std::int32_t>(w * 64 + b);
                const std::int64_t s = off[v], s_end = off[v + 1];
                for (std::int64_t k = s; k < s_end; ++k) {
                  const std::int32_t u = tgt[k];
                  if ((fcur[u >> 6] >> (u & 63)) & 1u) {
                    out |= std::uint64_t{1} << b;
                    lv[v] = nd;  // v's word is owned by this thread in this level
                    mine.push_back(v);
                    ++c;
                    e += s_end - s;
                    break;
                  }
                }
              }
              fnext[w] = out;
              visp[w] |= out;
            }
          } else {
            // Top-down over every thread's list. Two threads may both see -1 and both store nd
            // (the same value); v is then listed twice, which only costs a redundant scan.
            for (int s = 0; s < nthreads; ++s) {
              const std::vector<std::int32_t>& src =
                  lists[static_cast<std::size_t>(p) * nthreads + s];
              const std::int32_t* f = src.data();
              const std::size_t fs = src.size();
#pragma omp for schedule(dynamic, 64) nowait
              for (std::size_t i = 0; i < fs; ++i) {
                const std::int32_t u = f[i];
                for (std::int64_t k = off[u]; k < off[u + 1]; ++k) {
                  const std::int32_t v = tgt[k];
                  if (__atomic_load_n(&lv[v], __ATOMIC_RELAXED) < 0) {
                    __atomic_store_n(&lv[v], nd, __ATOMIC_RELAXED);
                    mine.push_back(v);
                    ++c;
                    e += off[v + 1] - off[v];
                  }
                }
              }
            }
          }

          std::int64_t* my_slot = slotp + (static_cast<std::size_t>(q) * nthreads + t) * kPad;
          my_slot[0] = c;
          my_slot[1] = e;
#pragma omp barrier
          // The only synchronisation of the level. Slots of parity q are rewritten two levels
          // from now, after another barrier, so reading them here is safe.
          std::int64_t sc = 0, se = 0;
          for (int s = 0; s < nthreads; ++s) {
            const std::int64_t* sl = slotp + (static_cast<std::size_t>(q) * nthreads + s) * kPad;
            sc += sl[0];
            se += sl[1];
          }
          pnf_ = nf_;
          nf_ = sc;
          mf_ = se;
          mu_ -= se;
          d_ = nd;
          p = q;
        }

        if (t == 0) {
          out_d = d_;
          out_nf = nf_;
          out_pnf = pnf_;
          out_mf = mf_;
          out_mu = mu_;
          out_parity = p;
        }
      }
      d = out_d;
      nf = out_nf;
      prev_nf = out_pnf;
      mf = out_mf;
      mu = out_mu;
      parity = out_parity;
      continue;
    }

    // ---------------- small top-down level: sequential, no parallel region ----------------
    const std::int32_t nd = d + 1;
    const int q = parity ^ 1;
    for (int s = 0; s < nthreads; ++s) lists[static_cast<std::size_t>(q) * nthreads + s].clear();
    std::vector<std::int32_t>& out = lists[static_cast<std::size_t>(q) * nthreads];
    std::int64_t c = 0, e = 0;
    for (int s = 0; s < nthreads; ++s) {
      for (const std::int32_t u : lists[static_cast<std::size_t>(parity) * nthreads + s]) {
        for (std::int64_t k = off[u]; k < off[u + 1]; ++k) {
          const std::int32_t v = tgt[k];
          if (lv[v] < 0) {
            lv[v] = nd;
            out.push_back(v);
            ++c;
            e += off[v + 1] - off[v];
          }
        }
      }
    }
    prev_nf = nf;
    nf = c;
    mf = e;
    mu -= e;
    d = nd;
    parity = q;
  }
  return level;
}
// EVOLVE-BLOCK-END
