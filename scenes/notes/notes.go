// Package notes renders a scene's study notes, markdown, to HTML with
// goldmark, and tells which section explains which moment of the scene.
//
// # Sections and their moments
//
// The notes are the scene's story, told in the order it happens. What
// comes before the first section (the title and a few lines) is the
// introduction, shown and lit before the scene has done anything. Each
// section opens with a heading that carries an id, and the line right
// under the heading says at which moment of the scene it starts:
//
//	## Bob waits for the lock {#bob-waits}
//	{when: event sync.wait, line 23}
//	Bob asks while Ann holds the lock...
//
// A section runs to the next heading of the same or a higher level and is
// rendered as <section class="note-section" data-section="ID">; the
// introduction as <section class="note-section note-intro"
// data-section="intro">. The {when: ...} line is never shown.
//
// A section starts at the first event of the run that meets every
// condition of its line (ParseWhen lists them: line, time, print, event),
// and it stays lit until a later section starts: at every event the lit
// section is the one that started last (Lit). So a teacher writes, for
// each part of the story, where it begins: "when line 23 first runs",
// "when the clock reaches 2 s", "when 'ann takes 30' is printed". The
// sections should start in the order they are written, each at a
// different event, none at the very first one (that is the
// introduction's): the scenes' tests check it for every built-in scene, in
// both languages, and that both languages tell the story with the same
// sections and the same moments.
//
// Lines are the lines of the scene as written: after a learner edits the
// scene, the page stops lighting sections and says that the notes describe
// the original scene.
//
// # Markdown
//
// The notes are CommonMark plus heading ids and the {when: ...} lines: no
// tables, no strikethrough, no raw HTML (dropped, not passed through).
// The site renders them when it is built, natively; the page receives the
// HTML and each section's moment.
package notes

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// IntroID is the id of the introduction, the section made of what comes
// before the first heading with an id. A heading may not use it.
const IntroID = "intro"

// Rendered is a notes file rendered to HTML.
type Rendered struct {
	HTML     string    `json:"html"`
	Sections []Section `json:"sections"` // in document order, the introduction first if there is one
}

// Section is one section of the notes and the moment it explains.
type Section struct {
	ID   string `json:"id"`
	When When   `json:"-"` // empty for the introduction
	// Line and Col are where its heading starts in the notes file
	// (1-based; 1, 1 for the introduction).
	Line, Col int `json:"-"`
}

// Error is a problem in a notes file, at a line and column (1-based;
// Col is 0 when unknown).
type Error struct {
	Line, Col int
	Msg       string
}

// Error returns "line L: msg", as the notes' errors have always read; a
// caller that knows the file's name adds the column (file:L:C: msg).
func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// errorAt returns an *Error at the byte offset in src.
func errorAt(src []byte, offset int, format string, args ...any) *Error {
	line, col := position(src, offset)
	return &Error{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// IDs returns the sections' ids, in order.
func (r *Rendered) IDs() []string {
	ids := make([]string, len(r.Sections))
	for i, s := range r.Sections {
		ids[i] = s.ID
	}
	return ids
}

// markdown is the one goldmark every call shares, made on first use:
// building it per call would redo the set-up of its parsers and renderers.
// goldmark sets them up once (behind a sync.Once) and keeps the state of a
// conversion per call (the parser context, where the {when: ...} lines
// found are kept), so sharing it is safe.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithParagraphTransformers(util.Prioritized(whenLines{}, 50)),
			parser.WithASTTransformers(util.Prioritized(sectioner{}, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(sectionRenderer{}, 100)),
			html.WithXHTML(),
		),
	)
})

// whensKey holds, in a conversion's parser context, the {when: ...} lines
// found so far.
var whensKey = parser.NewContextKey()

// whenLine is a {when: ...} line: the heading it follows (nil if it does
// not directly follow one), where it is, and what it says.
type whenLine struct {
	heading *ast.Heading
	offset  int
	text    string
	closed  bool // it ends with }
}

// Render renders markdown notes. It fails, naming the line, on a section
// without a {when: ...} line, a {when: ...} line that is not right under a
// section's heading or cannot be parsed, and two sections with one id.
func Render(src []byte) (*Rendered, error) {
	md := markdown()
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	whens, _ := pc.Get(whensKey).([]whenLine)
	byHeading := map[*ast.Heading]whenLine{}
	for _, w := range whens {
		if w.heading == nil || headingID(w.heading) == "" {
			return nil, errorAt(src, w.offset, "a {when: ...} line belongs right under a section's heading (## Title {#id})")
		}
		if !w.closed {
			return nil, errorAt(src, w.offset, "a {when: ...} line ends with }")
		}
		if _, twice := byHeading[w.heading]; twice {
			return nil, errorAt(src, w.offset, "a second {when: ...} line for one section")
		}
		byHeading[w.heading] = w
	}
	var sections []Section
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		sec, ok := n.(*sectionBlock)
		if !ok {
			continue
		}
		s := Section{ID: sec.id, Line: 1, Col: 1}
		at := 0
		if sec.heading != nil {
			at = headingStart(src, sec.heading)
			s.Line, s.Col = position(src, at)
		}
		for _, old := range sections {
			if old.ID == s.ID {
				return nil, errorAt(src, at, "section id %q appears twice", s.ID)
			}
		}
		if sec.heading != nil {
			if s.ID == IntroID {
				return nil, errorAt(src, at, "the id %q is the introduction's: choose another", IntroID)
			}
			w, ok := byHeading[sec.heading]
			if !ok {
				return nil, errorAt(src, at, "section %q does not say which moment it explains: put a {when: ...} line right under its heading", s.ID)
			}
			var err error
			if s.When, err = ParseWhen(w.text); err != nil {
				return nil, errorAt(src, w.offset, "{when: %s}: %v", w.text, err)
			}
		}
		sections = append(sections, s)
	}
	// A heading with an id that opens no section (inside a quote or a
	// list, or under a section of a higher level) has no moment to keep.
	for _, w := range whens {
		used := false
		for n := doc.FirstChild(); n != nil && !used; n = n.NextSibling() {
			sec, ok := n.(*sectionBlock)
			used = ok && sec.heading == w.heading
		}
		if !used {
			return nil, errorAt(src, w.offset, "a {when: ...} line belongs right under a section's heading (## Title {#id})")
		}
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, err
	}
	if sections == nil {
		sections = []Section{}
	}
	return &Rendered{HTML: buf.String(), Sections: sections}, nil
}

