package main

import (
	"bytes"
	"net"
	"os"
	"slices"
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
	// A directory inside the source tree is refused before the build.
	before, _ := os.ReadFile("web/index.html")
	stderr.Reset()
	if code := buildCmd([]string{"web"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "web is inside loopscope's source tree") {
		t.Errorf("build web: exit %d, %q", code, stderr.String())
	}
	if after, _ := os.ReadFile("web/index.html"); !bytes.Equal(before, after) {
		t.Error("build web changed web/index.html")
	}
}

func TestServeURLs(t *testing.T) {
	ifaces := []net.Addr{
		&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
		&net.IPNet{IP: net.ParseIP("::1"), Mask: net.CIDRMask(128, 128)},
		&net.IPNet{IP: net.ParseIP("192.168.1.5"), Mask: net.CIDRMask(24, 32)},
		&net.IPNet{IP: net.ParseIP("2001:db8::5"), Mask: net.CIDRMask(64, 128)},
		&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
	}
	for _, tc := range []struct {
		addr   string
		want   []string
		public bool
	}{
		{"127.0.0.1:9000", []string{"http://127.0.0.1:9000/"}, false},
		{"[::1]:9000", []string{"http://[::1]:9000/"}, false},
		{"192.168.1.5:80", []string{"http://192.168.1.5:80/"}, true},
		// Every interface of its family, the loopback first.
		{"0.0.0.0:8080", []string{"http://127.0.0.1:8080/", "http://192.168.1.5:8080/"}, true},
		{"[::]:8080", []string{"http://127.0.0.1:8080/", "http://[::1]:8080/", "http://192.168.1.5:8080/", "http://[2001:db8::5]:8080/"}, true},
	} {
		a, err := net.ResolveTCPAddr("tcp", tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		got, public := serveURLs(a, ifaces)
		if !slices.Equal(got, tc.want) || public != tc.public {
			t.Errorf("serveURLs(%s) = %q, public %v; want %q, public %v", tc.addr, got, public, tc.want, tc.public)
		}
	}
	// No interface known: the loopback address still works.
	a, _ := net.ResolveTCPAddr("tcp", "0.0.0.0:1")
	if got, _ := serveURLs(a, nil); !slices.Equal(got, []string{"http://127.0.0.1:1/"}) {
		t.Errorf("no interfaces: %q", got)
	}
}

func TestAnnounceWarnsWhenReachable(t *testing.T) {
	ifaces := []net.Addr{
		&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
		&net.IPNet{IP: net.ParseIP("10.0.0.7"), Mask: net.CIDRMask(8, 32)},
	}
	var stdout, stderr bytes.Buffer
	a, _ := net.ResolveTCPAddr("tcp", "0.0.0.0:8080")
	announce(&stdout, &stderr, a, ifaces)
	if !strings.Contains(stderr.String(), "warning: 0.0.0.0:8080 is not a loopback address") || !strings.Contains(stderr.String(), "other machines") {
		t.Errorf("0.0.0.0: stderr %q, want the warning", stderr.String())
	}
	if want := "loopscope: serving on http://127.0.0.1:8080/ (Ctrl+C to stop)\nloopscope:        and on http://10.0.0.7:8080/\n"; stdout.String() != want {
		t.Errorf("0.0.0.0: stdout %q, want %q", stdout.String(), want)
	}
	stdout.Reset()
	stderr.Reset()
	a, _ = net.ResolveTCPAddr("tcp", "127.0.0.1:8080")
	announce(&stdout, &stderr, a, ifaces)
	if stderr.Len() != 0 || stdout.String() != "loopscope: serving on http://127.0.0.1:8080/ (Ctrl+C to stop)\n" {
		t.Errorf("loopback: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
}

// TestBuildRefusesABadCourse: a teacher's scene with a mistake fails
// `loopscope build DIR -scenes COURSE` with the file, line and column,
// before the module is built, and nothing is written.
func TestBuildRefusesABadCourse(t *testing.T) {
	course := t.TempDir()
	if err := os.MkdirAll(course+"/22_mine", 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(course+"/22_mine/"+name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("scene.py", "import asyncio\n\nasync def main(:\n    pass\n")
	write("notes.ko.md", "# 제목\n\n소개.\n")
	out := t.TempDir() + "/site"
	for _, args := range [][]string{{out, "-scenes", course}, {"-scenes", course, out}} {
		var stdout, stderr bytes.Buffer
		code := buildCmd(args, &stdout, &stderr)
		if want := course + "/22_mine/scene.py:3:16: invalid syntax"; code != 1 || !strings.Contains(stderr.String(), want) {
			t.Errorf("build %q: exit %d, stderr %q, want 1 and %q", args, code, stderr.String(), want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("build %q wrote %s", args, out)
		}
	}
	write("scene.py", "import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n")
	var stdout, stderr bytes.Buffer
	code := buildCmd([]string{out, "-scenes", course}, &stdout, &stderr)
	if want := course + "/22_mine/notes.ko.md:1:1: the notes want an introduction"; code != 1 || !strings.Contains(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q, want 1 and %q", code, stderr.String(), want)
	}
	stderr.Reset()
	if code := buildCmd([]string{out, "-scenes", course + "/missing"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "-scenes "+course+"/missing: no such file or directory") {
		t.Errorf("a missing folder: exit %d, stderr %q", code, stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("build wrote %s", out)
	}
}
