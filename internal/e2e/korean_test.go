package e2e

import (
	"fmt"
	"testing"
	"time"

	"loopscope/internal/e2e/browser"
)

// The stage speaks the page's language: in Korean, the caption of every
// built-in scene at its start, a third, two thirds and its end is Korean
// (has Hangul); in English it has none; switching the language at one
// event changes the caption at once, with no new run.
func TestStageSpeaksKorean(t *testing.T) {
	browser.OnServed(t, func(t *testing.T, tg browser.Target) {
		p := open(t, tg)
		caption := func() string { return p.State().Caption }
		for _, sc := range browser.PageData.Scenes {
			p.Eval(fmt.Sprintf("loopscope.load(%q)", sc.ID), nil)
			s := p.State()
			if s.Scene != sc.ID || s.Events < 2 {
				t.Errorf("%s: %+v (error %q)", sc.ID, s, browser.StrOr(s.Error))
				continue
			}
			for _, i := range []int{0, s.Events / 3, s.Events * 2 / 3, s.Events - 1} {
				p.Eval(fmt.Sprintf(`loopscope.seek(%d); loopscope.setLang("ko")`, i), nil)
				ko := caption()
				p.Eval(`loopscope.setLang("en")`, nil)
				en := caption()
				if !browser.HasHangul(ko) {
					t.Errorf("%s event %d: the Korean caption %q has no Hangul", sc.ID, i, ko)
				}
				if en == "" || browser.HasHangul(en) {
					t.Errorf("%s event %d: the English caption is %q", sc.ID, i, en)
				}
			}
		}
		// What the learner sees: a scene in Korean, two thirds in.
		p.Eval(`loopscope.setLang("ko"); loopscope.load("12_locks")`, nil)
		s := p.State()
		p.Eval(fmt.Sprintf("loopscope.seek(%d)", s.Events*2/3), nil)
		f := p.State().Frames
		p.WaitFor(fmt.Sprintf("loopscope.state().frames > %d", f+1), 30*time.Second)
		img := p.Screenshot("stage-ko-12_locks-" + tg.Name)
		if n := browser.Colours(img, p.Rect("#stage"), float64(img.Bounds().Dx())/1440); n < 12 {
			t.Errorf("in Korean the stage shows %d colours", n)
		}
		p.Eval(`loopscope.setLang("en")`, nil)
	})
}
