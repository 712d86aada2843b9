package py

import (
	"strings"
	"sync/atomic"
)

// Classes defined by scenes (class statements) are *Type values whose MRO
// is set; their instances are *Instance values, except for classes that
// derive from an exception class, whose instances are *Exception values
// (so that raise, except and tracebacks treat them as any exception). The
// class namespace lives in Type.Attrs, in definition order in
// Type.AttrNames; an instance's attributes live in Instance.Dict (its
// __dict__), an exception's in Exception.Attrs.

// Instance is an instance of a class defined by a scene.
type Instance struct {
	Class *Type
	Dict  *Dict // __dict__: the instance attributes, in assignment order
	id    uint64
	dict  Dict // Dict's storage, allocated with the instance
}

// Type returns the instance's class.
func (o *Instance) Type() *Type { return o.Class }

// NotImplementedType is the type of NotImplemented.
var NotImplementedType = &Type{Name: "NotImplementedType", Module: "builtins", Base: ObjectType}

type notImplemented struct{}

// Type returns NotImplementedType.
func (notImplemented) Type() *Type { return NotImplementedType }

// NotImplemented is the value special methods return to let the other
// operand try.
var NotImplemented Value = notImplemented{}

// objectIDs numbers instances made without a thread.
var objectIDs atomic.Uint64

// NewInstance returns a new instance of the class cls with an empty
// __dict__, without calling __init__ (object.__new__(cls)).
func NewInstance(t *Thread, cls *Type) *Instance {
	o := &Instance{Class: cls, id: newObjectID(t)}
	o.Dict = &o.dict
	return o
}

// newObjectID returns a number that identifies a new object within a run:
// the thread and how many objects it made before, so that ids, hashes and
// the addresses in reprs are the same on every run of a scene.
func newObjectID(t *Thread) uint64 {
	if t == nil {
		return 1<<63 | objectIDs.Add(1)
	}
	t.vm.objects++
	return uint64(t.Ident)<<32 | t.vm.objects
}

// IsClass reports whether t is a class made by a class statement or
// NewClass (as opposed to a built-in or native type).
func (t *Type) IsClass() bool { return t.MRO != nil }

// NewClass makes a class as a class statement does: name and qualname
// (its __qualname__, "Outer.Inner" or "f.<locals>.C"), module (its
// __module__, "__main__" for a scene's classes), its bases (object when
// empty) and its namespace ns (str keys, in definition order). Functions in
// ns become methods. Bases may be object, exception classes and other
// classes made by NewClass.
func NewClass(name, qualname, module string, bases []*Type, ns *Dict) (*Type, error) {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	for i, b := range bases {
		if !b.IsClass() && b != ObjectType && !b.IsException() {
			return nil, Errorf(TypeErrorType, "a class cannot derive from '%s' in scenes: only from object, exception classes and classes the scene defines", b.Name)
		}
		for _, c := range bases[:i] {
			if c == b {
				return nil, Errorf(TypeErrorType, "duplicate base class %s", b.Name)
			}
		}
	}
	cls := &Type{Name: name, QualName: qualname, Module: module, Base: bases[0], Bases: bases, Attrs: map[string]Value{}}
	mro, err := c3(cls, bases)
	if err != nil {
		return nil, err
	}
	cls.MRO = mro
	for _, b := range bases {
		if b.IsException() && !cls.Base.IsException() {
			// the exception base gives the instances their layout
			cls.Base = b
		}
	}
	if ns != nil {
		for _, it := range ns.Items() {
			k, ok := it[0].(Str)
			if !ok {
				continue
			}
			if k == "__qualname__" {
				// type() takes it out of the namespace, as CPython's does
				if q, ok := it[1].(Str); ok {
					cls.QualName = string(q)
				}
				continue
			}
			if p, ok := it[1].(*Property); ok && p.name == "" {
				p.name = string(k)
			}
			cls.SetClassAttr(string(k), it[1])
		}
	}
	if _, ok := cls.Attrs["__eq__"]; ok {
		if _, ok := cls.Attrs["__hash__"]; !ok {
			cls.SetClassAttr("__hash__", None)
		}
	}
	if f, ok := cls.Attrs["__new__"].(*Function); ok {
		cls.Attrs["__new__"] = &StaticMethod{Fn: f}
	}
	if f, ok := cls.Attrs["__init_subclass__"].(*Function); ok {
		cls.Attrs["__init_subclass__"] = &ClassMethod{Fn: f}
	}
	return cls, nil
}

