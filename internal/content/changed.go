package content

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"statuspress/internal/incident"
)

// tree is what the last full walk found, kept up to date by LoadChanged: enough to tell what a
// changed file is to the site and which incident it belongs to without walking the others.
type tree struct {
	// siteKey and lenient are those of the site.yaml the incidents were built against.
	siteKey []byte
	lenient bool
	// uncertain is set when a walk cannot vouch for what a changed path reaches (symbolic links,
	// unreadable folders): the next load walks everything again.
	uncertain bool
	// dirs are the folders walked, bundles those holding an index.md.
	dirs, bundles map[string]bool
	// files is every file walked but site.yaml, by path.
	files map[string]*fileInfo
	// slugs are the incident files of each slug, sorted by path.
	slugs map[string][]mdFile
	// version is the sum of every incident file's share (see share): a sum so that one file's
	// share can be taken out and put in again without going through the others.
	version [4]uint64
}

func newTree(ps *pass) *tree {
	return &tree{
		siteKey: ps.siteKey, lenient: ps.lenient,
		dirs: map[string]bool{}, bundles: map[string]bool{},
		files: map[string]*fileInfo{}, slugs: map[string][]mdFile{},
	}
}

// fileInfo is what a file of the content directory is to the site.
type fileInfo struct {
	// md is an incident file's name and stamp (its slug is empty when its name is wrong); isMD
	// says the file is one.
	md   mdFile
	isMD bool
	// asset is set for a file in a bundle folder, the bundle's slug in bundle.
	asset  *Asset
	bundle string
	// sum is an incident file's hash; counted says its share is in tree.version.
	sum     [sha256.Size]byte
	counted bool
}

// share is an incident file's part of the catalog's version: a hash of its path and bytes.
func share(p string, sum [sha256.Size]byte) [4]uint64 {
	h := sha256.New()
	h.Write([]byte(p))
	h.Write([]byte{0})
	h.Write(sum[:])
	var b [sha256.Size]byte
	h.Sum(b[:0])
	return [4]uint64{binary.BigEndian.Uint64(b[0:]), binary.BigEndian.Uint64(b[8:]), binary.BigEndian.Uint64(b[16:]), binary.BigEndian.Uint64(b[24:])}
}

// count makes the incident file p's share of the version that of the bytes hashing to sum.
func (t *tree) count(p string, sum [sha256.Size]byte) {
	fi := t.files[p]
	if fi.counted {
		t.uncount(p, fi)
	}
	fi.sum, fi.counted = sum, true
	s := share(p, sum)
	for i := range t.version {
		t.version[i] += s[i]
	}
}

// uncount takes a file's share out of the version.
func (t *tree) uncount(p string, fi *fileInfo) {
	if !fi.counted {
		return
	}
	s := share(p, fi.sum)
	for i := range t.version {
		t.version[i] -= s[i]
	}
	fi.counted = false
}

