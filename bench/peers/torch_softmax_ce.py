#!/usr/bin/python3
"""PyTorch's F.cross_entropy forward + backward on float logits [N, C] against `xent bench softmax-ce`, same shape.

Runs Debian's python3-torch (apt-get install -y python3-torch) on 1 and 2 threads, best of --repeat runs after a
warm-up, and prints ns per logit for both and the ratio torch / xent (> 1: xent is faster).
Usage: bench/peers/torch_softmax_ce.py [--rows 4096] [--classes 32000] [--repeat 7]
"""
import argparse
import json
import os
import subprocess
import time

import torch
import torch.nn.functional as F


def torch_ns_per_logit(rows, classes, threads, repeat):
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(1)
    logits = (torch.rand(rows, classes, generator=g) * 4 - 2).requires_grad_()
    targets = torch.randint(0, classes, (rows,), generator=g)
    best = float("inf")
    for i in range(repeat + 1):  # the first run is the warm-up
        logits.grad = None
        start = time.perf_counter_ns()
        loss = F.cross_entropy(logits, targets)
        loss.backward()
        elapsed = time.perf_counter_ns() - start
        if i > 0:
            best = min(best, elapsed)
    return best / (rows * classes), loss.item()


def xent_ns_per_logit(rows, classes, threads, repeat):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = subprocess.run([os.path.join(root, "xent"), "bench", "softmax-ce", "--rows", str(rows), "--classes", str(classes),
                          "--threads", str(threads), "--repeat", str(repeat), "--json"],
                         check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    return report["ns_per_element"], report["loss"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4096)
    parser.add_argument("--classes", type=int, default=32000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(f"softmax cross-entropy forward + backward, float32 [{args.rows}, {args.classes}], torch {torch.__version__}")
    print(f"{'threads':>7} {'torch ns/logit':>15} {'xent ns/logit':>14} {'torch/xent':>11}")
    for threads in (1, 2):
        t, t_loss = torch_ns_per_logit(args.rows, args.classes, threads, args.repeat)
        x, x_loss = xent_ns_per_logit(args.rows, args.classes, threads, args.repeat)
        print(f"{threads:>7} {t:>15.3f} {x:>14.3f} {t / x:>11.2f}   (mean loss: torch {t_loss:.6f}, xent {x_loss:.6f} nats)")


if __name__ == "__main__":
    main()
