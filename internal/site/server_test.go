package site

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"loopscope/web"
)

// startServer serves s with NewServer's settings, changed by adjust, on a
// loopback port, and stops it when the test ends.
func startServer(t *testing.T, h http.Handler, adjust func(*http.Server)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(h)
	adjust(srv)
	done := make(chan struct{})
	go func() { defer close(done); _ = srv.Serve(ln) }()
	t.Cleanup(func() { srv.Close(); <-done })
	return ln.Addr().String()
}

// closedByServer waits (generously) for the server to close c: a read
// that ends in EOF or a reset, not in the client's own deadline.
func closedByServer(c net.Conn, r io.Reader) error {
	_ = c.SetReadDeadline(time.Now().Add(20 * time.Second))
	_, err := io.Copy(io.Discard, r)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return errors.New("still open after 20 s")
	}
	return nil
}

func TestServerClosesIdleConnections(t *testing.T) {
	s, _ := newTestSite(t)
	addr := startServer(t, s, func(srv *http.Server) { srv.IdleTimeout = 200 * time.Millisecond })
	// Many keep-alive clients make one request each, then sit idle.
	const clients = 100
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for range clients {
		wg.Go(func() {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			if _, err := io.WriteString(c, "GET /app.js HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
				errs <- err
				return
			}
			br := bufio.NewReader(c)
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				errs <- err
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || resp.Close {
				errs <- errors.New("want a kept-alive 200, got " + resp.Status)
				return
			}
			if err := closedByServer(c, br); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// And the server still answers.
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("after the idle clients: %s", resp.Status)
	}
}

func TestServerClosesSlowRequests(t *testing.T) {
	s, _ := newTestSite(t)
	addr := startServer(t, s, func(srv *http.Server) { srv.ReadHeaderTimeout = 200 * time.Millisecond })
	// A client that connects and says nothing, and one that never finishes
	// its headers, are both dropped.
	for _, sent := range []string{"", "GET / HTTP/1.1\r\nHost: x\r\n"} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(c, sent); err != nil {
			t.Fatal(err)
		}
		if err := closedByServer(c, c); err != nil {
			t.Errorf("after sending %q: %v", sent, err)
		}
		c.Close()
	}
}

func TestServerLimitsHeaders(t *testing.T) {
	s, _ := newTestSite(t)
	addr := startServer(t, s, func(*http.Server) {})
	req, _ := http.NewRequest("GET", "http://"+addr+"/", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 2*MaxHeaderBytes))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("a %d-byte header: %s, want 431", 2*MaxHeaderBytes, resp.Status)
	}
}

func TestNewServerLimits(t *testing.T) {
	srv := NewServer(http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 {
		t.Errorf("a limit is unset: %+v", srv)
	}
	// The uncompressed module (about 18 MB) reaches a client on a 64 KB/s
	// link before the write deadline; a page file gets WriteTimeout.
	if d, need := WriteTime(18_000_000), 18_000_000*time.Second/(64<<10); d < need || d > 10*time.Minute {
		t.Errorf("WriteTime(18 MB) = %v, want at least %v and at most 10 minutes", d, need)
	}
	if d := WriteTime(10_000); d < WriteTimeout || d > WriteTimeout+time.Second {
		t.Errorf("WriteTime(10 KB) = %v", d)
	}
}

func TestServeSecurityHeaders(t *testing.T) {
	s, _ := newTestSite(t)
	for _, p := range []string{"/", "/app.js", "/main.wasm", "/style.css"} {
		resp := get(t, s, "GET", p, nil)
		if got := resp.Header.Get("Content-Security-Policy"); got != HeaderCSP {
			t.Errorf("GET %s: Content-Security-Policy %q", p, got)
		}
	}
	// ?embed: the page as a course page frames it, and its stage frame, may
	// be framed by any site; nothing else is relaxed.
	for _, p := range []string{"/?embed", "/index.html?embed=1", "/app.js?v=1&size=2&embed"} {
		resp := get(t, s, "GET", p, nil)
		if got := resp.Header.Get("Content-Security-Policy"); got != CSP || strings.Contains(got, "frame-ancestors") {
			t.Errorf("GET %s: Content-Security-Policy %q, want %q", p, got, CSP)
		}
	}
	for _, p := range []string{"/?embedded", "/?x=embed"} {
		if got := get(t, s, "GET", p, nil).Header.Get("Content-Security-Policy"); got != HeaderCSP {
			t.Errorf("GET %s: Content-Security-Policy %q", p, got)
		}
	}
	if !strings.Contains(HeaderCSP, "'wasm-unsafe-eval'") || strings.Contains(CSP, "'unsafe-inline'") || strings.Contains(CSP, "'unsafe-eval'") ||
		!strings.HasPrefix(CSP, "default-src 'none'") || !strings.Contains(HeaderCSP, "frame-ancestors 'self'") || strings.Contains(CSP, "frame-ancestors") {
		t.Errorf("CSP %q / %q", CSP, HeaderCSP)
	}
}

// TestPagesCarryTheCSP checks that every HTML file of the page has the
// policy in a <meta> element, so a static host applies it too, and has no
// inline script or style the policy would block.
func TestPagesCarryTheCSP(t *testing.T) {
	meta := `<meta http-equiv="Content-Security-Policy" content="` + CSP + `">`
	n := 0
	err := fs.WalkDir(web.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		n++
		b, err := fs.ReadFile(web.Files, p)
		if err != nil {
			return err
		}
		page := string(b)
		head, _, _ := strings.Cut(page, "</head>")
		if !strings.Contains(head, meta) {
			t.Errorf("%s: no %s in its head", p, meta)
		}
		if strings.Index(page, meta) > strings.Index(page, "<link") {
			t.Errorf("%s: the policy comes after the first resource", p)
		}
		for _, inline := range []string{"<style", " style=", "<script>", " onclick=", " onload=", "javascript:"} {
			if strings.Contains(page, inline) {
				t.Errorf("%s: %q, which the policy blocks", p, inline)
			}
		}
		return nil
	})
	if err != nil || n < 2 {
		t.Errorf("%d pages, %v", n, err)
	}
	// The real page assembles with the policy in place.
	m, _ := fakeModule(t)
	st, err := New(web.Files, m)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := st.File("index.html")
	if !strings.Contains(string(f.Data), meta) {
		t.Error("the assembled index.html lost its policy")
	}
}