// SetClassAttr sets a class attribute, keeping the definition order.
func (t *Type) SetClassAttr(name string, v Value) {
	if t.Attrs == nil {
		t.Attrs = map[string]Value{}
	}
	if _, ok := t.Attrs[name]; !ok {
		t.AttrNames = append(t.AttrNames, name)
	}
	t.Attrs[name] = v
}

// builtinBases returns the bases of a built-in or native type.
func builtinBases(t *Type) []*Type {
	if t.Base == nil {
		return nil
	}
	if t.Mixin != nil {
		return []*Type{t.Mixin, t.Base}
	}
	return []*Type{t.Base}
}

// mroOf returns t.__mro__.
func mroOf(t *Type) []*Type {
	if t.MRO != nil {
		return t.MRO
	}
	mro, _ := c3(t, builtinBases(t))
	return mro
}

// c3 computes the method resolution order of a class with the given bases
// by CPython's C3 linearization.
func c3(cls *Type, bases []*Type) ([]*Type, error) {
	var seqs [][]*Type
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), mroOf(b)...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	out := []*Type{cls}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, nil
		}
		var next *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			cand := s[0]
			inTail := false
			for _, o := range seqs {
				for _, x := range o[min(1, len(o)):] {
					if x == cand {
						inTail = true
					}
				}
			}
			if !inTail {
				next = cand
				break
			}
		}
		if next == nil {
			// CPython names the heads of the lists left to merge
			var names []string
			seen := map[*Type]bool{}
			for _, s := range seqs {
				if len(s) > 0 && !seen[s[0]] {
					seen[s[0]] = true
					names = append(names, s[0].Name)
				}
			}
			return nil, Errorf(TypeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases %s", strings.Join(names, ", "))
		}
		out = append(out, next)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

// Lookup finds name in the class namespaces along t's MRO (classes made by
// NewClass only; built-in types answer nil), or nil.
func (t *Type) Lookup(name string) Value {
	for _, c := range t.MRO {
		if c.MRO == nil {
			continue
		}
		if v, ok := c.Attrs[name]; ok {
			return v
		}
	}
	return nil
}

// lookupFrom is Lookup starting after the class start in the MRO of t
// (super's lookup); owner is the class where name was found (nil if in a
// built-in type, whose special method is then returned).
func lookupAfter(mro []*Type, start *Type, name string) (v Value, owner *Type) {
	i := 0
	for i < len(mro) && mro[i] != start {
		i++
	}
	for _, c := range mro[i+1:] {
		if c.MRO != nil {
			if v, ok := c.Attrs[name]; ok {
				return v, c
			}
			continue
		}
		if v, ok := c.Attrs[name]; ok {
			return v, c
		}
		if b := builtinSpecial(c, name); b != nil {
			return b, nil
		}
		if m := methodTables[c][name]; m != nil {
			return m, nil
		}
	}
	return nil, nil
}

// StaticMethod is staticmethod(f).
type StaticMethod struct{ Fn Value }

// ClassMethod is classmethod(f).
type ClassMethod struct{ Fn Value }

// Property is property(fget, fset, fdel, doc).
type Property struct {
	Get, Set, Del Value // nil when absent
	Doc           Value
	name          string
}

var (
	staticMethodType = &Type{Name: "staticmethod", Module: "builtins", Base: ObjectType}
	classMethodType  = &Type{Name: "classmethod", Module: "builtins", Base: ObjectType}
	propertyType     = &Type{Name: "property", Module: "builtins", Base: ObjectType}
	superType        = &Type{Name: "super", Module: "builtins", Base: ObjectType}
)

// Type returns the staticmethod type.
func (*StaticMethod) Type() *Type { return staticMethodType }

// Type returns the classmethod type.
func (*ClassMethod) Type() *Type { return classMethodType }

// Type returns the property type.
func (*Property) Type() *Type { return propertyType }

// Attr returns __func__.
func (s *StaticMethod) Attr(t *Thread, name string) (Value, error) {
	if name == "__func__" || name == "__wrapped__" {
		return s.Fn, nil
	}
	return funcAttrOf(t, s.Fn, name)
}

// Attr returns __func__.
func (c *ClassMethod) Attr(t *Thread, name string) (Value, error) {
	if name == "__func__" || name == "__wrapped__" {
		return c.Fn, nil
	}
	return funcAttrOf(t, c.Fn, name)
}

// funcAttrOf reads a wrapped function's __name__, __doc__...
func funcAttrOf(t *Thread, fn Value, name string) (Value, error) {
	switch name {
	case "__name__", "__qualname__", "__doc__", "__module__":
		return GetAttr(t, fn, name)
	}
	return nil, nil
}

// Attr returns fget, fset, fdel, __doc__ and the decorators setter,
// getter and deleter.
func (p *Property) Attr(t *Thread, name string) (Value, error) {
	orNone := func(v Value) Value {
		if v == nil {
			return None
		}
		return v
	}
	switch name {
	case "fget":
		return orNone(p.Get), nil
	case "fset":
		return orNone(p.Set), nil
	case "fdel":
		return orNone(p.Del), nil
	case "__doc__":
		return orNone(p.Doc), nil
	case "setter", "getter", "deleter":
		return NewBuiltin("property."+name, func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs(name, args, 1, 1); err != nil {
				return nil, err
			}
			q := *p
			switch name {
			case "setter":
				q.Set = args[0]
			case "getter":
				q.Get = args[0]
			default:
				q.Del = args[0]
			}
			return &q, nil
		}), nil
	}
	return nil, nil
}

