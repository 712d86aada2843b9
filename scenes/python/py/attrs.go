package py

// HasMethods is implemented by native objects that can return their
// methods unbound (Recv nil), so that obj.method(...) calls need not
// allocate a bound method. The interpreter calls the result with the
// object as recv.
type HasMethods interface {
	Value
	Method(name string) *Builtin
}

// methodTables holds the methods of the built-in types, by type.
var methodTables = map[*Type]map[string]*Builtin{}

func addMethods(typ *Type, fns map[string]BuiltinFunc) {
	m := methodTables[typ]
	if m == nil {
		m = map[string]*Builtin{}
		methodTables[typ] = m
	}
	for name, fn := range fns {
		m[name] = &Builtin{Name: typ.Name + "." + name, Fn: fn}
	}
}

// lookupMethod finds an unbound method of x's type, or nil.
func lookupMethod(x Value, name string) *Builtin {
	var typ *Type
	switch x := x.(type) {
	case Str:
		typ = StrType
	case *List:
		typ = ListType
	case *Dict:
		if x.Class != nil {
			if m := x.Class.Methods[name]; m != nil {
				return m
			}
		}
		typ = DictType
	case *Set:
		typ = SetType
	case Tuple:
		typ = TupleType
	case Bytes:
		typ = BytesType
	case Int, *BigInt, Bool:
		typ = IntType
	case Float:
		typ = FloatType
	case *Generator:
		typ = x.Type()
	case *DictView:
		return nil
	case HasMethods:
		return x.Method(name)
	default:
		return nil
	}
	return methodTables[typ][name]
}

// GetAttr returns x.name, or AttributeError as CPython words it.
func GetAttr(t *Thread, x Value, name string) (Value, error) {
	if m := lookupMethod(x, name); m != nil {
		return m.BindTo(x), nil
	}
	switch v := x.(type) {
	case *Dict:
		if v.Class != nil && v.Class.Attr != nil {
			a, err := v.Class.Attr(t, v, name)
			if err != nil || a != nil {
				return a, err
			}
		}
	case HasAttrs:
		a, err := v.Attr(t, name)
		if err != nil || a != nil {
			return a, err
		}
		if m, ok := v.(*Module); ok {
			return nil, attributeError(x, name, "module '%s' has no attribute '%s'", m.Name, name)
		}
	case *Type:
		if v.MRO != nil {
			return classAttr(t, v, name)
		}
		switch name {
		case "__name__", "__qualname__":
			return Str(v.Name), nil
		case "__module__":
			return Str(v.Module), nil
		case "__base__":
			if v.Base == nil {
				return None, nil
			}
			return v.Base, nil
		}
		for c := v; c != nil; c = c.Base {
			if a, ok := c.Attrs[name]; ok {
				return a, nil
			}
		}
		if m := methodTables[v][name]; m != nil {
			return &Builtin{Name: m.Name, Fn: unboundMethod(v, m)}, nil
		}
		if v == ObjectType || v.IsException() {
			// object.__setattr__(self, ...), Exception.__init__(self, ...)
			if b := builtinSpecial(v, name); b != nil {
				return &Builtin{Name: b.Name, Fn: unboundSpecial(b)}, nil
			}
		}
		return nil, Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", v.Name, name)
	case *Function:
		if a, ok := v.Attrs[name]; ok {
			// __doc__, __module__ or __wrapped__ set by functools.wraps
			return a, nil
		}
		switch name {
		case "__name__":
			return Str(v.Name), nil
		case "__qualname__":
			return Str(v.QualName), nil
		case "__module__":
			return Str("__main__"), nil
		case "__doc__":
			return None, nil
		case "__code__":
			return &codeObject{v.Code}, nil
		case "__defaults__":
			if len(v.Defaults) == 0 {
				return None, nil
			}
			return Tuple(v.Defaults), nil
		case "__annotations__":
			// CPython makes an empty dict on first access and keeps it.
			if v.Annotations == nil {
				v.Annotations = NewDict()
			}
			return v.Annotations, nil
		}
	case *Builtin:
		switch name {
		case "__name__", "__qualname__":
			n := v.Name
			for i := len(n) - 1; i >= 0; i-- {
				if n[i] == '.' {
					if name == "__name__" {
						n = n[i+1:]
					}
					break
				}
			}
			return Str(n), nil
		case "__self__":
			if v.Recv == nil {
				return None, nil
			}
			return v.Recv, nil
		}
	case *BoundMethod:
		switch name {
		case "__self__":
			return v.Self, nil
		case "__func__":
			return v.Fn, nil
		}
		return GetAttr(t, v.Fn, name)
	case *Generator:
		switch name {
		case "__name__":
			return Str(v.fn.Name), nil
		case "__qualname__":
			return Str(v.fn.QualName), nil
		case "cr_running", "gi_running":
			return Bool(v.running), nil
		case "cr_frame", "gi_frame":
			if v.done {
				return None, nil
			}
		case "cr_code", "gi_code":
			return &codeObject{v.fn.Code}, nil
		}
	case Int, *BigInt, Bool:
		switch name {
		case "real", "numerator":
			a, _ := asInt(x)
			return a, nil
		case "imag":
			return Int(0), nil
		case "denominator":
			return Int(1), nil
		}
	case Float:
		switch name {
		case "real":
			return v, nil
		case "imag":
			return Float(0), nil
		}
	case *Range:
		switch name {
		case "start":
			return Int(v.Start), nil
		case "stop":
			return Int(v.Stop), nil
		case "step":
			return Int(v.Step), nil
		}
	case *Slice:
		switch name {
		case "start":
			return v.Start, nil
		case "stop":
			return v.Stop, nil
		case "step":
			return v.Step, nil
		}
	}
	if name == "__class__" {
		return x.Type(), nil
	}
	if name == "__await__" {
		if aw := nativeAwait(x); aw != nil {
			return aw, nil
		}
	}
	return nil, attributeError(x, name, "'%s' object has no attribute '%s'", typeName(x), name)
}

