//go:build unix

package modality

import (
	"syscall"
	"time"
)

// cpuTime is the process's CPU time so far: the benchmark reports
// throughput per CPU-second too, since the machine it runs on is shared.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
