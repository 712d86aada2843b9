package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// message is one entry of the page's table of words (loopscope.messages()).
type message struct{ EN, KO string }

// chromeText gathers what the page's own chrome shows a reader: every
// visible text node and every title, outside what is not the page's words
// (the code, the console's output, the notes, the scene picker's options,
// which come from the scenes).
const chromeText = `(() => {
	const skip = "#code, #gutter, #marks, #console, #notes, #scene, .sprites, script, style";
	const visible = (e) => { const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
		return r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && cs.display !== "none"; };
	const out = [];
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const e = n.parentElement, s = n.textContent.trim();
		if (!s || e.closest(skip) || !visible(e)) continue;
		out.push({kind: "text", where: e.id || e.className || e.tagName, text: s});
	}
	for (const e of document.querySelectorAll("[title]")) {
		if (e.closest(skip)) continue;
		out.push({kind: "title", where: e.id || e.className || e.tagName, text: e.title});
	}
	for (const e of document.querySelectorAll("[placeholder]")) {
		if (e.closest(skip)) continue;
		out.push({kind: "placeholder", where: e.id || e.className || e.tagName, text: e.placeholder});
	}
	return out;
})()`

// chromeItem is one entry of chromeText.
type chromeItem struct{ Kind, Where, Text string }

// notWords are the Latin words a Korean page may show: the brand, the file
// name, the language switch's codes, key names on keys and in tooltips,
// units. Everything else in Latin letters under KO is an untranslated word.
var notWords = regexp.MustCompile(`loopscope|scene\.py|Ctrl\+Enter|\b(EN|KO|Home|End|Space|MB|asyncio)\b`)

