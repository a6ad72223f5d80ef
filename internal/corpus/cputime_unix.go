//go:build unix

package corpus

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time (user and system) this process has used. On a
// shared machine, throughput per CPU-second measures a stage where wall
// time cannot.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
