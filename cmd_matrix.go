package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"privatelink-playground/engine"
)

// runMatrix is `matrix --scenario FILE [--format json|text|csv]`: the
// reachability matrix of the scenario, every instance and on-premises host
// calling every service, bucket and table (engine.World.Matrix). json is
// the Matrix as is; text a table of verdict icons and deciding rules; csv
// one row a cell. Whatever the verdicts the exit code is 0; a bad scenario
// or flag is a one-line error on stderr and exit 2.
func runMatrix(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("matrix", "matrix --scenario FILE [--format json|text|csv]")
	scenario := fs.String("scenario", "", "scenario JSON file")
	format := fs.String("format", "json", "json, text or csv")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	switch *format {
	case "json", "text", "csv":
	default:
		return failf(stderr, "matrix", "--format must be json, text or csv, not %q", *format)
	}
	if *scenario == "" {
		return failf(stderr, "matrix", "--scenario FILE is required")
	}
	_, w, err := compileScenario(*scenario)
	if err != nil {
		return failf(stderr, "matrix", "%v", err)
	}
	m := w.Matrix()
	switch *format {
	case "text":
		err = writeMatrixText(stdout, m)
	case "csv":
		err = writeMatrixCSV(stdout, m)
	default:
		err = writeJSON(stdout, m)
	}
	if err != nil {
		return failf(stderr, "matrix", "%v", err)
	}
	return 0
}

// writeMatrixCSV prints one row a cell, after a header: the source, the
// target and its request, and the cell.
func writeMatrixCSV(w io.Writer, m engine.Matrix) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "target", "kind", "to", "port", "action", "resource", "verdict", "rule", "via"})
	for i, from := range m.Sources {
		for j, c := range m.Cells[i] {
			tg := m.Targets[j]
			cw.Write([]string{from, tg.Name, tg.Kind, tg.To, strconv.Itoa(tg.Port), tg.Action, tg.Resource, c.Verdict, c.Rule, c.Via})
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeMatrixText prints the targets with their requests, a legend, then a
// table: one row a source, one column a target, each cell the verdict's
// icon and the rule that decided it.
func writeMatrixText(w io.Writer, m engine.Matrix) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Reachability matrix: %s × %s.\n", plural(len(m.Sources), "source"), plural(len(m.Targets), "target"))
	labels := make([]string, len(m.Targets))
	for j, tg := range m.Targets {
		labels[j] = targetLabel(tg)
	}
	if len(m.Targets) > 0 {
		b.WriteString("Targets:\n")
		width := maxWidth(labels, 0)
		for j, tg := range m.Targets {
			req := fmt.Sprintf("%s:%d", tg.To, tg.Port)
			if tg.Action != "" {
				req += " " + tg.Action + " on " + tg.Resource
			}
			fmt.Fprintf(&b, "  %s  %s (%s)\n", pad(labels[j], width), req, tg.Kind)
		}
	}
	b.WriteString("Legend: ✔ allowed  ✖ denied  ⊘ unreachable  ? unresolved; each cell gives the rule of the deciding hop.\n\n")
	rows := make([][]string, len(m.Sources))
	for i := range m.Sources {
		rows[i] = make([]string, len(m.Targets))
		for j, c := range m.Cells[i] {
			icon := engine.VerdictIcon(c.Verdict)
			if icon == "" {
				icon = c.Verdict
			}
			rows[i][j] = strings.TrimSpace(icon + " " + c.Rule)
		}
	}
	first := maxWidth(m.Sources, len("source"))
	b.WriteString(pad("source", first))
	widths := make([]int, len(m.Targets))
	for j := range m.Targets {
		widths[j] = displayWidth(labels[j])
		for i := range rows {
			widths[j] = max(widths[j], displayWidth(rows[i][j]))
		}
		b.WriteString("  " + pad(labels[j], widths[j]))
	}
	b.WriteString("\n")
	for i, from := range m.Sources {
		line := pad(from, first)
		for j := range m.Targets {
			line += "  " + pad(rows[i][j], widths[j])
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// targetLabel is a target's short column header: the service's regional
// name without .amazonaws.com, the endpoint service, s3:BUCKET or
// dynamodb:TABLE.
func targetLabel(tg engine.MatrixTarget) string {
	switch tg.Kind {
	case engine.TargetAWSService:
		return strings.TrimSuffix(tg.To, ".amazonaws.com")
	case engine.TargetBucket:
		return "s3:" + tg.Name
	case engine.TargetTable:
		return "dynamodb:" + tg.Name
	}
	return tg.Name
}

// displayWidth is the number of terminal columns text takes: one a rune
// (the verdict icons are all narrow).
func displayWidth(s string) int {
	return utf8.RuneCountInString(s)
}

// maxWidth is the widest display width in list, and at least least.
func maxWidth(list []string, least int) int {
	for _, s := range list {
		least = max(least, displayWidth(s))
	}
	return least
}

// pad fills s with spaces to width display columns.
func pad(s string, width int) string {
	if n := width - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// plural writes a count with its noun: "1 target", "2 targets".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
