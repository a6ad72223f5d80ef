package gazetteer

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time of the calling OS thread: on a shared,
// busy machine it measures a benchmark's own work, which wall time does not.
func threadCPU() (time.Duration, bool) {
	var r syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_THREAD, &r) != nil {
		return 0, false
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano()), true
}
