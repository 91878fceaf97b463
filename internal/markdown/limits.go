package markdown

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Limits on what one text may hold. goldmark's time grows with the square of some things a text
// can hold in few bytes: lists and block quotes nested on one line ("- - - - a", ">>>>a"), link
// targets that never close ("[a](b[a](b..." scans the rest of the line at every "]("), and a
// table pads every row to its header's columns ("|" under a header of a thousand columns makes a
// thousand cells). A 200 KB file of such things took 10 to 100 s to load, and held back every
// other change while it did. No real postmortem comes near these limits; a text past one is
// refused at the line where it passes it, before goldmark sees it.
const (
	// MaxNesting is how deeply lists and block quotes may be nested.
	MaxNesting = 32
	// MaxTableColumns is how many columns a table may have.
	MaxTableColumns = 64
	// MaxTableCells is how many cells (columns times rows) the tables of a text may have together.
	MaxTableCells = 20000
	// MaxHTMLTags is how many HTML tags a text may hold: the sanitiser's time grows faster than
	// their number when they nest.
	MaxHTMLTags = 5000
	// MaxLinksPerLine is how many link targets ("](") one line may start.
	MaxLinksPerLine = 100
	// MaxOpenBrackets is how many `[` a paragraph may leave open (without their `]`) at once.
	MaxOpenBrackets = 100
	// MaxDelimiterRuns is how many runs of `*`, `_` and `~` (emphasis, strikethrough) one
	// paragraph may have.
	MaxDelimiterRuns = 400
	// MaxReferencesPerBlock is how many link reference definitions ("[a]: https://...") may
	// follow each other without a blank line.
	MaxReferencesPerBlock = 200
)

// maxHTML is how much HTML a text of n bytes may become: a link reference defined once with a
// long target and used many times ("[a]" is three bytes) would otherwise multiply it.
func maxHTML(n int) int { return 64<<10 + 32*n }

