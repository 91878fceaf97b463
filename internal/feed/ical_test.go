package feed_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
	"github.com/google/go-cmp/cmp"

	"statuspress/internal/feed"
	"statuspress/internal/testsupport/feedcheck"
)

const selfICS = "https://status.example/nl/maintenance.ics"

func sampleCalendar() feed.Calendar {
	start := time.Date(2026, 12, 5, 22, 0, 0, 0, time.FixedZone("CET", 3600))
	return feed.Calendar{
		Name:    "Status: gepland onderhoud",
		Lang:    "nl",
		HomeURL: "https://status.example/nl/",
		Refresh: time.Hour,
		Events: []feed.Event{
			{
				UID:     "database-upgrade@status.example",
				Stamp:   time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC),
				Start:   start,
				End:     start.Add(3 * time.Hour),
				Summary: tricky + `; with a \ backslash, and, commas`,
				// Long enough to fold several times, with multi-byte characters placed so that a
				// fold at exactly 75 octets would cut one in half.
				Description: strings.Repeat("é", 40) + "\n" + strings.Repeat("x", 3) + strings.Repeat("🚨", 30) +
					"\r\nhttps://status.example/nl/incidents/database-upgrade/",
				URL:        "https://status.example/nl/incidents/database-upgrade/",
				Categories: []string{"Webapplicatie", "REST-API, v2"},
			},
			{
				UID:     "mail-upgrade@status.example",
				Stamp:   time.Date(2026, 9, 12, 21, 35, 0, 0, time.UTC),
				Start:   time.Date(2026, 9, 12, 20, 0, 0, 0, time.UTC),
				Summary: "Mail server upgrade",
				Lang:    "en",
			},
		},
	}
}

