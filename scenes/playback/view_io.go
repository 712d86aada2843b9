package playback

import (
	"sort"
	"strconv"
	"strings"

	"loopscope/scenes/trace"
)

// io lays out the I/O view under the banner (y is its foot): the
// selector with the sockets it watches, those the current iteration's
// select found ready lit; then each server with its connections, a
// connection being the task holding the client's end, a pipe each way
// with the bytes sent and those on their way, and the task holding the
// server's end.
func (l *layout) io(y float64) {
	u, s, sc := l.u, l.s, l.sc
	x, W := l.pad, sc.W-2*l.pad

	// The selector.
	var watched []*Socket
	ready := 0
	for k := range s.Sockets {
		if so := &s.Sockets[k]; so.Watch != 0 {
			watched = append(watched, so)
			if s.ReadyNow(so) != 0 {
				ready++
			}
		}
	}
	title := l.t(hSelector, itoa(len(watched)))
	if s.Loop.Phase != trace.NoPhase {
		title = l.t(hSelectorReady, itoa(len(watched)), itoa(ready), itoa(s.Loop.Iteration))
	}
	// Chips in up to two rows.
	cw := min(230*u, max(120*u, W/4-l.gap))
	cols := max(1, int((W+l.gap)/(cw+l.gap)))
	cw = (W - float64(cols-1)*l.gap) / float64(cols)
	rows := 1
	if len(watched) > cols {
		rows = 2
	}
	selH := l.title + float64(rows)*(l.chipH+4*u) - 4*u
	sec := l.section(title, x, y, W, selH)
	show := len(watched)
	if show > rows*cols {
		// Not room for all: those select found ready first.
		show = rows*cols - 1
		sort.SliceStable(watched, func(i, j int) bool { return s.ReadyNow(watched[i]) > s.ReadyNow(watched[j]) })
	}
	at := func(k int) (float64, float64) {
		return x + float64(k%cols)*(cw+l.gap), y + l.title + float64(k/cols)*(l.chipH+4*u)
	}
	for k, so := range watched[:show] {
		cx, cy := at(k)
		it := Item{Kind: KChip, Key: key(tagSock, so.ID), X: cx, Y: cy, W: cw, H: l.chipH, Tone: ToneWaiting, Parent: sec, Size: l.sc.Small}
		it.Text = Fit(l.sockName(so), cw-12*u, it.Size)
		sub := l.t(lWatch, l.rw(so.Watch))
		if r := s.ReadyNow(so); r != 0 {
			it.Tone, sub = ToneReady, l.t(lReadyFor, l.rw(r))
			it.Fresh = s.Event.Kind == trace.SocketOp && s.Event.ID == so.ID && s.Event.Text == "ready"
		}
		it.Sub = Fit(sub, cw-12*u, l.sc.Small)
		l.add(it)
	}
	if n := len(watched) - show; n > 0 {
		cx, cy := at(show)
		l.add(Item{Kind: KMore, X: cx, Y: cy, W: cw, H: l.chipH, Text: Fit(l.t(lMore, itoa(n)), cw-14*u, l.sc.Small), Size: l.sc.Small, Parent: sec})
	} else if len(watched) == 0 {
		l.add(Item{Kind: KLabel, X: x, Y: y + l.title, W: W, H: l.chipH, Text: Fit(l.t(lNoSockets), W, l.sc.Small), Size: l.sc.Small, Parent: sec})
	}
	y += selH + l.gap

	// Servers, each with the connections it accepted; then client ends
	// that no server here accepted (a refused connect).
	type group struct {
		title string
		ends  []*Socket // the server ends, or the lone client ends
	}
	var groups []group
	var lone []*Socket
	for k := range s.Sockets {
		so := &s.Sockets[k]
		switch {
		case so.Role == SockListen:
			m := hServer
			if so.Closed {
				m = hServerClosed
			}
			g := group{title: l.t(m, so.Addr, itoa(so.Accepts))}
			for j := range s.Sockets {
				if e := &s.Sockets[j]; e.Role == SockServer && e.Server == so.ID {
					g.ends = append(g.ends, e)
				}
			}
			groups = append(groups, g)
		case so.Role == SockClient && s.Socket(so.Peer) == nil:
			lone = append(lone, so)
		}
	}
	if len(lone) > 0 {
		groups = append(groups, group{title: l.t(hClients), ends: lone})
	}
	// A row per connection; on a narrow stage the ends go one above the
	// other, the pipes between them.
	lh := l.sc.Small * 1.4
	rowH, endH := l.cardH, l.cardH
	if W < 700*u {
		endH = 56 * u
		rowH = 2*endH + 4*lh + 4*u
	}
	for _, g := range groups {
		room := sc.H - l.pad - y - l.title
		if room < rowH {
			break
		}
		fit := max(1, int((room+6*u)/(rowH+6*u)))
		rows := max(1, min(len(g.ends), fit))
		ends := g.ends
		if len(ends) > rows {
			// Not room for all: the connection of the current event
			// first, then the open ones, the closed last; "+N more" in
			// the last row, or in the title when there is one row.
			rank := func(e *Socket) int {
				switch {
				case s.Event.Kind == trace.SocketOp && (s.Event.ID == e.ID || s.Event.ID == e.Peer):
					return 0
				case !e.Closed:
					return 1
				}
				return 2
			}
			ends = append([]*Socket(nil), ends...)
			sort.SliceStable(ends, func(i, j int) bool { return rank(ends[i]) < rank(ends[j]) })
			ends = ends[:max(1, rows-1)]
			if rows == 1 {
				g.title += l.t(lMoreConns, itoa(len(g.ends)-1))
			}
		}
		h := l.title + float64(rows)*(rowH+6*u) - 6*u
		sec := l.section(g.title, x, y, W, h)
		for k, e := range ends {
			l.conn(e, x, y+l.title+float64(k)*(rowH+6*u), W, rowH, endH, sec)
		}
		if n := len(g.ends) - len(ends); n > 0 && rows > 1 {
			l.add(Item{Kind: KMore, X: x, Y: y + l.title + float64(len(ends))*(rowH+6*u), W: W, H: rowH, Text: Fit(l.t(lMore, itoa(n)), W-14*u, l.sc.Small), Size: l.sc.Small, Parent: sec})
		}
		y += h + l.gap
	}
	l.ioArrows()
}

