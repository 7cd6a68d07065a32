// `gantry report`: what a sweep's runs say once the seed is accounted for. Built from a results
// snapshot by build_report, then written by a renderer (table, markdown, csv, json) and,
// optionally, drawn by gnuplot. Definitions: docs/analysis.md.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gantry/analysis/report/curve_across_runs.hpp"
#include "gantry/analysis/report/grouping.hpp"
#include "gantry/analysis/report/overpowering.hpp"
#include "gantry/analysis/stats/descriptive.hpp"
#include "gantry/analysis/stats/kaplan_meier.hpp"
#include "gantry/analysis/stats/kruskal_wallis.hpp"
#include "gantry/analysis/stats/shift_estimate.hpp"
#include "gantry/analysis/stats/variance_share.hpp"
#include "gantry/analysis/stats/wilson.hpp"
#include "gantry/store/results_snapshot.hpp"

namespace gantry::analysis {

// How the verdict estimates the seeds per group a pair's difference needs (seeds_needed): a
// bootstrap, seeded so that the same database always gives the same report. The test is the
// report's own (two-sided Mann-Whitney at ReportRequest::alpha).
struct SeedsNeededRequest {
  double power = 0.8;           // the share of resamples in which the test must find it
  std::size_t resamples = 200;  // bootstrap resamples at each number of seeds tried
  std::size_t max_seeds = 200;  // seeds per group tried up to this; beyond: "more than"
  std::uint64_t seed = 1;       // of the resampling generator
};

struct ReportRequest {
  std::vector<std::string> sweeps;    // empty: every sweep in the database
  std::vector<std::string> group_by;  // empty: the parameters that vary, seed excluded
  std::vector<std::string> metrics;   // summary keys; empty: the standard ones present
  std::string compare_metric;         // the metric of "does the grouping matter?"; empty: first
  std::vector<std::string> higher_is_better;  // metrics whose best run is the highest
  std::vector<std::string> curve_metrics;     // per-step curves to aggregate across seeds
  bool curves_of_metrics = false;             // no curve_metrics: use the metrics' curves
  // Keep every run's evaluations (RunOverpowering::points), which only the figures draw; without
  // them a report of long runs needs a fraction of the memory and of the time.
  bool keep_evaluations = true;
  // Above 0: keep each finished run's curves too, reduced to at most this many columns of steps
  // (GroupCurve::runs), for a page that draws every run.
  std::size_t run_curve_columns = 0;
  double confidence = 0.95;
  double alpha = 0.05;  // the level at which a difference is called significant
  OverpoweringCriteria overpowering;
  SeedsNeededRequest seeds_needed;
};

// One summary metric over the finished runs of one group.
struct MetricStatistics {
  std::string metric;
  std::size_t finished = 0;  // finished runs with a (finite) value
  std::optional<Summary> summary;
  std::optional<std::int64_t> best_run, worst_run;
  // Element n - 1: the expected best of n runs drawn from the finished ones (Dodge et al.
  // 2019), n = 1 ... finished; what a paper reporting its best of n seeds shows on average.
  std::vector<double> expected_best;
};

struct GroupOverpowering {
  std::vector<RunOverpowering> runs;      // finished runs with evaluations
  std::optional<Proportion> overpowered;  // runs that ever got dominated, Wilson interval
  std::optional<SurvivalCurve> onset;     // Kaplan-Meier of the onset step, censored at the end
  std::size_t collapsed = 0;              // runs where D called everything fake at least once
  std::size_t ended_collapsed = 0;        // runs where it did at the last evaluation
  std::size_t ended_dominated = 0;
  std::optional<double> mean_dominated_fraction;
};

struct GroupReport {
  RunGroup group;
  std::vector<std::int64_t> run_ids, finished_ids, failed_ids, running_ids;
  std::vector<MetricStatistics> metrics;  // in ReportRequest::metrics order
  std::vector<GroupCurve> curves;  // in ReportRequest::curve_metrics order, at curve_probabilities
  GroupOverpowering overpowering;
};

// Whether a pair's groups have seeds enough for the report's test to find the difference seen.
enum class SeedsVerdict {
  decided,       // the seeds needed are at most what the smaller group has
  undecided,     // more are needed, at most SeedsNeededRequest::max_seeds
  out_of_reach,  // even max_seeds per group would not find it
};

struct PairwiseComparison {
  std::size_t first = 0, second = 0;  // indices into Report::groups
  double median_difference = 0;       // median of first minus median of second
  double p_value = 0;                 // two-sided Mann-Whitney U
  double p_adjusted = 0;              // Holm over all pairs
  std::string sentence;
  // The verdict: by how much, how consistently, and whether the seeds settle it.
  ShiftEstimate shift;      // Hodges-Lehmann of first minus second, at ReportRequest::confidence
  double cliffs_delta = 0;  // P(first > second) - P(first < second) over pairs of runs
  std::optional<std::size_t> seeds_needed;  // per group; empty when out of reach
  SeedsVerdict seeds_verdict = SeedsVerdict::undecided;
  std::string verdict;  // "trainer.k=1 vs trainer.k=3: decided: 4 seeds per group suffice ..."
};

// "Does the grouping matter more than the seed?" for one metric.
struct GroupEffect {
  std::string metric;
  std::vector<std::size_t> groups;  // groups with at least one value, indices into groups
  std::optional<KruskalWallis> test;
  std::optional<VarianceShare> variance;
  std::vector<PairwiseComparison> pairs;
  std::string conclusion;  // one plain sentence
};

// A selected sweep's search (`gantry search`), as recorded: its rounds, who was eliminated when
// and by which test, and the runs it spent against the full grid.
struct SweepSearch {
  std::string sweep;
  SearchRecord record;
};

struct Report {
  std::string database;
  std::shared_ptr<const std::vector<RunRecord>> runs;  // every selected run; groups point here
  ReportRequest request;  // as resolved: metrics and grouping filled in
  std::vector<double> curve_probabilities;
  std::vector<GroupReport> groups;
  std::optional<GroupEffect> effect;
  std::vector<SweepSearch> searches;  // of the selected sweeps that are searches, in run order
  std::vector<std::string> notes;     // what a reader must know (running runs, one-run groups, ...)
};

// Throws ConfigError for an unknown sweep, grouping key or metric, or a selection without
// finished runs (naming how many failed or are still running).
Report build_report(ResultsSnapshot& snapshot, ReportRequest request);

}  // namespace gantry::analysis
