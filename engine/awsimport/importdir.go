package awsimport

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ImportDir imports every *.json file of a directory (not its
// subdirectories), as Import does, with the file names as keys.
func ImportDir(dir string) (*Result, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			continue
		}
		if len(files) == MaxFiles {
			return nil, fmt.Errorf("%s: more than %d JSON files", dir, MaxFiles)
		}
		data, err := readLimited(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		files[e.Name()] = data
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.json files of aws ec2 describe output", dir)
	}
	return Import(files)
}

// readLimited reads a file of at most MaxFileBytes.
func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("%s: more than the limit of %d bytes", filepath.Base(name), MaxFileBytes)
	}
	return data, nil
}
