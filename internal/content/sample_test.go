package content

import (
	"os"
	"strings"
	"testing"

	"statuspress/internal/incident"
)

// TestSampleContent loads the bundled sample site: it must be free of errors and warnings, and its
// showcase features must come through.
func TestSampleContent(t *testing.T) {
	cat := Load(os.DirFS("../../incidents"), Options{})
	if len(cat.Problems) > 0 {
		t.Fatalf("the sample content has problems:\n%s", cat.Problems)
	}
	if len(cat.Incidents) < 6 {
		t.Errorf("got %d incidents, want at least 6", len(cat.Incidents))
	}
	if n := len(cat.Site.Components); n < 6 {
		t.Errorf("site.yaml has %d components, want at least 6", n)
	}
	kinds := map[incident.Kind]int{}
	for _, in := range cat.Incidents {
		kinds[in.Kind]++
	}
	for _, k := range incident.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no %s in the sample content", k)
		}
	}

	soap, ok := cat.Incident("soap-api-storing")
	if !ok || soap.Lang != "nl" || soap.Texts["en"] == nil {
		t.Errorf("soap-api-storing: want a Dutch original with an English translation")
	}
	pm, ok := cat.Incident("mobile-sdk-400-errors")
	if !ok {
		t.Fatal("the postmortem mobile-sdk-400-errors is missing")
	}
	if fr := pm.Texts["fr"]; fr == nil || !fr.Machine {
		t.Errorf("the postmortem's French translation should be marked machine")
	}
	for _, l := range []string{"nl", "de"} {
		if tr := pm.Texts[l]; tr == nil || tr.Machine {
			t.Errorf("the postmortem needs a human %s translation", l)
		}
	}
	if len(pm.Updates) < 3 || len(pm.Original().TOC) < 3 {
		t.Errorf("the postmortem needs a multi-update timeline and sections, got %d updates, %d headings", len(pm.Updates), len(pm.Original().TOC))
	}

	bundle, ok := cat.Incident("webhook-delays")
	if !ok {
		t.Fatal("the bundle webhook-delays is missing")
	}
	if !strings.Contains(bundle.Original().Body, `src="/incidents/webhook-delays/latency.png"`) {
		t.Errorf("the bundle's image is not resolved to its served URL:\n%s", bundle.Original().Body)
	}
	if len(cat.Assets["webhook-delays"]) == 0 {
		t.Errorf("the bundle's image is not listed as an asset")
	}
}
