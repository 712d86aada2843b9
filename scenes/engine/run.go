package engine

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"loopscope/scenes/asyncio"
	_ "loopscope/scenes/lib" // every module scenes can import
	"loopscope/scenes/python/py"
	"loopscope/scenes/python/resolve"
	"loopscope/scenes/python/syntax"
)

// run is the pipeline behind Run: parse, check the subset, compile, run.
// A Go panic anywhere in it becomes an internal error that names the
// scene's position when one is known, never a Go stack dump.
func run(src []byte, opts Options) (res *Result) {
	defer func() {
		if r := recover(); r != nil {
			err := &Error{Kind: "internal", File: opts.Filename, Msg: fmt.Sprintf("internal error: %v", r)}
			if debugEngine {
				err.Msg += "\n" + string(debug.Stack())
			}
			res = &Result{ExitCode: ExitInternal, Err: err, Stderr: err.Error() + "\n"}
		}
	}()
	prog, file, refused := compile(src, opts.Filename)
	if refused != nil {
		return &Result{ExitCode: ExitRefused, Err: refused, Stderr: refused.Error() + "\n"}
	}
	b := opts.Budgets
	lines := strings.Split(string(src), "\n")
	r := asyncio.Run(prog, asyncio.Config{
		Traceback: func(e *py.Exception) string { return FormatTraceback(e, lines) },
		SourceLine: func(n int) string {
			if n >= 1 && n <= len(lines) {
				return lines[n-1]
			}
			return ""
		},
		Filename:       opts.Filename,
		Trace:          opts.Trace,
		TraceTo:        opts.TraceTo,
		MaxSteps:       b.MaxSteps,
		MaxVirtualTime: b.MaxVirtualTime,
		MaxEvents:      b.MaxEvents,
		MaxMemory:      b.MaxMemory,
		MaxDepth:       b.MaxDepth,
		Seed:           opts.Seed,
		SeedSet:        opts.SeedSet,
		WallClock:      opts.WallClock,
		Pause:          pauser(opts.Pause),
		Note:           opts.Note,
		LongStep:       opts.LongStep,
	})
	res = &Result{
		Stdout:    r.Stdout,
		Stderr:    r.Stderr,
		ExitCode:  r.ExitCode,
		Exited:    r.Exited,
		Trace:     r.Trace,
		FinalTime: r.FinalTime,
		File:      file,
	}
	for _, c := range r.Output {
		res.Output = append(res.Output, Chunk{Stderr: c.Stderr, Text: c.Text})
	}
	res.Lines = make([]Line, len(r.Lines))
	for i, l := range r.Lines {
		res.Lines[i] = Line{Time: l.Time, Text: l.Text}
	}
	switch {
	case r.Internal != nil:
		res.ExitCode = ExitInternal
		res.Err = &Error{Kind: "internal", File: opts.Filename, Msg: r.Internal.Error()}
		res.Stderr += res.Err.Error() + "\n"
	case r.Stop != nil:
		res.ExitCode = ExitStopped
		res.Err = &Error{Kind: r.Stop.Kind, Budget: r.Stop.Budget, File: opts.Filename, Line: r.Stop.Line, Col: r.Stop.Col, Msg: r.Stop.Msg}
		res.Stderr += res.Err.Error() + "\n"
	case r.Uncaught != nil:
		res.ExitCode = ExitUncaught
		res.Uncaught = r.Uncaught.Error()
		res.UncaughtAt = innermost(r.Uncaught, opts.Filename)
		res.Stderr += FormatTraceback(r.Uncaught, lines)
	}
	return res
}

// pauser adapts Options.Pause to the machine's hook.
func pauser(pause func(Progress) error) func(asyncio.Progress) error {
	if pause == nil {
		return nil
	}
	return func(p asyncio.Progress) error {
		return pause(Progress{Steps: p.Steps, Time: p.Time, Events: p.Events, Line: p.Line, Col: p.Col})
	}
}

// innermost returns where in file e was raised: the last frame of its
// traceback in that file.
func innermost(e *py.Exception, file string) Where {
	tb := e.Traceback()
	for i := len(tb) - 1; i >= 0; i-- {
		if fr := tb[i]; fr.File == file && fr.Line > 0 {
			return Where{Line: fr.Line, Col: fr.Col, EndLine: fr.EndLine, EndCol: fr.EndCol}
		}
	}
	return Where{}
}

// debugEngine adds the Go stack to internal errors (set by tests).
var debugEngine = false

// Compile parses src, checks it against the supported subset and compiles
// it. A scene that is refused gets the first error, at its line and column.
func Compile(src []byte, filename string) (*py.Program, *Error) {
	prog, _, err := compile(src, filename)
	return prog, err
}

// compile is Compile that returns the resolved syntax tree too.
func compile(src []byte, filename string) (*py.Program, *syntax.File, *Error) {
	f, err := syntax.Parse(filename, src)
	if err == nil {
		err = resolve.File(f)
	}
	var prog *py.Program
	if err == nil {
		prog, err = py.Compile(filename, f)
	}
	if err != nil {
		return nil, nil, refusal(filename, err)
	}
	return prog, f, nil
}

// refusal turns a parse, resolve or compile error into the first error
// that a learner should fix.
func refusal(filename string, err error) *Error {
	var list resolve.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		err = list[0]
	}
	var se *syntax.Error
	if errors.As(err, &se) {
		return &Error{Kind: "syntax", File: filename, Line: int(se.Pos.Line), Col: int(se.Pos.Col), Msg: se.Msg}
	}
	return &Error{Kind: "syntax", File: filename, Msg: err.Error()}
}

// FormatTraceback renders an uncaught exception as CPython prints it: the
// chain of causes and contexts first, then each exception's frames (the
// scene's own, with their source lines) and its last line; exception
// groups in CPython's boxed form. lines is the scene's source.
func FormatTraceback(e *py.Exception, lines []string) string {
	p := &tbPrinter{lines: lines, seen: map[*py.Exception]bool{}}
	p.format(e)
	return p.b.String()
}

func writeFrames(b *strings.Builder, tb []py.TracebackEntry, lines []string, indent string) {
	for _, fr := range tb {
		fmt.Fprintf(b, "%s  File \"%s\", line %d, in %s\n", indent, fr.File, fr.Line, fr.Function)
		if strings.HasPrefix(fr.File, asyncio.StdlibDir+"/") {
			if s := asyncio.StdlibSource(fr.File, fr.Line); s != "" {
				b.WriteString(indent + "    " + s + "\n")
			}
		} else if fr.Line >= 1 && fr.Line <= len(lines) {
			if s := strings.TrimSpace(lines[fr.Line-1]); s != "" {
				b.WriteString(indent + "    " + s + "\n")
				if c := carets(lines[fr.Line-1], fr); c != "" {
					b.WriteString(indent + "    " + c + "\n")
				}
			}
		}
	}
}
