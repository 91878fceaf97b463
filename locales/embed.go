// Package locales holds statuspress's UI strings: one go-i18n message file per language,
// active.<lang>.toml, embedded into the binary. English is the source; active.en.toml is
// generated from the messages defined in internal/locale (see that package's tests), and the
// other files translate it. internal/locale loads them and fails its tests when a translation
// lacks a message.
package locales

import "embed"

// FS holds the message files, active.<lang>.toml, at its root.
//
//go:embed *.toml
var FS embed.FS
