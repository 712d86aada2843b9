package scenes

import (
	"slices"
	"strings"
	"testing"
)

func TestParsePrompt(t *testing.T) {
	p, err := ParsePrompt("# a comment\nask: last\nen: Which comes last?\n\nko: 어느 줄이 마지막일까요?\r\noption: a: x\noption:   b\n")
	if err != nil {
		t.Fatal(err)
	}
	if p.Ask != "last" || p.Question["en"] != "Which comes last?" || p.Question["ko"] != "어느 줄이 마지막일까요?" || !slices.Equal(p.Options, []string{"a: x", "  b"}) {
		t.Errorf("%+v", p)
	}
	const ok = "ask: first\nen: Q?\nko: 질문?\noption: a\noption: b\n"
	for _, tc := range []struct{ src, err string }{
		{"", `no "ask: first"`},
		{strings.Replace(ok, "ask: first", "ask: middle", 1), `line 1: ask is "first" or "last", not "middle"`},
		{ok + "ask: last\n", "line 6: ask given twice"},
		{strings.Replace(ok, "ko: 질문?\n", "", 1), "no ko question"},
		{ok + "en: again\n", "line 6: the en question given twice"},
		{ok + "fr: Quoi ?\n", `line 6: unknown key "fr"`},
		{ok + "just words\n", `line 6: want "key: value"`},
		{ok + "option: a\n", `line 6: option "a" given twice`},
		{ok + "option: 1.5s  tea: ready\n", `line 6: leave out the loop time the line starts with: "tea: ready"`},
		{ok + "option: \n", "line 6: empty option"},
		{"ask: first\nen: Q?\nko: 질문?\noption: a\n", "1 options: want 2 to 5"},
		{ok + "option: c\noption: d\noption: e\noption: f\n", "6 options: want 2 to 5"},
	} {
		if _, err := ParsePrompt(tc.src); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("ParsePrompt(%q): err = %v, want %q", tc.src, err, tc.err)
		}
	}
}

func TestUnstamped(t *testing.T) {
	for in, want := range map[string]string{
		"1.5s  tea: ready":         "tea: ready",
		"10s done":                 "done",
		"0.0s":                     "0.0s",
		"20 requests at once":      "20 requests at once",
		"  GET /a answered 0.8s":   "  GET /a answered 0.8s",
		"1.5s: not a stamp":        "1.5s: not a stamp",
		"3.0s    [thread] a: done": "[thread] a: done",
	} {
		if got := Unstamped(in); got != want {
			t.Errorf("Unstamped(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPromptAnswer(t *testing.T) {
	out := "0.0s  b\n0.0s  a\n1.0s  c\n1.0s  b\n"
	for _, tc := range []struct {
		ask  string
		opts []string
		want int
	}{
		{"first", []string{"a", "b", "c"}, 1},
		{"last", []string{"a", "b", "c"}, 2},
		{"last", []string{"b", "a"}, 1}, // b's first print comes before a's
	} {
		p := &Prompt{Ask: tc.ask, Options: tc.opts}
		if got, err := p.Answer(out); err != nil || got != tc.want {
			t.Errorf("%s of %v: %d, %v; want %d", tc.ask, tc.opts, got, err, tc.want)
		}
	}
	p := &Prompt{Ask: "first", Options: []string{"a", "d"}}
	if _, err := p.Answer(out); err == nil || !strings.Contains(err.Error(), `option "d" is not a line the scene prints`) {
		t.Errorf("err = %v", err)
	}
}
