// Command loopscope is a playground that shows Python's asyncio running.
//
// Usage:
//
//	go run .                  build the WebAssembly module and serve the page on 127.0.0.1:8080
//	go run . -addr HOST:PORT  serve somewhere else
//	go run . build DIR        write the playground as a static site into DIR
//	go run . build DIR -scenes COURSE   ... with a teacher's own scenes (-scenes works when serving too)
//	go run . run FILE.py      print what CPython would print
//	go run . trace FILE.py    print the trace as JSON lines
//	go run . scenes           list the built-in scenes
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"loopscope/internal/site"
	"loopscope/scenes"
	"loopscope/web"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 {
		switch args[0] {
		case "run":
			os.Exit(runCmd(args[1:], os.Stdout, os.Stderr))
		case "trace":
			os.Exit(traceCmd(args[1:], os.Stdout, os.Stderr))
		case "scenes":
			os.Exit(scenesCmd(args[1:]))
		case "build":
			os.Exit(buildCmd(args[1:], os.Stdout, os.Stderr))
		case "serve":
			args = args[1:]
		case "help", "-h", "-help", "--help":
			usage(os.Stdout)
			os.Exit(0)
		}
	}
	os.Exit(serveCmd(args, os.Stdout, os.Stderr))
}

func usage(w io.Writer) {
	fmt.Fprint(w, `loopscope: watch Python's asyncio run.

usage:
  loopscope [-addr HOST:PORT] [-scenes COURSE]
                                build the module and serve the playground (default 127.0.0.1:8080)
  loopscope build DIR [-scenes COURSE]
                                write the playground as a static site into DIR
                                (-scenes adds a teacher's scene folders: see the README)
  loopscope run FILE.py         print what CPython would print
  loopscope trace FILE.py       print the scene's trace as JSON lines
  loopscope scenes              list the built-in scenes
`)
}

// assemble builds (or finds in the cache) the module and puts the site
// together, with a teacher's scenes (course) after the built-in ones.
func assemble(log io.Writer, course []scenes.Scene) (*site.Site, *site.Module, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil, err
	}
	root, err := site.FindRoot(wd)
	if err != nil {
		return nil, nil, err
	}
	m, err := site.BuildModule(root, log)
	if err != nil {
		return nil, nil, err
	}
	s, err := site.New(web.Files, m, course...)
	if err != nil {
		return nil, nil, err
	}
	return s, m, nil
}

// dirList is a flag given once per folder (-scenes A -scenes B).
type dirList []string

func (d *dirList) String() string { return strings.Join(*d, ", ") }

func (d *dirList) Set(v string) error {
	if v == "" {
		return fmt.Errorf("want a folder")
	}
	*d = append(*d, v)
	return nil
}

// loadCourse reads a teacher's scene folders (the -scenes flags) and
// checks them as the build will, before the module is built: each scene
// loads (scenes.LoadCourse), runs within the page's budgets and its notes
// follow the run (site.Data). It reports a problem itself, naming the
// file, line and column, and returns ok=false.
func loadCourse(cmd string, dirs []string, stderr io.Writer) (course []scenes.Scene, ok bool) {
	for _, dir := range dirs {
		info, err := os.Stat(dir)
		if err == nil && !info.IsDir() {
			err = errors.New("not a folder: -scenes names a folder of scene folders, or one scene folder")
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if err != nil {
			fmt.Fprintf(stderr, "loopscope %s: -scenes %s: %v\n", cmd, dir, err)
			return nil, false
		}
		c, err := scenes.LoadCourse(os.DirFS(dir), dir)
		if err != nil {
			fmt.Fprintf(stderr, "loopscope %s: %v\n", cmd, err)
			return nil, false
		}
		course = append(course, c...)
	}
	if len(course) > 0 {
		if _, err := site.Data(0, "", course...); err != nil {
			fmt.Fprintf(stderr, "loopscope %s: %v\n", cmd, err)
			return nil, false
		}
	}
	return course, true
}

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loopscope", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { usage(stderr) }
	addr := fs.String("addr", "127.0.0.1:8080", "the address to serve on (HOST:PORT; loopback unless you say otherwise)")
	var dirs dirList
	fs.Var(&dirs, "scenes", "add a teacher's scenes: a `FOLDER` of scene folders (NN_topic: scene.py, notes.en.md and/or notes.ko.md), or one scene folder; repeat for more")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "loopscope: unknown command %q\n", fs.Arg(0))
		usage(stderr)
		return 2
	}
	course, ok := loadCourse("serve", dirs, stderr)
	if !ok {
		return 1
	}
	// Listen first, so a port in use is reported before a 30-second build.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "loopscope: cannot listen on %s: %v (choose another with -addr)\n", *addr, unwrapListen(err))
		return 1
	}
	defer ln.Close()
	s, m, err := assemble(stdout, course)
	if err != nil {
		fmt.Fprintf(stderr, "loopscope: %v\n", err)
		return 1
	}
	if f, ok := s.File(site.WasmName); ok {
		fmt.Fprintf(stdout, "module %s: %.2f MB, %.2f MB gzip, %.2f MB brotli%s\n", m.Hash[:12],
			float64(len(f.Data))/1e6, float64(len(f.Gzip))/1e6, float64(len(f.Brotli))/1e6, map[bool]string{true: " (cached)"}[m.Cached])
	}
	srv := site.NewServer(s)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	ifaces, _ := net.InterfaceAddrs() // on failure, the loopback address alone
	announce(stdout, stderr, ln.Addr(), ifaces)
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "loopscope: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	stop()
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	fmt.Fprintln(stdout, "loopscope: stopped")
	return 0
}

