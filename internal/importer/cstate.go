package importer

import (
	"fmt"
	"io/fs"
)

// FromCState maps a cState site into a Page.
func FromCState(fsys fs.FS, dir string) (*Page, error) {
	return nil, fmt.Errorf("%s: cState is not read yet", dir)
}
