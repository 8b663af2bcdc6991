#!/usr/bin/env bash
# Static rANS, Xent against htscodecs' rANS32x16 (Debian's libhtscodecs-dev: `apt-get install -y libhtscodecs-dev`), order 0
# (htscodecs -o4) and order 1 (-o5), each file coded as one block in memory, best of RUNS after a warm-up, peer and Xent back to
# back on the same file. Inputs: bench/peers/huffman-corpus.sh (default /tmp/xent-corpus/{text,binary}.bin).
# Usage: bench/peers/rans-htscodecs.sh [RUNS]      Prints one JSON line per (file, order, coder).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-7}"
corpus="${XENT_CORPUS:-/tmp/xent-corpus}"
[ -f "$corpus/text.bin" ] || "$here/huffman-corpus.sh" "$corpus" >/dev/null
driver="$(mktemp -d)/htscodecs_rans"
cc -O2 -o "$driver" "$here/htscodecs_rans.c" -lhtscodecs
dotnet build "$root/src/Xent.Cli" -c Release -v q -nologo >/dev/null
xent=(dotnet "$root/src/Xent.Cli/bin/Release/net10.0/Xent.Cli.dll")
for file in "$corpus/text.bin" "$corpus/binary.bin"; do
  for order in 0 1; do
    command=rans; [ "$order" = 1 ] && command=rans1
    printf '{"coder":"htscodecs","result":%s}\n' "$("$driver" "$file" "$order" "$runs")"
    printf '{"coder":"xent","result":%s}\n' "$("${xent[@]}" bench "$command" --file "$file" --runs "$runs" --json | tr -d '\n ')"
  done
done
