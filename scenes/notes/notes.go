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
package notes

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
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

// Render renders markdown notes. Raw HTML in the source is dropped, not
// passed through. Two sections with the same id are an error.
func Render(src []byte) (*Rendered, error) {
	var sections []string
	var dup error
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithASTTransformers(util.Prioritized(sectioner{
				found: func(id string) {
					for _, s := range sections {
						if s == id && dup == nil {
							dup = fmt.Errorf("notes: section id %q appears twice", id)
						}
					}
					sections = append(sections, id)
				},
			}, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(sectionRenderer{}, 100)),
			html.WithXHTML(),
		),
	)
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return nil, err
	}
	if dup != nil {
		return nil, dup
	}
	if sections == nil {
		sections = []string{}
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
// Section.
type sectioner struct {
	found func(id string)
}

// Transform implements parser.ASTTransformer.
func (s sectioner) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
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
				s.found(id)
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
