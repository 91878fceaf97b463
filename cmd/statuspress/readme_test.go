package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The README's walkthrough, from `### Writing from the command line` to the end of `### Checking
// your work`: its commands are the indented lines that start with this.
const (
	walkthroughFrom = "### Writing from the command line"
	walkthroughTo   = "### Checking your work"
	readmeCommand   = "go run ./cmd/statuspress "
)

// TestREADMEWalkthrough runs the commands of the README's walkthrough, as written there, on a fresh
// copy of the sample content, from a folder that holds it as `incidents/`, as a clone does. Every
// command must succeed, every update must go to an incident the walkthrough wrote (not to one of
// the sample's that happens to have the slug), no sample file may change, and lint must pass.
func TestREADMEWalkthrough(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	cmds, err := walkthrough(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c[0])
	}
	for _, want := range []string{"new", "update", "lint"} {
		if !slices.Contains(names, want) {
			t.Fatalf("the README's walkthrough (%q to the section after %q) has no `%s`; found %q", walkthroughFrom, walkthroughTo, want, cmds)
		}
	}

	t.Setenv("STATUSPRESS_CONTENT", "")
	os.Unsetenv("STATUSPRESS_CONTENT")
	clone := t.TempDir()
	if err := os.CopyFS(filepath.Join(clone, "incidents"), os.DirFS("../../incidents")); err != nil {
		t.Fatal(err)
	}
	sample := snapshot(t, filepath.Join(clone, "incidents"))
	t.Chdir(clone)

	written := map[string]string{} // slug -> the file new wrote
	for _, args := range cmds {
		var out, errOut bytes.Buffer
		code := run(args, nil, &out, &errOut)
		t.Logf("statuspress %s\n%s%s", strings.Join(args, " "), out.String(), errOut.String())
		if code != 0 {
			t.Fatalf("`statuspress %s` exited %d:\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
		switch args[0] {
		case "new":
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			slug, ok := strings.CutPrefix(lines[len(lines)-1], "slug: ")
			if !ok || len(lines) < 2 {
				t.Fatalf("new did not print its path and then its slug:\n%s", out.String())
			}
			written[slug] = lines[0]
		case "update":
			if slug := firstArg(args[1:]); written[slug] == "" {
				t.Errorf("`update %s` changes an incident the walkthrough did not write: new wrote %v", slug, written)
			}
		case "lint":
			if !strings.Contains(out.String(), " 0 errors, 0 warnings") {
				t.Errorf("lint found problems:\n%s", out.String())
			}
		}
	}
	after := snapshot(t, "incidents")
	for _, p := range written {
		rel, _ := filepath.Rel("incidents", p)
		delete(after, rel)
	}
	if diff := cmp.Diff(sample, after); diff != "" {
		t.Errorf("the walkthrough changed the sample content (-before +after):\n%s", diff)
	}
}

// TestWalkthroughParsing: the walkthrough is the README's indented statuspress commands from its
// first section to the end of its second, read as a shell reads them, or refused.
func TestWalkthroughParsing(t *testing.T) {
	readme := "# x\n\n    " + readmeCommand + "serve\n\n" + walkthroughFrom + "\n\n" +
		"    " + readmeCommand + "new incident --title \"REST API errors\" --components a:b \\\n" +
		"        --text 'It is down.'\n\nSome text.\n\n    go test ./...\n\n" +
		walkthroughTo + "\n\n    " + readmeCommand + "lint\n\n### Next\n\n    " + readmeCommand + "build\n"
	got, err := walkthrough(readme)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"new", "incident", "--title", "REST API errors", "--components", "a:b", "--text", "It is down."}, {"lint"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("walkthrough (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		line string
		want []string // nil: refused
	}{
		{`a "b \"c\" \\ d" 'e\f'`, []string{"a", `b "c" \ d`, `e\f`}},
		{"a\\\n  b", []string{"a", "b"}},
		{`a\ b "c"d`, []string{"a b", "cd"}},
		{"x=$(date)", nil},
		{"a | b", nil},
		{"a; b", nil},
		{"a > f", nil},
		{`"$HOME"`, nil},
		{"a `b`", nil},
		{"'open", nil},
		{`"open`, nil},
	} {
		got, err := shellWords(tc.line)
		if tc.want == nil {
			if err == nil {
				t.Errorf("%q: got %q, want an error", tc.line, got)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %q, %v; want %q", tc.line, got, err, tc.want)
		}
	}
}

// walkthrough returns the commands of the README's walkthrough, each as its arguments after
// `go run ./cmd/statuspress`.
func walkthrough(readme string) ([][]string, error) {
	start := strings.Index(readme, "\n"+walkthroughFrom+"\n")
	if start < 0 {
		return nil, fmt.Errorf("README.md has no %q", walkthroughFrom)
	}
	section := readme[start+1:]
	check := strings.Index(section, "\n"+walkthroughTo+"\n")
	if check < 0 {
		return nil, fmt.Errorf("README.md has no %q after %q", walkthroughTo, walkthroughFrom)
	}
	if end := strings.Index(section[check+1:], "\n### "); end >= 0 {
		section = section[:check+1+end]
	}
	var cmds [][]string
	lines := strings.Split(section, "\n")
	for i := 0; i < len(lines); i++ {
		line, ok := strings.CutPrefix(lines[i], "    "+readmeCommand)
		if !ok {
			continue
		}
		for strings.HasSuffix(line, "\\") && i+1 < len(lines) {
			i++
			line += "\n" + lines[i]
		}
		args, err := shellWords(line)
		if err != nil {
			return nil, fmt.Errorf("README.md: %q: %v", line, err)
		}
		cmds = append(cmds, args)
	}
	return cmds, nil
}

// shellWords splits a command line as a POSIX shell does for the little the README uses: words,
// single and double quotes, backslash escapes and line continuations. Anything that would make
// the shell do more (expansions, pipes, redirections) is an error, so the test never runs a
// command other than the one the reader runs.
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '\\':
			if i+1 == len(s) {
				return nil, fmt.Errorf("a backslash ends the line")
			}
			i++
			if s[i] != '\n' {
				w.WriteByte(s[i])
				inWord = true
			}
		case c == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("a single quote is never closed")
			}
			w.WriteString(s[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				switch {
				case s[i] == '$' || s[i] == '`':
					return nil, fmt.Errorf("%q expands in double quotes", s[i])
				case s[i] == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0:
					i++
					if s[i] != '\n' {
						w.WriteByte(s[i])
					}
				default:
					w.WriteByte(s[i])
				}
			}
			if i == len(s) {
				return nil, fmt.Errorf("a double quote is never closed")
			}
			inWord = true
		case strings.IndexByte("$`|&;<>()*?[]{}~#", c) >= 0:
			return nil, fmt.Errorf("%q is shell syntax this test does not run", c)
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// firstArg is the first argument that is not a flag or a flag's value: update's slug. Every flag
// of update takes a value.
func firstArg(args []string) string {
	for i := 0; i < len(args); i++ {
		if strings.HasPrefix(args[i], "-") {
			if !strings.Contains(args[i], "=") {
				i++
			}
			continue
		}
		return args[i]
	}
	return ""
}
