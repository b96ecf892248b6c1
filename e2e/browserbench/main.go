// Command browserbench measures the playground in headless Chromium: the size
// of each WebAssembly file, navigation to the first diagram and to
// interactive on the default lesson (cold loads), and the render worker's
// layout time for generated topologies. It prints Markdown tables for
// BENCHMARKS.md. Run it from the repository root: `make bench-browser`.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/chromedp/chromedp"

	"privatelink-playground/app/server"
)

func main() {
	runs := flag.Int("runs", 5, "measurements per figure (the median is reported)")
	flag.Parse()
	if err := run(*runs); err != nil {
		fmt.Fprintln(os.Stderr, "browserbench:", err)
		os.Exit(1)
	}
}

func run(runs int) error {
	ctx := context.Background()
	srv, err := server.New(ctx, server.Config{Dir: "."})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()

	fmt.Printf("Machine: %s/%s, %d cores, %s; date %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), chromiumVersion(ctx), time.Now().UTC().Format("2006-01-02"))
	if err := printSizes(); err != nil {
		return err
	}
	if err := printColdLoads(ctx, base, runs); err != nil {
		return err
	}
	return printLayouts(ctx, base, runs)
}

func printSizes() error {
	fmt.Println("| file | raw | gzip -9 |")
	fmt.Println("|---|---:|---:|")
	for _, name := range []string{"app.wasm", "graphviz.wasm"} {
		b, err := os.ReadFile(filepath.Join("web", name))
		if err != nil {
			return err
		}
		var gz bytes.Buffer
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write(b)
		w.Close()
		fmt.Printf("| web/%s | %s | %s |\n", name, mib(len(b)), mib(gz.Len()))
	}
	fmt.Println()
	return nil
}

func mib(n int) string { return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20)) }

// browser starts a fresh headless Chromium with an empty profile (a cold cache).
func browser(ctx context.Context) (context.Context, func(), error) {
	profile, err := os.MkdirTemp("", "browserbench-")
	if err != nil {
		return nil, nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1400, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelB := chromedp.NewContext(allocCtx)
	tctx, cancelT := context.WithTimeout(bctx, 2*time.Minute)
	return tctx, func() {
		cancelT()
		cancelB()
		cancelAlloc()
		os.RemoveAll(profile)
	}, nil
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
