package asyncio

// This file ports CPython 3.11's asyncio streams over the virtual network
// of network.go: streams.py (open_connection, start_server, StreamReader,
// StreamWriter, StreamReaderProtocol with FlowControlMixin),
// selector_events.py (_SelectorSocketTransport, sock_connect,
// _accept_connection and _accept_connection2) and base_events.py
// (create_connection, create_server with its gather of getaddrinfo tasks,
// Server). Every call_soon, future and task of the Python sources is here
// in the same order, so callbacks and task steps interleave as in CPython:
//
//   - start_server takes four loop iterations and creates one task (the
//     gather over _create_server_getaddrinfo); the server listens and its
//     socket is watched for accepts before the last one.
//   - open_connection: connect() returns EINPROGRESS, the selector reports
//     the socket writable one select later (_sock_connect_cb), then
//     _sock_write_done and the task's wakeup; the transport's
//     connection_made, _add_reader and the waiter's result are three
//     call_soon callbacks; the caller resumes one iteration after them.
//   - each accepted connection is a task (_accept_connection2) and the
//     handler is another, created by connection_made.
//   - the peer sees written bytes at its next select (_read_ready), and a
//     close after a call_soon (_call_connection_lost).
//
// Hosts must be numeric: CPython resolves a name like "localhost" with
// getaddrinfo in the default executor's thread, which the engine does not
// do; servers bind '127.0.0.1' (or '0.0.0.0'), clients connect to
// '127.0.0.1'.
//
// Not modelled, so scenes avoid them: a StreamWriter dropped without
// close() (CPython's StreamWriter.__del__ closes it when the last
// reference goes, which a scene cannot see coming; the engine leaves it
// open), how real TCP cuts a transfer of more than about 64 kB into reads
// and how much the kernel holds before a writer's transport buffers
// (network.go's sockCap: drain waits as in CPython, but after a number of
// bytes that differs), TLS, Unix sockets,
// sock=, ssl= and the other create_connection/create_server options, and
// a socket shared between two loops.

import (
	"bytes"
	"fmt"
	"strconv"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// The types scenes see.
var (
	StreamReaderType = &py.Type{Name: "StreamReader", Module: "asyncio.streams", Base: py.ObjectType}
	StreamWriterType = &py.Type{Name: "StreamWriter", Module: "asyncio.streams", Base: py.ObjectType}
	ServerType       = &py.Type{Name: "Server", Module: "asyncio.base_events", Base: py.ObjectType}
	transportType    = &py.Type{Name: "_SelectorSocketTransport", Module: "asyncio.selector_events", Base: py.ObjectType}
	protocolType     = &py.Type{Name: "StreamReaderProtocol", Module: "asyncio.streams", Base: py.ObjectType}
	socketType       = &py.Type{Name: "TransportSocket", Module: "asyncio.trsock", Base: py.ObjectType}

	// IncompleteReadErrorType derives from EOFError in CPython; the
	// interpreter has no EOFError yet (NEEDS.md), so it derives from
	// Exception here.
	IncompleteReadErrorType = py.NewExceptionType("IncompleteReadError", "asyncio.exceptions", py.ExceptionType)
	LimitOverrunErrorType   = py.NewExceptionType("LimitOverrunError", "asyncio.exceptions", py.ExceptionType)
)

// Constants of streams.py and selector_events.py.
const (
	defaultLimit = 1 << 16       // streams._DEFAULT_LIMIT
	recvMaxSize  = 256 * 1024    // _SelectorTransport.max_size
	backlog      = 100           // create_server's backlog
	highWater    = 64 * 1024     // a transport's write buffer limits: FlowControlMixin pauses writing above
	lowWater     = highWater / 4 // and resumes at or below
)

func init() {
	RegisterAsyncio("open_connection", py.NewBuiltin("open_connection", asyncioOpenConnection))
	RegisterAsyncio("start_server", py.NewBuiltin("start_server", asyncioStartServer))
	RegisterAsyncio("StreamReader", StreamReaderType)
	RegisterAsyncio("StreamWriter", StreamWriterType)
	RegisterAsyncio("IncompleteReadError", IncompleteReadErrorType)
	RegisterAsyncio("LimitOverrunError", LimitOverrunErrorType)
	StreamReaderType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := parseArgs("StreamReader", args, kw, []string{"limit", "loop"}, 0)
		if err != nil {
			return nil, err
		}
		limit, err := limitArg(a[0])
		if err != nil {
			return nil, err
		}
		l, _ := a[1].(*Loop)
		if l == nil {
			// events._get_event_loop(): scenes make readers in coroutines.
			if l, err = getRunningLoop(t); err != nil {
				return nil, err
			}
		}
		return newStreamReader(l, limit), nil
	}
}

// cbOwner names the class of a callback that is not a scene object, for
// labels ("BaseSelectorEventLoop._accept_connection").
type cbOwner string

func (cbOwner) Type() *py.Type        { return py.ObjectType }
func (o cbOwner) methodOwner() string { return string(o) }

// goCallback is a callback for call_soon or the selector: a builtin whose
// label is owner.name; an exception it returns is logged as CPython's
// default exception handler does.
func goCallback(owner py.Value, name string, fn func(t *py.Thread) error) *py.Builtin {
	return &py.Builtin{Name: name, Recv: owner, Fn: func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := fn(t); err != nil {
			return nil, err
		}
		return py.None, nil
	}}
}

// newIncompleteReadError is IncompleteReadError(partial, expected).
func newIncompleteReadError(partial []byte, expected py.Value) *py.Exception {
	r := "undefined"
	if expected != py.None {
		r, _ = py.Repr(nil, expected)
	}
	e := py.NewException(IncompleteReadErrorType, py.Str(fmt.Sprintf("%d bytes read on a total of %s expected bytes", len(partial), r)))
	e.Attrs = map[string]py.Value{"partial": py.Bytes(partial), "expected": expected}
	return e
}

// newLimitOverrunError is LimitOverrunError(message, consumed).
func newLimitOverrunError(msg string, consumed int) *py.Exception {
	e := py.NewException(LimitOverrunErrorType, py.Str(msg))
	e.Attrs = map[string]py.Value{"consumed": py.Int(consumed)}
	return e
}

