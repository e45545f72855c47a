// "Did you mean" for unknown keys and names.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

// Edit distance counting insertions, deletions, substitutions and adjacent transpositions.
int edit_distance(const std::string& a, const std::string& b);

// The candidate closest to `word`, or "" when none is close (distance above half its length).
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

// "unknown key 'qpp' (did you mean 'qp'? valid: a, b, c)" style list text: "a, b, c".
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");

}  // namespace tgvc
