// Package authoring writes content for support staff: new incident, maintenance and notice files,
// and updates appended to the timeline of an existing one.
//
// An update is added by inserting lines into the author's bytes at a place found through
// goccy/go-yaml's syntax tree; the front matter is never re-serialised, so comments, key order,
// CRLF line endings and a byte-order mark survive untouched. Every result is loaded with the
// content package, together with the rest of the content directory, before anything is written:
// a file this package produces is one the site publishes without errors or warnings.
package authoring

import (
	"statuspress/internal/content"
)

// didYouMean and oneOf are lint's hints for an unknown word, so both tools suggest alike.
var (
	didYouMean = content.DidYouMean
	oneOf      = content.OneOf
)

func words[T ~string](ws []T) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w)
	}
	return out
}
