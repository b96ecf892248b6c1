package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
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
