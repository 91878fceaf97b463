// Package watch tells when the files of a content directory change, and which, so a running
// server can reload them: by file-system notifications on every folder (folders created later
// included), or by polling where notifications do not work (network and container mounts). A burst
// of changes, such as a git pull touching hundreds of files, comes out as one Change.
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
	// Interval is the polling period; 0 means 1 s.
	Interval time.Duration
	// OnError receives errors that do not stop watching (a folder that vanished mid-walk).
	OnError func(error)
}

// longPause is the longest pause a burst may make without being cut in two.
const longPause = 250 * time.Millisecond

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
}

// New starts watching dir.
func New(dir string, opt Options) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 10 * time.Millisecond
	}
	if opt.MaxDelay <= 0 {
		opt.MaxDelay = 2 * time.Second
	}
	if opt.Interval <= 0 {
		opt.Interval = time.Second
	}
	if opt.OnError == nil {
		opt.OnError = func(error) {}
	}
	w := &Watcher{dir: dir, opt: opt, changes: make(chan Change), done: make(chan struct{}), stopped: make(chan struct{}), dirs: map[string]bool{}}
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

// due is when the burst is reported if nothing else changes after the change at now.
func (b *burst) due(now time.Time, opt Options) time.Time {
	pause := min(max(opt.Quiet, 2*now.Sub(b.began)), max(opt.Quiet, longPause))
	return minTime(now.Add(pause), b.began.Add(opt.MaxDelay))
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

// addTree watches dir and every folder below it; hidden folders such as .git are skipped, since
// a git operation writes there constantly and never changes content by itself. A folder below dir
// that cannot be read is reported to OnError and left out.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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
	_ = filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
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

func (w *Watcher) notifyLoop() {
	defer close(w.stopped)
	var (
		b burst
		// quiet fires when the burst is due; then out is w.changes and next the burst as a Change
		// until the reader takes it (out is nil before).
		quiet   = time.NewTimer(time.Hour)
		out     chan Change
		next    Change
		rewatch bool
	)
	quiet.Stop()
	changed := func(p string) {
		now := time.Now()
		b.add(p, now)
		// Changes go on: wait for the burst to pause again before reporting it, with this one.
		out = nil
		quiet.Reset(time.Until(b.due(now, w.opt)))
	}
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if hidden(w.dir, ev.Name) {
				continue
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
			changed(w.rel(ev.Name))
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			// Events may have been lost (the queue overflowed): whatever they were, looking at
			// everything again catches up.
			w.opt.OnError(err)
			changed("")
		case <-quiet.C:
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
	_ = filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
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
