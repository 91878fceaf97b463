package deploy

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// This file reads a Dockerfile and a .dockerignore the way Docker does, as far as the tests need:
// instructions with their line continuations, stages, variables, shell words and exec-form
// arrays, and .dockerignore's patterns with exceptions.

// instruction is one Dockerfile instruction: RUN, COPY, ...
type instruction struct {
	line int    // where it starts
	cmd  string // upper case
	args string // the rest, continuation lines joined
}

// stage is one FROM ... [AS name] and the instructions after it.
type stage struct {
	base, name string
	ins        []instruction
}

// all returns the stage's instructions of one kind.
func (s *stage) all(cmd string) []instruction {
	var out []instruction
	for _, in := range s.ins {
		if in.cmd == cmd {
			out = append(out, in)
		}
	}
	return out
}

// dockerfile is a parsed Dockerfile.
type dockerfile struct {
	globalArgs map[string]string // ARGs before the first FROM
	stages     []*stage
}

func parseDockerfile(text string) (*dockerfile, error) {
	df := &dockerfile{globalArgs: map[string]string{}}
	var ins []instruction
	sc := bufio.NewScanner(strings.NewReader(text))
	n, start := 0, 0
	var cur strings.Builder
	for sc.Scan() {
		n++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue // blank lines and comments, also inside a continued instruction
		}
		if cur.Len() == 0 {
			start = n
		}
		if strings.HasSuffix(line, `\`) {
			cur.WriteString(strings.TrimSuffix(line, `\`))
			continue
		}
		cur.WriteString(line)
		cmd, args, _ := strings.Cut(strings.TrimSpace(cur.String()), " ")
		ins = append(ins, instruction{line: start, cmd: strings.ToUpper(cmd), args: strings.TrimSpace(args)})
		cur.Reset()
	}
	if cur.Len() > 0 {
		return nil, fmt.Errorf("line %d: the last instruction ends in a line continuation", start)
	}
	for _, in := range ins {
		if in.cmd == "FROM" {
			f := strings.Fields(in.args)
			for len(f) > 0 && strings.HasPrefix(f[0], "--") {
				f = f[1:] // --platform=...
			}
			st := &stage{}
			switch {
			case len(f) == 1:
			case len(f) == 3 && strings.EqualFold(f[1], "AS"):
				st.name = f[2]
			default:
				return nil, fmt.Errorf("line %d: cannot read FROM %s", in.line, in.args)
			}
			st.base = expand(f[0], df.globalArgs)
			df.stages = append(df.stages, st)
			continue
		}
		if len(df.stages) == 0 {
			if in.cmd != "ARG" {
				return nil, fmt.Errorf("line %d: %s before the first FROM", in.line, in.cmd)
			}
			for _, kv := range words(in.args, nil) {
				k, v, _ := strings.Cut(kv, "=")
				df.globalArgs[k] = v
			}
			continue
		}
		st := df.stages[len(df.stages)-1]
		st.ins = append(st.ins, in)
	}
	if len(df.stages) == 0 {
		return nil, fmt.Errorf("no FROM")
	}
	return df, nil
}

// stage returns the stage called name.
func (df *dockerfile) stage(name string) *stage {
	for _, s := range df.stages {
		if s.name == name {
			return s
		}
	}
	return nil
}

// final is the last stage: the image that is built.
func (df *dockerfile) final() *stage { return df.stages[len(df.stages)-1] }

// vars is the environment of an instruction at index i of stage s: its ENVs, and its ARGs with
// their defaults or the value from buildArgs (docker build --build-arg).
func (s *stage) vars(i int, buildArgs map[string]string) map[string]string {
	env := map[string]string{}
	for _, in := range s.ins[:i] {
		switch in.cmd {
		case "ARG":
			for _, kv := range words(in.args, env) {
				k, v, _ := strings.Cut(kv, "=")
				if b, ok := buildArgs[k]; ok {
					v = b
				}
				env[k] = v
			}
		case "ENV":
			for k, v := range keyValues(in.args, env) {
				env[k] = v
			}
		}
	}
	return env
}

// keyValues reads the key=value pairs of ENV and LABEL (and the old `ENV key value`).
func keyValues(args string, env map[string]string) map[string]string {
	out := map[string]string{}
	ws := words(args, env)
	if len(ws) >= 2 && !strings.Contains(ws[0], "=") {
		out[ws[0]] = strings.Join(ws[1:], " ")
		return out
	}
	for _, w := range ws {
		k, v, _ := strings.Cut(w, "=")
		out[k] = v
	}
	return out
}

var varRE = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)`)

// expand replaces $VAR and ${VAR} with their values in env; unknown variables are empty.
func expand(s string, env map[string]string) string {
	return varRE.ReplaceAllStringFunc(s, func(m string) string {
		name := strings.Trim(m, "${}")
		return env[name]
	})
}

// words splits a shell-form command line into words as sh would: quotes, backslashes and
// variables (from env; nil leaves them as written). The operators &&, || and ; are words of
// their own.
func words(s string, env map[string]string) []string {
	var out []string
	var w strings.Builder
	inWord := false
	flush := func() {
		if inWord {
			out = append(out, w.String())
		}
		w.Reset()
		inWord = false
	}
	sub := func(text string) string {
		if env == nil {
			return text
		}
		return expand(text, env)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			flush()
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				j = len(s) - i - 1
			}
			w.WriteString(s[i+1 : i+1+j])
			inWord, i = true, i+1+j
		case c == '"':
			j := i + 1
			var q strings.Builder
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) && strings.IndexByte(`"\$`+"`", s[j+1]) >= 0 {
					j++
				}
				q.WriteByte(s[j])
			}
			w.WriteString(sub(q.String()))
			inWord, i = true, j
		case c == '\\' && i+1 < len(s):
			w.WriteByte(s[i+1])
			inWord, i = true, i+1
		case c == ';':
			flush()
			out = append(out, ";")
		case (c == '&' || c == '|') && i+1 < len(s) && s[i+1] == c:
			flush()
			out = append(out, string([]byte{c, c}))
			i++
		case c == '$':
			m := varRE.FindString(s[i:])
			if m == "" {
				w.WriteByte(c)
			} else {
				w.WriteString(sub(m))
				i += len(m) - 1
			}
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	flush()
	return out
}

