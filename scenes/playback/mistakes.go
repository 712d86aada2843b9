package playback

import "strconv"

// Mistake is a mistake the scene makes, as the stage points it out:
// package mistakes finds them (mistakes.Run), and the page hands their
// kind ("blocking"), line and first event to the recording.
type Mistake struct {
	Kind  string
	Line  int
	Event int
}

// mistakeKinds are the kinds' names, in package mistakes' order, which
// is the order of their words (mBlocking...).
var mistakeKinds = [...]string{"blocking", "long-step", "never-awaited", "never-retrieved", "dropped-task", "sequential-awaits", "nested-run"}

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
		if m.Event <= s.Index && s.Index < m.Event+mistakeSpan {
			for k, name := range mistakeKinds {
				if name == m.Kind {
					return l.t(bMistake, strconv.Itoa(m.Line), l.t(mBlocking+msg(k))) + " " + text
				}
			}
		}
	}
	return text
}
