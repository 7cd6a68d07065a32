// "Did you mean ...?" for unknown keys and plugin names.
#pragma once

#include <string>
#include <vector>

namespace gantry {

// The candidates closest to `word` by edit distance, at most `limit` of them, and only those
// close enough to be a plausible typo.
std::vector<std::string> nearest(const std::string& word,
                                 const std::vector<std::string>& candidates, std::size_t limit = 3);

// " (did you mean 'a' or 'b'?)" or "" when nothing is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace gantry