// newOSError is OSError(errno, msg), which picks the subclass for errno
// as CPython's constructor does; msg "" is strerror(errno).
func newOSError(errno int, msg string) *py.Exception {
	cls := py.OSErrorType
	switch errno {
	case errnoConnRefused:
		cls, msg = py.ConnectionRefusedErrorType, orString(msg, "Connection refused")
	case errnoConnReset:
		cls, msg = py.ConnectionResetErrorType, orString(msg, "Connection reset by peer")
	case errnoPipe:
		cls, msg = py.BrokenPipeErrorType, orString(msg, "Broken pipe")
	case errnoNotConn:
		msg = orString(msg, "Transport endpoint is not connected")
	}
	return py.NewException(cls, py.Int(errno), py.Str(msg))
}

func orString(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}

// ---------------------------------------------------------------------------
// StreamReader

// StreamReader is asyncio.StreamReader.
type StreamReader struct {
	id        int32
	loop      *Loop
	limit     int
	buf       []byte
	eof       bool
	waiter    *Future
	exc       *py.Exception
	transport *transport
	paused    bool
}

func newStreamReader(l *Loop, limit int) *StreamReader {
	return &StreamReader{id: l.m.NewID(), loop: l, limit: limit}
}

// Type returns StreamReaderType.
func (r *StreamReader) Type() *py.Type { return StreamReaderType }

func (r *StreamReader) methodOwner() string { return "StreamReader" }

// Repr implements py.Reprer: <StreamReader 5 bytes eof>.
func (r *StreamReader) Repr(t *py.Thread) (string, error) {
	s := "<StreamReader"
	if len(r.buf) > 0 {
		s += " " + strconv.Itoa(len(r.buf)) + " bytes"
	}
	if r.eof {
		s += " eof"
	}
	if r.limit != defaultLimit {
		s += " limit=" + strconv.Itoa(r.limit)
	}
	if r.waiter != nil {
		s += " waiter=" + r.waiter.reprString()
	}
	if r.exc != nil {
		s += " exception=" + r.exc.ReprString()
	}
	if r.transport != nil {
		s += " transport=" + r.transport.repr()
	}
	if r.paused {
		s += " paused"
	}
	return s + ">", nil
}

// setException is set_exception(exc).
func (r *StreamReader) setException(exc *py.Exception) {
	r.exc = exc
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Cancelled() {
			_ = w.SetException(exc)
		}
	}
}

// wakeupWaiter is _wakeup_waiter.
func (r *StreamReader) wakeupWaiter() {
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Cancelled() {
			_ = w.SetResult(py.None)
		}
	}
}

// feedEOF is feed_eof().
func (r *StreamReader) feedEOF() {
	r.eof = true
	r.wakeupWaiter()
}

// feedData is feed_data(data).
func (r *StreamReader) feedData(data []byte) {
	if len(data) == 0 {
		return
	}
	r.buf = append(r.buf, data...)
	r.wakeupWaiter()
	if r.transport != nil && !r.paused && len(r.buf) > 2*r.limit {
		r.transport.pauseReading()
		r.paused = true
	}
}

// maybeResumeTransport is _maybe_resume_transport.
func (r *StreamReader) maybeResumeTransport() {
	if r.paused && len(r.buf) <= r.limit {
		r.paused = false
		r.transport.resumeReading()
	}
}

// take removes and returns the first n bytes of the buffer.
func (r *StreamReader) take(n int) py.Bytes {
	if n > len(r.buf) {
		n = len(r.buf)
	}
	data := py.Bytes(r.buf[:n])
	if tr := r.transport; n > 0 && tr != nil && tr.sock != nil {
		tr.net.emit(tr.sock, "read", n, preview(r.buf[:n]))
	}
	r.buf = r.buf[n:]
	if len(r.buf) == 0 {
		r.buf = nil
	}
	return data
}

// attempt is one pass of a read method's loop: its result, or wait true
// to await _wait_for_data first and try again.
type attempt func(t *py.Thread, first bool) (v py.Value, wait bool, err error)

// readCoro is a read method whose loop is attempt, awaiting
// _wait_for_data(fname) whenever it needs more data.
func (r *StreamReader) readCoro(fname string, try attempt) *goCoro {
	return newSyncCoro("StreamReader."+fname, func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 1 {
			r.waiter = nil // _wait_for_data's finally
			if throw != nil {
				return -1, nil, py.CoroRaised, throw
			}
		}
		v, wait, err := try(t, pc == 0)
		if err != nil {
			return -1, nil, py.CoroRaised, err
		}
		if !wait {
			return -1, v, py.CoroReturned, nil
		}
		if r.waiter != nil {
			return -1, nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "%s() called while another coroutine is already waiting for incoming data", fname)
		}
		if r.paused {
			r.paused = false
			r.transport.resumeReading()
		}
		r.waiter = r.loop.NewFuture("StreamReader."+fname, nil, trace.ConceptStream)
		return suspendOn(1, r.waiter)
	})
}

// Read is read(n).
func (r *StreamReader) Read(n int) *goCoro {
	if n < 0 {
		var blocks []byte
		check := true
		return r.readCoro("read", func(t *py.Thread, first bool) (py.Value, bool, error) {
			for {
				if check {
					if r.exc != nil {
						return nil, false, r.exc
					}
					check = false
					if len(r.buf) == 0 && !r.eof {
						return nil, true, nil
					}
				}
				block := r.take(r.limit)
				r.maybeResumeTransport()
				check = true
				if len(block) == 0 {
					return py.Bytes(blocks), false, nil
				}
				blocks = append(blocks, block...)
			}
		})
	}
	return r.readCoro("read", func(t *py.Thread, first bool) (py.Value, bool, error) {
		if first {
			if r.exc != nil {
				return nil, false, r.exc
			}
			if n == 0 {
				return py.Bytes(""), false, nil
			}
			if len(r.buf) == 0 && !r.eof {
				return nil, true, nil
			}
		}
		data := r.take(n)
		r.maybeResumeTransport()
		return data, false, nil
	})
}

// ReadExactly is readexactly(n).
func (r *StreamReader) ReadExactly(n int) *goCoro {
	return r.readCoro("readexactly", func(t *py.Thread, first bool) (py.Value, bool, error) {
		if first {
			if n < 0 {
				return nil, false, py.Errorf(py.ValueErrorType, "readexactly size can not be less than zero")
			}
			if r.exc != nil {
				return nil, false, r.exc
			}
			if n == 0 {
				return py.Bytes(""), false, nil
			}
		}
		if len(r.buf) < n {
			if r.eof {
				return nil, false, newIncompleteReadError([]byte(r.take(len(r.buf))), py.Int(n))
			}
			return nil, true, nil
		}
		data := r.take(n)
		r.maybeResumeTransport()
		return data, false, nil
	})
}

