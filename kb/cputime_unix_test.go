//go:build unix

package kb

import (
	"syscall"
	"time"
)

// cpuTime is the user and system CPU time this process has used: the
// benchmarks report it per operation, which a loaded machine changes less
// than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