// execForm reads a JSON array form (["/statuspress", "healthcheck"]).
func execForm(s string) ([]string, bool) {
	var out []string
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &out); err != nil {
		return nil, false
	}
	return out, true
}

// copyInstr is a COPY: its --from (empty for the build context), sources and destination.
type copyInstr struct {
	from  string
	chown string
	srcs  []string
	dst   string
}

func parseCopy(args string, env map[string]string) (copyInstr, error) {
	var c copyInstr
	f := words(args, env)
	for len(f) > 0 && strings.HasPrefix(f[0], "--") {
		if v, ok := strings.CutPrefix(f[0], "--from="); ok {
			c.from = v
		}
		if v, ok := strings.CutPrefix(f[0], "--chown="); ok {
			c.chown = v
		}
		f = f[1:]
	}
	if len(f) == 1 && strings.HasPrefix(f[0], "[") {
		f, _ = execForm(f[0])
	}
	if len(f) < 2 {
		return c, fmt.Errorf("COPY %s: need a source and a destination", args)
	}
	c.srcs, c.dst = f[:len(f)-1], f[len(f)-1]
	return c, nil
}

// dockerignore is a .dockerignore: patterns in order, a later one overriding an earlier one, with
// ! for exceptions, as github.com/moby/patternmatcher applies them.
type dockerignore struct {
	patterns []ignorePattern
}

type ignorePattern struct {
	text      string
	exclusion bool // a "!" pattern: include again
	re        *regexp.Regexp
}

