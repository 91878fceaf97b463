package content

import (
	"bytes"

	"statuspress/internal/incident"
	"statuspress/internal/markdown"
)

// render turns the body and every update text into HTML, reporting Markdown problems on the lines
// of the file they come from.
func (ps *pass) render(p *parsed, text *incident.Text, updates []update) {
	opt := markdown.Options{AssetBase: AssetURL(p.file.slug)}
	if p.file.bundle != "" {
		opt.Assets = map[string]bool{}
		for _, a := range ps.cat.Assets[p.file.slug] {
			opt.Assets[a.Name] = true
		}
	}
	res := ps.opt.Markdown.Render(p.body, opt)
	text.Body, text.TOC = res.HTML, res.TOC
	ps.markdownProblems(p.r, res.Problems, p.bodyAt, 0)
	var starts []int // line starts of p.src, made for the first block-scalar text
	// The updates' HTML goes into one string that each update's is cut from: one object for
	// the garbage collector to mark on every cycle while the server runs, not one per update.
	var html []byte
	type cut struct {
		at       int64
		from, to int
	}
	var cuts []cut
	for _, u := range updates {
		if u.text == "" || u.at.IsZero() {
			continue
		}
		from := len(html)
		var ures markdown.Result
		html, ures = ps.opt.Markdown.AppendHTML(html, []byte(u.text), opt)
		cuts = append(cuts, cut{u.at.UnixNano(), from, len(html)})
		col := u.textCol - 1
		if u.textCol == 0 {
			if starts == nil {
				starts = markdown.LineStarts(p.src)
			}
			col = indentation(p.src, starts, u.textLine)
		}
		ps.markdownProblems(p.r, ures.Problems, u.textLine, col)
	}
	all := string(html)
	for _, c := range cuts {
		text.Updates[c.at] = all[c.from:c.to]
	}
}

// markdownProblems reports problems of Markdown that starts at line and is indented by col.
func (ps *pass) markdownProblems(r *report, mps []markdown.Problem, line, col int) {
	for _, mp := range mps {
		sev := Error
		if mp.Warning {
			sev = Warning
		}
		r.add(sev, line+mp.Line-1, mp.Col+col, "%s", mp.Message)
	}
}

// indentation counts the spaces that start a 1-based line of src, whose line starts are starts
// (from markdown.LineStarts: looking each line up rather than counting lines from the top keeps a
// file of many block-scalar updates linear).
func indentation(src []byte, starts []int, line int) int {
	if line < 1 || line > len(starts) {
		return 0
	}
	rest := src[starts[line-1]:]
	return len(rest) - len(bytes.TrimLeft(rest, " "))
}
