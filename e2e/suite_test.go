// Package e2e drives the playground in headless Chromium with chromedp. The
// suite builds nothing: `make test` (or `make build`) builds the WebAssembly
// first; each test starts from the in-process server on a loopback port.
package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"privatelink-playground/app/server"
	"privatelink-playground/e2e/chromium"
)

var (
	baseURL    string
	browserCtx context.Context
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	srv, err := server.New(ctx, server.Config{Dir: ".."})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting the server:", err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	baseURL = "http://" + ln.Addr().String()

	profile, err := os.MkdirTemp("", "e2e-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(profile)
	opts := append(chromium.Options(profile), chromedp.CombinedOutput(chromiumLog))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	var cancelBrowser context.CancelFunc
	browserCtx, cancelBrowser = chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browserCtx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting Chromium:", err)
		return 1
	}
	return m.Run()
}

// page is one test's browser tab, in a browser context of its own (its own
// service worker, caches and storage, so no test inherits another's state),
// with the page's exceptions and console errors collected as they happen.
type page struct {
	t      *testing.T
	ctx    context.Context
	tabCtx context.Context

	mu       sync.Mutex
	problems []string
	console  []string // the last console lines of any kind, for a failure's report
}

// newPage opens a tab with a time limit. When the test fails, a screenshot
// and the DOM are saved under e2e/failures/ and their path printed.
func newPage(t *testing.T, timeout time.Duration) *page {
	t.Helper()
	tabCtx, cancelTab := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	// Open the tab under tabCtx, so it outlives the test's time limit and a
	// failure can still be photographed.
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tabCtx, timeout)
	p := &page{t: t, ctx: ctx, tabCtx: tabCtx}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			p.note("exception: " + exceptionText(ev))
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			p.keepConsole(string(ev.Type) + ": " + consoleText(ev))
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				p.note("console." + string(ev.Type) + ": " + consoleText(ev))
			}
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			p.saveFailure()
		}
		cancel()
		cancelTab()
	})
	return p
}

func (p *page) note(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems = append(p.problems, s)
}

// assertNoProblems fails the test for any page exception or console error.
func (p *page) assertNoProblems() {
	p.t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, s := range p.problems {
		p.t.Errorf("page reported %s", s)
	}
}

// do runs actions, failing the test on error.
func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its result.
func eval[T any](p *page, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func (p *page) saveFailure() {
	dir := filepath.Join("failures", strings.NewReplacer("/", "_", " ", "_").Replace(p.t.Name()))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		p.t.Logf("saving the failure: %v", err)
		return
	}
	ctx, cancel := context.WithTimeout(p.tabCtx, 10*time.Second)
	defer cancel()
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
		os.WriteFile(filepath.Join(dir, "screenshot.png"), png, 0o644)
	}
	if html, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`)); err == nil {
		os.WriteFile(filepath.Join(dir, "dom.html"), []byte(html), 0o644)
	}
	abs, _ := filepath.Abs(dir)
	p.t.Logf("screenshot and DOM saved in %s", abs)
	p.mu.Lock()
	for _, s := range p.problems {
		p.t.Logf("page reported %s", s)
	}
	p.mu.Unlock()
	p.t.Logf("%s", p.pageState())
	fmt.Fprintf(os.Stderr, "e2e: %s failed; screenshot and DOM in %s\n", p.t.Name(), abs)
}

func exceptionText(ev runtime.EventExceptionThrown) string {
	d := ev.ExceptionDetails
	if d == nil {
		return "unknown exception"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return s
}

func consoleText(ev runtime.EventConsoleAPICalled) string {
	parts := make([]string, 0, len(ev.Args))
	for _, a := range ev.Args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}