// super is the object super() returns.
type superObj struct {
	cls     *Type // the class whose successors are searched
	obj     Value // the instance (or class, in a classmethod)
	objType *Type // type(obj), or obj when it is a class
}

// Type returns the super type.
func (*superObj) Type() *Type { return superType }

// Repr returns <super: <class 'B'>, <B object>>.
func (s *superObj) Repr(t *Thread) (string, error) {
	return "<super: <class '" + s.cls.Name + "'>, <" + s.objType.Name + " object>>", nil
}

// Attr finds name in the classes after s.cls in the MRO of the object's
// type, bound to the object.
func (s *superObj) Attr(t *Thread, name string) (Value, error) {
	if name == "__class__" {
		return superType, nil
	}
	v, owner := lookupAfter(mroOf(s.objType), s.cls, name)
	if v == nil {
		return nil, Errorf(AttributeErrorType, "'super' object has no attribute '%s'", name)
	}
	if owner == nil {
		// a built-in type's method: bind it to the object
		if b, ok := v.(*Builtin); ok {
			if _, isType := s.obj.(*Type); isType && name != "__new__" && name != "__init_subclass__" {
				return b, nil
			}
			return b.BindTo(s.obj), nil
		}
		return v, nil
	}
	if s.obj == Value(s.objType) {
		// super() in a classmethod: bind class methods to the class
		return bindClassAttr(t, v, nil, s.objType)
	}
	return bindClassAttr(t, v, s.obj, s.objType)
}

// newSuper implements super(type, obj) and super(), which the compiler
// turns into super(__class__, <first argument>).
func newSuper(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	if err := noKwargs("super", kw); err != nil {
		return nil, err
	}
	switch len(args) {
	case 0:
		return nil, Errorf(RuntimeErrorType, "super(): no arguments")
	case 1:
		return nil, Errorf(TypeErrorType, "super() with one argument is not supported in scenes")
	case 2:
	default:
		return nil, Errorf(TypeErrorType, "super() takes at most 2 arguments (%d given)", len(args))
	}
	cls, ok := args[0].(*Type)
	if !ok {
		if args[0] == nil {
			return nil, Errorf(RuntimeErrorType, "super(): empty __class__ cell")
		}
		return nil, Errorf(TypeErrorType, "super() argument 1 must be a type, not %s", typeName(args[0]))
	}
	obj := args[1]
	objType := obj.Type()
	if c, ok := obj.(*Type); ok && c.IsSubtypeOf(cls) {
		objType = c
	} else if !objType.IsSubtypeOf(cls) {
		return nil, Errorf(TypeErrorType, "super(type, obj): obj must be an instance or subtype of type")
	}
	return &superObj{cls: cls, obj: obj, objType: objType}, nil
}

// bindClassAttr returns what reading a class attribute v gives through
// obj (nil when read on the class cls itself): functions become bound
// methods, static and class methods unwrap, properties run their getter.
func bindClassAttr(t *Thread, v Value, obj Value, cls *Type) (Value, error) {
	switch a := v.(type) {
	case *Function:
		if obj == nil {
			return a, nil
		}
		return &BoundMethod{Fn: a, Self: obj}, nil
	case *NativeMethod:
		if obj == nil {
			return a, nil
		}
		return a.Bind(obj), nil
	case *StaticMethod:
		return a.Fn, nil
	case *ClassMethod:
		return &BoundMethod{Fn: a.Fn, Self: cls}, nil
	case *Property:
		if obj == nil {
			return a, nil
		}
		if a.Get == nil {
			return nil, Errorf(AttributeErrorType, "property '%s' of '%s' object has no getter", a.name, cls.Name)
		}
		if t == nil {
			t = scratchThread()
		}
		return t.callValue(a.Get, []Value{obj}, nil)
	}
	return v, nil
}

