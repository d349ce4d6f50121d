# case: .PHONY lines accumulate
.PHONY: a
.PHONY: b
all: a b
a b:
	@echo $@
--- a
--- b
