// Package hugepage asks the operating system to back the long-lived part
// of the Go heap (the loaded models, lexicons and gazetteer) with
// transparent huge pages.
//
// The perceptron stages read their weight tables at random: a document
// touches thousands of 4 KB pages spread over tens of megabytes, more than
// the processor's TLB covers, so most of those reads first walk the page
// tables. With 2 MB pages the same tables need a few dozen TLB entries.
// Linux distributions commonly set transparent huge pages to "madvise"
// (only memory that asks for them gets them), and the Go runtime does not
// ask, so without this the models sit on 4 KB pages.
package hugepage

import "unsafe"

// Size is the huge page size this package works with (x86-64 and arm64
// Linux with 4 KB base pages).
const Size = 2 << 20

// Disabled reports whether huge pages were turned off with Go's own
// switch, GODEBUG=disablethp=1 (the package then does nothing).
func Disabled(godebug string) bool {
	for len(godebug) > 0 {
		var kv string
		kv, godebug = cut(godebug, ',')
		if kv == "disablethp=1" {
			return true
		}
	}
	return false
}

func cut(s string, sep byte) (string, string) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:]
		}
	}
	return s, ""
}

// aligned returns the whole huge pages inside [lo, hi).
func aligned(lo, hi uintptr) (uintptr, uintptr) {
	lo = (lo + Size - 1) &^ (Size - 1)
	hi &^= Size - 1
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

// Heap asks for huge pages under the memory mapping that holds p (any
// pointer into the Go heap: the heap is one growing mapping) and collapses
// the pages it already holds into huge pages. It returns how many huge
// pages it made (0 where the platform has none, or when GODEBUG has
// disablethp=1). Call it once, after the long-lived data is loaded:
// collapsing copies memory (about 1 ms per 10 MB).
func Heap(p unsafe.Pointer) int {
	return heap(uintptr(p))
}
