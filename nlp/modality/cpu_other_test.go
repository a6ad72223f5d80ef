//go:build !unix

package modality

import "time"

func cpuTime() time.Duration { return 0 }
