package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"privatelink-playground/e2e/chromium"
)

// sessionLimit bounds one browser session; stepLimit one step in it.
const (
	sessionLimit = 6 * time.Minute
	stepLimit    = 90 * time.Second
)

// tab is a fresh headless Chromium with an empty profile (a cold cache),
// its one tab, the probe installed on every document, and the page's
// uncaught exceptions, which the errors of its steps quote.
type tab struct {
	ctx   context.Context
	close func()

	mu         sync.Mutex
	exceptions []string
}

// newTab starts the browser and installs the probe; listen, when not nil,
// receives the tab's protocol events from the start (see chromedp.Listen).
func newTab(ctx context.Context, listen func(ev any)) (*tab, error) {
	profile, err := os.MkdirTemp("", "browserbench-")
	if err != nil {
		return nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, chromium.Options(profile)...)
	bctx, cancelB := chromedp.NewContext(allocCtx)
	tctx, cancelT := context.WithTimeout(bctx, sessionLimit)
	t := &tab{ctx: tctx, close: func() {
		cancelT()
		cancelB()
		cancelAlloc()
		os.RemoveAll(profile)
	}}
	fail := func(err error) (*tab, error) {
		t.close()
		return nil, fmt.Errorf("starting Chromium: %w", err)
	}
	if err := chromedp.Do(tctx); err != nil {
		return fail(err)
	}
	err = chromedp.Listen(tctx, func(ev any) {
		if ex, ok := ev.(*cdpruntime.EventExceptionThrown); ok && ex.ExceptionDetails != nil {
			t.mu.Lock()
			t.exceptions = append(t.exceptions, exceptionText(ex.ExceptionDetails))
			t.mu.Unlock()
		}
		if listen != nil {
			listen(ev)
		}
	})
	if err != nil {
		return fail(err)
	}
	if _, err := chromedp.Call(tctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		return fail(err)
	}
	return t, nil
}

// open navigates to the playground and waits until go-app's WebAssembly runs
// (its loader is gone) and the topology is drawn.
func (t *tab) open(url string) error {
	return t.do("opening "+url, stepLimit,
		chromedp.Navigate(url),
		chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader")),
		chromedp.WaitVisible(chromedp.CSS("#topology svg")),
	)
}

// do runs actions within limit; an error names the step and quotes the
// page's uncaught exceptions.
func (t *tab) do(step string, limit time.Duration, actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(t.ctx, limit)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		return t.fail(step, err)
	}
	return nil
}

// eval evaluates a JavaScript expression (awaiting a promise) within the
// step limit.
func eval[T any](t *tab, step, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(t.ctx, stepLimit)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return v, t.fail(step, err)
	}
	return v, nil
}

func (t *tab) fail(step string, err error) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.exceptions) > 0 {
		return fmt.Errorf("%s: %w (page exceptions: %s)", step, err, strings.Join(t.exceptions, "; "))
	}
	return fmt.Errorf("%s: %w", step, err)
}

func exceptionText(d *cdpruntime.ExceptionDetails) string {
	if d.Exception != nil && d.Exception.Description != "" {
		return strings.SplitN(d.Exception.Description, "\n", 2)[0]
	}
	return d.Text
}
