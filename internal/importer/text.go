package importer

import (
	"regexp"
	"strings"
)

// urlRun is a bare link as the Markdown renderer's linkify finds it; such runs are left as they
// are so they stay links.
var urlRun = regexp.MustCompile(`(?:https?://|www\.)[^\s<>"'` + "`" + `]+`)

// Plain turns plain text, as Statuspage shows an update's body, into Markdown that renders as
// the same words: every Markdown and HTML character is escaped (so `<script>` is shown, never
// run, and `*` stays a star), bare links stay bare for the renderer to link, and each line break
// is kept as a hard break. Leading spaces go: Statuspage does not show them, and Markdown would
// make them code.
func Plain(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLine(strings.TrimRight(strings.TrimLeft(l, " \t"), " \t"))
	}
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(l)
		if i+1 < len(lines) {
			// A backslash at the end of a line breaks it; not before a blank line, where it
			// would show.
			if l != "" && lines[i+1] != "" {
				b.WriteByte('\\')
			}
			b.WriteByte('\n')
		}
	}
	return strings.TrimSpace(b.String())
}

// escapeLine escapes every ASCII punctuation character that Markdown or HTML could read, outside
// bare links.
func escapeLine(l string) string {
	var b strings.Builder
	last := 0
	for _, m := range urlRun.FindAllStringIndex(l, -1) {
		b.WriteString(escapeText(l[last:m[0]]))
		b.WriteString(l[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(escapeText(l[last:]))
	return b.String()
}

// markdownPunct are the characters CommonMark lets a backslash escape that could change
// meaning in running text, at the start of a line or inside it.
const markdownPunct = "\\`*_{}[]<>()#+-.!|~&=:\""

func escapeText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(markdownPunct, r) && needsEscape(s, i, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsEscape keeps the escaping readable: characters that matter only at the start of a line
// (`#`, `+`, `-`, `=`, `.` after digits, `:`, `(`, `)`, `"`) are escaped only there; the rest
// everywhere.
func needsEscape(s string, i int, r rune) bool {
	switch r {
	case '#', '+', '-', '=':
		return strings.TrimLeft(s[:i], " ") == ""
	case '.', ')':
		// "1." or "1)" starts an ordered list.
		return strings.Trim(s[:i], "0123456789") == "" && i > 0
	case ':', '(', '"':
		return false
	}
	return true
}

// htmlStart is what starts raw HTML in Markdown: a tag, a closing tag, a comment, a
// declaration or a processing instruction.
var htmlStart = regexp.MustCompile(`^<[A-Za-z/!?]`)

// autolink is a CommonMark autolink, which stays: it renders as a link, not as HTML.
var autolink = regexp.MustCompile(`^<(?:https?://|mailto:)[^\s<>]*>`)

// Markdown keeps a Markdown text (a postmortem, a cState story) as Markdown, but makes every
// piece of raw HTML show as text: `<` that would start a tag becomes `&lt;`. Inside code spans
// and fenced code blocks nothing changes, since there HTML is shown as written already. The
// renderer sanitises what remains; this keeps HTML from changing what the page says (a hidden
// `<div>`, a `<style>`) where the source showed it as text or dropped it.
func Markdown(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]+" ") == "" {
				fence = ""
			}
			continue
		}
		if f := fenceOf(t); f != "" && len(l)-len(t) < 4 {
			fence = f
			continue
		}
		lines[i] = escapeHTML(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

func fenceOf(t string) string {
	for _, c := range []string{"`", "~"} {
		n := len(t) - len(strings.TrimLeft(t, c))
		if n >= 3 && !(c == "`" && strings.Contains(t[n:], "`")) {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

// escapeHTML escapes tag starts outside code spans on one line.
func escapeHTML(l string) string {
	var b strings.Builder
	for i := 0; i < len(l); {
		switch {
		case l[i] == '`':
			n := len(l[i:]) - len(strings.TrimLeft(l[i:], "`"))
			ticks := l[i : i+n]
			if end := strings.Index(l[i+n:], ticks); end >= 0 {
				b.WriteString(l[i : i+n+end+n])
				i += n + end + n
				continue
			}
			b.WriteString(ticks)
			i += n
		case l[i] == '<':
			if m := autolink.FindString(l[i:]); m != "" {
				b.WriteString(m)
				i += len(m)
				continue
			}
			if htmlStart.MatchString(l[i:]) {
				b.WriteString("&lt;")
			} else {
				b.WriteByte('<')
			}
			i++
		default:
			b.WriteByte(l[i])
			i++
		}
	}
	return b.String()
}
