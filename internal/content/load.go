// Package content reads a content directory (site.yaml and incident Markdown files, the contract
// with support staff) into an immutable Catalog, and reports every problem it finds with the file,
// line and column and a way to fix it. A file with errors is left out; everything else loads.
package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"statuspress/internal/incident"
	"statuspress/internal/markdown"
)

// DefaultMaxFileSize is the largest file Load reads unless told otherwise.
const DefaultMaxFileSize = 1 << 20

// Options adjust Load.
type Options struct {
	// MaxFileSize refuses larger files without reading them; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Markdown renders bodies and update texts; nil means markdown.New().
	Markdown *markdown.Renderer
}

// Catalog is the loaded content: read-only once Load returns.
type Catalog struct {
	Site *incident.Site
	// Incidents are newest first (by Started, or the maintenance window's start).
	Incidents []*incident.Incident
	// Assets are the files of bundles, by incident slug.
	Assets   map[string][]Asset
	Problems Problems
	// Files counts the files read.
	Files int
	// Version identifies what was loaded: a hash of site.yaml and every incident file's name and
	// bytes (not their times), so it changes whenever any of them does, and replicas with the same
	// content report the same version.
	Version string
	// Lost is set when the content directory could not be read: the catalog is the last one read,
	// with that problem added (see Loader.Lost).
	Lost   bool
	bySlug map[string]*incident.Incident
}

// Asset is a file inside a bundle folder, served beside its incident.
type Asset struct {
	// Name is the path relative to the bundle folder, as Markdown links to it.
	Name string
	// Path is the path in the content file system.
	Path string
}

// AssetURL is the URL path a bundle's files are served under.
func AssetURL(slug string) string { return "/incidents/" + slug + "/" }

// Incident returns the incident with the given slug.
func (c *Catalog) Incident(slug string) (*incident.Incident, bool) {
	in, ok := c.bySlug[slug]
	return in, ok
}

// mdFile is one incident Markdown file found by the walk.
type mdFile struct {
	path   string
	slug   string
	lang   string // from the file name; empty for an original
	bundle string // the bundle folder, or empty
	size   int64
	mod    time.Time
}

// parsed is an mdFile after reading: its report and, when it has no errors, its decoded parts.
type parsed struct {
	file mdFile
	r    *report
	// sum is the SHA-256 of the file's bytes; read is set once src holds them. A file whose size
	// and time did not change since the last load is not read unless its incident is rebuilt.
	sum    [sha256.Size]byte
	read   bool
	src    []byte
	root   *node // the front matter's root node
	doc    *yamlDoc
	body   []byte
	bodyAt int
}

// Load reads the content directory fsys once. It never fails: a problem with the directory itself
// is reported like any other, and Catalog holds whatever could be loaded.
func Load(fsys fs.FS, opt Options) *Catalog { return NewLoader(fsys, opt).Load() }

// Loader reads one content directory again and again, as a running server does. Each Load reuses
// the incidents whose files (and site.yaml) did not change, and keeps the last good version of an
// incident whose original breaks, so a typo never takes a published incident down. LoadChanged
// does the same looking only at the paths a watcher says changed. Loads are serialised; the
// catalogs they return are read-only, and share the incidents that did not change.
type Loader struct {
	fsys fs.FS
	opt  Options
	mu   sync.Mutex
	// built holds each slug's result of the last load, to reuse while its files are unchanged.
	built map[string]built
	// good holds the last version of each incident whose original had no errors.
	good map[string]*incident.Incident
	// seen holds the size, time and hash of every file the last load read without a problem, and
	// started when that load began, to tell which files may have changed since (see unchanged).
	seen    map[string]stamp
	started time.Time
	// last is the catalog the last load returned, and tree what that load found on disk, for
	// LoadChanged to start from; tree is nil when LoadChanged must walk everything again.
	last *Catalog
	tree *tree
	// site is the last site.yaml without errors and siteKey its hash: kept while site.yaml has
	// errors, as good keeps incidents.
	site    *incident.Site
	siteKey []byte
	// lost is the catalog Lost returned last, so that a directory still missing gives the same.
	lost *Catalog
}

// stamp is what the Loader remembers of a file it read.
type stamp struct {
	size int64
	mod  time.Time
	sum  [sha256.Size]byte
}

// clockSlack is how much later than the moment a load began a file's time must be for the file
// to count as possibly written during that load: it covers file systems whose times tick in
// seconds (FAT: two), so a second write in the same tick with the same size is never missed.
const clockSlack = 2 * time.Second

// unchanged reports whether the file f is known from the last load and has not changed since:
// same size, same modification time, and that time was already in the past when that load began
// (a file written in the same clock tick as the load could change again without its time
// changing). A file system that gives no times (fstest.MapFS) always has its files read.
func (ld *Loader) unchanged(f mdFile) (stamp, bool) {
	st, ok := ld.seen[f.path]
	if !ok || f.mod.IsZero() || st.size != f.size || !st.mod.Equal(f.mod) || !f.mod.Before(ld.started.Add(-clockSlack)) {
		return stamp{}, false
	}
	return st, true
}

