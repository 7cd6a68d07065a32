// Internal to the renderers: the searches of a report (`gantry search`'s races), one section in
// each format. Round by round: the seeds run, the configurations alive, the round's test, who was
// eliminated and by what adjusted p-value, and the runs spent against the full grid.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "gantry/analysis/render/text_writer.hpp"
#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis {

void write_search_sections(TextWriter& writer, const Report& report);
nlohmann::json searches_json(const Report& report);
// Rows of the csv format's long table, after its header: section,group,run,step,metric,statistic,
// value, with the sweep as the group, the round as the step and a configuration as the metric.
void write_search_csv(std::ostream& out, const Report& report);

}  // namespace gantry::analysis
