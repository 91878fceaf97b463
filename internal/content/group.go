package content

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"statuspress/internal/incident"
)

// group is one incident's files: its original (nil when it has none) and its translations.
type group struct {
	slug   string
	orig   *parsed
	trs    []*parsed
	result built
}

func (ps *pass) build(files []mdFile) {
	ps.cat.Files += len(files)
	// Files named wrongly have no slug; their problem is already reported.
	files = slices.DeleteFunc(files, func(f mdFile) bool { return f.slug == "" })
	slices.SortFunc(files, func(a, b mdFile) int { return strings.Compare(a.path, b.path) })
	all := ps.readAll(files)
	groups, bySlug := ps.group(all)
	parallel(len(groups), func(i int) { groups[i].result = ps.buildGroup(groups[i]) })

	next := make(map[string]built, len(groups))
	for _, p := range all {
		p.release()
		ps.tree.slugs[p.file.slug] = append(ps.tree.slugs[p.file.slug], p.file)
		ps.tree.count(p.file.path, p.sum)
	}
	for _, g := range groups {
		if in := ps.publish(g, next); in != nil {
			ps.cat.Incidents = append(ps.cat.Incidents, in)
			ps.cat.bySlug[in.Slug] = in
		}
	}
	for slug := range ps.ld.good {
		if g := bySlug[slug]; g == nil || g.orig == nil {
			delete(ps.ld.good, slug) // the file is gone: so is the incident
		}
	}
	ps.ld.built = next
	ps.cat.Version = ps.tree.versionString()
	slices.SortFunc(ps.cat.Incidents, listOrder)
}

// listOrder is the order of Catalog.Incidents: newest first, then by slug.
func listOrder(a, b *incident.Incident) int {
	if c := b.SortTime().Compare(a.SortTime()); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

// group gathers the files (sorted by path) of each slug: the original and its translations. A
// second original of a slug is reported and left out.
func (ps *pass) group(all []*parsed) ([]*group, map[string]*group) {
	bySlug := map[string]*group{}
	var groups []*group
	groupOf := func(slug string) *group {
		g := bySlug[slug]
		if g == nil {
			g = &group{slug: slug}
			bySlug[slug] = g
			groups = append(groups, g)
		}
		return g
	}
	for _, p := range all {
		g := groupOf(p.file.slug)
		switch {
		case p.file.lang != "":
			g.trs = append(g.trs, p)
		case g.orig != nil:
			p.r.errorf(pos{1, 1}, "slug `%s` is already used by %s; slugs are unique site-wide (they are URLs and feed ids), so rename this file", p.file.slug, g.orig.file.path)
			ps.add(p.r)
		default:
			g.orig = p
		}
	}
	return groups, bySlug
}

// publish reports a built group's problems, records its result in built, and returns the incident
// the catalog lists for it: the one just built, or while the original has errors the last good
// one (which is said), or nil.
func (ps *pass) publish(g *group, built map[string]built) *incident.Incident {
	res := g.result
	ps.cat.Problems = append(ps.cat.Problems, res.problems...)
	built[g.slug] = res
	in := res.in
	if in == nil && g.orig != nil {
		if in = ps.ld.good[g.slug]; in != nil {
			ps.warn(g.orig.file.path, "the site keeps serving the last good version of this incident until the errors here are fixed")
		}
	}
	if res.in != nil {
		ps.ld.good[g.slug] = res.in
	}
	return in
}

// files are the group's files: its original, if any, then its translations.
func (g *group) files() []*parsed {
	if g.orig == nil {
		return g.trs
	}
	return append([]*parsed{g.orig}, g.trs...)
}

// key identifies everything a group's result depends on: site.yaml, the files' names, times and
// bytes (by their hashes), and the bundle's other files.
func (ps *pass) key(g *group) [sha256.Size]byte {
	h := sha256.New()
	h.Write(ps.siteKey)
	fmt.Fprintf(h, "%t", ps.lenient)
	var buf []byte
	for _, p := range g.files() {
		buf = append(buf[:0], 0)
		buf = append(buf, p.file.path...)
		buf = binary.BigEndian.AppendUint64(append(buf, 0), uint64(p.file.mod.UnixNano()))
		for _, pr := range p.r.problems {
			buf = append(append(buf, 0), pr.String()...)
		}
		h.Write(append(buf, 0))
		h.Write(p.sum[:])
	}
	for _, a := range ps.cat.Assets[g.slug] {
		fmt.Fprintf(h, "\x00%s", a.Name)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// buildGroup builds one incident from its files, or reuses the last load's result when none of
// them changed.
func (ps *pass) buildGroup(g *group) built {
	if g.orig == nil {
		var probs Problems
		for _, p := range g.trs {
			ps.translation(p, nil, nil)
			probs = append(probs, p.r.problems...)
		}
		return built{problems: probs}
	}
	key := ps.key(g)
	if prev, ok := ps.ld.built[g.slug]; ok && prev.key == key {
		return prev
	}
	files := g.files()
	for _, p := range files {
		ps.readFile(p)
	}
	// Done with the bytes and syntax trees once the incident is built.
	defer func() {
		for _, p := range files {
			p.release()
		}
	}()
	ps.parseFront(g.orig)
	in := ps.original(g.orig)
	res := built{key: key, in: in, problems: slices.Clone(g.orig.r.problems)}
	for _, p := range g.trs {
		ps.parseFront(p)
		ps.translation(p, g.orig, in)
		res.problems = append(res.problems, p.r.problems...)
		// A translation that breaks keeps its last good text, as a broken original does.
		if in != nil && in.Texts[p.file.lang] == nil && p.r.failed() {
			if good := ps.ld.good[g.slug]; good != nil && good.Texts[p.file.lang] != nil {
				in.Texts[p.file.lang] = good.Texts[p.file.lang]
				res.problems = append(res.problems, Problem{Path: p.file.path, Line: 1, Col: 1, Severity: Warning,
					Message: "the site keeps serving the last good version of this translation until the errors here are fixed"})
			}
		}
	}
	return res
}
