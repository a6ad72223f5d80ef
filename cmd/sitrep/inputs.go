package main

import (
	"io"
	"os"

	sitrep "github.com/sitrep-news/sitrep"
	"github.com/sitrep-news/sitrep/acquire"
)

// input is one raw document to analyse.
type input = acquire.Input

// readOne reads the single document named on the command line: a file, a
// URL, or "-" for standard input.
func readOne(env *Env, name string, maxBytes int) (input, error) {
	if name == "-" {
		b, err := readLimited(env.Stdin, "stdin", maxBytes)
		return input{Name: "stdin", Bytes: b}, err
	}
	if isURL(name) {
		return acquire.FetchURL(name, acquire.Options{MaxBytes: maxBytes})
	}
	f, err := os.Open(name)
	if err != nil {
		return input{}, sitrep.Errorf(sitrep.EINVALID, name, "cannot open: %v", unwrapPathError(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return input{}, sitrep.Errorf(sitrep.EINVALID, name, "is a directory; analyze takes one document (use sitrep ingest for folders)")
	}
	b, err := readLimited(f, name, maxBytes)
	return input{Name: name, Bytes: b}, err
}

// readLimited reads all of r, failing with ETOOLARGE past maxBytes.
func readLimited(r io.Reader, name string, maxBytes int) ([]byte, error) {
	if maxBytes <= 0 {
		return io.ReadAll(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(maxBytes)+1))
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, name, "cannot read: %v", err)
	}
	if len(b) > maxBytes {
		return nil, sitrep.Errorf(sitrep.ETOOLARGE, name, "larger than the %d-byte limit (raise it with --max-bytes)", maxBytes)
	}
	return b, nil
}

// createFile creates an output file, with an error naming it.
func createFile(name string) (*os.File, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, name, "cannot create: %v", unwrapPathError(err))
	}
	return f, nil
}
