module github.com/sitrep-news/sitrep

go 1.26.8
