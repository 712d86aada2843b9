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
		{Name: "platform", Doc: "\"linux\", the platform of the CPython scenes are checked against."},
		{Name: "version_info", Doc: "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0): compare it with a tuple, as sys.version_info >= (3, 11)."},
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
			if err := py.CheckEncodable(string(str)); err != nil {
				return nil, err
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
		"maxsize":      py.Int(1<<63 - 1),
		"platform":     py.Str("linux"),
		"version_info": &VersionInfo{items: Version},
	}), nil
}

// VersionInfoType is the type of sys.version_info.
var VersionInfoType = &py.Type{Name: "version_info", Module: "sys", Base: py.TupleType}

// VersionInfo is sys.version_info: CPython 3.11's, a tuple that also has
// its fields as attributes.
type VersionInfo struct{ items py.Tuple }

var versionFields = []string{"major", "minor", "micro", "releaselevel", "serial"}

// Version is the CPython version scenes follow (the reference of the tests).
var Version = py.Tuple{py.Int(3), py.Int(11), py.Int(7), py.Str("final"), py.Int(0)}

// Type returns VersionInfoType.
func (*VersionInfo) Type() *py.Type { return VersionInfoType }

// Repr is sys.version_info(major=3, minor=11, ...).
func (v *VersionInfo) Repr(t *py.Thread) (string, error) {
	s := "sys.version_info("
	for i, f := range versionFields {
		r, err := py.Repr(t, v.items[i])
		if err != nil {
			return "", err
		}
		if i > 0 {
			s += ", "
		}
		s += f + "=" + r
	}
	return s + ")", nil
}

// Attr implements py.HasAttrs: the fields.
func (v *VersionInfo) Attr(t *py.Thread, name string) (py.Value, error) {
	for i, f := range versionFields {
		if f == name {
			return v.items[i], nil
		}
	}
	return nil, nil
}

// GetItem indexes and slices as the tuple.
func (v *VersionInfo) GetItem(t *py.Thread, k py.Value) (py.Value, error) {
	return py.GetItem(t, v.items, k)
}

// Len implements py.Lenner.
func (v *VersionInfo) Len() int { return len(v.items) }

// Iter implements py.Iterable.
func (v *VersionInfo) Iter(t *py.Thread) (py.Iterator, error) { return py.GetIter(t, v.items) }

// Cmp implements py.Orderer: compared with a tuple as a tuple
// (sys.version_info >= (3, 11)).
func (v *VersionInfo) Cmp(t *py.Thread, b py.Value) (int, bool, error) {
	var other py.Tuple
	switch b := b.(type) {
	case py.Tuple:
		other = b
	case *VersionInfo:
		other = b.items
	default:
		return 0, false, nil
	}
	for i := 0; i < len(v.items) && i < len(other); i++ {
		eq, err := py.Equal(t, v.items[i], other[i])
		if err != nil || eq {
			if err != nil {
				return 0, true, err
			}
			continue
		}
		lt, err := py.Compare(t, py.OpLT, v.items[i], other[i])
		if err != nil {
			return 0, true, err
		}
		if lt {
			return -1, true, nil
		}
		return 1, true, nil
	}
	switch {
	case len(v.items) < len(other):
		return -1, true, nil
	case len(v.items) > len(other):
		return 1, true, nil
	}
	return 0, true, nil
}
