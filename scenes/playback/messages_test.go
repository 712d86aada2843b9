package playback

import (
	"sort"
	"strings"
	"testing"
	"unicode"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// args lists a template's placeholders, each once, sorted: "{1} {2|을}"
// gives "1 2".
func args(tmpl string) string {
	var ns []string
	seen := map[string]bool{}
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			ns = append(ns, "unclosed")
			break
		}
		n, _, _ := strings.Cut(tmpl[i+1:i+j], "|")
		if !seen[n] {
			seen[n] = true
			ns = append(ns, n)
		}
		tmpl = tmpl[i+j+1:]
	}
	sort.Strings(ns)
	return strings.Join(ns, " ")
}

// Labels that are the same words in both languages: code names and signs.
var sameInBoth = map[msg]bool{lPhaseSelect: true, lMaxWorkers: true, lReturned: true, aAwaits: true}

// Every message has its English and its Korean, with the same arguments;
// the Korean is Korean (Hangul) and the English has none; particles are
// ones josa knows.
func TestEveryMessageInBothLanguages(t *testing.T) {
	for m := msg(0); m < numMsgs; m++ {
		en, ko := messages[m][EN], messages[m][KO]
		if en == "" || ko == "" {
			t.Errorf("message %d: en %q, ko %q: both languages are needed", m, en, ko)
			continue
		}
		if args(en) != args(ko) {
			t.Errorf("message %d: en %q takes {%s}, ko %q takes {%s}", m, en, args(en), ko, args(ko))
		}
		if hasHangul(en) {
			t.Errorf("message %d: the English %q has Hangul", m, en)
		}
		if !hasHangul(ko) && !sameInBoth[m] {
			t.Errorf("message %d: the Korean %q has no Hangul", m, ko)
		}
		for _, tmpl := range []string{en, ko} {
			for _, p := range strings.Split(tmpl, "{")[1:] {
				ph, _, _ := strings.Cut(p, "}")
				n, particle := placeholder(ph)
				if n < 1 {
					t.Errorf("message %d: bad placeholder {%s} in %q", m, ph, tmpl)
				}
				if particle != "" && josa("x", particle) == particle && josa("main", particle) == particle {
					t.Errorf("message %d: particle %q in %q is not one josa picks", m, particle, tmpl)
				}
			}
		}
	}
}

// StageRunes holds every rune a Korean message can draw, so a font subset
// to it never misses a glyph.
func TestStageRunesCoverKorean(t *testing.T) {
	have := map[rune]bool{}
	for _, r := range StageRunes() {
		have[r] = true
	}
	check := func(what, s string) {
		for _, r := range s {
			if !have[r] && r >= 0x80 {
				t.Errorf("%s %q: rune %q (U+%04X) is not in StageRunes", what, s, r, r)
			}
		}
	}
	for m := msg(0); m < numMsgs; m++ {
		check("message", withoutPlaceholders(messages[m][KO]))
	}
	for _, p := range particles {
		check("particle", p[0]+p[1])
	}
	for st := TaskPending; st <= TaskCancelled; st++ {
		check("task state", KO.TaskState(st))
	}
	check("seconds", KO.Seconds(1.25))
	if !strings.Contains(StageRunes(), "루") || strings.Contains(StageRunes(), "{") {
		t.Errorf("StageRunes() = %q", StageRunes())
	}
}

// A particle after a name is the one a Korean reader expects.
func TestJosa(t *testing.T) {
	for _, c := range []struct{ word, particle, want string }{
		{"Task-1", "이", "이"},        // 일
		{"Task-2", "이", "가"},        // 이
		{"Future-10", "을", "을"},     // 십
		{"Future-7", "로", "로"},      // 칠: ㄹ takes 로
		{"Future-3", "로", "으로"},     // 삼
		{"main()", "을", "을"},        // 메인
		{"worker", "이", "가"},        // 워커
		{"Lock", "은", "은"},          // 락
		{"Queue", "은", "는"},         // 큐
		{"Task-1.__step", "이", "이"}, // 스텝
		{"Task-1.__wakeup", "를", "을"},
		{"Future-18 (gather(6))", "을", "을"},  // read as Future-18: 팔
		{"fetch('a')", "를", "를"},             // 페치
		{"_run_until_complete_cb", "이", "가"}, // 씨비
		{"loop", "이", "가"},                   // 루프
		{"1.250초", "로", "로"},
		{"스레드", "이", "가"},
		{"가상 시계", "을", "를"},
		{"이벤트 루프", "과", "와"},
		{"준비 큐", "은", "는"},
		{"타이머", "로", "로"},
		{"1번 줄", "로", "로"}, // ㄹ
	} {
		if got := josa(c.word, c.particle); got != c.want {
			t.Errorf("josa(%q, %q) = %q, want %q", c.word, c.particle, got, c.want)
		}
	}
}