// TestICSParses reads the calendar back with go-ical and checks every field.
func TestICSParses(t *testing.T) {
	c := sampleCalendar()
	b := feed.ICS(c, selfICS)
	cal := feedcheck.ReadCalendar(t, b)
	for prop, want := range map[string]string{
		ical.PropVersion:   "2.0",
		ical.PropProductID: "-//statuspress//statuspress//EN",
		"NAME":             c.Name,
		"X-WR-CALNAME":     c.Name,
		ical.PropURL:       c.HomeURL,
		"SOURCE":           selfICS,
		"REFRESH-INTERVAL": "PT1H",
	} {
		if p := cal.Props.Get(prop); p == nil || p.Value != want {
			t.Errorf("calendar %s = %+v, want %q", prop, p, want)
		}
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	type event struct {
		UID, Summary, Description, URL, Lang, Status, Transp string
		Categories                                           []string
		Stamp, Start, End                                    time.Time
	}
	var got []event
	for _, e := range events {
		var (
			ev  event
			err error
		)
		text := func(name string) string {
			s, err := e.Props.Text(name)
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			return s
		}
		ev.UID = text(ical.PropUID)
		ev.Summary = text(ical.PropSummary)
		ev.Description = text(ical.PropDescription)
		ev.Status = text(ical.PropStatus)
		ev.Transp = text(ical.PropTransparency)
		if p := e.Props.Get(ical.PropURL); p != nil {
			ev.URL = p.Value
		}
		if p := e.Props.Get(ical.PropSummary); p != nil {
			ev.Lang = p.Params.Get("LANGUAGE")
		}
		if p := e.Props.Get(ical.PropCategories); p != nil {
			if ev.Categories, err = p.TextList(); err != nil {
				t.Error(err)
			}
		}
		for name, dst := range map[string]*time.Time{ical.PropDateTimeStamp: &ev.Stamp, ical.PropDateTimeStart: &ev.Start, ical.PropDateTimeEnd: &ev.End} {
			p := e.Props.Get(name)
			if p == nil {
				continue
			}
			if !strings.HasSuffix(p.Value, "Z") {
				t.Errorf("%s %q is not in UTC", name, p.Value)
			}
			if *dst, err = p.DateTime(time.UTC); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
		got = append(got, ev)
	}
	e0, e1 := c.Events[0], c.Events[1]
	want := []event{
		{
			UID: e0.UID, Summary: e0.Summary, URL: e0.URL, Lang: "nl", Status: "CONFIRMED", Transp: "TRANSPARENT",
			Description: strings.ReplaceAll(e0.Description, "\r\n", "\n"),
			Categories:  e0.Categories,
			Stamp:       e0.Stamp, Start: e0.Start.UTC(), End: e0.End.UTC(),
		},
		{UID: e1.UID, Summary: e1.Summary, Lang: "en", Status: "CONFIRMED", Transp: "TRANSPARENT", Stamp: e1.Stamp, Start: e1.Start},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// TestICSLines checks the octet-level rules go-ical forgives: CRLF after every line, at most 75
// octets a line, folds that never split a UTF-8 character, and escaped TEXT.
func TestICSLines(t *testing.T) {
	b := feed.ICS(sampleCalendar(), selfICS)
	checkICSLines(t, b)
	unfolded := bytes.ReplaceAll(b, []byte("\r\n "), nil)
	for _, want := range []string{
		`SUMMARY;LANGUAGE=nl:Déjà vu: SOAP & REST <API> "down" 'again' 🚨\; with a \\ backslash\, and\, commas` + "\r\n",
		`CATEGORIES;LANGUAGE=nl:Webapplicatie,REST-API\, v2`,
		"DTSTART:20261205T210000Z\r\n",
		"DTEND:20261206T000000Z\r\n",
	} {
		if !bytes.Contains(unfolded, []byte(want)) {
			t.Errorf("calendar lacks %q:\n%s", want, unfolded)
		}
	}
	if bytes.Contains(b, []byte("DTEND:00010101")) || bytes.Count(b, []byte("DTEND:")) != 1 {
		t.Errorf("an event without an end got a DTEND:\n%s", b)
	}
}

// checkICSLines fails t when b breaks RFC 5545's line rules.
func checkICSLines(t testing.TB, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Errorf("calendar does not end with CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		for _, r := range l {
			if r < 0x20 && r != '\t' || r == 0x7f {
				t.Errorf("line %d has control character %U", i+1, r)
			}
		}
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("calendar begins %q and ends %q", lines[0], lines[len(lines)-1])
	}
}

// TestICSFolding pins where lines fold: at 75 octets, earlier when a character would be cut.
func TestICSFolding(t *testing.T) {
	for _, tc := range []struct {
		name    string
		summary string
		want    []string // the SUMMARY content line's physical lines
	}{
		{"fits", strings.Repeat("a", 75-len("SUMMARY:")), []string{"SUMMARY:" + strings.Repeat("a", 67)}},
		{"one over", strings.Repeat("a", 68), []string{"SUMMARY:" + strings.Repeat("a", 67), " a"}},
		{
			"two-byte character across the limit",
			strings.Repeat("a", 66) + "é",
			[]string{"SUMMARY:" + strings.Repeat("a", 66), " é"},
		},
		{
			"four-byte characters",
			strings.Repeat("🚨", 20),
			[]string{"SUMMARY:" + strings.Repeat("🚨", 16), " " + strings.Repeat("🚨", 4)},
		},
		{
			"continuation lines hold 74 octets after the space",
			strings.Repeat("b", 67+74+1),
			[]string{"SUMMARY:" + strings.Repeat("b", 67), " " + strings.Repeat("b", 74), " b"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := feed.ICS(feed.Calendar{Events: []feed.Event{{Summary: tc.summary}}}, "")
			lines := strings.Split(string(b), "\r\n")
			i := 0
			for i < len(lines) && !strings.HasPrefix(lines[i], "SUMMARY:") {
				i++
			}
			var got []string
			for j := i; j < len(lines); j++ {
				if j > i && !strings.HasPrefix(lines[j], " ") {
					break
				}
				got = append(got, lines[j])
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("folded (-want +got):\n%s", diff)
			}
			checkICSLines(t, b)
		})
	}
}

// FuzzICSText: whatever the text, the calendar keeps the line rules and go-ical reads the same
// text back (line breaks normalised to LF, control characters dropped).
func FuzzICSText(f *testing.F) {
	for _, s := range []string{tricky, "a;b,c\\d\ne", strings.Repeat("é🚨", 50), "\r\n\r", "\x00\x7f\t", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		b := feed.ICS(feed.Calendar{Name: s, Events: []feed.Event{{UID: "x", Stamp: at, Start: at, Summary: s, Description: s}}}, "")
		checkICSLines(t, b)
		cal := feedcheck.ReadCalendar(t, b)
		got, err := cal.Events()[0].Props.Text(ical.PropSummary)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		want = strings.ReplaceAll(want, "\r\n", "\n")
		want = strings.ReplaceAll(want, "\r", "\n")
		want = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
				return -1
			}
			return r
		}, want)
		if got != want {
			t.Errorf("summary read back as %q, want %q", got, want)
		}
	})
}
