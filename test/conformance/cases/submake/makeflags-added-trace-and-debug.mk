# case: --trace and --debug added to MAKEFLAGS by a makefile take effect once it is read
MAKEFLAGS += --trace --debug=b
all: one
	@echo "[$$MAKEFLAGS]"
one:
	@echo one
