package playback

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"loopscope/scenes"
	"loopscope/scenes/engine"
	"loopscope/scenes/trace"
)

// ioChecks follows a recording event by event and checks the socket
// model's invariants: a connection's bytes never go backwards and never
// run ahead (what one end received is at most what the other sent, what a
// task read at most what its end received), readiness is only reported
// for what the selector watches, and a closed socket is watched for
// nothing.
func ioChecks(t *testing.T, name string, rec *Recording) *State {
	t.Helper()
	var prev *State
	for i := 0; i < rec.Len(); i++ {
		s := rec.StateAt(i)
		for k := range s.Sockets {
			so := &s.Sockets[k]
			if p := s.Socket(so.Peer); p != nil {
				if p.Peer != so.ID {
					t.Fatalf("%s event %d: socket %d's peer %d has peer %d", name, i, so.ID, p.ID, p.Peer)
				}
				if so.Recvd > p.Sent {
					t.Fatalf("%s event %d: socket %d received %d bytes, its peer sent %d", name, i, so.ID, so.Recvd, p.Sent)
				}
			}
			if so.Read > so.Recvd {
				t.Fatalf("%s event %d: socket %d's task read %d bytes of %d received", name, i, so.ID, so.Read, so.Recvd)
			}
			if so.Closed && so.Watch != 0 {
				t.Fatalf("%s event %d: closed socket %d still watched (%d)", name, i, so.ID, so.Watch)
			}
			if e := s.Event; e.Kind == trace.SocketOp && e.Text == "ready" && e.ID == so.ID && s.ReadyNow(so)&so.Watch == 0 {
				t.Fatalf("%s event %d: socket %d ready for %d, watched for %d", name, i, so.ID, so.Ready, so.Watch)
			}
			if prev != nil && k < len(prev.Sockets) {
				o := &prev.Sockets[k]
				if so.Sent < o.Sent || so.Recvd < o.Recvd || so.Read < o.Read {
					t.Fatalf("%s event %d: socket %d's counts went back", name, i, so.ID)
				}
			}
		}
		prev = s
	}
	return prev
}

// conn finds the connection whose client end is held by the task named
// client: its client end and server end.
func conn(t *testing.T, s *State, client string) (c, srv *Socket) {
	t.Helper()
	for k := range s.Sockets {
		so := &s.Sockets[k]
		if so.Role == SockClient && s.Name(so.Task) == client {
			return so, s.Socket(so.Peer)
		}
	}
	t.Fatalf("no connection of %s among %d sockets", client, len(s.Sockets))
	return nil, nil
}

