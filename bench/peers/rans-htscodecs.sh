#!/usr/bin/env bash
# Static rANS, Xent against htscodecs' rANS32x16 (Debian's libhtscodecs-dev: `apt-get install -y libhtscodecs-dev`), order 0
# (htscodecs -o4) and order 1 (-o5), each file coded as one block in memory, best of RUNS after a warm-up, peer and Xent back to
# back on the same file. Inputs: bench/peers/huffman-corpus.sh (default /tmp/xent-corpus/{text,binary}.bin).
# Usage: bench/peers/rans-htscodecs.sh [RUNS] [ROUNDS]   Prints one JSON line per (file, order, coder, round), then a summary
# line per (file, order): each coder's best encode and decode rate over ROUNDS alternating rounds (peer, xent, peer, xent, …,
# so both see the same machine load) and xent's ratio to the peer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-7}"
rounds="${2:-3}"
corpus="${XENT_CORPUS:-/tmp/xent-corpus}"
[ -f "$corpus/text.bin" ] || "$here/huffman-corpus.sh" "$corpus" >/dev/null
driver="$(mktemp -d)/htscodecs_rans"
cc -O2 -o "$driver" "$here/htscodecs_rans.c" -lhtscodecs
dotnet build "$root/src/Xent.Cli" -c Release -v q -nologo >/dev/null
xent=(dotnet "$root/src/Xent.Cli/bin/Release/net10.0/Xent.Cli.dll")
log="$(mktemp)"
for file in "$corpus/text.bin" "$corpus/binary.bin"; do
  for order in 0 1; do
    command=rans; [ "$order" = 1 ] && command=rans1
    for ((round = 1; round <= rounds; round++)); do
      printf '{"coder":"htscodecs","result":%s}\n' "$("$driver" "$file" "$order" "$runs")" | tee -a "$log"
      printf '{"coder":"xent","result":%s}\n' "$("${xent[@]}" bench "$command" --file "$file" --runs "$runs" --json | tr -d '\n ')" | tee -a "$log"
    done
  done
done
python3 - "$log" <<'PY'
import json, sys
best = {}
for line in open(sys.argv[1]):
    r = json.loads(line); x = r["result"]; key = (x["file"].split("/")[-1], x["order"])
    b = best.setdefault(key, {}).setdefault(r["coder"], {"enc": 0, "dec": 0, "size": x["compressed_bytes"]})
    b["enc"] = max(b["enc"], x["encode_mb_per_s"]); b["dec"] = max(b["dec"], x["decode_mb_per_s"])
for (f, o), c in best.items():
    h, x = c["htscodecs"], c["xent"]
    print(json.dumps({"summary": f, "order": o, "htscodecs_encode": round(h["enc"], 1), "xent_encode": round(x["enc"], 1),
        "encode_ratio": round(x["enc"] / h["enc"], 2), "htscodecs_decode": round(h["dec"], 1), "xent_decode": round(x["dec"], 1),
        "decode_ratio": round(x["dec"] / h["dec"], 2), "size_ratio": round(x["size"] / h["size"], 4)}))
PY
rm -f "$log"