// readUntil is readuntil(sep) as an attempt (readline shares it).
func (r *StreamReader) readUntil(sep []byte) attempt {
	offset := 0
	return func(t *py.Thread, first bool) (py.Value, bool, error) {
		seplen := len(sep)
		if first {
			if seplen == 0 {
				return nil, false, py.Errorf(py.ValueErrorType, "Separator should be at least one-byte string")
			}
			if r.exc != nil {
				return nil, false, r.exc
			}
		}
		isep := -1
		buflen := len(r.buf)
		if buflen-offset >= seplen {
			if i := bytes.Index(r.buf[offset:], sep); i >= 0 {
				isep = offset + i
			} else {
				offset = buflen + 1 - seplen
				if offset > r.limit {
					return nil, false, newLimitOverrunError("Separator is not found, and chunk exceed the limit", offset)
				}
			}
		}
		if isep < 0 {
			if r.eof {
				return nil, false, newIncompleteReadError([]byte(r.take(len(r.buf))), py.None)
			}
			return nil, true, nil
		}
		if isep > r.limit {
			return nil, false, newLimitOverrunError("Separator is found, but chunk is longer than limit", isep)
		}
		chunk := r.take(isep + seplen)
		r.maybeResumeTransport()
		return chunk, false, nil
	}
}

// ReadUntil is readuntil(separator).
func (r *StreamReader) ReadUntil(sep []byte) *goCoro {
	return r.readCoro("readuntil", r.readUntil(sep))
}

// ReadLine is readline(): readuntil(b'\n'), with a partial line at EOF
// and ValueError past the limit.
func (r *StreamReader) ReadLine() *goCoro {
	sep := []byte{'\n'}
	until := r.readUntil(sep)
	return r.readCoro("readuntil", func(t *py.Thread, first bool) (py.Value, bool, error) {
		v, wait, err := until(t, first)
		if e, ok := err.(*py.Exception); ok {
			switch e.Class {
			case IncompleteReadErrorType:
				return e.Attrs["partial"], false, nil
			case LimitOverrunErrorType:
				consumed := int(e.Attrs["consumed"].(py.Int))
				if consumed+1 <= len(r.buf) && r.buf[consumed] == '\n' {
					r.take(consumed + 1)
				} else {
					r.take(len(r.buf))
				}
				r.maybeResumeTransport()
				return nil, false, py.NewException(py.ValueErrorType, e.Args[0])
			}
		}
		return v, wait, err
	})
}

// AtEOF is at_eof().
func (r *StreamReader) AtEOF() bool { return r.eof && len(r.buf) == 0 }

// Attr implements py.HasAttrs.
func (r *StreamReader) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "read":
		return method(r, "read", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("read", args, kw, []string{"n"}, 0)
			if err != nil {
				return nil, err
			}
			n := -1
			if a[0] != nil {
				if n, err = intArg(a[0]); err != nil {
					return nil, err
				}
			}
			return r.Read(n), nil
		}), nil
	case "readline":
		return method(r, "readline", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("readline", args, kw); err != nil {
				return nil, err
			}
			return r.ReadLine(), nil
		}), nil
	case "readexactly":
		return method(r, "readexactly", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("readexactly", args, kw, []string{"n"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := intArg(a[0])
			if err != nil {
				return nil, err
			}
			return r.ReadExactly(n), nil
		}), nil
	case "readuntil":
		return method(r, "readuntil", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("readuntil", args, kw, []string{"separator"}, 0)
			if err != nil {
				return nil, err
			}
			sep := []byte{'\n'}
			if a[0] != nil {
				b, ok := a[0].(py.Bytes)
				if !ok {
					return nil, py.Errorf(py.TypeErrorType, "argument should be integer or bytes-like object, not '%s'", a[0].Type().Name)
				}
				sep = []byte(b)
			}
			return r.ReadUntil(sep), nil
		}), nil
	case "at_eof":
		return method(r, "at_eof", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(r.AtEOF()), noArgs("at_eof", args, kw)
		}), nil
	case "exception":
		return method(r, "exception", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if r.exc == nil {
				return py.None, noArgs("exception", args, kw)
			}
			return r.exc, noArgs("exception", args, kw)
		}), nil
	case "feed_eof":
		return method(r, "feed_eof", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			r.feedEOF()
			return py.None, noArgs("feed_eof", args, kw)
		}), nil
	case "feed_data":
		return method(r, "feed_data", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("feed_data", args, kw, []string{"data"}, 1)
			if err != nil {
				return nil, err
			}
			b, ok := a[0].(py.Bytes)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "can't concat %s to bytearray", a[0].Type().Name)
			}
			r.feedData([]byte(b))
			return py.None, nil
		}), nil
	}
	return nil, nil
}

// AIter implements py.AsyncIterable: `async for line in reader`.
func (r *StreamReader) AIter(t *py.Thread) (py.AsyncIterator, error) { return r, nil }

// ANext implements py.AsyncIterator: readline(), StopAsyncIteration at
// EOF.
func (r *StreamReader) ANext(t *py.Thread) (py.Value, error) {
	line := r.ReadLine()
	return newSyncCoro("StreamReader.__anext__", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		v, st, err := line.Resume(t, send, throw)
		switch {
		case err != nil:
			return -1, nil, py.CoroRaised, err
		case st == py.CoroYielded:
			return 1, v, py.CoroYielded, nil
		}
		if b, ok := v.(py.Bytes); ok && len(b) == 0 {
			return -1, nil, py.CoroRaised, py.NewException(py.StopAsyncIterationType)
		}
		return -1, v, py.CoroReturned, nil
	}), nil
}

