package asyncio

// This file is the virtual network under asyncio's streams: loopback TCP
// sockets inside one event loop, and the loop's selector as Linux's epoll
// sees them. streams.go builds CPython's transports, protocols and streams
// on top of it.
//
// # Sockets
//
// A vsock is a listening socket or one end of a connection. The network is
// loopback and instantaneous: connect() completes the handshake at once
// (the server end waits in the listener's accept queue), send() puts bytes
// into the peer's receive queue at once, as many as the kernel holds for
// the connection (sockCap: then send() takes part of the data, or none,
// and the writer's transport buffers the rest), close() delivers
// EOF to the peer, or a reset when unread data was left in the closed
// socket's receive queue, as Linux does; a send to a closed peer is
// answered by a reset (EPIPE or ECONNRESET next). Only addresses on 127.0.0.1 with a
// listening socket accept connections; any other connect is refused
// (ECONNREFUSED, reported by the selector as on Linux). Ports: a server
// binds the port it asks for (0: an ephemeral one); a client's end gets the
// next ephemeral port from 50000 up (Linux picks them at random from 32768
// up, so scenes must not print them).
//
// # The selector
//
// The loop's selector is level-triggered epoll: a registered socket joins
// the tail of the ready list when an event it is registered for happens
// (data or EOF arrives, a connection waits to be accepted, a connect
// completes or fails) or when it is registered while already ready; it
// stays where it is while linked. select() walks the list in order,
// reports the sockets still ready (registered mask only; an error reports
// both read and write, as EPOLLERR does through selectors.EpollSelector),
// keeps them in that order and drops the others. A socket that becomes
// ready again after being dropped goes to the tail. The loop's self-pipe is
// not part of this list: its reader is queued before the sockets' callbacks
// in the same iteration, where epoll may put it after them. Only the trace
// sees the difference: _read_from_self does nothing a scene can observe,
// and the callbacks a worker thread scheduled with call_soon_threadsafe
// were queued when it called, before select returned, in both.

import (
	"strconv"

	"loopscope/scenes/python/py"
	"loopscope/scenes/trace"
)

// Selector event masks (selectors.EVENT_READ, EVENT_WRITE).
const (
	evRead  = 1
	evWrite = 2
)

// sockCap is how many bytes of one direction of a connection the kernel
// holds: the sender's send buffer and the peer's receive queue together.
// Linux sizes those buffers itself (a loopback connection on this
// project's machines took about 3.7 MB before send() would take no more),
// so a scene must not print what depends on the exact number.
const sockCap = 4 << 20

// firstEphemeralPort is the first port the engine gives a client's end.
const firstEphemeralPort = 50000

// Linux errno values the network reports.
const (
	errnoConnRefused = 111
	errnoConnReset   = 104
	errnoPipe        = 32
	errnoNotConn     = 107
	errnoAddrInUse   = 98
)

// network is one loop's virtual network and the state of its selector.
type network struct {
	loop      *Loop
	listeners map[int]*vsock // by port
	ports     map[int]bool   // ports in use
	nextPort  int
	nextFD    int
	ready     []*vsock // epoll's ready list
}

// network returns l's network, making it on first use.
func (l *Loop) network() *network {
	if l.net == nil {
		l.net = &network{loop: l, listeners: map[int]*vsock{}, ports: map[int]bool{}, nextPort: firstEphemeralPort, nextFD: 6}
	}
	return l.net
}

// vsock is a virtual TCP socket.
type vsock struct {
	id        int32
	fd        int
	net       *network
	port      int // local port
	listening bool
	accepts   []*vsock // a listener's accept queue

	peer      *vsock
	peerPort  int
	ephemeral bool // a client's end: its port is freed on close
	connected bool
	connErr   int    // a failed connect's error (SO_ERROR)
	sockErr   int    // a pending error (sk_err) the next send or recv returns
	dead      bool   // reset by the peer (RST): reported as EPOLLHUP
	inbuf     []byte // the receive queue
	eof       bool   // the peer shut its side
	closed    bool

	reader, writer *Handle // the selector's callbacks
	linked         bool    // in the ready list
}