// conn lays out one connection in a row h high: the client's end, the
// pipes, the server's end (ends endH high: less than h when they go one
// above the other). e is the server's end, or a client end without one.
func (l *layout) conn(e *Socket, x, y, W, h, endH float64, sec int) {
	u, s := l.u, l.s
	cli, srv := e, (*Socket)(nil)
	if e.Role == SockServer {
		cli, srv = s.Socket(e.Peer), e
	}
	lh := l.sc.Small * 1.4
	cardW := min(300*u, (W-120*u)/2)
	px, pw, top := x+cardW+8*u, W-2*cardW-16*u, y+(h-4*lh)/2
	sx, sy := x+W-cardW, y
	down, up := "→ ", "← "
	if endH < h {
		cardW, px, pw, top = W, x, W, y+endH+2*u
		sx, sy = x, y+h-endH
		down, up = "↓ ", "↑ "
	}
	if cli != nil {
		l.end(cli, x, y, cardW, endH, sec)
	}
	if srv != nil {
		l.end(srv, sx, sy, cardW, endH, sec)
	}
	if cli == nil || srv == nil {
		return
	}
	// Two pipes, one each way, each a line of words over a bar: at the
	// sender's end what its transport still buffers (drain() waits while
	// it is over the high-water mark), at the receiver's end the bytes
	// on their way, in between the idle pipe.
	pipe := func(from, to *Socket, ty, by float64, arrow string, right bool) {
		words := l.t(lPipeNone)
		if from.Sent > 0 {
			words = l.t(lPipe, sizeText(from.Sent), from.LastSent)
		}
		l.add(Item{Kind: KLabel, X: px, Y: ty, W: pw, H: lh, Text: Fit(arrow+words, pw, l.sc.Small), Size: l.sc.Small, Parent: sec})
		// part adds a lit part of the bar, at the start or the end.
		x0, x1 := px, px+pw
		part := func(txt string, tone Tone, atEnd bool) {
			w := min((x1-x0)*0.5, max(pw*0.3, TextWidth(txt, l.sc.Small)+6*u))
			bx := x0
			if atEnd {
				bx = x1 - w
				x1 -= w
			} else {
				x0 += w
			}
			l.add(Item{Kind: KBar, X: bx, Y: by, W: w, H: lh, Tone: tone, Color: -1, Text: Fit(txt, w-4*u, l.sc.Small), Size: l.sc.Small, Parent: sec})
		}
		if b := from.Buffer; b > 0 {
			m := lBuffered
			if from.Paused {
				m = lDrainWaits
			}
			part(l.t(m, sizeText(b)), ToneCallback, !right)
		}
		if fly := s.InFlight(to); fly > 0 {
			part(l.t(lInFlight, sizeText(fly)), ToneReady, right)
		}
		thin := 4 * u
		l.add(Item{Kind: KBar, X: x0, Y: by + (lh-thin)/2, W: x1 - x0, H: thin, Tone: ToneIdle, Parent: sec})
	}
	if pw > 40*u {
		pipe(cli, srv, top, top+lh, down, true)
		pipe(srv, cli, top+3*lh, top+2*lh, up, false)
	}
}

