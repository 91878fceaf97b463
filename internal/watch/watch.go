// Package watch tells when the files of a content directory change, and which, so a running
// server can reload them: by file-system notifications on every folder (folders created later
// included), or by polling where notifications do not work (network and container mounts). A burst
// of changes, such as a git pull touching hundreds of files, comes out as one Change. The
// directory itself may go away and come back (moved, deleted, a symbolic link swapped to another
// release): that is a Change of everything each time.
package watch

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Mode is how changes are noticed.
type Mode string

const (
	Notify Mode = "notify" // inotify and the like
	Poll   Mode = "poll"   // compare the tree's sizes and times every interval
	Off    Mode = "off"    // no watching; reload on SIGHUP only
)

// Options tune a Watcher.
type Options struct {
	Mode Mode
	// Quiet is how long the tree must stay unchanged after a change before it is reported (notify
	// mode; polling waits for a tick without changes); 0 means 10 ms: an editor's save is a few
	// events within a millisecond. A burst that has gone on
	// longer may pause for twice as long as it has lasted (up to longPause) without being cut in
	// two, so a git checkout that stalls for a moment still comes out as one Change.
	Quiet time.Duration
	// MaxDelay bounds how long after its first change a burst is reported even if changes go on;
	// 0 means 2 s.
	MaxDelay time.Duration
	// Interval is the polling period; 0 means 1 s. In notify mode, when the directory's parent
	// cannot be watched, the directory itself is looked for this often.
	Interval time.Duration
	// Grace is how long a burst holding the removal of a file that existed before it waits for the
	// file to come back (notify mode): git and some editors delete a file and write it anew, and
	// the page must not be gone meanwhile. A file back within Grace is reported as changed, with
	// no moment of absence. 0 means 100 ms: git and editors take microseconds, a script's `rm`
	// then `cp` some 50 ms on a busy machine, and a removal told later costs nothing. Negative:
	// no wait. Polling needs none: it waits for a tick without changes.
	Grace time.Duration
	// OnError receives errors that do not stop watching (a folder that vanished mid-walk).
	OnError func(error)
}

// longPause is the longest pause a burst may make without being cut in two.
const longPause = 250 * time.Millisecond

// defaultGrace is Options.Grace unless told otherwise.
const defaultGrace = 100 * time.Millisecond

// Change is one burst of changes.
type Change struct {
	// Paths are the files and folders that changed (created, written, removed, renamed from or
	// to), as slash paths relative to the watched directory, sorted; hidden ones are left out.
	// A folder stands for everything in it.
	Paths []string
	// All is set when the changes are not known in full (notifications were lost): everything
	// must be looked at again.
	All bool
}

// Watcher reports changes below one directory.
type Watcher struct {
	dir     string
	opt     Options
	changes chan Change
	done    chan struct{}
	stopped chan struct{}
	fsw     *fsnotify.Watcher
	// dirs are the folders watched, to tell when one is renamed away (notify mode).
	dirs map[string]bool
	// root is what the directory was when last looked at (nil: not there), to tell when it goes,
	// comes back or is another directory (a link swapped).
	root os.FileInfo
	// parentWatched is set when the directory's parent is watched, which tells when the
	// directory comes back (notify mode).
	parentWatched bool
	// clock times bursts in notify mode: the real one, or a test's.
	clock clock
}

// clock is what the notify loop reads the time and waits with, so tests can drive a burst's
// timing without sleeping.
type clock interface {
	Now() time.Time
	// NewTimer is a stopped timer.
	NewTimer() timer
}

// timer is a time.Timer with Go 1.23's semantics: after Reset or Stop, no stale time is received.
type timer interface {
	C() <-chan time.Time
	Reset(d time.Duration)
	Stop()
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) NewTimer() timer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return realTimer{t}
}

type realTimer struct{ t *time.Timer }

func (r realTimer) C() <-chan time.Time   { return r.t.C }
func (r realTimer) Reset(d time.Duration) { r.t.Reset(d) }
func (r realTimer) Stop()                 { r.t.Stop() }