// position returns the 1-based line and column (in characters) of the
// byte offset in src.
func position(src []byte, offset int) (line, col int) {
	before := src[:min(offset, len(src))]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}

// headingStart returns the offset of the heading's first # (its text's
// offset, walked back over "#"s and spaces on its line).
func headingStart(src []byte, h *ast.Heading) int {
	if h.Lines().Len() == 0 {
		return 0
	}
	at := h.Lines().At(0).Start
	for at > 0 && (src[at-1] == ' ' || src[at-1] == '\t') {
		at--
	}
	for at > 0 && src[at-1] == '#' {
		at--
	}
	return at
}

// whenLines takes the {when: ...} lines out of the paragraphs, before
// their text is parsed, and keeps them in the parser context. A paragraph
// left empty goes.
type whenLines struct{}

// Transform implements parser.ParagraphTransformer.
func (whenLines) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := p.Lines()
	kept := text.NewSegments()
	found := false
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimSpace(string(seg.Value(src)))
		inner, ok := strings.CutPrefix(line, "{when:")
		if !ok {
			kept.Append(seg)
			continue
		}
		found = true
		var h *ast.Heading
		if i == 0 {
			h, _ = p.PreviousSibling().(*ast.Heading)
		}
		inner, closed := strings.CutSuffix(inner, "}")
		whens, _ := pc.Get(whensKey).([]whenLine)
		pc.Set(whensKey, append(whens, whenLine{heading: h, offset: seg.Start, text: strings.TrimSpace(inner), closed: closed}))
	}
	if !found {
		return
	}
	if kept.Len() == 0 {
		p.Parent().RemoveChild(p.Parent(), p)
		return
	}
	p.SetLines(kept)
}

// kindSection is the node kind of a section.
var kindSection = ast.NewNodeKind("Section")

// sectionBlock is a heading with an id and the blocks that follow it up to
// the next heading of the same or a higher level; or, with no heading, the
// introduction.
type sectionBlock struct {
	ast.BaseBlock
	id      string
	heading *ast.Heading // nil for the introduction
}

// Kind returns kindSection.
func (n *sectionBlock) Kind() ast.NodeKind { return kindSection }

// Dump prints the node for goldmark's debugging.
func (n *sectionBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.id}, nil)
}

// sectioner gathers the blocks after each heading with an id into a
// section, a child of the document, and the blocks before the first such
// heading into the introduction. It keeps no state between calls.
type sectioner struct{}

// Transform implements parser.ASTTransformer.
func (sectioner) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var open *sectionBlock
	openLevel := 0
	if first := doc.FirstChild(); first != nil {
		if h, ok := first.(*ast.Heading); !ok || headingID(h) == "" {
			open = &sectionBlock{id: IntroID}
			openLevel = 0
			doc.InsertBefore(doc, first, open)
		}
	}
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		if n == open {
			n = next
			continue
		}
		if h, ok := n.(*ast.Heading); ok {
			id := headingID(h)
			if open != nil && (open.heading == nil && id != "" || open.heading != nil && h.Level <= openLevel) {
				open = nil
			}
			if id != "" && open == nil {
				open = &sectionBlock{id: id, heading: h}
				openLevel = h.Level
				doc.InsertBefore(doc, h, open)
			}
		}
		if open != nil {
			doc.RemoveChild(doc, n)
			open.AppendChild(open, n)
		}
		n = next
	}
}

func headingID(h *ast.Heading) string {
	v, ok := h.AttributeString("id")
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// sectionRenderer renders sections.
type sectionRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (sectionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindSection, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</section>\n")
			return ast.WalkContinue, nil
		}
		s := n.(*sectionBlock)
		if s.heading == nil {
			_, _ = w.WriteString(`<section class="note-section note-intro" data-section="`)
		} else {
			_, _ = w.WriteString(`<section class="note-section" data-section="`)
		}
		_, _ = w.Write(util.EscapeHTML([]byte(s.id)))
		_, _ = w.WriteString("\">\n")
		return ast.WalkContinue, nil
	})
}