func parseDockerignore(text string) (*dockerignore, error) {
	di := &dockerignore{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := ignorePattern{}
		if rest, ok := strings.CutPrefix(line, "!"); ok {
			p.exclusion, line = true, strings.TrimSpace(rest)
		}
		line = strings.TrimPrefix(path.Clean("/"+line), "/")
		if line == "" {
			continue
		}
		re, err := patternRegexp(line)
		if err != nil {
			return nil, fmt.Errorf(".dockerignore %q: %v", line, err)
		}
		p.text, p.re = line, re
		di.patterns = append(di.patterns, p)
	}
	return di, nil
}

// patternRegexp translates a pattern: * and ? within a path element, ** across elements.
func patternRegexp(p string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '*':
			if i+1 < len(p) && p[i+1] == '*' {
				i++
				if i+1 < len(p) && p[i+1] == '/' {
					i++
					b.WriteString("(.*/)?") // "**/" is zero or more directories
				} else {
					b.WriteString(".*")
				}
			} else {
				b.WriteString("[^/]*")
			}
		case '?':
			b.WriteString("[^/]")
		case '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("unclosed [")
			}
			b.WriteString(p[i : i+j+1])
			i += j
		case '\\':
			if i+1 < len(p) {
				i++
				b.WriteString(regexp.QuoteMeta(string(p[i])))
			}
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// excluded reports whether the context path name (slash-separated, relative) is left out of the
// build context: the last pattern that matches it or one of its parent directories decides.
func (di *dockerignore) excluded(name string) bool {
	name = path.Clean(name)
	var parents []string
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		parents = append([]string{d}, parents...)
	}
	matched := false
	for _, p := range di.patterns {
		if p.exclusion != matched {
			continue
		}
		match := p.re.MatchString(name)
		for _, d := range parents {
			if match {
				break
			}
			match = p.re.MatchString(d)
		}
		if match {
			matched = !p.exclusion
		}
	}
	return matched
}

// mayInclude reports whether an exception could bring back something inside the excluded
// directory dir, so that it must be walked.
func (di *dockerignore) mayInclude(dir string) bool {
	for _, p := range di.patterns {
		if p.exclusion && (strings.HasPrefix(p.text, dir+"/") || strings.ContainsAny(p.text, "*?[")) {
			return true
		}
	}
	return false
}

// copyContext copies what .dockerignore lets into the build context from root to dst, and
// returns the paths it copied.
func copyContext(root, dst string, di *dockerignore) ([]string, error) {
	var copied []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if di.excluded(rel) {
			if d.IsDir() && !di.mayInclude(rel) {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, filepath.FromSlash(rel))
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			copied = append(copied, rel)
			return os.WriteFile(target, data, 0o644)
		}
		return nil
	})
	return copied, err
}

func TestWords(t *testing.T) {
	env := map[string]string{"VERSION": "1.2.3"}
	got := words(`CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/x ./cmd/x && echo 'a $b' \"q\" $VERSION`, env)
	want := []string{"CGO_ENABLED=0", "go", "build", "-trimpath", "-ldflags", "-s -w -X main.version=1.2.3",
		"-o", "/out/x", "./cmd/x", "&&", "echo", "a $b", `"q"`, "1.2.3"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("words:\n got %q\nwant %q", got, want)
	}
}

func TestDockerignoreMatching(t *testing.T) {
	di, err := parseDockerignore("*\n!cmd/\n!internal\n**/testdata\n**/*_test.go\n!internal/keep/testdata\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		".git":                           true,
		".git/config":                    true,
		"README.md":                      true,
		"cmd":                            false,
		"cmd/statuspress/main.go":        false,
		"cmd/statuspress/main_test.go":   true,
		"internal/content/testdata/x.md": true,
		"internal/keep/testdata/x.md":    false,
		"web/page.go":                    true,
	} {
		if got := di.excluded(name); got != want {
			t.Errorf("excluded(%q) = %v, want %v", name, got, want)
		}
	}
}