// New starts watching dir.
func New(dir string, opt Options) (*Watcher, error) { return newWatcher(dir, opt, realClock{}) }

// newWatcher is New with the clock of the notify loop given.
func newWatcher(dir string, opt Options, clk clock) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 10 * time.Millisecond
	}
	if opt.MaxDelay <= 0 {
		opt.MaxDelay = 2 * time.Second
	}
	if opt.Interval <= 0 {
		opt.Interval = time.Second
	}
	if opt.Grace == 0 {
		opt.Grace = defaultGrace
	}
	dir = filepath.Clean(dir)
	if opt.OnError == nil {
		opt.OnError = func(error) {}
	}
	w := &Watcher{dir: dir, opt: opt, changes: make(chan Change), done: make(chan struct{}), stopped: make(chan struct{}), dirs: map[string]bool{}, clock: clk}
	w.root, _ = os.Stat(dir)
	switch opt.Mode {
	case Notify, "":
		fsw, err := fsnotify.NewWatcher()
		if err != nil {
			return nil, fmt.Errorf("watch %s: %w (try --watch poll)", dir, err)
		}
		w.fsw = fsw
		if err := w.addTree(dir); err != nil {
			fsw.Close()
			return nil, fmt.Errorf("watch %s: %w (try --watch poll)", dir, err)
		}
		// The parent tells when the directory is moved back, made again or swapped; where it
		// cannot be watched, the directory is looked for every Interval instead.
		if parent := filepath.Dir(dir); parent != dir {
			if err := fsw.Add(parent); err == nil {
				w.parentWatched = true
			} else {
				opt.OnError(fmt.Errorf("watch %s, to notice %s moved back or replaced: %w; looking for it every %v instead", parent, dir, err, opt.Interval))
			}
		}
		go w.notifyLoop()
	case Poll:
		// The first scan is taken now, so a change made right after New returns is seen.
		go w.pollLoop(w.scan())
	case Off:
		close(w.stopped)
	default:
		return nil, fmt.Errorf("unknown watch mode %q: use notify, poll or off", opt.Mode)
	}
	return w, nil
}

// Changes delivers one Change per burst. While the reader is busy the next burst gathers, so
// nothing is lost and the reader is never more than one Change behind. It is never closed.
func (w *Watcher) Changes() <-chan Change { return w.changes }

// Close stops watching.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	var err error
	if w.fsw != nil {
		err = w.fsw.Close()
	}
	<-w.stopped
	return err
}

// burst gathers the changes of one burst until it is reported.
type burst struct {
	paths map[string]bool
	all   bool
	// began is when the first change came, zero while there is none.
	began time.Time
	// gone holds the files that existed before the burst and were removed, while they have not
	// come back, and lastGone when the latest of them went (removals only come later, so it alone
	// decides the wait: a look at every removal per event would cost a checkout of ten thousand
	// deletions the square of that); created, the files the burst made (whose removal is no loss:
	// an editor's temporary file).
	gone     map[string]bool
	lastGone time.Time
	created  map[string]bool
}

// removed records that p was removed or renamed away at now.
func (b *burst) removed(p string, now time.Time) {
	if p == "" || b.created[p] {
		return
	}
	if b.gone == nil {
		b.gone = map[string]bool{}
	}
	if !b.gone[p] {
		b.gone[p] = true
		b.lastGone = now
	}
}

// made records that p was created or written.
func (b *burst) made(p string, created bool) {
	if b.gone[p] {
		delete(b.gone, p) // back: a change, not a removal
		return
	}
	if created {
		if b.created == nil {
			b.created = map[string]bool{}
		}
		b.created[p] = true
	}
}

// add records a change at now, p relative to the watched directory ("" for one not known).
func (b *burst) add(p string, now time.Time) {
	if b.began.IsZero() {
		b.began = now
	}
	if p == "" {
		b.all = true
		return
	}
	if b.paths == nil {
		b.paths = map[string]bool{}
	}
	b.paths[p] = true
}