// In 18_streams the model follows the listening socket, two connections
// (each end held by its task: a client, and the handler the server
// started) and every byte: ann sends "tea\n" and "cake\n", bob "soup\n",
// "bread\n" and "jam\n", and each handler answers in capitals.
func TestIOModelStreams(t *testing.T) {
	sc, ok := scenes.Get("18_streams")
	if !ok {
		t.Fatal("no scene 18_streams")
	}
	rec := record(t, "scene.py", sc.Source)
	if vs := rec.Views(); !slices.Contains(vs, ViewIO) {
		t.Fatalf("18_streams plays in %v, not in the I/O view", vs)
	}
	if first, _ := scenes.Get("01_event_loop"); slices.Contains(record(t, "scene.py", first.Source).Views(), ViewIO) {
		t.Error("01_event_loop, which has no socket, offers the I/O view")
	}
	end := ioChecks(t, "18_streams", rec)
	if len(end.Sockets) != 5 {
		t.Fatalf("%d sockets, want a listener and two connections", len(end.Sockets))
	}
	lst := &end.Sockets[0]
	if lst.Role != SockListen || lst.Addr != "127.0.0.1:8888" || lst.Accepts != 2 || !lst.Closed {
		t.Errorf("listener %+v", *lst)
	}
	// Which task holds which end: the clients are gather's two tasks
	// (Task-3 ann, Task-4 bob), the handlers the two the server created.
	names := map[string]string{}
	for _, who := range []struct {
		client   string
		sent     int
		received int
		last     string
		reply    string
	}{{"Task-3", 9, 9, `b'cake\n'`, `b'CAKE\n'`}, {"Task-4", 15, 15, `b'jam\n'`, `b'JAM\n'`}} {
		c, srv := conn(t, end, who.client)
		if srv == nil || srv.Role != SockServer || srv.Server != lst.ID {
			t.Fatalf("%s: server end %+v", who.client, srv)
		}
		names[who.client] = end.Name(srv.Task)
		if c.Sent != who.sent || srv.Recvd != who.sent || srv.Read != who.sent || c.LastSent != who.last {
			t.Errorf("%s sent %d (last %s), the server end received %d and its task read %d; want %d (%s)", who.client, c.Sent, c.LastSent, srv.Recvd, srv.Read, who.sent, who.last)
		}
		if srv.Sent != who.received || c.Recvd != who.received || c.Read != who.received || c.LastRead != who.reply {
			t.Errorf("%s: replies %d bytes, received %d, read %d (last %s); want %d (%s)", who.client, srv.Sent, c.Recvd, c.Read, c.LastRead, who.received, who.reply)
		}
		if !c.Closed || !srv.Closed || !srv.EOF {
			t.Errorf("%s: at the end client closed %v, server end closed %v, saw EOF %v", who.client, c.Closed, srv.Closed, srv.EOF)
		}
	}
	if names["Task-3"] == "" || names["Task-4"] == "" || names["Task-3"] == names["Task-4"] {
		t.Errorf("handlers %v, want one task per connection", names)
	}

	// bob's first word, b'soup\n', in four steps: sent (in flight to the
	// server end), found ready by select, received into the StreamReader,
	// handed to the handler.
	var steps []string
	for i := 0; i < rec.Len(); i++ {
		e := &rec.Trace().Events[i]
		if e.Kind != trace.SocketOp || e.Time != 0.4 {
			continue
		}
		s := rec.StateAt(i)
		_, srv := conn(t, s, "Task-4")
		switch e.Text {
		case "send":
			if s.InFlight(srv) != 5 || srv.Watch != WatchRead {
				t.Errorf("after send: in flight %d, watched %d", s.InFlight(srv), srv.Watch)
			}
		case "ready":
			if s.ReadyNow(srv) != WatchRead {
				t.Errorf("after select: ready %d", s.ReadyNow(srv))
			}
		case "recv":
			if s.InFlight(srv) != 0 || srv.Buffered() != 5 || srv.LastRecvd != `b'soup\n'` {
				t.Errorf("after recv: in flight %d, buffered %d, %s", s.InFlight(srv), srv.Buffered(), srv.LastRecvd)
			}
		case "read":
			if srv.Buffered() != 0 || srv.Read != 5 {
				t.Errorf("after read: buffered %d, read %d", srv.Buffered(), srv.Read)
			}
		}
		steps = append(steps, e.Text)
	}
	if got := strings.Join(steps, " "); got != "send ready recv read" {
		t.Errorf("socket events at 0.4 s: %s", got)
	}
	// The next select is a new iteration: the socket is no longer shown
	// ready.
	for i := 0; i < rec.Len(); i++ {
		if e := &rec.Trace().Events[i]; e.Time == 0.5 && e.Kind == trace.LoopPhase && e.Phase == trace.PhaseSelect {
			s := rec.StateAt(i)
			if _, srv := conn(t, s, "Task-4"); s.ReadyNow(srv) != 0 {
				t.Errorf("at the next select the server end still shows ready")
			}
			break
		}
	}
}

// The Python docs' TCP echo client and server: one connection, the
// message each way, its preview escaped as repr() shows bytes.
func TestIOModelDocsEcho(t *testing.T) {
	src, err := os.ReadFile("../asyncio/testdata/streams/docs_echo.py")
	if err != nil {
		t.Fatal(err)
	}
	rec := record(t, "docs_echo.py", string(src))
	end := ioChecks(t, "docs_echo", rec)
	c, srv := conn(t, end, "Task-1")
	if c.Sent != 12 || srv.Sent != 12 || c.LastSent != "b'Hello World!'" || srv.LastRead != "b'Hello World!'" || c.LastRead != "b'Hello World!'" {
		t.Errorf("client %+v\nserver end %+v", *c, *srv)
	}
	if c.Addr != "127.0.0.1:8888" || srv.Addr != "127.0.0.1:50000" {
		t.Errorf("addresses %s and %s", c.Addr, srv.Addr)
	}
}