// checkLimits looks at src once, in time linear in its length, for what would make goldmark's
// time grow faster than its length, and reports the first line past each limit.
//
// It cannot know the block structure without parsing, so it bounds it: a line's nesting is at
// most the list and quote markers that start it plus the containers of the line before that its
// indentation can continue (a list item's content is indented by at least two columns), and a
// line that may continue a paragraph lazily keeps the containers of the line before. A fenced
// code block at the top level is skipped, as are indented code lines outside any container.
func checkLimits(src []byte) []Problem {
	var problems []Problem
	var deep, wide, links, brackets, emphasis, refs, tags bool // each limit is reported once
	cells, tagCount := 0, 0                                    // table cells and HTML tags so far
	report := func(line, col int, format string, args ...any) {
		problems = append(problems, Problem{Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
	}
	var fence []byte  // the marker of the open top-level fenced code block
	var header []byte // the line before, after its prefix: a table's header row if this line is its delimiter row
	// An HTML block at the top level: what ends it (a line holding htmlEnd, or a blank line).
	var htmlEnd []byte
	htmlToBlank := false
	open := 0     // at most this many containers are open after the line before
	lazy := false // the line before was not blank: this one may continue its paragraph
	tableCols, tableRows, tableLine := 0, 0, 0
	// What the paragraph that the line belongs to holds so far: a line that starts a list item,
	// a quote, a heading or a table row starts a new one (goldmark parses each on its own), so a
	// long timeline of "- **10:04** ..." items is many paragraphs.
	openBrackets, runs := 0, 0
	// Link references: how many the block of lines so far defines; where the first one whose
	// title may go on over the next lines starts (such a title, which every link using the
	// definition repeats, ends at most at the end of its block); the longest a definition can be,
	// where it is; and every `[`, an upper bound on the links that can use one.
	blockRefs, blockRefAt, blockRefLine := 0, -1, 0
	lastRef, lastRefLine := -1, 0 // the line before was a definition with no title: where it starts
	longestRef, longestRefLine, allBrackets := 0, 0, 0
	endBlock := func(end int) {
		if blockRefAt >= 0 && end-blockRefAt > longestRef {
			longestRef, longestRefLine = end-blockRefAt, blockRefLine
		}
		blockRefs, blockRefAt = 0, -1
	}
	// The inline limits can be passed only by a text that holds more of their characters than
	// they allow in all; counting those (a vector instruction each) spares most texts the look at
	// every byte, which was a twelfth of loading.
	inline := bytes.Count(src, []byte("[")) > MaxOpenBrackets || bytes.Count(src, []byte("<")) > MaxHTMLTags ||
		bytes.Count(src, []byte("*"))+bytes.Count(src, []byte("_"))+bytes.Count(src, []byte("~")) > MaxDelimiterRuns
	line := 0
	for start := 0; start < len(src); {
		line++
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		l := src[start:end]
		start = end + 1

		if fence != nil {
			if closesFence(l, fence) {
				fence = nil
			}
			continue
		}
		blank := len(bytes.Trim(l, " \t")) == 0
		if blank {
			header = nil
			htmlToBlank = false
			endBlock(start - 1)
			lastRef = -1
			lazy = false
			tableCols = 0
			openBrackets, runs = 0, 0
			continue
		}
		// A fence inside an HTML block is text, and what follows the block is Markdown again:
		// skipping it as code would let anything through. So no fence is taken for one while an
		// HTML block may be open, at any depth.
		if htmlEnd != nil && bytes.Contains(bytes.ToLower(l), htmlEnd) {
			htmlEnd = nil
		} else if htmlEnd == nil && !htmlToBlank && open == 0 {
			if f := opensFence(l); f != nil {
				fence = f
				lazy = false
				continue
			}
		}

		// The line's prefix: whitespace, and list and quote markers.
		// items counts the markers that start a list item even inside a paragraph: bullets, and
		// numbers that are 1.
		cols, markers, items, i := 0, 0, 0, 0
		depth, depthCol := 0, 0
	prefix:
		for i < len(l) {
			switch c := l[i]; {
			case c == ' ':
				cols++
				i++
			case c == '\t':
				cols += 4
				i++
			case open == 0 && cols >= 4 && markers == 0:
				break prefix // an indented code line
			case c == '>':
				markers++
				i++
			case (c == '-' || c == '+' || c == '*') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
				markers++
				items++
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
					j++
				}
				if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
					markers++
					if j == i+1 && l[i] == '1' {
						items++
					}
					i = j + 1
					continue
				}
				break prefix
			default:
				break prefix
			}
			if d := markers + min(open, cols/2); d > depth {
				depth = d
				if depth > MaxNesting && depthCol == 0 {
					depthCol = i
				}
			}
		}
		if thematicBreak(l) {
			depth, depthCol = min(open, cols/2), 0
		}
		if depth > MaxNesting && !deep {
			deep = true
			report(line, depthCol, "lists and block quotes are nested more than %d deep here; nest them less deeply", MaxNesting)
		}
		if lazy {
			open = max(open, depth)
		} else {
			open = depth
		}
		lazy = true

		rest := l[i:]
		if htmlEnd == nil && !htmlToBlank {
			htmlEnd, htmlToBlank = htmlBlock(rest)
		}
		// An empty list item cannot interrupt a paragraph ("*" alone is its text).
		if items > 0 && len(bytes.Trim(rest, " \t")) > 0 || tableCols > 0 || heading(rest) {
			openBrackets, runs = 0, 0
		}
		lineStart := start - len(l) - 1
		if lastRef >= 0 && blockRefAt < 0 && len(rest) > 0 && (rest[0] == '"' || rest[0] == '\'' || rest[0] == '(') {
			blockRefAt, blockRefLine = lastRef, lastRefLine // its title starts on this line
		}
		lastRef = -1
		if reference(rest) {
			def := rest[bytes.Index(rest, []byte("]:"))+2:]
			target := bytes.Fields(def)
			switch {
			case len(target) > 1 || bytes.ContainsAny(def, "\"'()"):
				// A title, which may go on over the next lines.
				if blockRefAt < 0 {
					blockRefAt, blockRefLine = lineStart+i, line
				}
			case len(l) > longestRef:
				longestRef, longestRefLine = len(l), line
				fallthrough
			default:
				lastRef, lastRefLine = lineStart+i, line
			}
			blockRefs++
			if blockRefs > MaxReferencesPerBlock && !refs {
				refs = true
				report(line, i+1, "more than %d link reference definitions follow each other here; put a blank line between groups of them", MaxReferencesPerBlock)
			}
		}
		allBrackets += bytes.Count(rest, []byte("["))
		if inline && (!brackets || !emphasis || !tags) {
			for j := 0; j < len(rest); j++ {
				c := rest[j]
				if !inlineMark[c] {
					continue // most bytes are text: one table lookup, not the switch's comparisons
				}
				switch c {
				case '\\':
					j++ // an escaped character is text
				case '[':
					openBrackets++
					if openBrackets > MaxOpenBrackets && !brackets {
						brackets = true
						report(line, runeCol(l, i+j), "more than %d `[` are open here without their `]`; close them, or write `\\[` for a bracket that opens no link", MaxOpenBrackets)
					}
				case ']':
					openBrackets = max(openBrackets-1, 0)
				case '<':
					if j+1 < len(rest) && (rest[j+1] == '/' || rest[j+1] == '!' || rest[j+1] == '?' || rest[j+1]|0x20 >= 'a' && rest[j+1]|0x20 <= 'z') {
						tagCount++
						if tagCount > MaxHTMLTags && !tags {
							tags = true
							report(line, runeCol(l, i+j), "more than %d HTML tags; write Markdown instead", MaxHTMLTags)
						}
					}
				case '*', '_', '~':
					at := j
					for j+1 < len(rest) && rest[j+1] == c {
						j++
					}
					runs++
					if runs > MaxDelimiterRuns && !emphasis {
						emphasis = true
						report(line, runeCol(l, i+at), "more than %d runs of `*`, `_` or `~` in one paragraph; split the paragraph with a blank line, or write `\\*` for a star that marks nothing", MaxDelimiterRuns)
					}
				}
			}
		}
		switch {
		case tableCols > 0:
			tableRows++
			cells += tableCols
			if cells > MaxTableCells && !wide {
				wide = true
				report(tableLine, 1, "the tables up to this one's row %d have more than the %d cells a text may have (this one has %d columns); split the text, or make the tables smaller", tableRows, MaxTableCells, tableCols)
			}
		case delimiterRow(rest) && tableCells(header) == tableCells(rest):
			// A table only when the header above has as many cells: else it is text of the
			// paragraph, and its lines are no rows that start paragraphs of their own.
			tableCols, tableRows, tableLine = tableCells(rest), 0, line-1
			cells += 2 * tableCols // the header and the delimiter row
			if tableCols > MaxTableColumns && !wide {
				wide = true
				report(line, i+1, "a table of %d columns; a table may have at most %d: split it, or turn it into a list", tableCols, MaxTableColumns)
			}
		}

		header = rest

		if !links {
			n, at := 0, 0
			for j := 0; ; {
				k := bytes.Index(l[j:], []byte("]("))
				if k < 0 {
					break
				}
				n++
				j += k + 2
				if n == MaxLinksPerLine+1 {
					at = j - 2
				}
			}
			if n > MaxLinksPerLine {
				links = true
				report(line, runeCol(l, at), "%d links on one line, more than the %d a line may have; break the line (a blank line between paragraphs), or close the links' `(`", n, MaxLinksPerLine)
			}
		}
	}
	endBlock(len(src))
	if longestRef*allBrackets > maxHTML(len(src)) {
		report(longestRefLine, 1, "a link reference defined here takes up to %d bytes, and each of up to %d links that use it repeats them: more than %d KB of HTML; shorten its target and title, or link less often", longestRef, allBrackets, maxHTML(len(src))>>10)
	}
	return problems
}

