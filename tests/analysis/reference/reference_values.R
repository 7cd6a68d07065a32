# Reference values quoted in tests/analysis/*.cpp that only R gives. Not run by CI.
#
# Companion of reference_values.py (SciPy), written against R 4.2.2 (Debian bookworm's
# r-base-core) with base R only; run it as `Rscript tests/analysis/reference/reference_values.R`.
# Each section prints the numbers one test file quotes, to 17 significant digits.

show <- function(label, value) {
  cat(sprintf("  %s = [%s]\n", label, paste(sprintf("%.17g", value), collapse = ", ")))
}

# --- Friedman with k = 2: test_friedman.cpp -------------------------------------------------------
# scipy.stats.friedmanchisquare refuses fewer than 3 treatments; R's friedman.test (rows are
# blocks, columns treatments) does not.
cat("friedman\n")
two <- matrix(c(1, 2, 3, 4, 6, 5, 7, 9, 2, 8), ncol = 2, byrow = TRUE)
result <- friedman.test(two)
show("k = 2 statistic", result$statistic)
show("k = 2 p", result$p.value)

# The cases of reference_values.py, through R's friedman.test too, as a cross-check of SciPy.
friedman_cases <- list(
  "no ties 6x4" = matrix(c(0.71, 0.65, 0.80, 0.62, 0.55, 0.60, 0.58, 0.50, 0.90, 0.84, 0.93, 0.81,
                           0.42, 0.47, 0.49, 0.40, 0.66, 0.61, 0.72, 0.63, 0.77, 0.70, 0.79, 0.74),
                         ncol = 4, byrow = TRUE),
  "ties 5x3" = matrix(c(1, 2, 2, 3, 3, 3, 2, 1, 3, 4, 4, 5, 1, 3, 2), ncol = 3, byrow = TRUE),
  "clear 12x3" = rbind(t(sapply(0:10, function(b) c(1, 2, 3) + b)), c(2.5, 2.0, 3.0)))
for (name in names(friedman_cases)) {
  result <- friedman.test(friedman_cases[[name]])
  show(paste(name, "statistic (friedman.test)"), result$statistic)
  show(paste(name, "p (friedman.test)"), result$p.value)
}

# --- Conover's post-hoc comparisons: test_friedman.cpp -------------------------------------------
# irace's aux.friedman (irace/R/race.R), which cites Conover (1999), Practical Nonparametric
# Statistics, pp. 369-371: with r the within-block ranks (rank(), ties averaged), A = sum(r^2)
# and R the column sums, two treatments differ when
#   |R_j - R_i| > qt(1 - alpha / 2, (n - 1) (k - 1)) * sqrt(2 (n A - sum(R^2)) / ((n - 1) (k - 1))).
# Written here as a statistic and a two-sided p-value from pt().
cat("conover\n")
conover_irace <- function(y, reference) {
  n <- nrow(y)
  k <- ncol(y)
  r <- t(apply(y, 1, rank))
  A <- sum(as.vector(r)^2)
  R <- colSums(r)
  df <- (n - 1) * (k - 1)
  scale <- sqrt(2 * (n * A - sum(R^2)) / df)
  others <- setdiff(seq_len(k), reference)
  t <- abs(R[others] - R[reference]) / scale
  list(treatments = others - 1, t = t, p = 2 * pt(t, df, lower.tail = FALSE))
}

# PMCMRplus::frdAllPairsConoverTest(p.adjust.method = "none") is not packaged for Debian bookworm
# (no r-cran-pmcmrplus), so it could not be run. Its formula, transcribed from its source
# (R/frdAllPairsConoverTest.R, "re coded from Conover and Iman 1978", m = 1 replicate), is
# evaluated here to show where it differs from irace's:
#   S2 = (sum(r^2) - n k (k + 1)^2 / 4) / (k - 1)
#   T2 = (sum(R) - n ((k + 1) / 2)^2) / S2          <- sum of the rank sums, not of their squares
#   t  = (R_i - R_j) / sqrt(S2 2 n (k - 1) / (n k - k - n + 1) * (1 - T2 / (n (k - 1))))
# with the same t distribution, df = n k - k - n + 1 = (n - 1)(k - 1). With Conover's T2 (the
# Friedman statistic, sum((R - n (k + 1) / 2)^2) / S2) the two formulas are algebraically equal;
# as transcribed, T2 is a constant and the statistics differ. Gantry follows irace.
conover_pmcmrplus_transcribed <- function(y, reference) {
  n <- nrow(y)
  k <- ncol(y)
  r <- t(apply(y, 1, rank))
  R <- colSums(r)
  S2 <- 1 / (k - 1) * (sum(r^2) - k * n * (k + 1)^2 / 4)
  T2 <- 1 / S2 * (sum(R) - n * ((k + 1) / 2)^2)
  A <- S2 * (2 * n * (k - 1)) / (n * k - k - n + 1)
  B <- 1 - T2 / (n * (k - 1))
  others <- setdiff(seq_len(k), reference)
  abs(R[others] - R[reference]) / (sqrt(A) * sqrt(B))
}
conover_conover_t2 <- function(y, reference) {  # the same with Conover's T2
  n <- nrow(y)
  k <- ncol(y)
  r <- t(apply(y, 1, rank))
  R <- colSums(r)
  S2 <- 1 / (k - 1) * (sum(r^2) - k * n * (k + 1)^2 / 4)
  T2 <- sum((R - n * (k + 1) / 2)^2) / S2
  A <- S2 * (2 * n * (k - 1)) / (n * k - k - n + 1)
  B <- 1 - T2 / (n * (k - 1))
  others <- setdiff(seq_len(k), reference)
  abs(R[others] - R[reference]) / (sqrt(A) * sqrt(B))
}

