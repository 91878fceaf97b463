package importer

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Write carries the plan out: each new file is created only where no file is, each updated
// file is replaced atomically and only if it still holds what the plan was made from. Every
// step goes through an os.Root, so nothing is written outside the content directory whatever
// links lie on the way. Temporary files start with a dot, which the server never reads.
func (p *Plan) Write() error {
	changes := p.Changes()
	if len(changes) == 0 {
		return nil
	}
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(p.Dir)
	if err != nil {
		return err
	}
	defer root.Close()
	// First make sure no file changed since the plan was checked, so a conflict writes nothing.
	for _, f := range changes {
		cur, err := root.ReadFile(filepath.FromSlash(f.Path))
		switch {
		case f.Old == nil && err == nil:
			return fmt.Errorf("%s appeared while the import was prepared; nothing was written, run the import again", filepath.Join(p.Dir, f.Path))
		case f.Old == nil && errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return err
		case !bytes.Equal(cur, f.Old):
			return fmt.Errorf("%s changed while the import was prepared; nothing was written, run the import again", filepath.Join(p.Dir, f.Path))
		}
	}
	for _, f := range changes {
		target := filepath.FromSlash(f.Path)
		if err := root.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		tmp, err := writeTemp(root, target, f.Data)
		if err != nil {
			return err
		}
		if f.Old == nil {
			// A hard link appears whole and fails when the name is taken.
			err = root.Link(tmp, target)
			root.Remove(tmp)
		} else {
			err = root.Rename(tmp, target)
		}
		if err != nil {
			root.Remove(tmp)
			return fmt.Errorf("writing %s: %w", filepath.Join(p.Dir, f.Path), err)
		}
	}
	return nil
}

func writeTemp(root *os.Root, target string, data []byte) (string, error) {
	var rnd [6]byte
	rand.Read(rnd[:])
	name := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+"."+hex.EncodeToString(rnd[:])+".tmp")
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
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
	if err != nil {
		root.Remove(name)
		return "", err
	}
	return name, nil
}
