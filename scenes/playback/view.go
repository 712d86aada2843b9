package playback

import "loopscope/scenes/trace"

// View is what the stage shows of a state: the loop and everything around
// it, or one question asked of the run (who awaits whom, a request's
// dependencies, the sockets).
type View uint8

// The views.
const (
	ViewLoop    View = iota // the event loop, its queues, tasks, futures and timeline (Layout)
	ViewAwaits              // the await graph: which task awaits which task or future
	ViewDepends             // FastAPI's dependencies, per request
	ViewIO                  // the selector's sockets and the bytes they carry
	numViews
)

var viewNames = [...]string{"loop", "awaits", "depends", "io"}

// String returns the view's name, as the page and share links spell it.
func (v View) String() string {
	if v < numViews {
		return viewNames[v]
	}
	return "loop"
}

// ParseView returns the view a name names; ok is false (and the view
// ViewLoop) for any other name.
func ParseView(name string) (v View, ok bool) {
	for k, n := range viewNames {
		if n == name {
			return View(k), true
		}
	}
	return ViewLoop, false
}

// LayoutView places every element of view v for state s on a w×h canvas
// whose pixels are scale times CSS pixels, under the caption's banner
// that every view shares. Items never overlap their siblings and never
// leave the canvas. witnesses are as for Layout.
func LayoutView(v View, w, h, scale float64, s *State, witnesses ...string) *Scene {
	l, ok := newLayout(w, h, scale, s, witnesses)
	if !ok {
		return l.sc
	}
	y := l.banner()
	switch v {
	case ViewAwaits:
		l.awaits(y)
	case ViewIO:
		l.io(y)
	case ViewDepends:
		l.depends(y)
	default:
		l.loop(y)
	}
	return l.sc
}

// Views returns the views this recording has something to show in, the
// loop view first: the others are for recordings that hold what they are
// about (tasks, FastAPI requests, sockets).
func (r *Recording) Views() []View {
	var vs []View
	for v := range numViews {
		if r.shows(v) {
			vs = append(vs, v)
		}
	}
	return vs
}

// shows reports whether view v has something to show of the recording.
func (r *Recording) shows(v View) bool {
	switch v {
	case ViewLoop:
		return true
	case ViewAwaits:
		return r.has(trace.TaskNew)
	case ViewIO:
		return r.has(trace.SocketOp)
	case ViewDepends:
		return r.HasRequests()
	}
	return false
}

// has reports whether the recording holds an event of kind k.
func (r *Recording) has(k trace.Kind) bool { return r.kinds&(1<<k) != 0 }
