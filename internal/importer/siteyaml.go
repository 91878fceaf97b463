package importer

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"statuspress/internal/content/authoring"
	"statuspress/internal/incident"
	"statuspress/internal/yamlnode"
)

// newSite writes a site.yaml for a new content directory: the page's name, URL and time zone,
// its groups and components, in lang alone. Names are given once; translators add the other
// languages later.
func newSite(p *Page, lang string, groups []Group, comps []Component) []byte {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	line("# Made by `statuspress import` from %s. Add languages, translations of the names and", p.From)
	line("# descriptions, and the support contacts; see the README's site.yaml section.")
	line("title: %s", authoring.Scalar(p.Name))
	line("base_url: %s", authoring.Scalar(p.URL))
	line("default_language: %s", lang)
	line("languages: [%s]", lang)
	line("timezones: {%s: %s}", lang, authoring.Scalar(p.TimeZone))
	if len(groups) > 0 {
		line("")
		line("groups:")
		b.WriteString(groupLines(groups, "  "))
	}
	line("")
	line("components:")
	b.WriteString(componentLines(comps, "  "))
	return []byte(b.String())
}

func groupLines(gs []Group, pad string) string {
	var b strings.Builder
	for _, g := range gs {
		fmt.Fprintf(&b, "%s- id: %s\n%s  name: %s\n", pad, g.ID, pad, authoring.Scalar(g.Name))
		if d := oneLine(g.Description); d != "" {
			fmt.Fprintf(&b, "%s  # %s\n", pad, "description: "+d)
		}
	}
	return b.String()
}

func componentLines(cs []Component, pad string) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%s- id: %s\n%s  name: %s\n", pad, c.ID, pad, authoring.Scalar(c.Name))
		if d := oneLine(c.Description); d != "" {
			fmt.Fprintf(&b, "%s  description: %s\n", pad, authoring.Scalar(d))
		}
		if c.Group != "" {
			fmt.Fprintf(&b, "%s  group: %s\n", pad, c.Group)
		}
		if c.Position > 0 {
			fmt.Fprintf(&b, "%s  position: %d\n", pad, c.Position)
		}
		if c.HiddenUnlessDegraded {
			fmt.Fprintf(&b, "%s  hidden_unless_degraded: true\n", pad)
		}
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// fixPage gives the page what a new site.yaml needs, noting what it had to make up.
func (p *Page) fixSite(source string) {
	if strings.TrimSpace(p.Name) == "" {
		p.Name = "Status"
		p.note(source, "name", "the page has no name; site.yaml's title is %q, change it there", p.Name)
	}
	p.Name = oneLine(p.Name)
	if u, err := url.Parse(strings.TrimSpace(p.URL)); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		if p.URL != "" {
			p.note(source, "url", "%q is not an absolute http or https URL; site.yaml's base_url is https://status.example.com, change it there", p.URL)
		} else {
			p.note(source, "url", "the page has no URL; site.yaml's base_url is https://status.example.com, change it there")
		}
		p.URL = "https://status.example.com"
	} else {
		p.URL = strings.TrimSpace(p.URL)
	}
	if p.TimeZone == "" {
		p.TimeZone = "UTC"
	} else if _, err := time.LoadLocation(p.TimeZone); err != nil || strings.HasPrefix(p.TimeZone, "/") || p.TimeZone == "Local" {
		p.note(source, "time_zone", "%q is not a time zone name this server knows; site.yaml says UTC, change it there", p.TimeZone)
		p.TimeZone = "UTC"
	}
}

// mergeSite adds groups and components to an existing site.yaml by inserting lines: after the
// last entry of its `groups:` and `components:` lists, indented as they are, or as a new list at
// the end of the file. Everything else (comments, order, quoting) stays byte for byte.
func mergeSite(src []byte, groups []Group, comps []Component) ([]byte, error) {
	if len(groups) == 0 && len(comps) == 0 {
		return src, nil
	}
	crlf := strings.Contains(string(src), "\r\n")
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	doc, err := yamlnode.Parse([]byte(text), yamlnode.Options{MaxDepth: 32})
	if err != nil {
		return nil, fmt.Errorf("site.yaml: %w", err)
	}
	if doc.Root == nil || doc.Root.Kind != yamlnode.Mapping {
		return nil, fmt.Errorf("site.yaml is not a mapping of fields; fix it (statuspress lint) and import again")
	}
	lines := strings.SplitAfter(text, "\n")
	type insert struct {
		line int // insert before this 0-based line index
		text string
	}
	var ins []insert
	var tail strings.Builder
	for _, list := range []struct {
		key  string
		text func(pad string) string
		n    int
	}{
		{"groups", func(pad string) string { return groupLines(groups, pad) }, len(groups)},
		{"components", func(pad string) string { return componentLines(comps, pad) }, len(comps)},
	} {
		if list.n == 0 {
			continue
		}
		i := entryIndex(doc.Root, list.key)
		if i < 0 {
			tail.WriteString("\n" + list.key + ":\n" + list.text("  "))
			continue
		}
		e := doc.Root.Entries[i]
		v := e.Value
		if v == nil || v.Kind == yamlnode.Null {
			// `components:` with nothing under it: the list goes right below the key.
			ins = append(ins, insert{e.Line, list.text("  ")})
			continue
		}
		if v.Kind != yamlnode.Sequence || len(v.Items) == 0 || v.Line == e.Line {
			return nil, &Error{File: "site.yaml", Line: e.Line, Col: e.Col, Message: fmt.Sprintf(
				"`%s` is not a list written one `- ` entry a line, so the import cannot add to it keeping your formatting; write it as a block list and import again", list.key)}
		}
		first := yamlnode.Start(v.Items[0]).Line - 1
		pad := ""
		if first >= 0 && first < len(lines) {
			l := lines[first]
			pad = l[:len(l)-len(strings.TrimLeft(l, " "))]
		}
		// The list ends where the next top-level field starts, less the blank lines and the
		// comments at the left margin that lead into that field.
		end := len(lines)
		if i+1 < len(doc.Root.Entries) {
			end = doc.Root.Entries[i+1].Line - 1
		}
		for end > first+1 {
			t := lines[end-1]
			if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
				end--
				continue
			}
			break
		}
		ins = append(ins, insert{end, list.text(pad)})
	}
	var b strings.Builder
	for li, l := range lines {
		for _, in := range ins {
			if in.line == li {
				b.WriteString(in.text)
			}
		}
		b.WriteString(l)
	}
	for _, in := range ins {
		if in.line >= len(lines) {
			if !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
			b.WriteString(in.text)
		}
	}
	if tail.Len() > 0 {
		if !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte('\n')
		}
		b.WriteString(tail.String())
	}
	if crlf {
		// The file's line endings, for the lines added too.
		return []byte(strings.ReplaceAll(b.String(), "\n", "\r\n")), nil
	}
	return []byte(b.String()), nil
}

func entryIndex(n *yamlnode.Node, key string) int {
	for i, e := range n.Entries {
		if e.Key == key {
			return i
		}
	}
	return -1
}

// siteIDs are the component and group ids site.yaml uses, whatever their kind: an imported id
// must not clash with either.
func siteIDs(site *incident.Site) map[string]string {
	out := map[string]string{}
	for _, g := range site.Groups {
		out[g.ID] = "group"
	}
	for _, c := range site.Components {
		out[c.ID] = "component"
	}
	return out
}
