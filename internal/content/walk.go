package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// mdFile is one incident Markdown file found by the walk.
type mdFile struct {
	path   string
	slug   string
	lang   string // from the file name; empty for an original
	bundle string // the bundle folder, or empty
	size   int64
	mod    time.Time
}

// ignored reports whether a file or folder is not content: hidden files, `_drafts`-style folders,
// and the READMEs that content repositories keep.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		strings.EqualFold(strings.TrimSuffix(name, path.Ext(name)), "readme")
}

// walk finds the incident files and bundle assets, and records in ps.tree what it found.
func (ps *pass) walk() []mdFile {
	type entry struct {
		path string
		size int64
		mod  time.Time
	}
	var files []entry
	t := ps.tree
	err := fs.WalkDir(ps.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				ps.rootErr, t.uncertain = err, true
				ps.problem(p, "cannot read the content directory: %v", err)
				return fs.SkipAll
			}
			ps.problem(p, "cannot read: %v", err)
			t.uncertain = true
			return nil
		}
		if p == "." {
			return nil
		}
		if ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A change to a link's target shows under the target's name, not the link's.
			t.uncertain = true
		}
		if p == SiteFile {
			return nil // read before the walk, and its problems reported then
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return ps.symlink(p, func(size int64, mod time.Time) { files = append(files, entry{p, size, mod}) })
		}
		if d.IsDir() {
			t.dirs[p] = true
			return nil
		}
		if !d.Type().IsRegular() {
			// Reading a named pipe would wait for a writer forever, and with it every reload.
			ps.problem(p, "this is %s, not a file; only files and folders are read: remove it", fileKind(d.Type()))
			return nil
		}
		info, err := d.Info()
		if err != nil {
			ps.problem(p, "cannot read: %v", err)
			t.uncertain = true
			return nil
		}
		files = append(files, entry{p, info.Size(), info.ModTime()})
		return nil
	})
	if err != nil {
		ps.problem(".", "cannot read the content directory: %v", err)
		t.uncertain = true
	}
	if t.uncertain && ps.rootErr == nil {
		// Folders that could not be read may be a directory moved away during the walk.
		if _, err := fs.Stat(ps.fsys, "."); err != nil {
			ps.rootErr = err
		}
	}

	// A folder holding index.md (or index.<lang>.md) is a bundle; every other file in it is an asset.
	for _, f := range files {
		if isIndex(f.path) {
			t.bundles[path.Dir(f.path)] = true
		}
	}
	var out []mdFile
	for _, f := range files {
		fi := ps.classify(f.path, f.size, f.mod)
		t.files[f.path] = fi
		switch {
		case fi.isMD:
			out = append(out, fi.md)
		case fi.asset != nil:
			ps.cat.Assets[fi.bundle] = append(ps.cat.Assets[fi.bundle], *fi.asset)
		}
	}
	// In the order LoadChanged keeps them, which a walk does not quite give ("a/b/c" comes
	// before "a/b-c").
	for _, as := range ps.cat.Assets {
		slices.SortFunc(as, func(a, b Asset) int { return strings.Compare(a.Path, b.Path) })
	}
	return out
}

// isIndex reports whether p is named index.md or index.<lang>.md, which makes its folder a bundle.
func isIndex(p string) bool {
	base := path.Base(p)
	return strings.HasPrefix(base, "index.") && strings.HasSuffix(base, ".md")
}

// classify tells what the file p is: an incident file, a bundle's asset, or a file that is not
// used (reported). It depends on the file's name and ps.tree.bundles, and for a bundle's file on
// its bytes (see checkAsset).
func (ps *pass) classify(p string, size int64, mod time.Time) *fileInfo {
	base := path.Base(p)
	b := ""
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		if ps.tree.bundles[dir] {
			b = dir
			break
		}
	}
	switch {
	case b != "" && path.Dir(p) == b && isIndex(p):
		f := ps.nameFile(p, path.Base(b), strings.TrimSuffix(strings.TrimPrefix(base, "index"), ".md"), b, size, mod)
		return mdInfo(f)
	case b != "":
		if strings.HasSuffix(base, ".md") {
			ps.warn(p, "not read as an incident: it lies inside the bundle folder %s, whose incident is index.md; nor is it published as a file: move it out of the folder", b)
			return &fileInfo{}
		}
		why, warn := ps.checkAsset(p, size)
		if why != "" {
			ps.problem(p, "not published: %s", why)
			return &fileInfo{}
		}
		if warn != "" {
			ps.warn(p, "%s", warn)
		}
		return &fileInfo{asset: &Asset{Name: strings.TrimPrefix(p, b+"/"), Path: p}, bundle: path.Base(b)}
	case strings.HasSuffix(base, ".md"):
		stem := strings.TrimSuffix(base, ".md")
		slug, suffix, _ := strings.Cut(stem, ".")
		if suffix != "" {
			suffix = "." + suffix
		}
		f := ps.nameFile(p, slug, suffix, "", size, mod)
		return mdInfo(f)
	default:
		ps.warn(p, "not used: only site.yaml and incident Markdown files are read; pictures belong in a bundle folder (<slug>/index.md with the picture beside it)")
		return &fileInfo{}
	}
}

