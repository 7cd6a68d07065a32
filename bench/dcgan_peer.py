#!/usr/bin/python3
"""The torch-dcgan model's iteration written the way PyTorch code naturally writes it: the
Python peer that bench/dcgan.sh times beside bench_torch's BM_DcganIteration.

Same networks as plugins/model/torch-dcgan (dcgan_networks.cpp, defaults of dcgan_config.hpp,
experiments/fashion_mnist.ini): G is Dense 100 -> 128 x 28 x 28 ReLU, then ConvTranspose2d
128 -> 128 -> 64 (3 x 3, 'same'), each followed by dropout 0.25, batch norm (Keras momentum 0.8,
epsilon 1e-3) and ReLU, then ConvTranspose2d 64 -> 1 and tanh. D is Conv2d 1 -> 32 -> 64 -> 128
(stride 2) -> 256 (stride 1) with TensorFlow's 'same' padding, a zero row and column after the
second, batch norm after the last three, LeakyReLU 0.2 and dropout after each, then Dense 1.

One iteration, as the notebook's loop body and BM_DcganIteration: G generates 32 images in
inference mode, D takes one Adam step on 32 real images, another on the 32 generated ones, and G
takes one step on 32 latent rows through D (D's weights frozen, D in training mode). Adam lr 2e-4,
beta1 0.5, binary cross-entropy from logits. Random images stand in for the data set.

Prints the LibTorch build facts, then one line per repetition and the median, in ms per iteration.
"""

import argparse
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 32
LATENT = 100


def keras_norm(channels):
    # Keras' momentum m keeps m of the running value; torch's momentum is the batch's share.
    return nn.BatchNorm2d(channels, eps=1e-3, momentum=0.2)


class FlippedConvTranspose2d(nn.ConvTranspose2d):
    """A stride-1 ConvTranspose2d computed as the convolution with the kernel flipped and its
    channel axes swapped: the same function, as torch-dcgan computes it (transposed_conv_same)."""

    def forward(self, x):
        return F.conv2d(x, self.weight.flip([2, 3]).transpose(0, 1), self.bias,
                        padding=self.padding)


class Generator(nn.Module):
    def __init__(self, transposed=nn.ConvTranspose2d):
        super().__init__()
        self.dense = nn.Linear(LATENT, 128 * 28 * 28)
        self.body = nn.Sequential(
            transposed(128, 128, 3, padding=1), nn.Dropout(0.25), keras_norm(128), nn.ReLU(),
            transposed(128, 64, 3, padding=1), nn.Dropout(0.25), keras_norm(64), nn.ReLU(),
            transposed(64, 1, 3, padding=1), nn.Tanh())

    def forward(self, latent):
        x = F.relu(self.dense(latent)).view(-1, 128, 28, 28)
        return self.body(x)


class SameConv(nn.Module):
    """TensorFlow's padding='same': the odd pixel of padding goes after (bottom, right)."""

    def __init__(self, inputs, outputs, stride):
        super().__init__()
        self.conv = nn.Conv2d(inputs, outputs, 3, stride=stride)
        self.stride = stride

    def forward(self, x):
        size = x.shape[-1]
        total = max((-(-size // self.stride) - 1) * self.stride + 3 - size, 0)
        return self.conv(F.pad(x, (total // 2, total - total // 2, total // 2, total - total // 2)))


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            SameConv(1, 32, 2), nn.LeakyReLU(0.2), nn.Dropout(0.25),
            SameConv(32, 64, 2), nn.ZeroPad2d((0, 1, 0, 1)), keras_norm(64), nn.LeakyReLU(0.2),
            nn.Dropout(0.25),
            SameConv(64, 128, 2), keras_norm(128), nn.LeakyReLU(0.2), nn.Dropout(0.25),
            SameConv(128, 256, 1), keras_norm(256), nn.LeakyReLU(0.2), nn.Dropout(0.25),
            nn.Flatten(), nn.Linear(256 * 4 * 4, 1))

    def forward(self, images):
        return self.body(images)


class Iteration:
    def __init__(self, transposed):
        self.g = Generator(transposed)
        self.d = Discriminator()
        self.g_optimizer = torch.optim.Adam(self.g.parameters(), lr=2e-4, betas=(0.5, 0.999),
                                            eps=1e-7)
        self.d_optimizer = torch.optim.Adam(self.d.parameters(), lr=2e-4, betas=(0.5, 0.999),
                                            eps=1e-7)
        self.real = torch.rand(BATCH, 1, 28, 28) * 2 - 1
        self.ones = torch.ones(BATCH, 1)
        self.zeros = torch.zeros(BATCH, 1)

    def d_step(self, images, labels):
        self.d_optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(self.d(images), labels)
        loss.backward()
        self.d_optimizer.step()
        return loss.item()

    def g_step(self):
        self.d.requires_grad_(False)
        self.g_optimizer.zero_grad()
        loss = F.binary_cross_entropy_with_logits(self.d(self.g(torch.randn(BATCH, LATENT))),
                                                  self.ones)
        loss.backward()
        self.g_optimizer.step()
        self.d.requires_grad_(True)
        return loss.item()

    def __call__(self):
        self.g.eval()
        with torch.no_grad():
            fake = self.g(torch.randn(BATCH, LATENT))
        self.g.train()
        self.d_step(self.real, self.ones)
        self.d_step(fake, self.zeros)
        self.g_step()


def blas_library():
    """The libblas.so.3 this process loaded (after symlinks), as bench_torch prints it."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if line.rstrip().endswith("/libblas.so.3")}
    return ", ".join(sorted(os.path.realpath(path) for path in paths)) or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=10, help="timed iterations per repetition")
    parser.add_argument("--warmup", type=int, default=3, help="untimed iterations first")
    parser.add_argument("--repetitions", type=int, default=1)
    parser.add_argument("--flipped", action="store_true",
                        help="compute G's transposed convolutions as torch-dcgan does, as flipped "
                             "convolutions (default: nn.ConvTranspose2d, as PyTorch code would)")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(1)
    iteration = Iteration(FlippedConvTranspose2d if args.flipped else nn.ConvTranspose2d)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, interop "
          f"{torch.get_num_interop_threads()}, mkldnn {torch.backends.mkldnn.is_available()}, "
          f"transposed convolutions {'flipped' if args.flipped else 'ConvTranspose2d'}")
    for _ in range(args.warmup):
        iteration()
    print(f"BLAS (sgemm_): {blas_library()}")
    times = []
    for _ in range(args.repetitions):
        started = time.perf_counter()
        for _ in range(args.iterations):
            iteration()
        times.append(1e3 * (time.perf_counter() - started) / args.iterations)
        print(f"python peer: {times[-1]:.1f} ms per iteration")
    print(f"python peer median: {statistics.median(times):.1f} ms per iteration")


if __name__ == "__main__":
    main()
