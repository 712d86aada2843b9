// Package refused registers the modules a playground cannot simulate:
// nothing here reaches a network, a process, a file or a signal. Each
// refusal says why and what to write instead, and the resolver shows it
// at the import's line and column; the language reference lists them.
//
// To support one of these modules for real, delete its entry here and
// register the module from its own package.
package refused

import (
	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// The reasons, shared by several modules.
const (
	noNetwork = "a playground has no network. To stand in for a request, await asyncio.sleep(0.3) " +
		"where the answer would take time, then use a made-up answer; servers and clients of the " +
		"scene's own can talk through asyncio.start_server and asyncio.open_connection"
	noProcesses = "a playground runs one process. Run blocking or CPU-heavy work in a thread instead: " +
		"await asyncio.to_thread(work) or loop.run_in_executor(None, work) " +
		"(or concurrent.futures.ThreadPoolExecutor)"
	noFiles = "a playground has no files. Put the data in the scene itself " +
		"(lines = [\"first\", \"second\"]), and await asyncio.sleep(0.1) where reading it would take time"
)

// Refusals are the refused modules, by name, with their reasons.
var Refusals = map[string]string{
	"socket":    noNetwork,
	"ssl":       noNetwork,
	"select":    noNetwork,
	"selectors": noNetwork,
	"urllib":    noNetwork,
	"http":      noNetwork,
	"aiohttp": noNetwork + ". A web app with a test client runs with fastapi and " +
		"httpx.AsyncClient(transport=httpx.ASGITransport(app=app))",
	"requests": "a playground has no network, and requests blocks the event loop. To stand in for " +
		"a request, await asyncio.sleep(0.3) in a coroutine (or time.sleep(0.3) in a function run " +
		"with asyncio.to_thread) and use a made-up answer",
	"subprocess":      noProcesses + "; to stand in for a command that takes a while, await asyncio.sleep(1)",
	"multiprocessing": noProcesses,
	"signal": "a playground cannot send or receive signals. To stop a loop after a while, use " +
		"async with asyncio.timeout(5): or cancel the task (task.cancel())",
	"threading": "scenes make threads through asyncio and concurrent.futures: " +
		"await asyncio.to_thread(f), loop.run_in_executor(None, f) or " +
		"concurrent.futures.ThreadPoolExecutor().submit(f); locks between tasks are asyncio.Lock",
	"os": "a playground has no files, processes or environment variables. Write the value you need " +
		"in the scene (for os.environ.get(\"KEY\", \"default\"), write \"default\"; for os.getpid(), " +
		"a made-up number)",
	"pathlib":  noFiles,
	"shutil":   noFiles,
	"tempfile": noFiles,
}

func init() {
	for name, why := range Refusals {
		py.RegisterModule(&modules.Spec{Name: name, Doc: "Not available: " + why + ".", Refused: why}, nil)
	}
}
