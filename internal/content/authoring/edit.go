package authoring

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"statuspress/internal/incident"
)

var bom = []byte("\xef\xbb\xbf")

// File is an incident file's bytes with its front matter parsed, for editing in place. Edits
// return new bytes that differ from the original only by inserted text.
type File struct {
	src   []byte
	bom   int    // length of a leading byte-order mark
	lines []line // the lines after the byte-order mark
	// fmEnd is the index in lines of the line closing the front matter; the front matter is
	// lines[1:fmEnd], and its line n (1-based, as the parser counts) is lines[n].
	fmEnd    int
	root     *ast.MappingNode
	comments map[int]bool // lines holding nothing but a comment
}

type line struct {
	off  int    // byte offset in src
	text string // without its line ending
	nl   string // "\n", "\r\n", or "" for a last line without one
}

// ParseFile reads an incident file's front matter. It refuses files it cannot edit in place;
// these are also files the site would not publish.
func ParseFile(src []byte) (*File, error) {
	f := &File{src: src, comments: map[int]bool{}}
	if bytes.HasPrefix(src, bom) {
		f.bom = len(bom)
	}
	for off := f.bom; off <= len(src); {
		text, _, found := bytes.Cut(src[off:], []byte("\n"))
		l := line{off: off, text: string(text)}
		if found {
			l.nl = "\n"
			if strings.HasSuffix(l.text, "\r") {
				l.text, l.nl = strings.TrimSuffix(l.text, "\r"), "\r\n"
			}
		}
		f.lines = append(f.lines, l)
		if !found {
			break
		}
		off += len(text) + 1
	}
	if strings.TrimRight(f.lines[0].text, " \t") != "---" {
		return nil, errors.New("the file does not start with front matter (a line `---`)")
	}
	for i := 1; i < len(f.lines) && f.fmEnd == 0; i++ {
		if t := strings.TrimRight(f.lines[i].text, " \t"); t == "---" || t == "..." {
			f.fmEnd = i
		}
	}
	if f.fmEnd == 0 {
		return nil, errors.New("the front matter is never closed with a line `---`")
	}
	var fm strings.Builder
	for _, l := range f.lines[1:f.fmEnd] {
		if strings.ContainsRune(l.text, '\r') {
			return nil, errors.New("the front matter holds a carriage return that does not end a line; save the file with LF or CRLF line endings")
		}
		fm.WriteString(l.text)
		fm.WriteByte('\n')
	}
	doc, err := parser.ParseBytes([]byte(fm.String()), 0)
	if err != nil {
		return nil, fmt.Errorf("the front matter is not valid YAML (run `statuspress lint`): %w", err)
	}
	if len(doc.Docs) == 0 || doc.Docs[0].Body == nil {
		return nil, errors.New("the front matter is empty")
	}
	switch root := doc.Docs[0].Body.(type) {
	case *ast.MappingNode:
		if root.IsFlowStyle {
			return nil, errors.New("the front matter is written as one `{...}` mapping; write it as `key: value` lines to add to it")
		}
		f.root = root
	case *ast.MappingValueNode:
		f.root = &ast.MappingNode{BaseNode: root.BaseNode, Values: []*ast.MappingValueNode{root}}
	default:
		return nil, errors.New("the front matter must be a mapping of `key: value` lines")
	}
	first := doc.Docs[0].Body.GetToken()
	for first != nil && first.Prev != nil {
		first = first.Prev
	}
	for tk := first; tk != nil; tk = tk.Next {
		if tk.Type != token.CommentType || tk.Position == nil {
			continue
		}
		if i := tk.Position.Line; i < f.fmEnd && tk.Position.Column == indentation(f.lines[i].text)+1 {
			f.comments[i] = true
		}
	}
	return f, nil
}

