package content

import (
	"fmt"
	"io/fs"
)

// pass is one load of the directory, full (Loader.Load) or of the changed paths (LoadChanged): the
// catalog it builds and the problems it finds. It reads the Loader's memory of the last load (ld)
// and leaves its own for the next; the Loader runs one pass at a time.
type pass struct {
	ld   *Loader
	fsys fs.FS
	opt  Options
	cat  *Catalog
	// lenient is set when site.yaml could not be read: see yamlDoc.lenient.
	lenient bool
	// siteKey identifies the site.yaml the incidents were checked against.
	siteKey []byte
	// langCodes caches languageCode.
	langCodes map[string]bool
	// tree records what a full load finds, for LoadChanged.
	tree *tree
	// rootErr is why the top of the directory could not be read, if it could not.
	rootErr error
	// noSite is set when there is no site.yaml.
	noSite bool
}

// add reports the problems of a file.
func (ps *pass) add(r *report) { ps.cat.Problems = append(ps.cat.Problems, r.problems...) }

// problem reports an error in the file p, as a whole.
func (ps *pass) problem(p, format string, args ...any) {
	ps.cat.Problems = append(ps.cat.Problems, Problem{Path: p, Line: 1, Col: 1, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// warn reports a warning about the file p, as a whole.
func (ps *pass) warn(p, format string, args ...any) {
	ps.cat.Problems = append(ps.cat.Problems, Problem{Path: p, Line: 1, Col: 1, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}
