// Long curves cut to columns for the HTML page: exact while the steps fit, otherwise equal runs
// of steps that keep each column's lowest and highest value, so a spike survives.
#include <catch2/catch.hpp>
#include <cmath>

#include "gantry/analysis/report/curve_columns.hpp"

using gantry::Curve;
using namespace gantry::analysis;

TEST_CASE("curves that fit keep every logged step", "[curve_columns]") {
  Curve a{{0, 1.0}, {10, 2.0}, {20, 3.0}};
  Curve b{{10, 5.0}, {30, 6.0}};
  StepColumns columns = step_columns({&a, &b}, 4);
  CHECK(columns.exact);
  CHECK(columns.first == std::vector<long long>{0, 10, 20, 30});
  CHECK(columns.last == columns.first);
  CurveEnvelope envelope = curve_envelope(b, columns);
  CHECK(std::isnan(envelope.low[0]));
  CHECK(envelope.low[1] == 5.0f);
  CHECK(envelope.high[3] == 6.0f);
  CHECK(std::isnan(envelope.low[2]));
}

TEST_CASE("long curves keep each column's extremes", "[curve_columns]") {
  Curve curve;
  for (long long step = 0; step < 1000; ++step) curve.emplace_back(step, 0.0);
  curve[537].second = 9.0;   // a spike a subsample of every 10th step would miss
  curve[538].second = -4.0;  // and a dip right after it
  StepColumns columns = step_columns({&curve}, 100);
  CHECK_FALSE(columns.exact);
  REQUIRE(columns.size() == 100);
  CHECK(columns.first.front() == 0);
  CHECK(columns.last.back() == 999);
  CHECK(columns.column_of(537) == 53);
  CHECK(columns.column_of(1000) == columns.size());
  CurveEnvelope envelope = curve_envelope(curve, columns);
  CHECK(envelope.high[53] == 9.0f);
  CHECK(envelope.low[53] == -4.0f);
  CHECK(envelope.low[52] == 0.0f);
  CHECK(envelope.high[52] == 0.0f);
}

TEST_CASE("columns cover an uneven span without a column past the last step", "[curve_columns]") {
  Curve curve{{5, 1.0}, {6, 2.0}, {7, 3.0}, {8, 4.0}, {9, 5.0}, {10, 6.0}, {11, 7.0}};
  StepColumns columns = step_columns({&curve}, 3);
  // 7 steps in at most 3 columns: 3 steps each, the last one short.
  CHECK(columns.first == std::vector<long long>{5, 8, 11});
  CHECK(columns.last == std::vector<long long>{7, 10, 11});
  CurveEnvelope envelope = curve_envelope(curve, columns);
  CHECK(envelope.low == std::vector<float>{1.0f, 4.0f, 7.0f});
  CHECK(envelope.high == std::vector<float>{3.0f, 6.0f, 7.0f});
  CHECK(step_columns({}, 10).size() == 0);
}
