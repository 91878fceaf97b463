// Command statuspress publishes a status page from incident Markdown files.
//
//	statuspress serve           serve the status site (see serve -h)
//	statuspress lint            check the content directory and list every problem
//	statuspress new KIND        write a new incident, maintenance or notice file
//	statuspress update SLUG     append an update to an incident's or maintenance's timeline
//	statuspress build --out DIR write the whole site as static files
//	statuspress subscribers     list, export or delete e-mail subscribers
//	statuspress healthcheck     exit 0 when a running server answers (a container's HEALTHCHECK)
//	statuspress version         print the version (also --version)
//
// Run `statuspress help` for the list of commands.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// stdio is where a command reads and writes: the process's own streams, or a test's buffers.
type stdio struct {
	in  io.Reader
	out io.Writer
	err io.Writer
}

// command is one subcommand; the error run returns becomes the exit code (exitCode).
type command struct {
	name    string
	summary string
	run     func(args []string, std stdio) error
}

func commands() []command {
	return []command{
		{"serve", "serve the status site from a content directory", serve},
		{"lint", "check a content directory and list every problem", lint},
		{"new", "write a new incident, maintenance or notice file", newCmd},
		{"update", "append an update to an incident's or maintenance's timeline", updateCmd},
		{"import", "import a status page's history from Statuspage or cState", importCmd},
		{"build", "write the whole site as static files for object storage or a CDN", build},
		{"subscribers", "list, export or delete e-mail subscribers (an operator's data requests)", subscribers},
		{"healthcheck", "exit 0 when a running server answers /healthz, 1 otherwise", healthcheck},
		{"version", "print the version", printVersion},
	}
}

// run runs the command args name and returns the process's exit code. A nil stdin reads as empty.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	std := stdio{in: stdin, out: stdout, err: stderr}
	if len(args) == 0 {
		// Called wrongly, as with an unknown command: the usage goes where errors go.
		usage(stderr)
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		return exitCode(stderr, "version", printVersion(args[1:], std))
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return exitCode(stderr, c.name, c.run(args[1:], std))
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
