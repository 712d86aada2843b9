package trace

import (
	"encoding/json"
	"testing"
)

func TestJSONRoundTripsThroughEncodingJSON(t *testing.T) {
	var tr Trace
	tr.Add(Event{Kind: LoopStart, Thread: 1, Concept: ConceptEventLoop})
	tr.Add(Event{Time: 0.25, Kind: Print, Thread: 1, Line: 4, Col: 5, Concept: ConceptPrint, Text: "héllo \"q\"\t\x01\n"})
	tr.Add(Event{Time: 1e-7, Kind: TimerNew, ID: 5, Ref: 4, Num: 1.1, Text: "bad \xff utf8"})
	if err := tr.Validate(); err == nil {
		t.Fatalf("time going back from 0.25 to 1e-7 was not reported")
	}
	tr.Events[2].Time = 3600
	if err := tr.Validate(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`{"seq":0,"t":0,"kind":"loop.start","thread":1,"concept":"event-loop"}`,
		`{"seq":1,"t":0.25,"kind":"print","thread":1,"line":4,"col":5,"concept":"print","text":"héllo \"q\"\t\u0001\n"}`,
		`{"seq":2,"t":3600,"kind":"timer.new","id":5,"ref":4,"text":"bad \ufffd utf8","num":1.1}`,
	}
	for i, e := range tr.Events {
		got := e.String()
		if got != want[i] {
			t.Errorf("event %d:\n got %s\nwant %s", i, got, want[i])
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(got), &m); err != nil {
			t.Errorf("event %d is not valid JSON: %v", i, err)
		}
	}
}

func TestNamesRoundTrip(t *testing.T) {
	for k := KindInvalid + 1; k < numKinds; k++ {
		if got, ok := ParseKind(k.String()); !ok || got != k {
			t.Errorf("kind %d (%s) does not parse back", k, k)
		}
	}
	for _, c := range Concepts() {
		if got, ok := ParseConcept(c.String()); !ok || got != c {
			t.Errorf("concept %d (%s) does not parse back", c, c)
		}
	}
}

func TestPhasesAndOutcomesWriteTheirNames(t *testing.T) {
	cases := []struct {
		e    Event
		want string
	}{
		{Event{Kind: LoopPhase, Phase: PhaseReady, Num: 2}, `{"seq":0,"t":0,"kind":"loop.phase","text":"ready","num":2}`},
		{Event{Kind: LoopPhase, Phase: PhaseShutdown}, `{"seq":0,"t":0,"kind":"loop.phase","text":"shutdown"}`},
		{Event{Kind: TaskDone, ID: 3, Outcome: OutcomeCancelled}, `{"seq":0,"t":0,"kind":"task.done","id":3,"text":"cancelled"}`},
		{Event{Kind: HandleNew, ID: 9, Ref: 3, Cause: 7, Text: "Task-1.__wakeup"}, `{"seq":0,"t":0,"kind":"handle.new","id":9,"ref":3,"cause":7,"text":"Task-1.__wakeup"}`},
	}
	for _, c := range cases {
		if got := c.e.String(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
	for p := NoPhase + 1; p < numPhases; p++ {
		if got, ok := ParsePhase(p.String()); !ok || got != p {
			t.Errorf("phase %d (%s) does not parse back", p, p)
		}
	}
	for o := NoOutcome + 1; o < numOutcomes; o++ {
		if got, ok := ParseOutcome(o.String()); !ok || got != o {
			t.Errorf("outcome %d (%s) does not parse back", o, o)
		}
	}
	tr := Trace{Events: []Event{{Kind: LoopPhase, Phase: numPhases}}}
	if tr.Validate() == nil {
		t.Errorf("an unknown phase was not reported")
	}
}
