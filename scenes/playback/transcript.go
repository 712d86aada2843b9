package playback

import "strings"

// Line is one step of a transcript: the event's index, its virtual time
// and its caption.
type Line struct {
	Event int     // the event's index in the recording
	Time  float64 // virtual seconds since the start
	Text  string  // the event's caption on one line, in the transcript's language
}

// Transcript returns the captions (their lines joined by spaces) of events from..to-1 (clamped to the
// recording) in language l, one Line per event, in order. It replays the
// recording once from the nearest snapshot before from, so its cost grows
// with to-from, not with the position in the recording.
func (r *Recording) Transcript(l Lang, from, to int) []Line {
	from, to = max(0, from), min(to, r.Len())
	if from >= to {
		return nil
	}
	s := r.StateAt(from - 1)
	s.Lang = l
	lines := make([]Line, 0, to-from)
	for i := from; i < to; i++ {
		s.apply(i)
		lines = append(lines, Line{Event: i, Time: s.Clock, Text: strings.ReplaceAll(s.caption(), "\n", " ")})
	}
	return lines
}
