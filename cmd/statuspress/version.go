package main

import (
	"errors"
	"flag"
	"fmt"
	"runtime/debug"
)

// version is the release this binary was built as, set when it is built:
//
//	go build -ldflags "-X main.version=1.4.0" ./cmd/statuspress
var version = "dev"

// printVersion prints the version: `statuspress version` and `statuspress --version`.
func printVersion(args []string, std stdio) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(std.err)
	fs.Usage = func() { fmt.Fprintln(std.err, "Usage: statuspress version") }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	fmt.Fprintln(std.out, "statuspress "+versionString())
	return nil
}

// versionString is the version, and for a development build the commit it was built from when
// the go command recorded one ("dev (3f2a9c1d0b7e, modified)").
func versionString() string {
	if version != "dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev == "" {
		return version
	}
	return fmt.Sprintf("%s (%.12s%s)", version, rev, modified)
}
