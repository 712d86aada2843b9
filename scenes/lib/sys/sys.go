// Package sys is the sys module of scenes: argv, exit, the standard
// streams' write and flush, getrecursionlimit and maxsize.
package sys

import (
	"unicode/utf8"

	"loopscope/scenes/asyncio"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

var spec = &modules.Spec{
	Name: "sys",
	Doc: "The parts of sys a scene uses: its arguments, exiting, and writing to the console. " +
		"sys.stdout is what print writes to; sys.stderr is shown apart, as a terminal shows it.",
	Members: []modules.Member{
		{Name: "argv", Doc: "The command line: a list holding the scene's file name."},
		{Name: "exit", Doc: "exit(status=None): raise SystemExit; uncaught, it ends the scene with that status and no traceback."},
		{Name: "getrecursionlimit", Doc: "The call depth at which RecursionError is raised (1000)."},
		{Name: "maxsize", Doc: "The largest index of a list: 2**63 - 1."},
		{Name: "stderr", Doc: "Standard error: write(s) and flush()."},
		{Name: "stdout", Doc: "Standard output, where print writes: write(s) and flush()."},
	},
}

func init() {
	py.RegisterModule(spec, newModule)
}

// StreamType is the type of sys.stdout and sys.stderr.
var StreamType = &py.Type{Name: "TextIOWrapper", Module: "_io", Base: py.ObjectType}

// Stream is sys.stdout or sys.stderr.
type Stream struct {
	name string // "<stdout>" or "<stderr>"
	err  bool
}

// Type returns StreamType.
func (*Stream) Type() *py.Type { return StreamType }

// Repr implements py.Reprer.
func (s *Stream) Repr(t *py.Thread) (string, error) {
	return "<_io.TextIOWrapper name='" + s.name + "' mode='w' encoding='utf-8'>", nil
}

// Attr implements py.HasAttrs: write, flush and name.
func (s *Stream) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "name":
		return py.Str(s.name), nil
	case "write":
		return &py.Builtin{Name: "write", Recv: s, Fn: func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(kw) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "TextIOWrapper.write() takes no keyword arguments")
			}
			if len(args) != 1 {
				return nil, py.Errorf(py.TypeErrorType, "TextIOWrapper.write() takes exactly one argument (%d given)", len(args))
			}
			str, ok := args[0].(py.Str)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "write() argument must be str, not %s", args[0].Type().Name)
			}
			if s.err {
				if m, ok := t.Host.(*asyncio.Machine); ok {
					m.WriteStderr(string(str))
				}
			} else {
				t.Host.Write(t, string(str))
			}
			return py.Int(utf8.RuneCountInString(string(str))), nil
		}}, nil
	case "flush":
		return &py.Builtin{Name: "flush", Recv: s, Fn: func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs("TextIOWrapper.flush", args, kw); err != nil {
				return nil, err
			}
			return py.None, nil
		}}, nil
	}
	return nil, nil
}

func newModule(h py.Host) (py.Value, error) {
	argv0 := "scene.py"
	if m, ok := h.(*asyncio.Machine); ok {
		argv0 = m.Filename()
	}
	return py.NewModule("sys", map[string]py.Value{
		"argv":   py.NewList([]py.Value{py.Str(argv0)}),
		"stdout": &Stream{name: "<stdout>"},
		"stderr": &Stream{name: "<stderr>", err: true},
		"exit": py.NewBuiltin("exit", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(kw) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "exit() takes no keyword arguments")
			}
			if len(args) > 1 {
				return nil, py.Errorf(py.TypeErrorType, "exit expected at most 1 argument, got %d", len(args))
			}
			return nil, py.NewException(py.SystemExitType, args...)
		}),
		"getrecursionlimit": py.NewBuiltin("getrecursionlimit", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs("getrecursionlimit", args, kw); err != nil {
				return nil, err
			}
			return py.Int(t.RecursionLimit()), nil
		}),
		"maxsize": py.Int(1<<63 - 1),
	}), nil
}
