package asyncio

import (
	"strconv"
	"strings"

	"loopscope/scenes/python/py"
)

// StdlibDir is where the engine says CPython's standard library is, in the
// few messages that name one of its files: Debian's python3.11, the
// reference interpreter for FastAPI scenes.
const StdlibDir = "/usr/lib/python3.11"

// handleRunLine is asyncio/events.py's Handle._run line 80 in CPython
// 3.11.7, the Python frame that runs every task step and every callback:
// what CPython names when something dies as one of them ends.
const (
	handleRunLine   = 80
	handleRunSource = "self._context.run(self._callback, *self._args)"
)

// StdlibSource returns the source line of CPython's standard library that
// the engine's messages quote (file under StdlibDir), stripped, or "".
func StdlibSource(file string, line int) string {
	if file == StdlibDir+"/asyncio/events.py" && line == handleRunLine {
		return handleRunSource
	}
	return ""
}

// NeverAwaited implements py.NeverAwaitedReporter: what CPython's
// warnings module writes when a coroutine that never ran is destroyed,
//
//	scene.py:7: RuntimeWarning: coroutine 'f' was never awaited
//	  f()
//	RuntimeWarning: Enable tracemalloc to get the object allocation traceback
//
// once per (file, line, message), as the default warning filter shows it.
// A coroutine dropped when a task step or a callback ends names asyncio's
// events.py, as CPython does; elsewhere outside the scene (a worker
// thread's first frame) CPython would name threading's or
// concurrent.futures' own files, which the engine does not write.
func (m *Machine) NeverAwaited(t *py.Thread, w py.NeverAwaited) {
	file, line, src := m.cfg.Filename, w.Line, ""
	m.note(nil, Note{Kind: NoteNeverAwaited, Line: w.Line, Text: w.QualName})
	if w.Outside {
		if th := ThreadOf(t); th == nil || th.loop == nil {
			return
		}
		file, line, src = StdlibDir+"/asyncio/events.py", handleRunLine, handleRunSource
	} else if m.cfg.SourceLine != nil {
		src = strings.TrimSpace(m.cfg.SourceLine(line))
	}
	m.Warn(file, line, "RuntimeWarning", "coroutine '"+w.QualName+"' was never awaited", src, true)
}

// Warn writes a warning as warnings.showwarning formats it, unless the
// same message was already shown for that file and line (the "default"
// action of the warning filters). src is the line's source, stripped;
// withSource adds the tracemalloc hint CPython adds when the warning names
// the object it is about.
func (m *Machine) Warn(file string, line int, category, message, src string, withSource bool) {
	key := file + "\x00" + strconv.Itoa(line) + "\x00" + category + "\x00" + message
	if m.warned == nil {
		m.warned = map[string]bool{}
	}
	if m.warned[key] {
		return
	}
	m.warned[key] = true
	var b strings.Builder
	b.WriteString(file + ":" + strconv.Itoa(line) + ": " + category + ": " + message + "\n")
	if src != "" {
		b.WriteString("  " + src + "\n")
	}
	if withSource {
		b.WriteString(category + ": Enable tracemalloc to get the object allocation traceback\n")
	}
	m.WriteStderr(b.String())
}
