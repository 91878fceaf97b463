package feed

import (
	"bytes"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// urlAttrs are the attributes that hold one URL in the HTML our Markdown renderer produces.
var urlAttrs = map[string]bool{"href": true, "src": true, "cite": true, "poster": true}

// AbsoluteURLs resolves every link and image address in a fragment of HTML against base, the
// absolute URL of the page the fragment is shown on: "/incidents/x/a.png" becomes
// "https://status.example/incidents/x/a.png" and "#cause" the page's own anchor. Feed readers
// show items far from that page, and most ignore xml:base (which RSS and JSON Feed lack anyway).
// Tags without such addresses are copied byte for byte; a base that does not parse as an
// absolute URL leaves the fragment unchanged.
func AbsoluteURLs(fragment, base string) string {
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() || !strings.ContainsAny(fragment, "<") {
		return fragment
	}
	var out bytes.Buffer
	z := html.NewTokenizer(strings.NewReader(fragment))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() == io.EOF {
				return out.String()
			}
			// The tokenizer reads from a string, so this is unreachable; keep the original.
			return fragment
		}
		raw := bytes.Clone(z.Raw())
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if a.Namespace != "" || !urlAttrs[a.Key] {
				continue
			}
			ref, err := url.Parse(strings.TrimSpace(a.Val))
			if err != nil || ref.IsAbs() {
				continue
			}
			tok.Attr[i].Val = b.ResolveReference(ref).String()
			changed = true
		}
		if !changed {
			out.Write(raw)
			continue
		}
		out.WriteString(tok.String())
	}
}
