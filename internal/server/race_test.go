//go:build race

package server_test

// raceEnabled is set when the tests run under the race detector, which makes loading the
// 10,000-item corpus some ten times slower.
const raceEnabled = true