// versionString is Catalog.Version: site.yaml and the incident files, whatever their order.
func (t *tree) versionString() string {
	h := sha256.New()
	h.Write(t.siteKey)
	for _, v := range t.version {
		h.Write(binary.BigEndian.AppendUint64(nil, v))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// LoadChanged reads the directory again after the files and folders at paths changed (slash
// paths relative to the directory, as a watcher reports them). It looks at those paths alone and
// rebuilds only the incidents they belong to, where Load walks every file, and returns what Load
// would. When the paths cannot tell the whole change, it walks everything as Load does: site.yaml
// changed (every incident is checked against it), a folder appeared, went or was renamed (its
// files may not all be named), a bundle gained or lost its index.md (every file below changes
// role), the directory holds symbolic links or folders that could not be read, or no load was
// made yet. Paths that are not content (hidden files, _drafts, READMEs, files that came and went)
// change nothing: the last catalog is returned as it is.
func (ld *Loader) LoadChanged(paths []string) *Catalog {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	t, last := ld.tree, ld.last
	if t == nil {
		return ld.load()
	}
	changed, ok := ld.changed(paths)
	if !ok {
		return ld.load()
	}
	if len(changed) == 0 {
		return last
	}
	ps := &pass{ld: ld, fsys: ld.fsys, opt: ld.opt, tree: t, siteKey: t.siteKey, lenient: t.lenient, cat: &Catalog{
		Site: last.Site, Files: last.Files, Assets: maps.Clone(last.Assets), bySlug: maps.Clone(last.bySlug),
	}}
	// The problems of every path looked at again are found again; the others' stand.
	again := map[string]bool{}
	affected := map[string]bool{}
	for p, st := range changed {
		again[p] = true
		delete(ld.seen, p) // read again below if it is an incident file still
		if old := t.files[p]; old != nil {
			ps.forget(p, old, affected)
			delete(t.files, p)
		}
		if st == nil {
			continue
		}
		fi := ps.classify(p, st.size, st.mod)
		t.files[p] = fi
		ps.note(fi, affected)
	}

	var files []mdFile
	for slug := range affected {
		for _, f := range t.slugs[slug] {
			again[f.path] = true
			files = append(files, f)
		}
	}
	slices.SortFunc(files, func(a, b mdFile) int { return strings.Compare(a.path, b.path) })
	all := ps.readChanged(files)
	groups, bySlug := ps.group(all)
	parallel(len(groups), func(i int) { groups[i].result = ps.buildGroup(groups[i]) })
	for _, p := range all {
		p.release()
		t.count(p.file.path, p.sum)
	}

	var fresh []*incident.Incident
	replaced := map[*incident.Incident]bool{}
	for slug := range affected {
		if in := ps.cat.bySlug[slug]; in != nil {
			replaced[in] = true
		}
		delete(ps.cat.bySlug, slug)
		g := bySlug[slug]
		if g == nil || g.orig == nil {
			delete(ld.good, slug) // the file is gone: so is the incident
		}
		if g == nil {
			delete(ld.built, slug)
			continue
		}
		if in := ps.publish(g, ld.built); in != nil {
			fresh = append(fresh, in)
			ps.cat.bySlug[slug] = in
		}
	}
	// Both lists are in order; merging them keeps it without sorting every incident again.
	slices.SortFunc(fresh, listOrder)
	kept := make([]*incident.Incident, 0, len(last.Incidents))
	for _, in := range last.Incidents {
		if !replaced[in] { // a pointer, quicker to look up than a slug among thousands
			kept = append(kept, in)
		}
	}
	ps.cat.Incidents = mergeSorted(kept, fresh, listOrder)

	problems := make(Problems, 0, len(last.Problems)+len(ps.cat.Problems))
	for _, p := range last.Problems {
		if !again[p.Path] {
			problems = append(problems, p)
		}
	}
	ps.cat.Problems = append(problems, ps.cat.Problems...)
	ps.cat.Problems.sort()
	ps.cat.Version = t.versionString()
	ld.last = ps.cat
	return ps.cat
}

// stat is a changed file's size and time.
type stat struct {
	size int64
	mod  time.Time
}

// changed looks at each path: the files that are content and changed, with their size and time
// (nil: gone). It answers false when a full walk is needed (see LoadChanged).
func (ld *Loader) changed(paths []string) (map[string]*stat, bool) {
	t := ld.tree
	out := map[string]*stat{}
	rootChecked := false
	for _, p := range paths {
		if !fs.ValidPath(p) || p == "." || p == SiteFile || t.dirs[p] {
			return nil, false
		}
		if ignoredPath(p) {
			continue
		}
		info, err := fs.Lstat(ld.fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if old := t.files[p]; old != nil {
				if !rootChecked {
					// Every file is gone when the directory is: a full load tells which it is.
					if _, err := fs.Stat(ld.fsys, "."); err != nil {
						return nil, false
					}
					rootChecked = true
				}
				if isIndex(p) {
					return nil, false // a bundle lost its index.md: its files are no longer its assets
				}
				out[p] = nil
			}
			continue // else never content, such as an editor's temporary file
		case err != nil:
			return nil, false
		case !info.Mode().IsRegular():
			return nil, false // a new folder, a link
		case path.Dir(p) != "." && !t.dirs[path.Dir(p)]:
			return nil, false // in a folder the walk has not seen: the watcher may not name all its files
		case isIndex(p) && t.files[p] == nil:
			return nil, false // a new bundle: the files beside it become its assets
		}
		out[p] = &stat{info.Size(), info.ModTime()}
	}
	return out, true
}

// ignoredPath reports whether p lies in or is a file the walk leaves out (see ignored).
func ignoredPath(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if ignored(part) {
			return true
		}
	}
	return false
}

// forget takes out what the file p was to the site before it changed.
func (ps *pass) forget(p string, fi *fileInfo, affected map[string]bool) {
	t := ps.tree
	switch {
	case fi.isMD:
		ps.cat.Files--
		if slug := fi.md.slug; slug != "" {
			t.uncount(p, fi)
			t.slugs[slug] = slices.DeleteFunc(t.slugs[slug], func(f mdFile) bool { return f.path == p })
			if len(t.slugs[slug]) == 0 {
				delete(t.slugs, slug)
			}
			affected[slug] = true
		}
	case fi.asset != nil:
		// A new slice: the last catalog still holds the old one.
		as := slices.DeleteFunc(slices.Clone(ps.cat.Assets[fi.bundle]), func(a Asset) bool { return a.Path == p })
		if len(as) == 0 {
			delete(ps.cat.Assets, fi.bundle)
		} else {
			ps.cat.Assets[fi.bundle] = as
		}
		affected[fi.bundle] = true // its incident checks its links against the bundle's files
	}
}

// note puts in what a changed file now is to the site.
func (ps *pass) note(fi *fileInfo, affected map[string]bool) {
	t := ps.tree
	switch {
	case fi.isMD:
		ps.cat.Files++
		if slug := fi.md.slug; slug != "" {
			list := t.slugs[slug]
			i, _ := slices.BinarySearchFunc(list, fi.md.path, func(f mdFile, p string) int { return strings.Compare(f.path, p) })
			t.slugs[slug] = slices.Insert(list, i, fi.md)
			affected[slug] = true
		}
	case fi.asset != nil:
		as := ps.cat.Assets[fi.bundle]
		i, _ := slices.BinarySearchFunc(as, fi.asset.Path, func(a Asset, p string) int { return strings.Compare(a.Path, p) })
		ps.cat.Assets[fi.bundle] = slices.Insert(slices.Clone(as), i, *fi.asset)
		affected[fi.bundle] = true
	}
}

// readChanged reads the files of the incidents to rebuild that LoadChanged took out of
// Loader.seen (they changed) or that the last load could not read; the others keep their hash:
// nothing told of a change.
func (ps *pass) readChanged(files []mdFile) []*parsed {
	out := ps.readStale(files, func(f mdFile) (stamp, bool) {
		st, ok := ps.ld.seen[f.path]
		return st, ok
	})
	for _, p := range out {
		if p.r.failed() {
			delete(ps.ld.seen, p.file.path)
		} else {
			ps.ld.seen[p.file.path] = stamp{size: p.file.size, mod: p.file.mod, sum: p.sum}
		}
	}
	return out
}

// mergeSorted merges two lists sorted by cmp into one.
func mergeSorted[E any](a, b []E, cmp func(E, E) int) []E {
	out := make([]E, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if cmp(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}
