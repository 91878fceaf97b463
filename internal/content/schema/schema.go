// Package schema holds the JSON Schemas (draft 2020-12) of statuspress's content format: the YAML
// front matter of incident Markdown files and site.yaml. Editors validate and explain those files
// as they are typed with them (the titles and descriptions are the hover help); the schemas follow
// the "Content format" section of the design, which the content loader implements. They are
// embedded so the binary can serve or write them out.
//
// One incident schema covers originals and translations. A file with `translation: machine` is
// checked as a translation (title, summary, updates with at and text, nothing else, all optional).
// A translation written by a person carries no such field and is checked as an original, so it
// needs a title; only its file name (<slug>.<lang>.md) tells it apart, which editors cannot see.
// Translation files can be checked on their own against IncidentTranslationURL.
//
// Timestamps must be RFC 3339 with seconds and a UTC offset or Z (2020-06-08T02:04:00+02:00):
// format date-time alone requires seconds, and a time without an offset is ambiguous.
package schema

import _ "embed"

// Where the schemas say they live ($id); compile them under these names.
const (
	IncidentURL = "https://statuspress.dev/schema/incident.schema.json"
	SiteURL     = "https://statuspress.dev/schema/site.schema.json"
	// IncidentTranslationURL names the part of the incident schema that describes a translation's
	// front matter.
	IncidentTranslationURL = IncidentURL + "#/$defs/translation"
)

// Incident is the JSON Schema of an incident file's YAML front matter.
//
//go:embed incident.schema.json
var Incident []byte

// Site is the JSON Schema of site.yaml.
//
//go:embed site.schema.json
var Site []byte
