// Command gencontent writes a synthetic content directory for statuspress: a site.yaml and any
// number of realistic incidents, maintenance windows and notices spread over three years, in
// four languages, for load tests, benchmarks and trying the site with a long history.
//
//	go run ./cmd/devtools/gencontent -n 10000 -seed 42 -out /tmp/gen10k [-now 2026-11-23T12:00:00Z] [-force]
//
// The same flags give the same files, byte for byte. The output passes `statuspress lint` without
// errors or warnings.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"statuspress/internal/testsupport/synthetic"
)

func main() {
	// A short batch run that makes much short-lived garbage: trade memory for less collecting.
	debug.SetGCPercent(400)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencontent", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "`number` of items to write: incidents, maintenance and notices together")
	seed := fs.Uint64("seed", 1, "random `seed`; the same seed and -now give byte-identical output")
	out := fs.String("out", "", "the `directory` to write into (created if missing; must be empty unless -force)")
	nowFlag := fs.String("now", "", "RFC 3339 `time` the content ends at (default: the current time, to the minute)")
	force := fs.Bool("force", false, "empty -out first if it is not empty")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: gencontent -out DIR [-n N] [-seed S] [-now TIME] [-force]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Writes a synthetic statuspress content directory: site.yaml (12 components in 4 groups,")
		fmt.Fprintln(stderr, "en/nl/fr/de) and N incidents, maintenance windows and notices over the three years before")
		fmt.Fprintln(stderr, "-now, in YYYY/MM/ folders, a fifth of them translated. Check it with `statuspress lint DIR`.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *out == "" || *n < 0 {
		fs.Usage()
		return 2
	}
	now := time.Now().UTC().Truncate(time.Minute)
	if *nowFlag != "" {
		t, err := time.Parse(time.RFC3339, *nowFlag)
		if err != nil {
			fmt.Fprintf(stderr, "gencontent: -now %q is not an RFC 3339 time such as 2026-11-23T12:00:00Z\n", *nowFlag)
			return 2
		}
		now = t
	}
	if err := prepare(*out, *force); err != nil {
		fmt.Fprintf(stderr, "gencontent: %v\n", err)
		return 1
	}
	st, err := synthetic.Generate(synthetic.Config{N: *n, Seed: *seed, Now: now, Dir: *out})
	if err != nil {
		fmt.Fprintf(stderr, "gencontent: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files to %s: %d incidents (%d ongoing), %d maintenance (%d upcoming), %d notices;\n",
		st.Files, *out, st.Incidents, st.Ongoing, st.Maintenance, st.Upcoming, st.Notices)
	fmt.Fprintf(stdout, "originals en %d, nl %d, fr %d, de %d; %d translated into the other three languages (%d files, %d marked machine)\n",
		st.Originals[0], st.Originals[1], st.Originals[2], st.Originals[3], st.Translated, st.TranslationFiles, st.Machine)
	return 0
}

// prepare makes sure dir exists and is empty. With force it empties a non-empty dir, but never
// one that looks like a source checkout.
func prepare(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if !force {
		return fmt.Errorf("%s is not empty; choose another directory or pass -force to replace its contents", dir)
	}
	for _, e := range entries {
		if e.Name() == ".git" || e.Name() == "go.mod" {
			return fmt.Errorf("%s holds %s: refusing to empty what looks like a source checkout", dir, e.Name())
		}
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}