// unwrapListen drops the "listen tcp ADDR:" prefix net adds.
func unwrapListen(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		var sys *os.SyscallError
		if errors.As(op.Err, &sys) {
			return sys.Err
		}
		return op.Err
	}
	return err
}

// announce prints where the playground can be opened, and warns on
// stderr when other machines can open it too.
func announce(stdout, stderr io.Writer, a net.Addr, ifaces []net.Addr) {
	urls, public := serveURLs(a, ifaces)
	if public {
		fmt.Fprintf(stderr, "loopscope: warning: %s is not a loopback address, so other machines on your network can open the playground"+
			" (-addr 127.0.0.1:PORT keeps it to this machine)\n", a)
	}
	fmt.Fprintf(stdout, "loopscope: serving on %s (Ctrl+C to stop)\n", urls[0])
	for _, u := range urls[1:] {
		fmt.Fprintf(stdout, "loopscope:        and on %s\n", u)
	}
}

// serveURLs returns the URLs a browser can open for a server listening
// on a, given this machine's interface addresses: a wildcard address
// (0.0.0.0, ::) listens on every interface of its family (:: on IPv4's
// too), so each of them is listed, the loopback first. public reports
// that machines other than this one can connect. IPv6 link-local
// addresses are left out: a browser needs their zone to use them.
func serveURLs(a net.Addr, ifaces []net.Addr) (urls []string, public bool) {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return []string{"http://" + a.String() + "/"}, false
	}
	url := func(ip net.IP) string { return "http://" + net.JoinHostPort(ip.String(), port) + "/" }
	ip := net.ParseIP(host)
	if ip == nil {
		return []string{"http://" + a.String() + "/"}, false
	}
	if !ip.IsUnspecified() {
		return []string{url(ip)}, !ip.IsLoopback()
	}
	onlyV4 := ip.To4() != nil
	var loop, other []string
	for _, ia := range ifaces {
		n, ok := ia.(*net.IPNet)
		if !ok || (onlyV4 && n.IP.To4() == nil) || n.IP.IsLinkLocalUnicast() && n.IP.To4() == nil {
			continue
		}
		if n.IP.IsLoopback() {
			loop = append(loop, url(n.IP))
		} else {
			other = append(other, url(n.IP))
		}
	}
	if len(loop) == 0 {
		loop = []string{url(net.IPv4(127, 0, 0, 1))}
	}
	return append(loop, other...), true
}

func buildCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: loopscope build DIR [-scenes FOLDER]...")
		fs.PrintDefaults()
	}
	var dirs dirList
	fs.Var(&dirs, "scenes", "add a teacher's scenes: a `FOLDER` of scene folders (NN_topic: scene.py, notes.en.md and/or notes.ko.md), or one scene folder; repeat for more")
	// Flags before or after DIR.
	if err := fs.Parse(args); err != nil {
		return 2
	}
	rest := fs.Args()
	if len(rest) > 1 {
		if err := fs.Parse(rest[1:]); err != nil {
			return 2
		}
		rest = append(rest[:1], fs.Args()...)
	}
	if len(rest) != 1 || rest[0] == "" {
		fs.Usage()
		return 2
	}
	dir := rest[0]
	// Before the build: a directory inside the source tree is refused.
	if wd, err := os.Getwd(); err == nil {
		if root, err := site.FindRoot(wd); err == nil {
			if err := site.CheckBuildDir(root, dir); err != nil {
				fmt.Fprintf(stderr, "loopscope build: %v\n", err)
				return 2
			}
		}
	}
	// A teacher's scenes are checked before the module is built (seconds,
	// not the build's half minute); nothing is written unless they pass.
	course, ok := loadCourse("build", dirs, stderr)
	if !ok {
		return 1
	}
	s, _, err := assemble(stdout, course)
	if err != nil {
		fmt.Fprintf(stderr, "loopscope: %v\n", err)
		return 1
	}
	if err := s.WriteDir(dir); err != nil {
		fmt.Fprintf(stderr, "loopscope: writing %s: %v\n", dir, err)
		return 1
	}
	abs, _ := filepath.Abs(dir)
	fmt.Fprintf(stdout, "loopscope: wrote the playground to %s\nserve it with any static file server, e.g. python3 -m http.server -d %s\n", abs, dir)
	for _, sc := range course {
		fmt.Fprintf(stdout, "loopscope: with %s from %s\n", sc.ID, sc.Dir)
	}
	return 0
}
