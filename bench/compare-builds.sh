#!/usr/bin/env bash
# Times the hot kernels of two builds of the xent command alternately, so both see the same machine load.
# Usage: bench/compare-builds.sh OLD_REV [NEW_REV=HEAD] [ROUNDS=2]
#   Builds each revision (git archive, Release) into /tmp/xent-build-REV, makes the Huffman corpus if missing
#   (bench/peers/huffman-corpus.sh), then runs for each round: the measures at 10^7 elements on 1 and 2 threads,
#   softmax CE [4096, 32000] on 1 and 2 threads, and Huffman on the text and binary corpora — old build, then new.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
old="${1:?usage: bench/compare-builds.sh OLD_REV [NEW_REV] [ROUNDS]}"; new="${2:-HEAD}"; rounds="${3:-2}"
corpus="${XENT_CORPUS:-/tmp/xent-corpus}"
[[ -f "$corpus/text.bin" && -f "$corpus/binary.bin" ]] || "$root/bench/peers/huffman-corpus.sh" "$corpus" >/dev/null

build() {
  local rev="$1" dir="/tmp/xent-build-$(git -C "$root" rev-parse --short "$1")"
  if [[ ! -f "$dir/cli/Xent.Cli.dll" ]]; then
    rm -rf "$dir/src"; mkdir -p "$dir/src"
    git -C "$root" archive "$rev" | tar -x -C "$dir/src"
    dotnet build "$dir/src/src/Xent.Cli/Xent.Cli.csproj" -c Release -o "$dir/cli" -nologo -v q >&2
  fi
  echo "$dir/cli/Xent.Cli.dll"
}

run() {
  local dll="$1" label="$2"
  for m in entropy cross-entropy kl; do for t in 1 2; do
    echo "$label $m t=$t: $(dotnet "$dll" bench "$m" --n 10000000 --threads "$t" --runs 30 | head -1)"
  done; done
  for t in 1 2; do echo "$label softmax-ce t=$t: $(dotnet "$dll" bench softmax-ce --rows 4096 --classes 32000 --threads "$t" | head -1)"; done
  for f in text binary; do echo "$label huffman $f: $(dotnet "$dll" bench huffman --file "$corpus/$f.bin" --runs 9 | head -1)"; done
}

old_dll="$(build "$old")"; new_dll="$(build "$new")"
for ((i = 1; i <= rounds; i++)); do run "$old_dll" "old($old)"; run "$new_dll" "new($new)"; done
