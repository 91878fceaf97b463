package statusapi

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// PlainText turns the sanitised HTML of an update into the plain text Statuspage's update bodies
// hold: tags dropped and entities decoded; paragraphs, headings and lists separated by blank
// lines; list items as "- " (or "1. ") lines; <br> as a line break; a link's address after its
// text in parentheses, unless the text already is the address. White space is collapsed outside
// <pre>.
func PlainText(src string) string {
	var b textBuilder
	z := html.NewTokenizer(strings.NewReader(src))
	var lists []int // per open list: the next number, or -1 for a bullet list
	var hrefs []string
	pre := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			if pre > 0 {
				b.raw(tok.Data)
			} else {
				b.text(tok.Data)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.Data {
			case "p", "div", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr":
				b.block()
			case "pre":
				b.block()
				pre++
			case "ul":
				b.block()
				lists = append(lists, -1)
			case "ol":
				b.block()
				start := 1
				if s, err := strconv.Atoi(attr(tok, "start")); err == nil {
					start = s
				}
				lists = append(lists, start)
			case "li":
				b.line()
				b.raw(strings.Repeat("  ", max(len(lists)-1, 0)))
				if n := len(lists); n > 0 && lists[n-1] >= 0 {
					b.raw(strconv.Itoa(lists[n-1]) + ". ")
					lists[n-1]++
				} else {
					b.raw("- ")
				}
				b.marker = true
			case "br":
				b.line()
			case "tr":
				b.line()
			case "td", "th":
				b.text(" ")
			case "img":
				b.text(attr(tok, "alt"))
			case "a":
				hrefs = append(hrefs, attr(tok, "href"))
				b.mark()
			}
		case html.EndTagToken:
			switch tok.Data {
			case "p", "div", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6":
				b.block()
			case "pre":
				pre = max(pre-1, 0)
				b.block()
			case "ul", "ol":
				if n := len(lists); n > 0 {
					lists = lists[:n-1]
				}
				b.block()
			case "a":
				if n := len(hrefs); n > 0 {
					href := hrefs[n-1]
					hrefs = hrefs[:n-1]
					text := strings.TrimSpace(b.sinceMark())
					if shown := strings.TrimPrefix(href, "mailto:"); href != "" && !strings.HasPrefix(href, "#") &&
						text != href && text != shown {
						b.raw(" (" + href + ")")
					}
				}
			}
		}
	}
	return b.String()
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// textBuilder collects text, collapsing white space and keeping at most one blank line.
type textBuilder struct {
	buf strings.Builder
	// pending is the break owed before the next text: 0 none, 1 a line break, 2 a blank line.
	pending int
	// space is owed before the next text.
	space bool
	marks []int
	// marker is set right after a list item's marker, where a paragraph starts on the same line.
	marker bool
}

func (b *textBuilder) flush() {
	if b.buf.Len() == 0 {
		b.pending, b.space = 0, false
		return
	}
	switch b.pending {
	case 1:
		b.buf.WriteString("\n")
	case 2:
		b.buf.WriteString("\n\n")
	default:
		if b.space {
			b.buf.WriteByte(' ')
		}
	}
	b.pending, b.space = 0, false
}

// text adds running text, its white space collapsed.
func (b *textBuilder) text(s string) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		if s != "" {
			b.space = true
		}
		return
	}
	if s[0] == ' ' || s[0] == '\n' || s[0] == '\t' || s[0] == '\r' {
		b.space = true
	}
	b.flush()
	b.marker = false
	b.buf.WriteString(strings.Join(fields, " "))
	last := s[len(s)-1]
	b.space = last == ' ' || last == '\n' || last == '\t' || last == '\r'
}

// raw adds text as it is.
func (b *textBuilder) raw(s string) {
	if s == "" {
		return
	}
	b.flush()
	b.marker = false
	b.buf.WriteString(s)
}

func (b *textBuilder) line() { b.pending = max(b.pending, 1) }
func (b *textBuilder) block() {
	if !b.marker {
		b.pending = 2
	}
}

func (b *textBuilder) mark() {
	b.flush()
	b.marks = append(b.marks, b.buf.Len())
}

func (b *textBuilder) sinceMark() string {
	n := len(b.marks)
	if n == 0 {
		return ""
	}
	at := b.marks[n-1]
	b.marks = b.marks[:n-1]
	return b.buf.String()[at:]
}

func (b *textBuilder) String() string {
	lines := strings.Split(b.buf.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
