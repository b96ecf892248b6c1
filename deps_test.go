package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// listDeps returns the packages a package pulls in, for a GOOS/GOARCH.
func listDeps(t *testing.T, goos, goarch, pkg string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", pkg)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
	}
	return strings.Fields(string(out))
}

func assertNoDeps(t *testing.T, what string, deps []string, forbidden ...string) {
	t.Helper()
	for _, d := range deps {
		for _, f := range forbidden {
			if d == f || strings.HasPrefix(d, f+"/") {
				t.Errorf("%s depends on %s", what, d)
			}
		}
	}
}

// The engine is pure: no browser, UI or Graphviz code, natively or in WASM.
// (On js/wasm the standard library itself uses syscall/js, so for it only the
// engine's own imports are checked.)
func TestEngineDependencies(t *testing.T) {
	forbidden := []string{"github.com/maxence-charriere/go-app", "github.com/goccy/go-graphviz", "github.com/tetratelabs/wazero", "privatelink-playground/app", "net/http"}
	for _, target := range [][2]string{{"linux", "amd64"}, {"js", "wasm"}} {
		deps := listDeps(t, target[0], target[1], "./engine/...")
		assertNoDeps(t, "engine ("+target[0]+")", deps, forbidden...)
	}
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}: {{join .Imports " "}}`, "./engine/...")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ": ")
		assertNoDeps(t, pkg, strings.Fields(imports), "syscall/js")
	}
}

// The UI's WebAssembly carries neither the server, the CLI nor go-graphviz's Go
// API (layout runs on the browser's own WebAssembly engine).
func TestUIWasmDependencies(t *testing.T) {
	deps := listDeps(t, "js", "wasm", "./wasm/ui")
	assertNoDeps(t, "the UI WebAssembly", deps,
		"github.com/goccy/go-graphviz",
		"github.com/tetratelabs/wazero",
		"github.com/chromedp",
		"privatelink-playground/app/server",
		"privatelink-playground/app/graphviz",
	)
}

// The Terraform export is a WebAssembly of its own, loaded on its first use:
// the UI's carries neither engine/terraform nor the HCL libraries, and the
// export's carries no UI.
func TestTerraformWasmIsApartFromTheUI(t *testing.T) {
	assertNoDeps(t, "the UI WebAssembly", listDeps(t, "js", "wasm", "./wasm/ui"),
		"privatelink-playground/engine/terraform",
		"github.com/hashicorp/hcl",
	)
	deps := listDeps(t, "js", "wasm", "./wasm/terraform")
	assertNoDeps(t, "the Terraform WebAssembly", deps,
		"github.com/maxence-charriere/go-app",
		"privatelink-playground/app",
		"github.com/goccy/go-graphviz",
	)
	if !slices.Contains(deps, "privatelink-playground/engine/terraform") {
		t.Errorf("the Terraform WebAssembly does not carry engine/terraform")
	}
}