// inlineMark holds the bytes checkLimits looks at inside a line.
var inlineMark = [256]bool{'\\': true, '[': true, ']': true, '<': true, '*': true, '_': true, '~': true}

// reference reports whether l starts a link reference definition: `[label]:`.
func reference(l []byte) bool {
	if len(l) < 4 || l[0] != '[' {
		return false
	}
	for i := 1; i < len(l)-1; i++ {
		switch l[i] {
		case '\\':
			i++
		case '[':
			return false
		case ']':
			return i > 1 && l[i+1] == ':'
		}
	}
	return false
}

// runeCol is the 1-based column, in runes, of byte offset off of line l.
func runeCol(l []byte, off int) int { return utf8.RuneCount(l[:off]) + 1 }

// opensFence returns the marker of a fenced code block that line l opens (``` or ~~~, three or
// more, indented less than four spaces), or nil.
func opensFence(l []byte) []byte {
	t := bytes.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return nil
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || t[0] == '`' && bytes.IndexByte(t[n:], '`') >= 0 {
		return nil
	}
	return t[:n]
}

// htmlBlock tells whether line l starts an HTML block (CommonMark's seven kinds, counted
// generously: any line that starts with `<`), and what ends it: a line holding end, or else a
// blank line.
func htmlBlock(l []byte) (end []byte, toBlank bool) {
	t := bytes.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) == 0 || t[0] != '<' {
		return nil, false
	}
	lower := bytes.ToLower(t)
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if bytes.HasPrefix(lower[1:], []byte(tag)) {
			end = []byte("</" + tag + ">")
			if bytes.Contains(lower, end) {
				return nil, false
			}
			return end, false
		}
	}
	for _, k := range [][2]string{{"<!--", "-->"}, {"<?", "?>"}, {"<![cdata[", "]]>"}, {"<!", ">"}} {
		if bytes.HasPrefix(lower, []byte(k[0])) {
			if bytes.Contains(lower[len(k[0]):], []byte(k[1])) {
				return nil, false
			}
			return []byte(k[1]), false
		}
	}
	return nil, true
}

