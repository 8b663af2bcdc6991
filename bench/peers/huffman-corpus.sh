#!/usr/bin/env bash
# Builds the Huffman benchmark inputs (no network): 20 MB of text and 20 MB of binaries from this machine.
# Usage: bench/peers/huffman-corpus.sh [DIR]   (default /tmp/xent-corpus; the benchmarks read $XENT_CORPUS or that default)
set -euo pipefail
dir="${1:-${XENT_CORPUS:-/tmp/xent-corpus}}"
mkdir -p "$dir"
export LC_ALL=C
find /usr/share/doc -type f ! -name '*.gz' -size -2000k -print0 | sort -z | xargs -0 cat 2>/dev/null | head -c 20000000 > "$dir/text.bin" || true
find /usr/lib/x86_64-linux-gnu -maxdepth 1 -type f -name '*.so*' -print0 | sort -z | xargs -0 cat 2>/dev/null | head -c 20000000 > "$dir/binary.bin" || true
ls -l "$dir"