// intArg reads an int argument.
func intArg(v py.Value) (int, error) {
	switch x := v.(type) {
	case py.Int:
		return int(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, py.Errorf(py.TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// ---------------------------------------------------------------------------
// StreamReaderProtocol

// protocol is StreamReaderProtocol (with FlowControlMixin).
type protocol struct {
	loop      *Loop
	reader    *StreamReader
	cb        py.Value // client_connected_cb, nil for a client
	writer    *StreamWriter
	task      *Task
	transport *transport
	closed    *Future
	connLost  bool
	paused    bool      // pause_writing was called: drain waits
	drainers  []*Future // _drain_waiters
}

func newProtocol(l *Loop, r *StreamReader, cb py.Value) *protocol {
	p := &protocol{loop: l, reader: r, cb: cb}
	p.closed = l.NewFuture("StreamReaderProtocol._closed", nil, trace.ConceptStream)
	return p
}

func (p *protocol) Type() *py.Type      { return protocolType }
func (p *protocol) methodOwner() string { return "StreamReaderProtocol" }

// connectionMade is connection_made(transport): a server's protocol calls
// client_connected_cb and wraps a coroutine in a task.
func (p *protocol) connectionMade(t *py.Thread, tr *transport) error {
	p.transport = tr
	if p.reader != nil {
		p.reader.transport = tr
	}
	if p.cb == nil {
		return nil
	}
	p.writer = newStreamWriter(p.loop, tr, p, p.reader)
	var reader py.Value = py.None
	if p.reader != nil {
		reader = p.reader
	}
	res, err := t.Call(p.cb, []py.Value{reader, p.writer}, nil)
	if err != nil {
		return err
	}
	if c, ok := res.(py.Coroutine); ok {
		tk := p.loop.NewTask(t, c, nil)
		p.task = tk
		tr.net.emitRef(tr.sock, "streams", 0, "", tk.id, 0)
		l := p.loop
		tk.AddDoneCallback("StreamReaderProtocol.connection_made.<locals>.callback", func(f *Future) {
			exc, cerr := f.Exception()
			if cerr != nil {
				l.m.WriteStderr("Exception in callback StreamReaderProtocol.connection_made.<locals>.callback(" + f.reprString() + ")\n" + cerr.Error() + "\n")
				return
			}
			if exc != nil {
				l.m.WriteStderr("Unhandled exception in client_connected_cb\ntransport: " + tr.repr() + "\n" + exc.Error() + "\n")
				tr.close()
			}
		})
	}
	return nil
}

// connectionLost is connection_lost(exc).
func (p *protocol) connectionLost(exc *py.Exception) {
	if r := p.reader; r != nil {
		if exc == nil {
			r.feedEOF()
		} else {
			r.setException(exc)
		}
	}
	if !p.closed.Done() {
		if exc == nil {
			_ = p.closed.SetResult(py.None)
		} else {
			_ = p.closed.SetException(exc)
			p.closed.logTraceback = false // __del__ retrieves it
		}
	}
	p.connLost = true
	if p.paused {
		for _, w := range p.drainers {
			if !w.Done() {
				if exc == nil {
					_ = w.SetResult(py.None)
				} else {
					_ = w.SetException(exc)
				}
			}
		}
	}
	p.reader = nil
	p.writer = nil
	p.task = nil
	p.transport = nil
}

// pauseWriting and resumeWriting are FlowControlMixin's pause_writing
// and resume_writing: drain waits while the transport's buffer is full.
func (p *protocol) pauseWriting(tr *transport) {
	p.paused = true
	tr.net.emit(tr.sock, "pause", len(tr.buf), "")
}

func (p *protocol) resumeWriting(tr *transport) {
	p.paused = false
	tr.net.emit(tr.sock, "resume", len(tr.buf), "")
	for _, w := range p.drainers {
		if !w.Done() {
			_ = w.SetResult(py.None)
		}
	}
}

// ---------------------------------------------------------------------------
// _SelectorSocketTransport

// transport is _SelectorSocketTransport over a virtual socket.
type transport struct {
	loop     *Loop
	net      *network
	sock     *vsock
	fd       int
	proto    *protocol
	server   *Server
	closing  bool
	connLost int
	paused   bool
	eof      bool
	buf      []byte // the write buffer: what send() did not take yet
	wpaused  bool   // _protocol_paused
	peername py.Value
	sockname py.Value
}

// newTransport is _SelectorSocketTransport(loop, sock, protocol, waiter,
// extra, server): connection_made, _add_reader and the waiter's result are
// scheduled with call_soon.
func newTransport(l *Loop, s *vsock, p *protocol, waiter *Future, srv *Server) *transport {
	n := l.network()
	tr := &transport{loop: l, net: n, sock: s, fd: s.fd, proto: p, server: srv,
		peername: addrTuple(s.peerPort), sockname: addrTuple(s.port)}
	if srv != nil {
		srv.activeCount++
	}
	l.CallSoon(goCallback(p, "connection_made", func(t *py.Thread) error { return p.connectionMade(t, tr) }), nil)
	l.CallSoon(goCallback(tr, "_add_reader", func(t *py.Thread) error { tr.addReader(); return nil }), nil)
	if waiter != nil {
		l.push(&Handle{id: l.m.NewID(), loop: l, op: opSetResult, fut: waiter, fn: py.None})
	}
	return tr
}

func (tr *transport) Type() *py.Type      { return transportType }
func (tr *transport) methodOwner() string { return "_SelectorSocketTransport" }

// Repr implements py.Reprer.
func (tr *transport) Repr(t *py.Thread) (string, error) { return tr.repr(), nil }

func (tr *transport) repr() string {
	s := "<_SelectorSocketTransport"
	if tr.sock == nil {
		s += " closed"
	} else if tr.closing {
		s += " closing"
	}
	s += " fd=" + strconv.Itoa(tr.fd)
	if tr.sock != nil {
		if tr.sock.reader != nil {
			s += " read=polling"
		} else {
			s += " read=idle"
		}
		w := "idle"
		if tr.sock.writer != nil {
			w = "polling"
		}
		s += " write=<" + w + ", bufsize=" + strconv.Itoa(len(tr.buf)) + ">"
	}
	return s + ">"
}

func (tr *transport) isReading() bool { return !tr.closing && !tr.paused }

// addReader is _SelectorTransport._add_reader(fd, _read_ready).
func (tr *transport) addReader() {
	if !tr.isReading() || tr.sock == nil {
		return
	}
	tr.net.addReader(tr.sock, "_read_ready", goCallback(tr, "_read_ready", func(t *py.Thread) error { tr.readReady(); return nil }))
}

func (tr *transport) pauseReading() {
	if !tr.isReading() {
		return
	}
	tr.paused = true
	tr.net.removeReader(tr.sock)
}

func (tr *transport) resumeReading() {
	if tr.closing || !tr.paused {
		return
	}
	tr.paused = false
	tr.addReader()
}

// readReady is _read_ready__data_received.
func (tr *transport) readReady() {
	if tr.connLost != 0 {
		return
	}
	data, errno := tr.net.recv(tr.sock, recvMaxSize)
	if errno != 0 {
		tr.forceClose(newOSError(errno, ""))
		return
	}
	if len(data) == 0 {
		if !tr.sock.eof && !tr.sock.dead {
			return // BlockingIOError
		}
		// _read_ready__on_eof: eof_received keeps the connection open
		// for writing; only the reader goes.
		if tr.proto.reader != nil {
			tr.proto.reader.feedEOF()
		}
		tr.net.removeReader(tr.sock)
		return
	}
	if tr.proto.reader != nil {
		tr.proto.reader.feedData(data)
	}
}

// write is write(data): sent at once (the peer's buffer takes it all).
func (tr *transport) write(data py.Value) error {
	b, ok := data.(py.Bytes)
	if !ok {
		return py.Errorf(py.TypeErrorType, "data argument must be a bytes-like object, not '%s'", data.Type().Name)
	}
	if tr.eof {
		return py.Errorf(py.RuntimeErrorType, "Cannot call write() after write_eof()")
	}
	if len(b) == 0 {
		return nil
	}
	if tr.connLost != 0 {
		tr.connLost++
		return nil
	}
	buf := []byte(b)
	if len(tr.buf) == 0 {
		// Try to send now; register _write_ready for what is left.
		n, errno := tr.net.send(tr.sock, buf)
		if errno != 0 {
			tr.forceClose(newOSError(errno, ""))
			return nil
		}
		if buf = buf[n:]; len(buf) == 0 {
			return nil
		}
		tr.net.addWriter(tr.sock, "_write_ready", goCallback(tr, "_write_ready", func(t *py.Thread) error { tr.writeReady(); return nil }))
	}
	tr.setBuf(append(tr.buf, buf...))
	if len(tr.buf) > highWater && !tr.wpaused {
		tr.wpaused = true // _maybe_pause_protocol
		tr.proto.pauseWriting(tr)
	}
	return nil
}

// setBuf sets the write buffer and tells the trace its size.
func (tr *transport) setBuf(b []byte) {
	tr.buf = b
	tr.net.emit(tr.sock, "buffer", len(b), "")
}

// writeReady is _write_ready: the socket can take more of the buffer.
func (tr *transport) writeReady() {
	if tr.connLost != 0 {
		return
	}
	n, errno := tr.net.send(tr.sock, tr.buf)
	if errno != 0 {
		tr.net.removeWriter(tr.sock)
		tr.setBuf(nil)
		tr.forceClose(newOSError(errno, ""))
		return
	}
	if n > 0 {
		tr.setBuf(tr.buf[n:])
	}
	if tr.wpaused && len(tr.buf) <= lowWater {
		tr.wpaused = false // _maybe_resume_protocol
		tr.proto.resumeWriting(tr)
	}
	if len(tr.buf) == 0 {
		tr.net.removeWriter(tr.sock)
		if tr.closing {
			// Later writes are dropped, as after a close with an empty
			// buffer (CPython would fail inside on its closed socket).
			tr.connLost++
			tr.callConnectionLost(nil)
		} else if tr.eof {
			tr.net.shutdown(tr.sock)
		}
	}
}

// writeEOF is write_eof(): shutdown(SHUT_WR).
func (tr *transport) writeEOF() error {
	if tr.closing || tr.eof {
		return nil
	}
	tr.eof = true
	if len(tr.buf) > 0 {
		return nil // _write_ready shuts down once the buffer is sent
	}
	if errno := tr.net.shutdown(tr.sock); errno != 0 {
		return newOSError(errno, "")
	}
	return nil
}

// close is close(): connection_lost follows with call_soon.
func (tr *transport) close() {
	if tr.closing {
		return
	}
	tr.closing = true
	if tr.sock != nil {
		tr.net.removeReader(tr.sock)
	}
	if len(tr.buf) > 0 {
		return // _write_ready loses the connection once the buffer is sent
	}
	tr.connLost++
	if tr.sock != nil {
		tr.net.removeWriter(tr.sock)
	}
	tr.scheduleConnectionLost(nil)
}

// forceClose is _force_close(exc).
func (tr *transport) forceClose(exc *py.Exception) {
	if tr.connLost != 0 {
		return
	}
	if len(tr.buf) > 0 {
		tr.setBuf(nil)
		tr.net.removeWriter(tr.sock)
	}
	if !tr.closing {
		tr.closing = true
		tr.net.removeReader(tr.sock)
	}
	tr.connLost++
	tr.scheduleConnectionLost(exc)
}

func (tr *transport) scheduleConnectionLost(exc *py.Exception) {
	tr.loop.CallSoon(goCallback(tr, "_call_connection_lost", func(t *py.Thread) error {
		tr.callConnectionLost(exc)
		return nil
	}), nil)
}

// callConnectionLost is _call_connection_lost(exc).
func (tr *transport) callConnectionLost(exc *py.Exception) {
	if tr.proto != nil {
		tr.proto.connectionLost(exc)
	}
	if tr.sock != nil {
		tr.net.close(tr.sock)
		tr.sock = nil
	}
	tr.proto = nil
	if srv := tr.server; srv != nil {
		tr.server = nil
		srv.detach()
	}
}

// extraInfo is get_extra_info(name, default).
func (tr *transport) extraInfo(name string, dflt py.Value) py.Value {
	switch name {
	case "peername":
		return tr.peername
	case "sockname":
		return tr.sockname
	}
	return dflt
}

// ---------------------------------------------------------------------------
// StreamWriter

// StreamWriter is asyncio.StreamWriter.
type StreamWriter struct {
	id        int32
	loop      *Loop
	transport *transport
	proto     *protocol
	reader    *StreamReader
}

func newStreamWriter(l *Loop, tr *transport, p *protocol, r *StreamReader) *StreamWriter {
	w := &StreamWriter{id: l.m.NewID(), loop: l, transport: tr, proto: p, reader: r}
	// _complete_fut: a future made and resolved at once.
	_ = l.NewFuture("StreamWriter._complete_fut", nil, trace.ConceptStream).SetResult(py.None)
	return w
}

// Type returns StreamWriterType.
func (w *StreamWriter) Type() *py.Type { return StreamWriterType }

func (w *StreamWriter) methodOwner() string { return "StreamWriter" }

// Repr implements py.Reprer.
func (w *StreamWriter) Repr(t *py.Thread) (string, error) {
	s := "<StreamWriter transport=" + w.transport.repr()
	if w.reader != nil {
		r, _ := w.reader.Repr(t)
		s += " reader=" + r
	}
	return s + ">", nil
}

// Drain is drain(): it waits while the transport's write buffer is above
// its high-water mark (pause_writing) until it falls to the low-water
// mark (resume_writing), and for a closing transport's connection_lost.
func (w *StreamWriter) Drain() *goCoro {
	var waiter *Future
	return newSyncCoro("StreamWriter.drain", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		p := w.proto
		switch pc {
		case 0:
			if w.reader != nil && w.reader.exc != nil {
				return -1, nil, py.CoroRaised, w.reader.exc
			}
			if w.transport.closing {
				return 1, py.None, py.CoroYielded, nil // await sleep(0)
			}
		case 2:
			// _drain_helper's finally
			for k, d := range p.drainers {
				if d == waiter {
					p.drainers = append(p.drainers[:k:k], p.drainers[k+1:]...)
					break
				}
			}
			if throw != nil {
				return -1, nil, py.CoroRaised, throw
			}
			if _, e := waiter.Result(); e != nil {
				return -1, nil, py.CoroRaised, e
			}
			return -1, py.None, py.CoroReturned, nil
		}
		if throw != nil {
			return -1, nil, py.CoroRaised, throw
		}
		// _drain_helper
		if p.connLost {
			return -1, nil, py.CoroRaised, py.NewException(py.ConnectionResetErrorType, py.Str("Connection lost"))
		}
		if !p.paused {
			return -1, py.None, py.CoroReturned, nil
		}
		waiter = w.loop.CreateFuture()
		p.drainers = append(p.drainers, waiter)
		return suspendOn(2, waiter)
	})
}

// WaitClosed is wait_closed(): await the protocol's _closed future.
func (w *StreamWriter) WaitClosed() *goCoro {
	fut := w.proto.closed
	return newSyncCoro("StreamWriter.wait_closed", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if throw != nil {
			return -1, nil, py.CoroRaised, throw
		}
		if pc == 0 && !fut.Done() {
			return suspendOn(1, fut)
		}
		v, e := fut.Result()
		if e != nil {
			return -1, nil, py.CoroRaised, e
		}
		return -1, v, py.CoroReturned, nil
	})
}

// Attr implements py.HasAttrs.
func (w *StreamWriter) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "write":
		return method(w, "write", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("write", args, kw, []string{"data"}, 1)
			if err != nil {
				return nil, err
			}
			return py.None, w.transport.write(a[0])
		}), nil
	case "writelines":
		return method(w, "writelines", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("writelines", args, kw, []string{"data"}, 1)
			if err != nil {
				return nil, err
			}
			var buf []byte
			i := 0
			err = py.Iterate(t, a[0], func(v py.Value) error {
				b, ok := v.(py.Bytes)
				if !ok {
					return py.Errorf(py.TypeErrorType, "sequence item %d: expected a bytes-like object, %s found", i, v.Type().Name)
				}
				buf = append(buf, b...)
				i++
				return nil
			})
			if err != nil {
				return nil, err
			}
			return py.None, w.transport.write(py.Bytes(buf))
		}), nil
	case "write_eof":
		return method(w, "write_eof", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("write_eof", args, kw); err != nil {
				return nil, err
			}
			return py.None, w.transport.writeEOF()
		}), nil
	case "can_write_eof":
		return method(w, "can_write_eof", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.True, noArgs("can_write_eof", args, kw)
		}), nil
	case "close":
		return method(w, "close", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("close", args, kw); err != nil {
				return nil, err
			}
			w.transport.close()
			return py.None, nil
		}), nil
	case "is_closing":
		return method(w, "is_closing", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(w.transport.closing), noArgs("is_closing", args, kw)
		}), nil
	case "wait_closed":
		return method(w, "wait_closed", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("wait_closed", args, kw); err != nil {
				return nil, err
			}
			return w.WaitClosed(), nil
		}), nil
	case "drain":
		return method(w, "drain", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("drain", args, kw); err != nil {
				return nil, err
			}
			return w.Drain(), nil
		}), nil
	case "get_extra_info":
		return method(w, "get_extra_info", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := parseArgs("get_extra_info", args, kw, []string{"name", "default"}, 1)
			if err != nil {
				return nil, err
			}
			dflt := a[1]
			if dflt == nil {
				dflt = py.None
			}
			s, ok := a[0].(py.Str)
			if !ok {
				return dflt, nil
			}
			return w.transport.extraInfo(string(s), dflt), nil
		}), nil
	case "transport":
		return w.transport, nil
	}
	return nil, nil
}

