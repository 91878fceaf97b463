package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/markdown"
)

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
	if opt.Now == nil {
		opt.Now = time.Now
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
	started := ld.opt.Now()
	ps := &pass{ld: ld, fsys: ld.fsys, opt: ld.opt, cat: &Catalog{Assets: map[string][]Asset{}, bySlug: map[string]*incident.Incident{}}}
	good := ps.loadSite()
	if last, t := ld.last, ld.tree; t != nil && bytes.Equal(t.siteKey, ps.siteKey) && t.lenient == ps.lenient {
		// The same site.yaml: keep the same value, so the snapshot can tell nothing about the
		// site changed (site.Update) and incidents built against it stay valid.
		ps.cat.Site = last.Site
	}
	ps.tree = newTree(ps)
	files := ps.walk()
	if ps.rootErr != nil && ld.last != nil {
		// The directory went away (or away from under the walk): an empty walk is no reason to
		// take every incident down.
		return ld.lose(ps.rootErr)
	}
	if ps.noSite && len(files) == 0 && ld.last != nil && len(ld.last.Incidents) > 0 {
		// Neither site.yaml nor any incident: a mount point whose volume is not mounted, a
		// checkout not made yet. That is content missing, not every incident deleted.
		return ld.lose(errors.New("it holds neither site.yaml nor any incident file; is it mounted or checked out?"))
	}
	if good {
		ld.site, ld.siteKey = ps.cat.Site, ps.siteKey
	}
	ld.lost = nil
	ps.build(files)
	ps.cat.Problems.sort()
	ld.started = started
	ld.last = ps.cat
	ld.tree = ps.tree
	if ps.tree.uncertain {
		ld.tree = nil
	}
	return ps.cat
}
