package authoring

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Write carries the plan out in the content directory dir. A new file is created only if no file
// of that name exists; an existing file is replaced atomically (a temporary file beside it is
// renamed over it, keeping its permissions), and only if it still holds what the plan was made
// from. The temporary file's name starts with a dot, so a server watching dir never reads it.
func (p *Plan) Write(dir string) error {
	target := filepath.Join(dir, filepath.FromSlash(p.Path))
	if p.Old == nil {
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		tmp, err := writeTemp(target, p.Data, 0o644)
		if err != nil {
			return err
		}
		defer os.Remove(tmp)
		// A hard link appears whole and fails when the name is taken.
		err = os.Link(tmp, target)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, fs.ErrExist):
			return fmt.Errorf("%s already exists; not overwritten", target)
		}
		// A file system without hard links: an exclusive create.
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s already exists; not overwritten", target)
			}
			return err
		}
		if _, err := f.Write(p.Data); err != nil {
			f.Close()
			os.Remove(target)
			return err
		}
		return f.Close()
	}
	// The loader follows a link to a file inside the content directory; so does the edit.
	if real, err := filepath.EvalSymlinks(target); err == nil {
		target = real
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	cur, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, p.Old) {
		return fmt.Errorf("%s changed while the update was prepared; nothing was written, run the command again", target)
	}
	tmp, err := writeTemp(target, p.Data, info.Mode().Perm())
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeTemp writes data to a new hidden file beside target and returns its name.
func writeTemp(target string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
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
		err = os.Chmod(f.Name(), perm)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
