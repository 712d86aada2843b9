// Package logging is the logging module of scenes: loggers in a dotted
// hierarchy under the root logger, levels, basicConfig, stream handlers
// and %-style formatters, as CPython 3.11's logging writes them. A
// record's time (%(asctime)s, created, msecs) is the scene's wall clock
// (package wallclock); its thread is the scene's thread. Output goes to
// the scene's stderr (or to the stream a handler was given, sys.stdout).
package logging

import (
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"loopscope/scenes/lib/timefmt"
	"loopscope/scenes/lib/wallclock"
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

var spec = &modules.Spec{
	Name: "logging",
	Doc: "Loggers, levels and handlers as CPython's logging: basicConfig(level=, format=, datefmt=, stream=), " +
		"getLogger(name), the level methods with %-args, exception() with its traceback. Records are written to " +
		"stderr; %(asctime)s reads the scene's wall clock and %(threadName)s names the scene's thread. " +
		"Files are not available: basicConfig(filename=...) is refused.",
	Members: []modules.Member{
		{Name: "CRITICAL", Doc: "50."}, {Name: "DEBUG", Doc: "10."}, {Name: "ERROR", Doc: "40."},
		{Name: "FATAL", Doc: "50, as CRITICAL."}, {Name: "INFO", Doc: "20."}, {Name: "NOTSET", Doc: "0."},
		{Name: "WARN", Doc: "30, as WARNING."}, {Name: "WARNING", Doc: "30."},
		{Name: "BASIC_FORMAT", Doc: "basicConfig's default format, '%(levelname)s:%(name)s:%(message)s'."},
		{Name: "Formatter", Doc: "Formatter(fmt=None, datefmt=None, style='%'): how a handler writes a record."},
		{Name: "Handler", Doc: "The base class of handlers (isinstance checks only)."},
		{Name: "Logger", Doc: "The class of loggers; get one with getLogger(name)."},
		{Name: "NullHandler", Doc: "NullHandler(): a handler that writes nothing."},
		{Name: "StreamHandler", Doc: "StreamHandler(stream=None): writes records to stderr, or to stream (sys.stdout)."},
		{Name: "basicConfig", Doc: "basicConfig(level=, format=, datefmt=, style='%', stream=, handlers=, force=False): configure the root logger once."},
		{Name: "critical", Doc: "critical(msg, *args): log on the root logger at CRITICAL."},
		{Name: "debug", Doc: "debug(msg, *args): log on the root logger at DEBUG."},
		{Name: "disable", Doc: "disable(level=CRITICAL): drop every record at or below level."},
		{Name: "error", Doc: "error(msg, *args): log on the root logger at ERROR."},
		{Name: "exception", Doc: "exception(msg, *args): log at ERROR with the traceback of the exception being handled."},
		{Name: "fatal", Doc: "fatal(msg, *args): as critical."},
		{Name: "getLevelName", Doc: "getLevelName(level): 'INFO' for 20, 20 for 'INFO', 'Level 15' for 15."},
		{Name: "getLogger", Doc: "getLogger(name=None): the logger called name (dotted names form a hierarchy), or the root logger."},
		{Name: "info", Doc: "info(msg, *args): log on the root logger at INFO."},
		{Name: "log", Doc: "log(level, msg, *args): log on the root logger at level."},
		{Name: "root", Doc: "The root logger."},
		{Name: "warn", Doc: "warn(msg, *args): as warning."},
		{Name: "warning", Doc: "warning(msg, *args): log on the root logger at WARNING."},
	},
}

const basicFormat = "%(levelname)s:%(name)s:%(message)s"

// The types of the module's objects.
var (
	LoggerType        = &py.Type{Name: "Logger", Module: "logging", Base: py.ObjectType}
	RootLoggerType    = &py.Type{Name: "RootLogger", Module: "logging", Base: LoggerType}
	HandlerType       = &py.Type{Name: "Handler", Module: "logging", Base: py.ObjectType}
	StreamHandlerType = &py.Type{Name: "StreamHandler", Module: "logging", Base: HandlerType}
	NullHandlerType   = &py.Type{Name: "NullHandler", Module: "logging", Base: HandlerType}
	FormatterType     = &py.Type{Name: "Formatter", Module: "logging", Base: py.ObjectType}
)

var levelNames = map[int]string{50: "CRITICAL", 40: "ERROR", 30: "WARNING", 20: "INFO", 10: "DEBUG", 0: "NOTSET"}

var nameLevels = map[string]int{"CRITICAL": 50, "FATAL": 50, "ERROR": 40, "WARN": 30, "WARNING": 30, "INFO": 20, "DEBUG": 10, "NOTSET": 0}

func levelName(l int) string {
	if n, ok := levelNames[l]; ok {
		return n
	}
	return "Level " + strconv.Itoa(l)
}

// checkLevel is logging._checkLevel: an int, or a level's name.
func checkLevel(v py.Value) (int, error) {
	switch x := v.(type) {
	case py.Int:
		return int(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case py.Str:
		if l, ok := nameLevels[string(x)]; ok {
			return l, nil
		}
		return 0, py.Errorf(py.ValueErrorType, "Unknown level: %s", py.StrRepr(string(x)))
	}
	r, _ := py.Repr(nil, v)
	return 0, py.Errorf(py.TypeErrorType, "Level not an integer or a valid string: %s", r)
}

// state is one run's logging: the loggers by name and the root.
type state struct {
	root    *Logger
	loggers map[string]*Logger
	disable int
	// host's stderr writer
	lastResort *Handler
}

// Logger is a logging.Logger.
type Logger struct {
	st        *state
	Name      string
	Level     int
	Propagate bool
	Disabled  bool
	Handlers  *py.List
	root      bool
}

// Type returns LoggerType, or RootLoggerType for the root.
func (l *Logger) Type() *py.Type {
	if l.root {
		return RootLoggerType
	}
	return LoggerType
}

// Handler is a StreamHandler or a NullHandler.
type Handler struct {
	Level     int
	Formatter *Formatter // nil: the default
	Stream    py.Value   // nil: stderr
	null      bool
}

// Type returns the handler's class.
func (h *Handler) Type() *py.Type {
	if h.null {
		return NullHandlerType
	}
	return StreamHandlerType
}

// Formatter is a logging.Formatter (%-style).
type Formatter struct {
	Fmt     string
	Datefmt string // "" : ISO-like with milliseconds
}

// Type returns FormatterType.
func (*Formatter) Type() *py.Type { return FormatterType }

func init() {
	py.RegisterModule(spec, newModule)
}

func newModule(h py.Host) (py.Value, error) {
	st := &state{loggers: map[string]*Logger{}}
	st.root = &Logger{st: st, Name: "root", Level: 30, Propagate: true, Handlers: py.NewList(nil), root: true}
	st.lastResort = &Handler{Level: 30}
	if m, ok := h.(interface{ OnNewLoop(func(*py.Thread)) }); ok {
		// asyncio's BaseSelectorEventLoop.__init__ logs its selector.
		m.OnNewLoop(func(t *py.Thread) {
			_, _ = st.getLogger("asyncio").logCall(t, "debug", 10, []py.Value{py.Str("Using selector: %s"), py.Str("EpollSelector")}, nil)
		})
	}
	levelFn := func(name string, level int) *py.Builtin {
		return py.NewBuiltin(name, func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(st.root.Handlers.Elems) == 0 {
				if err := st.basicConfig(t, nil); err != nil {
					return nil, err
				}
			}
			return st.root.logCall(t, name, level, args, kw)
		})
	}
	StreamHandlerType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := py.ParseArgs("StreamHandler", args, kw, []string{"stream"}, 0)
		if err != nil {
			return nil, err
		}
		h := &Handler{}
		if a[0] != nil && a[0] != py.None {
			h.Stream = a[0]
		}
		return h, nil
	}
	NullHandlerType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		if err := py.NoArgs("NullHandler", args, kw); err != nil {
			return nil, err
		}
		return &Handler{null: true}, nil
	}
	FormatterType.New = func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
		a, err := py.ParseArgs("Formatter", args, kw, []string{"fmt", "datefmt", "style", "validate"}, 0)
		if err != nil {
			return nil, err
		}
		return newFormatter(a[0], a[1], a[2], "%(message)s")
	}
	return py.NewModule("logging", map[string]py.Value{
		"CRITICAL": py.Int(50), "FATAL": py.Int(50), "ERROR": py.Int(40), "WARNING": py.Int(30),
		"WARN": py.Int(30), "INFO": py.Int(20), "DEBUG": py.Int(10), "NOTSET": py.Int(0),
		"BASIC_FORMAT":  py.Str(basicFormat),
		"Formatter":     FormatterType,
		"Handler":       HandlerType,
		"Logger":        LoggerType,
		"NullHandler":   NullHandlerType,
		"StreamHandler": StreamHandlerType,
		"root":          st.root,
		"basicConfig": py.NewBuiltin("basicConfig", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(args) > 0 {
				return nil, py.Errorf(py.TypeErrorType, "basicConfig() takes 0 positional arguments but %d were given", len(args))
			}
			return py.None, st.basicConfig(t, kw)
		}),
		"getLogger": py.NewBuiltin("getLogger", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("getLogger", args, kw, []string{"name"}, 0)
			if err != nil {
				return nil, err
			}
			if a[0] == nil || a[0] == py.None {
				return st.root, nil
			}
			name, ok := a[0].(py.Str)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "A logger name must be a string")
			}
			if name == "" || name == "root" {
				return st.root, nil
			}
			return st.getLogger(string(name)), nil
		}),
		"getLevelName": py.NewBuiltin("getLevelName", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("getLevelName", args, kw, []string{"level"}, 1)
			if err != nil {
				return nil, err
			}
			switch x := a[0].(type) {
			case py.Int:
				return py.Str(levelName(int(x))), nil
			case py.Str:
				if l, ok := nameLevels[string(x)]; ok && string(x) != "FATAL" && string(x) != "WARN" {
					return py.Int(l), nil
				}
				return py.Str("Level " + string(x)), nil
			}
			s, err := py.ToStr(t, a[0])
			return py.Str("Level " + s), err
		}),
		"disable": py.NewBuiltin("disable", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("disable", args, kw, []string{"level"}, 0)
			if err != nil {
				return nil, err
			}
			st.disable = 50
			if a[0] != nil {
				if st.disable, err = checkLevel(a[0]); err != nil {
					return nil, err
				}
			}
			return py.None, nil
		}),
		"debug":     levelFn("debug", 10),
		"info":      levelFn("info", 20),
		"warning":   levelFn("warning", 30),
		"warn":      levelFn("warn", 30),
		"error":     levelFn("error", 40),
		"exception": levelFn("exception", 40),
		"critical":  levelFn("critical", 50),
		"fatal":     levelFn("fatal", 50),
		"log":       levelFn("log", -1),
	}), nil
}

