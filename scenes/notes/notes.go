// Package notes renders a scene's study notes, markdown, to HTML with
// goldmark. A heading may carry an id, written after it in braces:
//
//	## The event loop {#event-loop}
//
// Such a heading opens a section that runs to the next heading of the same
// or a higher level; the section is rendered as
// <section class="note-section" data-section="event-loop">. The ids are
// the trace's concept tags, so the page can light the section that belongs
// to the event on screen.
//
// The notes are CommonMark plus those heading ids: no tables, no
// strikethrough, no other extension. The page's WebAssembly module renders
// them in the browser with this package, so every extension would cost the
// module bytes for nothing the notes use.
package notes

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Rendered is a notes file rendered to HTML.
type Rendered struct {
	HTML     string   `json:"html"`
	Sections []string `json:"sections"` // the section ids, in document order
}

// markdown is the one goldmark every call shares, made on first use:
// building it per call would redo the set-up of its parsers and renderers.
// goldmark sets them up once (behind a sync.Once) and keeps the state of a
// conversion per call, so sharing it is safe; the sections are read from
// each call's document, not gathered in shared state.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(sectioner{}, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(sectionRenderer{}, 100)),
			html.WithXHTML(),
		),
	)
})

// Render renders markdown notes. Raw HTML in the source is dropped, not
// passed through. Two sections with the same id are an error.
func Render(src []byte) (*Rendered, error) {
	md := markdown()
	doc := md.Parser().Parse(text.NewReader(src))
	sections := []string{}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		sec, ok := n.(*Section)
		if !ok {
			continue
		}
		for _, id := range sections {
			if id == sec.ID {
				return nil, fmt.Errorf("notes: section id %q appears twice", id)
			}
		}
		sections = append(sections, sec.ID)
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, err
	}
	return &Rendered{HTML: buf.String(), Sections: sections}, nil
}

// KindSection is the node kind of a section.
var KindSection = ast.NewNodeKind("Section")

// Section is a heading with an id and the blocks that follow it up to the
// next heading of the same or a higher level.
type Section struct {
	ast.BaseBlock
	ID string
}

// Kind returns KindSection.
func (n *Section) Kind() ast.NodeKind { return KindSection }

// Dump prints the node for goldmark's debugging.
func (n *Section) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.ID}, nil)
}

// sectioner gathers the blocks after each heading with an id into a
// Section, a child of the document. It keeps no state between calls.
type sectioner struct{}

// Transform implements parser.ASTTransformer.
func (sectioner) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var open *Section
	openLevel := 0
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		if h, ok := n.(*ast.Heading); ok {
			if open != nil && h.Level <= openLevel {
				open = nil
			}
			if id := headingID(h); id != "" && open == nil {
				open = &Section{ID: id}
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

// sectionRenderer renders Section nodes.
type sectionRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (sectionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindSection, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<section class="note-section" data-section="`)
			_, _ = w.Write(util.EscapeHTML([]byte(n.(*Section).ID)))
			_, _ = w.WriteString("\">\n")
		} else {
			_, _ = w.WriteString("</section>\n")
		}
		return ast.WalkContinue, nil
	})
}
