package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// fetchPage returns the server's HTML for a URL, as a crawler would see it.
func fetchPage(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: %s", url, res.Status)
	}
	b, err := io.ReadAll(res.Body)
	return string(b), err
}

// newAddress waits until the address bar no longer reads old (the page
// writes it shortly after an edit) and returns it.
func (p *page) newAddress(old string) string {
	p.t.Helper()
	arg, _ := json.Marshal(old)
	p.do("waiting for the address bar to follow the edit",
		chromedp.Poll[chromedp.Void](fmt.Sprintf(`location.href !== %s`, arg),
			chromedp.WithPollingTimeout(5*time.Second)),
	)
	return eval[string](p, `location.href`)
}

// awsCapture returns the absolute paths of the files of an AWS CLI capture
// under engine/awsimport/testdata, for the import's file picker.
func awsCapture(t *testing.T, name string) []string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "engine", "awsimport", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := make([]string, 0, len(entries))
	for _, e := range entries {
		files = append(files, filepath.Join(dir, e.Name()))
	}
	return files
}
