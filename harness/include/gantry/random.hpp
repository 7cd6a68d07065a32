// The random engine every plugin draws from. The harness seeds one independent engine per
// purpose (real data, held-out data, latent noise, model initialisation), so changing how often
// one stream is used never shifts the numbers another stream produces.
//
// Distributions come from Boost.Random, whose algorithms are fixed by Boost itself rather than
// left to the standard library vendor, so a seed means the same numbers wherever Gantry builds.
#pragma once

#include <cstdint>
#include <random>
#include <string_view>

namespace gantry {

using Random = std::mt19937_64;

// Derives the seed of one named stream from the run's seed (SplitMix64 over the run seed and an
// FNV-1a hash of the stream name): distinct names give statistically independent streams.
inline std::uint64_t stream_seed(std::uint64_t run_seed, std::string_view stream_name) {
  std::uint64_t name_hash = 1469598103934665603ULL;
  for (unsigned char c : stream_name) {
    name_hash = (name_hash ^ c) * 1099511628211ULL;
  }
  std::uint64_t z = run_seed + 0x9E3779B97F4A7C15ULL * (name_hash | 1ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

inline Random make_stream(std::uint64_t run_seed, std::string_view stream_name) {
  return Random(stream_seed(run_seed, stream_name));
}

}  // namespace gantry
