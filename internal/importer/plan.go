package importer

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"statuspress/internal/content"
	"statuspress/internal/content/authoring"
	"statuspress/internal/incident"
)

// Action is what an import does to one file.
type Action string

const (
	Create    Action = "new"
	Replace   Action = "updated"
	Unchanged Action = "unchanged"
	// Skip is a file the import wrote before and someone has edited since: it is left alone.
	Skip Action = "skipped"
)

// File is one file of a plan.
type File struct {
	// Path is relative to the content directory, with forward slashes.
	Path   string
	Action Action
	// Source is the event's source id; empty for site.yaml.
	Source string
	Data   []byte
	// Old is what the file holds now; nil for a new file.
	Old []byte
}

// Plan is an import checked and ready to write.
type Plan struct {
	Dir   string
	Files []File
	Notes []Note
	// Warnings are what lint will say about the imported files; they do not stop the import.
	Warnings content.Problems
}

// Changes are the files the plan writes: new and updated.
func (p *Plan) Changes() []File {
	var out []File
	for _, f := range p.Files {
		if f.Action == Create || f.Action == Replace {
			out = append(out, f)
		}
	}
	return out
}

// ProblemsError is an import refused because the result would not pass lint.
type ProblemsError struct {
	Problems content.Problems
}

func (e *ProblemsError) Error() string {
	return "the imported files would not pass lint, so nothing was written:\n" + strings.TrimSuffix(e.Problems.String(), "\n")
}

// existing is an imported file already in the content directory.
type existing struct {
	path string
	data []byte
}