// instanceAttr is obj.name for an instance of a class: data descriptors
// (properties) first, then the instance's own attributes, then the class's,
// then __getattr__. own reads the instance attributes (nil if none).
func instanceAttr(t *Thread, obj Value, cls *Type, name string, own func(string) (Value, bool)) (Value, error) {
	a := cls.Lookup(name)
	if p, ok := a.(*Property); ok {
		return bindClassAttr(t, p, obj, cls)
	}
	if v, ok := own(name); ok {
		return v, nil
	}
	if a != nil {
		return bindClassAttr(t, a, obj, cls)
	}
	switch name {
	case "__class__":
		return cls, nil
	case "__dict__":
		if o, ok := obj.(*Instance); ok {
			return o.Dict, nil
		}
	}
	if ga := cls.Lookup("__getattr__"); ga != nil {
		fn, err := bindClassAttr(t, ga, obj, cls)
		if err != nil {
			return nil, err
		}
		return t.callValue(fn, []Value{Str(name)}, nil)
	}
	return nil, nil
}

// ownAttr reads an instance's __dict__.
func (o *Instance) ownAttr(name string) (Value, bool) {
	if o.Dict.used == 0 {
		return nil, false
	}
	return o.Dict.GetStr(name)
}

// Attr returns the attribute name of the instance, or nil.
func (o *Instance) Attr(t *Thread, name string) (Value, error) {
	return instanceAttr(t, o, o.Class, name, o.ownAttr)
}

// SetAttr is obj.name = v: __setattr__ if the class defines it, a
// property's setter, else the instance's __dict__.
func (o *Instance) SetAttr(t *Thread, name string, v Value) error {
	if sa := o.Class.Lookup("__setattr__"); sa != nil {
		fn, err := bindClassAttr(t, sa, o, o.Class)
		if err != nil {
			return err
		}
		_, err = t.callValue(fn, []Value{Str(name), v}, nil)
		return err
	}
	return o.setAttrRaw(t, name, v)
}

// setAttrRaw is object.__setattr__(o, name, v).
func (o *Instance) setAttrRaw(t *Thread, name string, v Value) error {
	if p, ok := o.Class.Lookup(name).(*Property); ok {
		if p.Set == nil {
			return Errorf(AttributeErrorType, "property '%s' of '%s' object has no setter", p.name, o.Class.Name)
		}
		_, err := t.callValue(p.Set, []Value{o, v}, nil)
		return err
	}
	if name == "__class__" || name == "__dict__" {
		return Errorf(TypeErrorType, "assigning %s is not supported in scenes", name)
	}
	o.Dict.SetStr(name, v)
	return nil
}

// DelAttr is del obj.name.
func (o *Instance) DelAttr(t *Thread, name string) error {
	if da := o.Class.Lookup("__delattr__"); da != nil {
		fn, err := bindClassAttr(t, da, o, o.Class)
		if err != nil {
			return err
		}
		_, err = t.callValue(fn, []Value{Str(name)}, nil)
		return err
	}
	if p, ok := o.Class.Lookup(name).(*Property); ok {
		if p.Del == nil {
			return Errorf(AttributeErrorType, "property '%s' of '%s' object has no deleter", p.name, o.Class.Name)
		}
		_, err := t.callValue(p.Del, []Value{o}, nil)
		return err
	}
	if _, ok, _ := o.Dict.Delete(t, Str(name)); !ok {
		return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", o.Class.Name, name)
	}
	return nil
}

