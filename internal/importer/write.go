package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"statuspress/internal/content/authoring"
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
		tmp, err := authoring.WriteTemp(root, target, f.Data, 0o644)
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
