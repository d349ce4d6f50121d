# case: a file written with $(file) can be included
$(file > gen.mk,GEN = generated)
include gen.mk
all:
	@echo '$(GEN)'
