#!/usr/bin/env bash
# Context for `xent bench huffman`: zstd's in-memory benchmark at level 1 on the same inputs.
# zstd has no Huffman-only benchmark mode: -b1 times a whole LZ + FSE + Huff0 compressor, so its figures are context,
# not a like-for-like comparison (Huff0 alone is faster at decoding than zstd -1 as a whole on most data).
# Usage: bench/peers/huffman-zstd.sh [DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:-${XENT_CORPUS:-/tmp/xent-corpus}}"
[[ -f "$dir/text.bin" ]] || "$root/bench/peers/huffman-corpus.sh" "$dir"
command -v zstd >/dev/null || { echo "zstd is missing: apt-get install -y zstd" >&2; exit 1; }
zstd --version
for f in text binary; do
  echo "== $f.bin"
  zstd -b1 -i5 "$dir/$f.bin" 2>&1 | tr "\r" "\n" | grep "MB/s" | tail -1
  "$root/xent" bench huffman --file "$dir/$f.bin" --runs 9
done