// ---------------------------------------------------------------------------
// Server

// Server is base_events.Server.
type Server struct {
	id          int32
	loop        *Loop
	socks       []*vsock // nil once closed
	activeCount int
	waiters     []*Future
	woken       bool // _waiters is None
	cb          py.Value
	limit       int
	serving     bool
	foreverFut  *Future
}

// Type returns ServerType.
func (s *Server) Type() *py.Type { return ServerType }

func (s *Server) methodOwner() string { return "Server" }

// Repr implements py.Reprer: <Server sockets=(...)>.
func (s *Server) Repr(t *py.Thread) (string, error) {
	return "<Server sockets=" + s.socketsRepr() + ">", nil
}

func (s *Server) socketsRepr() string {
	if len(s.socks) == 0 {
		return "()"
	}
	out := "("
	for i, k := range s.socks {
		if i > 0 {
			out += ", "
		}
		out += (&sockObj{s: k}).repr()
	}
	if len(s.socks) == 1 {
		out += ","
	}
	return out + ")"
}

// detach is _detach: the last connection of a closed server wakes
// wait_closed.
func (s *Server) detach() {
	s.activeCount--
	if s.activeCount == 0 && s.socks == nil {
		s.wakeup()
	}
}

// wakeup is _wakeup.
func (s *Server) wakeup() {
	ws := s.waiters
	s.waiters, s.woken = nil, true
	for _, w := range ws {
		if !w.Done() {
			_ = w.SetResult(w)
		}
	}
}

