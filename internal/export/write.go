package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ErrNotEmpty is returned by Write for an output directory that holds files, unless told to
// replace it.
var ErrNotEmpty = errors.New("is not empty")

// WriteOptions tell Write what it may replace.
type WriteOptions struct {
	// Force replaces an output directory that is not empty, all of it.
	Force bool
	// Keep are directories Force never replaces, nor any directory that holds them: the content
	// directory, the working directory, the home directory. A mistyped --out must not delete them.
	Keep []string
}

// Write writes the site into dir, all at once as far as a file system allows: into a new
// directory beside it, which then takes dir's place by two renames (the old one aside, the new one
// in), so readers of dir (a web server, a sync tool) see the old site or the new one, never a mix,
// and a failed build leaves the old one as it was. dir may be missing or empty; one that holds files is replaced only with
// opt.Force.
func (s *Site) Write(dir string, opt WriteOptions) error {
	exists, err := checkDir(dir, opt)
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, base+".tmp-")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(s.Files))
	for name := range s.Files {
		if !safeFile(name) {
			return fmt.Errorf("%q is not a file name inside the output", name)
		}
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if d := dirOf(name); d != "" {
			if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
		}
		if err := os.WriteFile(p, s.Files[name], 0o644); err != nil {
			return err
		}
	}
	if !exists {
		if err := os.Rename(tmp, abs); err != nil {
			return err
		}
		done = true
		return nil
	}
	// Move the old site aside, the new one in, then delete the old one.
	old, err := os.MkdirTemp(parent, base+".old-")
	if err != nil {
		return err
	}
	if err := os.Remove(old); err != nil {
		return err
	}
	if err := os.Rename(abs, old); err != nil {
		return fmt.Errorf("cannot move %s aside (a mount point cannot be replaced; write to a directory inside it): %w", dir, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		if rerr := os.Rename(old, abs); rerr != nil {
			return fmt.Errorf("%w; the previous site is in %s", err, old)
		}
		return err
	}
	done = true
	return os.RemoveAll(old)
}

// CheckDir reports whether Write could write to dir with opt, before any work is done: an error
// for a dir that is not a directory, or that holds files and may not be replaced.
func CheckDir(dir string, opt WriteOptions) error {
	_, err := checkDir(dir, opt)
	return err
}

// checkDir is CheckDir, also telling whether dir exists.
func checkDir(dir string, opt WriteOptions) (exists bool, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false, err
	}
	if filepath.Dir(abs) == abs {
		return false, fmt.Errorf("refusing to write the site to the root directory %s", abs)
	}
	info, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case !info.IsDir():
		return true, fmt.Errorf("%s exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(abs)
	if err != nil || len(entries) == 0 {
		return true, err
	}
	if !opt.Force {
		return true, fmt.Errorf("%s %w", dir, ErrNotEmpty)
	}
	for _, k := range opt.Keep {
		if k != "" && holds(abs, k) {
			return true, fmt.Errorf("refusing to replace %s: it holds %s", dir, k)
		}
	}
	return true, nil
}

// holds reports whether directory dir is path p or one of its ancestors.
func holds(dir, p string) bool {
	p, err := filepath.Abs(p)
	if err != nil {
		return true
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}