func newFormatter(fmtv, datefmt, style py.Value, def string) (*Formatter, error) {
	f := &Formatter{Fmt: def}
	if fmtv != nil && fmtv != py.None {
		s, ok := fmtv.(py.Str)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "the format must be a string")
		}
		f.Fmt = string(s)
	}
	if datefmt != nil && datefmt != py.None {
		s, ok := datefmt.(py.Str)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "the date format must be a string")
		}
		f.Datefmt = string(s)
	}
	if style != nil {
		s, _ := style.(py.Str)
		switch s {
		case "%":
		case "{", "$":
			return nil, py.Errorf(py.ValueErrorType, "only style='%%' formats are supported in scenes, not style=%s", py.StrRepr(string(s)))
		default:
			return nil, py.Errorf(py.ValueErrorType, "Style must be one of: %%,{,$")
		}
	}
	if !strings.Contains(f.Fmt, "%(") {
		return nil, py.Errorf(py.ValueErrorType, "Invalid format '%s' for '%%' style", f.Fmt)
	}
	return f, nil
}

// basicConfig is logging.basicConfig(**kwargs).
func (st *state) basicConfig(t *py.Thread, kw []py.Kwarg) error {
	opts := map[string]py.Value{}
	for _, k := range kw {
		opts[k.Name] = k.Value
	}
	force := opts["force"] != nil && py.Truth(opts["force"])
	delete(opts, "force")
	if force {
		st.root.Handlers.Elems = nil
	}
	if len(st.root.Handlers.Elems) > 0 {
		return nil
	}
	if _, ok := opts["filename"]; ok {
		return py.Errorf(py.ValueErrorType, "scenes cannot write files: leave out filename= and the records go to stderr")
	}
	var handlers []py.Value
	if hs, ok := opts["handlers"]; ok && hs != py.None {
		if _, ok := opts["stream"]; ok {
			return py.Errorf(py.ValueErrorType, "'stream' and 'handlers' should not be specified together")
		}
		if err := py.Iterate(t, hs, func(v py.Value) error { handlers = append(handlers, v); return nil }); err != nil {
			return err
		}
	} else {
		h := &Handler{}
		if s, ok := opts["stream"]; ok && s != py.None {
			h.Stream = s
		}
		handlers = []py.Value{h}
	}
	delete(opts, "handlers")
	delete(opts, "stream")
	delete(opts, "filemode")
	f, err := newFormatter(opts["format"], opts["datefmt"], opts["style"], basicFormat)
	if err != nil {
		return err
	}
	for _, hv := range handlers {
		h, ok := hv.(*Handler)
		if !ok {
			return py.Errorf(py.TypeErrorType, "handlers must be logging handlers, not %s", hv.Type().Name)
		}
		if h.Formatter == nil {
			h.Formatter = f
		}
		st.root.Handlers.Elems = append(st.root.Handlers.Elems, h)
	}
	if lv, ok := opts["level"]; ok {
		l, err := checkLevel(lv)
		if err != nil {
			return err
		}
		st.root.Level = l
	}
	for _, k := range []string{"format", "datefmt", "style", "level"} {
		delete(opts, k)
	}
	if len(opts) > 0 {
		var names []string
		for _, k := range kw {
			if _, left := opts[k.Name]; left {
				names = append(names, k.Name)
			}
		}
		return py.Errorf(py.ValueErrorType, "Unrecognised argument(s): %s", strings.Join(names, ", "))
	}
	return nil
}

