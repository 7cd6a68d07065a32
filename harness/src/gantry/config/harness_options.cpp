#include "gantry/config/harness_options.hpp"

#include <iterator>

namespace gantry {
namespace {

template <std::size_t N>
std::vector<OptionInfo> to_infos(const OptionSpec (&specs)[N]) {
  std::vector<OptionInfo> infos;
  for (const auto& spec : specs) infos.push_back(OptionInfo::from_spec(spec));
  return infos;
}

constexpr OptionSpec kExperimentOptions[] = {
    option::text("name", "", "Experiment name; the default sweep name (else the file's stem)"),
    option::text("description", "", "Free text: which notebook, what differs"),
};

constexpr OptionSpec kEvalOptions[] = {
    option::integer("heldout_rows", "1000",
                    "Real rows drawn once per run (own random stream) and used at every evaluation",
                    2, 1e7),
    option::integer("generated_rows", "1000", "Fresh generated rows scored at each evaluation", 2,
                    1e7),
    option::integer("final_rows", "1000", "Generated rows kept as /samples/final", 1, 1e7),
    option::integer("energy_rows", "1000",
                    "Rows of each side used for the energy distance (cost grows with its square)",
                    2, 1e5),
    option::boolean("keep_samples", "true",
                    "Keep each evaluation's generated rows in the HDF5 file as /samples/step_<N>"),
};

constexpr OptionSpec kImagesOptions[] = {
    option::integer("grid", "5",
                    "For image data: at each evaluation, generate grid x grid images from latents "
                    "fixed for the run and keep them as /images/step_<N> (0: none)",
                    0, 32),
    option::boolean("png", "true",
                    "For image data: also write each evaluation's grid as a PNG in a folder next "
                    "to the run's HDF5 file"),
};

constexpr OptionSpec kResourcesOptions[] = {
    option::integer("threads_per_run", "1",
                    "Threads one run may use inside its model backend; `gantry sweep` sets it "
                    "from --threads-per-run, else to the cores divided by the runs in parallel",
                    1, 1024),
    option::real("metrics_write_seconds", "1",
                 "Seconds a run's logged metrics may wait in memory before an evaluation writes "
                 "them to the results database (0: every evaluation writes them); 4,096 waiting "
                 "points are written at once whatever this says, and all at the run's end",
                 0, 3600),
    option::integer("memory_limit", "0",
                    "Megabytes of address space a run's worker process may use (0: no limit); "
                    "a run over it fails with that reason, the sweep goes on",
                    0, 1e9),
    option::real("lease_seconds", "300",
                 "Seconds after a running run's last heartbeat (renewed every fifth of this) "
                 "when a gantry on another host may take the run over: a lost node or a "
                 "restarted container leaves its runs for at most this long",
                 10, 1e7),
    option::real("time_limit", "0",
                 "Seconds a run may take (0: no limit); a run over it is stopped and fails with "
                 "that reason, the sweep goes on",
                 0, 1e9),
};

constexpr OptionSpec kCheckpointOptions[] = {
    option::integer("every_steps", "0",
                    "Checkpoint a run every so many steps (0: by time alone); whichever of "
                    "every_steps and every_seconds comes first",
                    0, 1e12),
    option::real("every_seconds", "60",
                 "Checkpoint a run when this many seconds have passed since its last checkpoint "
                 "(0: by steps alone; both 0: never). Runs shorter than this never pay for one",
                 0, 1e9),
};

}  // namespace

const std::vector<OptionInfo>& checkpoint_options() {
  static const std::vector<OptionInfo> options = to_infos(kCheckpointOptions);
  return options;
}

const std::vector<OptionInfo>& experiment_options() {
  static const std::vector<OptionInfo> options = to_infos(kExperimentOptions);
  return options;
}

const std::vector<OptionInfo>& eval_options() {
  static const std::vector<OptionInfo> options = to_infos(kEvalOptions);
  return options;
}

const std::vector<OptionInfo>& images_options() {
  static const std::vector<OptionInfo> options = to_infos(kImagesOptions);
  return options;
}

const std::vector<OptionInfo>& resources_options() {
  static const std::vector<OptionInfo> options = to_infos(kResourcesOptions);
  return options;
}

OptionInfo plugin_name_option(const std::string& section) {
  const char* fallback = section == "model"     ? "eigen-mlp"
                         : section == "trainer" ? "alternating"
                                                : "";
  return OptionInfo{"plugin",
                    OptionType::text,
                    fallback,
                    "Name of the " + section + " plugin (see `gantry plugins`)",
                    -option::unbounded,
                    option::unbounded,
                    false,
                    {}};
}

}  // namespace gantry
