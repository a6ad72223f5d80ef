//go:build !unix

package main

import "time"

// cpuTime is zero where the system offers no portable CPU clock; bench
// then reports wall-clock figures only.
func cpuTime() time.Duration { return 0 }
