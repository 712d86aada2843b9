package playback

import "loopscope/scenes/trace"

// DepState is where one use of a FastAPI dependency (or the endpoint) is
// in its request.
type DepState uint8

// The dependency states.
const (
	DepWaiting  DepState = iota // reached: its own dependencies are solved first
	DepLoop                     // called: an async def, running on the loop
	DepThread                   // called: a def or a class, running in a worker thread
	DepDone                     // returned its value, or reached its yield
	DepCached                   // not called: the value of Dep.Reuses, from the request's cache
	DepTornDown                 // the code after its yield runs or ran (Dep.Teardown is its turn)
	DepFailed                   // raised, or its parameters did not validate
	DepSkipped                  // never called: the request was answered without it
)

// Dep is one node of a request's dependency tree: one use of a dependency,
// or the endpoint at the root.
type Dep struct {
	ID       int32
	Parent   int32 // the node it feeds; 0 for the endpoint
	Depth    int   // 0 for the endpoint, 1 for its dependencies...
	Name     string
	Thread   bool // a def or a class: FastAPI runs it in the thread pool
	Yield    bool // a generator: set up before its yield, torn down after the response
	State    DepState
	Reuses   int32 // DepCached: the node whose value it reuses
	Teardown int   // its turn in the request's teardowns, from 1; 0: none yet
	Changed  int   // the event index of its last change
}

// Request is one request through a FastAPI app and its dependency tree.
type Request struct {
	ID     int32
	Text   string // "GET /items?token=ann"
	Status string // the status code sent, or "500" when an exception reached the client; "" before
	Start  int    // the event index it entered the app
	Nodes  []Dep  // the endpoint first, then every node before its own dependencies, as FastAPI reached them
}

// Node returns the node with the given id, or nil.
func (r *Request) Node(id int32) *Dep {
	for k := range r.Nodes {
		if r.Nodes[k].ID == id {
			return &r.Nodes[k]
		}
	}
	return nil
}

// Requests returns the requests that entered a FastAPI app up to the
// current event, in the order they entered, each with its tree as it is
// now.
func (s *State) Requests() []Request {
	r := s.rec
	var out []Request
	at := map[int32]int{} // a request or node id -> its request in out
	for _, i := range r.reqEvents {
		if int(i) > s.Index {
			break
		}
		e := &r.tr.Events[i]
		if e.Kind == trace.Request {
			if e.Label == "start" {
				at[e.ID] = len(out)
				out = append(out, Request{ID: e.ID, Text: e.Text, Start: int(i)})
			} else if k, ok := at[e.ID]; ok {
				q := &out[k]
				q.Status = e.Label
				for n := range q.Nodes {
					if q.Nodes[n].State == DepWaiting {
						q.Nodes[n].State = DepSkipped
					}
				}
			}
			continue
		}
		k, ok := at[e.Ref]
		if !ok {
			continue
		}
		q := &out[k]
		if e.Label == "solve" {
			d := Dep{ID: e.ID, Name: e.Text, Thread: int(e.Num)&1 != 0, Yield: int(e.Num)&2 != 0, Changed: int(i)}
			if p := q.Node(e.Ref); p != nil {
				d.Parent, d.Depth = p.ID, p.Depth+1
			}
			at[e.ID] = k
			q.Nodes = append(q.Nodes, d)
			continue
		}
		d := q.Node(e.ID)
		if d == nil {
			continue
		}
		d.Changed = int(i)
		switch e.Label {
		case "call":
			d.State = DepLoop
			if d.Thread {
				d.State = DepThread
			}
		case "done":
			d.State = DepDone
		case "cached":
			d.State, d.Reuses = DepCached, e.Cause
		case "failed":
			d.State = DepFailed
		case "teardown":
			d.State = DepTornDown
			for _, o := range q.Nodes {
				d.Teardown = max(d.Teardown, o.Teardown)
			}
			d.Teardown++
		}
	}
	return out
}

// HasRequests reports whether the recorded scene sends requests to a
// FastAPI app.
func (r *Recording) HasRequests() bool { return len(r.reqEvents) > 0 }
