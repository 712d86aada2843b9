package e2e

import (
	"fmt"
	"testing"
	"time"
)

// The stage speaks the page's language: in Korean, the caption of every
// built-in scene at its start, a third, two thirds and its end is Korean
// (has Hangul); in English it has none; switching the language at one
// event changes the caption at once, with no new run.
func TestStageSpeaksKorean(t *testing.T) {
	onServed(t, func(t *testing.T, tg target) {
		p := open(t, tg)
		caption := func() string { return p.state().Caption }
		for _, sc := range pageData.Scenes {
			p.eval(fmt.Sprintf("loopscope.load(%q)", sc.ID), nil)
			s := p.state()
			if s.Scene != sc.ID || s.Events < 2 {
				t.Errorf("%s: %+v (error %q)", sc.ID, s, strOr(s.Error))
				continue
			}
			for _, i := range []int{0, s.Events / 3, s.Events * 2 / 3, s.Events - 1} {
				p.eval(fmt.Sprintf(`loopscope.seek(%d); loopscope.setLang("ko")`, i), nil)
				ko := caption()
				p.eval(`loopscope.setLang("en")`, nil)
				en := caption()
				if !hasHangul(ko) {
					t.Errorf("%s event %d: the Korean caption %q has no Hangul", sc.ID, i, ko)
				}
				if en == "" || hasHangul(en) {
					t.Errorf("%s event %d: the English caption is %q", sc.ID, i, en)
				}
			}
		}
		// What the learner sees: a scene in Korean, two thirds in.
		p.eval(`loopscope.setLang("ko"); loopscope.load("12_locks")`, nil)
		s := p.state()
		p.eval(fmt.Sprintf("loopscope.seek(%d)", s.Events*2/3), nil)
		f := p.state().Frames
		p.waitFor(fmt.Sprintf("loopscope.state().frames > %d", f+1), 30*time.Second)
		img := p.screenshot("stage-ko-12_locks-" + tg.name)
		if n := colours(img, p.rect("#stage"), float64(img.Bounds().Dx())/1440); n < 12 {
			t.Errorf("in Korean the stage shows %d colours", n)
		}
		p.eval(`loopscope.setLang("en")`, nil)
	})
}