var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestPageWords checks that every word of the page's chrome comes from its
// table of words, in English and in Korean, and follows the switch: texts,
// tooltips, the document's title and lang, the scene picker, the timeline's
// position and a refused run's message.
func TestPageWords(t *testing.T) {
	onServed(t, func(t *testing.T, tg target) {
		p := open(t, tg)
		p.hasEvents()
		var table map[string]message
		p.eval(`loopscope.messages()`, &table)
		if len(table) < 30 {
			t.Fatalf("the table of words has %d messages", len(table))
		}
		holes := regexp.MustCompile(`\{\w+\}`)
		for key, m := range table {
			if m.KO == "" || (m.EN == "" && !strings.HasPrefix(key, "err.")) {
				t.Errorf("message %s: en %q, ko %q: a language is missing", key, m.EN, m.KO)
			}
			if !hasHangul(m.KO) {
				t.Errorf("message %s: ko %q has no Korean", key, m.KO)
			}
			if hasHangul(m.EN) && key != "lang.title" {
				t.Errorf("message %s: en %q has Korean", key, m.EN)
			}
			if m.EN != "" {
				en, ko := holes.FindAllString(m.EN, -1), holes.FindAllString(m.KO, -1)
				slices.Sort(en)
				slices.Sort(ko)
				if !slices.Equal(en, ko) {
					t.Errorf("message %s: en fills %v, ko fills %v", key, en, ko)
				}
			}
		}

		for _, lang := range []string{"en", "ko"} {
			p.eval(fmt.Sprintf("loopscope.setLang(%q)", lang), nil)
			var doc struct {
				Lang, Title string
				Marked      []struct{ Attr, Key, Value string }
				Options     []string
				Position    string
			}
			p.eval(`(() => {
				const marked = [];
				for (const [attr, data] of [["text", "t"], ["title", "tTitle"], ["aria-label", "tAria"], ["placeholder", "tPlaceholder"]]) {
					for (const e of document.querySelectorAll("[data-" + data.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()) + "]")) {
						marked.push({attr, key: e.dataset[data], value: attr === "text" ? e.textContent : e.getAttribute(attr)});
					}
				}
				return {lang: document.documentElement.lang, title: document.title, marked,
					options: [...document.querySelectorAll("#scene option")].map((o) => o.textContent),
					position: document.getElementById("position").textContent};
			})()`, &doc)
			pick := func(m message) string {
				if lang == "ko" {
					return m.KO
				}
				return m.EN
			}
			if doc.Lang != lang {
				t.Errorf("%s: <html lang=%q>", lang, doc.Lang)
			}
			if doc.Title != pick(table["doc.title"]) {
				t.Errorf("%s: the document's title is %q, want %q", lang, doc.Title, pick(table["doc.title"]))
			}
			if len(doc.Marked) < 20 {
				t.Errorf("%s: only %d marked texts", lang, len(doc.Marked))
			}
			for _, m := range doc.Marked {
				want, ok := table[m.Key]
				if !ok {
					t.Errorf("%s: %s names message %q, which the table lacks", lang, m.Attr, m.Key)
				} else if m.Value != pick(want) && !(m.Key == "loading" && m.Attr == "text") {
					t.Errorf("%s: %s of message %s is %q, want %q", lang, m.Attr, m.Key, m.Value, pick(want))
				}
			}
			if len(doc.Options) != len(pageData.Scenes) {
				t.Fatalf("%s: %d scenes in the picker, want %d", lang, len(doc.Options), len(pageData.Scenes))
			}
			for i, sc := range pageData.Scenes {
				if want := sc.ID[:2] + " · " + sc.Titles[lang]; doc.Options[i] != want {
					t.Errorf("%s: picker option %d is %q, want %q", lang, i, doc.Options[i], want)
				}
			}
			posRE := map[string]*regexp.Regexp{
				"en": regexp.MustCompile(`^event \d+ / \d+ · \d+\.\d{3} s$`),
				"ko": regexp.MustCompile(`^이벤트 \d+ / \d+ · \d+\.\d{3}초$`),
			}[lang]
			p.waitFor(fmt.Sprintf(`/%s/.test(document.getElementById("position").textContent)`, strings.ReplaceAll(posRE.String(), "/", `\/`)), 5*time.Second)

			var items []chromeItem
			p.eval(chromeText, &items)
			if len(items) < 15 {
				t.Errorf("%s: only %d texts in the chrome: %+v", lang, len(items), items)
			}
			for _, it := range items {
				switch lang {
				case "ko":
					if w := latinWord.FindString(notWords.ReplaceAllString(it.Text, "")); w != "" {
						t.Errorf("ko: the %s of %s is %q: %q is not Korean", it.Kind, it.Where, it.Text, w)
					}
				case "en":
					if hasHangul(it.Text) {
						t.Errorf("en: the %s of %s is %q: Korean on the English page", it.Kind, it.Where, it.Text)
					}
				}
			}
		}

		// A refused run: in Korean a sentence says what happened, then
		// CPython's words; in English CPython's words alone.
		p.eval(`loopscope.setLang("ko")`, nil)
		p.eval(`loopscope.run("import asyncio\n\nasync def main()\n    pass\n")`, nil)
		var bar string
		p.eval(`document.getElementById("error-bar").textContent`, &bar)
		lines := strings.SplitN(bar, "\n", 2)
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "문법 오류: 3번째 줄 17번째 칸에 ':' 기호가 필요합니다.") || !strings.Contains(lines[1], "scene.py:3:17") || !strings.Contains(lines[1], "expected ':'") {
			t.Errorf("ko: the error bar says %q, want a Korean sentence, then CPython's words", bar)
		}
		p.eval(`loopscope.setLang("en")`, nil)
		p.eval(`document.getElementById("error-bar").textContent`, &bar)
		if hasHangul(bar) || !strings.HasPrefix(bar, "scene.py:3:17") {
			t.Errorf("en: the error bar says %q", bar)
		}
		p.screenshot("words-error-en")
		p.eval(`loopscope.setLang("ko")`, nil)
		p.screenshot("words-error-ko")
		p.eval(`loopscope.setLang("en")`, nil)
		if errs := p.consoleErrors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
}
