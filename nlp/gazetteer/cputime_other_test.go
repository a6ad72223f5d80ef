//go:build !linux

package gazetteer

import "time"

func threadCPU() (time.Duration, bool) { return 0, false }
