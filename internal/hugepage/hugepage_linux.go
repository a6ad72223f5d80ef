package hugepage

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// madvCollapse is MADV_COLLAPSE (Linux 6.1): make huge pages of the
// memory already there now, instead of only for memory touched later.
const madvCollapse = 25

func heap(p uintptr) int {
	if Disabled(os.Getenv("GODEBUG")) {
		return 0
	}
	lo, hi, ok := mapping(p)
	if !ok {
		return 0
	}
	lo, hi = aligned(lo, hi)
	if lo == hi {
		return 0
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE); e != 0 {
		return 0 // no transparent huge pages in this kernel
	}
	// Page by page: a huge page with nothing in it yet fails with EINVAL
	// (it gets a huge page when first touched), and one failure must not
	// stop the rest.
	n := 0
	for a := lo; a < hi; a += Size {
		if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, a, Size, madvCollapse); e == 0 {
			n++
		}
	}
	return n
}

// mapping returns the bounds of the mapping that holds p, read from
// /proc/self/maps.
func mapping(p uintptr) (lo, hi uintptr, ok bool) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		r, _, _ := strings.Cut(sc.Text(), " ")
		a, b, _ := strings.Cut(r, "-")
		x, err1 := strconv.ParseUint(a, 16, 64)
		y, err2 := strconv.ParseUint(b, 16, 64)
		if err1 == nil && err2 == nil && uintptr(x) <= p && p < uintptr(y) {
			return uintptr(x), uintptr(y), true
		}
	}
	return 0, 0, false
}
