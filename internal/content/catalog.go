// Package content reads a content directory (site.yaml and incident Markdown files, the contract
// with support staff) into an immutable Catalog, and reports every problem it finds with the file,
// line and column and a way to fix it. A file with errors is left out; everything else loads.
package content

import (
	"time"

	"statuspress/internal/incident"
	"statuspress/internal/markdown"
)

// DefaultMaxFileSize is the largest file Load reads unless told otherwise.
const DefaultMaxFileSize = 1 << 20

// Options adjust Load.
type Options struct {
	// MaxFileSize refuses larger files without reading them; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Markdown renders bodies and update texts; nil means markdown.New().
	Markdown *markdown.Renderer
	// Now is the wall clock that a Loader compares file times with, to tell which files may have
	// changed since its last load (see Loader.unchanged): it must tick with the file system's
	// clock, so a fixed clock for previews does not belong here. Nil means time.Now.
	Now func() time.Time
}

// Catalog is the loaded content: read-only once Load returns.
type Catalog struct {
	Site *incident.Site
	// Incidents are newest first (by Started, or the maintenance window's start).
	Incidents []*incident.Incident
	// Assets are the files of bundles, by incident slug.
	Assets   map[string][]Asset
	Problems Problems
	// Files counts the files read.
	Files int
	// Version identifies what was loaded: a hash of site.yaml and every incident file's name and
	// bytes (not their times), so it changes whenever any of them does, and replicas with the same
	// content report the same version.
	Version string
	// Lost is set when the content directory could not be read: the catalog is the last one read,
	// with that problem added (see Loader.Lost).
	Lost   bool
	bySlug map[string]*incident.Incident
}

// Asset is a file inside a bundle folder, served beside its incident.
type Asset struct {
	// Name is the path relative to the bundle folder, as Markdown links to it.
	Name string
	// Path is the path in the content file system.
	Path string
}

// AssetURL is the URL path a bundle's files are served under.
func AssetURL(slug string) string { return "/incidents/" + slug + "/" }

// Incident returns the incident with the given slug.
func (c *Catalog) Incident(slug string) (*incident.Incident, bool) {
	in, ok := c.bySlug[slug]
	return in, ok
}
