#!/usr/bin/env bash
# `xent train --tol` against scikit-learn's lbfgs LogisticRegression on the digits data (scikit-learn's load_digits,
# 1797 rows × 64 features, 10 classes, standardized, C = 1), at equal tol: fit seconds (best of N rounds, the two tools
# alternating so load on a shared machine hits both), as wall time and as CPU time of the process during the fit (every
# thread; for xent the runtime's compiler too, since every `xent train` is a fresh process), iterations, objective
# evaluations, training log loss (nats), and the ratios. Xent's figures are the `seconds` and `cpu_seconds` that
# `xent train --json` reports (the fit only: not start-up, not reading the CSV, not the report); scikit-learn's are the
# fit only as well. Needs Debian's python3-sklearn (apt-get install -y python3-sklearn) under the system python3.
# Usage: [ROUNDS=5] bench/peers/logreg.sh [TOL...]   (default: 1e-4 1e-6)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py=/usr/bin/python3
"$py" -c "import sklearn" 2>/dev/null || { echo "scikit-learn is missing: apt-get install -y python3-sklearn" >&2; exit 1; }
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
csv="$dir/digits.csv"
"$py" "$root/bench/peers/logreg.py" write "$csv"
"$root/xent" entropy 0.5,0.5 >/dev/null # build first, outside the timing
rounds="${ROUNDS:-5}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for tol in "${@:-1e-4 1e-6}"; do
  for tol1 in $tol; do
    xents=""; peers=""
    for ((r = 0; r < rounds; r++)); do
      xents+="$("$root/xent" train "$csv" --target y --tol "$tol1" --json --quiet | tr -d '\n')"$'\n'
      peers+="$("$py" "$root/bench/peers/logreg.py" fit "$tol1" 1)"$'\n'
    done
    "$py" - "$tol1" 3<<<"$xents" 4<<<"$peers" <<'PY'
import json, os, sys
tol = sys.argv[1]
xents = [json.loads(l) for l in os.fdopen(3).read().splitlines() if l.strip()]
peers = [json.loads(l) for l in os.fdopen(4).read().splitlines() if l.strip()]
xs, xc = min(d["seconds"] for d in xents), min(d["cpu_seconds"] for d in xents)
x = xents[0]
print(f"tol {tol}: xent train --tol {tol}: {xs:.4f} s wall, {xc:.4f} s CPU (best of {len(xents)}), {x['iterations']} iterations, "
      f"{x['evaluations']} evaluations, log loss {x['train_log_loss']:.6f} nats")
for name in dict.fromkeys(d["peer"] for d in peers):
    rows = [d for d in peers if d["peer"] == name]
    ps, pc = min(d["seconds"] for d in rows), min(d["cpu_seconds"] for d in rows)
    d = rows[0]
    evaluations = f", {d['evaluations']} evaluations" if "evaluations" in d else ""
    print(f"  {name}: {ps:.4f} s wall, {pc:.4f} s CPU, {d['iterations']} iterations{evaluations}, log loss {d['log_loss']:.6f} nats; "
          f"xent/peer wall = {xs / ps:.2f}, CPU = {xc / pc:.2f}")
PY
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