// mdInfo is the fileInfo of an incident file.
func mdInfo(f mdFile) *fileInfo { return &fileInfo{md: f, isMD: true} }

// validSlug reports whether s is lower-case letters and digits in groups joined by single hyphens
// (idPattern, without the cost of a regular expression for every file of every reload).
func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// nameFile checks a file name: slug, and language suffix (".nl" or empty).
func (ps *pass) nameFile(p, slug, suffix, bundle string, size int64, mod time.Time) mdFile {
	f := mdFile{path: p, slug: slug, bundle: bundle, size: size, mod: mod}
	form := "<slug>.<lang>.md"
	if bundle != "" {
		form = "index.<lang>.md"
	}
	switch {
	case bundle == "" && slug == "index":
		ps.problem(p, "index.md names its folder's incident, but this folder is the content directory itself; name the file <slug>.md")
		f.slug = ""
	case !validSlug(slug):
		ps.problem(p, "`%s` is not a valid slug: slugs are lower-case letters, digits and single hyphens, e.g. `%s`; rename the %s", slug, slugify(slug), map[bool]string{true: "folder", false: "file"}[bundle != ""])
		f.slug = ""
	}
	if suffix == "" {
		return f
	}
	lang := strings.TrimPrefix(suffix, ".")
	site := ps.cat.Site
	if !ps.languageCode(lang) {
		ps.problem(p, "`%s` in the file name is not a language code; translations are named %s: for lang, %s", lang, form, oneOf(site.Languages, "add it to `languages` in site.yaml"))
		f.slug = ""
		return f
	}
	if !site.Enabled(lang) && !ps.lenient {
		ps.problem(p, "language `%s` is not enabled in site.yaml (languages: %s); add it there or remove the file", lang, strings.Join(site.Languages, ", "))
		f.slug = ""
		return f
	}
	f.lang = lang
	return f
}

// languageCode reports whether a file name's suffix is a language code. There are only a few
// different suffixes in thousands of files, so each is parsed once per load.
func (ps *pass) languageCode(lang string) bool {
	ok, known := ps.langCodes[lang]
	if !known {
		tag, err := language.Parse(lang)
		ok = err == nil && !strings.Contains(lang, ".") && (tag.String() == lang || strings.EqualFold(tag.String(), lang))
		if ps.langCodes == nil {
			ps.langCodes = map[string]bool{}
		}
		ps.langCodes[lang] = ok
	}
	return ok
}

// symlink checks a symbolic link, following the whole chain of links it goes through: one that
// leaves the content directory at any hop is refused, one to a file inside it is read as that
// file would be. (OpenDir's file system refuses to read through such a link anyway; this says
// which link and why.)
func (ps *pass) symlink(p string, add func(int64, time.Time)) error {
	target, err := fs.ReadLink(ps.fsys, p)
	if err != nil {
		ps.problem(p, "cannot follow the symbolic link: %v", err)
		return nil
	}
	resolved, info, err := resolve(ps.fsys, p)
	var le *linkError
	switch {
	case errors.As(err, &le) && le.out:
		ps.problem(p, "symbolic link to `%s` leads outside the content directory%s; nothing outside it is read: copy the file in instead", target, le.through())
	case errors.As(err, &le):
		ps.problem(p, "symbolic link to `%s` %s%s; fix or remove the link", target, le.msg, le.through())
	case err != nil:
		ps.problem(p, "cannot follow the symbolic link: %v", err)
	case info.IsDir():
		ps.warn(p, "symbolic link to the folder `%s` is not followed; move the folder here instead", target)
	case !info.Mode().IsRegular():
		ps.problem(p, "symbolic link to `%s` names `%s`, which is %s, not a file; remove the link", target, resolved, fileKind(info.Mode()))
	default:
		add(info.Size(), info.ModTime())
	}
	return nil
}

// fileKind names what a file that is not a regular file or a folder is, for a message.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