// addr is the socket's address as Python shows it: ('127.0.0.1', port).
func addrTuple(port int) py.Tuple { return py.Tuple{py.Str("127.0.0.1"), py.Int(port)} }

func addrLabel(port int) string { return "127.0.0.1:" + strconv.Itoa(port) }

func (n *network) newSock() *vsock {
	s := &vsock{id: n.loop.m.NewID(), fd: n.nextFD, net: n}
	n.nextFD++
	return s
}

func (n *network) emit(s *vsock, text string, num int, label string) {
	n.emitRef(s, text, num, label, 0, 0)
}

// emitRef is emit with a second object (ref) and a cause.
func (n *network) emitRef(s *vsock, text string, num int, label string, ref, cause int32) {
	if m := n.loop.m; m.tr != nil {
		m.Emit(trace.Event{Kind: trace.SocketOp, Concept: trace.ConceptStream, ID: s.id, Ref: ref, Cause: cause, Text: text, Num: float64(num), Label: label})
	}
}

// previewLen is how many bytes of the data a send, recv or read event
// shows.
const previewLen = 24

// preview is the label of a send, recv or read of data: repr() of its
// first bytes, "…" after when there are more.
func preview(data []byte) string {
	if len(data) > previewLen {
		return py.BytesRepr(string(data[:previewLen])) + "…"
	}
	return py.BytesRepr(string(data))
}

// ephemeral returns a free ephemeral port.
func (n *network) ephemeral() int {
	for n.ports[n.nextPort] {
		n.nextPort++
	}
	p := n.nextPort
	n.nextPort++
	return p
}

// listen binds a listening socket to port (0: an ephemeral one); it
// reports false when the port is in use.
func (n *network) listen(port int) (*vsock, bool) {
	if port == 0 {
		port = n.ephemeral()
	}
	if n.ports[port] {
		return nil, false
	}
	s := n.newSock()
	s.port = port
	s.listening = true
	n.ports[port] = true
	n.listeners[port] = s
	n.emit(s, "listen", 0, addrLabel(port))
	return s, true
}

// connect starts a non-blocking connect to 127.0.0.1:port (connect()
// returns EINPROGRESS): the handshake completes at once, or the socket
// gets ECONNREFUSED.
func (n *network) connect(host string, port int) *vsock {
	c := n.newSock()
	c.port = n.ephemeral()
	c.ephemeral = true
	n.ports[c.port] = true
	c.peerPort = port
	lst := n.listeners[port]
	if host != "127.0.0.1" || lst == nil || lst.closed {
		c.connErr = errnoConnRefused
		n.emit(c, "connect", 0, "refused "+host+":"+strconv.Itoa(port))
		n.event(c, evRead|evWrite)
		return c
	}
	srv := n.newSock()
	srv.port = port
	srv.peerPort = c.port
	srv.peer, c.peer = c, srv
	srv.connected, c.connected = true, true
	n.emit(c, "connect", 0, addrLabel(port))
	n.event(c, evWrite)
	lst.accepts = append(lst.accepts, srv)
	n.event(lst, evRead)
	return c
}

// accept takes the next connection from a listener's queue (nil: none).
func (n *network) accept(lst *vsock) *vsock {
	if len(lst.accepts) == 0 {
		return nil
	}
	s := lst.accepts[0]
	lst.accepts[0] = nil
	lst.accepts = lst.accepts[1:]
	n.emitRef(s, "accept", 0, addrLabel(s.peerPort), s.peer.id, lst.id)
	return s
}

// space is how many more bytes send() takes now.
func (s *vsock) space() int {
	if p := s.peer; p != nil && !p.closed {
		return max(0, sockCap-len(p.inbuf))
	}
	return sockCap
}

// send delivers data to the peer's receive queue, as much as there is
// space for; it returns how many bytes it took (0: EAGAIN) and an errno,
// or 0.
func (n *network) send(s *vsock, data []byte) (int, int) {
	if s.dead {
		e := s.sockErr
		s.sockErr = 0
		if e == 0 {
			e = errnoPipe
		}
		return 0, e
	}
	k := min(len(data), s.space())
	if k == 0 {
		return 0, 0
	}
	n.emit(s, "send", k, preview(data[:k]))
	p := s.peer
	if p == nil || p.closed {
		// The peer's socket is gone: its kernel answers with a reset.
		n.reset(s)
		return k, 0
	}
	p.inbuf = append(p.inbuf, data[:k]...)
	n.event(p, evRead)
	return k, 0
}

