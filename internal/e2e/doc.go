// Package e2e holds statuspress's end-to-end browser tests. They build the real binary, serve the
// sample content in incidents/ with a fixed clock, and load every kind of page in Debian's
// Chromium (driven with go-rod) in all languages, at a desktop and a phone viewport: no console
// errors or failed requests, no horizontal scrolling, no serious or critical axe-core
// (WCAG 2.1 A and AA) violations, and a full-page screenshot of each in testoutput/e2e/.
// Tools of the npm world that share no code with ours read what the server makes: every HTML
// page goes through the validator html-validate, every feed through the parser feedsmith.
//
// They need /usr/bin/chromium (apt-get install -y chromium), Node.js, and axe-core,
// html-validate and feedsmith from npm (npm ci --prefix internal/e2e). Without them the tests
// are skipped, except when the environment variable CI is set, where they fail. -short skips
// them too.
package e2e
