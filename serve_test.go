package main

import (
	"bytes"
	"net"
	"strings"
	"testing"
)

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var stdout, stderr bytes.Buffer
	code := serveCmd([]string{"-addr", ln.Addr().String()}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	msg := stderr.String()
	if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "cannot listen on "+ln.Addr().String()) || !strings.Contains(msg, "address already in use") {
		t.Errorf("stderr %q: want one line naming the address and the reason", msg)
	}
	if strings.Contains(msg, "goroutine") || stdout.Len() != 0 {
		t.Errorf("stdout %q, stderr %q", stdout.String(), msg)
	}
}

func TestServeUsageErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := serveCmd([]string{"nonsense"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), `unknown command "nonsense"`) {
		t.Errorf("serve nonsense: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := serveCmd([]string{"-addr"}, &stdout, &stderr); code != 2 {
		t.Errorf("serve -addr: exit %d", code)
	}
	stderr.Reset()
	if code := buildCmd(nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage: loopscope build DIR") {
		t.Errorf("build: exit %d, %q", code, stderr.String())
	}
}

func TestDisplayAddr(t *testing.T) {
	for in, want := range map[string]string{
		"0.0.0.0:8080":   "127.0.0.1:8080",
		"[::]:80":        "127.0.0.1:80",
		"127.0.0.1:9000": "127.0.0.1:9000",
		"[::1]:9000":     "[::1]:9000",
	} {
		a, err := net.ResolveTCPAddr("tcp", in)
		if err != nil {
			t.Fatal(err)
		}
		if got := displayAddr(a); got != want {
			t.Errorf("displayAddr(%s) = %s, want %s", in, got, want)
		}
	}
}
