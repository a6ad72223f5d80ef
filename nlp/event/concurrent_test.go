package event

import (
	"github.com/sitrep-news/sitrep/nlp/text"
	"sync"
	"testing"
)

func TestExtractConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := text.Segment("Iran sent 2,000 troops to Russia. Putin met Kim in Pyongyang and signed a pact.")
			Extract(d, Options{Entities: entities(d)})
		}()
	}
	wg.Wait()
}
