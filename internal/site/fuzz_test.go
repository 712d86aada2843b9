package site

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// FuzzServe sends the site arbitrary requests, as a client's bytes read
// by net/http: any method, request target, Accept-Encoding, If-None-Match
// and Range. Whatever comes, the answer is one of 200, 304, 404 or 405;
// a 200 is a file of the site whose body decodes to the file, in a coding
// the client accepts; a 304 or an error has no Content-Encoding; and
// every answer says nosniff. Seeds: below and testdata/fuzz/FuzzServe.
//
//	go test -run '^$' -fuzz '^FuzzServe$' ./internal/site
func FuzzServe(f *testing.F) {
	s, _ := newTestSite(f)
	etags := map[string]bool{}
	for _, file := range s.Files() {
		for _, enc := range []string{"", "gzip", "br"} {
			etags[`"`+file.etag+enc+`"`] = true
		}
	}
	for _, seed := range []struct{ method, target, accept, inm, rng string }{
		{"GET", "/", "gzip, br", "", ""},
		{"GET", "/main.wasm", "br;q=1, gzip;q=0.5", "", "bytes=0-99"},
		{"HEAD", "/app.js", "", "*", ""},
		{"GET", "/main.wasm", "gzip", `W/"x", "y"`, ""},
		{"GET", "/%2e%2e/go.mod", "identity;q=0", "", "bytes=-5"},
		{"POST", "/index.html?x=1#y", "*", "", ""},
		{"GET", "http://example.com/style.css", "BR", "", "bytes=5-1"},
		{"GET", "/?embed", "gzip", "", ""},
		{"GET", "/stage.html?v=1&size=2&embed", "", "", ""},
	} {
		f.Add(seed.method, seed.target, seed.accept, seed.inm, seed.rng)
	}
	f.Fuzz(func(t *testing.T, method, target, accept, inm, rng string) {
		raw := method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: " + accept +
			"\r\nIf-None-Match: " + inm + "\r\nRange: " + rng + "\r\n\r\n"
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
		if err != nil {
			return // net/http refuses it before any handler sees it
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		resp := rec.Result()
		body, _ := io.ReadAll(resp.Body)
		h := resp.Header
		if h.Get("X-Content-Type-Options") != "nosniff" && resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
			t.Errorf("%q: no nosniff", raw)
		}
		enc := h.Get("Content-Encoding")
		switch resp.StatusCode {
		case http.StatusOK:
		case http.StatusNotModified:
			if enc != "" || len(body) != 0 || !etags[h.Get("ETag")] || h.Get("Content-Security-Policy") != wantCSP(req) {
				t.Fatalf("%q: 304 with Content-Encoding %q, %d bytes, ETag %q", raw, enc, len(body), h.Get("ETag"))
			}
			return
		case http.StatusNotFound, http.StatusMethodNotAllowed:
			if enc != "" || bytes.Contains(body, []byte("module loopscope")) {
				t.Fatalf("%q: %d with Content-Encoding %q, body %q", raw, resp.StatusCode, enc, body)
			}
			return
		default:
			t.Fatalf("%q: status %d", raw, resp.StatusCode)
		}
		// A 200: the file the path names exactly, whole (Range is not
		// served), in a coding the client accepts.
		name := strings.TrimPrefix(req.URL.Path, "/")
		if name == "" {
			name = "index.html"
		}
		file, ok := s.File(name)
		if !ok {
			t.Fatalf("%q: 200 for %q, not a file of the site", raw, name)
		}
		if enc != "" && !acceptedEncodings(accept)[enc] {
			t.Fatalf("%q: Content-Encoding %q, which the client did not accept", raw, enc)
		}
		if h.Get("Content-Type") != file.Type || h.Get("Content-Security-Policy") != wantCSP(req) || !etags[h.Get("ETag")] {
			t.Fatalf("%q: headers %v", raw, h)
		}
		if req.Method == http.MethodHead {
			if len(body) != 0 {
				t.Fatalf("%q: HEAD with a body", raw)
			}
			return
		}
		if h.Get("Content-Length") != strconv.Itoa(len(body)) {
			t.Fatalf("%q: Content-Length %q for %d bytes", raw, h.Get("Content-Length"), len(body))
		}
		var dec []byte
		switch enc {
		case "":
			dec = body
		case "gzip":
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			dec, err = io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
		case "br":
			dec, err = io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
			if err != nil {
				t.Fatal(err)
			}
		default:
			t.Fatalf("%q: Content-Encoding %q", raw, enc)
		}
		if !bytes.Equal(dec, file.Data) {
			t.Fatalf("%q: the body is not %s", raw, name)
		}
	})
}

// wantCSP is the policy a response to req must carry: only ?embed lets
// another site frame the page.
func wantCSP(req *http.Request) string {
	if req.URL.Query().Has("embed") {
		return EmbedCSP
	}
	return HeaderCSP
}
