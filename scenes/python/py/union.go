package py

import "strings"

// UnionTypeType is the type of int | None (types.UnionType), which
// annotations such as `limit: int | None = None` evaluate to.
var UnionTypeType = &Type{Name: "UnionType", Module: "types", Base: ObjectType}

// Union is the value of type | type (types.UnionType): its members in
// order, flattened and without repeats; None stands for NoneType.
type Union struct {
	Args []Value
}

// Type returns UnionTypeType.
func (*Union) Type() *Type { return UnionTypeType }

// Repr is CPython's: each member by its qualified name, None as None.
func (u *Union) Repr(t *Thread) (string, error) {
	parts := make([]string, len(u.Args))
	for i, a := range u.Args {
		switch a := a.(type) {
		case *Type:
			parts[i] = a.Name
			if a.Module != "builtins" && a.Module != "" {
				parts[i] = a.Module + "." + a.Name
			}
		case NoneType:
			parts[i] = "None"
		}
	}
	return strings.Join(parts, " | "), nil
}

// typeUnion returns x | y when both are types, None or unions and one of
// them is not None, as type.__or__ and __ror__ do; nil otherwise.
func typeUnion(x, y Value) Value {
	var args []Value
	add := func(v Value) bool {
		switch v := v.(type) {
		case *Union:
			for _, a := range v.Args {
				addArg(&args, a)
			}
		case *Type:
			if v == NoneTypeType {
				addArg(&args, None)
			} else {
				addArg(&args, v)
			}
		case NoneType:
			addArg(&args, None)
		default:
			return false
		}
		return true
	}
	if _, ok := x.(NoneType); ok {
		if _, ok := y.(NoneType); ok {
			return nil
		}
	}
	if !add(x) || !add(y) {
		return nil
	}
	if len(args) == 1 {
		if args[0] == None {
			return NoneTypeType
		}
		return args[0]
	}
	return &Union{Args: args}
}

func addArg(args *[]Value, v Value) {
	for _, a := range *args {
		if a == v {
			return
		}
	}
	*args = append(*args, v)
}
