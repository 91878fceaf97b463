package statusapi

import (
	"crypto/sha256"
	"encoding/base32"
	"strings"
	"time"
)

// Kinds of id, the prefix of what ID hashes.
const (
	KindPage      = "page"
	KindGroup     = "group"
	KindComponent = "component"
	KindIncident  = "incident"
	KindUpdate    = "update"
)

// idLen is the length of Statuspage's ids.
const idLen = 12

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// ID is the API id of a thing of the given kind (KindPage …) and key: the first 12 characters of
// the lowercase base32 of SHA-256("<kind>:<key>"). It depends on nothing else, so it is the same
// on every restart and every replica.
func ID(kind, key string) string {
	sum := sha256.Sum256([]byte(kind + ":" + key))
	return strings.ToLower(idEncoding.EncodeToString(sum[:]))[:idLen]
}

// timeLayout is ISO 8601 with milliseconds and the zone's offset, Z in UTC, as Statuspage writes
// times.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

func stamp(t time.Time, loc *time.Location) string { return t.In(loc).Format(timeLayout) }

func stampPtr(t time.Time, loc *time.Location) *string {
	if t.IsZero() {
		return nil
	}
	s := stamp(t, loc)
	return &s
}
