#!/usr/bin/env bash
# `xent train --tol` against scikit-learn's lbfgs LogisticRegression on the digits data (scikit-learn's load_digits,
# 1797 rows × 64 features, 10 classes, standardized, C = 1), at equal tol: fit seconds (best of N, the two tools
# alternating so load on a shared machine hits both), iterations and training log loss (nats), and the ratio.
# Needs Debian's python3-sklearn (apt-get install -y python3-sklearn) under the system python3.
# Usage: bench/peers/logreg.sh [TOL...]   (default: 1e-4 1e-6)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py=/usr/bin/python3
"$py" -c "import sklearn" 2>/dev/null || { echo "scikit-learn is missing: apt-get install -y python3-sklearn" >&2; exit 1; }
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
csv="$dir/digits.csv"
"$py" "$root/bench/peers/logreg.py" write "$csv"
rounds="${ROUNDS:-5}"
for tol in "${@:-1e-4 1e-6}"; do
  for tol1 in $tol; do
    best=""; peers=""
    for ((r = 0; r < rounds; r++)); do
      out="$("$root/xent" train "$csv" --target y --tol "$tol1" --json)"
      line="$("$py" -c 'import json,sys; d=json.load(sys.stdin); print(d["seconds"], d["iterations"], d["train_log_loss"])' <<<"$out")"
      if [[ -z "$best" ]] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best="$line"; fi
      peer="$("$py" "$root/bench/peers/logreg.py" fit "$tol1" 1)"
      peers+="$peer"$'\n'
    done
    "$py" - "$tol1" "$best" <<PY
import json, sys
tol, best = sys.argv[1], sys.argv[2].split()
rows = {}
for line in """$peers""".strip().splitlines():
    d = json.loads(line)
    if d["peer"] not in rows or d["seconds"] < rows[d["peer"]]["seconds"]: rows[d["peer"]] = d
xs, xi, xl = float(best[0]), int(best[1]), float(best[2])
print(f"tol {tol}: xent train --tol {tol}: {xs:.4f} s, {xi} iterations, log loss {xl:.6f} nats")
for d in rows.values():
    print(f"  {d['peer']}: {d['seconds']:.4f} s, {d['iterations']} iterations, log loss {d['log_loss']:.6f} nats; xent/peer time = {xs / d['seconds']:.2f}")
PY
  done
done
