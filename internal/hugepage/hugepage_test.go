package hugepage

import (
	"testing"
	"unsafe"
)

func TestDisabled(t *testing.T) {
	for in, want := range map[string]bool{
		"": false, "disablethp=1": true, "gctrace=1,disablethp=1": true,
		"disablethp=0": false, "xdisablethp=1": false, "disablethp=1,x=2": true,
	} {
		if got := Disabled(in); got != want {
			t.Errorf("Disabled(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestAligned(t *testing.T) {
	lo, hi := aligned(Size+1, 4*Size-1)
	if lo != 2*Size || hi != 3*Size {
		t.Errorf("aligned = [%d, %d), want [%d, %d)", lo/Size, hi/Size, 2, 3)
	}
	if lo, hi := aligned(Size+1, 2*Size-1); lo != hi {
		t.Errorf("no whole page inside: got [%d, %d)", lo, hi)
	}
}

// TestHeapKeepsData checks that collapsing leaves the heap's contents as
// they were (it is a hint; whether pages were made depends on the kernel).
func TestHeapKeepsData(t *testing.T) {
	s := make([]uint64, 3*Size/8)
	for i := range s {
		s[i] = uint64(i) * 0x9e3779b97f4a7c15
	}
	n := Heap(unsafe.Pointer(unsafe.SliceData(s)))
	t.Logf("%d huge pages made", n)
	for i := range s {
		if s[i] != uint64(i)*0x9e3779b97f4a7c15 {
			t.Fatalf("s[%d] changed", i)
		}
	}
}
