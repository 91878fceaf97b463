package mail

import (
	"bytes"
	htmltemplate "html/template"
	"io"
	"net/url"
	"strings"
	texttemplate "text/template"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML of both mails is one narrow column with inline styles, system fonts, no images and
// no scripts: what every mail client shows the same way. html/template escapes every value but
// the message's HTML, which the Markdown renderer sanitised (see mailHTML).

const notificationTextSrc = `{{.Headline}}
{{.Updated}}
{{- with .Text}}

{{.}}
{{- end}}
{{- if .Message.Components}}

{{.Message.ComponentsLabel}}
{{- range .Message.Components}}
- {{.Name}}: {{.Status}}
{{- end}}
{{- end}}
{{- if .Message.Link}}

{{.Message.LinkLabel}}
{{.Message.Link}}
{{- end}}
`

// The footer is the part that differs per subscriber, written apart from the rest.
const footerTextSrc = `
-- 
{{.Footer.Reason}}

{{.Footer.Manage}}
{{.Links.Manage}}

{{.Footer.Unsubscribe}}
{{.Links.Unsubscribe}}
`

const pageStart = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Headline}}</title>
</head>
<body style="margin:0;padding:0;background-color:#ffffff;">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;">
`

const pageEnd = `</div>
</body>
</html>
`

const notificationHTMLSrc = pageStart + `<p style="margin:0 0 4px 0;font-size:14px;color:#57606a;">{{.Message.Site}}</p>
<h1 style="margin:0 0 4px 0;font-size:22px;line-height:1.3;">{{.Headline}}</h1>
<p style="margin:0 0 16px 0;font-size:14px;color:#57606a;">{{.Updated}}</p>
<div>
{{.Body}}
</div>
{{- if .Message.Components}}
<h2 style="margin:24px 0 8px 0;font-size:16px;">{{.Message.ComponentsLabel}}</h2>
<ul style="margin:0;padding-left:20px;">
{{- range .Message.Components}}
<li>{{.Name}}: {{.Status}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Message.Link}}
<p style="margin:24px 0;"><a href="{{.Message.Link}}" style="display:inline-block;padding:10px 16px;background-color:#0a58ca;color:#ffffff;text-decoration:none;border-radius:4px;">{{.Message.LinkLabel}}</a></p>
{{- end}}
`

const footerHTMLSrc = `<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0 12px 0;">
<p style="margin:0;font-size:13px;color:#57606a;">{{.Footer.Reason}}</p>
<p style="margin:8px 0 0 0;font-size:13px;"><a href="{{.Links.Manage}}" style="color:#0a58ca;">{{.Footer.Manage}}</a> · <a href="{{.Links.Unsubscribe}}" style="color:#0a58ca;">{{.Footer.Unsubscribe}}</a></p>
` + pageEnd

const confirmationTextSrc = `{{.Asked}}

{{.Action}}
{{.URL}}

{{.Valid}}

{{.Ignore}}
`

const confirmationHTMLSrc = pageStart + `<p style="margin:0 0 4px 0;font-size:14px;color:#57606a;">{{.Site}}</p>
<h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;">{{.Headline}}</h1>
<p style="margin:0 0 16px 0;">{{.Asked}}</p>
<p style="margin:24px 0;"><a href="{{.URL}}" style="display:inline-block;padding:10px 16px;background-color:#0a58ca;color:#ffffff;text-decoration:none;border-radius:4px;">{{.Action}}</a></p>
<p style="margin:0 0 16px 0;font-size:14px;color:#57606a;">{{.Valid}}</p>
<p style="margin:0;font-size:14px;color:#57606a;">{{.Ignore}}</p>
` + pageEnd

var (
	notificationText = texttemplate.Must(texttemplate.New("notification.txt").Parse(notificationTextSrc))
	notificationHTML = htmltemplate.Must(htmltemplate.New("notification.html").Parse(notificationHTMLSrc))
	footerText       = texttemplate.Must(texttemplate.New("footer.txt").Parse(footerTextSrc))
	footerHTML       = htmltemplate.Must(htmltemplate.New("footer.html").Parse(footerHTMLSrc))
	confirmationText = texttemplate.Must(texttemplate.New("confirmation.txt").Parse(confirmationTextSrc))
	confirmationHTML = htmltemplate.Must(htmltemplate.New("confirmation.html").Parse(confirmationHTMLSrc))
)

// render executes a template of this package. The templates are fixed and their data are
// plain strings, so an error is a bug here, not bad input: it panics, and the tests run
// every template.
func render(t interface {
	Execute(io.Writer, any) error
}, data any) string {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		panic("mail: " + err.Error())
	}
	return b.String()
}

// mailHTML readies a message's sanitised HTML for a mail client: links are made absolute
// against base (the incident's page), and pictures give way to their alternative text, since a
// mail loads no images from elsewhere and an incident's pictures are relative to its page.
func mailHTML(src, base string) string {
	if !strings.Contains(src, "<a") && !strings.Contains(src, "<img") {
		return src
	}
	baseURL, err := url.Parse(base)
	if err != nil || !baseURL.IsAbs() {
		baseURL = nil
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(src), ctx)
	if err != nil {
		return htmltemplate.HTMLEscapeString(src)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && c.DataAtom == atom.Img {
				alt := attr(c, "alt")
				if alt != "" {
					n.InsertBefore(&html.Node{Type: html.TextNode, Data: "[" + alt + "]"}, c)
				}
				n.RemoveChild(c)
				c = next
				continue
			}
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				absolutize(c, baseURL)
			}
			walk(c)
			c = next
		}
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	walk(root)
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return htmltemplate.HTMLEscapeString(src)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// absolutize resolves an anchor's href against base; a link that cannot be made an absolute
// http(s) or mailto link loses its href and stays as text.
func absolutize(a *html.Node, base *url.URL) {
	for i, at := range a.Attr {
		if at.Key != "href" {
			continue
		}
		ref, err := url.Parse(strings.TrimSpace(at.Val))
		if err == nil && base != nil {
			ref = base.ResolveReference(ref)
		}
		if err != nil || !(ref.Scheme == "https" || ref.Scheme == "http" || ref.Scheme == "mailto") {
			a.Attr = append(a.Attr[:i], a.Attr[i+1:]...)
			return
		}
		a.Attr[i].Val = ref.String()
		return
	}
}