// reset is a RST arriving at s: the receive queue is dropped, the next
// send or recv fails with EPIPE when s had the peer's EOF (CLOSE_WAIT),
// else ECONNRESET, and later ones see EOF (recv) or EPIPE (send).
func (n *network) reset(s *vsock) {
	if s.dead || s.closed {
		return
	}
	s.dead = true
	s.sockErr = errnoConnReset
	if s.eof {
		s.sockErr = errnoPipe
	}
	s.inbuf = nil
	s.peer = nil
	n.emit(s, "reset", 0, "")
	n.event(s, evRead|evWrite)
}

// recv takes up to max bytes from the receive queue: data, or nil at EOF
// (or none yet); an errno for a pending error.
func (n *network) recv(s *vsock, max int) ([]byte, int) {
	// tcp_recvmsg: queued data first, then EOF once the peer's FIN came
	// (SOCK_DONE), only then a pending error.
	if e := s.sockErr; e != 0 && len(s.inbuf) == 0 && !s.eof {
		s.sockErr = 0
		return nil, e
	}
	k := len(s.inbuf)
	if k > max {
		k = max
	}
	data := append([]byte(nil), s.inbuf[:k]...)
	s.inbuf = s.inbuf[k:]
	if len(s.inbuf) == 0 {
		s.inbuf = nil
	}
	n.emit(s, "recv", k, preview(data))
	if p := s.peer; p != nil && k > 0 {
		n.event(p, evWrite) // room in the peer's send buffer
	}
	return data, 0
}

// shutdown is shutdown(SHUT_WR): the peer gets EOF. A reset socket is
// not connected any more (ENOTCONN).
func (n *network) shutdown(s *vsock) int {
	if s.dead {
		return errnoNotConn
	}
	n.emit(s, "shutdown", 0, "")
	if p := s.peer; p != nil && !p.closed {
		p.eof = true
		n.event(p, evRead)
	}
	return 0
}

// close closes the socket: the peer gets EOF, or a reset when data was
// left unread here; a listener's queued connections are reset.
func (n *network) close(s *vsock) {
	if s.closed {
		return
	}
	n.unregister(s)
	s.closed = true
	n.emit(s, "close", 0, "")
	if s.listening {
		delete(n.listeners, s.port)
		delete(n.ports, s.port)
		for _, c := range s.accepts {
			if p := c.peer; p != nil {
				n.reset(p)
			}
		}
		s.accepts = nil
	} else {
		if s.ephemeral {
			delete(n.ports, s.port)
		}
		if p := s.peer; p != nil && !p.closed {
			if len(s.inbuf) > 0 {
				n.reset(p) // unread data: Linux sends RST, not FIN
			} else {
				p.eof = true
				p.peer = nil
				n.event(p, evRead)
			}
		}
		s.peer = nil
		s.inbuf = nil
	}
}

// readyMask is what the socket is ready for now (before masking).
func (s *vsock) readyMask() int {
	if s.closed {
		return 0
	}
	if s.connErr != 0 || s.dead {
		return evRead | evWrite
	}
	if s.listening {
		if len(s.accepts) > 0 {
			return evRead
		}
		return 0
	}
	m := 0
	if len(s.inbuf) > 0 || s.eof {
		m |= evRead
	}
	if s.connected && s.space() > 0 {
		m |= evWrite
	}
	return m
}

// registered is the mask the selector watches the socket for.
func (s *vsock) registered() int {
	m := 0
	if s.reader != nil {
		m |= evRead
	}
	if s.writer != nil {
		m |= evWrite
	}
	return m
}

// polled is what select reports for the socket: an error is reported
// whatever the mask.
func (s *vsock) polled() int {
	reg := s.registered()
	if reg == 0 {
		return 0
	}
	if s.connErr != 0 || s.dead {
		return evRead | evWrite // EPOLLERR, EPOLLHUP: both, in selectors
	}
	return s.readyMask() & reg
}

