#!/usr/bin/python3
"""Decision-tree training time: Xent (`xent bench tree`) against scikit-learn's DecisionTreeClassifier(criterion="entropy").

The data are generated once (seeded) into /tmp as raw binaries both sides read: 10^6 rows x 20 standard-normal float64
features, labels y = [x0 + x1*x2 + 0.5*noise > 0]. Only training is timed on both sides (best of --runs; runs alternate
Xent and scikit-learn so a noisy neighbour hurts both alike). scikit-learn's tree is single-threaded; Xent runs with
1 and 2 threads. Usage: bench/peers/tree.py [--rows N] [--features D] [--max-depth D] [--runs R]  (Debian python3-sklearn).
"""
import argparse, json, os, subprocess, sys, time
import numpy as np
from sklearn.tree import DecisionTreeClassifier
import sklearn

p = argparse.ArgumentParser()
p.add_argument("--rows", type=int, default=1_000_000)
p.add_argument("--features", type=int, default=20)
p.add_argument("--max-depth", type=int, default=None)
p.add_argument("--runs", type=int, default=3)
a = p.parse_args()
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
xp, yp = f"/tmp/xent-tree-{a.rows}x{a.features}.f64", f"/tmp/xent-tree-{a.rows}x{a.features}.i32"
if not (os.path.exists(xp) and os.path.exists(yp)):
    rng = np.random.default_rng(20240601)
    X = rng.standard_normal((a.rows, a.features))
    y = (X[:, 0] + X[:, 1] * X[:, 2] + 0.5 * rng.standard_normal(a.rows) > 0).astype(np.int32)
    np.ascontiguousarray(X.T).tofile(xp)
    y.tofile(yp)
X = np.fromfile(xp).reshape(a.features, a.rows).T.copy()
y = np.fromfile(yp, dtype=np.int32)

def xent(threads):
    cmd = [os.path.join(root, "xent"), "bench", "tree", "--x", xp, "--y", yp, "--features", str(a.features), "--threads", str(threads),
           "--runs", "1", "--json", "--max-time", "100000"]
    if a.max_depth is not None: cmd += ["--max-depth", str(a.max_depth)]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)

def sk():
    clf = DecisionTreeClassifier(criterion="entropy", max_depth=a.max_depth, random_state=0)
    t = time.perf_counter(); clf.fit(X, y); s = time.perf_counter() - t
    return s, clf.tree_.node_count, clf.get_depth()

best = {"sk": (float("inf"), 0, 0), 1: None, 2: None}
for _ in range(a.runs):
    r = sk(); best["sk"] = min(best["sk"], r)
    for t in (1, 2):
        r = xent(t)
        if best[t] is None or r["seconds"] < best[t]["seconds"]: best[t] = r
s = best["sk"]
print(f"machine: {os.cpu_count()} cores; scikit-learn {sklearn.__version__}, numpy {np.__version__}; {a.rows} rows x {a.features} features, "
      f"max_depth {a.max_depth}; best of {a.runs}")
print(f"scikit-learn entropy tree (1 thread): {s[0]:.2f} s  ({s[1]} nodes, depth {s[2]})")
for t in (1, 2):
    r = best[t]
    print(f"xent bench tree --threads {t}:        {r['seconds']:.2f} s  ({r['nodes']} nodes, depth {r['depth']})  "
          f"ratio sklearn/xent = {s[0] / r['seconds']:.2f}")
