package synthetic

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// env fills {placeholders}; keys and values alternate in kv.
type env struct{ kv []string }

func (e *env) set(k, v string) { e.kv = append(e.kv, k, v) }

func (e *env) get(k string) string {
	for i := 0; i < len(e.kv); i += 2 {
		if e.kv[i] == k {
			return e.kv[i+1]
		}
	}
	panic("gencontent: template uses unknown placeholder {" + k + "}")
}

// expand replaces every {key} in s. Values are not expanded again.
func (e *env) expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			panic("gencontent: unclosed placeholder in " + s)
		}
		b.WriteString(s[:i])
		b.WriteString(e.get(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
}

func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// countWords counts the words of Markdown text: runs of non-space that hold a letter or digit, so
// list markers, `##` and table rules do not count.
func countWords(s string) int {
	n := 0
	inWord, counted := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			inWord, counted = true, false
		}
		if !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			n++
			counted = true
		}
	}
	return n
}

// wrap breaks text into lines of at most width characters (longer when a word is), the first
// starting with first and the rest with rest. It never starts a line with a word that Markdown
// would read as the start of a block (a list marker, heading, quote or table row).
func wrap(text string, width int, first, rest string) string {
	var b strings.Builder
	wrapTo(&b, text, width, first, rest)
	return b.String()
}

func wrapTo(b *strings.Builder, text string, width int, first, rest string) {
	b.WriteString(first)
	n := utf8.RuneCountInString(first)
	empty := true
	for text != "" {
		var w string
		if i := strings.IndexByte(text, ' '); i >= 0 {
			w, text = text[:i], text[i+1:]
		} else {
			w, text = text, ""
		}
		if w == "" {
			continue
		}
		wn := utf8.RuneCountInString(w)
		switch {
		case empty:
			empty = false
		case n+1+wn <= width || blockStart(w):
			b.WriteByte(' ')
			n++
		default:
			b.WriteByte('\n')
			b.WriteString(rest)
			n = utf8.RuneCountInString(rest)
		}
		b.WriteString(w)
		n += wn
	}
	b.WriteByte('\n')
}

func blockStart(w string) bool {
	switch w {
	case "-", "+", "*", "=", "--", "---":
		return true
	}
	if strings.ContainsAny(w[:1], "#>|<=`~") {
		return true
	}
	// An ordered list marker: digits followed by . or ).
	if last := w[len(w)-1]; len(w) > 1 && (last == '.' || last == ')') {
		if _, err := strconv.Atoi(w[:len(w)-1]); err == nil {
			return true
		}
	}
	return false
}

// yamlScalar writes s as a plain YAML scalar when that reads back as the same text, otherwise
// double-quoted.
func yamlScalar(s string) string {
	if plainOK(s) {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// yamlFlowScalar is yamlScalar for a value inside a flow mapping ({a: b, c: d}).
func yamlFlowScalar(s string) string {
	if strings.ContainsAny(s, ",[]{}") {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return yamlScalar(s)
}

func plainOK(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s, "\n\t\u00a0") {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return false
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return false
	}
	return true
}

var fold = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "å", "a", "ä", "ae", "æ", "ae",
	"ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i",
	"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "oe", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "ue", "ß", "ss", "ÿ", "y",
)

// slugify makes a slug of at most maxWords words of s: lower-case ASCII letters and digits
// joined by single hyphens.
func slugify(s string, maxWords int) string {
	s = fold.Replace(strings.ToLower(s))
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 && len(words) < maxWords {
			words = append(words, w.String())
		}
		w.Reset()
	}
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			w.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	if len(words) == 0 {
		return "item"
	}
	return strings.Join(words, "-")
}

// joinList joins items as a sentence lists them: "a", "a and b", "a, b and c".
func joinList(items []string, l int) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	for _, it := range items {
		if strings.Contains(it, " "+and[l]+" ") {
			return strings.Join(items, ", ") // "Reports and exports and Mobile app" would read wrongly
		}
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and[l] + " " + items[len(items)-1]
}

// Dates, times and numbers as each language writes them, in the language's time zone.

func clock(t time.Time, l int) string {
	if l == fr {
		return fmt.Sprintf("%d\u00a0h\u00a0%02d", t.Hour(), t.Minute())
	}
	return t.Format("15:04")
}

func dayMonth(t time.Time, l int) string {
	d, m := t.Day(), months[l][t.Month()-1]
	switch l {
	case de:
		return fmt.Sprintf("%d.\u00a0%s", d, m)
	case fr:
		if d == 1 {
			return "1er\u00a0" + m
		}
	}
	return fmt.Sprintf("%d\u00a0%s", d, m)
}

// longDate is a date such as 14 March 2025, 14 maart 2025, 14 mars 2025, 14. März 2025.
func longDate(t time.Time, l int) string {
	t = t.In(locs[l])
	return fmt.Sprintf("%s %d", dayMonth(t, l), t.Year())
}

// dayDate adds the weekday: Saturday 5 December 2026, Samstag, 5. Dezember 2026.
func dayDate(t time.Time, l int) string {
	t = t.In(locs[l])
	wd := weekdays[l][t.Weekday()]
	if l == de {
		return wd + ", " + longDate(t, l)
	}
	return wd + " " + longDate(t, l)
}

