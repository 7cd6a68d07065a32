#include "alternating_trainer.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <vector>

#include <boost/random/uniform_int_distribution.hpp>

namespace gantry::plugins {
namespace {

// Running means of the discriminator's per-step measurements over the k steps of one epoch.
struct DiscriminatorAverages {
  double loss_real = 0, loss_fake = 0, accuracy_real = 0, accuracy_fake = 0;
  int real_steps = 0, fake_steps = 0;

  void add_real(const DiscriminatorStep& step) {
    loss_real += step.loss_real;
    accuracy_real += step.accuracy_real;
    ++real_steps;
  }
  void add_fake(const DiscriminatorStep& step) {
    loss_fake += step.loss_fake;
    accuracy_fake += step.accuracy_fake;
    ++fake_steps;
  }
  EpochMeasurement measurement(long long step, int k, double g_loss) const {
    return {step,
            k,
            loss_real / std::max(real_steps, 1),
            loss_fake / std::max(fake_steps, 1),
            accuracy_real / std::max(real_steps, 1),
            accuracy_fake / std::max(fake_steps, 1),
            g_loss};
  }
  std::vector<Metric> metrics(const std::string& prefix, double g_loss, bool with_g) const {
    EpochMeasurement means = measurement(0, 0, g_loss);
    std::vector<Metric> values = {{prefix + "d_loss_real", means.loss_real},
                                  {prefix + "d_loss_fake", means.loss_fake},
                                  {prefix + "d_acc_real", means.accuracy_real},
                                  {prefix + "d_acc_fake", means.accuracy_fake}};
    if (with_g) values.push_back({prefix + "g_loss", g_loss});
    return values;
  }
};

Matrix rows_of(const Matrix& source, const std::vector<Eigen::Index>& indices, std::size_t begin,
               std::size_t end) {
  Matrix selected(static_cast<Eigen::Index>(end - begin), source.cols());
  for (std::size_t i = begin; i < end; ++i) {
    selected.row(static_cast<Eigen::Index>(i - begin)) = source.row(indices[i]);
  }
  return selected;
}

}  // namespace

AlternatingSchedule AlternatingSchedule::from(const Options& options) {
  AlternatingSchedule schedule{};
  schedule.epochs = options.integer("epochs");
  schedule.k = static_cast<int>(options.integer("k"));
  schedule.batch = static_cast<int>(options.integer("batch"));
  long long d_batch = options.integer("d_batch");
  // 0 means the notebooks' half_batch: each class gets half the generator's batch.
  schedule.d_batch = static_cast<int>(d_batch == 0 ? std::max(1, schedule.batch / 2) : d_batch);
  schedule.joint_update = options.text("d_update") == "joint";
  schedule.fixed_real_set = options.text("real_set") == "fixed";
  long long real_rows = options.integer("real_set_rows");
  schedule.real_set_rows = static_cast<int>(real_rows == 0 ? schedule.d_batch : real_rows);
  schedule.pretrain_epochs = static_cast<int>(options.integer("pretrain_epochs"));
  schedule.pretrain_rows = static_cast<int>(options.integer("pretrain_rows"));
  schedule.pretrain_batch = static_cast<int>(options.integer("pretrain_batch"));
  schedule.eval_every = options.integer("eval_every");
  schedule.log_every = options.integer("log_every");
  return schedule;
}

AlternatingTrainer::AlternatingTrainer(const PluginArgs& args)
    : schedule_(AlternatingSchedule::from(args.options)),
      policy_(std::make_unique<FixedK>(schedule_.k)) {}

AlternatingTrainer::AlternatingTrainer(const AlternatingSchedule& schedule,
                                       std::unique_ptr<KPolicy> policy)
    : schedule_(schedule), policy_(std::move(policy)) {}

Matrix AlternatingTrainer::real_batch(TrainingSession& session) {
  Random& random = session.random("real");
  if (!schedule_.fixed_real_set) return session.data().sample(schedule_.d_batch, random);
  // The tanh notebook trains on its whole fixed set every step; a smaller batch is drawn from
  // it with replacement, as the DCGAN notebook's randint indexing does.
  if (schedule_.d_batch >= fixed_set_.rows()) return fixed_set_;
  boost::random::uniform_int_distribution<Eigen::Index> pick(0, fixed_set_.rows() - 1);
  Matrix batch(schedule_.d_batch, fixed_set_.cols());
  for (Eigen::Index i = 0; i < batch.rows(); ++i) batch.row(i) = fixed_set_.row(pick(random));
  return batch;
}

// One epoch of D alone on shuffled real and generated rows in minibatches, like Keras'
// fit(X, y, epochs=1, batch_size) in the sine notebook.
void AlternatingTrainer::pretrain(TrainingSession& session) {
  GanModel& model = session.model();
  Random& shuffle_random = session.random("pretrain");
  for (int epoch = 0; epoch < schedule_.pretrain_epochs; ++epoch) {
    Matrix real = session.data().sample(schedule_.pretrain_rows, session.random("real"));
    Matrix fake =
        model.generate(model.sample_latent(schedule_.pretrain_rows, session.random("latent")));
    std::vector<Eigen::Index> order(static_cast<std::size_t>(2 * schedule_.pretrain_rows));
    std::iota(order.begin(), order.end(), 0);
    // Fisher-Yates with Boost's distribution, so the order is the same on every platform.
    for (std::size_t i = order.size() - 1; i > 0; --i) {
      boost::random::uniform_int_distribution<std::size_t> pick(0, i);
      std::swap(order[i], order[pick(shuffle_random)]);
    }
    DiscriminatorAverages averages;
    for (std::size_t begin = 0; begin < order.size(); begin += schedule_.pretrain_batch) {
      std::size_t end = std::min(order.size(), begin + schedule_.pretrain_batch);
      std::vector<Eigen::Index> real_rows, fake_rows;
      for (std::size_t i = begin; i < end; ++i) {
        (order[i] < schedule_.pretrain_rows ? real_rows : fake_rows)
            .push_back(order[i] % schedule_.pretrain_rows);
      }
      DiscriminatorStep step =
          model.discriminator_step(rows_of(real, real_rows, 0, real_rows.size()),
                                   rows_of(fake, fake_rows, 0, fake_rows.size()));
      if (!real_rows.empty()) averages.add_real(step);
      if (!fake_rows.empty()) averages.add_fake(step);
      if (session.stop_requested()) return;
    }
    // Pre-training metrics are logged per pre-training epoch (1, 2, ...), under their own keys.
    session.log(epoch + 1, averages.metrics("pretrain.", 0.0, false));
  }
}

void AlternatingTrainer::train(TrainingSession& session) {
  if (completed_ == 0) {
    if (schedule_.fixed_real_set) {
      fixed_set_ = session.data().sample(schedule_.real_set_rows, session.random("real"));
    }
    pretrain(session);
  }
  for (long long step = completed_ + 1; step <= schedule_.epochs; ++step) {
    epoch(session, step);
    completed_ = step;
    session.step_done(step);
    if (session.stop_requested()) return;
  }
}

// K discriminator steps, one generator step, the epoch's log line and, at its cadence, the
// evaluation.
void AlternatingTrainer::epoch(TrainingSession& session, long long step) {
  GanModel& model = session.model();
  Random& latent = session.random("latent");
  const Matrix no_rows(0, session.data().dimensions());
  const int k = policy_->k();
  DiscriminatorAverages averages;
  for (int i = 0; i < k; ++i) {
    Matrix real = real_batch(session);
    Matrix fake = model.generate(model.sample_latent(schedule_.d_batch, latent));
    if (schedule_.joint_update) {
      DiscriminatorStep both = model.discriminator_step(real, fake);
      averages.add_real(both);
      averages.add_fake(both);
    } else {
      averages.add_real(model.discriminator_step(real, no_rows));
      averages.add_fake(model.discriminator_step(no_rows, fake));
    }
  }
  double g_loss = model.generator_step(model.sample_latent(schedule_.batch, latent));
  policy_->observe(averages.measurement(step, k, g_loss));
  std::vector<Metric> metrics = averages.metrics("", g_loss, true);
  policy_->append_metrics(metrics);
  bool diverged = std::any_of(metrics.begin(), metrics.end(),
                              [](const Metric& metric) { return !std::isfinite(metric.value); });
  // A divergence is logged at the step it happens, where the harness fails the run.
  if (diverged || step % schedule_.log_every == 0 || step == schedule_.epochs) {
    session.log(step, metrics);
  } else {
    // A policy's own metrics (adaptive-k's k) are the schedule itself: logged every epoch.
    std::vector<Metric> schedule;
    policy_->append_metrics(schedule);
    if (!schedule.empty()) session.log(step, schedule);
  }
  if (step % schedule_.eval_every == 0 || step == schedule_.epochs) session.evaluate(step);
}

std::string AlternatingTrainer::save_state() const {
  StateWriter out;
  out.number<std::int64_t>(completed_);
  out.number<std::int64_t>(fixed_set_.rows());
  out.number<std::int64_t>(fixed_set_.cols());
  out.array(fixed_set_.data(), static_cast<std::size_t>(fixed_set_.size()));
  policy_->save(out);
  return out.bytes();
}

void AlternatingTrainer::restore_state(const std::string& state) {
  StateReader in(state);
  completed_ = in.number<std::int64_t>();
  const auto rows = in.number<std::int64_t>();
  const auto cols = in.number<std::int64_t>();
  if (rows < 0 || cols < 0 || completed_ < 0) throw std::invalid_argument("saved state is damaged");
  fixed_set_.resize(rows, cols);
  in.array(fixed_set_.data(), static_cast<std::size_t>(fixed_set_.size()));
  policy_->restore(in);
  if (!in.at_end()) throw std::invalid_argument("saved state is longer than this trainer's");
}

}  // namespace gantry::plugins
