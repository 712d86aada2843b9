// Package lib gathers the modules scenes can import: importing it (for
// its side effects) registers every one of them in the module registry
// (package modules), each from its own package. It is the one place that
// lists them; the engine, the tests and cmd/langdoc import it.
//
// A new module is a package under scenes/lib (lib/random, lib/math, ...)
// whose init function calls py.RegisterModule, plus one blank import here.
package lib

import (
	// asyncio, time, concurrent.futures, fastapi, httpx
	_ "loopscope/scenes/asyncio"
	_ "loopscope/scenes/lib/collections"
	_ "loopscope/scenes/lib/contextlib"
	_ "loopscope/scenes/lib/dataclasses"
	_ "loopscope/scenes/lib/datetime"
	_ "loopscope/scenes/lib/enum"
	_ "loopscope/scenes/lib/functools"
	_ "loopscope/scenes/lib/itertools"
	_ "loopscope/scenes/lib/json"
	_ "loopscope/scenes/lib/logging"
	_ "loopscope/scenes/lib/math"
	_ "loopscope/scenes/lib/random"
	_ "loopscope/scenes/lib/refused" // what a playground cannot simulate
	_ "loopscope/scenes/lib/sys"
	_ "loopscope/scenes/lib/typing"
)
