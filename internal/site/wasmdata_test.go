package site

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// memoryImage is the initial linear memory a module's data section
// writes, and the number of segments it writes it with.
func memoryImage(t *testing.T, mod []byte) ([]byte, int) {
	t.Helper()
	secs, err := Sections(mod)
	if err != nil {
		t.Fatal(err)
	}
	var mem []byte
	n := -1
	for _, sec := range secs {
		if sec.ID != 11 {
			continue
		}
		segs, err := readSegments(sec.Body)
		if err != nil {
			t.Fatal(err)
		}
		n = len(segs)
		for _, s := range segs {
			if end := int(s.off) + len(s.data); end > len(mem) {
				mem = append(mem, make([]byte, end-len(mem))...)
			}
			copy(mem[s.off:], s.data)
		}
	}
	if n < 0 {
		t.Fatal("no data section")
	}
	return mem, n
}

// otherSections is the module with its data section left out.
func otherSections(t *testing.T, mod []byte) []byte {
	secs, err := Sections(mod)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, sec := range secs {
		if sec.ID != 11 {
			out = append(out, sec.Raw...)
		}
	}
	return out
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func TestPackDataJoinsSegments(t *testing.T) {
	seg := func(off int, data string) []byte {
		b := []byte{0, 0x41}
		b = appendSleb32(b, int32(off))
		b = append(b, 0x0b)
		b = binary.AppendUvarint(b, uint64(len(data)))
		return append(b, data...)
	}
	data := binary.AppendUvarint(nil, 8)
	data = append(data, seg(16, "abc")...)
	data = append(data, seg(21, "de")...)         // 2 zeros after "abc": joined
	data = append(data, seg(1000, "f")...)        // far: a segment of its own
	data = append(data, seg(70000, "ghij")...)    // an offset of three LEB bytes
	data = append(data, seg(17, "XY")...)         // back inside "abc", overwriting it
	data = append(data, seg(70006, "k\x00")...)   // a written zero is a zero like any other
	data = append(data, seg(70020, "l")...)       // 13 zeros after "k": a segment of its own
	data = append(data, seg(2000, "\x00\x00")...) // only zeros: nothing to write
	mod := []byte("\x00asm\x01\x00\x00\x00")
	mod = append(mod, 0, 3, 2, 'h', 'i') // a custom section before
	mod = append(mod, 11)
	mod = binary.AppendUvarint(mod, uint64(len(data)))
	mod = append(mod, data...)
	mod = append(mod, 0, 2, 1, 'x') // and one after

	got, err := PackData(mod, 8)
	if err != nil {
		t.Fatal(err)
	}
	wantMem, _ := memoryImage(t, mod)
	mem, n := memoryImage(t, got)
	if !bytes.Equal(mem, wantMem) {
		t.Errorf("memory image changed")
	}
	if n != 4 { // "aXY..de", "f", "ghij..k", "l"
		t.Errorf("%d segments, want 4", n)
	}
	if string(mem[16:21]) != "aXY\x00\x00" {
		t.Errorf("memory at 16: %q, want the later segment's bytes over the earlier's", mem[16:21])
	}
	if !bytes.Equal(otherSections(t, got), otherSections(t, mod)) {
		t.Errorf("sections other than data changed")
	}

	for name, bad := range map[string][]byte{
		"not wasm":   []byte("\x00asx\x01\x00\x00\x00"),
		"data count": append([]byte("\x00asm\x01\x00\x00\x00"), 12, 1, 0),
		"passive":    append([]byte("\x00asm\x01\x00\x00\x00"), 11, 4, 1, 1, 1, 'a'),
		"truncated":  append([]byte("\x00asm\x01\x00\x00\x00"), 11, 9, 1),
	} {
		out, err := PackData(bad, 8)
		if err == nil {
			t.Errorf("%s: no error", name)
		}
		if !bytes.Equal(out, bad) {
			t.Errorf("%s: the module changed though it was refused", name)
		}
	}
}

// A real module from Go's linker, with its many small segments, packs to
// the same memory in fewer segments and fewer gzipped bytes.
func TestPackDataOnGoModule(t *testing.T) {
	dir := t.TempDir()
	src := `package main

import "fmt"

type entry struct {
	name string
	n    int64
	next *entry
}

var table = func() []*entry {
	var out []*entry
	for i := range 3000 {
		out = append(out, &entry{name: fmt.Sprint("entry", i), n: int64(i)})
	}
	return out
}()

var names = map[string]int{"alpha": 1, "beta": 2, "gamma": 3, "delta": 4}

func main() { fmt.Println(len(table), names["beta"]) }
`
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module packtest\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool(), "build", "-ldflags=-s -w", "-o", "m.wasm", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod, err := os.ReadFile(filepath.Join(dir, "m.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := PackData(mod, DataGap)
	if err != nil {
		t.Fatal(err)
	}
	wantMem, before := memoryImage(t, mod)
	mem, after := memoryImage(t, got)
	if !bytes.Equal(mem, wantMem) {
		t.Fatal("memory image changed")
	}
	if !bytes.Equal(otherSections(t, got), otherSections(t, mod)) {
		t.Fatal("sections other than data changed")
	}
	if after >= before {
		t.Errorf("%d segments before, %d after", before, after)
	}
	gb, ga := gzipLen(mod), gzipLen(got)
	if ga >= gb {
		t.Errorf("gzip: %d bytes before, %d after", gb, ga)
	}
	t.Logf("%d -> %d segments, gzip %d -> %d bytes", before, after, gb, ga)
}