// Prepare plans the import of page into the content directory dir (which may not exist yet),
// writing texts in lang, and checks the result as lint would: it copies the directory, writes
// the plan into the copy, loads it, and refuses the plan if that brings an error. Nothing in dir
// changes.
func Prepare(page *Page, dir, lang string) (*Plan, error) {
	if !slices.Contains(incident.SupportedLanguages, lang) {
		return nil, fmt.Errorf("--lang %s is not a language statuspress supports; use one of %s", lang, strings.Join(incident.SupportedLanguages, ", "))
	}
	plan := &Plan{Dir: dir}
	if base, _, _ := strings.Cut(page.Lang, "-"); base != "" && base != lang {
		page.note(page.From, "languageCode", "the source's texts are in `%s`, and are imported as written in `%s`; import with --lang %s if that is their language", page.Lang, lang, base)
	}
	var site *incident.Site
	var siteSrc []byte
	var before *content.Catalog
	slugs := map[string]string{}
	imported := map[string]existing{}
	if info, err := os.Stat(dir); err == nil {
		if !info.IsDir() {
			return nil, fmt.Errorf("%s is not a directory", dir)
		}
		fsys, err := content.OpenDir(dir)
		if err != nil {
			return nil, err
		}
		if b, err := fs.ReadFile(fsys, content.SiteFile); err == nil {
			before = content.Load(fsys, content.Options{})
			if ps := before.Problems.In(content.SiteFile); ps.Errors() > 0 {
				return nil, &ProblemsError{Problems: ps}
			}
			site, siteSrc = before.Site, b
			if !site.Enabled(lang) {
				return nil, fmt.Errorf("the site's languages are %s; add %s to `languages` in site.yaml, or import with --lang %s", strings.Join(site.Languages, ", "), lang, site.DefaultLanguage)
			}
			if slugs, err = authoring.Slugs(fsys, before); err != nil {
				return nil, err
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		} else if n, err := countFiles(fsys); err != nil || n > 0 {
			return nil, fmt.Errorf("%s holds files but no site.yaml; import into an empty or new directory, or into a statuspress content directory", dir)
		}
		if imported, err = findImported(fsys); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}

	groups, comps := page.Groups, page.Components
	if site == nil {
		page.fixSite(page.From)
		if len(comps) == 0 {
			comps = []Component{{ID: "service", Name: page.Name}}
			page.note(page.From, "components", "the source has no components; site.yaml gets one, `service`, that the imported incidents do not name")
		}
		plan.Files = append(plan.Files, File{Path: content.SiteFile, Action: Create, Data: newSite(page, lang, groups, comps)})
	} else {
		used := siteIDs(site)
		var newGroups []Group
		var newComps []Component
		for _, g := range groups {
			if kind, ok := used[g.ID]; ok && kind != "group" {
				return nil, fmt.Errorf("the page's group %q would be `%s`, which site.yaml uses for a component; rename one of them", g.Name, g.ID)
			} else if !ok {
				newGroups = append(newGroups, g)
			}
		}
		for _, c := range comps {
			if kind, ok := used[c.ID]; ok && kind != "component" {
				return nil, fmt.Errorf("the page's component %q would be `%s`, which site.yaml uses for a group; rename one of them", c.Name, c.ID)
			} else if !ok {
				newComps = append(newComps, c)
			} else if i := slices.IndexFunc(site.Components, func(sc incident.Component) bool { return sc.ID == c.ID }); i >= 0 {
				if name := site.Localize(site.Components[i].Name, site.DefaultLanguage); name != c.Name {
					page.note(content.SiteFile, "components", "the page's component %q is taken to be site.yaml's `%s` (%q), whose id it would have", c.Name, c.ID, name)
				}
			}
		}
		merged, err := mergeSite(siteSrc, newGroups, newComps)
		if err != nil {
			return nil, err
		}
		f := File{Path: content.SiteFile, Action: Unchanged, Data: merged, Old: siteSrc}
		if !bytes.Equal(merged, siteSrc) {
			f.Action = Replace
			page.note(content.SiteFile, "", "adds %d group(s) and %d component(s)", len(newGroups), len(newComps))
		}
		plan.Files = append(plan.Files, f)
	}

	events := slices.Clone(page.Events)
	slices.SortStableFunc(events, func(a, b Event) int {
		return cmp.Or(eventStart(&a).Compare(eventStart(&b)), strings.Compare(a.Source, b.Source))
	})
	seen := map[string]bool{}
	for i := range events {
		e := &events[i]
		if seen[e.Source] {
			page.note(e.File, "id", "%s appears twice; the first is imported", e.Source)
			continue
		}
		seen[e.Source] = true
		data := Render(e, lang)
		if old, ok := imported[e.Source]; ok {
			f := File{Path: old.path, Source: e.Source, Data: data, Old: old.data}
			switch {
			case Edited(old.data):
				f.Action = Skip
			case bytes.Equal(old.data, data):
				f.Action = Unchanged
			default:
				f.Action = Replace
			}
			plan.Files = append(plan.Files, f)
			continue
		}
		start := eventStart(e)
		taken := func(s string) bool { _, ok := slugs[s]; return ok }
		base := authoring.Slug(e.Title, lang)
		if base == "" {
			base = string(e.Kind)
		}
		if taken(base) || base == string(e.Kind) {
			base = strings.TrimSuffix(base, "-") + "-" + start.Format("2006-01-02")
		}
		slug := authoring.Unique(base, taken)
		p := path.Join(start.Format("2006"), slug+".md")
		slugs[slug] = p
		plan.Files = append(plan.Files, File{Path: p, Action: Create, Source: e.Source, Data: data})
	}
	plan.Notes = page.Notes
	if err := plan.check(before); err != nil {
		return nil, err
	}
	return plan, nil
}

func eventStart(e *Event) time.Time {
	if e.Kind == incident.KindMaintenance {
		return e.Scheduled.Start
	}
	return e.Started
}

func countFiles(fsys fs.FS) (int, error) {
	n := 0
	err := authoring.WalkFiles(fsys, func(string, fs.DirEntry) error {
		n++
		return nil
	})
	return n, err
}

// findImported lists the files of the content directory that record a source, by source.
func findImported(fsys fs.FS) (map[string]existing, error) {
	out := map[string]existing{}
	err := authoring.WalkFiles(fsys, func(p string, d fs.DirEntry) error {
		if !strings.HasSuffix(p, ".md") || !d.Type().IsRegular() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if src := SourceOf(data); src != "" {
			if _, dup := out[src]; !dup {
				out[src] = existing{path: p, data: data}
			}
		}
		return nil
	})
	return out, err
}

// check loads a copy of the content directory with the plan written into it, and refuses the
// plan when that brings an error that was not there before. Warnings in the imported files are
// kept for the summary.
func (p *Plan) check(before *content.Catalog) error {
	stage, err := os.MkdirTemp("", "statuspress-import-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	if _, err := os.Stat(p.Dir); err == nil {
		if err := copyTree(p.Dir, stage); err != nil {
			return fmt.Errorf("copying %s to check the import: %w", p.Dir, err)
		}
	}
	for _, f := range p.Changes() {
		target := filepath.Join(stage, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			return err
		}
	}
	fsys, err := content.OpenDir(stage)
	if err != nil {
		return err
	}
	after := content.Load(fsys, content.Options{})
	had := map[string]bool{}
	if before != nil {
		for _, pr := range before.Problems {
			had[pr.Path+"\x00"+pr.Message] = true
		}
	}
	written := map[string]bool{}
	for _, f := range p.Changes() {
		written[f.Path] = true
	}
	var bad content.Problems
	for _, pr := range after.Problems {
		switch {
		case pr.Severity == content.Error && !had[pr.Path+"\x00"+pr.Message]:
			bad = append(bad, pr)
		case written[pr.Path]:
			p.Warnings = append(p.Warnings, pr)
		}
	}
	if len(bad) > 0 {
		return &ProblemsError{Problems: bad}
	}
	return nil
}

// copyTree copies the files, folders and symbolic links of src into dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, target)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
		return nil // pipes, sockets, devices: the loader reports them in the original, not here
	})
}
