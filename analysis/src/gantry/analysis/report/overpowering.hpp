// Discriminator overpowering, measured from a run's evaluations (definitions in
// docs/analysis.md): the tanh notebook's "the discriminator overpowered the generator after 800
// epochs" and the algebraic notebook's collapse (D calling everything fake), as numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "gantry/store/results_snapshot.hpp"

namespace gantry::analysis {

// Every threshold of the definitions; all are report options and echoed in its output.
struct OverpoweringCriteria {
  double threshold = 0.9;            // balanced accuracy at or above which D dominates
  int window = 3;                    // consecutive dominated evaluations that make an onset
  double collapse_tolerance = 0.05;  // accuracy on real <= tol and on fake >= 1 - tol
};

// D's read-out at one evaluation (held-out real rows against fresh generated rows).
struct EvaluationPoint {
  long long step = 0;
  double accuracy_real = 0;
  double accuracy_fake = 0;
  double balanced_accuracy = 0;     // (accuracy_real + accuracy_fake) / 2
  std::optional<double> gap;        // mean D(real) - mean D(fake)
  std::optional<double> sign_real;  // E[sign(logit D(real))]; absent in older databases
  bool dominated = false;
  bool collapsed = false;
};

// Joins a run's evaluation curves (each in step order, as ResultsSnapshot::curve gives them) by
// step. The mean and sign curves may be empty.
std::vector<EvaluationPoint> evaluation_points(const Curve& accuracy_real,
                                               const Curve& accuracy_fake, const Curve& mean_real,
                                               const Curve& mean_fake, const Curve& sign_real,
                                               const OverpoweringCriteria& criteria);

// evaluation_points() written into `points`, replacing what it held but keeping its memory: a
// report joins the evaluations of hundreds of runs, often into one reused buffer.
void join_evaluation_points(const Curve& accuracy_real, const Curve& accuracy_fake,
                            const Curve& mean_real, const Curve& mean_fake, const Curve& sign_real,
                            const OverpoweringCriteria& criteria,
                            std::vector<EvaluationPoint>& points);

struct RunOverpowering {
  std::int64_t run_id = 0;
  std::size_t evaluations = 0;
  bool ever_dominated = false;
  std::optional<long long> onset_step;  // first step of the first dominated window
  double dominated_fraction = 0;        // share of evaluations with D dominating
  bool ended_dominated = false;
  std::optional<long long> collapse_step;  // first evaluation where D called everything fake
  bool ended_collapsed = false;
  long long last_step = 0;  // the last evaluation: where a run that never got dominated is censored
  std::optional<double> final_balanced_accuracy, final_gap, final_sign_real;
  std::vector<EvaluationPoint> points;  // the evaluations themselves, for curves and plots
};

// Throws std::invalid_argument for a run without evaluations.
RunOverpowering assess_run(std::int64_t run_id, std::vector<EvaluationPoint> points,
                           const OverpoweringCriteria& criteria);

}  // namespace gantry::analysis
