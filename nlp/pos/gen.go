package pos

//go:generate go run ./internal/train -conll ../../../shared/eval/conll2003/eng.train -out model.bin.gz
