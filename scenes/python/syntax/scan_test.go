package syntax

import (
	"os"
	"testing"
)

// BenchmarkScan measures the scanner alone on the benchmark scene.
func BenchmarkScan(b *testing.B) {
	src, _ := os.ReadFile("testdata/bench_scene.py")
	n := 0
	for b.Loop() {
		sc := newScanner("x", src, Position{1, 1}, false)
		for sc.next().kind != EOF {
			n++
		}
	}
	b.ReportMetric(float64(n)/float64(b.N), "tokens/op")
}
