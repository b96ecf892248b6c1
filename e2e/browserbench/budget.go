package main

import (
	"fmt"
	"sort"
)

// check is one budget of the issue "Performance" beside the figure
// measured against it.
type check struct {
	What, Budget, Measured string
	Met                    bool
}

// checks collects the budgets as the tables print them, for the summary.
type checks []check

// add records a budget and returns the mark to print beside the figure.
func (c *checks) add(what, budget, measured string, met bool) string {
	*c = append(*c, check{What: what, Budget: budget, Measured: measured, Met: met})
	return mark(met)
}

func mark(met bool) string {
	if met {
		return "✔ met"
	}
	return "✘ not met"
}

// print writes the summary table of every budget.
func (c checks) print() {
	met := 0
	for _, b := range c {
		if b.Met {
			met++
		}
	}
	fmt.Printf("| budget of the issue (%d of %d met) | budget | measured | |\n", met, len(c))
	fmt.Println("|---|---:|---:|---|")
	for _, b := range c {
		fmt.Printf("| %s | %s | %s | %s |\n", b.What, b.Budget, b.Measured, mark(b.Met))
	}
	fmt.Println()
}

// ms formats milliseconds.
func ms(v float64) string {
	if v < 10 {
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

// task formats the longest main-thread task: the Long Tasks API reports
// only tasks over 50 ms.
func task(v float64, supported bool) string {
	switch {
	case !supported:
		return "n/a (no Long Tasks API)"
	case v == 0:
		return "none > 50 ms"
	}
	return ms(v)
}

// median of xs (0 for none).
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

// maxOf is the largest of xs, at least 0.
func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
