package scenes

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// A scene's prompt for the page's Predict mode lives beside it in
// predict.txt: one question, in every language, about a few lines the
// scene prints, most often "which of these prints first?". The options are
// lines of the scene's output; the answer is never written down: the page
// finds it in the run it plays, and the site's build checks that every
// option is a line the scene really prints. The file, line by line
// (a line starting with "#" is a comment; blank lines are skipped):
//
//	ask: first
//	en: After create_task, which line prints first?
//	ko: create_task 다음에 어느 줄이 먼저 출력될까요?
//	option: tasks created; they start when main() pauses
//	option: coffee: start brewing
//
// ask is "first" (the answer is the option printed first) or "last" (the
// option whose first print comes last). An option is a whole line as the
// scene prints it, without the loop time it starts with ("1.0s  "), which
// the page hides while the learner predicts (Unstamped).

// Prompt is a scene's question for the Predict mode.
type Prompt struct {
	Ask      string   `json:"ask"`      // "first" or "last": which option is the answer
	Question Text     `json:"question"` // the question, in each of Languages
	Options  []string `json:"options"`  // lines the scene prints, unstamped, in the order offered
}

// Prompt limits: a question offers this many options.
const (
	MinOptions = 2
	MaxOptions = 5
)

// stamp is the loop time a scene's line starts with, as the built-in scenes
// print it: "1.5s" and at least one space.
var stamp = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?s +`)

// Unstamped is a printed line without the loop time it starts with
// ("1.5s  tea: ready" is "tea: ready"): the time would give the order
// away. The page hides it by the same rule.
func Unstamped(line string) string {
	return strings.TrimPrefix(line, stamp.FindString(line))
}

// ParsePrompt reads a predict.txt; an error names the line.
func ParsePrompt(src string) (*Prompt, error) {
	p := &Prompt{Question: Text{}}
	n := 0
	for line := range strings.Lines(src) {
		n++
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ": ")
		if !ok {
			return nil, fmt.Errorf("line %d: want \"key: value\", got %q", n, line)
		}
		switch {
		case key == "ask":
			if p.Ask != "" {
				return nil, fmt.Errorf("line %d: ask given twice", n)
			}
			if val != "first" && val != "last" {
				return nil, fmt.Errorf("line %d: ask is \"first\" or \"last\", not %q", n, val)
			}
			p.Ask = val
		case key == "option":
			if strings.TrimSpace(val) == "" {
				return nil, fmt.Errorf("line %d: empty option", n)
			}
			if val != Unstamped(val) {
				return nil, fmt.Errorf("line %d: leave out the loop time the line starts with: %q", n, Unstamped(val))
			}
			if slices.Contains(p.Options, val) {
				return nil, fmt.Errorf("line %d: option %q given twice", n, val)
			}
			p.Options = append(p.Options, val)
		case slices.Contains(Languages, key):
			if _, dup := p.Question[key]; dup {
				return nil, fmt.Errorf("line %d: the %s question given twice", n, key)
			}
			if strings.TrimSpace(val) == "" {
				return nil, fmt.Errorf("line %d: empty %s question", n, key)
			}
			p.Question[key] = strings.TrimSpace(val)
		default:
			return nil, fmt.Errorf("line %d: unknown key %q (want ask, option, or a language: %s)", n, key, strings.Join(Languages, ", "))
		}
	}
	if p.Ask == "" {
		return nil, fmt.Errorf("no \"ask: first\" or \"ask: last\" line")
	}
	for _, lang := range Languages {
		if p.Question[lang] == "" {
			return nil, fmt.Errorf("no %s question (a line \"%s: ...\")", lang, lang)
		}
	}
	if len(p.Options) < MinOptions || len(p.Options) > MaxOptions {
		return nil, fmt.Errorf("%d options: want %d to %d", len(p.Options), MinOptions, MaxOptions)
	}
	return p, nil
}

// Answer is the index of the option that answers the prompt in a run that
// printed output (stdout and stderr as the console shows them, one line
// after another): the option printed first, or the one whose first print
// comes last. An option the output never prints is an error: the prompt
// does not fit the scene.
func (p *Prompt) Answer(output string) (int, error) {
	first := map[string]int{}
	for i, line := range strings.Split(output, "\n") {
		if _, seen := first[Unstamped(line)]; !seen {
			first[Unstamped(line)] = i
		}
	}
	best := -1
	for i, o := range p.Options {
		at, ok := first[o]
		if !ok {
			return 0, fmt.Errorf("option %q is not a line the scene prints", o)
		}
		if best < 0 || (p.Ask == "first") == (at < first[p.Options[best]]) {
			best = i
		}
	}
	return best, nil
}
