package mistakes_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/mistakes"
)

// onPurpose lists the mistakes that scenes without `# mistake:` marks
// make on purpose, as "kind:line" by scene: the built-in scenes that
// teach them, and corpus scenes that exercise what CPython does with
// them. Every other mistake the detectors report is a false alarm.
var onPurpose = map[string][]string{
	// The built-in scene that teaches the blocking call.
	"16_blocking": {"blocking:30"},

	// time.sleep (or a blocking result()) on the loop, to show the stall.
	"057_timers_vs_ready_in_one_iteration": {"blocking:14"},
	"112_time_sleep_stalls_loop":           {"blocking:19"},
	"113_sleep_vs_asyncio_sleep":           {"blocking:12"},
	"125_executor_heartbeat_gap":           {"blocking:8"},
	"129_tpe_inside_coroutine_blocks":      {"blocking:25"},
	"176_overdue_timers_after_stall":       {"blocking:13"},
	"218_thread_prints_while_loop_stalled": {"blocking:20"},

	// Tasks left to run on their own: what asyncio does with them at
	// exit, in a barrier, a queue, a Runner, a loop run by hand.
	"085_pending_at_exit":                {"dropped-task:19"},
	"170_await_done_future_no_yield":     {"dropped-task:15"},
	"171_coroutine_without_await_points": {"dropped-task:16"},
	"200_leftover_task_finishes_cleanup": {"dropped-task:20"},
	"700_runner":                         {"dropped-task:21"},
	"702_barrier":                        {"dropped-task:16", "dropped-task:17"},
	"704_priority_lifo_queue":            {"dropped-task:30"},
	"708_event_loop_outside":             {"dropped-task:36"},

	// CPython's never-awaited warnings, line by line (a warning that
	// names a line without the call, f(1) dropped by sync_helper and
	// named at its caller's line 35, is not reported: no column to show).
	"710_never_awaited": {"never-awaited:27", "never-awaited:32", "never-awaited:34", "never-awaited:37", "never-awaited:39",
		"never-awaited:41", "never-awaited:43", "never-awaited:44", "never-awaited:44", "never-awaited:45", "never-awaited:45", "never-awaited:56"},

	// CPython's "Task exception was never retrieved".
	"238_task_exception_never_retrieved": {"never-retrieved:15"},
	"712_task_exception_def_line":        {"never-retrieved:17"},

	// asyncio.run's RuntimeError in a running loop.
	"009_run_inside_loop": {"nested-run:12"},

	// Awaits in a row that gather would overlap: the asyncio docs' own
	// say_after example (which they then rewrite with tasks, 1 s
	// faster), and a chain whose tax lookup does not need the total.
	"850_wall_clock_say_after": {"sequential-awaits:14"},
	"003_await_chain":          {"sequential-awaits:29"},
}

// marked matches the comment that marks a line making a mistake.
var marked = regexp.MustCompile(`#\s*mistake:\s*([a-z-]+)`)

// expected returns the mistakes a scene makes: its marked lines and its
// entry in onPurpose.
func expected(name string, src []byte) []string {
	want := append([]string(nil), onPurpose[name]...)
	for i, line := range strings.Split(string(src), "\n") {
		if m := marked.FindStringSubmatch(line); m != nil {
			want = append(want, m[1]+":"+strconv.Itoa(i+1))
		}
	}
	sort.Strings(want)
	return want
}

// found runs a scene and returns its mistakes as "kind:line", checking
// what each says about itself.
func found(t *testing.T, name string, src []byte) []string {
	t.Helper()
	res, ms := mistakes.Run(src, engine.Options{Filename: "scene.py", SeedSet: true})
	var got []string
	for _, m := range ms {
		got = append(got, m.Kind.String()+":"+strconv.Itoa(m.Line))
		if m.Col < 1 || m.EndCol != 0 && m.EndCol <= m.Col {
			t.Errorf("%s: %s at line %d has columns %d to %d", name, m.Kind, m.Line, m.Col, m.EndCol)
		}
		if res.Trace != nil && (m.Event < -1 || m.Event >= len(res.Trace.Events)) {
			t.Errorf("%s: %s at line %d names event %d of %d", name, m.Kind, m.Line, m.Event, len(res.Trace.Events))
		}
		if m.Kind == mistakes.LongStep && m.Arg != thousands(mistakes.StepLimit) {
			t.Errorf("%s: long-step names %s instructions, StepLimit is %d", name, m.Arg, mistakes.StepLimit)
		}
		if m.Notes == "" || m.Message("en") == "" || m.Message("ko") == "" || strings.Contains(m.Message("ko"), "{arg}") {
			t.Errorf("%s: %s at line %d: notes %q, messages %q / %q", name, m.Kind, m.Line, m.Notes, m.Message("en"), m.Message("ko"))
		}
	}
	sort.Strings(got)
	return got
}

