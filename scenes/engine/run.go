package engine

// run is the pipeline behind Run. Until the interpreter and the loop are
// wired in (they are being written in scenes/python and scenes/asyncio), it
// refuses every scene with an internal error rather than pretending.
func run(src []byte, opts Options) *Result {
	_ = src
	err := &Error{Kind: "internal", File: opts.Filename, Msg: "the engine is not wired to the interpreter yet"}
	return &Result{ExitCode: ExitInternal, Err: err, Stderr: err.Error() + "\n"}
}
