package incident_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/incident"
)

func TestSiteComponent(t *testing.T) {
	api := incident.Component{ID: "api", Name: map[string]string{"en": "API"}, Position: 1, Uptime: true}
	web := incident.Component{ID: "web", Name: map[string]string{"en": "Website"}, Group: "public", Position: 2}
	site := &incident.Site{Components: []incident.Component{api, web}}
	tests := []struct {
		id     string
		want   incident.Component
		wantOK bool
	}{
		{"api", api, true},
		{"web", web, true},
		{"db", incident.Component{}, false},
		{"", incident.Component{}, false},
		{"API", incident.Component{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got, ok := site.Component(tt.id)
			if ok != tt.wantOK {
				t.Errorf("Component(%q) ok = %v, want %v", tt.id, ok, tt.wantOK)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Component(%q) mismatch (-want +got):\n%s", tt.id, diff)
			}
		})
	}
}

func TestSiteEnabled(t *testing.T) {
	site := &incident.Site{DefaultLanguage: "en", Languages: []string{"en", "nl"}}
	tests := []struct {
		lang string
		want bool
	}{
		{"en", true},
		{"nl", true},
		{"fr", false}, // supported by statuspress, not enabled by this site
		{"", false},
		{"EN", false},
	}
	for _, tt := range tests {
		if got := site.Enabled(tt.lang); got != tt.want {
			t.Errorf("Enabled(%q) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}

func TestSiteLocation(t *testing.T) {
	cet := time.FixedZone("CET", 60*60)
	tests := []struct {
		name  string
		zones map[string]*time.Location
		lang  string
		want  *time.Location
	}{
		{name: "zone set", zones: map[string]*time.Location{"nl": cet}, lang: "nl", want: cet},
		{name: "other language has one", zones: map[string]*time.Location{"nl": cet}, lang: "en", want: time.UTC},
		{name: "no zones at all", zones: nil, lang: "nl", want: time.UTC},
		{name: "nil entry", zones: map[string]*time.Location{"nl": nil}, lang: "nl", want: time.UTC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := &incident.Site{TimeZones: tt.zones}
			if got := site.Location(tt.lang); got != tt.want {
				t.Errorf("Location(%q) = %v, want %v", tt.lang, got, tt.want)
			}
		})
	}
}

func TestSiteLocalize(t *testing.T) {
	site := &incident.Site{DefaultLanguage: "en", Languages: []string{"en", "nl", "fr"}}
	tests := []struct {
		name string
		m    map[string]string
		lang string
		want string
	}{
		{name: "present", m: map[string]string{"en": "Website", "nl": "Website (nl)"}, lang: "nl", want: "Website (nl)"},
		{name: "default language itself", m: map[string]string{"en": "Website", "nl": "Website (nl)"}, lang: "en", want: "Website"},
		{name: "missing falls back to default", m: map[string]string{"en": "Website", "nl": "Website (nl)"}, lang: "fr", want: "Website"},
		{name: "empty falls back to default", m: map[string]string{"en": "Website", "fr": ""}, lang: "fr", want: "Website"},
		{name: "neither", m: map[string]string{"nl": "Website (nl)"}, lang: "fr", want: ""},
		{name: "nil map", m: nil, lang: "nl", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := site.Localize(tt.m, tt.lang); got != tt.want {
				t.Errorf("Localize(%v, %q) = %q, want %q", tt.m, tt.lang, got, tt.want)
			}
		})
	}
}
