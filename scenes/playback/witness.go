package playback

import "strings"

// Witnesses returns the tasks a scene says it is about, from comments in
// its source of the form
//
//	# witness: heartbeat
//	# witness: producer, Task-3
//
// each name a task's name or its coroutine function's. On a small stage,
// where not every task gets a card, the witnesses' cards are the last to
// fold into "+N more": 16_blocking names its heartbeat, whose steady beat
// is what shows the loop stalling. The comment is plain Python, so the
// scene runs under python3 unchanged, and an edited scene keeps it.
func Witnesses(src string) []string {
	var names []string
	for line := range strings.Lines(src) {
		// a whole-line or a trailing comment (a "#" inside a string on the
		// same line is taken as one too: harmless)
		for k := strings.IndexByte(line, '#'); k >= 0; {
			rest, ok := strings.CutPrefix(strings.TrimSpace(line[k+1:]), "witness:")
			if ok {
				names = append(names, strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })...)
				break
			}
			n := strings.IndexByte(line[k+1:], '#')
			if n < 0 {
				break
			}
			k += 1 + n
		}
	}
	return names
}