func (st *state) getLogger(name string) *Logger {
	if l, ok := st.loggers[name]; ok {
		return l
	}
	l := &Logger{st: st, Name: name, Propagate: true, Handlers: py.NewList(nil)}
	st.loggers[name] = l
	return l
}

// parent is the nearest existing ancestor by dotted name, or the root.
func (l *Logger) parent() *Logger {
	if l.root {
		return nil
	}
	name := l.Name
	for {
		i := strings.LastIndexByte(name, '.')
		if i < 0 {
			return l.st.root
		}
		name = name[:i]
		if p, ok := l.st.loggers[name]; ok {
			return p
		}
	}
}

func (l *Logger) effectiveLevel() int {
	for c := l; c != nil; c = c.parent() {
		if c.Level != 0 {
			return c.Level
		}
	}
	return 0
}

func (l *Logger) enabledFor(level int) bool {
	if l.Disabled || level <= l.st.disable {
		return false
	}
	return level >= l.effectiveLevel()
}

// logCall is logger.debug(msg, *args, exc_info=None, stack_info=False,
// stacklevel=1, extra=None) and its siblings; level -1 is log(level, ...).
func (l *Logger) logCall(t *py.Thread, name string, level int, args []py.Value, kw []py.Kwarg) (py.Value, error) {
	if level < 0 {
		if len(args) == 0 {
			return nil, py.Errorf(py.TypeErrorType, "log() missing 2 required positional arguments: 'level' and 'msg'")
		}
		lv, ok := args[0].(py.Int)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "level must be an integer")
		}
		level, args = int(lv), args[1:]
	}
	if len(args) == 0 {
		return nil, py.Errorf(py.TypeErrorType, "%s() missing 1 required positional argument: 'msg'", name)
	}
	var excInfo py.Value = py.None
	if name == "exception" {
		excInfo = py.True
	}
	var extra py.Value
	for _, k := range kw {
		switch k.Name {
		case "exc_info":
			excInfo = k.Value
		case "extra":
			extra = k.Value
		case "stack_info", "stacklevel":
		default:
			return nil, py.Errorf(py.TypeErrorType, "Logger.%s() got an unexpected keyword argument '%s'", name, k.Name)
		}
	}
	if !l.enabledFor(level) {
		return py.None, nil
	}
	rec, err := l.makeRecord(t, level, args[0], py.Tuple(args[1:]), excInfo, extra)
	if err != nil {
		return nil, err
	}
	return py.None, l.handle(t, rec)
}

