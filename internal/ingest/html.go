package ingest

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNoContent means an HTML page was read but held no article text.
var ErrNoContent = errors.New("no article text found in the page")

// maxTreeSize bounds the number of elements the extractor walks, so a
// pathological page (millions of nested tags) fails fast instead of
// exhausting memory.
const maxTreeSize = 200_000

// maxNesting bounds element depth: the HTML parser's cost grows with the
// square of depth on pathological nesting, and real pages stay under 100.
const maxNesting = 1000

// nestingDepth measures the deepest element nesting with the tokenizer,
// which is linear, before the parser sees the page.
func nestingDepth(s string) int {
	z := html.NewTokenizer(strings.NewReader(s))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] && !impliedEnd[string(name)] {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
		}
	}
}

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// impliedEnd are the elements whose end tag HTML lets a page leave out: a
// table of 2,000 rows written "<tr><td>…" without closing them is not 4,000
// levels deep. (The parser refuses more than 512 open elements whatever
// the tokenizer counts.)
var impliedEnd = map[string]bool{
	"p": true, "li": true, "dd": true, "dt": true, "option": true, "optgroup": true, "tr": true,
	"td": true, "th": true, "thead": true, "tbody": true, "tfoot": true, "rb": true, "rt": true, "rp": true, "rtc": true,
}

// Extraction bounds. go-trafilatura's time grows with the square of a
// page's elements (10,000 short paragraphs take 2 to 3 s, 40,000 take 50 s;
// 40,000 <br> 3 s) and with its paragraphs times their text, which it
// concatenates one by one; an 8 MiB page of paragraphs took over a minute.
// Real pages stay far below (Lighthouse calls a page of 1,400 elements
// excessive), so a page past either bound is cut and its beginning, where
// the article is, extracted.
const (
	maxElements      = 10_000
	maxParagraphCost = 1 << 30 // paragraphs × bytes of text
)

// Page is what main-content extraction gives for one HTML page.
type Page struct {
	Title     string
	Text      string // paragraphs separated by "\n"
	Published time.Time
	Site      string
	Lang      string // as declared by the page, a hint only
	Charset   string
	Warning   string // the page was cut to bound extraction, or ""
}

// ExtractHTML finds the article in an HTML page. Extraction itself is
// go-trafilatura's (a port of the reference main-content extractor); this
// function decides the character set, keeps paragraph breaks, and turns
// failures into ErrNoContent.
func ExtractHTML(b []byte, pageURL string) (Page, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return Page{}, ErrEmpty
	}
	if looksBinary(b) {
		return Page{}, ErrBinary
	}
	decoded, name := decodeHTML(b)
	if depth := nestingDepth(decoded); depth > maxNesting {
		return Page{}, fmt.Errorf("HTML nested too deeply (%d levels, at most %d are read)", depth, maxNesting)
	}
	doc, err := html.Parse(strings.NewReader(decoded))
	if err != nil {
		return Page{}, fmt.Errorf("parse HTML: %w", err)
	}
	removeUnseen(doc)
	warning := ""
	if elements, ok := cutPage(doc); !ok {
		warning = fmt.Sprintf("page too large to extract whole: only its first %d elements were read", elements)
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		// Fast reads dates from metadata and markup only; the extensive mode
		// is 8–10× slower and was seen picking a copyright year.
		HtmlDateMode: trafilatura.Fast,
		MaxTreeSize:  maxTreeSize,
	}
	if u, err := nurl.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		if err != nil {
			return Page{}, fmt.Errorf("%w (%v)", ErrNoContent, err)
		}
		return Page{}, ErrNoContent
	}
	text := nodeText(res.ContentNode)
	if strings.TrimSpace(text) == "" {
		return Page{}, ErrNoContent
	}
	// The page was decoded to UTF-8, but the host comes from pageURL, which
	// a caller may pass unchecked.
	p := Page{
		Title:     strings.TrimSpace(res.Metadata.Title),
		Text:      text,
		Published: res.Metadata.Date,
		Site:      strings.ToValidUTF8(res.Metadata.Hostname, "\uFFFD"),
		Lang:      strings.ToValidUTF8(res.Metadata.Language, "\uFFFD"),
		Charset:   name,
		Warning:   warning,
	}
	return p, nil
}

// decodeHTML converts a page to UTF-8. Pages often declare one charset and
// use another; bytes that are valid multi-byte UTF-8 are taken as UTF-8
// whatever the page declares, since Latin-1 text almost never happens to be.
func decodeHTML(b []byte) (string, string) {
	if utf8.Valid(b) && hasMultibyte(b) {
		return strings.TrimPrefix(string(b), "\uFEFF"), "utf-8"
	}
	enc, name, certain := charset.DetermineEncoding(b, "")
	if !certain && utf8.Valid(b) {
		return string(b), "utf-8"
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		d, _ := repairUTF8(b)
		return d.Text, "utf-8"
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return string(out), name
}

func hasMultibyte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// blockElements end a paragraph of extracted text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Tr: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figcaption: true,
	atom.Dd: true, atom.Dt: true, atom.Hr: true, atom.Main: true, atom.Aside: true,
}

