package e2e

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// logTail keeps the last lines written to it: Chromium's own output, printed
// when a test fails so that a crash or a full disk is seen in CI's log.
type logTail struct {
	mu    sync.Mutex
	max   int
	lines []string
	part  []byte
}

func (l *logTail) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.part = append(l.part, b...)
	for {
		i := bytes.IndexByte(l.part, '\n')
		if i < 0 {
			break
		}
		if line := string(l.part[:i]); !strings.Contains(line, ":ERROR:dbus/") {
			l.lines = append(l.lines, line) // a machine without D-Bus says so on every start
		}
		l.part = l.part[i+1:]
	}
	if n := len(l.lines) - l.max; n > 0 {
		l.lines = append(l.lines[:0], l.lines[n:]...)
	}
	return len(b), nil
}

// String is the kept lines, oldest first.
func (l *logTail) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(append(l.lines, string(l.part)), "\n")
}

// chromiumLog holds the end of Chromium's output for the whole run.
var chromiumLog = &logTail{max: 40}

// pageState is what a failed test prints of its tab: how far the page got,
// go-app's loader label, the service worker, the page's recent console
// lines, every target of the browser, and Chromium's latest output.
func (p *page) pageState() string {
	var b strings.Builder
	ctx, cancel := context.WithTimeout(p.tabCtx, 5*time.Second)
	defer cancel()
	state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
		url: location.href,
		readyState: document.readyState,
		loader: document.getElementById("app-wasm-loader-label")?.innerText ?? null,
		serviceWorker: navigator.serviceWorker?.controller?.state ?? null,
		topologySVG: !!document.querySelector("#topology svg"),
	})`))
	if err != nil {
		state = "not readable: " + err.Error()
	}
	fmt.Fprintf(&b, "page: %s\n", state)
	p.mu.Lock()
	fmt.Fprintf(&b, "page console (last %d):\n  %s\n", len(p.console), strings.Join(p.console, "\n  "))
	p.mu.Unlock()
	if infos, err := chromedp.Targets(ctx); err == nil {
		b.WriteString("browser targets:\n")
		for _, in := range infos {
			fmt.Fprintf(&b, "  %s %s attached=%v %s\n", in.Type, in.TargetID, in.Attached, in.URL)
		}
	} else {
		fmt.Fprintf(&b, "browser targets not listed: %v\n", err)
	}
	fmt.Fprintf(&b, "Chromium's output (last lines):\n%s", chromiumLog.String())
	return b.String()
}

// keepConsole keeps a console line, the last 30 of them.
func (p *page) keepConsole(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.console = append(p.console, line)
	if n := len(p.console) - 30; n > 0 {
		p.console = append(p.console[:0], p.console[n:]...)
	}
}
