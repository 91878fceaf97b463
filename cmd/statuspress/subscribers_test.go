package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"statuspress/internal/store"
	"statuspress/internal/store/storetest"
)

// TestSubscribersCommand: list, export (one address or all, CSV and JSON) and delete work on the
// database serve keeps, and a hostile address cannot become a spreadsheet formula.
func TestSubscribersCommand(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "sp.db")
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Confirmed(t, st, "ann@example.org", "fr", "web-app", "rest-api")
	if _, err := st.Subscribe(ctx, "=HYPERLINK(\"x\")@example.org", "en", nil); err != nil {
		t.Fatal(err)
	}
	st.Close(ctx)

	cmd := func(wantCode int, args ...string) string {
		t.Helper()
		var out, errs bytes.Buffer
		if code := run(append([]string{"subscribers"}, append(args, "--db", db)...), nil, &out, &errs); code != wantCode {
			t.Fatalf("subscribers %q: exit %d, want %d; stderr:\n%s", args, code, wantCode, errs.String())
		}
		return out.String() + errs.String()
	}
	list := cmd(0, "list")
	var normal []string
	for _, line := range strings.Split(list, "\n") {
		normal = append(normal, strings.Join(strings.Fields(line), " "))
	}
	list = strings.Join(normal, "\n")
	for _, want := range []string{"\nann@example.org fr confirmed rest-api web-app 2026-11-23T12:00:00Z\n", "pending all", "\n2 subscribers\n"} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q:\n%s", want, list)
		}
	}
	var one []subscriberRecord
	if err := json.Unmarshal([]byte(cmd(0, "export", "ANN@example.org")), &one); err != nil {
		t.Fatal(err)
	}
	want := []subscriberRecord{{Address: "ann@example.org", Language: "fr", State: "confirmed", Components: []string{"rest-api", "web-app"},
		Created: "2026-11-23T12:00:00Z", Confirmed: "2026-11-23T12:00:00Z"}}
	if diff := cmp.Diff(want, one); diff != "" {
		t.Errorf("export ADDRESS (-want +got):\n%s", diff)
	}
	rows, err := csv.NewReader(strings.NewReader(cmd(0, "export", "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][0] != `'=HYPERLINK("x")@example.org` || rows[1][3] != "all" {
		t.Errorf("export --format csv: %q", rows)
	}
	if out := cmd(0, "delete", "ann@example.org"); !strings.Contains(out, "deleted everything kept about ann@example.org") {
		t.Errorf("delete: %s", out)
	}
	if out := cmd(1, "delete", "ann@example.org"); !strings.Contains(out, "nothing is kept about ann@example.org") {
		t.Errorf("delete again: %s", out)
	}
	if out := cmd(1, "export", "ann@example.org"); !strings.Contains(out, "nothing is kept") {
		t.Errorf("export of a deleted address: %s", out)
	}
	if out := cmd(0, "list", "--format", "json"); strings.Contains(out, "ann@") {
		t.Errorf("list after delete: %s", out)
	}
	cmd(2, "forget", "x")
	cmd(2, "delete")
	cmd(2, "list", "--format", "yaml")
}
