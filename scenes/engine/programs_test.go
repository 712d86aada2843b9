package engine

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// The real programs: scenes/testdata/programs holds asyncio programs that
// nobody on this project wrote, taken from the Python docs, tutorials and
// learners' repositories, each with a `# source:` first line naming where it
// comes from and the smallest edits made. Beside each, CPython's output as
// tools/vclock/programs.py wrote it (NAME.out, the golden form of stdout;
// NAME.err, stderr as CPython wrote it, the folder written as $DIR).
//
// expect.txt says, for each program, what loopscope must do with it:
//
//	same      print exactly what CPython prints: stdout (with the loop time
//	          of every line) and stderr
//	refused   refuse it before running (exit 2), with a line and column and
//	          a sentence saying why: it needs what a playground cannot have
//	          (a subprocess, a signal, a third-party network library, real
//	          randomness from the OS)
//	differs   a known difference, with the reason after '#': counted, not
//	          failed, so that the report stays honest
//
// TestRealPrograms fails when a program does worse than expect.txt says,
// and when expect.txt and the folder disagree; -v prints the report.
const programsDir = "../testdata/programs"

type programExpect struct {
	status string // same, refused, differs
	note   string
}

func readProgramExpectations(t *testing.T) map[string]programExpect {
	t.Helper()
	f, err := os.Open(filepath.Join(programsDir, "expect.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]programExpect{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		body, note, _ := strings.Cut(line, "#")
		fields := strings.Fields(body)
		if len(fields) != 2 {
			t.Fatalf("expect.txt:%d: want 'NAME.py STATUS # note', got %q", n, line)
		}
		switch fields[1] {
		case "same", "refused", "differs":
		default:
			t.Fatalf("expect.txt:%d: unknown status %q (same, refused, differs)", n, fields[1])
		}
		if fields[1] == "differs" && strings.TrimSpace(note) == "" {
			t.Fatalf("expect.txt:%d: a known difference needs its reason after '#'", n)
		}
		want[fields[0]] = programExpect{fields[1], strings.TrimSpace(note)}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return want
}

// programStderr reduces stderr to what both sides can print alike: frames
// of files other than the program (asyncio's own Python code in CPython,
// which is Go in the engine) are left out with their source and caret
// lines.
func programStderr(stderr string) string {
	var out []string
	lines := strings.Split(stderr, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if at := strings.Index(l, "File \""); at >= 0 && strings.Trim(l[:at], " |+-") == "" {
			if !strings.Contains(l, "File \"$DIR/") {
				deeper := l[:at] + "  "
				for i+1 < len(lines) && strings.HasPrefix(lines[i+1], deeper) {
					i++
				}
				continue
			}
		}
		out = append(out, l)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

// addresses are the object addresses reprs print (<Barrier object at
// 0x7f9e921d08d0 ...>): CPython's differ from run to run, so both sides'
// are compared as 0x….
var addresses = regexp.MustCompile(` at 0x[0-9a-f]+`)

type programResult struct {
	name                    string
	expect                  programExpect
	harnessTimeout          bool // CPython's run could not be recorded: only a refusal is right
	refused                 bool
	cause                   string // the refusal's sentence
	stdoutSame, stderrSame  bool
	wantStdout, gotStdout   string
	wantStderr, gotStderr   string
	engineExit, cpythonExit int
}

func runProgram(t *testing.T, file string) programResult {
	t.Helper()
	name := filepath.Base(file)
	r := programResult{name: name}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".out")
	if err != nil {
		t.Fatalf("%s: no stored CPython output (python3 tools/vclock/programs.py %s): %v", name, name, err)
	}
	errOut, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".err")
	if err != nil {
		t.Fatalf("%s: no stored CPython stderr: %v", name, err)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(abs)
	res := Run(src, programOptions(abs))
	r.engineExit = res.ExitCode
	if res.ExitCode == ExitRefused {
		r.refused = true
		if res.Err != nil {
			r.cause = res.Err.Msg
		}
	}
	if strings.HasPrefix(string(out), "=harness-timeout") {
		r.harnessTimeout = true
		return r
	}
	want, err := parseGolden(out)
	if err != nil {
		// A child process wrote to the terminal past the harness (a
		// subprocess): nothing to compare, the engine must refuse it.
		r.harnessTimeout = true
		return r
	}
	r.cpythonExit = want.exit
	r.wantStdout = addresses.ReplaceAllString(want.String(), " at 0x…")
	r.gotStdout = addresses.ReplaceAllString(strings.ReplaceAll(goldenOf(res).String(), dir, "$DIR"), " at 0x…")
	r.stdoutSame = r.wantStdout == r.gotStdout
	r.wantStderr = addresses.ReplaceAllString(programStderr(string(errOut)), " at 0x…")
	r.gotStderr = addresses.ReplaceAllString(programStderr(strings.ReplaceAll(res.Stderr, dir, "$DIR")), " at 0x…")
	switch {
	case want.deadlock || want.budget:
		// The harness's message and the engine's differ by design; the
		// golden form already says how the run ended.
		r.stderrSame = r.stdoutSame
	default:
		r.stderrSame = r.wantStderr == r.gotStderr
	}
	return r
}

// TestRealPrograms runs every real program and holds the engine to
// expect.txt; with -v it prints the counts the project reports.
func TestRealPrograms(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(programsDir, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 80 {
		t.Fatalf("only %d real programs in %s: the collection must keep at least 80", len(files), programsDir)
	}
	expect := readProgramExpectations(t)
	var results []programResult
	for _, file := range files {
		r := runProgram(t, file)
		e, ok := expect[r.name]
		if !ok {
			t.Errorf("%s: not in expect.txt", r.name)
			continue
		}
		delete(expect, r.name)
		r.expect = e
		results = append(results, r)
		src, _ := os.ReadFile(file)
		if !strings.HasPrefix(string(src), "# source: ") {
			t.Errorf("%s: the first line must be '# source: WHERE; edits: WHAT'", r.name)
		}
		switch e.status {
		case "same":
			if !r.stdoutSame {
				t.Errorf("%s: stdout differs from CPython\n--- CPython\n%s--- engine\n%s", r.name, r.wantStdout, r.gotStdout)
			} else if !r.stderrSame {
				t.Errorf("%s: stderr differs from CPython\n--- CPython\n%s\n--- engine\n%s", r.name, r.wantStderr, r.gotStderr)
			}
		case "refused":
			if !r.refused {
				t.Errorf("%s: expected a refusal, the engine ran it (exit %d)", r.name, r.engineExit)
			}
		case "differs":
			if r.harnessTimeout {
				t.Errorf("%s: CPython's output could not be recorded (a subprocess or a process pool): it can only be 'refused'", r.name)
			}
			if r.stdoutSame && r.stderrSame && !r.refused {
				t.Logf("%s: now identical to CPython: mark it 'same' in expect.txt", r.name)
			}
		}
	}
	for name := range expect {
		t.Errorf("expect.txt names %s, which is not in %s", name, programsDir)
	}
	t.Log("\n" + programsReport(results))
}

// programsReport is the summary the closing notes quote.
func programsReport(results []programResult) string {
	var simulable, accepted, sameOut, sameBoth, helpful int
	causes := map[string]int{}
	var differs []string
	for _, r := range results {
		if r.refused {
			cause := r.cause
			if i := strings.Index(cause, " ("); i > 0 {
				cause = cause[:i]
			}
			causes[cause]++
		}
		if r.expect.status == "refused" {
			if r.refused {
				helpful++
			}
			continue
		}
		simulable++
		if !r.refused {
			accepted++
		}
		if r.stdoutSame && !r.refused {
			sameOut++
			if r.stderrSame {
				sameBoth++
			}
		}
		if r.expect.status == "differs" {
			differs = append(differs, r.name+": "+r.expect.note)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "real programs: %d; a playground can run %d of them (the rest need processes, signals, the network or the OS)\n", len(results), simulable)
	fmt.Fprintf(&b, "  accepted:               %d of %d\n", accepted, simulable)
	fmt.Fprintf(&b, "  stdout identical:       %d of %d\n", sameOut, simulable)
	fmt.Fprintf(&b, "  stdout+stderr identical: %d of %d (%.1f%%)\n", sameBoth, simulable, 100*float64(sameBoth)/float64(max(simulable, 1)))
	fmt.Fprintf(&b, "  cannot run here, refused with a reason: %d of %d\n", helpful, len(results)-simulable)
	names := make([]string, 0, len(causes))
	for c := range causes {
		names = append(names, c)
	}
	sort.Slice(names, func(i, j int) bool {
		return causes[names[i]] > causes[names[j]] || causes[names[i]] == causes[names[j]] && names[i] < names[j]
	})
	b.WriteString("refusal causes:\n")
	for _, c := range names {
		fmt.Fprintf(&b, "  %3d  %s\n", causes[c], c)
	}
	b.WriteString("each program (CPython vs engine):\n")
	for _, r := range results {
		state := "differs"
		switch {
		case r.harnessTimeout && r.refused, r.expect.status == "refused" && r.refused:
			state = "refused: " + r.cause
		case r.refused:
			state = "REFUSED: " + r.cause
		case r.stdoutSame && r.stderrSame:
			state = "same"
		case r.stdoutSame:
			state = "stdout same, stderr differs"
		}
		fmt.Fprintf(&b, "  %-45s %-8s %s\n", r.name, r.expect.status, state)
	}
	if len(differs) > 0 {
		b.WriteString("known differences:\n")
		for _, d := range differs {
			b.WriteString("  " + d + "\n")
		}
	}
	return b.String()
}

// programOptions runs a program as `python3 /abs/path/NAME.py` runs it:
// tracebacks and __file__ name the absolute path; the wall clock starts
// where tools/vclock/programs.py starts CPython's (WALL_CLOCK, in UTC).
func programOptions(abs string) Options {
	return Options{Filename: abs, WallClock: time.Unix(1796663632, 0).UTC()}
}