// timeOf is a time of day with the zone as the language says it, and the day when it is not
// ref's: 04:41 UTC on 29 March, 29 maart 04:41 uur, 4 h 41 le 29 mars, 29. März, 04:41 Uhr.
func timeOf(t, ref time.Time, l int) string {
	lt := t.In(locs[l])
	c := clock(lt, l)
	if sameDay(lt, ref.In(locs[l])) {
		return c + [4]string{" UTC", " uur", "", " Uhr"}[l]
	}
	day := dayMonth(lt, l)
	switch l {
	case nl:
		return day + " " + c + " uur"
	case fr:
		return c + " le " + day
	case de:
		return day + ", " + c + " Uhr"
	}
	return c + " UTC on " + day
}

// clockOf is a timeline's time: the clock, with the day in front when it is not ref's.
func clockOf(t, ref time.Time, l int) string {
	lt := t.In(locs[l])
	if !sameDay(lt, ref.In(locs[l])) {
		return dayMonth(lt, l) + " " + clock(lt, l)
	}
	return clock(lt, l)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func window(start, end time.Time, l int) string {
	t0, t1 := timeOf(start, start, l), timeOf(end, start, l)
	switch l {
	case nl:
		return fmt.Sprintf("op %s van %s tot %s", dayDate(start, l), t0, t1)
	case fr:
		return fmt.Sprintf("le %s de %s à %s", dayDate(start, l), t0, t1)
	case de:
		return fmt.Sprintf("am %s von %s bis %s", dayDate(start, l), t0, t1)
	}
	return fmt.Sprintf("on %s from %s to %s", dayDate(start, l), t0, t1)
}

func tzAbbr(t time.Time, l int) string {
	name, _ := t.In(locs[l]).Zone()
	if l == de {
		switch name {
		case "CET":
			return "MEZ"
		case "CEST":
			return "MESZ"
		}
	}
	return name
}

var units = [4][2][2]string{ // [lang][hour, minute][one, many]
	{{"hour", "hours"}, {"minute", "minutes"}},
	{{"uur", "uur"}, {"minuut", "minuten"}},
	{{"heure", "heures"}, {"minute", "minutes"}},
	{{"Stunde", "Stunden"}, {"Minute", "Minuten"}},
}

func duration(d time.Duration, l int) string {
	m := int(d.Round(time.Minute).Minutes())
	h, m := m/60, m%60
	unit := func(n, u int) string {
		if n == 1 {
			return "1 " + units[l][u][0]
		}
		return fmt.Sprintf("%d %s", n, units[l][u][1])
	}
	switch {
	case h == 0:
		return unit(m, 1)
	case m == 0:
		return unit(h, 0)
	}
	return unit(h, 0) + " " + and[l] + " " + unit(m, 1)
}

func number(n, l int) string {
	s := strconv.Itoa(n)
	sep := [4]string{",", ".", "\u00a0", "."}[l]
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

func percent(n, l int) string {
	if l == fr || l == de {
		return fmt.Sprintf("%d\u00a0%%", n)
	}
	return fmt.Sprintf("%d%%", n)
}

// siteYAML is the site description: four languages, their time zones, and the components in
// their groups.
func siteYAML() string {
	var b strings.Builder
	b.WriteString("# Brightwave's status page: synthetic content written by cmd/devtools/gencontent.\n")
	b.WriteString("# Brightwave is a fictional invoicing and payments service; every name and address is made up.\n\n")
	b.WriteString("title:\n")
	titles := T{"Brightwave Status", "Brightwave-status", "État des services Brightwave", "Brightwave-Status"}
	for l := range 4 {
		b.WriteString("  " + langCodes[l] + ": " + yamlScalar(titles[l]) + "\n")
	}
	b.WriteString("base_url: " + baseURL + "\n")
	b.WriteString("default_language: en\n")
	b.WriteString("languages: [" + strings.Join(langCodes[:], ", ") + "]\n")
	b.WriteString("timezones:\n")
	for l := range 4 {
		b.WriteString("  " + langCodes[l] + ": " + zoneNames[l] + "\n")
	}
	b.WriteString("support:\n  email: " + support + "\n  url: " + helpURL + "\n\n")
	b.WriteString("groups:\n")
	for _, g := range groups {
		b.WriteString("  - id: " + g.id + "\n    name: {")
		for l := range 4 {
			if l > 0 {
				b.WriteString(", ")
			}
			b.WriteString(langCodes[l] + ": " + yamlFlowScalar(g.name[l]))
		}
		b.WriteString("}\n")
	}
	b.WriteString("\ncomponents:\n")
	for i, c := range components {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("  - id: " + c.id + "\n    name:\n")
		for l := range 4 {
			b.WriteString("      " + langCodes[l] + ": " + yamlScalar(c.name[l]) + "\n")
		}
		b.WriteString("    description:\n")
		for l := range 4 {
			b.WriteString("      " + langCodes[l] + ": " + yamlScalar(c.desc[l]) + "\n")
		}
		fmt.Fprintf(&b, "    group: %s\n    position: %d\n", c.group, i+1)
		if c.hidden {
			b.WriteString("    hidden_unless_degraded: true\n")
		}
		if c.noUptime {
			b.WriteString("    uptime: false\n")
		}
	}
	return b.String()
}
