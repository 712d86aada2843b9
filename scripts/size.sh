#!/bin/sh
# size.sh prints the WebAssembly module's size as the page downloads it:
# raw, gzip -9 and brotli (as loopscope serves it), then the code each
# package puts in the module (from the symbol table of an unstripped link),
# so that cutting a dependency can be measured.
#
#	scripts/size.sh [TOP]    TOP packages to list (default 15)
set -eu
cd "$(dirname "$0")/.."
top=${1:-15}
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

# The same module linked with its symbol table, to attribute code to packages.
GOOS=js GOARCH=wasm go build -trimpath -o "$out/syms.wasm" ./wasm
echo
echo "code by package (top $top, from go tool nm -size):"
go tool nm -size "$out/syms.wasm" | awk '
	$3 == "T" || $3 == "t" || $3 == "D" || $3 == "d" || $3 == "R" || $3 == "r" || $3 == "B" || $3 == "b" {
		name = $4
		# The package is the symbol up to the first dot after the last slash.
		slash = 0
		for (i = length(name); i > 0; i--) if (substr(name, i, 1) == "/") { slash = i; break }
		rest = substr(name, slash + 1)
		dot = index(rest, ".")
		pkg = dot > 0 ? substr(name, 1, slash + dot - 1) : name
		size[pkg] += $2
		total += $2
	}
	END {
		for (p in size) printf "%10d  %5.1f%%  %s\n", size[p], 100 * size[p] / total, p
	}' | sort -rn | head -n "$top"