// closesFence reports whether line l closes the fenced code block opened with marker.
func closesFence(l, marker []byte) bool {
	t := bytes.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || !bytes.HasPrefix(t, marker) {
		return false
	}
	t = bytes.TrimLeft(t, string(marker[:1]))
	return len(bytes.Trim(t, " \t")) == 0
}

// tableCells counts the cells of a table row: its pipes (not escaped), less those at its ends.
func tableCells(l []byte) int {
	l = bytes.Trim(l, " \t")
	n := 1
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\':
			i++
		case l[i] == '|' && i > 0 && i < len(l)-1:
			n++
		}
	}
	return n
}

// heading reports whether l starts an ATX heading ("## Cause"), a paragraph of its own.
func heading(l []byte) bool {
	n := 0
	for n < len(l) && n < 7 && l[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(l) || l[n] == ' ' || l[n] == '\t')
}

// thematicBreak reports whether l is a thematic break ("- - -", "***"), which is no list.
func thematicBreak(l []byte) bool {
	var mark byte
	n := 0
	for _, c := range l {
		switch {
		case c == ' ' || c == '\t':
		case (c == '-' || c == '*' || c == '_') && (mark == 0 || c == mark):
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// delimiterRow reports whether l is a table's delimiter row: cells of dashes with optional colons,
// separated by pipes ("|---|:--:|").
func delimiterRow(l []byte) bool {
	l = bytes.Trim(l, " \t")
	if len(l) == 0 || bytes.IndexByte(l, '-') < 0 {
		return false
	}
	pipe := false
	for _, c := range l {
		switch c {
		case '|':
			pipe = true
		case '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return pipe
}
