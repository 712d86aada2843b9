package syntax

import (
	"fmt"
	"math/big"
	"reflect"
	"strings"
)

// treeString prints a syntax node compactly: (Type Field=value ...),
// omitting positions, nil fields and resolver annotations. Identifiers
// print as their names, literals as their values.
func treeString(n interface{}) string {
	var b strings.Builder
	writeTree(&b, reflect.ValueOf(n))
	return b.String()
}

var posType = reflect.TypeOf(Position{})

func writeTree(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		writeTree(b, v.Elem())
		return
	case reflect.Ptr:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		switch x := v.Interface().(type) {
		case *Ident:
			b.WriteString(x.Name)
			return
		case *Literal:
			switch val := x.Value.(type) {
			case string:
				if x.Token == BYTES {
					fmt.Fprintf(b, "b%q", val)
				} else {
					fmt.Fprintf(b, "%q", val)
				}
			case *big.Int:
				fmt.Fprintf(b, "%s", val)
			case nil, bool:
				b.WriteString(x.Token.String())
			default:
				fmt.Fprintf(b, "%v", val)
			}
			return
		}
		writeTree(b, v.Elem())
		return
	case reflect.Slice:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			writeTree(b, v.Index(i))
		}
		b.WriteString("]")
		return
	case reflect.Struct:
		t := v.Type()
		b.WriteString("(")
		b.WriteString(strings.TrimPrefix(t.String(), "syntax."))
		for i := 0; i < t.NumField(); i++ {
			fv := v.Field(i)
			ft := t.Field(i)
			if ft.Type == posType || ft.Type.Kind() == reflect.Interface && (ft.Name == "Binding" || ft.Name == "Function" || ft.Name == "Module") || ft.Name == "EqPos" || ft.Name == "Raw" {
				continue
			}
			switch fv.Kind() {
			case reflect.Ptr, reflect.Interface, reflect.Slice:
				if fv.IsNil() {
					continue
				}
			case reflect.Bool:
				if !fv.Bool() {
					continue
				}
			case reflect.String:
				if fv.String() == "" {
					continue
				}
			case reflect.Int32:
				if fv.Int() == 0 {
					continue
				}
			}
			fmt.Fprintf(b, " %s=", ft.Name)
			writeTree(b, fv)
		}
		b.WriteString(")")
		return
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
		return
	case reflect.Int32:
		if v.Type() == reflect.TypeOf(rune(0)) {
			fmt.Fprintf(b, "%c", rune(v.Int()))
			return
		}
	}
	if t, ok := v.Interface().(Token); ok {
		b.WriteString(t.String())
		return
	}
	fmt.Fprintf(b, "%v", v.Interface())
}
