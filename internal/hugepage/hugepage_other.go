//go:build !linux

package hugepage

func heap(p uintptr) int { return 0 }
