//go:build !unix

package corpus

import "time"

// CPUTime is zero where the system offers no portable CPU clock; metrics
// derived from it are then left out.
func CPUTime() time.Duration { return 0 }
