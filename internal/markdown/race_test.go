//go:build race

package markdown

// raceEnabled is set when the tests run under the race detector.
const raceEnabled = true
