package locale_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"statuspress/internal/locale"
	"statuspress/locales"
)

var update = flag.Bool("update", false, "rewrite locales/active.en.toml from the Go messages")

const sourceFile = "../../locales/active.en.toml"

// TestSourceFile keeps locales/active.en.toml equal to the messages defined in Go, so the file
// translators work from never drifts from what the code says. After changing messages.go:
//
//	go test ./internal/locale -run TestSourceFile -update
func TestSourceFile(t *testing.T) {
	want := renderSourceFile(locale.Messages())
	if *update {
		if err := os.WriteFile(sourceFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(sourceFile)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s is stale; run go test ./internal/locale -run TestSourceFile -update (-want +got):\n%s", sourceFile, diff)
	}
}

func renderSourceFile(msgs []*i18n.Message) []byte {
	var b bytes.Buffer
	b.WriteString("# UI strings in English, the source language of statuspress.\n")
	b.WriteString("# Generated from internal/locale/messages.go; do not edit. After changing a message there, run\n")
	b.WriteString("#   go test ./internal/locale -run TestSourceFile -update\n")
	b.WriteString("# and translate the change in active.nl.toml, active.fr.toml and active.de.toml.\n")
	group := ""
	for _, m := range msgs {
		if g, _, _ := strings.Cut(m.ID, "."); g != group {
			group = g
			fmt.Fprintf(&b, "\n# %s\n", g)
		}
		fmt.Fprintf(&b, "\n[%s]\n", m.ID)
		fmt.Fprintf(&b, "description = %s\n", tomlString(m.Description))
		if m.One != "" {
			fmt.Fprintf(&b, "one = %s\n", tomlString(m.One))
		}
		fmt.Fprintf(&b, "other = %s\n", tomlString(m.Other))
	}
	return b.Bytes()
}

// tomlString quotes s as a TOML basic string, spelling out invisible characters.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == '\u00a0' || r == '\u202f':
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestMessagesListed holds Messages() against the *i18n.Message literals in the package's
// source, the ones goi18n extract would find, so a message defined but not listed (and so
// neither generated into the English file nor checked in the translations) fails.
func TestMessagesListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var inSource []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			sel, ok := cl.Type.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Message" {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "i18n" {
				return true
			}
			for _, el := range cl.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok || kv.Key.(*ast.Ident).Name != "ID" {
					continue
				}
				lit, ok := kv.Value.(*ast.BasicLit)
				if !ok {
					t.Errorf("%s: message id is not a string literal", fset.Position(kv.Pos()))
					continue
				}
				id, _ := strconv.Unquote(lit.Value)
				inSource = append(inSource, id)
			}
			return true
		})
	}
	var listed []string
	for _, m := range locale.Messages() {
		listed = append(listed, m.ID)
	}
	slices.Sort(inSource)
	if diff := cmp.Diff(inSource, slices.Sorted(slices.Values(listed))); diff != "" {
		t.Errorf("Messages() against the message literals (-source +listed):\n%s", diff)
	}
}

// reserved are the keys go-i18n reads as a message's own fields; an id part spelled like one
// would make the TOML table around it parse as a single message.
var reserved = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