// due is when the burst is reported if nothing else changes after the change at now: after a
// pause, and, while a removed file has not come back, no sooner than Grace after the latest
// removal.
func (b *burst) due(now time.Time, opt Options) time.Time {
	pause := min(max(opt.Quiet, 2*now.Sub(b.began)), max(opt.Quiet, longPause))
	at := now.Add(pause)
	if g := b.lastGone.Add(opt.Grace); len(b.gone) > 0 && g.After(at) {
		at = g
	}
	return minTime(at, b.began.Add(opt.MaxDelay))
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// change is the burst as a Change.
func (b *burst) change() Change {
	c := Change{All: b.all}
	if !b.all {
		c.Paths = make([]string, 0, len(b.paths))
		for p := range b.paths {
			c.Paths = append(c.Paths, p)
		}
		slices.Sort(c.Paths)
	}
	return c
}

// rel is the slash path of p relative to the watched directory, or "" when p is the directory
// itself or outside it.
func (w *Watcher) rel(p string) string {
	r, err := filepath.Rel(w.dir, p)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(r)
}

// walkDir is filepath.WalkDir, except that dir is followed when it is a symbolic link to a folder
// (a content directory deployed as a `current` link): WalkDir would not look inside.
func walkDir(dir string, fn fs.WalkDirFunc) error {
	root := dir + string(filepath.Separator) + "."
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if p == root {
			p = dir
		}
		return fn(p, d, err)
	})
}

// addTree watches dir and every folder below it; hidden folders such as .git are skipped, since
// a git operation writes there constantly and never changes content by itself. A folder below dir
// that cannot be read is reported to OnError and left out.
func (w *Watcher) addTree(dir string) error {
	return walkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			w.opt.OnError(err)
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		w.dirs[p] = true
		return w.fsw.Add(p)
	})
}

// rewatch adds every folder that is not watched (any more). A renamed folder keeps its kernel
// watch under the new name while fsnotify forgets it on the move, so the new name must be added
// once the burst is over.
func (w *Watcher) rewatch() {
	watched := map[string]bool{}
	for _, p := range w.fsw.WatchList() {
		watched[p] = true
	}
	w.dirs = map[string]bool{}
	_ = walkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != w.dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		w.dirs[p] = true
		if !watched[p] {
			if err := w.fsw.Add(p); err != nil {
				w.opt.OnError(err)
			}
		}
		return nil
	})
}

// rootChanged looks at the directory itself and reports whether it went, came back or is another
// folder than before. Then, in notify mode, what was watched below it is forgotten and, if it is
// there, watched again: a directory moved away keeps its watches, which would report what happens
// at its new place under the old names.
func (w *Watcher) rootChanged() bool {
	info, err := os.Stat(w.dir)
	if err != nil || !info.IsDir() {
		info = nil
	}
	if info == nil && w.root == nil || info != nil && w.root != nil && os.SameFile(info, w.root) {
		return false
	}
	w.root = info
	if w.fsw == nil {
		return true
	}
	for p := range w.dirs {
		_ = w.fsw.Remove(p) // already gone with its folder, mostly
	}
	w.dirs = map[string]bool{}
	if info != nil {
		if err := w.addTree(w.dir); err != nil {
			w.opt.OnError(err)
		}
	}
	return true
}

// outside reports whether p lies outside the watched directory (a sibling, in the parent).
func (w *Watcher) outside(p string) bool {
	r, err := filepath.Rel(w.dir, p)
	return err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator))
}

