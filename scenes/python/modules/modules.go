// Package modules is the registry of the standard-library modules scenes
// can import (and of those they cannot, with the reason): one Spec per
// module, with its name, its members and their one-line docs.
//
// The registry is split in two halves so that imports keep their
// direction (syntax -> resolve -> py -> asyncio -> engine):
//
//   - this package, a leaf that imports nothing of loopscope's, holds what
//     is known before any value exists: the names and docs. The resolver
//     reads it to accept or refuse imports and module attributes, and
//     cmd/langdoc writes LANGUAGE.md from it;
//   - package py holds each module's maker (py.RegisterModule(spec, make)
//     registers both halves at once), which builds the module's value once
//     per run, so that the module can keep per-run state (random's
//     generator, the wall clock's start) in the closure it returns. The
//     maker gets the run's py.Host (in a run, *asyncio.Machine), through
//     which it reaches the virtual clock and the trace.
//
// Each module lives in its own Go package (scenes/lib/random,
// scenes/lib/math, ...), which registers it from an init function; the
// package scenes/lib imports them all, so that whoever imports scenes/lib
// (the engine, the tests, cmd/langdoc) sees every module, and nothing else
// keeps a list of them.
//
// A Spec with Refused set names a module that CPython has but a playground
// cannot simulate (no network, no processes, no files): importing it is
// refused statically, and the refusal says why and what to write instead.
// A Member may be refused the same way (concurrent.futures.ProcessPoolExecutor).
package modules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Member is a name a module defines.
type Member struct {
	Name string
	// Doc is one line for the language reference: what the member is, and
	// how scenes differ from CPython if they do.
	Doc string
	// Refused, when set, says that scenes cannot use this member, why, and
	// what to write instead. The member is still listed in the reference.
	Refused string
}

// Spec describes one module.
type Spec struct {
	// Name is the dotted module name ("random", "concurrent.futures").
	Name string
	// Doc is a paragraph for the language reference.
	Doc string
	// Members are the names scenes may use (and those refused, with Refused
	// set). A submodule ("futures" of "concurrent") is a member too.
	Members []Member
	// Refused, when set, says why scenes cannot import the module and what
	// to write instead; such a module has no maker and no members need be
	// listed.
	Refused string
	// Package marks a package that only holds submodules ("concurrent"):
	// as in CPython, where its attributes exist only once a submodule is
	// imported, `import concurrent` alone is refused; its Members are its
	// submodules, each registered under its dotted name.
	Package bool
}

// Member returns the member called name, or nil.
func (s *Spec) Member(name string) *Member {
	for i := range s.Members {
		if s.Members[i].Name == name {
			return &s.Members[i]
		}
	}
	return nil
}

// AddMember appends a member (for modules whose members are registered
// one by one from several files, as asyncio's are). Call it from an init
// function only.
func (s *Spec) AddMember(m Member) {
	if s.Member(m.Name) != nil {
		panic(fmt.Sprintf("modules: %s.%s registered twice", s.Name, m.Name))
	}
	s.Members = append(s.Members, m)
}

var (
	mu    sync.Mutex
	specs = map[string]*Spec{}
)

// Register adds a module to the registry. Call it from an init function;
// registering a name twice panics.
func Register(s *Spec) {
	mu.Lock()
	defer mu.Unlock()
	if s.Name == "" {
		panic("modules: a Spec needs a Name")
	}
	if _, dup := specs[s.Name]; dup {
		panic("modules: module " + s.Name + " registered twice")
	}
	specs[s.Name] = s
}

// Lookup returns the module called name (importable or refused), or nil.
func Lookup(name string) *Spec {
	mu.Lock()
	defer mu.Unlock()
	return specs[name]
}

// All returns every registered module, sorted by name.
func All() []*Spec {
	mu.Lock()
	defer mu.Unlock()
	all := make([]*Spec, 0, len(specs))
	for _, s := range specs {
		all = append(all, s)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	return all
}

// Importable returns the names of the modules scenes may import, sorted
// (packages such as "concurrent" left out: only their modules are).
func Importable() []string {
	var names []string
	for _, s := range All() {
		if s.Refused == "" && !s.Package {
			names = append(names, s.Name)
		}
	}
	return names
}

// Supported returns Importable joined with ", ", for messages.
func Supported() string { return strings.Join(Importable(), ", ") }
