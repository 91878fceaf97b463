package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"testing"
)

// TestExitCode: one table of what each kind of failure exits with and prints.
func TestExitCode(t *testing.T) {
	for _, tc := range []struct {
		name   string
		err    error
		code   int
		stderr string
	}{
		{"success", nil, 0, ""},
		{"help", flag.ErrHelp, 0, ""},
		{"help, wrapped", usageError(flag.ErrHelp), 0, ""},
		{"failure", errors.New("disk full"), 1, "statuspress cmd: disk full\n"},
		{"failure, wrapped", fmt.Errorf("write: %w", errors.New("disk full")), 1, "statuspress cmd: write: disk full\n"},
		{"usage", usagef("--title is required"), 2, "statuspress cmd: --title is required\n"},
		{"usage, reported", errUsage, 2, ""},
		{"failure, reported", errReported, 1, ""},
		{"usage, wrapped", fmt.Errorf("parse: %w", usagef("bad flag")), 2, "statuspress cmd: parse: bad flag\n"},
	} {
		var stderr bytes.Buffer
		if code := exitCode(&stderr, "cmd", tc.err); code != tc.code || stderr.String() != tc.stderr {
			t.Errorf("%s: exit %d, stderr %q; want %d, %q", tc.name, code, stderr.String(), tc.code, tc.stderr)
		}
	}
}
