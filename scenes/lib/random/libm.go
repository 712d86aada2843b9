package random

import "loopscope/scenes/lib/internal/libm"

// The C library's functions as CPython calls them (correctly rounded).
var (
	log = libm.Log
	sin = libm.Sin
	cos = libm.Cos
)
