package py

import (
	"fmt"

	"loopscope/scenes/python/modules"
)

// ModuleMaker builds a module's value for one run. h is the run's host (in
// a run, *asyncio.Machine): a module that keeps per-run state creates it
// here, in the closure of the functions it returns. The host calls the
// maker at most once per run, at the module's first import.
type ModuleMaker func(h Host) (Value, error)

var makers = map[string]ModuleMaker{}

// RegisterModule registers a module scenes can import: spec (its names and
// docs, which the resolver and the language reference read) and make,
// which builds its value once per run. Call it from the init function of
// the module's package. A spec with Refused set takes a nil make.
func RegisterModule(spec *modules.Spec, make ModuleMaker) {
	if (spec.Refused == "") != (make != nil) {
		panic(fmt.Sprintf("py.RegisterModule(%s): an importable module needs a maker, a refused one none", spec.Name))
	}
	modules.Register(spec)
	if make != nil {
		makers[spec.Name] = make
	}
}

// MakeModule builds the registered module name for the run of host h
// (hosts cache the result per run). A module nobody registered raises
// ModuleNotFoundError.
func MakeModule(h Host, name string) (Value, error) {
	mk, ok := makers[name]
	if !ok {
		return nil, Errorf(ModuleNotFoundErrorType, "No module named %s", StrRepr(name))
	}
	return mk(h)
}