// startServing is _start_serving: listen and watch for accepts.
func (s *Server) startServing() {
	if s.serving {
		return
	}
	s.serving = true
	n := s.loop.network()
	for _, k := range s.socks {
		k := k
		n.addReader(k, "_accept_connection", goCallback(cbOwner("BaseSelectorEventLoop"), "_accept_connection", func(t *py.Thread) error {
			s.acceptConnection(t, k)
			return nil
		}))
	}
}

// acceptConnection is _accept_connection: accept up to backlog
// connections, each handed to an _accept_connection2 task.
func (s *Server) acceptConnection(t *py.Thread, lst *vsock) {
	n := s.loop.network()
	for i := 0; i < backlog; i++ {
		conn := n.accept(lst)
		if conn == nil {
			return
		}
		s.loop.NewTask(t, s.acceptConnection2(conn), nil)
	}
}

// acceptConnection2 is the coroutine _accept_connection2: the protocol,
// the transport, and the wait for connection_made.
func (s *Server) acceptConnection2(conn *vsock) py.Coroutine {
	l := s.loop
	var tr *transport
	return newSyncCoro("BaseSelectorEventLoop._accept_connection2", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 0 {
			reader := newStreamReader(l, s.limit)
			p := newProtocol(l, reader, s.cb)
			waiter := l.CreateFuture()
			tr = newTransport(l, conn, p, waiter, s)
			return suspendOn(1, waiter)
		}
		if throw != nil {
			tr.close()
			if throw.Class.IsSubtypeOf(py.SystemExitType) || throw.Class.IsSubtypeOf(py.KeyboardInterruptType) {
				return -1, nil, py.CoroRaised, throw
			}
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// Close is close(): stop listening; wait_closed's waiters wake now when no
// connection is open (3.11 does not wait for them).
func (s *Server) Close() {
	socks := s.socks
	if socks == nil {
		return
	}
	s.socks = nil
	n := s.loop.network()
	for _, k := range socks {
		n.removeReader(k)
		n.close(k)
	}
	s.serving = false
	if f := s.foreverFut; f != nil && !f.Done() {
		f.Cancel(nil)
		s.foreverFut = nil
	}
	if s.activeCount == 0 {
		s.wakeup()
	}
}

// WaitClosed is wait_closed(): in 3.11 it returns at once once the server
// is closed.
func (s *Server) WaitClosed() *goCoro {
	var w *Future
	return newSyncCoro("Server.wait_closed", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 0 {
			if s.socks == nil || s.woken {
				return -1, py.None, py.CoroReturned, nil
			}
			w = s.loop.NewFuture("Server.wait_closed", nil, trace.ConceptStream)
			s.waiters = append(s.waiters, w)
			return suspendOn(1, w)
		}
		if throw != nil {
			return -1, nil, py.CoroRaised, throw
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// ServeForever is serve_forever(): await a future only close() or a
// cancellation ends.
func (s *Server) ServeForever() *goCoro {
	return newSyncCoro("Server.serve_forever", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		if pc == 0 {
			if s.foreverFut != nil {
				r, _ := s.Repr(t)
				return -1, nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "server %s is already being awaited on serve_forever()", r)
			}
			if s.socks == nil {
				r, _ := s.Repr(t)
				return -1, nil, py.CoroRaised, py.Errorf(py.RuntimeErrorType, "server %s is closed", r)
			}
			s.startServing()
			s.foreverFut = s.loop.NewFuture("Server.serve_forever", nil, trace.ConceptStream)
			return suspendOn(1, s.foreverFut)
		}
		if throw != nil && isCancelledError(throw) {
			// close(); await wait_closed(), which returns at once.
			s.Close()
		}
		s.foreverFut = nil
		if throw != nil {
			return -1, nil, py.CoroRaised, throw
		}
		return -1, py.None, py.CoroReturned, nil
	})
}

// AEnter implements py.AsyncContextManager: `async with server`.
func (s *Server) AEnter(t *py.Thread) (py.Value, error) {
	return immediate("AbstractServer.__aenter__", func(t *py.Thread) (py.Value, error) { return s, nil }), nil
}

// AExit closes the server and awaits wait_closed (at once in 3.11).
func (s *Server) AExit(t *py.Thread, exc *py.Exception) (py.Value, error) {
	return immediate("AbstractServer.__aexit__", func(t *py.Thread) (py.Value, error) {
		s.Close()
		return py.None, nil
	}), nil
}

// Attr implements py.HasAttrs.
func (s *Server) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "close":
		return method(s, "close", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			s.Close()
			return py.None, noArgs("close", args, kw)
		}), nil
	case "wait_closed":
		return method(s, "wait_closed", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return s.WaitClosed(), noArgs("wait_closed", args, kw)
		}), nil
	case "serve_forever":
		return method(s, "serve_forever", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return s.ServeForever(), noArgs("serve_forever", args, kw)
		}), nil
	case "start_serving":
		return method(s, "start_serving", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := noArgs("start_serving", args, kw); err != nil {
				return nil, err
			}
			return newSyncCoro("Server.start_serving", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
				if pc == 0 {
					s.startServing()
					return 1, py.None, py.CoroYielded, nil // await sleep(0)
				}
				if throw != nil {
					return -1, nil, py.CoroRaised, throw
				}
				return -1, py.None, py.CoroReturned, nil
			}), nil
		}), nil
	case "is_serving":
		return method(s, "is_serving", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.Bool(s.serving), noArgs("is_serving", args, kw)
		}), nil
	case "get_loop":
		return method(s, "get_loop", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return s.loop, noArgs("get_loop", args, kw)
		}), nil
	case "sockets":
		out := py.Tuple{}
		for _, k := range s.socks {
			out = append(out, &sockObj{s: k})
		}
		return out, nil
	case "__aenter__":
		return method(s, "__aenter__", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return s.AEnter(t)
		}), nil
	case "__aexit__":
		return method(s, "__aexit__", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return s.AExit(t, nil)
		}), nil
	}
	return nil, nil
}

