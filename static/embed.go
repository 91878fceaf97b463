// Package static holds statuspress's stylesheet and its small optional script, embedded into
// the binary and served under fingerprinted paths (/static/style.3f2a9c1b0d.css) so that a
// browser or CDN may cache each version for a year: a change to a file changes its path.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"mime"
	"path"
	"slices"
	"strings"
)

//go:embed style.css app.js icon.svg
var files embed.FS

// Prefix is the URL path every asset is served under.
const Prefix = "/static/"

// Asset is one embedded file, ready to serve.
type Asset struct {
	// Name is the file's own name ("style.css").
	Name string
	// Path is the fingerprinted URL path ("/static/style.3f2a9c1b0d.css").
	Path string
	// ContentType is the Content-Type header value.
	ContentType string
	Body        []byte
	// ETag is a strong entity tag, quotes included, from the whole content's SHA-256.
	ETag string
}

// Files maps each asset's fingerprinted path to it. It is built once, when the program starts,
// and must not be modified.
var Files = map[string]Asset{}

// byName maps each asset's own name to it.
var byName = map[string]Asset{}

func init() {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		body, err := files.ReadFile(e.Name())
		if err != nil {
			panic(err)
		}
		a := newAsset(e.Name(), body)
		Files[a.Path] = a
		byName[a.Name] = a
	}
}

// newAsset fingerprints body: the path carries the first 10 hex digits of its SHA-256.
func newAsset(name string, body []byte) Asset {
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	ext := path.Ext(name)
	return Asset{
		Name:        name,
		Path:        Prefix + strings.TrimSuffix(name, ext) + "." + hash[:10] + ext,
		ContentType: contentType(ext),
		Body:        body,
		ETag:        `"` + hash + `"`,
	}
}

func contentType(ext string) string {
	switch ext {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Assets returns every asset, sorted by name.
func Assets() []Asset {
	as := make([]Asset, 0, len(byName))
	for _, a := range byName {
		as = append(as, a)
	}
	slices.SortFunc(as, func(a, b Asset) int { return strings.Compare(a.Name, b.Name) })
	return as
}

// Path returns the fingerprinted URL path of the asset called name ("style.css", "app.js").
// It panics when there is no such asset: a misspelt name is a programming error that must
// not reach readers as a page without its stylesheet.
func Path(name string) string {
	a, ok := byName[name]
	if !ok {
		panic("static: no asset " + name)
	}
	return a.Path
}

// Lookup returns the asset served at the URL path p.
func Lookup(p string) (Asset, bool) {
	a, ok := Files[p]
	return a, ok
}
