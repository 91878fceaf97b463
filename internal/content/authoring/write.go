package authoring

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"statuspress/internal/content"
)

// Write carries the plan out in the content directory dir. A new file is created only if no file
// of that name exists; an existing file is replaced atomically (a temporary file beside it is
// renamed over it, keeping its permissions), and only if it still holds what the plan was made
// from. The temporary file's name starts with a dot, so a server watching dir never reads it.
// Nothing is written outside dir, whatever symbolic links lie on the way: every step goes
// through an os.Root, as the loader reads (content.OpenDir).
func (p *Plan) Write(dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	// Said plainly, before the root refuses it less plainly: a folder on the way that links out.
	name := p.Path
	if p.Old == nil {
		name = path.Dir(p.Path)
	}
	real, err := content.Resolve(root.FS(), name)
	switch {
	case err == nil:
	case p.Old == nil && errors.Is(err, fs.ErrNotExist): // a new folder
	default:
		return fmt.Errorf("not written: %w; nothing is written outside the content directory %s", err, dir)
	}
	target := filepath.FromSlash(p.Path)
	if p.Old == nil {
		if err := root.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		tmp, err := WriteTemp(root, target, p.Data, 0o644)
		if err != nil {
			return err
		}
		defer root.Remove(tmp)
		// A hard link appears whole and fails when the name is taken.
		err = root.Link(tmp, target)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, fs.ErrExist):
			return fmt.Errorf("%s already exists; not overwritten", filepath.Join(dir, target))
		}
		// A file system without hard links: an exclusive create.
		f, err := root.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s already exists; not overwritten", filepath.Join(dir, target))
			}
			return err
		}
		if _, err := f.Write(p.Data); err != nil {
			f.Close()
			root.Remove(target)
			return err
		}
		return f.Close()
	}
	// The loader follows a link to a file inside the content directory; so does the edit, which
	// replaces the file the link names, not the link.
	target = filepath.FromSlash(real)
	info, err := root.Stat(target)
	if err != nil {
		return err
	}
	cur, err := root.ReadFile(target)
	if err != nil {
		return err
	}
	if string(cur) != string(p.Old) {
		return fmt.Errorf("%s changed while the update was prepared; nothing was written, run the command again", filepath.Join(dir, target))
	}
	tmp, err := WriteTemp(root, target, p.Data, info.Mode().Perm())
	if err != nil {
		return err
	}
	if err := root.Rename(tmp, target); err != nil {
		root.Remove(tmp)
		return err
	}
	return nil
}

// WriteTemp writes data to a new hidden file beside target, in root, synced to the disk and with
// the mode perm, and returns its name; renaming it over target then replaces target whole.
func WriteTemp(root *os.Root, target string, data []byte, perm fs.FileMode) (string, error) {
	var rnd [6]byte
	rand.Read(rnd[:])
	name := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+"."+hex.EncodeToString(rnd[:])+".tmp")
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Chmod(name, perm)
	}
	if err != nil {
		root.Remove(name)
		return "", err
	}
	return name, nil
}