// classAttr is C.name for a class made by NewClass.
func classAttr(t *Thread, c *Type, name string) (Value, error) {
	switch name {
	case "__name__":
		return Str(c.Name), nil
	case "__qualname__":
		return Str(c.QualName), nil
	case "__module__":
		return Str(c.Module), nil
	case "__bases__":
		out := make(Tuple, len(c.Bases))
		for i, b := range c.Bases {
			out[i] = b
		}
		return out, nil
	case "__base__":
		return c.Bases[0], nil
	case "__mro__":
		out := make(Tuple, len(c.MRO))
		for i, b := range c.MRO {
			out[i] = b
		}
		return out, nil
	case "__dict__":
		d := NewDict()
		for _, n := range c.AttrNames {
			if v, ok := c.Attrs[n]; ok {
				d.SetStr(n, v)
			}
		}
		return d, nil
	case "__doc__":
		if v, ok := c.Attrs["__doc__"]; ok {
			return v, nil
		}
		return None, nil
	case "__class__":
		return TypeType, nil
	}
	for _, k := range c.MRO {
		if k.MRO == nil {
			if v, ok := k.Attrs[name]; ok {
				return v, nil
			}
			if b := builtinSpecial(k, name); b != nil {
				return &Builtin{Name: b.Name, Fn: unboundSpecial(b)}, nil
			}
			continue
		}
		if v, ok := k.Attrs[name]; ok {
			return bindClassAttr(t, v, nil, c)
		}
	}
	return nil, Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", c.Name, name)
}

// unboundSpecial makes object.__init__ and friends callable on the class:
// Exception.__init__(self, msg).
func unboundSpecial(b *Builtin) BuiltinFunc {
	return func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 0 {
			return nil, Errorf(TypeErrorType, "unbound method %s() needs an argument", b.Name)
		}
		return b.Fn(t, args[0], args[1:], kw)
	}
}

// builtinSpecial returns the special methods of object and BaseException
// that classes inherit and reach through super() or Base.method(self):
// unbound (the receiver is the instance).
func builtinSpecial(c *Type, name string) *Builtin {
	if c.IsException() {
		if b := exceptionSpecials[name]; b != nil {
			return b
		}
	}
	return objectSpecials[name]
}

var objectSpecials, exceptionSpecials map[string]*Builtin

func init() {
	objectSpecials = map[string]*Builtin{
		"__init__": NewBuiltin("object.__init__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if len(args) > 0 || len(kw) > 0 {
				return nil, Errorf(TypeErrorType, "object.__init__() takes exactly one argument (the instance to initialize)")
			}
			return None, nil
		}),
		"__new__": NewBuiltin("object.__new__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			cls, ok := recv.(*Type)
			if len(args) > 0 {
				cls, ok = args[0].(*Type)
			}
			if !ok {
				return nil, Errorf(TypeErrorType, "object.__new__(X): X is not a type object")
			}
			return newRawInstance(t, cls), nil
		}),
		"__repr__": NewBuiltin("object.__repr__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Str(defaultRepr(recv)), nil
		}),
		"__str__": NewBuiltin("object.__str__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			s, err := Repr(t, recv)
			return Str(s), err
		}),
		"__eq__": NewBuiltin("object.__eq__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__eq__", args, 1, 1); err != nil {
				return nil, err
			}
			if identical(recv, args[0]) {
				return True, nil
			}
			return NotImplemented, nil
		}),
		"__ne__": NewBuiltin("object.__ne__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__ne__", args, 1, 1); err != nil {
				return nil, err
			}
			eq, err := Equal(t, recv, args[0])
			return Bool(!eq), err
		}),
		"__hash__": NewBuiltin("object.__hash__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return Int(int64(identityHash(recv) >> 4)), nil
		}),
		"__setattr__": NewBuiltin("object.__setattr__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__setattr__", args, 2, 2); err != nil {
				return nil, err
			}
			name, ok := args[0].(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", typeName(args[0]))
			}
			if o, ok := recv.(*Instance); ok {
				return None, o.setAttrRaw(t, string(name), args[1])
			}
			return None, SetAttr(t, recv, string(name), args[1])
		}),
		"__getattribute__": NewBuiltin("object.__getattribute__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__getattribute__", args, 1, 1); err != nil {
				return nil, err
			}
			name, ok := args[0].(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", typeName(args[0]))
			}
			return GetAttr(t, recv, string(name))
		}),
		"__delattr__": NewBuiltin("object.__delattr__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__delattr__", args, 1, 1); err != nil {
				return nil, err
			}
			name, _ := args[0].(Str)
			if o, ok := recv.(*Instance); ok {
				if _, ok, _ := o.Dict.Delete(t, name); !ok {
					return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", o.Class.Name, name)
				}
				return None, nil
			}
			return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typeName(recv), name)
		}),
		"__init_subclass__": NewBuiltin("object.__init_subclass__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			return None, nil
		}),
		"__format__": NewBuiltin("object.__format__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if err := checkArgs("__format__", args, 1, 1); err != nil {
				return nil, err
			}
			if s, _ := args[0].(Str); s != "" {
				return nil, Errorf(TypeErrorType, "unsupported format string passed to %s.__format__", typeName(recv))
			}
			s, err := ToStr(t, recv)
			return Str(s), err
		}),
	}
	exceptionSpecials = map[string]*Builtin{
		"__init__": NewBuiltin("BaseException.__init__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			e, ok := recv.(*Exception)
			if !ok {
				return nil, Errorf(TypeErrorType, "descriptor '__init__' requires a 'BaseException' object but received a '%s'", typeName(recv))
			}
			if len(kw) > 0 {
				return nil, Errorf(TypeErrorType, "%s() takes no keyword arguments", e.Class.Name)
			}
			if e.Group == nil {
				e.Args = append(Tuple(nil), args...)
			}
			return None, nil
		}),
		"__str__": NewBuiltin("BaseException.__str__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if e, ok := recv.(*Exception); ok {
				return Str(e.baseMessage()), nil
			}
			return nil, Errorf(TypeErrorType, "descriptor '__str__' requires a 'BaseException' object")
		}),
		"__repr__": NewBuiltin("BaseException.__repr__", func(t *Thread, recv Value, args []Value, kw []Kwarg) (Value, error) {
			if e, ok := recv.(*Exception); ok {
				return Str(e.ReprString()), nil
			}
			return nil, Errorf(TypeErrorType, "descriptor '__repr__' requires a 'BaseException' object")
		}),
	}
}