// event is the epoll wakeup callback: what happened on s (ev) links it at
// the tail of the ready list if it watches for it.
func (n *network) event(s *vsock, ev int) {
	reg := s.registered()
	if s.connErr != 0 || s.dead {
		ev |= evRead | evWrite // EPOLLERR and EPOLLHUP are always watched
	}
	if s.linked || reg&ev == 0 {
		return
	}
	s.linked = true
	n.ready = append(n.ready, s)
}

// watch links s when it is registered while already ready (epoll_ctl ADD
// or MOD).
func (n *network) watch(s *vsock) {
	if !s.linked && s.polled() != 0 {
		s.linked = true
		n.ready = append(n.ready, s)
	}
}

// unregister removes s from the selector (epoll_ctl DEL, or close).
func (n *network) unregister(s *vsock) {
	n.removeReader(s)
	n.removeWriter(s)
	n.unlink(s)
}

func (n *network) unlink(s *vsock) {
	if !s.linked {
		return
	}
	s.linked = false
	for i, x := range n.ready {
		if x == s {
			copy(n.ready[i:], n.ready[i+1:])
			n.ready[len(n.ready)-1] = nil
			n.ready = n.ready[:len(n.ready)-1]
			return
		}
	}
}

// addReader is loop._add_reader(fd, callback): fn runs when s is readable.
func (n *network) addReader(s *vsock, name string, fn py.Value) *Handle {
	h := &Handle{id: n.loop.m.NewID(), loop: n.loop, op: opPy, fn: fn, name: name}
	if s.reader != nil {
		s.reader.Cancel()
	}
	had := s.registered()
	s.reader = h
	if had&evRead == 0 {
		n.emit(s, "register", 0, "read")
		n.watch(s)
	}
	return h
}

// addWriter is loop._add_writer(fd, callback).
func (n *network) addWriter(s *vsock, name string, fn py.Value) *Handle {
	h := &Handle{id: n.loop.m.NewID(), loop: n.loop, op: opPy, fn: fn, name: name}
	if s.writer != nil {
		s.writer.Cancel()
	}
	had := s.registered()
	s.writer = h
	if had&evWrite == 0 {
		n.emit(s, "register", 0, "write")
		n.watch(s)
	}
	return h
}

// removeReader is loop._remove_reader(fd); it reports whether a reader
// was registered.
func (n *network) removeReader(s *vsock) bool {
	if s.reader == nil {
		return false
	}
	s.reader.Cancel()
	s.reader = nil
	n.emit(s, "unregister", 0, "read")
	if s.registered() == 0 {
		n.unlink(s)
	}
	return true
}

// removeWriter is loop._remove_writer(fd).
func (n *network) removeWriter(s *vsock) bool {
	if s.writer == nil {
		return false
	}
	s.writer.Cancel()
	s.writer = nil
	n.emit(s, "unregister", 0, "write")
	if s.registered() == 0 {
		n.unlink(s)
	}
	return true
}

// netReady reports whether select would report a socket now: the loop's
// select then does not wait.
func (l *Loop) netReady() bool {
	n := l.net
	if n == nil {
		return false
	}
	for _, s := range n.ready {
		if s.polled() != 0 {
			return true
		}
	}
	return false
}

// processNetEvents is select's socket events followed by
// _process_events: the callbacks of the ready sockets join the ready
// queue in the ready list's order, reader before writer.
func (l *Loop) processNetEvents() {
	n := l.net
	if n == nil || len(n.ready) == 0 {
		return
	}
	kept := n.ready[:0]
	var events []*vsock
	var masks []int
	for _, s := range n.ready {
		ev := s.polled()
		if ev == 0 {
			s.linked = false
			continue
		}
		kept = append(kept, s)
		events = append(events, s)
		masks = append(masks, ev)
	}
	for i := len(kept); i < len(n.ready); i++ {
		n.ready[i] = nil
	}
	n.ready = kept
	for i, s := range events {
		ev := masks[i]
		if ev&evRead != 0 && s.reader != nil {
			n.emit(s, "ready", 0, "read")
			l.push(s.reader)
		}
		if ev&evWrite != 0 && s.writer != nil {
			n.emit(s, "ready", 0, "write")
			l.push(s.writer)
		}
	}
}
