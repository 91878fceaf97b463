//go:build !linux

package zonetest

import "testing"

// Main does nothing where the host's zones cannot be hidden.
func Main() {}

// Run skips the test: hiding the host's zones takes Linux namespaces.
func Run(t *testing.T, path string, args ...string) (output string, code int) {
	t.Helper()
	t.Skip("hiding the host's time zones takes Linux user and mount namespaces")
	return "", 0
}
