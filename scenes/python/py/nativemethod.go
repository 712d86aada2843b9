package py

// NativeMethod is a method written in Go that a library module puts in a
// class's namespace (the __init__, __repr__ and __eq__ that
// dataclasses.dataclass writes): read through an instance it binds to it,
// as a Python function does, and read on the class it is a plain function
// taking the instance first.
type NativeMethod struct {
	Name string // its __qualname__: "Point.__init__"
	Fn   BuiltinFunc
}

var nativeMethodType = &Type{Name: "function", Module: "builtins", Base: ObjectType}

// Type returns the function type.
func (*NativeMethod) Type() *Type { return nativeMethodType }

// Call calls the method unbound: the instance is the first argument.
func (m *NativeMethod) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 0 {
		return nil, Errorf(TypeErrorType, "%s() missing 1 required positional argument: 'self'", m.Name)
	}
	return m.Fn(t, args[0], args[1:], kw)
}

// Bind returns the method bound to obj.
func (m *NativeMethod) Bind(obj Value) *Builtin { return &Builtin{Name: m.Name, Recv: obj, Fn: m.Fn} }

// Repr returns <function Point.__init__ at 0x...>.
func (m *NativeMethod) Repr(t *Thread) (string, error) {
	return "<function " + m.Name + " at " + fakeAddr(m) + ">", nil
}

// Attr returns __name__ and __qualname__.
func (m *NativeMethod) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "__qualname__":
		return Str(m.Name), nil
	case "__name__":
		n := m.Name
		for i := len(n) - 1; i >= 0; i-- {
			if n[i] == '.' {
				n = n[i+1:]
				break
			}
		}
		return Str(n), nil
	}
	return nil, nil
}