// Every stream program of the engine's tests (checked against CPython
// there) plays its sockets consistently.
func TestIOModelCorpus(t *testing.T) {
	files, _ := filepath.Glob("../asyncio/testdata/streams/*.py")
	random, _ := filepath.Glob("../asyncio/testdata/streams/random/rand_*.py")
	files = append(files, random...)
	if len(files) < 20 {
		t.Fatalf("only %d stream programs", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "start_server") {
			continue
		}
		r := engine.Run(src, engine.Options{Filename: filepath.Base(f), Trace: true})
		if r.Trace == nil || r.ExitCode == engine.ExitInternal {
			t.Fatalf("%s: exit %d", f, r.ExitCode)
		}
		rec := Build(r.Trace)
		if !slices.Contains(rec.Views(), ViewIO) {
			t.Errorf("%s: no I/O view", f)
		}
		ioChecks(t, f, rec)
		// The view lays out cleanly along the run, at a laptop's and a
		// phone's size, in both languages.
		for k := 0; k <= 8; k++ {
			st := rec.StateAt(rec.Len() * k / 8)
			for _, lang := range []Lang{EN, KO} {
				st.SetLang(lang)
				for _, wh := range [][3]float64{{1280, 800, 1}, {390, 700, 1}, {1100, 900, 2}} {
					if bad := checkScene(LayoutView(ViewIO, wh[0], wh[1], wh[2], st)); len(bad) > 0 {
						t.Errorf("%s at event %d, %s %v: %s", f, st.Index, lang, wh, strings.Join(bad[:min(2, len(bad))], "; "))
					}
				}
			}
		}
	}
}

// A fast writer and a slow reader: the client's transport buffers what
// the kernel cannot take, pauses writing over 64 KiB (drain waits) and
// resumes once the reader has taken enough; the view shows the buffer at
// the writer's end of the pipe, saying drain waits.
func TestIOBackpressure(t *testing.T) {
	src, err := os.ReadFile("../asyncio/testdata/streams/backpressure.py")
	if err != nil {
		t.Fatal(err)
	}
	rec := record(t, "backpressure.py", string(src))
	paused, resumed := -1, -1
	for i := range rec.Trace().Events {
		e := &rec.Trace().Events[i]
		// The last pause before the reader starts, the first resume after.
		if e.Kind == trace.SocketOp && e.Text == "pause" && e.Time < 1 {
			paused = i
		}
		if e.Kind == trace.SocketOp && e.Text == "resume" && resumed < 0 && e.Time >= 1 {
			resumed = i
		}
	}
	if paused < 0 || resumed < paused {
		t.Fatalf("pause at %d, resume at %d", paused, resumed)
	}
	s := rec.StateAt(paused)
	c, srv := conn(t, s, "Task-1")
	if !c.Paused || c.Buffer <= 64*1024 || s.InFlight(srv) == 0 {
		t.Errorf("at the pause: paused %v, buffer %d, in flight %d", c.Paused, c.Buffer, s.InFlight(srv))
	}
	found := false
	for _, it := range ioScene(1280, 800, 1, s).Items {
		if it.Kind == KBar && it.Tone == ToneCallback && strings.HasPrefix(it.Text, "drain() waits") {
			found = true
		}
	}
	if !found {
		t.Error("the view does not show the paused writer's buffer")
	}
	if s := rec.StateAt(resumed - 1); !s.Sockets[1].Paused || s.Clock != 1 {
		t.Errorf("the writer did not stay paused until the reader started at 1 s")
	}
	end := ioChecks(t, "backpressure", rec)
	c, srv = conn(t, end, "Task-1")
	if c.Buffer != 0 || c.Paused || srv.Read != 16<<20 {
		t.Errorf("at the end: buffer %d, paused %v, read %d", c.Buffer, c.Paused, srv.Read)
	}
}
