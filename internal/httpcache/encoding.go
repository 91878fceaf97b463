package httpcache

import "strings"

// Encoding returns the content coding to send to a client whose Accept-Encoding is accept: one of
// offers, the codings the server has, in its order of preference, or "" for identity (the body
// as it is). As RFC 9110 reads Accept-Encoding (section 12.5.3):
//
//   - a coding is acceptable when it is listed, or when "*" is and it is not, with a weight
//     (q) above 0; the most wanted wins, and the server's preference breaks a tie;
//   - identity is acceptable unless "identity;q=0", or "*;q=0" without identity, refuses it; left
//     unlisted, it comes after every coding that is acceptable;
//   - an empty header asks for identity; "x-gzip" is gzip; names are case-insensitive; a member
//     whose weight is not a qvalue is ignored.
//
// When the client accepts nothing the server has, identity is sent all the same: a 406 would
// help no one.
//
// Up to four offers are looked at (a server has a few codings); any after them are ignored.
func Encoding(accept string, offers ...string) string {
	if len(offers) > maxOffers {
		offers = offers[:maxOffers]
	}
	// One pass over the header: the weight of each offer, of identity and of "*", -1 while
	// unlisted.
	var q [maxOffers]int
	for i := range q {
		q[i] = -1
	}
	identity, star := -1, -1
	for rest := accept; rest != ""; {
		var member string
		member, rest, _ = strings.Cut(rest, ",")
		name, params, _ := strings.Cut(member, ";")
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		w, valid := qvalue(params)
		if !valid {
			continue
		}
		switch {
		case name == "*":
			star = w
		case strings.EqualFold(name, "identity"):
			identity = w
		default:
			for i, o := range offers {
				if strings.EqualFold(name, o) || strings.EqualFold(o, "gzip") && strings.EqualFold(name, "x-gzip") {
					q[i] = w
				}
			}
		}
	}
	best, bestQ := "", 0
	for i, o := range offers {
		w := q[i]
		if w < 0 {
			w = star
		}
		if w > bestQ {
			best, bestQ = o, w
		}
	}
	if identity < 0 {
		identity = star
	}
	if best == "" || identity > bestQ {
		return ""
	}
	return best
}

// maxOffers is how many codings Encoding chooses among.
const maxOffers = 4

// qvalue reads the weight among a member's parameters (";q=0.5"), in thousandths; 1000 when there
// is none. valid is false when it is not a qvalue: "0" or "1", with up to three decimals, and
// none above 1.
func qvalue(params string) (q int, valid bool) {
	q = 1000
	for rest := params; rest != ""; {
		var p string
		p, rest, _ = strings.Cut(rest, ";")
		key, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if !strings.EqualFold(strings.TrimSpace(key), "q") {
			continue
		}
		v = strings.TrimSpace(v)
		if v == "" || v[0] != '0' && v[0] != '1' {
			return 0, false
		}
		q = int(v[0]-'0') * 1000
		if frac := v[1:]; frac != "" {
			if frac[0] != '.' || len(frac) > 4 {
				return 0, false
			}
			scale := 100
			for i := 1; i < len(frac); i++ {
				d := frac[i]
				if d < '0' || d > '9' {
					return 0, false
				}
				q += int(d-'0') * scale
				scale /= 10
			}
		}
		if q > 1000 {
			return 0, false
		}
	}
	return q, true
}
