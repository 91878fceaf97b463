package export

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"statuspress/internal/locale"
	"statuspress/internal/site"
	"statuspress/static"
)

// redirectStub is the page a static host serves where the server redirects (/ and /lang/{lang}):
// an instant meta refresh to the target and a link to the overview in every language, for a
// reader whose browser does not follow it. No script: the pages' Content-Security-Policy allows
// none inline, and the page works without one.
var redirectStub = template.Must(template.New("stub").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={{.Target}}">
<title>{{.Title}}</title>
<link rel="canonical" href="{{.Canonical}}">
{{range .Languages}}<link rel="alternate" hreflang="{{.Lang}}" href="{{.URL}}">
{{end}}<link rel="alternate" hreflang="x-default" href="{{.XDefault}}">
<link rel="icon" href="{{.Icon}}" type="image/svg+xml">
<link rel="stylesheet" href="{{.Stylesheet}}">
</head>
<body>
<main id="main" class="wrap">
<h1>{{.Title}}</h1>
<ul>
{{range .Languages}}<li><a href="{{.Path}}" hreflang="{{.Lang}}" lang="{{.Lang}}">{{.Name}}</a></li>
{{end}}</ul>
</main>
</body>
</html>
`))

type stubLang struct{ Lang, Name, Path, URL string }

// stub renders the redirect page for a redirect to target, a root-relative page path.
func stub(snap *site.Snapshot, target string) ([]byte, error) {
	if !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") {
		return nil, fmt.Errorf("redirect to %q, which is not a page of the site", target)
	}
	lang := site.LangOf(target)
	if !snap.Enabled(lang) {
		lang = snap.Site.DefaultLanguage
	}
	data := struct {
		Lang, Target, Title, Canonical, XDefault, Icon, Stylesheet string
		Languages                                                  []stubLang
	}{
		Lang:       lang,
		Target:     target,
		Title:      snap.Site.Localize(snap.Site.Title, lang),
		Canonical:  snap.Absolute(target),
		XDefault:   snap.Absolute(site.Translate(target, snap.Site.DefaultLanguage)),
		Icon:       static.Path("icon.svg"),
		Stylesheet: static.Path("style.css"),
	}
	for _, l := range snap.Site.Languages {
		p := site.Translate(target, l)
		data.Languages = append(data.Languages, stubLang{Lang: l, Name: locale.NativeName(l), Path: p, URL: snap.Absolute(p)})
	}
	var buf bytes.Buffer
	if err := redirectStub.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