// end lays out a connection's end as a card in its task's colour: the
// task holding its StreamReader and StreamWriter, which end it is, and
// where its bytes are.
func (l *layout) end(so *Socket, x, y, w, h float64, sec int) {
	u, s := l.u, l.s
	it := Item{Kind: KCard, Key: key(tagEnd, so.ID), X: x, Y: y, W: w, H: h, Tone: ToneWaiting, Color: -1, Parent: sec}
	title := l.t(lNoTask)
	if t := s.Task(so.Task); t != nil {
		title = t.Name + " " + ShortCoro(t.Coro)
		it.Color = t.Color
	}
	it.Text = Fit(title, w-16*u, l.sc.Font)
	it.Sub = Fit(l.sockName(so), w-16*u, l.sc.Small)
	var sub2 string
	switch {
	case so.Refused:
		sub2, it.Tone = l.t(lRefused), ToneFailed
	case so.Reset:
		sub2, it.Tone = l.t(lReset), ToneFailed
	case so.Closed:
		sub2, it.Tone = l.t(lClosed), ToneCancelled
	default:
		sub2 = l.t(lEndBytes, sizeText(so.Read), sizeText(so.Buffered()))
		if so.EOF {
			sub2 += " · EOF"
		}
		if s.ReadyNow(so) != 0 {
			it.Tone = ToneReady
		}
		if s.Event.Kind == trace.SocketOp && s.Event.ID == so.ID {
			it.Fresh = true
		}
	}
	it.Sub2 = Fit(sub2, w-16*u, l.sc.Small)
	l.add(it)
}

// sockName is what the I/O view calls a socket: a listening address, or
// a connection's end with the client's port that tells it apart.
func (l *layout) sockName(so *Socket) string {
	switch so.Role {
	case SockListen:
		return l.t(lSockListen, so.Addr)
	case SockServer:
		return l.t(lSockServer, port(so.Addr))
	}
	if p := l.s.Socket(so.Peer); p != nil {
		return l.t(lSockClient, port(p.Addr), so.Addr)
	}
	return strings.Replace(l.t(lSockClient, "", so.Addr), "  ", " ", 1) // not accepted yet: no port of its own shown
}

// sizeText is a number of bytes as the I/O view shows it: "5 B",
// "1.5 KiB", "64 KiB", "3.7 MiB".
func sizeText(n int) string {
	switch {
	case n < 1024:
		return itoa(n) + " B"
	case n < 10240:
		return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " KiB"
	case n < 1<<20:
		return itoa(n>>10) + " KiB"
	}
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
}

// port is ":8888" of "127.0.0.1:8888".
func port(addr string) string {
	if i := strings.LastIndexByte(addr, ':'); i >= 0 {
		return addr[i:]
	}
	return addr
}

// rw names a selector mask: "read", "write" or both.
func (l *layout) rw(m uint8) string {
	switch m {
	case WatchRead:
		return l.t(lRead)
	case WatchWrite:
		return l.t(lWrite)
	}
	return l.t(lRead) + ", " + l.t(lWrite)
}

// ioArrows draws the current event's cause and effect: bytes sent go
// from one end to the other, a socket found ready points at its end, an
// accepted connection comes out of its listening socket.
func (l *layout) ioArrows() {
	s := l.s
	e := &s.Event
	if s.Index < 0 || e.Kind != trace.SocketOp {
		return
	}
	find := func(k uint64) *Item {
		for i := range l.sc.Items {
			if l.sc.Items[i].Key == k {
				return &l.sc.Items[i]
			}
		}
		return nil
	}
	so := s.Socket(e.ID)
	if so == nil {
		return
	}
	switch e.Text {
	case "send":
		l.arrow(find(key(tagEnd, e.ID)), find(key(tagEnd, so.Peer)), ToneReady, e.Label)
	case "ready":
		m := WatchRead
		if e.Label == "write" {
			m = WatchWrite
		}
		l.arrow(find(key(tagSock, e.ID)), find(key(tagEnd, e.ID)), ToneReady, l.t(lReadyFor, l.rw(m)))
	case "accept":
		l.arrow(find(key(tagSock, e.Cause)), find(key(tagEnd, e.ID)), ToneCallback, "accept")
	}
}
