package web

import (
	"context"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/a-h/templ"
)

// maxKeptWord is the longest hyphenated word, in characters, that keepHyphens keeps on one
// line: "REST-API" or "Database-upgrade" stay whole, while a compound long enough to be wider
// than a phone may still break at its hyphens rather than stick out of the page.
const maxKeptWord = 20

// keepHyphens writes s (a title or a name) with each short word that holds a hyphen between
// letters in a span that keeps it on one line, so that a title never breaks as "REST-" / "API".
// The text itself is unchanged: copying, searching and screen readers meet the same words.
func keepHyphens(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		var b strings.Builder
		for i, word := range strings.Split(s, " ") {
			if i > 0 {
				b.WriteByte(' ')
			}
			if innerHyphen(word) && utf8.RuneCountInString(word) <= maxKeptWord {
				b.WriteString(`<span class="nobr">`)
				b.WriteString(templ.EscapeString(word))
				b.WriteString(`</span>`)
				continue
			}
			b.WriteString(templ.EscapeString(word))
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// innerHyphen reports whether word has a hyphen with a letter or digit on both sides.
func innerHyphen(word string) bool {
	rs := []rune(word)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '-' && isAlnum(rs[i-1]) && isAlnum(rs[i+1]) {
			return true
		}
	}
	return false
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// keepNumbers joins every number to the word after it with a no-break space, so that a time or
// a duration never breaks inside: "11:45 UTC", "4 hours", "23 November" stay on one line,
// while the parts of a long date ("November 23, 2026, 11:45 UTC") may still wrap at a comma.
func keepNumbers(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var prev rune
	for _, r := range s {
		if r == ' ' && unicode.IsDigit(prev) {
			b.WriteRune('\u00a0')
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// contactLinks writes the support links separated by dots, each dot kept on the line of the
// link before it, so that no line begins with a separator; nothing follows the last link, so
// that the sentence's full stop can follow it directly.
func contactLinks(ls []Link) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		var b strings.Builder
		for i, l := range ls {
			a := `<a href="` + templ.EscapeString(string(templ.URL(l.URL))) + `">` + templ.EscapeString(l.Title) + `</a>`
			if i < len(ls)-1 {
				a = `<span class="nobr">` + a + ` ·</span> `
			}
			b.WriteString(a)
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
}