// sockObj is trsock.TransportSocket: a listening socket as server.sockets
// shows it.
type sockObj struct{ s *vsock }

func (o *sockObj) Type() *py.Type      { return socketType }
func (o *sockObj) methodOwner() string { return "TransportSocket" }

func (o *sockObj) repr() string {
	return "<asyncio.TransportSocket fd=" + strconv.Itoa(o.s.fd) + ", family=2, type=1, proto=6, laddr=('127.0.0.1', " + strconv.Itoa(o.s.port) + ")>"
}

// Repr implements py.Reprer.
func (o *sockObj) Repr(t *py.Thread) (string, error) { return o.repr(), nil }

// Attr implements py.HasAttrs: getsockname().
func (o *sockObj) Attr(t *py.Thread, name string) (py.Value, error) {
	if name == "getsockname" {
		return method(o, "getsockname", func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return addrTuple(o.s.port), noArgs("getsockname", args, kw)
		}), nil
	}
	return nil, nil
}

// ---------------------------------------------------------------------------
// open_connection and start_server

// hostPort reads the host and port arguments: a numeric host, an int port.
func hostPort(fname string, host, port py.Value, server bool) (string, int, error) {
	h, ok := host.(py.Str)
	if !ok || host == nil {
		return "", 0, py.Errorf(py.NotImplementedErrorType, "%s(): scenes give the host as a string such as '127.0.0.1'", fname)
	}
	switch string(h) {
	case "127.0.0.1":
	case "0.0.0.0":
		if !server {
			return "", 0, py.Errorf(py.NotImplementedErrorType, "%s(): scenes connect to '127.0.0.1'", fname)
		}
	default:
		if !isIPv4(string(h)) {
			return "", 0, py.Errorf(py.NotImplementedErrorType, "%s(): host %s is a name, which CPython resolves with getaddrinfo in a worker thread; scenes use '127.0.0.1'", fname, py.StrRepr(string(h)))
		}
		if server {
			return "", 0, py.Errorf(py.NotImplementedErrorType, "%s(): scenes serve on '127.0.0.1'", fname)
		}
	}
	if port == nil || port == py.None {
		return "", 0, py.Errorf(py.NotImplementedErrorType, "%s(): scenes give the port", fname)
	}
	p, err := intArg(port)
	if err != nil {
		return "", 0, err
	}
	if p < 0 || p > 65535 {
		return "", 0, py.Errorf(py.OverflowErrorType, "getsockaddrarg: port must be 0-65535.")
	}
	return string(h), p, nil
}

