package incident_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

// translated is an incident written in Dutch with three updates, their times in +02:00, and:
//   - en: a complete human translation;
//   - fr: a machine translation of the title and the first update only;
//   - de: a machine translation of the body (with its own headings) and title, but no summary
//     and no update texts.
//
// Translations key update texts by the instant read in UTC, so matching must go by instant.
func translated() *incident.Incident {
	u1, u2, u3 := at(10, 0).In(plus2), at(11, 0).In(plus2), at(12, 0).In(plus2)
	key := func(t time.Time) int64 { return t.UTC().UnixNano() }
	tocNL := []incident.Heading{{Level: 2, ID: "oorzaak", Text: "Oorzaak"}}
	return &incident.Incident{
		Slug: "2024-01-10-soap",
		Kind: incident.KindIncident,
		Lang: "nl",
		Updates: []incident.Update{
			{At: u1, Status: incident.StatusInvestigating},
			{At: u2, Status: incident.StatusIdentified},
			{At: u3, Status: incident.StatusResolved},
		},
		Texts: map[string]*incident.Text{
			"nl": {
				Lang: "nl", Title: "SOAP-API onbereikbaar", Summary: "De SOAP-API was onbereikbaar.",
				Body: "<h2 id=\"oorzaak\">Oorzaak</h2>", TOC: tocNL,
				Updates: map[int64]string{key(u1): "<p>We onderzoeken het.</p>", key(u2): "<p>Gevonden.</p>", key(u3): "<p>Opgelost.</p>"},
			},
			"en": {
				Lang: "en", Title: "SOAP API unavailable", Summary: "The SOAP API was unavailable.",
				Body: "<h2 id=\"cause\">Cause</h2>", TOC: []incident.Heading{{Level: 2, ID: "cause", Text: "Cause"}},
				Updates: map[int64]string{key(u1): "<p>Investigating.</p>", key(u2): "<p>Found.</p>", key(u3): "<p>Fixed.</p>"},
			},
			"fr": {
				Lang: "fr", Machine: true, Title: "API SOAP indisponible",
				// Headings without a body must not replace the original's: the TOC goes with the body.
				TOC:     []incident.Heading{{Level: 2, ID: "cause", Text: "Cause"}},
				Updates: map[int64]string{key(u1): "<p>Nous enquêtons.</p>"},
			},
			"de": {
				Lang: "de", Machine: true, Title: "SOAP-API nicht erreichbar",
				Body: "<h2 id=\"ursache\">Ursache</h2>", TOC: []incident.Heading{{Level: 2, ID: "ursache", Text: "Ursache"}},
			},
		},
	}
}

func TestIn(t *testing.T) {
	nl := func(s string) incident.Part { return incident.Part{Text: s, Lang: "nl"} }
	tocNL := []incident.Heading{{Level: 2, ID: "oorzaak", Text: "Oorzaak"}}
	original := func(lang string) incident.Localized {
		return incident.Localized{
			Lang:    lang,
			Title:   nl("SOAP-API onbereikbaar"),
			Summary: nl("De SOAP-API was onbereikbaar."),
			Body:    nl("<h2 id=\"oorzaak\">Oorzaak</h2>"),
			TOC:     tocNL,
			Updates: []incident.Part{nl("<p>We onderzoeken het.</p>"), nl("<p>Gevonden.</p>"), nl("<p>Opgelost.</p>")},
		}
	}
	tests := []struct {
		name string
		lang string
		want incident.Localized
	}{
		{name: "the original's language", lang: "nl", want: original("nl")},
		{
			name: "complete translation",
			lang: "en",
			want: incident.Localized{
				Lang:    "en",
				Title:   incident.Part{Text: "SOAP API unavailable", Lang: "en"},
				Summary: incident.Part{Text: "The SOAP API was unavailable.", Lang: "en"},
				Body:    incident.Part{Text: "<h2 id=\"cause\">Cause</h2>", Lang: "en"},
				TOC:     []incident.Heading{{Level: 2, ID: "cause", Text: "Cause"}},
				Updates: []incident.Part{
					{Text: "<p>Investigating.</p>", Lang: "en"},
					{Text: "<p>Found.</p>", Lang: "en"},
					{Text: "<p>Fixed.</p>", Lang: "en"},
				},
			},
		},
		{
			name: "translation lacks summary, body and some update texts",
			lang: "fr",
			want: incident.Localized{
				Lang:    "fr",
				Machine: true,
				Title:   incident.Part{Text: "API SOAP indisponible", Lang: "fr"},
				Summary: nl("De SOAP-API was onbereikbaar."),
				Body:    nl("<h2 id=\"oorzaak\">Oorzaak</h2>"),
				TOC:     tocNL,
				Updates: []incident.Part{
					{Text: "<p>Nous enquêtons.</p>", Lang: "fr"},
					nl("<p>Gevonden.</p>"),
					nl("<p>Opgelost.</p>"),
				},
			},
		},
		{
			name: "translated body brings its own table of contents",
			lang: "de",
			want: incident.Localized{
				Lang:    "de",
				Machine: true,
				Title:   incident.Part{Text: "SOAP-API nicht erreichbar", Lang: "de"},
				Summary: nl("De SOAP-API was onbereikbaar."),
				Body:    incident.Part{Text: "<h2 id=\"ursache\">Ursache</h2>", Lang: "de"},
				TOC:     []incident.Heading{{Level: 2, ID: "ursache", Text: "Ursache"}},
				Updates: []incident.Part{nl("<p>We onderzoeken het.</p>"), nl("<p>Gevonden.</p>"), nl("<p>Opgelost.</p>")},
			},
		},
		{name: "language without a translation", lang: "es", want: original("es")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, translated().In(tt.lang)); diff != "" {
				t.Errorf("In(%q) mismatch (-want +got):\n%s", tt.lang, diff)
			}
		})
	}
}

func TestInWithoutUpdates(t *testing.T) {
	in := &incident.Incident{
		Kind:  incident.KindNotice,
		Lang:  "en",
		Texts: map[string]*incident.Text{"en": {Lang: "en", Title: "Price change"}},
	}
	want := incident.Localized{
		Lang:    "nl",
		Title:   incident.Part{Text: "Price change", Lang: "en"},
		Summary: incident.Part{Lang: "en"},
		Body:    incident.Part{Lang: "en"},
		Updates: []incident.Part{},
	}
	if diff := cmp.Diff(want, in.In("nl")); diff != "" {
		t.Errorf("In(%q) mismatch (-want +got):\n%s", "nl", diff)
	}
}

func TestPartFallback(t *testing.T) {
	tests := []struct {
		part  incident.Part
		asked string
		want  bool
	}{
		{incident.Part{Text: "x", Lang: "en"}, "en", false},
		{incident.Part{Text: "x", Lang: "nl"}, "en", true},
		{incident.Part{Lang: "nl"}, "nl", false},
	}
	for _, tt := range tests {
		if got := tt.part.Fallback(tt.asked); got != tt.want {
			t.Errorf("%+v.Fallback(%q) = %v, want %v", tt.part, tt.asked, got, tt.want)
		}
	}
}
