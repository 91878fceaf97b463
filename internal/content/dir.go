package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
)

// OpenDir opens the content directory dir as a file system that nothing outside dir can be read
// through, whatever chain of symbolic links a path follows: every open is checked hop by hop by
// the kernel's view of the directory (os.Root), not by looking at the names. Every command that
// reads content opens it here.
//
// The file system holds a descriptor of the directory, which follows the directory if it is
// moved; it is closed when the file system is no longer used.
func OpenDir(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return root.FS(), nil
}

// Resolve follows every symbolic link on the way to p in fsys, hop by hop, and returns the path
// inside fsys that p names in the end; an error says which link leaves the directory, leads
// nowhere or loops.
func Resolve(fsys fs.FS, p string) (string, error) {
	r, _, err := resolve(fsys, p)
	if err != nil {
		var le *linkError
		if errors.As(err, &le) && le.missing {
			return "", fmt.Errorf("%s: %s: %w", p, le.msg, fs.ErrNotExist)
		}
		if errors.As(err, &le) && len(le.chain) > 0 {
			return "", fmt.Errorf("%s %s (through %s)", p, le.msg, strings.Join(le.chain, ", then "))
		}
		if errors.As(err, &le) {
			return "", fmt.Errorf("%s %s", p, le.msg)
		}
		return "", err
	}
	return r, nil
}

// maxHops is how many symbolic links one path may go through, as Linux allows.
const maxHops = 40

// linkError is why a symbolic link cannot be followed: it leads outside the content directory
// (out), nowhere, into a loop, or to something that is not a file.
type linkError struct {
	out     bool
	missing bool     // a name on the way does not exist
	chain   []string // the links followed, each as "name → target"
	msg     string
}

func (e *linkError) Error() string { return e.msg }

// through describes the links followed after the first, for a message: "" when there was one.
func (e *linkError) through() string {
	if len(e.chain) <= 1 {
		return ""
	}
	return " (through " + strings.Join(e.chain[1:], ", then ") + ")"
}

// resolve follows the symbolic link p, and every link its target goes through (a folder on the
// way, a link to a link), to the path inside fsys that it finally names. Each hop is checked: a
// target that is absolute or climbs above the directory leaves it, whatever lies there. It reads
// only links and the folders on the way, never a file.
func resolve(fsys fs.FS, p string) (string, fs.FileInfo, error) {
	var chain []string
	fail := func(out bool, format string, args ...any) (string, fs.FileInfo, error) {
		return "", nil, &linkError{out: out, chain: chain, msg: fmt.Sprintf(format, args...)}
	}
	done := ""          // the resolved part, a clean path inside fsys ("" is the top)
	rest := []string{p} // the parts still to walk, each possibly several names
	for len(rest) > 0 {
		part := rest[0]
		rest = rest[1:]
		name, more, _ := strings.Cut(part, "/")
		if more != "" {
			rest = append([]string{more}, rest...)
		}
		switch name {
		case "", ".":
			continue
		case "..":
			if done == "" {
				return fail(true, "leads outside the content directory")
			}
			done = path.Dir(done)
			if done == "." {
				done = ""
			}
			continue
		}
		next := path.Join(done, name)
		info, err := fs.Lstat(fsys, next)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				_, _, err := fail(false, "leads nowhere (there is no `%s`)", next)
				err.(*linkError).missing = true
				return "", nil, err
			}
			return fail(false, "cannot be followed: %v", err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = next
			continue
		}
		if len(chain) == maxHops {
			chain = nil // not worth listing
			return fail(false, "goes through more than %d links (a loop?)", maxHops)
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return fail(false, "cannot be followed: %v", err)
		}
		chain = append(chain, fmt.Sprintf("`%s` → `%s`", next, target))
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) || len(target) > 1 && target[1] == ':' {
			return fail(true, "leads outside the content directory")
		}
		// The target is relative to the link's folder, which is done.
		rest = append([]string{target}, rest...)
	}
	if done == "" {
		done = "."
	}
	info, err := fs.Stat(fsys, done)
	if err != nil {
		return fail(false, "cannot be followed: %v", err)
	}
	return done, info, nil
}
