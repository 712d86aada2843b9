// Package suggest finds, for a misspelt name, the closest of a list of
// names by the rules of CPython 3.11's suggestions.c, which appends
// ". Did you mean: 'x'?" to NameError and AttributeError. The interpreter
// uses it at run time and the resolver for the names of modules.
package suggest

// CPython 3.11 appends ". Did you mean: 'x'?" to the last traceback line of
// a NameError or AttributeError when a similar name exists
// (Python/suggestions.c); these are its rules and constants.
const (
	suggestMaxItems  = 750
	suggestMaxString = 40
	suggestMoveCost  = 2
	suggestCaseCost  = 1
)

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return suggestMoveCost
	}
	if a == b {
		return 0
	}
	if 'A' <= a && a <= 'Z' {
		a += 'a' - 'A'
	}
	if 'A' <= b && b <= 'Z' {
		b += 'a' - 'A'
	}
	if a == b {
		return suggestCaseCost
	}
	return suggestMoveCost
}

// levenshtein is suggestions.c's levenshtein_distance (on UTF-8 bytes).
func levenshtein(a, b string, maxCost int) int {
	if a == b {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * suggestMoveCost
	}
	if len(a) > suggestMaxString || len(b) > suggestMaxString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	var buffer [suggestMaxString]int
	tmp := suggestMoveCost
	for i := 0; i < len(a); i++ {
		buffer[i] = tmp
		tmp += suggestMoveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * suggestMoveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i := 0; i < len(a); i++ {
			substitute := distance + substitutionCost(code, a[i])
			distance = buffer[i]
			insertDelete := min(result, distance) + suggestMoveCost
			result = min(insertDelete, substitute)
			buffer[i] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// Distance is suggestions.c's weighted edit distance between a and b
// (an insertion, deletion or substitution costs 2, a change of case 1).
func Distance(a, b string) int { return levenshtein(a, b, 1<<30) }

// Closest picks the candidate closest to name, or "" when none is close
// enough (suggestions.c's calculate_suggestions).
func Closest(candidates []string, name string) string {
	if len(candidates) >= suggestMaxItems {
		return ""
	}
	best := int(^uint(0) >> 1)
	suggestion := ""
	found := false
	for _, item := range candidates {
		if item == name {
			continue
		}
		maxDistance := (len(name) + len(item) + 3) * suggestMoveCost / 6
		maxDistance = min(maxDistance, best-1)
		d := levenshtein(name, item, maxDistance)
		if d > maxDistance {
			continue
		}
		if !found || d < best {
			suggestion, best, found = item, d, true
		}
	}
	return suggestion
}
