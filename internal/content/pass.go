package content

import (
	"fmt"
	"io/fs"
)

type loader struct {
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

func (l *loader) add(r *report) { l.cat.Problems = append(l.cat.Problems, r.problems...) }

func (l *loader) problem(p, format string, args ...any) {
	l.cat.Problems = append(l.cat.Problems, Problem{Path: p, Line: 1, Col: 1, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

func (l *loader) warn(p, format string, args ...any) {
	l.cat.Problems = append(l.cat.Problems, Problem{Path: p, Line: 1, Col: 1, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}
