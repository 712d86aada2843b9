package playback

import (
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/mistakes"
)

// The banner names a mistake from its event for mistakeSpan events, in
// the stage's language, before what it says otherwise (here the stall).
func TestBannerNamesTheMistake(t *testing.T) {
	var src string
	for _, sc := range scenes.All() {
		if sc.ID == "16_blocking" {
			src = sc.Source
		}
	}
	res, ms := mistakes.Run([]byte(src), engine.Options{})
	if len(ms) != 1 {
		t.Fatalf("16_blocking: mistakes %v, want its one blocking call", ms)
	}
	m := ms[0]
	rec := Build(res.Trace)
	rec.SetMistakes([]Mistake{{Kind: m.Kind.String(), Line: m.Line, Event: m.Event}})
	banner := func(i int, lang Lang) string {
		s := rec.StateAt(i)
		s.SetLang(lang)
		for _, it := range Layout(1280, 800, 1, s).Items {
			if it.Kind == KBanner {
				return it.Text + " " + it.Sub + " " + it.Sub2
			}
		}
		return ""
	}
	for _, c := range []struct {
		i    int
		lang Lang
		want string
	}{
		{m.Event, EN, "MISTAKE at line 30: a blocking call stalls the loop. LOOP BLOCKED in time.sleep(1.5)"},
		{m.Event + mistakeSpan - 1, KO, "실수(30번째 줄): 막는 호출이 루프를 멈춥니다."},
		{m.Event - 1, EN, ""},
		{m.Event + mistakeSpan, EN, ""},
	} {
		got := banner(c.i, c.lang)
		if c.want == "" && strings.Contains(got, "MISTAKE at") || c.want != "" && !strings.HasPrefix(got, c.want) {
			t.Errorf("event %d (%s): banner %q, want it to start %q", c.i, c.lang, got, c.want)
		}
	}
}

// The stage knows every kind of mistake, by the name package mistakes
// gives it.
func TestStageKnowsEveryMistake(t *testing.T) {
	if len(mistakeKinds) != int(mistakes.NumKinds) {
		t.Fatalf("the stage knows %d kinds, package mistakes %d", len(mistakeKinds), mistakes.NumKinds)
	}
	for k := mistakes.Kind(0); k < mistakes.NumKinds; k++ {
		if mistakeKinds[k] != k.String() {
			t.Errorf("kind %d: the stage says %q, package mistakes %q", k, mistakeKinds[k], k)
		}
	}
}