// newRawInstance makes an instance of cls without calling __init__: an
// *Exception for exception classes.
func newRawInstance(t *Thread, cls *Type) Value {
	if cls.IsException() {
		return &Exception{Class: cls}
	}
	return NewInstance(t, cls)
}

// callClass is cls(*args, **kw) for a class made by NewClass: __new__
// (object's unless the class defines one), then __init__.
func callClass(t *Thread, cls *Type, args []Value, kw []Kwarg) (Value, error) {
	var obj Value
	if nw := cls.Lookup("__new__"); nw != nil {
		fn, err := bindClassAttr(t, nw, nil, cls)
		if err != nil {
			return nil, err
		}
		a := append([]Value{cls}, args...)
		obj, err = t.callValue(fn, a, kw)
		if err != nil {
			return nil, err
		}
		if !obj.Type().IsSubtypeOf(cls) {
			return obj, nil
		}
	} else if cls.IsException() {
		if cls.IsSubtypeOf(BaseExceptionGroupType) {
			return nil, Errorf(TypeErrorType, "classes that derive from ExceptionGroup are not supported in scenes")
		}
		obj = &Exception{Class: cls, Args: append(Tuple(nil), args...)}
	} else {
		obj = NewInstance(t, cls)
	}
	init := cls.Lookup("__init__")
	if init == nil {
		if cls.Lookup("__new__") != nil {
			return obj, nil
		}
		if cls.IsException() {
			if len(kw) > 0 {
				return nil, Errorf(TypeErrorType, "%s() takes no keyword arguments", cls.Name)
			}
			return obj, nil
		}
		if len(args) > 0 || len(kw) > 0 {
			return nil, Errorf(TypeErrorType, "%s() takes no arguments", cls.Name)
		}
		return obj, nil
	}
	var r Value
	var err error
	if f, ok := init.(*Function); ok {
		// a plain __init__: call it with self first, without a bound method
		a := make([]Value, len(args)+1)
		a[0] = obj
		copy(a[1:], args)
		r, err = t.callValue(f, a, kw)
	} else {
		var fn Value
		if fn, err = bindClassAttr(t, init, obj, cls); err != nil {
			return nil, err
		}
		r, err = t.callValue(fn, args, kw)
	}
	if err != nil {
		return nil, err
	}
	if r != None && r != nil {
		return nil, Errorf(TypeErrorType, "__init__() should return None, not '%s'", typeName(r))
	}
	return obj, nil
}

// special returns the method name of x's class bound to x, when x is an
// instance of a class made by NewClass that defines it; nil otherwise.
func special(t *Thread, x Value, name string) (Value, error) {
	cls := x.Type()
	if cls.MRO == nil {
		return nil, nil
	}
	m := cls.Lookup(name)
	if m == nil {
		return nil, nil
	}
	if m == None {
		return None, nil
	}
	return bindClassAttr(t, m, x, cls)
}

// callSpecial calls x's special method name with args; ok is false when
// the class does not define it.
func callSpecial(t *Thread, x Value, name string, args ...Value) (v Value, ok bool, err error) {
	if t == nil {
		t = scratchThread()
	}
	m, err := special(t, x, name)
	if err != nil || m == nil {
		return nil, false, err
	}
	if m == None {
		return nil, false, nil
	}
	v, err = t.callValue(m, args, nil)
	return v, true, err
}

