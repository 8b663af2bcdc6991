#!/usr/bin/python3
"""Peer timings for Xent's entropy, cross-entropy and KL kernels: scipy and numpy on the same sizes.

Runs scipy.stats.entropy (H and D), numpy's -(p*np.log(p)).sum() / -(p*np.log(q)).sum(), and
scipy.special.rel_entr(p, q).sum() on random normalized doubles of each size, best of several runs,
then asks `./xent bench MEASURE --n N --threads T --json` for Xent's ns/element on the same sizes
(Xent draws its own seeded numbers from the same distribution: uniform on [0, 1), normalized) and
prints the ratios peer / Xent.

Usage: /usr/bin/python3 bench/peers/scipy_measures.py [--sizes 1000,100000,10000000] [--threads 1,2]

Uses Debian's system python with python3-scipy and python3-numpy (apt-get install -y python3-scipy).
OPENBLAS_CORETYPE does not matter here: these are elementwise ufuncs and reductions, which never call BLAS.
"""
import argparse
import json
import os
import subprocess
import sys
import timeit

import numpy as np
import scipy
import scipy.special
import scipy.stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def best_ns_per_element(fn, n, repeats=7):
    """Best of `repeats` runs, each long enough (~50 ms) to swamp timer resolution; ns per element."""
    fn()  # warm-up: page faults, first-call costs
    number = max(1, int(5e6 // n))
    times = timeit.repeat(fn, number=number, repeat=repeats)
    return min(times) / number / n * 1e9


def xent_ns_per_element(measure, n, threads):
    out = subprocess.run([os.path.join(ROOT, "xent"), "bench", measure, "--n", str(n), "--threads", str(threads), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["ns_per_element"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,10000000")
    parser.add_argument("--threads", default="1,2")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    threads = [int(t) for t in args.threads.split(",")]

    rng = np.random.default_rng(20240601)
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}; ns per element, best of 7")
    header = f"{'measure':<14}{'n':>10}  {'peer':<32}{'peer ns':>9}" + "".join(f"{f'xent {t}T':>9}{'ratio':>7}" for t in threads)
    print(header)
    print("-" * len(header))
    for n in sizes:
        p = rng.random(n); p /= p.sum()
        q = rng.random(n); q /= q.sum()
        peers = {
            "entropy": [("scipy.stats.entropy(p)", lambda: scipy.stats.entropy(p)),
                        ("numpy -(p*log p).sum()", lambda: -(p * np.log(p)).sum())],
            "cross-entropy": [("numpy -(p*log q).sum()", lambda: -(p * np.log(q)).sum())],
            "kl": [("scipy.stats.entropy(p, q)", lambda: scipy.stats.entropy(p, q)),
                   ("scipy.special.rel_entr(p,q).sum()", lambda: scipy.special.rel_entr(p, q).sum())],
        }
        for measure, candidates in peers.items():
            ours = {t: xent_ns_per_element(measure, n, t) for t in threads}
            for name, fn in candidates:
                theirs = best_ns_per_element(fn, n)
                cells = "".join(f"{ours[t]:>9.3f}{theirs / ours[t]:>6.1f}x" for t in threads)
                print(f"{measure:<14}{n:>10}  {name:<32}{theirs:>9.3f}{cells}", flush=True)


if __name__ == "__main__":
    main()