func indentation(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// Has reports whether the front matter has the top-level key.
func (f *File) Has(key string) bool { return f.index(key) >= 0 }

func (f *File) index(key string) int {
	return slices.IndexFunc(f.root.Values, func(mv *ast.MappingValueNode) bool { return keyText(mv) == key })
}

func keyText(mv *ast.MappingValueNode) string {
	if s, ok := mv.Key.(*ast.StringNode); ok {
		return s.Value
	}
	if tk := mv.Key.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

// lineOf is the index in f.lines of a token of the front matter.
func lineOf(tk *token.Token) int { return tk.Position.Line }

// lastContent is the last line in [from, to) that holds YAML content: not blank and not only a
// comment. Token positions of multi-line scalars are unreliable, so the extent of an entry is
// found from its lines, bounded by where the next entry starts.
func (f *File) lastContent(from, to int) int {
	for i := min(to, f.fmEnd) - 1; i > from; i-- {
		if strings.TrimSpace(f.lines[i].text) != "" && !f.comments[i] {
			return i
		}
	}
	return from
}

// withComments extends an entry that ends on line end over the comment lines right below it
// that are indented deeper than the entry's column col: they speak about it.
func (f *File) withComments(end, to, col int) int {
	for end+1 < min(to, f.fmEnd) && f.comments[end+1] && indentation(f.lines[end+1].text) >= col {
		end++
	}
	return end
}

// entryEnd is the last line of the i-th top-level entry, with its comments.
func (f *File) entryEnd(i int) int {
	to := f.fmEnd
	if i+1 < len(f.root.Values) {
		to = lineOf(f.root.Values[i+1].Key.GetToken())
	}
	return f.withComments(f.lastContent(lineOf(f.root.Values[i].Key.GetToken()), to), to, f.rootCol())
}

// after is the byte offset where the line following line i starts.
func (f *File) after(i int) int { return f.lines[i+1].off }

// nl is the line ending of line i, which inserted lines after it copy.
func (f *File) nl(i int) string {
	if f.lines[i].nl == "" {
		return "\n"
	}
	return f.lines[i].nl
}

// offset is the byte offset of a 1-based, rune-counted column of line i.
func (f *File) offset(i, col int) int {
	text := f.lines[i].text
	b := 0
	for n := 1; n < col && b < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
	}
	return f.lines[i].off + b
}

// rootCol is the column the top-level keys start in.
func (f *File) rootCol() int { return f.root.Values[0].Key.GetToken().Position.Column }

// unit is the file's indentation step, from its first nested block mapping or list; 2 if none.
func (f *File) unit() int {
	for _, mv := range f.root.Values {
		var col int
		if m, ok := asMapping(mv.Value); ok && !m.IsFlowStyle && len(m.Values) > 0 {
			col = m.Values[0].Key.GetToken().Position.Column
		}
		if s, ok := mv.Value.(*ast.SequenceNode); ok && !s.IsFlowStyle && len(s.Entries) > 0 {
			col = s.Entries[0].Start.Position.Column
		}
		if col > f.rootCol() {
			return col - f.rootCol()
		}
	}
	return 2
}

// Update is an update to append to an incident's timeline.
type Update struct {
	// At is written with its location's offset, to the second.
	At     time.Time
	Status incident.UpdateStatus
	// Text is Markdown; it is cleaned with CleanText.
	Text       string
	Components []incident.Affected
	// Resolved, when not zero, is also written as the incident's `resolved:`, after `started:`
	// (or `scheduled:`). The file must not have one.
	Resolved time.Time
}

type insertion struct {
	off  int
	text string
}

// AppendUpdate returns the file with u added after the last entry of its `updates:` list,
// indented like that entry; with an `updates:` key added after the last top-level field when
// there is none; or with a `{...}` entry added inside a flow list `updates: [...]`. Nothing else
// changes: the result is the original bytes with text inserted.
func (f *File) AppendUpdate(u Update) ([]byte, error) {
	text := CleanText(u.Text)
	if err := CheckText("the text", text); err != nil {
		return nil, err
	}
	if text == "" {
		return nil, errors.New("the update's text is empty")
	}
	at := u.At.Format(time.RFC3339)
	var ins []insertion
	if !u.Resolved.IsZero() {
		if f.Has("resolved") {
			return nil, errors.New("the file already has `resolved:`")
		}
		i := f.index("started")
		if i < 0 {
			i = f.index("scheduled")
		}
		if i < 0 {
			i = len(f.root.Values) - 1
		}
		end := f.entryEnd(i)
		ins = append(ins, insertion{f.after(end), pad(f.rootCol()-1) + "resolved: " + u.Resolved.Format(time.RFC3339) + f.nl(end)})
	}
	before := 0
	i := f.index("updates")
	if i < 0 {
		end := f.entryEnd(len(f.root.Values) - 1)
		nl, dash := f.nl(end), f.rootCol()+f.unit()
		ins = append(ins, insertion{f.after(end), pad(f.rootCol()-1) + "updates:" + nl + blockItem(u, text, dash, dash+2, f.unit(), nl)})
	} else {
		mv := f.root.Values[i]
		switch v := mv.Value.(type) {
		case *ast.NullNode:
			// The parser makes up a `null` token for a key without a value; only the line tells
			// an explicit `~` or `null` from nothing.
			key := lineOf(mv.Key.GetToken())
			rest := f.lines[key].text[f.offset(key, mv.Start.Position.Column+1)-f.lines[key].off:]
			if v, _, _ := strings.Cut(rest, "#"); strings.TrimSpace(v) != "" {
				return nil, fmt.Errorf("`updates: %s` says there are none; delete the `%s` and try again", strings.TrimSpace(v), strings.TrimSpace(v))
			}
			nl, dash := f.nl(key), f.rootCol()+f.unit()
			ins = append(ins, insertion{f.after(key), blockItem(u, text, dash, dash+2, f.unit(), nl)})
		case *ast.SequenceNode:
			before = len(v.Values)
			in, err := f.appendTo(v, mv, i, u, text)
			if err != nil {
				return nil, err
			}
			ins = append(ins, in)
		default:
			return nil, errors.New("`updates` is not a list; run `statuspress lint` and fix the file first")
		}
	}

	slices.SortStableFunc(ins, func(a, b insertion) int { return a.off - b.off })
	out := slices.Clone(f.src)
	// Later offsets first, so earlier ones stay valid; at one offset, the first insertion ends up first.
	for j := len(ins) - 1; j >= 0; j-- {
		out = slices.Insert(out, ins[j].off, []byte(ins[j].text)...)
	}
	if err := checkAppended(out, before, at, text, !u.Resolved.IsZero()); err != nil {
		return nil, fmt.Errorf("internal error: the edited file does not read back as intended (%v); nothing was written", err)
	}
	return out, nil
}

// appendTo adds u to the updates list seq, the value of the i-th top-level entry.
func (f *File) appendTo(seq *ast.SequenceNode, mv *ast.MappingValueNode, i int, u Update, text string) (insertion, error) {
	if seq.IsFlowStyle {
		return f.appendFlow(seq, u, text)
	}
	if len(seq.Entries) == 0 {
		return insertion{}, errors.New("`updates` is an empty list")
	}
	last := seq.Entries[len(seq.Entries)-1]
	dashLine, dashCol := lineOf(last.Start), last.Start.Position.Column
	to := f.fmEnd
	if i+1 < len(f.root.Values) {
		to = lineOf(f.root.Values[i+1].Key.GetToken())
	}
	end := f.withComments(f.lastContent(dashLine, to), to, dashCol)
	nl := f.nl(end)
	lead := ""
	// Entries separated by blank lines get one more.
	if len(seq.Entries) > 1 && strings.TrimSpace(f.lines[dashLine-1].text) == "" {
		lead = nl
	}
	item, ok := asMapping(last.Value)
	if !ok || len(item.Values) == 0 {
		return insertion{}, errors.New("the last entry of `updates` is not an update (`at:`, `status:`, `text:`); run `statuspress lint` and fix the file first")
	}
	if item.IsFlowStyle {
		return insertion{f.after(end), lead + pad(dashCol-1) + "- " + flowItem(u, text) + nl}, nil
	}
	keyCol := dashCol + 2
	if k := item.Values[0].Key.GetToken(); lineOf(k) == dashLine && k.Position.Column > dashCol+1 {
		keyCol = k.Position.Column
	}
	unit := f.unit()
	for _, e := range item.Values {
		if _, lit := e.Value.(*ast.LiteralNode); lit && keyText(e) == "text" {
			k := lineOf(e.Key.GetToken())
			for j := k + 1; j <= end; j++ {
				if t := f.lines[j].text; strings.TrimSpace(t) != "" {
					if n := indentation(t) - indentation(f.lines[k].text); n > 0 {
						unit = n
					}
					break
				}
			}
		}
	}
	return insertion{f.after(end), lead + blockItem(u, text, dashCol, keyCol, unit, nl)}, nil
}

// appendFlow adds u inside `updates: [...]`: on a line of its own when the list spans lines.
func (f *File) appendFlow(seq *ast.SequenceNode, u Update, text string) (insertion, error) {
	if len(seq.Values) == 0 {
		return insertion{f.offset(lineOf(seq.End), seq.End.Position.Column), flowItem(u, text)}, nil
	}
	last, ok := seq.Values[len(seq.Values)-1].(*ast.MappingNode)
	if !ok || !last.IsFlowStyle || last.End == nil {
		return insertion{}, errors.New("the last entry of `updates: [...]` is not an update `{at: ..., status: ..., text: ...}`; run `statuspress lint` and fix the file first")
	}
	endLine := lineOf(last.End)
	off := f.offset(endLine, last.End.Position.Column) + 1
	if lineOf(last.Start) != lineOf(seq.Start) {
		return insertion{off, "," + f.nl(endLine) + pad(last.Start.Position.Column-1) + flowItem(u, text)}, nil
	}
	return insertion{off, ", " + flowItem(u, text)}, nil
}

// asMapping returns n as a mapping; the parser gives a one-entry mapping as its entry.
func asMapping(n ast.Node) (*ast.MappingNode, bool) {
	switch v := n.(type) {
	case *ast.MappingNode:
		return v, true
	case *ast.MappingValueNode:
		return &ast.MappingNode{BaseNode: v.BaseNode, Values: []*ast.MappingValueNode{v}, IsFlowStyle: v.IsFlowStyle}, true
	}
	return nil, false
}

func pad(n int) string { return strings.Repeat(" ", max(n, 0)) }

// blockItem writes an update as a block list entry, its dash in column dashCol and its keys in
// keyCol, a literal text indented unit more than the keys.
func blockItem(u Update, text string, dashCol, keyCol, unit int, nl string) string {
	var b strings.Builder
	b.WriteString(pad(dashCol-1) + "-" + pad(keyCol-dashCol-1) + "at: " + u.At.Format(time.RFC3339) + nl)
	b.WriteString(pad(keyCol-1) + "status: " + string(u.Status) + nl)
	b.WriteString(pad(keyCol-1) + "text:" + textValue(text, keyCol-1, unit, nl) + nl)
	if len(u.Components) > 0 {
		b.WriteString(pad(keyCol-1) + "components: " + flowComponents(u.Components) + nl)
	}
	return b.String()
}

// flowItem writes an update as a flow mapping, for `updates: [...]`.
func flowItem(u Update, text string) string {
	s := "{at: " + u.At.Format(time.RFC3339) + ", status: " + string(u.Status) + ", text: " + DoubleQuoted(text)
	if len(u.Components) > 0 {
		s += ", components: " + flowComponents(u.Components)
	}
	return s + "}"
}

func flowComponents(as []incident.Affected) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Component + ": " + string(a.Status)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// checkAppended re-reads an edited file: its updates list must have grown by one entry, the last
// in the file, at the given time and with the given text.
func checkAppended(src []byte, before int, at, text string, resolved bool) error {
	f, err := ParseFile(src)
	if err != nil {
		return err
	}
	if resolved && !f.Has("resolved") {
		return errors.New("`resolved` is missing")
	}
	i := f.index("updates")
	if i < 0 {
		return errors.New("`updates` is missing")
	}
	seq, ok := f.root.Values[i].Value.(*ast.SequenceNode)
	if !ok {
		return errors.New("`updates` is not a list")
	}
	if len(seq.Values) != before+1 {
		return fmt.Errorf("`updates` has %d entries, want %d", len(seq.Values), before+1)
	}
	m, ok := asMapping(seq.Values[before])
	if !ok {
		return errors.New("the new entry is not a mapping")
	}
	var gotAt, gotText string
	for _, e := range m.Values {
		switch keyText(e) {
		case "at":
			gotAt = e.Value.GetToken().Value
		case "text":
			switch v := e.Value.(type) {
			case *ast.StringNode:
				gotText = v.Value
			case *ast.LiteralNode:
				gotText = strings.TrimSuffix(v.Value.Value, "\n")
			}
		}
	}
	switch {
	case gotAt != at:
		return fmt.Errorf("the new entry is at %q, want %s", gotAt, at)
	case gotText != text:
		return fmt.Errorf("the new entry's text reads back as %q", gotText)
	}
	return nil
}
