package logging

import (
	"loopscope/scenes/python/py"
)

func bound(name string, recv py.Value, fn func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error)) *py.Builtin {
	return py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		return fn(t, args, kw)
	}).BindTo(recv)
}

func oneArg(fname string, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if len(kw) > 0 || len(args) != 1 {
		return nil, py.Errorf(py.TypeErrorType, "%s() takes exactly one argument (%d given)", fname, len(args)+len(kw))
	}
	return args[0], nil
}

// Attr returns the logger's attributes and methods.
func (l *Logger) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "name":
		return py.Str(l.Name), nil
	case "level":
		return py.Int(l.Level), nil
	case "propagate":
		return py.Bool(l.Propagate), nil
	case "disabled":
		return py.Bool(l.Disabled), nil
	case "handlers":
		return l.Handlers, nil
	case "parent":
		if p := l.parent(); p != nil {
			return p, nil
		}
		return py.None, nil
	case "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log":
		level := map[string]int{"debug": 10, "info": 20, "warning": 30, "warn": 30, "error": 40, "exception": 40, "critical": 50, "fatal": 50, "log": -1}[name]
		return bound(name, l, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return l.logCall(t, name, level, args, kw)
		}), nil
	case "setLevel":
		return bound(name, l, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("setLevel", args, kw, []string{"level"}, 1)
			if err != nil {
				return nil, err
			}
			lv, err := checkLevel(a[0])
			if err != nil {
				return nil, err
			}
			l.Level = lv
			return py.None, nil
		}), nil
	case "getEffectiveLevel":
		return bound(name, l, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			return py.Int(l.effectiveLevel()), nil
		}), nil
	case "isEnabledFor":
		return bound(name, l, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			v, err := oneArg(name, args, kw)
			if err != nil {
				return nil, err
			}
			lv, ok := v.(py.Int)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "'<' not supported between instances of '%s' and 'int'", v.Type().Name)
			}
			return py.Bool(l.enabledFor(int(lv))), nil
		}), nil
	case "addHandler", "removeHandler":
		return bound(name, l, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			v, err := oneArg(name, args, kw)
			if err != nil {
				return nil, err
			}
			h, ok := v.(*Handler)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "%s() wants a logging handler, not %s", name, v.Type().Name)
			}
			at := -1
			for i, x := range l.Handlers.Elems {
				if x == py.Value(h) {
					at = i
				}
			}
			if name == "addHandler" && at < 0 {
				l.Handlers.Elems = append(l.Handlers.Elems, h)
			}
			if name == "removeHandler" && at >= 0 {
				l.Handlers.Elems = append(l.Handlers.Elems[:at:at], l.Handlers.Elems[at+1:]...)
			}
			return py.None, nil
		}), nil
	case "hasHandlers":
		return bound(name, l, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if err := py.NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			for c := l; c != nil; c = c.parent() {
				if len(c.Handlers.Elems) > 0 {
					return py.True, nil
				}
				if !c.Propagate {
					break
				}
			}
			return py.False, nil
		}), nil
	case "getChild":
		return bound(name, l, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			v, err := oneArg(name, args, kw)
			if err != nil {
				return nil, err
			}
			s, ok := v.(py.Str)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "getChild() wants a str, not %s", v.Type().Name)
			}
			if l.root {
				return l.st.getLogger(string(s)), nil
			}
			return l.st.getLogger(l.Name + "." + string(s)), nil
		}), nil
	}
	return nil, nil
}

// SetAttr sets level, propagate or disabled.
func (l *Logger) SetAttr(t *py.Thread, name string, v py.Value) error {
	switch name {
	case "propagate":
		l.Propagate = py.Truth(v)
	case "disabled":
		l.Disabled = py.Truth(v)
	case "level":
		lv, err := checkLevel(v)
		if err != nil {
			return err
		}
		l.Level = lv
	default:
		return py.Errorf(py.AttributeErrorType, "'%s' object attribute '%s' cannot be set in scenes", l.Type().Name, name)
	}
	return nil
}

// Repr is "<Logger app (INFO)>".
func (l *Logger) Repr(t *py.Thread) (string, error) {
	return "<" + l.Type().Name + " " + l.Name + " (" + levelName(l.effectiveLevel()) + ")>", nil
}

// Attr returns the handler's level and its setters.
func (h *Handler) Attr(t *py.Thread, name string) (py.Value, error) {
	switch name {
	case "level":
		return py.Int(h.Level), nil
	case "formatter":
		if h.Formatter == nil {
			return py.None, nil
		}
		return h.Formatter, nil
	case "stream":
		if h.Stream == nil {
			return py.None, nil
		}
		return h.Stream, nil
	case "setLevel":
		return bound(name, h, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("setLevel", args, kw, []string{"level"}, 1)
			if err != nil {
				return nil, err
			}
			lv, err := checkLevel(a[0])
			if err != nil {
				return nil, err
			}
			h.Level = lv
			return py.None, nil
		}), nil
	case "setFormatter":
		return bound(name, h, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			v, err := oneArg(name, args, kw)
			if err != nil {
				return nil, err
			}
			switch f := v.(type) {
			case *Formatter:
				h.Formatter = f
			case py.NoneType:
				h.Formatter = nil
			default:
				return nil, py.Errorf(py.TypeErrorType, "setFormatter() wants a logging.Formatter, not %s", v.Type().Name)
			}
			return py.None, nil
		}), nil
	case "flush", "close":
		return bound(name, h, func(t *py.Thread, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			return py.None, py.NoArgs(name, args, kw)
		}), nil
	}
	return nil, nil
}

// Repr is "<StreamHandler <stderr> (NOTSET)>".
func (h *Handler) Repr(t *py.Thread) (string, error) {
	if h.null {
		return "<NullHandler (" + levelName(h.Level) + ")>", nil
	}
	name := "<stderr>"
	if h.Stream != nil {
		if n, err := py.GetAttr(t, h.Stream, "name"); err == nil {
			if s, err := py.ToStr(t, n); err == nil {
				name = s
			}
		}
	}
	return "<StreamHandler " + name + " (" + levelName(h.Level) + ")>", nil
}
