// Package watch tells when the files of a content directory change, so a running server can
// reload them: by file-system notifications on every folder (folders created later included), or
// by polling where notifications do not work (network and container mounts). A burst of changes,
// such as a git pull touching hundreds of files, comes out as one signal.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	// Quiet is how long the tree must stay unchanged before a burst is reported; 0 means 50 ms.
	Quiet time.Duration
	// Interval is the polling period; 0 means 1 s.
	Interval time.Duration
	// OnError receives errors that do not stop watching (a folder that vanished mid-walk).
	OnError func(error)
}

// Watcher reports changes below one directory.
type Watcher struct {
	dir     string
	opt     Options
	changes chan struct{}
	done    chan struct{}
	stopped chan struct{}
	fsw     *fsnotify.Watcher
}

// New starts watching dir.
func New(dir string, opt Options) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 50 * time.Millisecond
	}
	if opt.Interval <= 0 {
		opt.Interval = time.Second
	}
	if opt.OnError == nil {
		opt.OnError = func(error) {}
	}
	w := &Watcher{dir: dir, opt: opt, changes: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{})}
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

// Changes delivers one value per burst of changes. It is never closed.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

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

func (w *Watcher) signal() {
	select {
	case w.changes <- struct{}{}:
	default: // a signal is already waiting: the reader will see this change too
	}
}

// addTree watches dir and every folder below it; hidden folders such as .git are skipped, since
// a git operation writes there constantly and never changes content by itself.
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
	_ = filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != w.dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
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
	var quiet <-chan time.Time
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
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					// A new folder: watch it, and everything already written into it.
					if err := w.addTree(ev.Name); err != nil {
						w.opt.OnError(err)
					}
				}
			}
			quiet = time.After(w.opt.Quiet)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: whatever they were, a reload catches up.
				quiet = time.After(w.opt.Quiet)
			}
			w.opt.OnError(err)
		case <-quiet:
			quiet = nil
			w.rewatch()
			w.signal()
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
	pending := false
	for {
		select {
		case <-w.done:
			return
		case <-tick.C:
			now := w.scan()
			changed := len(now) != len(last)
			for p, s := range now {
				if changed {
					break
				}
				if old, ok := last[p]; !ok || old != s {
					changed = true
				}
			}
			last = now
			switch {
			case changed:
				pending = true // wait for a quiet tick: the burst may go on
			case pending:
				pending = false
				w.signal()
			}
		}
	}
}