// record is a LogRecord: its attributes as the formatter reads them.
type record struct {
	attrs *py.Dict
	level int
	exc   *py.Exception
	// noExc: exc_info was asked for outside any except block, which
	// CPython prints as "NoneType: None".
	noExc bool
}

func (l *Logger) makeRecord(t *py.Thread, level int, msg py.Value, args py.Tuple, excInfo, extra py.Value) (*record, error) {
	h, err := wallclock.Of(t)
	if err != nil {
		return nil, err
	}
	created := h.WallTime()
	d := py.NewDict()
	set := func(k string, v py.Value) { d.SetStr(k, v) }
	// A single mapping argument formats as %(key)s.
	var argv py.Value = args
	if len(args) == 1 {
		if m, ok := args[0].(*py.Dict); ok && m.Len() > 0 {
			argv = m
		}
	}
	file := ""
	if m, ok := t.Host.(interface{ Filename() string }); ok {
		file = m.Filename()
	}
	line, fn := 0, "<module>"
	if st := t.Stack(); len(st) > 0 {
		top := st[len(st)-1]
		line, fn = top.Line, top.Function
		if top.File != "" {
			file = top.File
		}
	}
	base := path.Base(file)
	set("name", py.Str(l.Name))
	set("msg", msg)
	set("args", argv)
	set("levelname", py.Str(levelName(level)))
	set("levelno", py.Int(level))
	set("pathname", py.Str(file))
	set("filename", py.Str(base))
	set("module", py.Str(strings.TrimSuffix(base, ".py")))
	set("exc_info", py.None)
	set("exc_text", py.None)
	set("stack_info", py.None)
	set("lineno", py.Int(line))
	set("funcName", py.Str(fn))
	set("created", py.Float(created))
	set("msecs", py.Float(float64(int64((created-math.Trunc(created))*1000))))
	set("relativeCreated", py.Float((created-h.WallStart())*1000))
	set("thread", py.Int(t.Ident))
	set("threadName", py.Str(t.Name))
	set("processName", py.Str("MainProcess"))
	rec := &record{attrs: d, level: level}
	switch x := excInfo.(type) {
	case *py.Exception:
		rec.exc = x
	default:
		if py.Truth(excInfo) {
			rec.exc = t.HandledException()
			rec.noExc = rec.exc == nil
		}
	}
	if extra != nil && extra != py.None {
		m, ok := extra.(*py.Dict)
		if !ok {
			return nil, py.Errorf(py.TypeErrorType, "extra must be a dict")
		}
		for _, it := range m.Items() {
			k, _ := it[0].(py.Str)
			if k == "message" || k == "asctime" {
				return nil, py.Errorf(py.KeyErrorType, "\"Attempt to overwrite %s in LogRecord\"", py.StrRepr(string(k)))
			}
			if _, exists := d.GetStr(string(k)); exists {
				return nil, py.Errorf(py.KeyErrorType, "\"Attempt to overwrite %s in LogRecord\"", py.StrRepr(string(k)))
			}
			if err := d.SetItem(t, it[0], it[1]); err != nil {
				return nil, err
			}
		}
	}
	return rec, nil
}