// codeObject is a function's __code__ (only its name is readable).
type codeObject struct{ c *Code }

// Type returns the code type.
func (*codeObject) Type() *Type { return codeType }

var codeType = &Type{Name: "code", Module: "builtins", Base: ObjectType}

// Attr returns co_name and co_qualname.
func (c *codeObject) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "co_name":
		return Str(c.c.Name), nil
	case "co_qualname":
		return Str(c.c.QualName), nil
	case "co_filename":
		return Str(c.c.File), nil
	case "co_firstlineno":
		return Int(c.c.FirstLine), nil
	}
	return nil, nil
}

func unboundMethod(typ *Type, m *Builtin) BuiltinFunc {
	return func(t *Thread, _ Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 0 {
			return nil, Errorf(TypeErrorType, "unbound method %s() needs an argument", m.Name)
		}
		if !args[0].Type().IsSubtypeOf(typ) {
			return nil, Errorf(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.Name[len(typ.Name)+1:], typ.Name, typeName(args[0]))
		}
		return m.Fn(t, args[0], args[1:], kw)
	}
}

// SetAttr performs x.name = v.
func SetAttr(t *Thread, x Value, name string, v Value) error {
	switch o := x.(type) {
	case HasSetAttr:
		return o.SetAttr(t, name, v)
	case *Function:
		switch name {
		case "__name__":
			if s, ok := v.(Str); ok {
				o.Name = string(s)
				return nil
			}
			return Errorf(TypeErrorType, "__name__ must be set to a string object")
		case "__qualname__":
			if s, ok := v.(Str); ok {
				o.QualName = string(s)
				return nil
			}
			return Errorf(TypeErrorType, "__qualname__ must be set to a string object")
		}
		if o.Attrs == nil {
			o.Attrs = map[string]Value{}
		}
		o.Attrs[name] = v
		return nil
	case HasAttrs:
		if a, _ := o.Attr(t, name); a != nil {
			return Errorf(AttributeErrorType, "'%s' object attribute '%s' is read-only", typeName(x), name)
		}
	case *Type:
		if o.MRO != nil {
			o.SetClassAttr(name, v)
			return nil
		}
		return Errorf(TypeErrorType, "cannot set '%s' attribute of immutable type '%s'", name, o.Name)
	}
	if _, err := GetAttr(t, x, name); err == nil {
		return Errorf(AttributeErrorType, "'%s' object attribute '%s' is read-only", typeName(x), name)
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typeName(x), name)
}
