# case: include paths are relative to the working directory
include sub/one.mk
all:
	@echo '$(ONE) $(TWO)'
--- sub/one.mk
ONE = one
include sub/two.mk
--- sub/two.mk
TWO = two