// defaultRepr is object.__repr__: <__main__.Foo object at 0x...>.
func defaultRepr(x Value) string {
	c := x.Type()
	name := c.Name
	if c.MRO != nil {
		name = c.QualName
	}
	mod := c.Module
	if mod == "" {
		mod = "builtins"
	}
	if mod != "builtins" {
		name = mod + "." + name
	}
	return "<" + name + " object at " + fakeAddr(x) + ">"
}

// classRepr is repr(cls): <class '__main__.Foo'>.
func classRepr(c *Type) string {
	return "<class '" + c.Module + "." + c.QualName + "'>"
}

// instanceRepr is repr(x) for an instance: its __repr__, or the default.
func instanceRepr(t *Thread, x Value) (string, error) {
	v, ok, err := callSpecial(t, x, "__repr__")
	if err != nil {
		return "", err
	}
	if !ok {
		if e, isExc := x.(*Exception); isExc {
			return e.ReprString(), nil
		}
		return defaultRepr(x), nil
	}
	s, isStr := v.(Str)
	if !isStr {
		return "", Errorf(TypeErrorType, "__repr__ returned non-string (type %s)", typeName(v))
	}
	return string(s), nil
}

// instanceStr is str(x) for an instance: its __str__, else its repr.
func instanceStr(t *Thread, x Value) (string, error) {
	v, ok, err := callSpecial(t, x, "__str__")
	if err != nil {
		return "", err
	}
	if !ok {
		if e, isExc := x.(*Exception); isExc {
			return e.baseMessage(), nil
		}
		return instanceRepr(t, x)
	}
	s, isStr := v.(Str)
	if !isStr {
		return "", Errorf(TypeErrorType, "__str__ returned non-string (type %s)", typeName(v))
	}
	return string(s), nil
}

// scratchThread runs a special method for Go code that has no thread (an
// exception's message, printed by the host after the run).
func scratchThread() *Thread { return NewThread(nil, "str", 0) }

// method returns the Python function that obj.name calls when it is a plain
// method of the class (not shadowed by an instance attribute), for the
// VM's LOAD_METHOD; nil otherwise.
func (o *Instance) method(name string) *Function {
	if o.Dict.used > 0 {
		if _, ok := o.Dict.GetStr(name); ok {
			return nil
		}
	}
	fn, _ := o.Class.Lookup(name).(*Function)
	return fn
}

// loadName reads a name in a class body: the class namespace, then the
// module's globals, then the builtins.
func loadName(f *Frame, name string) (Value, error) {
	if v, ok := f.namespace().GetStr(name); ok {
		return v, nil
	}
	if v, _ := f.globals.Attr(nil, name); v != nil {
		return v, nil
	}
	if v := builtinValues[name]; v != nil {
		return v, nil
	}
	return nil, nameError(f, name)
}

// truthT is bool(v), calling __bool__ or __len__ for an instance.
func truthT(t *Thread, v Value) (bool, error) {
	if o, ok := v.(*Instance); ok {
		return instanceTruth(t, o)
	}
	return Truth(v), nil
}

func instanceTruth(t *Thread, o *Instance) (bool, error) {
	if v, ok, err := callSpecial(t, o, "__bool__"); ok || err != nil {
		if err != nil {
			return false, err
		}
		b, isBool := v.(Bool)
		if !isBool {
			return false, Errorf(TypeErrorType, "__bool__ should return bool, returned %s", typeName(v))
		}
		return bool(b), nil
	}
	if m, err := special(t, o, "__len__"); err != nil {
		return false, err
	} else if m != nil && m != None {
		n, err := Len(t, o)
		return n > 0, err
	}
	return true, nil
}

// DelAttr performs del x.name.
func DelAttr(t *Thread, x Value, name string) error {
	switch o := x.(type) {
	case *Instance:
		return o.DelAttr(t, name)
	case *Type:
		if o.MRO != nil {
			if _, ok := o.Attrs[name]; !ok {
				return Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", o.Name, name)
			}
			delete(o.Attrs, name)
			for i, n := range o.AttrNames {
				if n == name {
					o.AttrNames = append(o.AttrNames[:i:i], o.AttrNames[i+1:]...)
					break
				}
			}
			return nil
		}
	case *Exception:
		if _, ok := o.Attrs[name]; ok {
			delete(o.Attrs, name)
			return nil
		}
	}
	return Errorf(AttributeErrorType, "'%s' object attribute '%s' cannot be deleted", typeName(x), name)
}

