package authoring

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Scalar returns s as a one-line YAML scalar that reads back as exactly s: plain when that is
// unambiguous, single-quoted when plain would be read differently, double-quoted with escapes when
// s holds a quote, a tab or a line break.
func Scalar(s string) string {
	if plainOK(s) {
		return s
	}
	if !strings.ContainsAny(s, "'") && !needsEscape(s) {
		return "'" + s + "'"
	}
	return DoubleQuoted(s)
}

// DoubleQuoted returns s as a double-quoted YAML scalar, escaping what YAML would otherwise read
// differently. It is valid in flow context ([...] and {...}) as well as block context.
func DoubleQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			// goccy/go-yaml misreads a literal tab inside quotes in a flow mapping.
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if escaped(r) {
				if r <= 0xff {
					fmt.Fprintf(&b, `\x%02x`, r)
				} else {
					fmt.Fprintf(&b, `\u%04x`, r)
				}
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escaped reports whether r must be escaped in a double-quoted scalar: control characters, the
// line and paragraph separators YAML 1.1 treats as line breaks, and a byte-order mark.
func escaped(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff
}

func needsEscape(s string) bool {
	for _, r := range s {
		if escaped(r) {
			return true
		}
	}
	return false
}

var reserved = []string{"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"}

var numeric = regexp.MustCompile(`^[-+]?(\.[0-9]|[0-9])[0-9_]*(\.[0-9]*)?([eE][-+]?[0-9]+)?$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$|^0[box]|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$`)

func looksNumeric(s string) bool { return numeric.MatchString(s) }

// indicators may not start a plain scalar, or start one that means something else.
const indicators = "-?:,[]{}#&*!|>'\"%@`"

// plainOK reports whether s can be written without quotes. It is deliberately strict, and then
// asks the parser: a plain scalar must read back as a string equal to s (not null, true, 404 or
// a truncated value).
func plainOK(s string) bool {
	if s == "" || needsEscape(s) || strings.TrimSpace(s) != s || strings.ContainsAny(s[:1], indicators) ||
		strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.Contains(s, " #") ||
		strings.ContainsRune(s, '\uFFFD') {
		return false
	}
	// Words and numbers other YAML readers (editors, YAML 1.1 tools) take for booleans, nulls,
	// numbers or dates stay quoted, whatever goccy/go-yaml makes of them.
	if slices.Contains(reserved, strings.ToLower(s)) || looksNumeric(s) {
		return false
	}
	f, err := parser.ParseBytes([]byte("k: "+s+"\n"), 0)
	if err != nil || len(f.Docs) != 1 {
		return false
	}
	m, ok := f.Docs[0].Body.(*ast.MappingNode)
	if !ok || len(m.Values) != 1 {
		return false
	}
	v, ok := m.Values[0].Value.(*ast.StringNode)
	return ok && v.Value == s
}

// CheckText reports why s cannot be written as an incident's text: not UTF-8, or holding control
// characters that YAML cannot carry in a block.
func CheckText(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", what)
	}
	for i, r := range s {
		if r != '\n' && r != '\t' && r != '\r' && (escaped(r) || r == utf8.RuneError) {
			return fmt.Errorf("%s holds the control character U+%04X at byte %d; remove it", what, r, i)
		}
	}
	return nil
}

// CleanText normalises an update text or body: line endings become LF, lines of only spaces
// become empty, and blank lines before the text and white space after it go. Trailing spaces of
// other lines stay: in Markdown two of them break the line.
func CleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
		}
	}
	s = strings.TrimRightFunc(strings.Join(lines, "\n"), unicode.IsSpace)
	return strings.TrimLeft(s, "\n")
}

// textValue returns what follows `text:` for a text of an update whose keys are indented by
// indent spaces: a one-line scalar, or a literal block whose lines are indented by unit more.
// Lines end in nl. The text must be clean (see CleanText).
func textValue(s string, indent, unit int, nl string) string {
	if !strings.Contains(s, "\n") {
		return " " + Scalar(s)
	}
	// A literal block takes its indentation from its first line, so a text that starts indented
	// (a Markdown code block) would lose it; quote it instead.
	if first := s[:strings.IndexByte(s, '\n')]; strings.TrimLeft(first, " \t") != first {
		return " " + DoubleQuoted(s)
	}
	var b strings.Builder
	b.WriteString(" |")
	pad := strings.Repeat(" ", indent+unit)
	for line := range strings.SplitSeq(s, "\n") {
		b.WriteString(nl)
		if strings.TrimSpace(line) != "" {
			b.WriteString(pad)
			b.WriteString(line)
		}
	}
	return b.String()
}

// TextValue returns what follows `key:` for a text whose key is indented by indent spaces: a
// one-line scalar, or a literal block indented two spaces deeper, with LF line endings. The text
// is cleaned first (see CleanText).
func TextValue(s string, indent int) string { return textValue(CleanText(s), indent, 2, "\n") }
