package deploy

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"debug/elf"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"statuspress/internal/testsupport"
)

// repoRoot is the repository, relative to this package.
const repoRoot = "../.."

// testVersion is the VERSION build argument of the test build.
const testVersion = "9.8.7-test"

// goBuild is the builder stage's go build, as the Dockerfile runs it.
type goBuild struct {
	stage   *stage
	workdir string            // WORKDIR of the stage, where the context was copied
	env     map[string]string // ENV and ARG, and assignments before the command
	args    []string          // go build ...
	output  string            // -o, in the image
}

// findGoBuild finds the RUN with go build in the stage the final stage copies its binary from.
func findGoBuild(t *testing.T, df *dockerfile, buildArgs map[string]string) goBuild {
	t.Helper()
	var from string
	for _, in := range df.final().all("COPY") {
		c, err := parseCopy(in.args, nil)
		if err != nil {
			t.Fatalf("Dockerfile:%d: %v", in.line, err)
		}
		if c.from != "" {
			from = c.from
		}
	}
	st := df.stage(from)
	if st == nil {
		t.Fatalf("the runtime stage copies nothing from a named builder stage (COPY --from=%q)", from)
	}
	b := goBuild{stage: st, workdir: "/"}
	for i, in := range st.ins {
		switch in.cmd {
		case "WORKDIR":
			b.workdir = path.Join(b.workdir, in.args)
		case "RUN":
			env := st.vars(i, buildArgs)
			args := in.args
			for strings.HasPrefix(args, "--") { // --mount=..., --network=...
				_, args, _ = strings.Cut(args, " ")
				args = strings.TrimSpace(args)
			}
			ws := words(args, env)
			for len(ws) > 0 {
				cmd := ws
				if j := indexOf(ws, "&&"); j >= 0 {
					cmd, ws = ws[:j], ws[j+1:]
				} else {
					ws = nil
				}
				for len(cmd) > 0 && assignmentRE.MatchString(cmd[0]) {
					k, v, _ := strings.Cut(cmd[0], "=")
					env[k] = v
					cmd = cmd[1:]
				}
				if len(cmd) >= 2 && cmd[0] == "go" && cmd[1] == "build" {
					if b.args != nil {
						t.Fatalf("Dockerfile:%d: a second go build in stage %s", in.line, st.name)
					}
					b.env, b.args = env, cmd
				}
			}
		}
	}
	if b.args == nil {
		t.Fatalf("no RUN go build in the builder stage %s", st.name)
	}
	for i, a := range b.args {
		if a == "-o" && i+1 < len(b.args) {
			b.output = b.args[i+1]
		}
	}
	if b.output == "" {
		t.Fatalf("go build has no -o: %q", b.args)
	}
	return b
}

// assignmentRE is a variable assignment before a shell command (CGO_ENABLED=0 go build ...).
var assignmentRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

func indexOf(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

func readDockerfile(t *testing.T) *dockerfile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	df, err := parseDockerfile(string(data))
	if err != nil {
		t.Fatalf("Dockerfile: %v", err)
	}
	return df
}

