// Command statuspress publishes a status page from incident Markdown files.
//
//	statuspress serve           serve the status site (see serve -h)
//	statuspress lint [DIR]      check the content directory and list every problem
//	statuspress healthcheck     exit 0 when a running server answers (a container's HEALTHCHECK)
//	statuspress version         print the version (also --version)
//
// Run `statuspress help` for the list of commands.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand; run returns the process exit code.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"serve", "serve the status site from a content directory", serve},
		{"lint", "check a content directory and list every problem", lint},
		{"new", "write a new incident, maintenance or notice file", newCmd},
		{"update", "append an update to an incident's or maintenance's timeline", updateCmd},
		{"build", "write the whole site as static files for object storage or a CDN", build},
		{"healthcheck", "exit 0 when a running server answers /healthz, 1 otherwise", healthcheck},
		{"version", "print the version", printVersion},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		return printVersion(args[1:], stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "statuspress: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: statuspress <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run `statuspress <command> -h` for a command's flags.")
}
