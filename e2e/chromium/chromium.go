// Package chromium says how the browser tests and benchmarks start
// headless Chromium on this kind of machine: as root without a sandbox, with
// no GPU, no background networking and an empty profile of its own.
package chromium

import "github.com/chromedp/chromedp"

// Options are chromedp's default allocator options plus the ones the suite
// and the benchmark need, with profile as the user data directory.
func Options(profile string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1400, 900),
	)
}