// built is what one incident's files (original and translations) gave.
type built struct {
	key      [sha256.Size]byte
	in       *incident.Incident
	problems Problems
}

// NewLoader returns a Loader of fsys.
func NewLoader(fsys fs.FS, opt Options) *Loader {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	if opt.Markdown == nil {
		opt.Markdown = markdown.New()
	}
	return &Loader{fsys: fsys, opt: opt, built: map[string]built{}, good: map[string]*incident.Incident{}, seen: map[string]stamp{}}
}

// Load reads the directory as it is now. Once a load has succeeded, a directory whose top cannot
// be read (it was moved or deleted) changes nothing: Load returns what Lost does.
func (ld *Loader) Load() *Catalog {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	return ld.load()
}

// LoadFS is Load of fsys, the same content directory opened again (by its path, so a directory
// moved back or replaced since is the one read); the Loader reads fsys from then on.
func (ld *Loader) LoadFS(fsys fs.FS) *Catalog {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	ld.fsys = fsys
	return ld.load()
}

// Lost returns the last catalog with one more problem: the content directory cannot be read (err
// says why). Nothing is taken down for a directory that went away; the next load walks
// everything again. Before any load, it is the catalog of an empty directory with that problem.
func (ld *Loader) Lost(err error) *Catalog {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	return ld.lose(err)
}

func (ld *Loader) lose(err error) *Catalog {
	pr := Problem{Path: ".", Line: 1, Col: 1, Severity: Error,
		Message: fmt.Sprintf("cannot read the content directory (%v); the site keeps serving what it last read until the directory is back", err)}
	ld.tree = nil
	if ld.last == nil {
		return &Catalog{Site: ld.site, Assets: map[string][]Asset{}, bySlug: map[string]*incident.Incident{}, Problems: Problems{pr}, Lost: true}
	}
	if l := ld.lost; l != nil && l.Version == ld.last.Version && slices.Contains(l.Problems, pr) {
		return l
	}
	c := *ld.last
	c.Lost = true
	c.Problems = append(slices.Clone(ld.last.Problems), pr)
	c.Problems.sort()
	ld.lost = &c
	return &c
}

// load walks the whole directory; see Load.
func (ld *Loader) load() *Catalog {
	started := time.Now()
	l := &loader{ld: ld, fsys: ld.fsys, opt: ld.opt, cat: &Catalog{Assets: map[string][]Asset{}, bySlug: map[string]*incident.Incident{}}}
	good := l.loadSite()
	if last, t := ld.last, ld.tree; t != nil && bytes.Equal(t.siteKey, l.siteKey) && t.lenient == l.lenient {
		// The same site.yaml: keep the same value, so the snapshot can tell nothing about the
		// site changed (site.Update) and incidents built against it stay valid.
		l.cat.Site = last.Site
	}
	l.tree = newTree(l)
	files := l.walk()
	if l.rootErr != nil && ld.last != nil {
		// The directory went away (or away from under the walk): an empty walk is no reason to
		// take every incident down.
		return ld.lose(l.rootErr)
	}
	if l.noSite && len(files) == 0 && ld.last != nil && len(ld.last.Incidents) > 0 {
		// Neither site.yaml nor any incident: a mount point whose volume is not mounted, a
		// checkout not made yet. That is content missing, not every incident deleted.
		return ld.lose(errors.New("it holds neither site.yaml nor any incident file; is it mounted or checked out?"))
	}
	if good {
		ld.site, ld.siteKey = l.cat.Site, l.siteKey
	}
	ld.lost = nil
	l.build(files)
	l.cat.Problems.sort()
	ld.started = started
	ld.last = l.cat
	ld.tree = l.tree
	if l.tree.uncertain {
		ld.tree = nil
	}
	return l.cat
}

type loader struct {
	ld   *Loader
	fsys fs.FS
	opt  Options
	cat  *Catalog
	// lenient is set when site.yaml could not be read: see yamlDoc.lenient.
	lenient bool
	// siteKey identifies the site.yaml the incidents were checked against.
	siteKey []byte
	// langCodes caches languageCode.
	langCodes map[string]bool
	// tree records what a full load finds, for LoadChanged.
	tree *tree
	// rootErr is why the top of the directory could not be read, if it could not.
	rootErr error
	// noSite is set when there is no site.yaml.
	noSite bool
}

func (l *loader) add(r *report) { l.cat.Problems = append(l.cat.Problems, r.problems...) }

