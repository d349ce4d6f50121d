# case: MAKEFILE_LIST inside an included file
include sub/inc.mk
all:
	@echo '$(MAKEFILE_LIST)'
	@echo '$(INC_DIR)'
--- sub/inc.mk
INC_DIR := $(dir $(lastword $(MAKEFILE_LIST)))
