//go:build linux

// Package zonetest runs a program where it cannot see the host's time zone database, so that a
// test shows the program gives the same times on any host: with the zones it embeds
// (time/tzdata), not the ones the machine happens to have.
//
// Go looks for zones in $ZONEINFO, then in the system's folders (/usr/share/zoneinfo and others),
// then in what the binary embeds, then in $GOROOT/lib/time. ZONEINFO and GOROOT can name an empty
// folder, but the system's folders are fixed: the program runs in a new Linux user and mount
// namespace with an empty file system mounted over each of them. The test binary does the
// mounting (see Main) and then becomes the program.
package zonetest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// Environment variables that tell a test binary started by Run to hide the zones and become
// the program.
const (
	stageVar   = "STATUSPRESS_ZONETEST"
	programVar = "STATUSPRESS_ZONETEST_PROGRAM"
)

// systemZones are the folders Go's time package reads zones from on Linux (platformZoneSources).
var systemZones = []string{"/usr/share/zoneinfo", "/usr/share/lib/zoneinfo", "/usr/lib/locale/TZ", "/etc/zoneinfo"}

// hideFailed is the exit code of a test binary that could not hide the zones.
const hideFailed = 111

// Main must be called first in TestMain of a package that uses Run. In a process Run started, it
// hides the host's zones and replaces the process with the program; otherwise it does nothing.
func Main() {
	if os.Getenv(stageVar) != "hide" {
		return
	}
	program := os.Getenv(programVar)
	env := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, stageVar+"=") || strings.HasPrefix(kv, programVar+"=")
	})
	if err := hide(); err != nil {
		os.Stderr.WriteString("zonetest: cannot hide the host's time zones: " + err.Error() + "\n")
		os.Exit(hideFailed)
	}
	err := syscall.Exec(program, os.Args, env)
	os.Stderr.WriteString("zonetest: " + err.Error() + "\n")
	os.Exit(hideFailed)
}

// hide mounts an empty, read-only file system over every system folder of zones there is, and
// checks that none is left.
func hide() error {
	// Mounts made here must not reach the host's namespace.
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return err
	}
	for _, dir := range systemZones {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		if err := syscall.Mount("none", dir, "tmpfs", syscall.MS_RDONLY, ""); err != nil {
			return err
		}
		if entries, err := os.ReadDir(dir); err != nil || len(entries) > 0 {
			return errors.New(dir + " is still readable")
		}
	}
	return nil
}

// Run runs the program at path with args where it sees no time zones but those it embeds:
// ZONEINFO and GOROOT name an empty folder, TZ is unset and the system's zone folders are empty.
// It returns what the program wrote to stdout and stderr and its exit code. The test is skipped
// where namespaces cannot be made.
func Run(t *testing.T, path string, args ...string) (output string, code int) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	cmd := exec.Command(self)
	cmd.Args = append([]string{path}, args...)
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return slices.Contains([]string{"TZ", "ZONEINFO", "GOROOT", stageVar, programVar}, name)
	})
	cmd.Env = append(cmd.Env, stageVar+"=hide", programVar+"="+path, "ZONEINFO="+empty, "GOROOT="+empty)
	cmd.SysProcAttr = &syscall.SysProcAttr{
		// A user namespace in which the process is root, so that it may mount in its own
		// mount namespace.
		Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case !errors.As(err, &exit):
		t.Skipf("cannot start a process in a new user and mount namespace: %v", err)
	case exit.ExitCode() == hideFailed && strings.HasPrefix(out.String(), "zonetest: "):
		t.Skipf("%s", out.String())
	}
	return out.String(), exit.ExitCode()
}
