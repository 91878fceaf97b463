package authoring

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"statuspress/internal/content"
)

// MaxSlugLen bounds the slugs Slug makes; they become URLs and file names.
const MaxSlugLen = 60

// slugPattern is the loader's rule for slugs.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s may name an incident file.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) && s != "index" }

// folds spells letters that have no decomposition into base letter and accent.
var folds = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ł': "l", 'Ł': "l",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŀ': "l", 'Ŀ': "l", 'ĳ': "ij", 'Ĳ': "ij",
}

// germanFolds are the spellings German writes when umlauts are unavailable.
var germanFolds = map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'Ä': "ae", 'Ö': "oe", 'Ü': "ue"}

// Slug makes a slug from a title written in lang: lower-case ASCII letters and digits joined by
// single hyphens. Accents are folded (é → e, and in German ü → ue), apostrophes dropped so
// contractions stay one word, and a long title is cut at a word boundary. It returns "" when the
// title has no letter or digit it can spell in ASCII.
func Slug(title, lang string) string {
	var b strings.Builder
	dash := false
	emit := func(s string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(s)
	}
	for _, r := range norm.NFC.String(title) {
		if lang == "de" {
			if s, ok := germanFolds[r]; ok {
				emit(s)
				continue
			}
		}
		if s, ok := folds[r]; ok {
			emit(s)
			continue
		}
		switch r {
		case '\'', '’', 'ʼ', '‘':
			continue
		}
		// Decompose é into e and a combining accent, and keep the base letter.
		base := []rune(norm.NFD.String(string(r)))[0]
		base = unicode.ToLower(base)
		if base >= 'a' && base <= 'z' || base >= '0' && base <= '9' {
			emit(string(base))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > MaxSlugLen {
		s = s[:MaxSlugLen+1]
		if i := strings.LastIndexByte(s, '-'); i > 0 {
			s = s[:i]
		} else {
			s = s[:MaxSlugLen]
		}
	}
	return s
}

// Unique returns base, or base-2, base-3 ... whichever is not taken first.
func Unique(base string, taken func(string) bool) string {
	if !taken(base) && base != "index" {
		return base
	}
	for i := 2; ; i++ {
		if s := fmt.Sprintf("%s-%d", base, i); !taken(s) {
			return s
		}
	}
}

// Slugs returns every slug in use in the content directory fsys, each with a file that uses it:
// the loaded incidents, and every other Markdown file or bundle folder (files with errors, files
// in folders the site does not read such as _drafts), since publishing any of them later must not
// clash.
func Slugs(fsys fs.FS, cat *content.Catalog) (map[string]string, error) {
	out := map[string]string{}
	for _, in := range cat.Incidents {
		out[in.Slug] = in.Source
	}
	err := WalkFiles(fsys, func(p string, d fs.DirEntry) error {
		name := d.Name()
		if !strings.HasSuffix(name, ".md") {
			return nil
		}
		slug, _, _ := strings.Cut(strings.TrimSuffix(name, ".md"), ".")
		if slug == "index" {
			slug = path.Base(path.Dir(p))
		}
		if _, ok := out[slug]; !ok {
			out[slug] = p
		}
		return nil
	})
	return out, err
}

// WalkFiles calls fn with every file of fsys that is not hidden: names starting with a dot, and
// everything in folders so named, are left out, as the site leaves them out (editors' and the
// import's temporary files, .git).
func WalkFiles(fsys fs.FS, fn func(p string, d fs.DirEntry) error) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		return fn(p, d)
	})
}
