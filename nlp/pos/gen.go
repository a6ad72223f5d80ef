package pos

//go:generate go run ./internal/train -conll ../../../shared/eval/conll2003/eng.train -out model.bin.gz -dict-min 3 -dict-ratio 0.99 -class-min 0 -vocab-min 1 -eval ../../../shared/eval/conll2003/eng.testa