for (name in names(friedman_cases)) {
  y <- friedman_cases[[name]]
  for (reference in c(1, ncol(y))) {
    label <- sprintf("%s against %d", name, reference - 1)  # 0-based, as in the C++ tests
    result <- conover_irace(y, reference)
    show(paste(label, "treatments"), result$treatments)
    show(paste(label, "t (irace)"), result$t)
    show(paste(label, "p (irace, pt)"), result$p)
    show(paste(label, "t (PMCMRplus as transcribed)"), conover_pmcmrplus_transcribed(y, reference))
    show(paste(label, "t (PMCMRplus with Conover's T2)"), conover_conover_t2(y, reference))
  }
}

# --- Hodges-Lehmann estimate and interval: test_shift_estimate.cpp -------------------------------
# wilcox.test(x, y, conf.int = TRUE) takes its exact branch for samples without ties and with
# n1, n2 < 50: the estimate is median(diffs), the interval [d(qu), d(n1 n2 - qu + 1)] with
# qu = qwilcox((1 - conf.level) / 2, n1, n2), set to 1 when 0.
cat("hodges_lehmann\n")
hl_cases <- list(
  # Hollander & Wolfe (1973) p. 69, the example of R's ?wilcox.test.
  list("hollander_wolfe", c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46),
       c(1.15, 0.88, 0.90, 0.74, 1.21), 0.95),
  list("5 vs 6", c(1.1, 3.4, 2.2, 5.0, 4.1), c(6.3, 7.7, 2.9, 8.8, 9.1, 6.0), 0.95),
  list("5 vs 6", c(1.1, 3.4, 2.2, 5.0, 4.1), c(6.3, 7.7, 2.9, 8.8, 9.1, 6.0), 0.90),
  # qwilcox(0.025, 2, 2) is 0, so R takes qu = 1: the whole range of the differences.
  list("2 vs 2", c(1, 2), c(3, 4.5), 0.95),
  # x_i = 0.3 i + 0.05 (i = 0..29), y_j = 0.25 j + 2.01 (j = 0..24).
  list("30 vs 25", 0.3 * (0:29) + 0.05, 0.25 * (0:24) + 2.01, 0.95))
for (case in hl_cases) {
  x <- case[[2]]
  y <- case[[3]]
  confidence <- case[[4]]
  stopifnot(length(unique(c(x, y))) == length(c(x, y)))
  result <- wilcox.test(x, y, conf.int = TRUE, conf.level = confidence)
  label <- sprintf("%s at %g", case[[1]], confidence)
  cat(sprintf("  %s: %s, qu = %d\n", label, result$method,
              max(qwilcox((1 - confidence) / 2, length(x), length(y)), 1)))
  show(paste(label, "estimate"), result$estimate)
  show(paste(label, "interval"), result$conf.int)
}

# --- Wilcoxon signed-rank, exact: test_wilcoxon_signed_rank.cpp ----------------------------------
# A cross-check of SciPy's exact p-values with R's psignrank: p = 2 P(V <= min(V+, V-)).
cat("wilcoxon_signed_rank\n")
x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
show("exact 9 p (wilcox.test paired)", wilcox.test(x, y, paired = TRUE)$p.value)
d <- (1:50) * ifelse((0:49) %% 3 == 0, -1, 1) + 0.001 * (0:49)
v <- sum(rank(abs(d))[d > 0])
show("exact 50 p (2 psignrank(min(V, 1275 - V), 50))", 2 * psignrank(min(v, 1275 - v), 50))