// isIPv4 reports whether s is a dotted-quad IPv4 address.
func isIPv4(s string) bool {
	parts := 0
	num, digits := 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if digits == 0 || num > 255 {
				return false
			}
			parts++
			num, digits = 0, 0
			continue
		}
		if s[i] < '0' || s[i] > '9' || digits == 3 {
			return false
		}
		num = num*10 + int(s[i]-'0')
		digits++
	}
	return parts == 4
}

// limitArg reads the limit= keyword.
func limitArg(v py.Value) (int, error) {
	if v == nil {
		return defaultLimit, nil
	}
	n, err := intArg(v)
	if err != nil {
		return 0, err
	}
	if n <= 0 {
		return 0, py.Errorf(py.ValueErrorType, "Limit cannot be <= 0")
	}
	return n, nil
}

// asyncioOpenConnection is open_connection(host, port, *, limit).
func asyncioOpenConnection(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("open_connection", args, kw, []string{"host", "port", "limit"}, 0)
	if err != nil {
		return nil, err
	}
	var (
		l      *Loop
		reader *StreamReader
		proto  *protocol
		sock   *vsock
		tr     *transport
	)
	return newSyncCoro("open_connection", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch pc {
		case 0:
			var err error
			if l, err = getRunningLoop(t); err != nil {
				return -1, nil, py.CoroRaised, err
			}
			limit, err := limitArg(a[2])
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			reader = newStreamReader(l, limit)
			proto = newProtocol(l, reader, nil)
			host, port, err := hostPort("open_connection", a[0], a[1], false)
			if err != nil {
				return -1, nil, py.CoroRaised, err
			}
			// create_connection → _connect_sock → sock_connect: connect()
			// is in progress; the selector reports the socket writable.
			n := l.network()
			sock = n.connect(host, port)
			fut := l.NewFuture("sock_connect", nil, trace.ConceptStream)
			address := py.Tuple{py.Str(host), py.Int(port)}
			s := sock
			h := n.addWriter(s, "_sock_connect_cb", goCallback(cbOwner("BaseSelectorEventLoop"), "_sock_connect_cb", func(t *py.Thread) error {
				if fut.Done() {
					return nil
				}
				if s.connErr != 0 {
					// SO_ERROR; the socket stays reported (EPOLLHUP).
					ar, _ := py.Repr(t, address)
					_ = fut.SetException(newOSError(s.connErr, "Connect call failed "+ar))
					return nil
				}
				return fut.SetResult(py.None)
			}))
			fut.AddDoneCallback("BaseSelectorEventLoop._sock_write_done", func(*Future) {
				if !h.Cancelled() {
					n.removeWriter(s)
				}
			})
			return suspendOn(1, fut)
		case 1:
			if throw != nil {
				// _connect_sock closes the socket; create_connection
				// raises the one error.
				l.network().close(sock)
				return -1, nil, py.CoroRaised, throw
			}
			waiter := l.CreateFuture()
			tr = newTransport(l, sock, proto, waiter, nil)
			return suspendOn(2, waiter)
		default:
			if throw != nil {
				tr.close()
				return -1, nil, py.CoroRaised, throw
			}
			w := newStreamWriter(l, tr, proto, reader)
			if tk := l.CurrentTask(); tk != nil && tr.sock != nil {
				tr.net.emitRef(tr.sock, "streams", 0, "", tk.id, 0)
			}
			return -1, py.Tuple{reader, w}, py.CoroReturned, nil
		}
	}), nil
}

// asyncioStartServer is start_server(client_connected_cb, host, port, *,
// limit).
func asyncioStartServer(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	a, err := parseArgs("start_server", args, kw, []string{"client_connected_cb", "host", "port", "limit"}, 1)
	if err != nil {
		return nil, err
	}
	var (
		l      *Loop
		host   string
		port   int
		limit  int
		server *Server
	)
	return newSyncCoro("start_server", func(t *py.Thread, pc int, send py.Value, throw *py.Exception) (int, py.Value, py.CoroState, error) {
		switch pc {
		case 0:
			var err error
			if l, err = getRunningLoop(t); err != nil {
				return -1, nil, py.CoroRaised, err
			}
			if limit, err = limitArg(a[3]); err != nil {
				return -1, nil, py.CoroRaised, err
			}
			if host, port, err = hostPort("start_server", a[1], a[2], true); err != nil {
				return -1, nil, py.CoroRaised, err
			}
			// create_server: infos = await gather(*[_create_server_getaddrinfo(...)])
			info := py.NewList([]py.Value{py.Tuple{py.Int(2), py.Int(1), py.Int(6), py.Str(""), py.Tuple{py.Str(host), py.Int(port)}}})
			child := l.NewTask(t, immediate("BaseEventLoop._create_server_getaddrinfo", func(t *py.Thread) (py.Value, error) {
				return info, nil
			}), nil)
			outer := l.gatherFutures([]*Future{&child.Future}, false)
			return suspendOn(1, outer)
		case 1:
			if throw != nil {
				return -1, nil, py.CoroRaised, throw
			}
			n := l.network()
			sock, ok := n.listen(port)
			if !ok {
				return -1, nil, py.CoroRaised, newOSError(errnoAddrInUse, fmt.Sprintf("error while attempting to bind on address ('%s', %d): address already in use", host, port))
			}
			server = &Server{id: l.m.NewID(), loop: l, socks: []*vsock{sock}, cb: a[0], limit: limit}
			server.startServing()
			return 2, py.None, py.CoroYielded, nil // await sleep(0)
		default:
			if throw != nil {
				return -1, nil, py.CoroRaised, throw
			}
			return -1, server, py.CoroReturned, nil
		}
	}), nil
}