// TestMistakesInTheCorpus runs every corpus scene and every built-in
// scene: each mistake a scene makes is found at its line, and nothing
// else is (the scenes written to make them are corpus/97N_mistake_*.py,
// which CPython runs as the corpus's other scenes).
func TestMistakesInTheCorpus(t *testing.T) {
	var files []string
	for _, dir := range []string{"../testdata/corpus", "../testdata/corpus/limits", "../testdata/corpus/virtual"} {
		more, err := filepath.Glob(filepath.Join(dir, "*.py"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, more...)
	}
	if len(files) < 300 {
		t.Fatalf("only %d corpus scenes", len(files))
	}
	made := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(file), ".py")
		want, got := expected(name, src), found(t, name, src)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: found %v, want %v", name, got, want)
		}
		if strings.Contains(name, "_mistake_") {
			made += len(want)
		}
	}
	for _, s := range scenes.All() {
		want, got := expected(s.ID, []byte(s.Source)), found(t, s.ID, []byte(s.Source))
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: found %v, want %v", s.ID, got, want)
		}
	}
	// Every kind has a scene written to make it.
	for k := mistakes.Kind(0); k < mistakes.NumKinds; k++ {
		if !strings.Contains(strings.Join(onPurposeAndMarks(files), " "), k.String()+":") {
			t.Errorf("no scene makes a %s mistake", k)
		}
	}
	if made < int(mistakes.NumKinds) {
		t.Errorf("the mistake scenes make %d mistakes", made)
	}
}

func onPurposeAndMarks(files []string) []string {
	var all []string
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			all = append(all, expected(strings.TrimSuffix(filepath.Base(file), ".py"), src)...)
		}
	}
	return all
}

// Every kind links to a section of a built-in scene's notes, in both
// languages, and has its message in both.
func TestNotesAndMessages(t *testing.T) {
	byID := map[string]scenes.Scene{}
	for _, s := range scenes.All() {
		byID[s.ID] = s
	}
	for k := mistakes.Kind(0); k < mistakes.NumKinds; k++ {
		m := mistakes.Mistake{Kind: k, Line: 1, Col: 1, Arg: "x"}
		scene, section, ok := strings.Cut(k.Notes(), "#")
		if !ok {
			t.Errorf("%s: no notes", k)
			continue
		}
		for _, lang := range []string{"en", "ko"} {
			if !strings.Contains(byID[scene].Notes[lang], "{#"+section+"}") {
				t.Errorf("%s: %s's notes.%s.md has no section #%s", k, scene, lang, section)
			}
			if msg := m.Message(lang); msg == "" || strings.Contains(msg, "{") {
				t.Errorf("%s: message in %s: %q", k, lang, msg)
			}
		}
	}
}

// thousands writes n with commas: 10,000,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Run with TraceTo writes the whole trace there, as JSON lines, once the
// run has ended, and still finds the mistakes.
func TestRunTraceTo(t *testing.T) {
	src, err := os.ReadFile("../testdata/corpus/972_mistake_never_awaited.py")
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := mistakes.Run(src, engine.Options{})
	var b strings.Builder
	res, ms := mistakes.Run(src, engine.Options{TraceTo: &b})
	if res.Trace != nil || len(ms) != 1 || ms[0].Kind != mistakes.NeverAwaited {
		t.Fatalf("trace kept: %v, mistakes %v", res.Trace != nil, ms)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(kept.Trace.Events) || !strings.HasPrefix(lines[0], `{"seq":0,`) {
		t.Errorf("%d lines for %d events, first %q", len(lines), len(kept.Trace.Events), lines[0])
	}
}
