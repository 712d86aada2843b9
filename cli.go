package main

//go:generate go run ./tools/langdoc LANGUAGE.md

// The subcommands that run the engine without a browser: run, trace and
// scenes. serve.go holds main and the playground's own commands.

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/mistakes"
)

// defaultMaxMemory is the engine's memory budget when -max-memory is not
// given (asyncio.DefaultMaxMemory).
const defaultMaxMemory = 1 << 30

// budgetFlags registers the budget flags on fs and returns the budgets they
// fill in.
func budgetFlags(fs *flag.FlagSet) *engine.Budgets {
	b := new(engine.Budgets)
	fs.Int64Var(&b.MaxSteps, "max-steps", 0, "stop after this many bytecode instructions (default 2000000000)")
	fs.Float64Var(&b.MaxVirtualTime, "max-time", 0, "stop after this many seconds of virtual time (default 100000)")
	fs.IntVar(&b.MaxEvents, "max-events", 0, "stop after this many trace events (default 5000000)")
	fs.Int64Var(&b.MaxMemory, "max-memory", 0, "stop when the heap grows past this many bytes (default 1073741824)")
	fs.IntVar(&b.MaxDepth, "max-depth", 0, "raise RecursionError past this call depth (default 1000)")
	return b
}

// seedFlag registers -seed on fs; the returned func fills opts from it.
func seedFlag(fs *flag.FlagSet) func(opts *engine.Options) {
	seed := fs.String("seed", "", "seed the random module with this integer when the scene does not seed it (default: a new seed each run, shown in the trace)")
	return func(opts *engine.Options) {
		if *seed != "" {
			opts.Seed, _ = strconv.ParseUint(*seed, 10, 64)
			opts.SeedSet = true
		}
	}
}

// wallClockFlag registers -wall-clock on fs: when the scene's wall clock
// starts, as RFC 3339 (2026-12-07T17:13:52Z) or Unix seconds
// (1796663632), shown in the process's local time zone (TZ honoured).
// Unset, it is the real time when the run starts. The returned func fills
// opts from it.
func wallClockFlag(fs *flag.FlagSet) func(opts *engine.Options) {
	var wall wallClockValue
	fs.Var(&wall, "wall-clock", "start the scene's wall clock (time.time(), datetime.now()) at `WHEN`: RFC 3339 like 2026-12-07T17:13:52Z or Unix seconds, shown in the local time zone (TZ); unset: now")
	return func(opts *engine.Options) {
		opts.WallClock = wall.t
		if opts.WallClock.IsZero() {
			opts.WallClock = time.Now()
		}
	}
}

// wallClockValue is the -wall-clock flag's value.
type wallClockValue struct{ t time.Time }

func (w *wallClockValue) String() string {
	if w.t.IsZero() {
		return ""
	}
	return w.t.Format(time.RFC3339Nano)
}

func (w *wallClockValue) Set(s string) error {
	t, err := parseWallClock(s)
	if err != nil {
		return err
	}
	w.t = t
	return nil
}

// parseWallClock reads an RFC 3339 time or a number of Unix seconds.
func parseWallClock(s string) (time.Time, error) {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(f) || math.Abs(f) > 1e11 {
			return time.Time{}, fmt.Errorf("%s seconds since 1970 is out of range", s)
		}
		sec := math.Floor(f)
		return time.Unix(int64(sec), int64(math.Round((f-sec)*1e9))).In(time.Local), nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("want a time like 2026-12-07T17:13:52Z or Unix seconds like 1796663632, got %q", s)
	}
	return t.In(time.Local), nil
}

// parseScene parses a subcommand's flags and its one FILE.py argument,
// accepting flags before or after the file. It reports usage errors itself
// and returns ok=false. opts has the file name, the budgets, the seed and
// the wall clock; more registers the subcommand's own flags.
func parseScene(name string, args []string, stderr io.Writer, more ...func(fs *flag.FlagSet)) (opts engine.Options, src []byte, ok bool) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: loopscope %s [flags] FILE.py\n", name)
		fs.PrintDefaults()
	}
	b := budgetFlags(fs)
	seed := seedFlag(fs)
	wall := wallClockFlag(fs)
	for _, m := range more {
		m(fs)
	}
	if err := fs.Parse(args); err != nil {
		return opts, nil, false
	}
	if !checkBudgets(name, fs, stderr) {
		return opts, nil, false
	}
	rest := fs.Args()
	if len(rest) > 1 {
		// Flags after the file name.
		if err := fs.Parse(rest[1:]); err != nil {
			return opts, nil, false
		}
		if !checkBudgets(name, fs, stderr) {
			return opts, nil, false
		}
		rest = append(rest[:1], fs.Args()...)
	}
	if len(rest) != 1 {
		fs.Usage()
		return opts, nil, false
	}
	// The memory budget is kept by the engine's accounting; the Go runtime
	// is told of it too, as a backstop, so that it collects garbage harder
	// near the budget instead of letting the process grow to twice its heap.
	mem := b.MaxMemory
	if mem <= 0 {
		mem = defaultMaxMemory
	}
	debug.SetMemoryLimit(mem + mem/8 + 32<<20)
	file := rest[0]
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "loopscope %s: %v\n", name, err)
		return opts, nil, false
	}
	if s := fs.Lookup("seed").Value.String(); s != "" {
		if _, err := strconv.ParseUint(s, 10, 64); err != nil {
			fmt.Fprintf(stderr, "loopscope %s: -seed %s: give a whole number from 0 to 18446744073709551615\n", name, s)
			return opts, nil, false
		}
	}
	opts = engine.Options{Filename: file, Budgets: *b}
	seed(&opts)
	wall(&opts)
	return opts, src, true
}