func readDockerignore(t *testing.T) *dockerignore {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	di, err := parseDockerignore(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return di
}

// TestDockerImage builds the binary as the Dockerfile does and checks what the image assumes.
func TestDockerImage(t *testing.T) {
	testsupport.Slow(t)
	t.Parallel()
	df := readDockerfile(t)
	di := readDockerignore(t)
	b := findGoBuild(t, df, map[string]string{"VERSION": testVersion})
	final := df.final()

	t.Run("builder", func(t *testing.T) {
		gomod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
		if m == nil {
			t.Fatal("go.mod has no go line")
		}
		if want := "golang:" + string(m[1]) + "-"; !strings.HasPrefix(b.stage.base, want) {
			t.Errorf("the builder is FROM %s; go.mod wants Go %s, so %s<debian release>", b.stage.base, m[1], want)
		}
		if b.env["CGO_ENABLED"] != "0" {
			t.Errorf("go build runs with CGO_ENABLED=%q, want 0 for a static binary", b.env["CGO_ENABLED"])
		}
		if indexOf(b.args, "-trimpath") < 0 {
			t.Errorf("go build lacks -trimpath: %q", b.args)
		}
		if j := indexOf(b.args, "-ldflags"); j < 0 || !strings.Contains(b.args[j+1], "-X main.version="+testVersion) {
			t.Errorf("go build does not set main.version from the VERSION build argument: %q", b.args)
		}
	})

	t.Run("dockerignore", func(t *testing.T) {
		// Everything a stage copies from the build context exists and is not ignored.
		for _, st := range df.stages {
			for _, in := range st.all("COPY") {
				c, err := parseCopy(in.args, nil)
				if err != nil {
					t.Fatalf("Dockerfile:%d: %v", in.line, err)
				}
				if c.from != "" {
					continue
				}
				for _, src := range c.srcs {
					src = path.Clean(src)
					if _, err := os.Stat(filepath.Join(repoRoot, src)); err != nil {
						t.Errorf("Dockerfile:%d copies %s, which is not in the repository", in.line, src)
					}
					if src != "." && di.excluded(src) {
						t.Errorf("Dockerfile:%d copies %s, which .dockerignore leaves out", in.line, src)
					}
				}
			}
		}
		for _, name := range []string{".git", "testoutput", "internal/e2e/node_modules", "content.test", "README.md"} {
			if !di.excluded(name) {
				t.Errorf(".dockerignore lets %s into the build context", name)
			}
		}
	})

	// The build: the context as .dockerignore lets it through, copied to a temporary WORKDIR, and
	// the go build command run there as written, but with -o in a temporary directory.
	tmp := t.TempDir()
	ctxDir := filepath.Join(tmp, "context")
	copied, err := copyContext(repoRoot, ctxDir, di)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range copied {
		if strings.HasSuffix(name, "_test.go") || strings.Contains(name, "node_modules/") {
			t.Fatalf(".dockerignore lets %s into the build context", name)
		}
	}
	bin := filepath.Join(tmp, filepath.FromSlash(b.output))
	args := append([]string{}, b.args[1:]...)
	args[indexOf(args, "-o")+1] = bin
	// With a cold build cache (a fresh CI machine) this compiles every dependency once more, as
	// -trimpath builds share nothing with the test builds: a few minutes on two cores.
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "go", args...)
	build.Dir = ctxDir
	build.Env = os.Environ()
	for k, v := range b.env {
		build.Env = append(build.Env, k+"="+v)
	}
	start := time.Now()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go %s in the build context: %v\n%s", strings.Join(args, " "), err, out)
	}
	t.Logf("built %s in %v", b.output, time.Since(start).Round(time.Millisecond))

	t.Run("static binary", func(t *testing.T) {
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Error("the binary has a PT_INTERP program header: it needs a dynamic loader, which distroless static lacks")
			}
		}
		if libs, err := f.ImportedLibraries(); err != nil || len(libs) > 0 {
			t.Errorf("the binary needs shared libraries %v (%v)", libs, err)
		}
		if f.Section(".symtab") != nil {
			t.Error("the binary has a symbol table: -ldflags -s is not in effect")
		}
		info, err := buildinfo.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		settings := map[string]string{}
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
		if settings["CGO_ENABLED"] != "0" || settings["-trimpath"] != "true" {
			t.Errorf("build settings CGO_ENABLED=%q -trimpath=%q", settings["CGO_ENABLED"], settings["-trimpath"])
		}
		if data, err := os.ReadFile(bin); err == nil && bytes.Contains(data, []byte(ctxDir)) {
			t.Errorf("the binary contains the build directory %s: -trimpath is not in effect", ctxDir)
		}
	})

	t.Run("version", func(t *testing.T) {
		for _, arg := range []string{"version", "--version"} {
			out, err := exec.Command(bin, arg).Output()
			if err != nil {
				t.Fatalf("%s %s: %v", b.output, arg, err)
			}
			if got, want := string(out), "statuspress "+testVersion+"\n"; got != want {
				t.Errorf("%s %s printed %q, want %q", b.output, arg, got, want)
			}
		}
	})

	// The runtime stage's instructions.
	env := final.vars(len(final.ins), map[string]string{"VERSION": testVersion})
	var binDest, contentSrc, contentDest, dataDest, dataOwner string
	for i, in := range final.ins {
		if in.cmd != "COPY" {
			continue
		}
		c, err := parseCopy(in.args, final.vars(i, nil))
		if err != nil {
			t.Fatalf("Dockerfile:%d: %v", in.line, err)
		}
		switch {
		case c.from == b.stage.name && c.chown != "":
			// The empty folder of the database, made writable for the user the server runs as.
			dataDest, dataOwner = path.Clean(c.dst), c.chown
		case c.from == b.stage.name:
			if len(c.srcs) != 1 || c.srcs[0] != b.output {
				t.Errorf("Dockerfile:%d copies %v from %s, but go build writes %s", in.line, c.srcs, c.from, b.output)
			}
			binDest = c.dst
		case c.from == "" && len(c.srcs) == 1:
			contentSrc, contentDest = path.Clean(c.srcs[0]), path.Clean(c.dst)
		}
	}
	if binDest == "" || contentDest == "" {
		t.Fatalf("the runtime stage should COPY the binary from %s and the content from the context", b.stage.name)
	}

	t.Run("runtime stage", func(t *testing.T) {
		if runs := final.all("RUN"); len(runs) > 0 {
			t.Errorf("Dockerfile:%d: RUN in the runtime stage, whose image has no shell", runs[0].line)
		}
		base := final.base
		if !strings.HasPrefix(base, "gcr.io/distroless/static") && base != "scratch" {
			t.Errorf("the runtime image is FROM %s, want distroless static", base)
		}
		ep := lastExec(t, final, "ENTRYPOINT")
		if len(ep) == 0 || ep[0] != binDest {
			t.Errorf("ENTRYPOINT %q does not start the copied binary %s", ep, binDest)
		}
		hcs := final.all("HEALTHCHECK")
		if len(hcs) != 1 {
			t.Fatalf("want one HEALTHCHECK, have %d", len(hcs))
		}
		_, hcCmd, ok := strings.Cut(hcs[0].args, "CMD ")
		hc, isExec := execForm(hcCmd)
		if !ok || !isExec || len(hc) < 2 || hc[0] != binDest || hc[1] != "healthcheck" {
			t.Errorf("HEALTHCHECK should run [%q, \"healthcheck\"] in exec form (no shell in the image), not %s", binDest, hcs[0].args)
		}
		if cmd := lastExec(t, final, "CMD"); len(cmd) == 0 || cmd[0] != "serve" {
			t.Errorf("CMD %q: want [\"serve\"]", cmd)
		}

		users := final.all("USER")
		if len(users) == 0 {
			t.Fatal("no USER: the container would run as root")
		}
		user := strings.Fields(users[len(users)-1].args)[0]
		uid, _, _ := strings.Cut(user, ":")
		if n, err := strconv.Atoi(uid); err != nil || n == 0 {
			t.Errorf("USER %s: want a numeric user other than 0, so that Kubernetes' runAsNonRoot can check it", user)
		}

		if got := env["STATUSPRESS_CONTENT"]; got != contentDest {
			t.Errorf("STATUSPRESS_CONTENT=%q but the content is copied to %s", got, contentDest)
		}
		var vols []string
		for _, in := range final.all("VOLUME") {
			vols = append(vols, strings.Fields(strings.NewReplacer("[", " ", "]", " ", `"`, " ", ",", " ").Replace(in.args))...)
		}
		slices.Sort(vols)
		want := []string{contentDest, dataDest}
		slices.Sort(want)
		if !slices.Equal(vols, want) {
			t.Errorf("want VOLUME %v (the content and the database), have %v", want, vols)
		}
		if got := env["STATUSPRESS_DATA"]; dataDest == "" || got != dataDest {
			t.Errorf("STATUSPRESS_DATA=%q, but the folder made for the database is %q (COPY --from=%s --chown=USER)", got, dataDest, b.stage.name)
		}
		if owner := strings.Fields(users[len(users)-1].args)[0]; dataOwner != owner {
			t.Errorf("the database's folder belongs to %q, but the server runs as %q and could not write there", dataOwner, owner)
		}
		_, port, err := net.SplitHostPort(env["STATUSPRESS_ADDR"])
		if err != nil {
			t.Errorf("STATUSPRESS_ADDR=%q: %v", env["STATUSPRESS_ADDR"], err)
		}
		exposes := final.all("EXPOSE")
		if len(exposes) != 1 || strings.TrimSuffix(exposes[0].args, "/tcp") != port {
			t.Errorf("EXPOSE %v does not match the port of STATUSPRESS_ADDR=%s", exposes, env["STATUSPRESS_ADDR"])
		}
		// Without STATUSPRESS_ADDR, serve's default is the same port.
		cmd := exec.Command(bin, "serve", "-h")
		cmd.Env = cleanEnv()
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), `(default ":`+port+`")`) {
			t.Errorf("serve's default address is not :%s:\n%s", port, out)
		}

		labels := map[string]string{}
		for _, in := range final.all("LABEL") {
			for k, v := range keyValues(in.args, env) {
				labels[k] = v
			}
		}
		for _, k := range []string{"title", "description", "version", "revision", "created", "base.name"} {
			if _, ok := labels["org.opencontainers.image."+k]; !ok {
				t.Errorf("no LABEL org.opencontainers.image.%s", k)
			}
		}
		if got := labels["org.opencontainers.image.version"]; got != testVersion {
			t.Errorf("org.opencontainers.image.version is %q with VERSION=%s", got, testVersion)
		}
		if got := labels["org.opencontainers.image.base.name"]; got != base {
			t.Errorf("org.opencontainers.image.base.name is %q, but the image is FROM %s", got, base)
		}
	})

	t.Run("content lints clean", func(t *testing.T) {
		dir := filepath.Join(ctxDir, filepath.FromSlash(contentSrc))
		// At the sample's own time: on the real clock its ongoing incident has gone stale, which
		// lint rightly warns about.
		out, err := exec.Command(bin, "lint", "--format", "json", "--now", "2026-11-24T12:00:00Z", dir).Output()
		if err != nil {
			t.Fatalf("lint %s: %v\n%s", contentSrc, err, out)
		}
		var res struct{ Incidents, Errors, Warnings int }
		if err := json.Unmarshal(out, &res); err != nil {
			t.Fatal(err)
		}
		if res.Incidents == 0 || res.Errors > 0 || res.Warnings > 0 {
			t.Errorf("the image's content %s: %d incidents, %d errors, %d warnings", contentSrc, res.Incidents, res.Errors, res.Warnings)
		}
	})

	// The container as Docker runs it: serve with the image's environment (the content at the
	// copy in the context, on a free port of 127.0.0.1), and the HEALTHCHECK command beside it.
	t.Run("healthcheck", func(t *testing.T) {
		_, hcCmd, _ := strings.Cut(final.all("HEALTHCHECK")[0].args, "CMD ")
		hc, _ := execForm(hcCmd)
		addr := freeAddr(t)
		runEnv := cleanEnv()
		for k, v := range env {
			runEnv = append(runEnv, k+"="+v)
		}
		runEnv = append(runEnv,
			"STATUSPRESS_CONTENT="+filepath.Join(ctxDir, filepath.FromSlash(contentSrc)),
			"STATUSPRESS_ADDR="+addr)
		check := func() (int, string) {
			cmd := exec.Command(bin, hc[1:]...)
			cmd.Env = runEnv
			out, err := cmd.CombinedOutput()
			if err != nil {
				if ee, ok := err.(*exec.ExitError); ok {
					return ee.ExitCode(), string(out)
				}
				t.Fatal(err)
			}
			return 0, string(out)
		}

		if code, out := check(); code != 1 {
			t.Errorf("healthcheck with no server: exit %d, want 1\n%s", code, out)
		}
		var logs bytes.Buffer
		srv := exec.Command(bin, lastExec(t, final, "CMD")...)
		srv.Env = runEnv
		srv.Stdout, srv.Stderr = &logs, &logs
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { _ = srv.Wait(); close(exited) }()
		t.Cleanup(func() {
			_ = srv.Process.Kill()
			<-exited
		})
		healthy := false
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if code, _ := check(); code == 0 {
				healthy = true
				break
			}
		}
		if !healthy {
			t.Fatalf("healthcheck never exited 0 while serve ran; serve's log:\n%s", logs.String())
		}
		if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		select {
		case <-exited:
		case <-time.After(15 * time.Second):
			t.Fatalf("serve did not stop on SIGTERM; log:\n%s", logs.String())
		}
		if code, out := check(); code != 1 {
			t.Errorf("healthcheck after serve stopped: exit %d, want 1\n%s", code, out)
		}
	})
}

// lastExec is the exec form of the last instruction cmd (ENTRYPOINT, CMD) of stage s.
func lastExec(t *testing.T, s *stage, cmd string) []string {
	t.Helper()
	all := s.all(cmd)
	if len(all) == 0 {
		return nil
	}
	v, ok := execForm(all[len(all)-1].args)
	if !ok {
		t.Errorf("Dockerfile:%d: %s %s is not in exec form; the image has no shell", all[len(all)-1].line, cmd, all[len(all)-1].args)
	}
	return v
}

// cleanEnv is the test's environment without STATUSPRESS_* variables.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "STATUSPRESS_") {
			env = append(env, kv)
		}
	}
	return env
}

// freeAddr is a free 127.0.0.1 port, as host:port.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
