#include <H5Cpp.h>
#include <catch2/catch.hpp>

#include "gantry/artifacts/run_artifacts.hpp"
#include "test_support.hpp"

using gantry::testing::ScratchDir;

TEST_CASE("run artifacts hold samples, curves and attributes in the documented layout",
          "[run_artifacts]") {
  ScratchDir dir;
  std::string path = (dir / "sweep" / "run-000001.h5").string();
  gantry::RunArtifacts artifacts(path,
                                 {1, "sweep", 7, "id", "[data]\nplugin = x2\n", "0.1.0", "abc"});
  gantry::Matrix rows(3, 2);
  rows << 1, 2, 3, 4, 5, 6;
  artifacts.write_samples("final", rows, 100);
  artifacts.write_curves({{"g_loss", {{10, 0.5}, {20, 0.25}}}});

  H5::H5File file(path, H5F_ACC_RDONLY);
  std::int64_t layout = 0;
  file.openAttribute("gantry_layout_version").read(H5::PredType::NATIVE_INT64, &layout);
  CHECK(layout == gantry::kHdf5LayoutVersion);
  std::int64_t seed = 0;
  file.openAttribute("seed").read(H5::PredType::NATIVE_INT64, &seed);
  CHECK(seed == 7);

  H5::DataSet samples = file.openDataSet("/samples/final");
  hsize_t dims[2] = {0, 0};
  samples.getSpace().getSimpleExtentDims(dims);
  CHECK(dims[0] == 3);
  CHECK(dims[1] == 2);
  float values[6] = {};
  samples.read(values, H5::PredType::NATIVE_FLOAT);
  CHECK(values[1] == 2.0f);
  CHECK(values[4] == 5.0f);

  double curve[4] = {};
  file.openDataSet("/metrics/g_loss").read(curve, H5::PredType::NATIVE_DOUBLE);
  CHECK(curve[0] == 10.0);
  CHECK(curve[3] == 0.25);
}

TEST_CASE("writing the same samples twice replaces them", "[run_artifacts]") {
  ScratchDir dir;
  std::string path = (dir / "run.h5").string();
  gantry::RunArtifacts artifacts(path, {1, "s", 1, "id", "", "", ""});
  artifacts.write_samples("real", gantry::Matrix::Zero(4, 2));
  artifacts.write_samples("real", gantry::Matrix::Ones(5, 2));
  H5::H5File file(path, H5F_ACC_RDONLY);
  hsize_t dims[2] = {0, 0};
  file.openDataSet("/samples/real").getSpace().getSimpleExtentDims(dims);
  CHECK(dims[0] == 5);
}
