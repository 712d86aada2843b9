#!/bin/sh
# size.sh prints the WebAssembly module's size as the page downloads it:
# raw, gzip -9 and brotli (as loopscope serves it), built exactly as
# `go run . build DIR` builds it.
#
#	scripts/size.sh
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM

go run . build "$out/site" >/dev/null
raw=$(wc -c <"$out/site/main.wasm")
gz=$(wc -c <"$out/site/main.wasm.gz")
br=$(wc -c <"$out/site/main.wasm.br")
awk -v r="$raw" -v g="$gz" -v b="$br" 'BEGIN {
	printf "main.wasm  %10d bytes  %6.2f MB  raw\n", r, r / 1e6
	printf "           %10d bytes  %6.2f MB  gzip -9 (%.0f%%)\n", g, g / 1e6, 100 * g / r
	printf "           %10d bytes  %6.2f MB  brotli  (%.0f%%)\n", b, b / 1e6, 100 * b / r
}'