var idRE = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*$`)

func TestMessageDefinitions(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range locale.Messages() {
		if seen[m.ID] {
			t.Errorf("message %q defined twice", m.ID)
		}
		seen[m.ID] = true
		if !idRE.MatchString(m.ID) {
			t.Errorf("message id %q is not group.lowerCamelCase", m.ID)
		}
		for part := range strings.SplitSeq(m.ID, ".") {
			if slices.Contains(reserved, strings.ToLower(part)) {
				t.Errorf("message id %q uses go-i18n's reserved word %q", m.ID, part)
			}
		}
		if strings.TrimSpace(m.Description) == "" {
			t.Errorf("message %q has no Description", m.ID)
		}
		if m.Other == "" {
			t.Errorf("message %q has no Other text", m.ID)
		}
		if m.Zero != "" || m.Two != "" || m.Few != "" || m.Many != "" {
			t.Errorf("message %q uses a plural form none of our languages has", m.ID)
		}
		if m.One != "" && !strings.Contains(m.One+m.Other, "{{.Count}}") {
			t.Errorf("plural message %q does not show {{.Count}}", m.ID)
		}
	}
}

// translations parses every language's file as go-i18n does, by language and id.
func translations(t *testing.T) map[string]map[string]*i18n.Message {
	t.Helper()
	out := map[string]map[string]*i18n.Message{}
	for _, lang := range locale.Languages {
		name := locale.FileName(lang)
		buf, err := fs.ReadFile(locales.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		mf, err := i18n.ParseMessageFileBytes(buf, name, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[lang] = map[string]*i18n.Message{}
		for _, m := range mf.Messages {
			out[lang][m.ID] = m
		}
	}
	return out
}

// TestCatalog is the translators' test: every message defined in Go is in every language's
// file, with every plural form the language needs, none empty; no file has a message Go does
// not define (a typo, or a leftover of a removed message).
func TestCatalog(t *testing.T) {
	files := translations(t)
	defined := map[string]bool{}
	for _, src := range locale.Messages() {
		defined[src.ID] = true
		for _, lang := range locale.Languages {
			name := locale.FileName(lang)
			m, ok := files[lang][src.ID]
			if !ok {
				t.Errorf("%s: missing %q (English: %q)", name, src.ID, src.Other)
				continue
			}
			if strings.TrimSpace(m.Other) == "" {
				t.Errorf("%s: %q: empty text", name, src.ID)
			}
			if src.One != "" && strings.TrimSpace(m.One) == "" {
				t.Errorf("%s: %q: plural message without a \"one\" form", name, src.ID)
			}
			if src.One == "" && m.One != "" {
				t.Errorf("%s: %q: \"one\" form on a message that is not plural", name, src.ID)
			}
			if m.Zero != "" || m.Two != "" || m.Few != "" || m.Many != "" {
				t.Errorf("%s: %q: plural form %s does not have", name, src.ID, lang)
			}
		}
	}
	for _, lang := range locale.Languages {
		for _, id := range slices.Sorted(maps.Keys(files[lang])) {
			if !defined[id] {
				t.Errorf("%s: %q is not a message defined in Go", locale.FileName(lang), id)
			}
		}
	}

	c, err := locale.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Check(); err != nil {
		t.Errorf("Check:\n%v", err)
	}
}

// TestTemplates renders every form of every message in every language with the fields its
// English source uses; a translation that misspells a field or breaks the template syntax
// fails here rather than showing "<no value>" to a reader.
func TestTemplates(t *testing.T) {
	fieldRE := regexp.MustCompile(`{{\s*\.([A-Za-z0-9_]+)\s*}}`)
	files := translations(t)
	for _, src := range locale.Messages() {
		data := map[string]any{}
		for _, text := range []string{src.One, src.Other} {
			for _, f := range fieldRE.FindAllStringSubmatch(text, -1) {
				data[f[1]] = "«" + f[1] + "»"
			}
		}
		for _, lang := range locale.Languages {
			m := files[lang][src.ID]
			if m == nil {
				continue // TestCatalog reports it
			}
			for form, text := range map[string]string{"one": m.One, "other": m.Other} {
				if text == "" {
					continue
				}
				tmpl, err := template.New(src.ID).Option("missingkey=error").Parse(text)
				if err != nil {
					t.Errorf("%s: %q %s: %v", locale.FileName(lang), src.ID, form, err)
					continue
				}
				var b strings.Builder
				if err := tmpl.Execute(&b, data); err != nil {
					t.Errorf("%s: %q %s: %v", locale.FileName(lang), src.ID, form, err)
				}
			}
		}
	}
}

// sameAsEnglish lists the translations that are rightly spelled as in English. Anything else
// equal to its English source is most likely an untranslated copy.
var sameAsEnglish = map[string][]string{
	"nl": {"chrome.feeds", "label.impact", "label.status", "notify.headline"},
	"fr": {"kind.incident", "kind.maintenance", "heading.maintenance", "label.impact", "duration.minutes"},
	"de": {"chrome.feeds", "label.status", "notify.headline"},
}

func TestTranslated(t *testing.T) {
	files := translations(t)
	for _, lang := range locale.Languages[1:] {
		var same []string
		for _, src := range locale.Messages() {
			m := files[lang][src.ID]
			if m == nil {
				continue // TestCatalog reports it
			}
			if m.Other == src.Other || (src.One != "" && m.One == src.One) {
				same = append(same, src.ID)
			}
		}
		slices.Sort(same)
		allowed := slices.Sorted(slices.Values(sameAsEnglish[lang]))
		if diff := cmp.Diff(allowed, same); diff != "" {
			t.Errorf("%s: messages equal to English (-allowed +got); translate them, or allow one that is rightly the same:\n%s", locale.FileName(lang), diff)
		}
	}
}
