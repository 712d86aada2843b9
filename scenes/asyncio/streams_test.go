package asyncio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStreams runs the stream scenes of testdata/streams (each NAME.py
// with the NAME.out that tools/vclock/vclock.py --golden wrote from CPython
// over real loopback sockets), and the built-in scene 18_streams against
// testdata/streams/18_streams.golden. testdata/streams/random holds random
// scenes (servers echoing lines, clients in lockstep or bursts, a ticker
// printing every iteration) from its gen.py, run the same way.
func TestStreams(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "streams", "*.py"))
	if len(paths) < 10 {
		t.Fatalf("want at least 10 stream scenes, found %d", len(paths))
	}
	// Random scenes from testdata/streams/random/gen/gen.py.
	random, _ := filepath.Glob(filepath.Join("testdata", "streams", "random", "rand_*.py"))
	paths = append(paths, random...)
	type scene struct{ name, py, out string }
	var scenes []scene
	for _, p := range paths {
		scenes = append(scenes, scene{strings.TrimSuffix(filepath.Base(p), ".py"), p, strings.TrimSuffix(p, ".py") + ".out"})
	}
	scenes = append(scenes, scene{"18_streams", filepath.Join("..", "18_streams", "scene.py"), filepath.Join("testdata", "streams", "18_streams.golden")})
	for _, sc := range scenes {
		t.Run(sc.name, func(t *testing.T) {
			want, err := os.ReadFile(sc.out)
			if err != nil {
				t.Fatalf("no golden: run python3 tools/vclock/vclock.py --golden %s", sc.py)
			}
			src, err := os.ReadFile(sc.py)
			if err != nil {
				t.Fatal(err)
			}
			res, err := runSource(filepath.Base(sc.py), src, Config{Trace: true})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if res.Internal != nil {
				t.Fatalf("internal error: %v", res.Internal)
			}
			if err := res.Trace.Validate(); err != nil {
				t.Errorf("trace: %v", err)
			}
			if got := res.Golden(); got != string(want) {
				t.Errorf("golden mismatch\n--- got\n%s--- want\n%s--- stderr\n%s", got, want, res.Stderr)
			}
		})
	}
}
