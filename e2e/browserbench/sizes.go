package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// uiWASMBudget is the budget for the UI's WebAssembly on the wire,
// brotli-compressed: 3.5 MB (10^6 bytes).
const uiWASMBudget = 3.5e6

// printSizes writes each WebAssembly file's size raw, gzip -9 and brotli -11
// (what a static host serves precompressed), computed here in Go.
func printSizes(budgets *checks) error {
	fmt.Println("| file | raw | gzip -9 | brotli -11 | budget | |")
	fmt.Println("|---|---:|---:|---:|---:|---|")
	for _, name := range []string{"app.wasm", "graphviz.wasm"} {
		b, err := os.ReadFile(filepath.Join("web", name))
		if err != nil {
			return fmt.Errorf("%w (build it with `make build`)", err)
		}
		gz, br := gzipSize(b), brotliSize(b)
		budget, met := "—", ""
		if name == "app.wasm" {
			budget = "≤ 3.5 MB brotli"
			met = budgets.add("UI WASM on the wire (brotli -11)", "≤ 3.5 MB", mb(br), br <= uiWASMBudget)
		}
		fmt.Printf("| web/%s | %s | %s | %s | %s | %s |\n", name, mib(len(b)), mib(gz), mib(br)+" ("+mb(br)+")", budget, met)
	}
	fmt.Println()
	return nil
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func brotliSize(b []byte) int {
	var buf bytes.Buffer
	// Quality 11 and a 16 MiB window: what the brotli command writes.
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	w.Write(b)
	w.Close()
	return buf.Len()
}

func mib(n int) string { return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20)) }

func mb(n int) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

// kib formats a byte count for the wire table.
func kib(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/1024)
	}
	return mib(int(n))
}