func (w *Watcher) notifyLoop() {
	defer close(w.stopped)
	var (
		b burst
		// quiet fires when the burst is due; then out is w.changes and next the burst as a Change
		// until the reader takes it (out is nil before).
		quiet   = w.clock.NewTimer()
		out     chan Change
		next    Change
		rewatch bool
	)
	// lookForRoot ticks while the parent is not watched: from the start when it could not be,
	// or once it was itself moved or deleted (its watch goes with it).
	var (
		lookForRoot <-chan time.Time
		looking     *time.Ticker
	)
	look := func() {
		if looking == nil {
			looking = time.NewTicker(w.opt.Interval)
			lookForRoot = looking.C
		}
	}
	defer func() {
		if looking != nil {
			looking.Stop()
		}
	}()
	if !w.parentWatched {
		look()
	}
	changed := func(p string) {
		now := w.clock.Now()
		b.add(p, now)
		// Changes go on: wait for the burst to pause again before reporting it, with this one.
		out = nil
		quiet.Reset(b.due(now, w.opt).Sub(now))
	}
	for {
		select {
		case <-w.done:
			return
		case <-lookForRoot:
			if w.rootChanged() {
				changed("")
			}
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if filepath.Clean(ev.Name) == w.dir {
				// The directory itself, from its own watch or its parent's: gone, back, another
				// one, or its permissions changed. Whichever, everything is to be read again.
				w.rootChanged()
				changed("")
				continue
			}
			if filepath.Clean(ev.Name) == filepath.Dir(w.dir) {
				// The parent itself: moved or deleted, and its watch went with it (then the
				// directory is looked for from now on), or its permissions changed, which can make
				// the directory unreadable or readable again.
				if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
					look()
				}
				w.rootChanged()
				changed("")
				continue
			}
			if w.outside(ev.Name) || hidden(w.dir, ev.Name) {
				continue
			}
			rel := w.rel(ev.Name)
			switch {
			case ev.Has(fsnotify.Create):
				b.made(rel, true)
			case ev.Has(fsnotify.Write):
				b.made(rel, false)
			case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
				b.removed(rel, w.clock.Now())
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					// A new folder (or one renamed here): watch it, and everything already written
					// into it; its files made before the watch are not reported, but the folder is.
					if err := w.addTree(ev.Name); err != nil {
						w.opt.OnError(err)
						changed("") // what happens in it is not seen
					}
					rewatch = true
				}
			}
			if ev.Has(fsnotify.Rename) && w.dirs[ev.Name] {
				rewatch = true // see rewatch
			}
			changed(rel)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			// Events may have been lost (the queue overflowed): whatever they were, looking at
			// everything again catches up.
			w.opt.OnError(err)
			changed("")
		case <-quiet.C():
			if rewatch {
				w.rewatch()
				rewatch = false
			}
			next, out = b.change(), w.changes
		case out <- next:
			b, out = burst{}, nil
		}
	}
}

// hidden reports whether p lies in a hidden file or folder below dir.
func hidden(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return false
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}

// stamp is what polling compares of a file.
type stamp struct {
	size int64
	mod  time.Time
	mode fs.FileMode
}

func (w *Watcher) scan() map[string]stamp {
	out := map[string]stamp{}
	_ = walkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != w.dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		// Folders are left out: their times change when a hidden file in them is written, and a
		// file added or removed shows in the list of files anyway.
		if d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			out[p] = stamp{info.Size(), info.ModTime(), info.Mode()}
		}
		return nil
	})
	return out
}

func (w *Watcher) pollLoop(last map[string]stamp) {
	defer close(w.stopped)
	tick := time.NewTicker(w.opt.Interval)
	defer tick.Stop()
	var (
		b    burst
		out  chan Change // w.changes while next waits for the reader, else nil
		next Change
	)
	for {
		select {
		case <-w.done:
			return
		case out <- next:
			b, out = burst{}, nil
		case <-tick.C:
			now, at := w.scan(), time.Now()
			changed := false
			if w.rootChanged() {
				b.add("", at)
				changed = true
			}
			for p, s := range now {
				if old, ok := last[p]; !ok || old != s {
					b.add(w.rel(p), at)
					changed = true
				}
			}
			for p := range last {
				if _, ok := now[p]; !ok {
					b.add(w.rel(p), at)
					changed = true
				}
			}
			last = now
			switch {
			case changed && at.Sub(b.began) < w.opt.MaxDelay:
				out = nil // wait for a quiet tick: the burst may go on
			case !b.began.IsZero():
				next, out = b.change(), w.changes
			}
		}
	}
}
