package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// A command returns an error, and exitCode alone turns it into the process's exit code: 0 for
// none (and for -h), 2 for a command called wrongly (exitError), 1 for any other failure.

// exitError is a failure whose exit code is not 1, or one the command has reported already (err
// nil): the flag package printed the mistake and the usage, or lint listed the problems.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

var (
	// errUsage: the command was called wrongly and has said how already.
	errUsage = &exitError{code: 2}
	// errReported: the command failed and its output says why already.
	errReported = &exitError{code: 1}
)

// usageError is a mistake in how the command was called: exit code 2.
func usageError(err error) error { return &exitError{code: 2, err: err} }

// usagef is usageError with a message made as by fmt.Errorf.
func usagef(format string, args ...any) error { return usageError(fmt.Errorf(format, args...)) }

// exitCode writes err on stderr as `statuspress CMD: err`, unless it was reported already, and
// returns the exit code it stands for.
func exitCode(stderr io.Writer, cmd string, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	code := 1
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.err == nil {
			return code
		}
	}
	fmt.Fprintf(stderr, "statuspress %s: %v\n", cmd, err)
	return code
}
