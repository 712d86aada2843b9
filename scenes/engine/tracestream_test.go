package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A streamed trace (Options.TraceTo, what loopscope trace writes) is the
// kept trace's events as JSON lines, byte for byte, and nothing is kept.
func TestTraceStreamedEqualsKept(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/0[0-9]*.py")
	files = append(files, "../testdata/stops/events_forever.py", "../testdata/stops/deadlock_future.py")
	if len(files) < 50 {
		t.Fatalf("only %d scenes", len(files))
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		b := Budgets{MaxEvents: 20_000, MaxVirtualTime: 1000}
		kept := Run(src, Options{Filename: file, Trace: true, Budgets: b})
		var want []byte
		for i := range kept.Trace.Events {
			want = append(kept.Trace.Events[i].AppendJSON(want), '\n')
		}
		var again []byte
		for _, e := range Run(src, Options{Filename: file, Trace: true, Budgets: b}).Trace.Events {
			again = append(e.AppendJSON(again), '\n')
		}
		if !bytes.Equal(again, want) {
			// asyncio.wait's set of futures: an order CPython takes from
			// a set too, not the same from one run to the next.
			t.Logf("%s: two kept traces differ; not compared", file)
			continue
		}
		var got bytes.Buffer
		streamed := Run(src, Options{Filename: file, Trace: true, TraceTo: &got, Budgets: b})
		if streamed.Trace != nil {
			t.Errorf("%s: the streamed run kept its trace", file)
		}
		if !bytes.Equal(got.Bytes(), want) || streamed.Stdout != kept.Stdout || streamed.ExitCode != kept.ExitCode {
			t.Errorf("%s: streamed trace differs from the kept one (%d vs %d bytes; exit %d vs %d)",
				file, got.Len(), len(want), streamed.ExitCode, kept.ExitCode)
		}
	}
}
