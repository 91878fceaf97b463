package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"statuspress/internal/testsupport"
)

const (
	// validateScript checks HTML files with html-validate and prints what it found as JSON.
	validateScript = "testdata/validate-html.mjs"
	// htmlValidateFile is html-validate as `npm ci --prefix internal/e2e` installs it.
	htmlValidateFile = "node_modules/html-validate/package.json"
	// validateTimeout bounds the node run over every page.
	validateTimeout = 2 * time.Minute
	// maxCrawl stops a crawl that finds far more pages than the sample site has.
	maxCrawl = 400
)

// servedPage is an HTML page as the server answered it.
type servedPage struct {
	path   string
	status int
	body   []byte
}

// validation is what validate-html.mjs reports for one file.
type validation struct {
	File     string `json:"file"`
	Messages []struct {
		RuleID   string `json:"ruleId"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Selector string `json:"selector"`
		RuleURL  string `json:"ruleUrl"`
	} `json:"messages"`
}

// TestHTMLValid validates every HTML page of the sample site with html-validate, an HTML
// validator of the npm world with html-validate's recommended rules (testdata/validate-html.mjs
// names and explains the few exceptions). The pages are found by following the links of the
// running server from the overview in every language, so every page type in every language is
// checked: overview, incidents, history pages, components; then a 404 page in every language and
// /readyz as a person sees it. Every message of the validator is a failure, reported with the
// page's line and column.
func TestHTMLValid(t *testing.T) {
	testsupport.Slow(t)
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing(t, "node not found (%v): install Node.js (apt-get install -y nodejs npm) to run the HTML validator test", err)
	}
	if _, err := os.Stat(htmlValidateFile); err != nil {
		missing(t, "html-validate is not installed (%v): run `npm ci --prefix internal/e2e` in the module root to run the HTML validator test", err)
	}
	e := startEnv(t)
	pages := crawl(t, e.base)
	checkCoverage(t, pages)

	dir := t.TempDir()
	// The canary goes first: a page with one of each kind of problem, to show the validator
	// finds them with our configuration (subtest "selftest").
	canary := filepath.Join(dir, "canary.html")
	if err := os.WriteFile(canary, []byte(invalidHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	files := make([]string, len(pages))
	byFile := map[string]servedPage{}
	for i, p := range pages {
		name := fmt.Sprintf("%03d%s.html", i, strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(strings.TrimSuffix(p.path, "/")))
		files[i] = filepath.Join(dir, name)
		byFile[files[i]] = p
		if err := os.WriteFile(files[i], p.body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	results := runValidator(t, node, append([]string{canary}, files...))
	if len(results) != len(files)+1 || results[0].File != canary {
		t.Fatalf("node %s reported on %d files, want %d, the canary first", validateScript, len(results), len(files)+1)
	}
	t.Run("selftest", func(t *testing.T) { checkCanary(t, results[0]) })
	for _, r := range results[1:] {
		p, ok := byFile[r.File]
		if !ok {
			t.Fatalf("node %s reported on %s, which it was not given", validateScript, r.File)
		}
		t.Run(strings.Trim(p.path, "/"), func(t *testing.T) {
			lines := strings.Split(string(p.body), "\n")
			for _, m := range r.Messages {
				t.Errorf("%s:%d:%d: %s [%s %s] (%s)\n\tat %s\n\t%s", p.path, m.Line, m.Column, m.Message, m.Severity, m.RuleID,
					m.RuleURL, m.Selector, excerpt(lines, m.Line, m.Column))
			}
		})
	}
	t.Logf("html-validate checked %d pages", len(pages))
	e.checkServerLog(t)
}

// invalidHTML has one of each of a few kinds of invalid HTML, and the uptime strip's
// <ol role="list">, which the configuration allows.
const invalidHTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Canary</title></head>
<body>
<main>
<h1 id="canary">Canary</h1>
<p id="canary">A paragraph cannot hold <div>a division</div>.</p>
<ul><div>not a list item</div></ul>
<input type="nonsense" aria-label="Nonsense">
<ol role="list"><li>fine</li></ol>
</main>
</body>
</html>
`

// checkCanary fails unless the validator found each problem of invalidHTML, and nothing else.
func checkCanary(t *testing.T, r validation) {
	t.Helper()
	var got []string
	for _, m := range r.Messages {
		got = append(got, fmt.Sprintf("%d %s", m.Line, m.RuleID))
	}
	want := []string{
		"7 no-implicit-close",         // <p> closed by the <div> in it
		"7 no-dup-id",                 // id="canary" twice
		"7 close-order",               // the </p> left over
		"8 element-permitted-content", // <div> in <ul>
		"9 attribute-allowed-values",  // type="nonsense"
	}
	if !slices.Equal(got, want) {
		t.Errorf("on the canary page the validator found\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// crawl fetches the overview in every language and every page of the site its links lead to,
// a 404 page in every language and /readyz as HTML.
func crawl(t *testing.T, base string) []servedPage {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	fetch := func(path string, want int) servedPage {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Accept", "text/html")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		if resp.StatusCode != want || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET %s: HTTP %d, %s, want %d and HTML", path, resp.StatusCode, resp.Header.Get("Content-Type"), want)
		}
		return servedPage{path: path, status: resp.StatusCode, body: body}
	}

	var pages []servedPage
	seen := map[string]bool{}
	var queue []string
	for _, lang := range languages {
		queue = append(queue, "/"+lang+"/")
		seen["/"+lang+"/"] = true
	}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		p := fetch(path, http.StatusOK)
		pages = append(pages, p)
		if len(pages) > maxCrawl {
			t.Fatalf("the crawl found more than %d pages: is a link generating new URLs? Last: %s", maxCrawl, path)
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(p.body))
		if err != nil {
			t.Fatalf("parse %s: %v", path, err)
		}
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			if next, ok := sitePage(path, href); ok && !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		})
	}
	for _, lang := range languages {
		pages = append(pages, fetch("/"+lang+"/no-such-page/", http.StatusNotFound))
	}
	return append(pages, fetch("/readyz", http.StatusOK))
}

