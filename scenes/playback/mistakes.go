package playback

import (
	"strconv"

	"loopscope/scenes/mistakes"
)

// Mistake is a mistake the scene makes, as the stage points it out:
// package mistakes finds them (engine.Result.Mistakes), and the page
// hands their kind, line and first event to the recording.
type Mistake struct {
	Kind  mistakes.Kind
	Line  int
	Event int
}

// mistakeSpan is for how many events, from its own, the banner names a
// mistake: long enough for the eye to catch it at any speed.
const mistakeSpan = 6

// SetMistakes gives the recording the run's mistakes.
func (r *Recording) SetMistakes(ms []Mistake) { r.mistakes = ms }

// withMistake puts the mistake playback has just reached, if any, before
// the banner's text: "MISTAKE at line 31: a blocking call stalls the
// loop. LOOP BLOCKED in time.sleep(1.5)...".
func (l *layout) withMistake(text string) string {
	s := l.s
	if s.rec == nil {
		return text
	}
	for _, m := range s.rec.mistakes {
		if m.Event <= s.Index && s.Index < m.Event+mistakeSpan && m.Kind < mistakes.NumKinds {
			return l.t(bMistake, strconv.Itoa(m.Line), l.t(mBlocking+msg(m.Kind))) + " " + text
		}
	}
	return text
}
