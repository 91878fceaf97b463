package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"statuspress/internal/content/authoring"
	"statuspress/internal/incident"
	"statuspress/internal/yamlnode"
)

// hashKey is the front-matter field holding the hash of what the import wrote.
const hashKey = "source_hash"

// Render writes an event as an incident file in the content format, in lang, ending its front
// matter with `source:` and `source_hash:`. Times keep the offset they came with.
func Render(e *Event, lang string) []byte {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	line("---")
	line("title: %s", authoring.Scalar(e.Title))
	line("lang: %s", lang)
	line("kind: %s", e.Kind)
	if e.Kind == incident.KindIncident && e.Impact != "" {
		line("impact: %s", e.Impact)
	}
	if len(e.Components) > 0 {
		line("components:")
		for _, a := range e.Components {
			line("  %s: %s", a.Component, a.Status)
		}
	}
	if e.Kind != incident.KindMaintenance {
		line("started: %s", rfc(e.Started))
	}
	if e.Kind != incident.KindNotice && !e.Resolved.IsZero() {
		line("resolved: %s", rfc(e.Resolved))
	}
	if e.Kind == incident.KindMaintenance {
		line("scheduled:")
		line("  start: %s", rfc(e.Scheduled.Start))
		line("  end: %s", rfc(e.Scheduled.End))
	}
	if e.Kind != incident.KindNotice && len(e.Updates) > 0 {
		line("updates:")
		for _, u := range e.Updates {
			line("  - at: %s", rfc(u.At))
			line("    status: %s", u.Status)
			if len(u.Components) > 0 {
				parts := make([]string, len(u.Components))
				for i, a := range u.Components {
					parts[i] = a.Component + ": " + string(a.Status)
				}
				line("    components: {%s}", strings.Join(parts, ", "))
			}
			line("    text:%s", authoring.TextValue(u.Text, 4))
		}
	}
	line("source: %s", authoring.Scalar(e.Source))
	line("%s: %s", hashKey, strings.Repeat("0", 64))
	line("---")
	if body := authoring.CleanText(e.Body); body != "" {
		b.WriteByte('\n')
		line("%s", body)
	}
	return stamp([]byte(b.String()))
}

func rfc(t time.Time) string { return t.Format(time.RFC3339) }

// stamp fills in the source_hash line of a rendered file.
func stamp(data []byte) []byte {
	sum, ok := Hash(data)
	if !ok {
		return data
	}
	placeholder := []byte("\n" + hashKey + ": " + strings.Repeat("0", 64) + "\n")
	return bytes.Replace(data, placeholder, []byte("\n"+hashKey+": "+sum+"\n"), 1)
}

// Hash is the hash an imported file records of itself: SHA-256 of its bytes without the line
// `source_hash: ...` in its front matter. ok is false when the file has no such line.
func Hash(data []byte) (sum string, ok bool) {
	rest, found := withoutHash(data)
	if !found {
		return "", false
	}
	h := sha256.Sum256(rest)
	return hex.EncodeToString(h[:]), true
}

// RecordedHash is the value of the file's source_hash line.
func RecordedHash(data []byte) string {
	start, end, ok := hashLine(data)
	if !ok {
		return ""
	}
	v := strings.TrimSpace(string(data[start+len(hashKey)+1 : end]))
	return strings.Trim(v, `"'`)
}

// Edited reports whether an imported file differs from what the import wrote: its hash is
// missing or does not match its bytes.
func Edited(data []byte) bool {
	sum, ok := Hash(data)
	return !ok || sum != RecordedHash(data)
}

func withoutHash(data []byte) ([]byte, bool) {
	start, end, ok := hashLine(data)
	if !ok {
		return nil, false
	}
	if end < len(data) {
		end++ // the line's newline
	}
	out := append([]byte{}, data[:start]...)
	return append(out, data[end:]...), true
}

// hashLine finds the top-level `source_hash:` line in the front matter: its start, and the
// offset of its newline (or the end of data).
func hashLine(data []byte) (start, end int, ok bool) {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return 0, 0, false
	}
	for off := 4; off < len(data); {
		nl := bytes.IndexByte(data[off:], '\n')
		lineEnd := len(data)
		if nl >= 0 {
			lineEnd = off + nl
		}
		l := data[off:lineEnd]
		if t := strings.TrimRight(string(l), " \t\r"); t == "---" || t == "..." {
			return 0, 0, false
		}
		if bytes.HasPrefix(l, []byte(hashKey+":")) {
			return off, lineEnd, true
		}
		off = lineEnd + 1
	}
	return 0, 0, false
}

// SourceOf is the value of a file's top-level `source:` field in its front matter, or "".
func SourceOf(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	fm, _, ok := cutFrontMatter(data)
	if !ok || !bytes.Contains(fm, []byte("source:")) {
		return ""
	}
	doc, err := yamlnode.Parse(fm, yamlnode.Options{MaxDepth: 32})
	if err != nil {
		return ""
	}
	return scalar(field(doc.Root, "source"))
}
