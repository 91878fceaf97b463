package content

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Severity tells whether a problem keeps a file out of the site.
type Severity int

const (
	// Error: the file (or the part of it named) is left out until it is fixed.
	Error Severity = iota
	// Warning: legal but suspicious; the file is published as it is.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes a Severity read as its word in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Problem is one thing wrong with the content, where it is and what to do about it.
type Problem struct {
	// Path is relative to the content directory, with forward slashes.
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	Col      int      `json:"column"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// String formats the problem the way compilers do, so editors and CI can jump to it. Control
// characters in the path or the message (a file name or a value quoted from a file) are written
// as escapes: a committed file must not be able to move the cursor, retitle the window or recolour
// the terminal of whoever runs lint.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", Printable(p.Path), max(p.Line, 1), max(p.Col, 1), p.Severity, Printable(p.Message))
}

// Printable returns s with every control character written as a Go escape (`\x1b`,
// `\a`, `\u200e`...), so that text taken from content files can be shown on a terminal as it is.
// Newlines and tabs are escaped too: a problem is one line.
func Printable(s string) string {
	clean := utf8.ValidString(s)
	for _, r := range s {
		if !printable(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case printable(r):
			b.WriteString(s[i : i+n])
		default:
			q := strconv.QuoteRune(r) // 'x' with the escape inside the quotes
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

// printable reports whether r can go to a terminal as it is: not a control character (C0, DEL,
// C1), and not a bidirectional control that could make a line read differently than it is.
func printable(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return false
	}
	return true
}

// Problems is every problem of one load, in file and line order.
type Problems []Problem

// Errors counts the problems that keep content out.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings counts the rest.
func (ps Problems) Warnings() int { return len(ps) - ps.Errors() }

// In returns the problems of one file.
func (ps Problems) In(path string) Problems {
	var out Problems
	for _, p := range ps {
		if p.Path == path {
			out = append(out, p)
		}
	}
	return out
}

func (ps Problems) String() string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}

// report collects the problems of one file.
type report struct {
	path     string
	problems Problems
}

func (r *report) add(sev Severity, line, col int, format string, args ...any) {
	r.problems = append(r.problems, Problem{Path: r.path, Line: line, Col: col, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

func (r *report) errorf(at pos, format string, args ...any) {
	r.add(Error, at.line, at.col, format, args...)
}

func (r *report) warnf(at pos, format string, args ...any) {
	r.add(Warning, at.line, at.col, format, args...)
}

func (r *report) failed() bool { return r.problems.Errors() > 0 }

// pos is a 1-based line and column in a file.
type pos struct{ line, col int }

// suggest returns the candidate closest to s when it is close enough to be a likely typo: at most
// one edit per three letters.
func suggest(s string, candidates []string) (string, bool) {
	lower := strings.ToLower(s)
	n := utf8.RuneCountInString(lower)
	best, bestDist := "", max(1, n/3)+1
	for _, c := range candidates {
		// The distance is at least the difference in length: skip what cannot be close, and
		// spare a long unknown word (a whole paragraph typed as a key) a table per candidate.
		if m := utf8.RuneCountInString(c); n-m >= bestDist || m-n >= bestDist {
			continue
		}
		if d := distance(lower, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// DidYouMean is the hint to add to a message about an unknown word: "did you mean `x`?" for a
// likely typo, or else OneOf's list of the valid words (none when there are no valid words).
// Tools that take content words (statuspress new and update) use it so their hints read like
// lint's.
func DidYouMean(s string, candidates []string, none string) string {
	if c, ok := suggest(s, candidates); ok {
		return fmt.Sprintf("did you mean `%s`?", c)
	}
	return OneOf(candidates, none)
}

// OneOf is the hint to add to a message about a word that is not one of candidates: "use one of
// a, b, c", the first listMax of a longer list and how many more there are, or, when there are
// no candidates, none, which says what to do instead (an empty list tells the reader nothing).
// The message itself should not list the candidates again.
func OneOf(candidates []string, none string) string {
	switch n := len(candidates); {
	case n == 0:
		return none
	case n == 1:
		return "use `" + candidates[0] + "`, the only one"
	case n > listMax:
		return "use one of " + strings.Join(candidates[:listMax], ", ") + fmt.Sprintf(" (and %d more)", n-listMax)
	}
	return "use one of " + strings.Join(candidates, ", ")
}

// listMax is how many valid words OneOf lists: a site may have hundreds of incidents.
const listMax = 20

var (
	didYouMean = DidYouMean
	oneOf      = OneOf
)

// distance is the edit distance between a and b in runes, counting a swap of two neighbours as one
// edit (optimal string alignment), since `titel` for `title` is the commonest typo.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
