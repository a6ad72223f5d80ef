package event

//go:generate go run ./internal/train -tml ../../../shared/eval/tempeval3/train -out trigger.bin.gz
