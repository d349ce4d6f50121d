# case: single-letter options appear in MAKEFLAGS
# run: -s -k
all:
	@echo "[$(MAKEFLAGS)] [$$MAKEFLAGS]"
