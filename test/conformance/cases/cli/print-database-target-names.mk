# case: the target list that shell completion scripts extract from -p
# sh: $MAKE -pRrq : 2>/dev/null | grep -E '^[a-zA-Z0-9][^$#/	=]*:([^=]|$)' | cut -d: -f1 | sort -u
all: build test
build test:
	@echo $@
install: build
.PHONY: all
VAR = x
