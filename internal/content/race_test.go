//go:build race

package content

// raceEnabled is set when the tests run under the race detector.
const raceEnabled = true
