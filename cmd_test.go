package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestUnknownSubcommandExits2(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"frobnicate"}, &out, &errOut); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), `unknown subcommand "frobnicate"`) {
		t.Errorf("stderr = %q", errOut.String())
	}
}

func TestHelpListsEverySubcommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"help"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}
	for _, name := range []string{"serve", "validate", "trace", "apply", "policy", "share", "static"} {
		if !strings.Contains(out.String(), name) {
			t.Errorf("help does not list %s", name)
		}
	}
}

func TestStaticNeedsOut(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"static"}, &out, &errOut); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
}
