// Package typing is the typing module of scenes: the names annotations
// use. Annotations are evaluated (as CPython 3.11 evaluates them, at def
// time) but nothing checks them, so these values only need to exist, to
// subscript and to print as CPython prints them: Optional[str] is
// typing.Optional[str]. FastAPI reads two of them: a Union (Optional) gives
// its members through UnionArgs, an Annotated its type and metadata
// through AnnotatedOrigin and AnnotatedMetadata.
package typing

import (
	"strings"

	"loopscope/scenes/python/modules"
	"loopscope/scenes/python/py"
)

// The kinds of special names, which decide how they subscript.
const (
	kindPlain     = iota // Any, NoReturn: not subscriptable
	kindGeneric          // List, Dict, Awaitable...: any number of arguments
	kindUnion            // Union
	kindOptional         // Optional: one argument
	kindAnnotated        // Annotated: a type and metadata
	kindCallable         // Callable: [args], result
	kindForm             // ClassVar, Final, Literal, Type: arguments kept as given
)

// The types of typing's values (their names as CPython's).
var (
	SpecialFormType  = &py.Type{Name: "_SpecialForm", Module: "typing", Base: py.ObjectType}
	GenericAliasType = &py.Type{Name: "_GenericAlias", Module: "typing", Base: py.ObjectType}
	UnionAliasType   = &py.Type{Name: "_UnionGenericAlias", Module: "typing", Base: py.ObjectType}
	AnnotatedType    = &py.Type{Name: "_AnnotatedAlias", Module: "typing", Base: py.ObjectType}
	TypeVarType      = &py.Type{Name: "TypeVar", Module: "typing", Base: py.ObjectType}
)

// Special is a bare typing name: typing.List, typing.Optional, typing.Any.
type Special struct {
	Name string
	kind int
}

// Type returns SpecialFormType.
func (*Special) Type() *py.Type { return SpecialFormType }

// Repr is typing.Name.
func (s *Special) Repr(t *py.Thread) (string, error) { return "typing." + s.Name, nil }

// GetItem subscripts the name: List[int], Optional[str], Callable[[int], str].
func (s *Special) GetItem(t *py.Thread, k py.Value) (py.Value, error) {
	args := []py.Value{k}
	if tu, ok := k.(py.Tuple); ok {
		args = []py.Value(tu)
	}
	switch s.kind {
	case kindPlain:
		return nil, py.Errorf(py.TypeErrorType, "typing.%s is not subscriptable", s.Name)
	case kindOptional:
		if len(args) != 1 {
			return nil, py.Errorf(py.TypeErrorType, "typing.Optional requires a single type.")
		}
		return union(append(args, py.None)), nil
	case kindUnion:
		if len(args) == 0 {
			return nil, py.Errorf(py.TypeErrorType, "Cannot take a Union of no types.")
		}
		return union(args), nil
	case kindAnnotated:
		if len(args) < 2 {
			return nil, py.Errorf(py.TypeErrorType, "Annotated[...] should be used with at least two arguments (a type and an annotation).")
		}
		return &Annotated{Origin: args[0], Metadata: args[1:]}, nil
	case kindCallable:
		if len(args) != 2 {
			return nil, py.Errorf(py.TypeErrorType, "Callable must be used as Callable[[arg, ...], result].")
		}
		if _, ok := args[0].(py.EllipsisType); !ok {
			if _, ok := args[0].(*py.List); !ok {
				return nil, py.Errorf(py.TypeErrorType, "Callable[args, result]: args must be a list or ...")
			}
		}
	}
	return &Alias{Name: s.Name, Args: args}, nil
}

// Alias is a subscripted name: typing.List[int], typing.Dict[str, int].
type Alias struct {
	Name string
	Args []py.Value
}

// Type returns GenericAliasType.
func (*Alias) Type() *py.Type { return GenericAliasType }

