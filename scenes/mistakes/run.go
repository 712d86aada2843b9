package mistakes

import (
	"loopscope/scenes/asyncio"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

// Run runs a scene as engine.Run does, with its trace, and returns the
// result and the mistakes the scene made. The detectors need the whole
// trace: with opts.TraceTo, it is written there once the run has ended
// (and the result does not keep it).
func Run(src []byte, opts engine.Options) (*engine.Result, []Mistake) {
	var notes []asyncio.Note
	w := opts.TraceTo
	opts.Trace, opts.TraceTo, opts.LongStep = true, nil, StepLimit
	opts.Note = func(n asyncio.Note) { notes = append(notes, n) }
	res := engine.Run(src, opts)
	if res.File == nil {
		return res, nil
	}
	ms := Find(src, res.File, res.Trace, notes)
	if w != nil && res.Trace != nil {
		var enc trace.Encoder
		var line []byte
		for i := range res.Trace.Events {
			line = append(enc.Append(line[:0], &res.Trace.Events[i]), '\n')
			w.Write(line)
		}
		res.Trace = nil
	}
	return res, ms
}
