module github.com/jixiao/jixiao

go 1.26.8

require (
	github.com/fumiama/go-docx v0.0.0-20250506085032-0c30fd09304b
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0
	github.com/shopspring/decimal v1.6.0
	github.com/yanyiwu/gojieba v1.4.6
	golang.org/x/text v0.44.0
)

require github.com/fumiama/imgsz v0.0.2 // indirect