// checkBudgets refuses a budget flag given a value that is not a positive,
// finite number: a zero, negative or non-finite budget would otherwise fall
// back to the default without a word, or never stop anything.
func checkBudgets(name string, fs *flag.FlagSet, stderr io.Writer) bool {
	ok := true
	fs.Visit(func(f *flag.Flag) {
		if !ok || !strings.HasPrefix(f.Name, "max-") {
			return
		}
		v, err := strconv.ParseFloat(f.Value.String(), 64)
		if err != nil || !(v > 0) || math.IsInf(v, 0) {
			fmt.Fprintf(stderr, "loopscope %s: -%s must be a positive, finite number, not %s\n", name, f.Name, f.Value.String())
			ok = false
		}
	})
	return ok
}

// runCmd is `loopscope run FILE.py`: print what python3 FILE.py would
// print; with -mistakes, then the classic asyncio mistakes the scene
// made, one a line on stderr: file:line:col: kind: message.
func runCmd(args []string, stdout, stderr io.Writer) int {
	var withMistakes bool
	var lang string
	opts, src, ok := parseScene("run", args, stderr, func(fs *flag.FlagSet) {
		fs.BoolVar(&withMistakes, "mistakes", false, "after the run, print the classic asyncio mistakes the scene made on stderr, as file:line:col: kind: message")
		fs.StringVar(&lang, "lang", "en", "the language of -mistakes' messages: en or ko")
	})
	if !ok {
		return 2
	}
	if lang != "en" && lang != "ko" {
		fmt.Fprintf(stderr, "loopscope run: -lang must be en or ko, not %q\n", lang)
		return 2
	}
	var res *engine.Result
	var found []mistakes.Mistake
	if withMistakes {
		res, found = mistakes.Run(src, opts)
	} else {
		res = engine.Run(src, opts)
	}
	// stdout and stderr in the order the scene wrote them, as python3 in
	// a terminal shows them; then the rest of stderr (a traceback).
	var err error
	written := 0
	for _, c := range res.Output {
		if c.Stderr {
			if _, werr := io.WriteString(stderr, c.Text); werr != nil {
				return 1
			}
			written += len(c.Text)
		} else if err == nil {
			_, err = io.WriteString(stdout, c.Text)
		}
	}
	tail := *res
	tail.Stderr = res.Stderr[min(written, len(res.Stderr)):]
	for _, m := range found {
		tail.Stderr += fmt.Sprintf("%s:%d:%d: %s: %s\n", opts.Filename, m.Line, m.Col, m.Kind, m.Message(lang))
	}
	return finish("run", &tail, err, stderr)
}

// traceCmd is `loopscope trace FILE.py`: the trace as JSON lines.
func traceCmd(args []string, stdout, stderr io.Writer) int {
	opts, src, ok := parseScene("trace", args, stderr)
	if !ok {
		return 2
	}
	// The events go out as they happen: the trace is never held whole.
	w := bufio.NewWriterSize(stdout, 1<<16)
	opts.Trace, opts.TraceTo = true, w
	res := engine.Run(src, opts)
	err := w.Flush()
	return finish("trace", res, err, stderr)
}

// finish writes the run's stderr and returns its exit status. A failed
// write (outErr, from standard output, or one to stderr) makes the status 1
// with a message, never a silent success: the output is incomplete.
func finish(name string, res *engine.Result, outErr error, stderr io.Writer) int {
	_, errErr := io.WriteString(stderr, res.Stderr)
	if outErr != nil {
		fmt.Fprintf(stderr, "loopscope %s: cannot write the output: %v\n", name, outErr)
		return 1
	}
	if errErr != nil {
		return 1
	}
	return res.ExitCode
}

// scenesCmd is `loopscope scenes`: the built-in scenes in course order.
func scenesCmd(args []string) int {
	if len(args) != 0 {
		fmt.Fprintln(os.Stderr, "usage: loopscope scenes")
		return 2
	}
	w := bufio.NewWriter(os.Stdout)
	all := scenes.All()
	width := 0
	for _, s := range all {
		width = max(width, len(s.ID))
	}
	for _, s := range all {
		fmt.Fprintf(w, "%-*s  %s / %s\n", width, s.ID, strings.TrimSpace(s.Titles["en"]), strings.TrimSpace(s.Titles["ko"]))
	}
	w.Flush()
	return 0
}