// sitePage resolves a link of the page at from and reports whether it leads to an HTML page of
// the site in one of its languages (not a feed, a calendar, an asset or the language switch).
func sitePage(from, href string) (string, bool) {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", false
	}
	u = (&url.URL{Path: from}).ResolveReference(u)
	u.Fragment = ""
	if !pagePath.MatchString(u.Path) {
		return "", false
	}
	return u.RequestURI(), true
}

// pagePath matches the paths of the site's pages: below a language, ending in a slash.
var pagePath = regexp.MustCompile(`^/(en|nl|fr|de)/([a-z0-9-]+/)*$`)

// pageKinds are the kinds of page every language must have had checked.
var pageKinds = []struct {
	name string
	re   *regexp.Regexp
}{
	{"overview", regexp.MustCompile(`^/(\w+)/$`)},
	{"incident", regexp.MustCompile(`^/(\w+)/incidents/[^/]+/$`)},
	{"history", regexp.MustCompile(`^/(\w+)/history/$`)},
	{"component", regexp.MustCompile(`^/(\w+)/components/[^/]+/$`)},
	{"404", regexp.MustCompile(`^/(\w+)/no-such-page/$`)},
}

// checkCoverage fails when the crawl missed a kind of page in a language, or /readyz.
func checkCoverage(t *testing.T, pages []servedPage) {
	t.Helper()
	found := map[string]int{}
	for _, p := range pages {
		for _, k := range pageKinds {
			if m := k.re.FindStringSubmatch(p.path); m != nil {
				found[m[1]+" "+k.name]++
			}
		}
		if p.path == "/readyz" {
			found["readyz"]++
		}
	}
	for _, lang := range languages {
		for _, k := range pageKinds {
			if found[lang+" "+k.name] == 0 {
				t.Errorf("the crawl found no %s page in %s", k.name, lang)
			}
		}
	}
	if found["readyz"] == 0 {
		t.Error("/readyz was not checked")
	}
	var summary []string
	for k, n := range found {
		summary = append(summary, fmt.Sprintf("%s: %d", k, n))
	}
	slices.Sort(summary)
	t.Logf("pages checked: %s", strings.Join(summary, ", "))
}

// runValidator runs validate-html.mjs over files.
func runValidator(t *testing.T, node string, files []string) []validation {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), validateTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, append([]string{validateScript}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			t.Fatalf("node %s did not finish within %v\n%s", validateScript, validateTimeout, &stderr)
		}
		t.Fatalf("node %s: %v\n%s", validateScript, err, &stderr)
	}
	var results []validation
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		t.Fatalf("node %s printed no JSON: %v\n%s\n%s", validateScript, err, &stdout, &stderr)
	}
	return results
}

// excerpt is the text around line:col (both from 1) of a page, for a failure message.
func excerpt(lines []string, line, col int) string {
	if line < 1 || line > len(lines) {
		return ""
	}
	s := []rune(lines[line-1])
	i := min(max(col-1, 0), len(s))
	from, to := max(i-60, 0), min(i+100, len(s))
	return strings.TrimSpace(string(s[from:i]) + "▶" + string(s[i:to]))
}