// nodeText renders extracted content as lines, one per block, because
// trafilatura's own text output joins every paragraph into one line and the
// cleaner works line by line.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe:
				return
			}
			if isHidden(n) {
				return
			}
			if blockElements[n.DataAtom] {
				sb.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElements[n.DataAtom] {
			sb.WriteByte('\n')
		}
	}
	walk(n)
	lines := strings.Split(sb.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// markupTags are the tags whose presence means a text is HTML.
var markupTags = []string{"<p>", "<p ", "</p>", "<div", "</div>", "<br>", "<br/>", "<br />", "<strong>", "</a>", "<span", "<script", "<em>"}

// hasMarkup reports whether a text field holds HTML markup: at least two of
// the common tags, so that a sentence quoting one "<p>" stays text.
func hasMarkup(s string) bool {
	n := 0
	for _, t := range markupTags {
		if strings.Contains(s, t) {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// isWholePage tells a whole HTML page (worth main-content extraction) from
// a fragment of article markup.
func isWholePage(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "<html") || strings.Contains(l, "<body")
}

// markupText renders an HTML fragment as lines of text, dropping hidden
// elements, scripts and styles.
func markupText(s string) string {
	if nestingDepth(s) > maxNesting {
		return tokenText(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		// The parser refuses pathological markup (more than 512 open
		// elements); the markup itself must still not reach the text.
		return tokenText(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		if isHidden(n) {
			continue
		}
		root.AppendChild(n)
	}
	return nodeText(root)
}

// tokenText keeps only the text between tags, without the content of
// scripts, styles and the like: the fallback for markup too deeply nested
// to parse.
func tokenText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var sb strings.Builder
	skip := 0 // inside that many elements whose content is no text
	// An element hidden by attribute is skipped to its end tag, counting
	// the elements of its name opened inside it.
	var hidden atom.Atom
	hiddenDepth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(sb.String())
		case html.StartTagToken:
			tok := z.Token()
			switch {
			case hiddenContent[tok.DataAtom]:
				skip++
			case hiddenDepth > 0 && tok.DataAtom == hidden && (hidden == atom.P || hidden == atom.Li):
				hiddenDepth = 0 // a new paragraph or item closes the hidden one
				if isHidden(&html.Node{Attr: tok.Attr}) {
					hiddenDepth = 1
				}
			case hiddenDepth > 0 && tok.DataAtom == hidden:
				hiddenDepth++
			case hiddenDepth == 0 && !voidElements[tok.Data] && isHidden(&html.Node{Attr: tok.Attr}):
				hidden, hiddenDepth = tok.DataAtom, 1
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case hiddenContent[a] && skip > 0:
				skip--
			case hiddenDepth > 0 && a == hidden:
				hiddenDepth--
			}
		case html.TextToken:
			if skip == 0 && hiddenDepth == 0 {
				sb.Write(z.Text())
				sb.WriteByte(' ')
			}
		}
	}
}

// hiddenContent are the elements whose content tokenText drops: nodeText's
// and those whose content the tokenizer reads as raw text.
var hiddenContent = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Textarea: true, atom.Title: true, atom.Xmp: true, atom.Noembed: true, atom.Noframes: true,
}

// cutPage removes, in document order, everything from the first node past
// the extraction bounds. It returns the elements kept and whether the page
// was whole.
func cutPage(doc *html.Node) (int, bool) {
	elements, paragraphs, text := 0, 0, 0
	var cut *html.Node
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				elements++
				if c.DataAtom == atom.P {
					paragraphs++
				}
			case html.TextNode:
				if p := c.Parent; p == nil || !hiddenContent[p.DataAtom] {
					text += len(c.Data)
				}
			}
			if elements > maxElements || paragraphs*text > maxParagraphCost {
				cut = c
				return false
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if walk(doc) {
		return elements, true
	}
	for n := cut; n.Parent != nil; n = n.Parent {
		for s := n.NextSibling; s != nil; {
			next := s.NextSibling
			n.Parent.RemoveChild(s)
			s = next
		}
	}
	cut.Parent.RemoveChild(cut)
	if cut.Type == html.ElementNode {
		elements--
	}
	return elements, false
}

// removeUnseen removes from a page what no reader sees: templates and
// elements hidden by attribute or style. The extractor keeps their text
// (a hostile page can hide anything there), and its result no longer
// carries the attributes that would tell nodeText to drop it.
func removeUnseen(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Template || isHidden(c)) {
			n.RemoveChild(c)
		} else {
			removeUnseen(c)
		}
		c = next
	}
}

// isHidden reports an element styled out of view.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "style" && strings.Contains(strings.ReplaceAll(a.Val, " ", ""), "display:none")) {
			return true
		}
	}
	return false
}
