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
	"fmt"
	"strings"
)

// didYouMean is the hint suffix for an unknown word: the likely correction, or the valid words.
func didYouMean(s string, candidates []string) string {
	best, bestDist := "", max(1, len([]rune(s))/3)+1
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean `%s`?", best)
	}
	return "; use one of " + strings.Join(candidates, ", ")
}

// distance is the edit distance between a and b in runes, counting a swap of neighbours as one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func words[T ~string](ws []T) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w)
	}
	return out
}