// handle passes the record to the handlers of the logger and its
// ancestors (while they propagate); with none anywhere, to the last
// resort (WARNING and up, the message alone, on stderr).
func (l *Logger) handle(t *py.Thread, rec *record) error {
	found := 0
	for c := l; c != nil; c = c.parent() {
		for _, hv := range c.Handlers.Elems {
			h := hv.(*Handler)
			found++
			if rec.level >= h.Level {
				if err := h.emit(t, rec); err != nil {
					return err
				}
			}
		}
		if !c.Propagate {
			break
		}
	}
	if found == 0 && rec.level >= l.st.lastResort.Level {
		return l.st.lastResort.emit(t, rec)
	}
	return nil
}

// emit formats the record and writes it, with a newline.
func (h *Handler) emit(t *py.Thread, rec *record) error {
	if h.null {
		return nil
	}
	f := h.Formatter
	if f == nil {
		f = &Formatter{Fmt: "%(message)s"}
	}
	s, err := f.format(t, rec)
	if err != nil {
		exc, ok := err.(*py.Exception)
		if !ok {
			return err
		}
		// Handler.handleError: the record is dropped, the error reported.
		return write(t, nil, "--- Logging error ---\n"+formatTraceback(t, exc)+"Message: "+reprOr(t, rec, "msg")+"\nArguments: "+reprOr(t, rec, "args")+"\n")
	}
	return write(t, h.Stream, s+"\n")
}