func TestMessageArguments(t *testing.T) {
	if got, want := KO.t(cTaskAwaits, "Task-2", "Future-7 (sleep(1))"), "Task-2가 Future-7 (sleep(1))을 await하며 루프에 제어를 돌려줍니다."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := EN.t(cClockJump, EN.Seconds(0), EN.Seconds(4)), "Nothing to do until the next timer: the clock jumps from 0.000 s to 4.000 s."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := KO.t(cClockJump, KO.Seconds(0), KO.Seconds(4)), "다음 타이머까지 할 일이 없습니다. 시계가 0.000초에서 4.000초로 건너뜁니다."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if ParseLang("ko") != KO || ParseLang("KO") != KO || ParseLang("en") != EN || ParseLang("fr") != EN || KO.String() != "ko" {
		t.Error("ParseLang and String disagree")
	}
}

// Every built-in scene, played to its end: in Korean each event's caption
// has Hangul, in English none; the stage laid out in Korean at the page's
// desktop and phone sizes fits (nothing overlaps, no text wider than its
// box), and its headings are Korean.
func TestScenesSpeakKorean(t *testing.T) {
	lib := scenes.All()
	if len(lib) < 19 {
		t.Fatalf("%d built-in scenes, want 19", len(lib))
	}
	for _, sc := range lib {
		r := engine.Run([]byte(sc.Source), engine.Options{Filename: "scene.py", Trace: true})
		if r.Trace == nil {
			t.Errorf("%s: no trace: %s", sc.ID, r.Stderr)
			continue
		}
		rec := Build(r.Trace)
		p := NewPlayer(rec, sc.Source)
		for i := -1; i < rec.Len(); i++ {
			var s *State
			if i < 0 {
				s = rec.StateAt(-1)
			} else {
				p.Seek(i)
				p.SetLang(EN)
				s = p.State()
			}
			if hasHangul(s.Caption) {
				t.Errorf("%s event %d: English caption %q has Hangul", sc.ID, i, s.Caption)
			}
			s.SetLang(KO)
			if !hasHangul(s.Caption) {
				t.Errorf("%s event %d (%s): Korean caption %q has no Hangul", sc.ID, i, s.Event.Kind, s.Caption)
			}
			p.SetLang(KO)
			if i >= 0 && p.State().Caption != s.Caption {
				t.Errorf("%s event %d: the player's Korean caption %q, the state's %q", sc.ID, i, p.State().Caption, s.Caption)
			}
		}
		for _, i := range []int{0, rec.Len() / 3, 2 * rec.Len() / 3, rec.Len() - 1} {
			s := rec.StateAt(i)
			s.SetLang(KO)
			// The desktop, a phone's whole screen, and the stage's frame on
			// a phone (390x685 CSS px at a pixel ratio of 2).
			for _, wh := range [][3]float64{{1440, 900, 1}, {390, 844, 1}, {780, 1370, 2}} {
				lay := Layout(wh[0], wh[1], wh[2], s)
				if lay.Lang != KO {
					t.Errorf("%s: the scene's language is %v", sc.ID, lay.Lang)
				}
				if bad := checkScene(lay); len(bad) > 0 {
					t.Errorf("%s at event %d, %gx%g @%gx in Korean: %s", sc.ID, i, wh[0], wh[1], wh[2], strings.Join(bad[:min(3, len(bad))], "; "))
				}
				for _, it := range lay.Items {
					if it.Kind == KSection && it.Text != "" && !hasHangul(it.Text) {
						t.Errorf("%s at event %d: heading %q is not Korean", sc.ID, i, it.Text)
					}
				}
			}
		}
	}
}