// loadSite reads site.yaml, and reports whether it is good (has no errors). While it has errors,
// the last good site.yaml stays, as the last good version of an incident does: a typo there must
// not take languages, components or the title off a running site.
func (l *loader) loadSite() (good bool) {
	r := &report{path: SiteFile}
	defer l.add(r)
	src, ok := l.read(SiteFile, -1, r)
	var site *incident.Site
	readable := false
	if ok {
		l.cat.Files++
		site, readable = parseSite(src, r)
	} else if !r.failed() {
		r.errorf(pos{1, 1}, "cannot read site.yaml")
	}
	if r.failed() && l.ld.site != nil {
		r.warnf(pos{1, 1}, "the site keeps serving the last good version of site.yaml until the errors here are fixed")
		l.cat.Site, l.siteKey = l.ld.site, l.ld.siteKey
		return false
	}
	if !ok {
		l.cat.Site, _ = parseSite(nil, &report{})
		l.lenient = true
		return false
	}
	l.cat.Site, l.lenient = site, !readable
	sum := sha256.Sum256(src)
	l.siteKey = sum[:]
	return !r.failed()
}

// read returns a file's text with a byte-order mark and CR line endings removed, refusing files
// that are too large (size -1: not yet known), empty, or not UTF-8.
func (l *loader) read(name string, size int64, r *report) ([]byte, bool) {
	if size < 0 {
		// Not seen by the walk (site.yaml): opening a named pipe would wait forever.
		if info, err := fs.Stat(l.fsys, name); err == nil {
			if !info.Mode().IsRegular() {
				r.errorf(pos{1, 1}, "this is %s, not a file; replace it with a file", fileKind(info.Mode()))
				return nil, false
			}
			size = info.Size()
		}
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		// A file the walk did not vouch for (site.yaml), or one changed since, may be a link
		// that OpenDir's file system refuses to follow: say which and why.
		var le *linkError
		if _, _, lerr := resolve(l.fsys, name); errors.As(lerr, &le) && len(le.chain) > 0 {
			if le.out {
				r.errorf(pos{1, 1}, "this symbolic link leads outside the content directory%s; nothing outside it is read: copy the file in instead", le.through())
			} else {
				r.errorf(pos{1, 1}, "this symbolic link %s%s; fix or remove the link", le.msg, le.through())
			}
			return nil, false
		}
		if errors.Is(err, fs.ErrNotExist) && name == SiteFile {
			l.noSite = true
			r.errorf(pos{1, 1}, "site.yaml is missing: the content directory needs one with the title, languages and components")
			return nil, false
		}
		r.errorf(pos{1, 1}, "cannot read: %v", err)
		return nil, false
	}
	defer f.Close()
	if size > l.opt.MaxFileSize {
		r.errorf(pos{1, 1}, "file is %s, more than the limit of %s; move large pictures into a bundle folder or split the text", byteSize(size), byteSize(l.opt.MaxFileSize))
		return nil, false
	}
	// The size is known from the walk: read into a buffer big enough at once (ReadFrom wants
	// MinRead bytes free before each read, the last one included).
	buf := bytes.NewBuffer(make([]byte, 0, max(size, 0)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, l.opt.MaxFileSize+1))
	src := buf.Bytes()
	if err != nil {
		r.errorf(pos{1, 1}, "cannot read: %v", err)
		return nil, false
	}
	if int64(len(src)) > l.opt.MaxFileSize {
		r.errorf(pos{1, 1}, "file is more than the limit of %s; move large pictures into a bundle folder or split the text", byteSize(l.opt.MaxFileSize))
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(src) {
		at := invalidUTF8(src)
		r.errorf(at, "the file is not valid UTF-8 (a byte here is not part of any character); save it as UTF-8")
		return nil, false
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	if i := controlByte(src); i >= 0 {
		r.warnf(posOf(src, i), "holds the invisible control character U+%04X (pasted from a terminal or a document?); delete it: readers see nothing, or a box, and some feed readers reject it", src[i])
	}
	if len(bytes.TrimSpace(src)) == 0 {
		if name == SiteFile {
			r.errorf(pos{1, 1}, "site.yaml is empty; it needs at least title, base_url, default_language, languages and components")
		} else {
			r.errorf(pos{1, 1}, "the file is empty; an incident needs front matter between `---` lines with at least a title")
		}
		return nil, false
	}
	return src, true
}

func invalidUTF8(src []byte) pos {
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	return posOf(src, i)
}

// controlByte returns the offset of the first control character in src that has no place in a
// text file (anything below space but tab, newline and carriage return, and DEL), or -1.
func controlByte(src []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	// Eight bytes at a time: a word with no byte below space and none that is DEL holds nothing to
	// look at (the usual bit trick: a byte b < n, n <= 128, borrows into its high bit in b - n
	// while b's own high bit is clear). Most words of a text pass at once; those with a newline or
	// tab are looked at byte by byte.
	for ; i+8 <= len(src); i += 8 {
		w := binary.LittleEndian.Uint64(src[i:])
		del := w ^ 0x7f*ones
		if (w-0x20*ones)&^w&highs == 0 && (del-ones)&^del&highs == 0 {
			continue
		}
		if j := controlByteSlow(src[i : i+8]); j >= 0 {
			return i + j
		}
	}
	if j := controlByteSlow(src[i:]); j >= 0 {
		return i + j
	}
	return -1
}

func controlByteSlow(src []byte) int {
	for i, b := range src {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f {
			return i
		}
	}
	return -1
}

// posOf is the line and column (in characters) of the byte offset off of valid UTF-8 text src.
func posOf(src []byte, off int) pos {
	line, col := 1, 1
	for i := 0; i < off; {
		r, n := utf8.DecodeRune(src[i:])
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return pos{line, col}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ignored reports whether a file or folder is not content: hidden files, `_drafts`-style folders,
// and the READMEs that content repositories keep.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		strings.EqualFold(strings.TrimSuffix(name, path.Ext(name)), "readme")
}

// walk finds the incident files and bundle assets, and records in l.tree what it found.
func (l *loader) walk() []mdFile {
	type entry struct {
		path string
		size int64
		mod  time.Time
	}
	var files []entry
	t := l.tree
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				l.rootErr, t.uncertain = err, true
				l.problem(p, "cannot read the content directory: %v", err)
				return fs.SkipAll
			}
			l.problem(p, "cannot read: %v", err)
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
			return l.symlink(p, func(size int64, mod time.Time) { files = append(files, entry{p, size, mod}) })
		}
		if d.IsDir() {
			t.dirs[p] = true
			return nil
		}
		if !d.Type().IsRegular() {
			// Reading a named pipe would wait for a writer forever, and with it every reload.
			l.problem(p, "this is %s, not a file; only files and folders are read: remove it", fileKind(d.Type()))
			return nil
		}
		info, err := d.Info()
		if err != nil {
			l.problem(p, "cannot read: %v", err)
			t.uncertain = true
			return nil
		}
		files = append(files, entry{p, info.Size(), info.ModTime()})
		return nil
	})
	if err != nil {
		l.problem(".", "cannot read the content directory: %v", err)
		t.uncertain = true
	}
	if t.uncertain && l.rootErr == nil {
		// Folders that could not be read may be a directory moved away during the walk.
		if _, err := fs.Stat(l.fsys, "."); err != nil {
			l.rootErr = err
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
		fi := l.classify(f.path, f.size, f.mod)
		t.files[f.path] = fi
		switch {
		case fi.isMD:
			out = append(out, fi.md)
		case fi.asset != nil:
			l.cat.Assets[fi.bundle] = append(l.cat.Assets[fi.bundle], *fi.asset)
		}
	}
	// In the order LoadChanged keeps them, which a walk does not quite give ("a/b/c" comes
	// before "a/b-c").
	for _, as := range l.cat.Assets {
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
// used (reported). It depends on the file's name and l.tree.bundles, and for a bundle's file on
// its bytes (see checkAsset).
func (l *loader) classify(p string, size int64, mod time.Time) *fileInfo {
	base := path.Base(p)
	b := ""
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		if l.tree.bundles[dir] {
			b = dir
			break
		}
	}
	switch {
	case b != "" && path.Dir(p) == b && isIndex(p):
		f := l.nameFile(p, path.Base(b), strings.TrimSuffix(strings.TrimPrefix(base, "index"), ".md"), b, size, mod)
		return mdInfo(f)
	case b != "":
		if strings.HasSuffix(base, ".md") {
			l.warn(p, "not read as an incident: it lies inside the bundle folder %s, whose incident is index.md; nor is it published as a file: move it out of the folder", b)
			return &fileInfo{}
		}
		if why := l.checkAsset(p, size); why != "" {
			l.problem(p, "not published: %s", why)
			return &fileInfo{}
		}
		return &fileInfo{asset: &Asset{Name: strings.TrimPrefix(p, b+"/"), Path: p}, bundle: path.Base(b)}
	case strings.HasSuffix(base, ".md"):
		stem := strings.TrimSuffix(base, ".md")
		slug, suffix, _ := strings.Cut(stem, ".")
		if suffix != "" {
			suffix = "." + suffix
		}
		f := l.nameFile(p, slug, suffix, "", size, mod)
		return mdInfo(f)
	default:
		l.warn(p, "not used: only site.yaml and incident Markdown files are read; pictures belong in a bundle folder (<slug>/index.md with the picture beside it)")
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
func (l *loader) nameFile(p, slug, suffix, bundle string, size int64, mod time.Time) mdFile {
	f := mdFile{path: p, slug: slug, bundle: bundle, size: size, mod: mod}
	form := "<slug>.<lang>.md"
	if bundle != "" {
		form = "index.<lang>.md"
	}
	switch {
	case bundle == "" && slug == "index":
		l.problem(p, "index.md names its folder's incident, but this folder is the content directory itself; name the file <slug>.md")
		f.slug = ""
	case !validSlug(slug):
		l.problem(p, "`%s` is not a valid slug: slugs are lower-case letters, digits and single hyphens, e.g. `%s`; rename the %s", slug, slugify(slug), map[bool]string{true: "folder", false: "file"}[bundle != ""])
		f.slug = ""
	}
	if suffix == "" {
		return f
	}
	lang := strings.TrimPrefix(suffix, ".")
	site := l.cat.Site
	if !l.languageCode(lang) {
		l.problem(p, "`%s` in the file name is not a language code; translations are named %s: for lang, %s", lang, form, oneOf(site.Languages, "add it to `languages` in site.yaml"))
		f.slug = ""
		return f
	}
	if !site.Enabled(lang) && !l.lenient {
		l.problem(p, "language `%s` is not enabled in site.yaml (languages: %s); add it there or remove the file", lang, strings.Join(site.Languages, ", "))
		f.slug = ""
		return f
	}
	f.lang = lang
	return f
}

// languageCode reports whether a file name's suffix is a language code. There are only a few
// different suffixes in thousands of files, so each is parsed once per load.
func (l *loader) languageCode(lang string) bool {
	ok, known := l.langCodes[lang]
	if !known {
		tag, err := language.Parse(lang)
		ok = err == nil && !strings.Contains(lang, ".") && (tag.String() == lang || strings.EqualFold(tag.String(), lang))
		if l.langCodes == nil {
			l.langCodes = map[string]bool{}
		}
		l.langCodes[lang] = ok
	}
	return ok
}

// symlink checks a symbolic link, following the whole chain of links it goes through: one that
// leaves the content directory at any hop is refused, one to a file inside it is read as that
// file would be. (OpenDir's file system refuses to read through such a link anyway; this says
// which link and why.)
func (l *loader) symlink(p string, add func(int64, time.Time)) error {
	target, err := fs.ReadLink(l.fsys, p)
	if err != nil {
		l.problem(p, "cannot follow the symbolic link: %v", err)
		return nil
	}
	resolved, info, err := resolve(l.fsys, p)
	var le *linkError
	switch {
	case errors.As(err, &le) && le.out:
		l.problem(p, "symbolic link to `%s` leads outside the content directory%s; nothing outside it is read: copy the file in instead", target, le.through())
	case errors.As(err, &le):
		l.problem(p, "symbolic link to `%s` %s%s; fix or remove the link", target, le.msg, le.through())
	case err != nil:
		l.problem(p, "cannot follow the symbolic link: %v", err)
	case info.IsDir():
		l.warn(p, "symbolic link to the folder `%s` is not followed; move the folder here instead", target)
	case !info.Mode().IsRegular():
		l.problem(p, "symbolic link to `%s` names `%s`, which is %s, not a file; remove the link", target, resolved, fileKind(info.Mode()))
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

func (l *loader) problem(p, format string, args ...any) {
	l.cat.Problems = append(l.cat.Problems, Problem{Path: p, Line: 1, Col: 1, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (l *loader) warn(p, format string, args ...any) {
	l.cat.Problems = append(l.cat.Problems, Problem{Path: p, Line: 1, Col: 1, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// readAll reads every file that may have changed since the last load, in parallel, and
// remembers the others' hashes; see Loader.unchanged.
func (l *loader) readAll(files []mdFile) []*parsed {
	out := l.readStale(files, l.ld.unchanged)
	seen := make(map[string]stamp, len(out))
	for _, p := range out {
		if !p.r.failed() {
			seen[p.file.path] = stamp{size: p.file.size, mod: p.file.mod, sum: p.sum}
		}
	}
	l.ld.seen = seen
	return out
}

// readStale makes a parsed file of each of files, reading (on every processor) those that known
// does not vouch for; the others keep the hash known gives.
func (l *loader) readStale(files []mdFile, known func(mdFile) (stamp, bool)) []*parsed {
	out := make([]*parsed, len(files))
	var stale []*parsed
	for i, f := range files {
		p := &parsed{file: f, r: &report{path: f.path}}
		if st, ok := known(f); ok {
			p.sum = st.sum
		} else {
			stale = append(stale, p)
		}
		out[i] = p
	}
	parallel(len(stale), func(i int) { l.readFile(stale[i]) })
	return out
}

// readFile reads a file that readAll did not, or did not yet.
func (l *loader) readFile(p *parsed) {
	if p.read {
		return
	}
	p.read = true
	p.src, _ = l.read(p.file.path, p.file.size, p.r)
	p.sum = sha256.Sum256(p.src)
}

// release drops what a file's bytes were parsed into, once its incident is built, so a load of
// ten thousand files never holds them all at once.
func (p *parsed) release() {
	p.src, p.root, p.doc, p.body = nil, nil, nil, nil
}

// parallel calls f(0) ... f(n-1) on every processor.
func parallel(n int, f func(int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range jobs {
				f(i)
			}
		})
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// parseFront splits a file that was read and parses its front matter.
func (l *loader) parseFront(p *parsed) {
	if p.src == nil {
		return
	}
	fm, body, bodyAt, ok := split(p.src, p.r)
	if !ok {
		return
	}
	p.body, p.bodyAt = body, bodyAt
	p.doc = &yamlDoc{r: p.r, lineOff: 1, lenient: l.lenient}
	if root := p.doc.parse(fm); root != nil {
		p.root = root
	} else if !p.r.failed() {
		p.r.errorf(pos{2, 1}, "the front matter is empty; it needs at least `title:`")
	}
}

// sortTime is when an incident sorts in lists: its start, or its announced window's.
func sortTime(in *incident.Incident) time.Time {
	if in.Started.IsZero() {
		return in.Scheduled.Start
	}
	return in.Started
}

// group is one incident's files: its original (nil when it has none) and its translations.
type group struct {
	slug   string
	orig   *parsed
	trs    []*parsed
	result built
}

func (l *loader) build(files []mdFile) {
	l.cat.Files += len(files)
	// Files named wrongly have no slug; their problem is already reported.
	files = slices.DeleteFunc(files, func(f mdFile) bool { return f.slug == "" })
	slices.SortFunc(files, func(a, b mdFile) int { return strings.Compare(a.path, b.path) })
	all := l.readAll(files)
	groups, bySlug := l.group(all)
	parallel(len(groups), func(i int) { groups[i].result = l.buildGroup(groups[i]) })

	next := make(map[string]built, len(groups))
	for _, p := range all {
		p.release()
		l.tree.slugs[p.file.slug] = append(l.tree.slugs[p.file.slug], p.file)
		l.tree.count(p.file.path, p.sum)
	}
	for _, g := range groups {
		if in := l.publish(g, next); in != nil {
			l.cat.Incidents = append(l.cat.Incidents, in)
			l.cat.bySlug[in.Slug] = in
		}
	}
	for slug := range l.ld.good {
		if g := bySlug[slug]; g == nil || g.orig == nil {
			delete(l.ld.good, slug) // the file is gone: so is the incident
		}
	}
	l.ld.built = next
	l.cat.Version = l.tree.versionString()
	slices.SortFunc(l.cat.Incidents, listOrder)
}

// listOrder is the order of Catalog.Incidents: newest first, then by slug.
func listOrder(a, b *incident.Incident) int {
	if c := sortTime(b).Compare(sortTime(a)); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

// group gathers the files (sorted by path) of each slug: the original and its translations. A
// second original of a slug is reported and left out.
func (l *loader) group(all []*parsed) ([]*group, map[string]*group) {
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
			l.add(p.r)
		default:
			g.orig = p
		}
	}
	return groups, bySlug
}

// publish reports a built group's problems, records its result in built, and returns the incident
// the catalog lists for it: the one just built, or while the original has errors the last good
// one (which is said), or nil.
func (l *loader) publish(g *group, built map[string]built) *incident.Incident {
	res := g.result
	l.cat.Problems = append(l.cat.Problems, res.problems...)
	built[g.slug] = res
	in := res.in
	if in == nil && g.orig != nil {
		if in = l.ld.good[g.slug]; in != nil {
			l.warn(g.orig.file.path, "the site keeps serving the last good version of this incident until the errors here are fixed")
		}
	}
	if res.in != nil {
		l.ld.good[g.slug] = res.in
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
func (l *loader) key(g *group) [sha256.Size]byte {
	h := sha256.New()
	h.Write(l.siteKey)
	fmt.Fprintf(h, "%t", l.lenient)
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
	for _, a := range l.cat.Assets[g.slug] {
		fmt.Fprintf(h, "\x00%s", a.Name)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// buildGroup builds one incident from its files, or reuses the last load's result when none of
// them changed.
func (l *loader) buildGroup(g *group) built {
	if g.orig == nil {
		var ps Problems
		for _, p := range g.trs {
			l.translation(p, nil, nil)
			ps = append(ps, p.r.problems...)
		}
		return built{problems: ps}
	}
	key := l.key(g)
	if prev, ok := l.ld.built[g.slug]; ok && prev.key == key {
		return prev
	}
	files := g.files()
	for _, p := range files {
		l.readFile(p)
	}
	// Done with the bytes and syntax trees once the incident is built.
	defer func() {
		for _, p := range files {
			p.release()
		}
	}()
	l.parseFront(g.orig)
	in := l.original(g.orig)
	res := built{key: key, in: in, problems: slices.Clone(g.orig.r.problems)}
	for _, p := range g.trs {
		l.parseFront(p)
		l.translation(p, g.orig, in)
		res.problems = append(res.problems, p.r.problems...)
		// A translation that breaks keeps its last good text, as a broken original does.
		if in != nil && in.Texts[p.file.lang] == nil && p.r.failed() {
			if good := l.ld.good[g.slug]; good != nil && good.Texts[p.file.lang] != nil {
				in.Texts[p.file.lang] = good.Texts[p.file.lang]
				res.problems = append(res.problems, Problem{Path: p.file.path, Line: 1, Col: 1, Severity: Warning,
					Message: "the site keeps serving the last good version of this translation until the errors here are fixed"})
			}
		}
	}
	return res
}

// original builds an incident from its original file, or returns nil when the file has errors.
func (l *loader) original(p *parsed) *incident.Incident {
	if p.root == nil {
		return nil
	}
	site := l.cat.Site
	o := decodeOriginal(p.root, p.doc, site)
	in := &incident.Incident{
		Slug:       p.file.slug,
		Kind:       o.kind,
		Lang:       o.lang,
		Impact:     o.impact,
		Components: o.components,
		Started:    o.started,
		Resolved:   o.resolved,
		Scheduled:  o.scheduled,
		Source:     p.file.path,
	}
	checkTimes(p.r, o, in)
	text := &incident.Text{Lang: o.lang, Title: o.title, Summary: o.summary, Source: p.file.path, Updates: map[int64]string{}}
	l.render(p, text, o.updates)
	if p.r.failed() {
		return nil
	}
	for _, u := range o.updates {
		in.Updates = append(in.Updates, incident.Update{At: u.at, Status: u.status, Components: u.components})
	}
	if in.Kind == incident.KindIncident && in.Impact == "" {
		in.Impact = incident.ImpactOf(incident.Worst(statuses(in)...))
	}
	in.Texts = map[string]*incident.Text{o.lang: text}
	return in
}

// statuses lists every status the incident gives any component.
func statuses(in *incident.Incident) []incident.ComponentStatus {
	var out []incident.ComponentStatus
	for _, a := range in.Components {
		out = append(out, a.Status)
	}
	for _, u := range in.Updates {
		for _, a := range u.Components {
			out = append(out, a.Status)
		}
	}
	return out
}

// checkTimes applies the rules that relate an original's times and updates to each other, and
// sorts the updates oldest first.
func checkTimes(r *report, o *original, in *incident.Incident) {
	if !o.resolved.IsZero() && !o.started.IsZero() && o.resolved.Before(o.started) {
		r.errorf(o.at["resolved"], "`resolved` (%s) is before `started` (%s); check the date and the offset", o.resolved.Format(time.RFC3339), o.started.Format(time.RFC3339))
	}
	if w := o.scheduled; !w.Start.IsZero() && !w.End.IsZero() && !w.End.After(w.Start) {
		r.errorf(o.at["scheduled"], "the maintenance window ends (%s) before it starts (%s)", w.End.Format(time.RFC3339), w.Start.Format(time.RFC3339))
	}
	if in.Kind == incident.KindMaintenance && in.Started.IsZero() {
		in.Started = o.scheduled.Start
	}
	seen := map[int64]pos{}
	for _, u := range o.updates {
		if u.at.IsZero() {
			continue
		}
		if first, dup := seen[u.at.UnixNano()]; dup {
			r.errorf(u.pos, "two updates at %s (the other on line %d); each update needs its own time, which is its permanent id", u.at.Format(time.RFC3339), first.line)
		}
		seen[u.at.UnixNano()] = u.pos
		if in.Kind == incident.KindIncident && !o.started.IsZero() && u.at.Before(o.started) {
			r.warnf(u.pos, "update at %s is before `started` (%s); was the incident earlier, or is the offset wrong?", u.at.Format(time.RFC3339), o.started.Format(time.RFC3339))
		}
	}
	slices.SortStableFunc(o.updates, func(a, b update) int { return a.at.Compare(b.at) })
	if len(o.updates) == 0 {
		return
	}
	last := o.updates[len(o.updates)-1]
	switch {
	case !o.resolved.IsZero() && last.status != "" && !last.status.Final():
		r.warnf(o.at["resolved"], "`resolved` is set but the latest update (%s) says `%s`; add an update with status %s", last.at.Format(time.RFC3339), last.status, finalStatus(in.Kind))
	case !o.resolved.IsZero() && last.status.Final() && !last.at.IsZero() && last.at.Before(o.resolved):
		// resolved is when impact ended, and every output ends the event then (Incident.Ended);
		// an update posted after that says so later, which is normal, but one posted before it
		// announced the end while the impact went on.
		r.warnf(o.at["resolved"], "`resolved` (%s) is after the latest update (%s), which already says `%s`; the page, the uptime bars, the feeds and the API end the %s at `resolved`: set `resolved: %s` if it ended when the update says, or correct the update's time", o.resolved.Format(time.RFC3339), last.at.Format(time.RFC3339), last.status, in.Kind, last.at.Format(time.RFC3339))
	case o.resolved.IsZero() && last.status.Final() && !last.at.IsZero():
		in.Resolved = last.at
		r.warnf(last.pos, "the latest update says `%s` but `resolved` is not set; taking the update's time, %s: add `resolved: %s` to say so", last.status, last.at.Format(time.RFC3339), last.at.Format(time.RFC3339))
	}
}

func finalStatus(k incident.Kind) incident.UpdateStatus {
	if k == incident.KindMaintenance {
		return incident.StatusCompleted
	}
	return incident.StatusResolved
}

// render turns the body and every update text into HTML, reporting Markdown problems on the lines
// of the file they come from.
func (l *loader) render(p *parsed, text *incident.Text, updates []update) {
	opt := markdown.Options{AssetBase: AssetURL(p.file.slug)}
	if p.file.bundle != "" {
		opt.Assets = map[string]bool{}
		for _, a := range l.cat.Assets[p.file.slug] {
			opt.Assets[a.Name] = true
		}
	}
	res := l.opt.Markdown.Render(p.body, opt)
	text.Body, text.TOC = res.HTML, res.TOC
	l.markdownProblems(p.r, res.Problems, p.bodyAt, 0)
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
		html, ures = l.opt.Markdown.AppendHTML(html, []byte(u.text), opt)
		cuts = append(cuts, cut{u.at.UnixNano(), from, len(html)})
		col := u.textCol - 1
		if u.textCol == 0 {
			if starts == nil {
				starts = markdown.LineStarts(p.src)
			}
			col = indentation(p.src, starts, u.textLine)
		}
		l.markdownProblems(p.r, ures.Problems, u.textLine, col)
	}
	all := string(html)
	for _, c := range cuts {
		text.Updates[c.at] = all[c.from:c.to]
	}
}

// markdownProblems reports problems of Markdown that starts at line and is indented by col.
func (l *loader) markdownProblems(r *report, ps []markdown.Problem, line, col int) {
	for _, mp := range ps {
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

// translation attaches a translation to its incident, or reports why it cannot.
func (l *loader) translation(p *parsed, orig *parsed, in *incident.Incident) {
	if orig == nil {
		want := path.Join(path.Dir(p.file.path), p.file.slug+".md")
		if p.file.bundle != "" {
			want = p.file.bundle + "/index.md"
		}
		p.r.errorf(pos{1, 1}, "translation without an original: there is no %s; add the original (in the site's default language or with `lang:`) or rename this file", want)
		return
	}
	if path.Dir(p.file.path) != path.Dir(orig.file.path) {
		p.r.errorf(pos{1, 1}, "a translation sits beside its original; move this file next to %s", orig.file.path)
		return
	}
	if p.root == nil || in == nil {
		// The original has errors of its own, reported there; nothing to attach to.
		return
	}
	if p.file.lang == in.Lang {
		p.r.errorf(pos{1, 1}, "%s is written in `%s` already (its `lang`); a translation must be in another language", orig.file.path, in.Lang)
		return
	}
	site := l.cat.Site
	t := decodeTranslation(p.root, p.doc, site, site.Location(p.file.lang), in.Kind)
	text := &incident.Text{Lang: p.file.lang, Title: t.title, Summary: t.summary, Machine: t.machine, Source: p.file.path, Updates: map[int64]string{}}
	for _, u := range t.updates {
		if u.at.IsZero() {
			continue
		}
		if !slices.ContainsFunc(in.Updates, func(o incident.Update) bool { return o.At.Equal(u.at) }) {
			p.r.errorf(u.pos, "no update of the original is at %s; a translated update repeats the original's `at` exactly (%s)", u.at.Format(time.RFC3339), updateTimes(in))
		}
	}
	l.render(p, text, t.updates)
	if p.r.failed() {
		return
	}
	if strings.TrimSpace(t.title) == "" {
		p.r.warnf(pos{2, 1}, "the translation has no `title`; readers see the original's")
	}
	if o := in.Original(); o != nil {
		if strings.TrimSpace(t.summary) == "" && o.Summary != "" {
			p.r.warnf(pos{2, 1}, "the translation has no `summary`; readers see the original's, marked as not translated: add `summary:`")
		}
		if strings.TrimSpace(text.Body) == "" && strings.TrimSpace(o.Body) != "" {
			p.r.warnf(pos{2, 1}, "the translation has no body; readers see the original's story, marked as not translated: translate it below the front matter")
		}
	}
	if missing := len(in.Updates) - len(text.Updates); missing > 0 {
		p.r.warnf(pos{2, 1}, "%d of %d updates are not translated; readers see them in the original language", missing, len(in.Updates))
	}
	// Checkouts give every file the same time, so only a clear gap means the original was edited.
	if orig.file.mod.Sub(p.file.mod) > time.Minute {
		p.r.warnf(pos{1, 1}, "the original %s was changed after this translation (%s, translation %s); check that the translation still matches",
			orig.file.path, orig.file.mod.UTC().Format(time.RFC3339), p.file.mod.UTC().Format(time.RFC3339))
	}
	in.Texts[p.file.lang] = text
}

func updateTimes(in *incident.Incident) string {
	if len(in.Updates) == 0 {
		return "the original has no updates"
	}
	ts := make([]string, len(in.Updates))
	for i, u := range in.Updates {
		ts[i] = u.At.Format(time.RFC3339)
	}
	return "the original's are " + strings.Join(ts, ", ")
}
