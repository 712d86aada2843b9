package playback

import (
	"strings"

	"loopscope/scenes/trace"
)

// SocketRole is what a socket is to the scene.
type SocketRole uint8

// The socket roles.
const (
	SockListen SocketRole = iota // a server's listening socket (start_server)
	SockClient                   // a client's end of a connection (open_connection)
	SockServer                   // a server's end of a connection, from accept
)

// Selector interests and readiness, as selectors' EVENT_READ and
// EVENT_WRITE.
const (
	WatchRead  uint8 = 1
	WatchWrite uint8 = 2
)

// Socket is a socket of the virtual network: a listening socket, or one
// end of a connection. The bytes of a connection go from one end's Sent,
// through the peer's receive queue (InFlight), to the peer's Recvd and
// its StreamReader's buffer (Buffered), to the task that reads them.
type Socket struct {
	ID      int32
	Ord     int
	Role    SocketRole
	Addr    string // a listener's address; a client's: the address it connects to; a server end's: the client's
	Peer    int32  // the other end of the connection, once accepted
	Server  int32  // a server end: the listening socket that accepted it
	Task    int32  // the task holding its StreamReader and StreamWriter, 0 until known
	Watch   uint8  // what the selector watches it for (WatchRead, WatchWrite)
	Ready   uint8  // what the latest select found it ready for, in iteration ReadyIt
	ReadyIt int    // the loop iteration whose select found it ready
	Sent    int    // bytes sent
	Recvd   int    // bytes received from the network (into its StreamReader)
	Read    int    // bytes its StreamReader handed to the task
	Buffer  int    // bytes in its transport's write buffer: written, not yet taken by send()
	Paused  bool   // the buffer went over the high-water mark: drain() waits
	// The last data sent, received and read: repr() of its first bytes.
	LastSent, LastRecvd, LastRead string
	Accepts                       int  // a listener: connections accepted
	EOF                           bool // recv found the peer's end of data
	Shut                          bool // shutdown(): its sending side is closed
	Closed                        bool
	Reset                         bool // the connection was reset
	Refused                       bool // the connect was refused
	Changed                       int  // the event index of its last change
	Accepted                      int  // the event index it was accepted at (server end), or created at
}

// Socket returns the socket with the given id, or nil.
func (s *State) Socket(id int32) *Socket {
	if o := s.rec.obj(id); o.kind == objSocket && o.pos < len(s.Sockets) {
		return &s.Sockets[o.pos]
	}
	return nil
}

// ReadyNow reports what the select of the loop's current iteration found
// k ready for (0: nothing).
func (s *State) ReadyNow(k *Socket) uint8 {
	if k.ReadyIt == s.Loop.Iteration && s.Loop.Phase != trace.NoPhase {
		return k.Ready
	}
	return 0
}

// InFlight is how many bytes the peer sent that k has not received yet:
// its receive queue in the kernel.
func (s *State) InFlight(k *Socket) int {
	if p := s.Socket(k.Peer); p != nil && !k.Reset && !k.Closed {
		return max(0, p.Sent-k.Recvd)
	}
	return 0
}

// Buffered is how many received bytes wait in k's StreamReader for the
// task to read them.
func (k *Socket) Buffered() int { return max(0, k.Recvd-k.Read) }

// applySocket applies a socket event (trace.SocketOp) to s.
func (s *State) applySocket(e *trace.Event, i int) {
	o := s.rec.obj(e.ID)
	if o.kind != objSocket {
		return
	}
	if o.pos == len(s.Sockets) {
		s.Sockets = append(s.Sockets, Socket{ID: e.ID, Ord: o.pos, Accepted: i})
	}
	k := s.Socket(e.ID)
	if k == nil {
		return
	}
	k.Changed = i
	mask := WatchRead
	if e.Label == "write" {
		mask = WatchWrite
	}
	n := int(e.Num)
	switch e.Text {
	case "listen":
		k.Role, k.Addr = SockListen, e.Label
	case "connect":
		// The task that connects holds the streams open_connection returns.
		k.Role, k.Addr, k.Task = SockClient, e.Label, s.Loop.Task
		if a, ok := strings.CutPrefix(e.Label, "refused "); ok {
			k.Addr, k.Refused = a, true
		}
	case "accept":
		k.Role, k.Addr, k.Peer, k.Server = SockServer, e.Label, e.Ref, e.Cause
		if p := s.Socket(e.Ref); p != nil {
			p.Peer = e.ID
		}
		if l := s.Socket(e.Cause); l != nil {
			l.Accepts++
		}
	case "streams":
		k.Task = e.Ref
	case "register":
		k.Watch |= mask
	case "unregister":
		k.Watch &^= mask
	case "ready":
		if k.ReadyIt != s.Loop.Iteration {
			k.Ready, k.ReadyIt = 0, s.Loop.Iteration
		}
		k.Ready |= mask
	case "send":
		k.Sent += n
		k.LastSent = e.Label
	case "recv":
		k.Recvd += n
		if n == 0 {
			k.EOF = true
		} else {
			k.LastRecvd = e.Label
		}
	case "read":
		k.Read += n
		k.LastRead = e.Label
	case "buffer":
		k.Buffer = n
	case "pause", "resume":
		k.Paused = e.Text == "pause"
	case "shutdown":
		k.Shut = true
	case "reset":
		k.Reset = true
	case "close":
		k.Closed, k.Watch = true, 0
	}
}
