package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leftovers lists the temporary files and folders WriteDir left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestWriteDirRefusesLinks(t *testing.T) {
	s, _ := newTestSite(t)
	root := t.TempDir()
	victim := filepath.Join(root, "victim.txt")
	if err := os.WriteFile(victim, []byte("precious\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "site")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../victim.txt", filepath.Join(dir, "app.js")); err != nil {
		t.Fatal(err)
	}
	err := s.WriteDir(dir)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "app.js")) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v, want a refusal naming app.js as a link", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious\n" {
		t.Errorf("the link's target was written: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "index.html")); err == nil {
		t.Error("index.html was written although the build was refused")
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left behind: %q", l)
	}
	// A folder where the site has a file is refused the same way.
	dir2 := filepath.Join(root, "site2")
	if err := os.MkdirAll(filepath.Join(dir2, "main.wasm.br"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteDir(dir2); err == nil || !strings.Contains(err.Error(), "main.wasm.br is in the way") {
		t.Errorf("a folder at main.wasm.br: err = %v", err)
	}
	if _, err := os.Lstat(filepath.Join(dir2, "index.html")); err == nil {
		t.Error("index.html was written although the build was refused")
	}
}

// failAfter makes the n+1th temporary file fail to be created, as a full
// disk would, until the test ends.
func failAfter(t *testing.T, n int) {
	t.Helper()
	calls := 0
	createTemp = func(dir, pattern string) (*os.File, error) {
		calls++
		if calls > n {
			return nil, errors.New("no space left on device (simulated)")
		}
		return os.CreateTemp(dir, pattern)
	}
	t.Cleanup(func() { createTemp = os.CreateTemp })
}

func TestWriteDirFailureLeavesNoHalfSite(t *testing.T) {
	s, _ := newTestSite(t)
	// Into an existing directory: the old site stays whole, with what
	// else the directory holds.
	dir := t.TempDir()
	for name, data := range map[string]string{"index.html": "old page", "app.js": "old script", "keep.txt": "mine"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	failAfter(t, 3)
	if err := s.WriteDir(dir); err == nil || !strings.Contains(err.Error(), "simulated") {
		t.Fatalf("err = %v, want the simulated failure", err)
	}
	for name, want := range map[string]string{"index.html": "old page", "app.js": "old script", "keep.txt": "mine"} {
		if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != want {
			t.Errorf("after a failed build %s holds %.40q, want %q", name, b, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "main.wasm")); err == nil {
		t.Error("a failed build left main.wasm")
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("left behind: %q", l)
	}
	// Into a new directory: no directory at all.
	parent := t.TempDir()
	fresh := filepath.Join(parent, "site")
	if err := s.WriteDir(fresh); err == nil {
		t.Fatal("no error from a failing build")
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Error("a failed build left a directory")
	}
	if l := leftovers(t, parent); len(l) > 0 {
		t.Errorf("left behind: %q", l)
	}

	// Once the disk has room, both work; keep.txt is still there.
	createTemp = os.CreateTemp
	for _, d := range []string{dir, fresh} {
		if err := s.WriteDir(d); err != nil {
			t.Fatal(err)
		}
		f, _ := s.File("index.html")
		if b, _ := os.ReadFile(filepath.Join(d, "index.html")); string(b) != string(f.Data) {
			t.Errorf("%s: index.html is not the site's", d)
		}
		if info, err := os.Stat(d); err != nil || info.Mode().Perm() != 0o755 && d == fresh {
			t.Errorf("%s: %v, %v", d, info.Mode(), err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "keep.txt")); string(b) != "mine" {
		t.Errorf("keep.txt: %q", b)
	}
}

func TestCheckBuildDir(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"web", "dist"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	elsewhere := t.TempDir()
	link := filepath.Join(elsewhere, "web-link")
	if err := os.Symlink(filepath.Join(root, "web"), link); err != nil {
		t.Fatal(err)
	}
	for dir, refused := range map[string]bool{
		root:                                  true,
		filepath.Join(root, "web"):            true,
		filepath.Join(root, "web", "new"):     true, // not there yet, still inside
		filepath.Join(root, "web", "..", ""):  true,
		link:                                  true, // a link into the tree
		filepath.Join(link, "sub"):            true,
		filepath.Join(root, "dist"):           false,
		filepath.Join(root, "dist", "nested"): false,
		filepath.Join(elsewhere, "site"):      false,
		filepath.Dir(root):                    false,
		filepath.Join(root+"-sibling", "x"):   false,
	} {
		err := CheckBuildDir(root, dir)
		if (err != nil) != refused {
			t.Errorf("CheckBuildDir(%s) = %v, want refused %v", dir, err, refused)
		}
		if err != nil && !strings.Contains(err.Error(), "inside loopscope's source tree") {
			t.Errorf("CheckBuildDir(%s): %v", dir, err)
		}
	}
}
