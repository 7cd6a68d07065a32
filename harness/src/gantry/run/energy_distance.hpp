// Energy distance between two samples (Székely & Rizzo): 2 E|X-Y| - E|X-X'| - E|Y-Y'|, with
// Euclidean norms. Zero exactly when the distributions agree, so it judges any target, curve or
// image, without knowing its shape. The within-sample terms exclude i = j (U-statistics), so
// two samples of one distribution score about 0 rather than a positive bias.
#pragma once

#include "gantry/matrix.hpp"

namespace gantry {

// Uses all rows of both matrices; both must have the same number of columns and >= 2 rows.
double energy_distance(const Matrix& x, const Matrix& y);

}  // namespace gantry
