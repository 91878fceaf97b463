// Package deploy holds the tests of how statuspress is deployed; it has no code of its own.
//
// The Dockerfile test reads the repository's Dockerfile and .dockerignore, runs the builder
// stage's go build command exactly as written (environment, flags and all) in a copy of the build
// context that .dockerignore lets through, and checks what the runtime stage takes for granted:
// a static binary, `version` and `healthcheck` that work, a copied binary where HEALTHCHECK and
// ENTRYPOINT look for it, sample content that lints clean, a non-root numeric USER, EXPOSE on the
// port the server listens on, and OCI labels. No Docker engine is needed.
//
// The cache test puts Debian's nginx (apt-get install -y nginx) with the proxy_cache
// configuration from README.md in front of two statuspress replicas and shows what a cache does
// with the server's headers: hits, ETag revalidation answered 304, per-reader language
// negotiation at /, CORS and gzip kept through the cache, stale pages while the replicas are
// down, and new content within max-age. nginx listens on 127.0.0.1 only and is stopped when the
// test ends. Without nginx the test is skipped, except when the environment variable CI is set,
// where it fails. -short leaves out the part that waits for max-age to pass (about 30 s).
package deploy