// runClassBody runs a class body with ns as its namespace and returns what
// the body returns: its __class__ cell, or None.
func (t *Thread) runClassBody(fn *Function, ns *Dict) (Value, error) {
	if t.vm.depth >= t.vm.limit {
		return nil, recursionError()
	}
	f := newFrame(fn, t.vm.frame)
	f.locals[0] = ns
	saveFrame, saveDepth := t.vm.frame, t.vm.depth
	t.vm.nested++
	t.vm.depth++
	v, _, err := t.exec(f, f, delivery{})
	t.vm.nested--
	t.vm.frame, t.vm.depth = saveFrame, saveDepth
	return v, err
}

// buildClass is __build_class__(body, name, *bases, **kw), which a class
// statement calls: it runs the body in a new namespace and makes the class.
var buildClass = NewBuiltin("__build_class__", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
	body := args[0].(*Function)
	name := string(args[1].(Str))
	var bases []*Type
	for _, b := range args[2:] {
		c, ok := b.(*Type)
		if !ok {
			return nil, Errorf(TypeErrorType, "a class's bases must be classes: %s is a '%s' object", name, typeName(b))
		}
		bases = append(bases, c)
	}
	for _, k := range kw {
		if k.Name == "metaclass" {
			if k.Value == TypeType {
				continue
			}
			return nil, Errorf(TypeErrorType, "metaclasses are not supported in scenes")
		}
		return nil, Errorf(TypeErrorType, "%s.__init_subclass__() takes no keyword arguments", name)
	}
	ns := NewDict()
	cell, err := t.runClassBody(body, ns)
	if err != nil {
		return nil, err
	}
	cls, err := NewClass(name, body.Code.QualName, body.Globals.Name, bases, ns)
	if err != nil {
		return nil, err
	}
	if c, ok := cell.(*Cell); ok {
		c.V = cls
	}
	if m, owner := lookupAfter(cls.MRO, cls, "__init_subclass__"); owner != nil {
		fn, err := bindClassAttr(t, m, nil, cls)
		if err != nil {
			return nil, err
		}
		if _, err := t.callValue(fn, nil, nil); err != nil {
			return nil, err
		}
	}
	return cls, nil
})

func init() {
	builtinValues["NotImplemented"] = NotImplemented
	builtinValues["super"] = superType
	superType.New = newSuper
	builtinValues["property"] = propertyType
	propertyType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) > 4 {
			return nil, Errorf(TypeErrorType, "property expected at most 4 arguments, got %d", len(args))
		}
		p := &Property{}
		slots := []*Value{&p.Get, &p.Set, &p.Del, &p.Doc}
		for i, a := range args {
			if a != None {
				*slots[i] = a
			}
		}
		for _, k := range kw {
			i := map[string]int{"fget": 0, "fset": 1, "fdel": 2, "doc": 3}[k.Name]
			if _, ok := map[string]bool{"fget": true, "fset": true, "fdel": true, "doc": true}[k.Name]; !ok {
				return nil, Errorf(TypeErrorType, "property() got an unexpected keyword argument '%s'", k.Name)
			}
			if k.Value != None {
				*slots[i] = k.Value
			}
		}
		return p, nil
	}
	builtinValues["staticmethod"] = staticMethodType
	staticMethodType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("staticmethod", args, 1, 1); err != nil {
			return nil, err
		}
		return &StaticMethod{Fn: args[0]}, noKwargs("staticmethod", kw)
	}
	builtinValues["classmethod"] = classMethodType
	classMethodType.New = func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("classmethod", args, 1, 1); err != nil {
			return nil, err
		}
		return &ClassMethod{Fn: args[0]}, noKwargs("classmethod", kw)
	}
	builtinValues["vars"] = NewBuiltin("vars", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("vars", args, 1, 1); err != nil {
			return nil, err
		}
		v, err := GetAttr(t, args[0], "__dict__")
		if err != nil {
			return nil, Errorf(TypeErrorType, "vars() argument must have __dict__ attribute")
		}
		return v, nil
	})
	builtinValues["delattr"] = NewBuiltin("delattr", func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArgs("delattr", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "attribute name must be string, not '%s'", typeName(args[1]))
		}
		return None, DelAttr(t, args[0], string(name))
	})
}

// FirstLine is the coroutine's co_firstlineno: the line of its def (of its
// first decorator, if any), which a finished task's repr names.
func (g *Generator) FirstLine() int { return g.fn.Code.FirstLine }