// Repr is typing.Name[args].
func (a *Alias) Repr(t *py.Thread) (string, error) {
	parts := make([]string, len(a.Args))
	for i, x := range a.Args {
		s, err := typeRepr(t, x)
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	return "typing." + a.Name + "[" + strings.Join(parts, ", ") + "]", nil
}

// UnionAlias is typing.Union[...] (and Optional[X], Union[X, None]).
type UnionAlias struct {
	Args []py.Value // flattened, without repeats; None for NoneType
}

// Type returns UnionAliasType.
func (*UnionAlias) Type() *py.Type { return UnionAliasType }

// UnionArgs returns the members, None as py.None.
func (u *UnionAlias) UnionArgs() []py.Value { return u.Args }

// Repr is typing.Optional[X] for two members one of which is None, else
// typing.Union[...].
func (u *UnionAlias) Repr(t *py.Thread) (string, error) {
	if len(u.Args) == 2 {
		for i, x := range u.Args {
			if x == py.None {
				s, err := typeRepr(t, u.Args[1-i])
				return "typing.Optional[" + s + "]", err
			}
		}
	}
	parts := make([]string, len(u.Args))
	for i, x := range u.Args {
		s, err := typeRepr(t, x)
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	return "typing.Union[" + strings.Join(parts, ", ") + "]", nil
}

// union builds Union[args]: nested unions flattened, repeats dropped, and
// a single member returned as it is.
func union(args []py.Value) py.Value {
	var flat []py.Value
	var add func(v py.Value)
	add = func(v py.Value) {
		switch v := v.(type) {
		case *UnionAlias:
			for _, x := range v.Args {
				add(x)
			}
			return
		case *py.Union:
			for _, x := range v.Args {
				add(x)
			}
			return
		case *py.Type:
			if v == py.NoneTypeType {
				add(py.None)
				return
			}
		}
		for _, x := range flat {
			if x == v {
				return
			}
		}
		flat = append(flat, v)
	}
	for _, a := range args {
		add(a)
	}
	if len(flat) == 1 {
		if flat[0] == py.None {
			return py.NoneTypeType
		}
		return flat[0]
	}
	return &UnionAlias{Args: flat}
}

// Annotated is typing.Annotated[T, x, ...].
type Annotated struct {
	Origin   py.Value
	Metadata []py.Value
}

// Type returns AnnotatedType.
func (*Annotated) Type() *py.Type { return AnnotatedType }

// AnnotatedOrigin returns T.
func (a *Annotated) AnnotatedOrigin() py.Value { return a.Origin }

// AnnotatedMetadata returns the metadata after T.
func (a *Annotated) AnnotatedMetadata() []py.Value { return a.Metadata }

// Repr is typing.Annotated[T, metadata reprs].
func (a *Annotated) Repr(t *py.Thread) (string, error) {
	s, err := typeRepr(t, a.Origin)
	if err != nil {
		return "", err
	}
	parts := []string{s}
	for _, m := range a.Metadata {
		r, err := py.Repr(t, m)
		if err != nil {
			return "", err
		}
		parts = append(parts, r)
	}
	return "typing.Annotated[" + strings.Join(parts, ", ") + "]", nil
}

// TypeVar is typing.TypeVar("T").
type TypeVar struct{ Name string }

// Type returns TypeVarType.
func (*TypeVar) Type() *py.Type { return TypeVarType }

// Repr is ~T.
func (v *TypeVar) Repr(t *py.Thread) (string, error) { return "~" + v.Name, nil }

// Attr implements py.HasAttrs: __name__.
func (v *TypeVar) Attr(t *py.Thread, name string) (py.Value, error) {
	if name == "__name__" {
		return py.Str(v.Name), nil
	}
	return nil, nil
}

// typeRepr is typing._type_repr: a class by its (qualified) name, ... as
// ..., None as NoneType, a list of them in brackets, anything else by repr.
func typeRepr(t *py.Thread, v py.Value) (string, error) {
	switch v := v.(type) {
	case *py.Type:
		name := v.Name
		if v.QualName != "" {
			name = v.QualName
		}
		if v.Module == "builtins" || v.Module == "" {
			return name, nil
		}
		return v.Module + "." + name, nil
	case py.EllipsisType:
		return "...", nil
	case py.NoneType:
		return "NoneType", nil
	case *py.List:
		parts := make([]string, len(v.Elems))
		for i, x := range v.Elems {
			s, err := typeRepr(t, x)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	case *py.Function:
		return v.QualName, nil
	}
	return py.Repr(t, v)
}

var spec = &modules.Spec{
	Name: "typing",
	Doc: "The names annotations use. Annotations are evaluated, as in CPython, and print as " +
		"CPython prints them, but nothing checks them. Generic, Protocol and NamedTuple are not there.",
}

// specials are typing's subscriptable names, with their kind and doc.
var specials = []struct {
	name string
	kind int
	doc  string
}{
	{"Annotated", kindAnnotated, "Annotated[T, x, ...]: T with metadata (FastAPI's Annotated[str, Depends(f)])."},
	{"Any", kindPlain, "Any type."},
	{"AsyncGenerator", kindGeneric, "AsyncGenerator[Y, S]: an async generator."},
	{"AsyncIterable", kindGeneric, "AsyncIterable[T]: what async for iterates over."},
	{"AsyncIterator", kindGeneric, "AsyncIterator[T]: an async iterator."},
	{"Awaitable", kindGeneric, "Awaitable[T]: what await accepts."},
	{"Callable", kindCallable, "Callable[[A, B], R] or Callable[..., R]: a function."},
	{"ClassVar", kindForm, "ClassVar[T]: a class attribute."},
	{"Coroutine", kindGeneric, "Coroutine[Y, S, R]: a coroutine."},
	{"DefaultDict", kindGeneric, "DefaultDict[K, V]: a collections.defaultdict."},
	{"Deque", kindGeneric, "Deque[T]: a collections.deque."},
	{"Dict", kindGeneric, "Dict[K, V]: a dict."},
	{"Final", kindForm, "Final[T]: a name not to be reassigned."},
	{"FrozenSet", kindGeneric, "FrozenSet[T]: a frozenset."},
	{"Generator", kindGeneric, "Generator[Y, S, R]: a generator."},
	{"Iterable", kindGeneric, "Iterable[T]: what for iterates over."},
	{"Iterator", kindGeneric, "Iterator[T]: an iterator."},
	{"List", kindGeneric, "List[T]: a list."},
	{"Literal", kindForm, "Literal[v, ...]: one of these values."},
	{"Mapping", kindGeneric, "Mapping[K, V]: a read-only dict-like object."},
	{"MutableMapping", kindGeneric, "MutableMapping[K, V]: a dict-like object."},
	{"NoReturn", kindPlain, "The return type of a function that never returns."},
	{"Optional", kindOptional, "Optional[T]: T or None (Union[T, None])."},
	{"Sequence", kindGeneric, "Sequence[T]: a list, tuple, str or range."},
	{"Set", kindGeneric, "Set[T]: a set."},
	{"Tuple", kindGeneric, "Tuple[A, B] or Tuple[T, ...]: a tuple."},
	{"Type", kindGeneric, "Type[C]: the class C or a subclass."},
	{"Union", kindUnion, "Union[A, B]: A or B (as A | B)."},
}

func init() {
	for _, s := range specials {
		spec.Members = append(spec.Members, modules.Member{Name: s.name, Doc: s.doc})
	}
	spec.Members = append(spec.Members,
		modules.Member{Name: "TYPE_CHECKING", Doc: "False: code under `if TYPE_CHECKING:` does not run."},
		modules.Member{Name: "TypeVar", Doc: "TypeVar(\"T\"): a type variable (~T)."},
		modules.Member{Name: "cast", Doc: "cast(T, value): value, unchanged."},
	)
	py.RegisterModule(spec, newModule)
}

func newModule(h py.Host) (py.Value, error) {
	attrs := map[string]py.Value{
		"TYPE_CHECKING": py.False,
		"TypeVar": py.NewBuiltin("TypeVar", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			if len(args) == 0 {
				return nil, py.Errorf(py.TypeErrorType, "TypeVar.__init__() missing 1 required positional argument: 'name'")
			}
			name, ok := args[0].(py.Str)
			if !ok {
				return nil, py.Errorf(py.TypeErrorType, "TypeVar name must be a string")
			}
			for _, k := range kw {
				switch k.Name {
				case "bound", "covariant", "contravariant":
				default:
					return nil, py.Errorf(py.TypeErrorType, "TypeVar.__init__() got an unexpected keyword argument '%s'", k.Name)
				}
			}
			return &TypeVar{Name: string(name)}, nil
		}),
		"cast": py.NewBuiltin("cast", func(t *py.Thread, _ py.Value, args []py.Value, kw []py.Kwarg) (py.Value, error) {
			a, err := py.ParseArgs("cast", args, kw, []string{"typ", "val"}, 2)
			if err != nil {
				return nil, err
			}
			return a[1], nil
		}),
	}
	for _, s := range specials {
		attrs[s.name] = &Special{Name: s.name, kind: s.kind}
	}
	return py.NewModule("typing", attrs), nil
}
