# case: include expands wildcards in file names
include parts/*.mk
all:
	@echo '$(sort $(PARTS))'
--- parts/one.mk
PARTS += one
--- parts/two.mk
PARTS += two
