// Package httpcache holds the rules of HTTP that let an answer be kept and revalidated, each in one
// place: entity tags and conditional requests (RFC 9110, section 13), the 304 that answers them
// (section 15.4.5), the choice of a content coding from Accept-Encoding (section 12.5.3), and the
// compressed forms of a body. The server's response cache and the static build (internal/export)
// use it; it knows nothing of routes, echo or the site.
package httpcache
