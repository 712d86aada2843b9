// Command benchengine compares the engine with CPython on the same scene,
// side by side in one run: python3 FILE, `loopscope run FILE` and
// `loopscope trace FILE > /dev/null`, each N times, interleaved, and prints
// the medians of wall time and peak memory and the ratios to python3.
//
//	go run ./scripts/benchengine                       # the 100,000-task gather, 5 rounds
//	go run ./scripts/benchengine -n 7 scene.py
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"
)

type sample struct {
	wall   time.Duration
	maxRSS int64 // bytes
}

func main() {
	n := flag.Int("n", 5, "rounds")
	python := flag.String("python", "python3", "the CPython to compare with")
	flag.Parse()
	scene := "scenes/testdata/bench/gather100k.py"
	if flag.NArg() > 0 {
		scene = flag.Arg(0)
	}
	if err := os.MkdirAll(".cache", 0o755); err != nil {
		fail(err)
	}
	bin, err := filepath.Abs(".cache/loopscope-bench")
	if err != nil {
		fail(err)
	}
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fail(fmt.Errorf("building loopscope: %v", err))
	}

	cmds := []struct {
		name string
		argv []string
	}{
		{"python3", []string{*python, scene}},
		{"loopscope run", []string{bin, "run", scene}},
		{"loopscope trace >/dev/null", []string{bin, "trace", scene}},
	}
	samples := make([][]sample, len(cmds))
	for round := 0; round < *n; round++ {
		for i, c := range cmds {
			s, err := measure(c.argv)
			if err != nil {
				fail(fmt.Errorf("%s: %v", c.name, err))
			}
			samples[i] = append(samples[i], s)
		}
	}
	fmt.Printf("%s, median of %d rounds (interleaved):\n", scene, *n)
	base := median(samples[0])
	for i, c := range cmds {
		m := median(samples[i])
		fmt.Printf("  %-28s %8.3f s  peak %6.0f MB  time ratio to python3 %.2f\n",
			c.name, m.wall.Seconds(), float64(m.maxRSS)/(1<<20), m.wall.Seconds()/base.wall.Seconds())
	}
}

// measure runs argv once with stdout discarded and returns its wall time
// and peak resident memory.
func measure(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, err
	}
	wall := time.Since(start)
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // Linux reports KiB
	}
	return sample{wall: wall, maxRSS: rss}, nil
}

// median returns the median wall time and the median peak memory.
func median(ss []sample) sample {
	walls := make([]time.Duration, len(ss))
	rss := make([]int64, len(ss))
	for i, s := range ss {
		walls[i], rss[i] = s.wall, s.maxRSS
	}
	slices.Sort(walls)
	slices.Sort(rss)
	return sample{wall: walls[len(walls)/2], maxRSS: rss[len(rss)/2]}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchengine:", err)
	os.Exit(1)
}