// A scene the engine stops on a budget says so in the learner's words, at
// its line, in the caption and the banner: which budget, and what usually
// causes it, never the command line's flags.
func TestBudgetStopInWords(t *testing.T) {
	for _, c := range []struct {
		src     string
		budgets engine.Budgets
		line    string
		en, ko  string
	}{
		{"import asyncio\n\nasync def main():\n    while True:\n        pass\n\nasyncio.run(main())\n", engine.Budgets{MaxSteps: 20000}, "5", "too many Python steps", "파이썬 명령을 너무 많이"},
		{"import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n", engine.Budgets{MaxVirtualTime: 30}, "5", "virtual time limit", "가상 시간의 한도"},
		{"import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n", engine.Budgets{MaxEvents: 300}, "", "more events than playback can keep", "많은 이벤트가"},
	} {
		r := engine.Run([]byte(c.src), engine.Options{Filename: "scene.py", Trace: true, Budgets: c.budgets})
		if r.ExitCode != engine.ExitStopped || r.Trace == nil {
			t.Fatalf("exit %d, want a stop: %s", r.ExitCode, r.Stderr)
		}
		rec := Build(r.Trace)
		s := rec.StateAt(rec.Len() - 1)
		if s.Event.Kind != trace.Stopped || s.Budget == "" {
			t.Fatalf("the last event is %s, budget %q", s.Event.Kind, s.Budget)
		}
		for _, lang := range []Lang{EN, KO} {
			s.SetLang(lang)
			want := c.en
			if lang == KO {
				want = c.ko
			}
			var banner string
			for _, it := range Layout(1440, 900, 1, s).Items {
				if it.Kind == KBanner {
					banner = it.Text
				}
			}
			for what, got := range map[string]string{"caption": s.Caption, "banner": banner} {
				if !strings.Contains(got, want) || strings.Contains(got, "-max") || (c.line != "" && !strings.Contains(got, c.line)) {
					t.Errorf("%s budget, %s in %s: %q, want %q at line %s", s.Budget, what, lang, got, want, c.line)
				}
			}
		}
	}
}

// Fit cuts a Korean text between words, never inside one (unless the
// space before the word would lose more than half), and cuts code names
// where it must; what it returns fits.
func TestFitKeepsKoreanWordsWhole(t *testing.T) {
	for _, s := range []string{
		KO.t(lLegend),
		KO.t(cTaskAwaits, "Task-2", "Future-7 (sleep(1))"),
		"Task-1.__wakeup",
		"아주긴한국어낱말하나",
	} {
		cuts := 0
		for w := 10.0; w < TextWidth(s, 13); w++ {
			got := Fit(s, w, 13)
			if TextWidth(got, 13) > w+1e-9 {
				t.Fatalf("Fit(%q, %g) = %q is %g wide", s, w, got, TextWidth(got, 13))
			}
			p := strings.TrimSuffix(got, "…")
			if !strings.HasPrefix(s, p) || p == got {
				t.Fatalf("Fit(%q, %g) = %q: not a cut of it", s, w, got)
			}
			rest := []rune(s[len(p):])
			head := []rune(p)
			if len(head) > 0 && len(rest) > 0 && hasHangul(string(head[len(head)-1])) && hasHangul(string(rest[0])) {
				if k := strings.LastIndexByte(p, ' '); k > 0 && len([]rune(p[:k])) >= len([]rune(s[:len(p)+len(string(rest[0]))]))/2 {
					t.Errorf("Fit(%q, %g) = %q cuts a Korean word", s, w, got)
				}
				cuts++
			}
		}
		if s == "아주긴한국어낱말하나" && cuts == 0 {
			t.Errorf("a Korean word with no space before it is never cut: %q", s)
		}
	}
	for w, want := range map[float64]string{5 * 13: "준비…", 6 * 13: "준비 큐에…"} {
		if got := Fit("준비 큐에 있음", w, 13); got != want {
			t.Errorf("Fit(준비 큐에 있음, %g) = %q, want %q", w, got, want)
		}
	}
}