func reprOr(t *py.Thread, rec *record, key string) string {
	v, _ := rec.attrs.GetStr(key)
	s, err := py.Repr(t, v)
	if err != nil {
		return "?"
	}
	return s
}

func formatTraceback(t *py.Thread, exc *py.Exception) string {
	if f, ok := t.Host.(interface {
		FormatTraceback(*py.Exception) string
	}); ok {
		return f.FormatTraceback(exc)
	}
	return exc.Error() + "\n"
}

// write writes s to stream (its write method), or to the scene's stderr.
func write(t *py.Thread, stream py.Value, s string) error {
	if stream != nil {
		w, err := py.GetAttr(t, stream, "write")
		if err != nil {
			return err
		}
		_, err = t.Call(w, []py.Value{py.Str(s)}, nil)
		return err
	}
	if e, ok := t.Host.(interface{ WriteStderr(string) }); ok {
		e.WriteStderr(s)
	}
	return nil
}

// format is Formatter.format: the message, the time if the format uses
// it, the %-format over the record, then the exception's traceback.
func (f *Formatter) format(t *py.Thread, rec *record) (string, error) {
	msg, _ := rec.attrs.GetStr("msg")
	s, err := py.ToStr(t, msg)
	if err != nil {
		return "", err
	}
	args, _ := rec.attrs.GetStr("args")
	if py.Truth(args) {
		v, err := py.Binary(t, py.OpMod, py.Str(s), args)
		if err != nil {
			return "", err
		}
		s = string(v.(py.Str))
	}
	rec.attrs.SetStr("message", py.Str(s))
	if strings.Contains(f.Fmt, "%(asctime)") {
		at, err := f.formatTime(t, rec)
		if err != nil {
			return "", err
		}
		rec.attrs.SetStr("asctime", py.Str(at))
	}
	out, err := py.Binary(t, py.OpMod, py.Str(f.Fmt), rec.attrs)
	if err != nil {
		return "", err
	}
	text := string(out.(py.Str))
	if rec.exc != nil || rec.noExc {
		tb := "NoneType: None"
		if rec.exc != nil {
			tb = strings.TrimSuffix(formatTraceback(t, rec.exc), "\n")
		}
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		text += tb
	}
	return text, nil
}

// formatTime is Formatter.formatTime with time.localtime as converter.
func (f *Formatter) formatTime(t *py.Thread, rec *record) (string, error) {
	loc, err := wallclock.Location(t)
	if err != nil {
		return "", err
	}
	cv, _ := rec.attrs.GetStr("created")
	created := float64(cv.(py.Float))
	tm := timefmt.FromTime(time.Unix(int64(math.Floor(created)), 0).In(loc))
	if f.Datefmt != "" {
		return timefmt.Strftime(f.Datefmt, tm), nil
	}
	ms, _ := rec.attrs.GetStr("msecs")
	return timefmt.Strftime("%Y-%m-%d %H:%M:%S", tm) + "," + pad3(int(float64(ms.(py.Float)))), nil
}

func pad3(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}
