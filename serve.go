// Command loopscope is a playground that shows Python's asyncio running.
//
// Usage:
//
//	go run .                  build the WebAssembly module and serve the page on 127.0.0.1:8080
//	go run . -addr HOST:PORT  serve somewhere else
//	go run . build DIR        write the playground as a static site into DIR
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
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"loopscope/internal/site"
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
  loopscope [-addr HOST:PORT]   build the module and serve the playground (default 127.0.0.1:8080)
  loopscope build DIR           write the playground as a static site into DIR
  loopscope run FILE.py         print what CPython would print
  loopscope trace FILE.py       print the scene's trace as JSON lines
  loopscope scenes              list the built-in scenes
`)
}

// assemble builds (or finds in the cache) the module and puts the site
// together.
func assemble(log io.Writer) (*site.Site, *site.Module, error) {
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
	s, err := site.New(web.Files, m)
	if err != nil {
		return nil, nil, err
	}
	return s, m, nil
}

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loopscope", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { usage(stderr) }
	addr := fs.String("addr", "127.0.0.1:8080", "the address to serve on (HOST:PORT; loopback unless you say otherwise)")
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
	// Listen first, so a port in use is reported before a 30-second build.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "loopscope: cannot listen on %s: %v (choose another with -addr)\n", *addr, unwrapListen(err))
		return 1
	}
	defer ln.Close()
	s, m, err := assemble(stdout)
	if err != nil {
		fmt.Fprintf(stderr, "loopscope: %v\n", err)
		return 1
	}
	if f, ok := s.File(site.WasmName); ok {
		fmt.Fprintf(stdout, "module %s: %.2f MB, %.2f MB gzip, %.2f MB brotli%s\n", m.Hash[:12],
			float64(len(f.Data))/1e6, float64(len(f.Gzip))/1e6, float64(len(f.Brotli))/1e6, map[bool]string{true: " (cached)"}[m.Cached])
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "loopscope: serving on http://%s/ (Ctrl+C to stop)\n", displayAddr(ln.Addr()))
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

// displayAddr is the address to print: a wildcard host shows as the
// loopback address, which a browser on this machine can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

func buildCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || args[0] == "" || args[0][0] == '-' {
		fmt.Fprintln(stderr, "usage: loopscope build DIR")
		return 2
	}
	dir := args[0]
	s, _, err := assemble(stdout)
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
	return 0
}
